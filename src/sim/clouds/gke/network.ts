/**
 * The path of `curl http://<EXTERNAL-IP>` on GKE (other-clouds §4): the forwarding rule that holds
 * the address and its port range, the target pool or backend service behind it, the VPC firewall
 * rules for the nodes' tag, the health check, then kube-proxy (a passthrough load balancer: the
 * packet keeps the client address). An internal rule's address is private: only the VPC reaches it.
 * Egress leaves with the node's own external IP.
 */
import type { KubeStore } from '../../kube/store';
import { flowHash, healthyNodes, inCidr, serviceWithIngress } from '../common';
import type { CloudInbound, CloudNetwork } from '../types';
import { type Firewall, type GcpStore, ruleForwards } from './store';

const lastPart = (url: string) => url.slice(url.lastIndexOf('/') + 1);
const rulePorts = (r: { allPorts?: boolean; portRange?: string; ports?: string[] }) => (r.allPorts ? 'all' : (r.portRange ?? r.ports?.join(',') ?? ''));

function allows(fw: Firewall, port: number, source: string, dest: string): boolean {
  return (
    fw.direction === 'INGRESS' &&
    fw.sourceRanges.some((r) => inCidr(r, source)) &&
    (!fw.destinationRanges?.length || fw.destinationRanges.some((r) => inCidr(r, dest))) &&
    fw.allowed.some(
      (a) =>
        (a.IPProtocol === 'tcp' || a.IPProtocol === 'all') &&
        (!a.ports?.length ||
          a.ports.some((p) => {
            const [lo, hi = lo] = p.split('-').map(Number);
            return lo <= port && port <= hi;
          })),
    )
  );
}

export function gkeNetwork(gcp: GcpStore, kube: KubeStore): CloudNetwork {
  return {
    // Google's load balancers have no DNS names of their own: only IP literals reach them.
    resolve: () => undefined,

    inbound(req): CloudInbound {
      const trace: string[] = [];
      const drop = (why: string): CloudInbound => (trace.push(why), { kind: 'drop', trace });
      const from = req.fromNode ? `Pod on node ${req.fromNode}` : 'Internet';
      const rule = [...gcp.forwardingRules.values()].find((r) => r.IPAddress === req.ip);
      if (!rule) return drop(`${from} → ${req.ip}: no forwarding rule in ${gcp.project} has this address → packet dropped`);
      // An internal rule's address lives in the VPC's subnet: only the VPC (and networks peered or
      // connected to it) routes to it. The internet has no route to a private 10.x address at all.
      if (rule.loadBalancingScheme === 'INTERNAL' && !req.fromNode)
        return drop(
          `Internet → ${req.ip}: forwarding rule ${rule.name} is INTERNAL, its address comes from subnet ${lastPart(rule.subnetwork ?? gcp.subnetwork)} (${gcp.subnetCidr}) of VPC network ${gcp.network}; a private address is not routable from outside the VPC → packet dropped`,
        );
      const ports = rulePorts(rule);
      if (!ruleForwards(rule, req.port)) return drop(`forwarding rule ${rule.name} forwards ports ${ports}; ${req.port} is not one of them → packet dropped`);
      const backend = rule.target ? `target pool ${lastPart(rule.target)}` : `backend service ${lastPart(rule.backendService ?? '')}`;
      trace.push(
        `${from} → ${req.ip}:${req.port}: ${rule.loadBalancingScheme === 'INTERNAL' ? 'internal ' : ''}forwarding rule ${rule.name} (${rule.IPProtocol} ${ports}) → ${backend}`,
      );
      const svc = serviceWithIngress(kube, { ip: req.ip });
      if (!svc) return drop(`no Service has ${req.ip} in its status → packet dropped`);

      const vms = rule.target
        ? (gcp.targetPools.get(lastPart(rule.target))?.instances ?? []).map(lastPart)
        : (gcp.backendServices.get(lastPart(rule.backendService ?? ''))?.backends ?? []).flatMap(({ group }) => {
            // …/zones/<zone>/instanceGroups/<name> or …/zones/<zone>/networkEndpointGroups/<name>
            const [zone, kind, name] = group.split('/').slice(-3);
            const key = `${zone}/${name}`;
            return (kind === 'instanceGroups' ? gcp.instanceGroups.get(key) : gcp.networkEndpointGroups.get(key))?.instances ?? [];
          });
      const byVm = new Map([...gcp.instances.values()].map((i) => [i.name, i]));

      // A passthrough load balancer: the packet reaches the VM still addressed to the rule's IP.
      const firewalls = [...gcp.firewalls.values()].filter((f) => f.targetTags.includes(gcp.nodeTag)).sort((a, b) => a.priority - b.priority);
      const fw = firewalls.find((f) => allows(f, req.port, req.callerIp, req.ip));
      if (!fw) return drop(`VPC firewall: no rule for tag ${gcp.nodeTag} allows tcp:${req.port} from ${req.callerIp} → packet dropped`);
      trace.push(`VPC firewall rule ${fw.name} allows tcp:${req.port} from ${fw.sourceRanges.join(',')} to ${gcp.nodeTag}`);

      const nodes = vms.map((vm) => byVm.get(vm)?.nodeName).filter((n): n is string => !!n);
      const healthy = healthyNodes(kube, svc, nodes);
      if (!healthy.length)
        return drop(
          `health check: 0/${nodes.length} VMs healthy${svc.spec.externalTrafficPolicy === 'Local' ? ' (externalTrafficPolicy Local: no ready pod on any node)' : ''} → packet dropped`,
        );
      const node = healthy[flowHash(`${req.callerIp}->${req.ip}:${req.port}`) % healthy.length];
      trace.push(`health check: ${healthy.length}/${nodes.length} VMs healthy → ${node} (${byVm.get(node)?.networkIP ?? '?'})`);
      return { kind: 'node', trace, svc, node, clientIp: req.callerIp };
    },

    egress(node) {
      const inst = gcp.instances.get(node);
      return inst && { ip: inst.natIP, via: `node ${node}'s external IP (ip-masq-agent SNATs the pod to the node; no Cloud NAT)` };
    },
  };
}
