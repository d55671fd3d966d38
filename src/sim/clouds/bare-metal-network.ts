/**
 * `curl` on a cluster without a cloud (MetalLB, k3s ServiceLB): the lab terminal is a laptop on
 * the same LAN as the nodes (there is no load balancer in front of them to reach from the
 * internet), and everything leaves through the LAN's router.
 */
import type { KubeStore } from '../kube/store';
import { inCidr, LAN, serviceWithIngress } from './common';
import type { CloudInbound, CloudNetwork } from './types';

/**
 * `deliver(ip)`: which node takes a packet for a LAN address, with the trace lines that say why
 * (MetalLB: the speaker answering ARP; k3s: the node itself, where a svclb pod holds the hostPort).
 */
export function lanNetwork(
  kube: KubeStore,
  deliver: (ip: string, port: number) => { node: string; trace: string[] } | { refused: string } | string | undefined,
): CloudNetwork {
  return {
    resolve: () => undefined,
    inbound(req): CloudInbound {
      const trace: string[] = [];
      const drop = (why: string): CloudInbound => (trace.push(why), { kind: 'drop', trace });
      const client = req.fromNode ? `Pod on node ${req.fromNode}` : `Laptop ${LAN.terminalIp} on the LAN`;
      if (!inCidr(LAN.cidr, req.ip)) return drop(`${client} → ${req.ip}: not on the LAN ${LAN.cidr}, and nothing forwards it → packet dropped`);
      const svc = serviceWithIngress(kube, { ip: req.ip, port: req.port });
      const d = deliver(req.ip, req.port);
      if (d && typeof d === 'object' && 'refused' in d)
        return { kind: 'refused', trace: [`${client} → ${req.ip}:${req.port}: ${d.refused} → RST (connection refused)`] };
      if (typeof d === 'string' || !d)
        return drop(`${client} → ${req.ip}:${req.port}: ${d ?? 'no machine on the LAN answers ARP for this address'} → packet dropped`);
      trace.push(`${client} → ${req.ip}:${req.port}`, ...d.trace);
      if (!svc) return drop(`no Service has ${req.ip} as its EXTERNAL-IP → packet dropped`);
      return { kind: 'node', trace, svc, node: d.node, clientIp: req.fromNode ? req.callerIp : LAN.terminalIp };
    },
    egress: () => ({ ip: LAN.routerPublicIp, via: `the LAN's router (NAT to its public address ${LAN.routerPublicIp})` }),
  };
}
