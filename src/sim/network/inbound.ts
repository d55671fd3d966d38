/**
 * The inbound packet walk for `curl http://<EXTERNAL-IP>:<port>` from the internet (issue #4).
 * It reads only what Azure and Kubernetes really consult, in the order they consult it:
 *   Public IP → LB frontend → load-balancing rule for port/protocol → NSG on the node subnet/NIC
 *   → backend pool node whose health probe is up → kube-proxy (Service endpoints, ETP)
 *   → the pod's container → the app's answer (apps.ts).
 * Every hop adds a trace line naming the object that decided it (`curl --trace`).
 * Pure reads: no store writes, so a curl never changes the world.
 */
import type { ArmStore } from '../azure/store';
import type { ArmResource } from '../azure/types';
import type { CloudNetwork } from '../clouds/types';
import type { KubeStore } from '../kube/store';
import type { KubeObject, Service } from '../kube/types';
import { cidrContains, isPrivate, stableHash } from './addr';
import { type AppAnswer, answer, appFor, isIngressController } from './apps';
import { routeIngress } from './ingress';

/**
 * The learner's machine "on the internet". 203.0.113.0/24 is TEST-NET-3 (RFC 5737): plausible,
 * public-looking, and guaranteed to belong to nobody. `curl ifconfig.me` in the lab terminal prints it.
 */
export const INTERNET_CLIENT_IP = '203.0.113.10';

export type InboundOutcome =
  /** SYN dropped somewhere (no rule, NSG deny, no healthy node, private/unknown IP): curl waits, (28). */
  | { kind: 'timeout'; trace: string[] }
  /** A node answered with RST (kube-proxy REJECT for no endpoints, or nothing listening): curl (7). */
  | { kind: 'refused'; trace: string[] }
  | { kind: 'answer'; answer: AppAnswer; trace: string[] /** Virtual time the answer took (ingress-nginx waiting on an upstream). */; delayMs?: number };

export interface InboundRequest {
  ip: string;
  port: number;
  method: 'GET' | 'HEAD';
  path: string;
  host: string;
  callerIp: string;
  /**
   * Set when the caller is a pod: the node it runs on. kube-proxy on that node programs every
   * Service's load balancer IP (status.loadBalancer.ingress, ipMode VIP), so a pod's packet to
   * such an address is answered by the Service's endpoints without leaving for the Azure LB —
   * which is also how a pod reaches an internal (private) frontend.
   */
  fromNode?: string;
}

type Ref = { id: string };
type Child = { id: string; name: string; properties: Record<string, unknown> };
interface Env {
  arm: ArmStore;
  kube: KubeStore;
  now: number;
  /** Set in an EKS, GKE or bare-metal sandbox: that network replaces the Azure path. */
  cloud?: CloudNetwork;
}

const PIP_TYPE = 'Microsoft.Network/publicIPAddresses';
const LB_TYPE = 'Microsoft.Network/loadBalancers';
const same = (a: string | undefined, b: string | undefined) => !!a && !!b && a.toLowerCase() === b.toLowerCase();
const short = (id: string) => id.replace(/^.*\/providers\/Microsoft\.\w+\//, '');
const children = (r: ArmResource | undefined, key: string) => (r?.properties[key] as Child[] | undefined) ?? [];

export function walkInbound(env: Env, req: InboundRequest): InboundOutcome {
  const trace: string[] = [];
  const drop = (why: string): InboundOutcome => (trace.push(why), { kind: 'timeout', trace });

  // 0. From a pod: kube-proxy on its node knows Service load balancer IPs.
  if (req.fromNode) {
    const own = env.kube
      .select('Service')
      .map((o) => o as Service)
      .find((s) => s.spec.type === 'LoadBalancer' && (s.status?.loadBalancer?.ingress ?? []).some((i) => i.ip === req.ip));
    const ownPort = own?.spec.ports?.find((p) => p.port === req.port && (p.protocol ?? 'TCP') === 'TCP');
    if (own && ownPort) {
      trace.push(
        `Pod on node ${req.fromNode} → ${req.ip}:${req.port}: kube-proxy on that node holds ${req.ip} as the load balancer IP of Service ${own.metadata.namespace}/${own.metadata.name} and handles it there (the Azure load balancer is not involved)`,
      );
      return toPod(
        env,
        req,
        own,
        ownPort,
        readyEndpoints(env.kube, own),
        `${req.fromNode}:${req.ip}:${req.port}`,
        trace,
        'traffic from a pod: any ready endpoint',
      );
    }
    const inside = walkInsideCluster(env, req, req.fromNode, trace);
    if (inside) return inside;
  }
  // Another cloud's load balancer, firewall and node choice; kube-proxy and the pod as everywhere.
  if (env.cloud) {
    const front = env.cloud.inbound(req);
    trace.push(...front.trace);
    if (front.kind === 'pod') {
      const pod = env.kube.peek('Pod', front.pod, front.svc.metadata.namespace);
      return pod ? containerAnswer(env, req, pod, front.svc.metadata.namespace ?? 'default', front.port, trace) : { kind: 'timeout', trace };
    }
    if (front.kind !== 'node') return { kind: front.kind === 'drop' ? 'timeout' : 'refused', trace };
    return viaKubeProxy(env, req, front.svc, front.node, front.clientIp, trace);
  }

  // 1. Which Azure object owns this address? Only a Public IP is reachable from the internet.
  // Search the live objects (no copy per request), then read the one match as ARM returns it.
  const livePip = env.arm.select({ type: PIP_TYPE }).find((p) => p.properties.ipAddress === req.ip);
  const pip = livePip && env.arm.get(livePip.id);
  if (!pip) {
    const internal = env.arm
      .list({ type: LB_TYPE })
      .flatMap((lb) => children(lb, 'frontendIPConfigurations').map((f) => ({ lb, f })))
      .find(({ f }) => f.properties.privateIPAddress === req.ip);
    if (internal)
      return drop(
        `Internet → ${req.ip}: private frontend ${internal.f.name} of ${short(internal.lb.id)}; a private address is not routable from the internet (no Public IP) → packet dropped`,
      );
    return drop(`Internet → ${req.ip}: no Azure Public IP has this address → packet dropped`);
  }
  trace.push(`Public IP ${req.ip} is ${short(pip.id)} (resource group ${pip.id.split('/')[4]})`);
  const ipConfig = (pip.properties.ipConfiguration as Ref | undefined)?.id;
  if (!ipConfig || !/\/loadBalancers\/[^/]+\/frontendIPConfigurations\//i.test(ipConfig)) {
    return drop(
      ipConfig ? `…attached to ${short(ipConfig)}, which takes no inbound connections → packet dropped` : '…not attached to anything → packet dropped',
    );
  }

  // 2. Frontend → a load-balancing rule for TCP and this port (HA-ports rules take every port).
  const lbId = ipConfig.replace(/\/frontendIPConfigurations\/.*$/i, '');
  const liveLb = env.arm.select({ type: LB_TYPE }).find((l) => same(l.id, lbId));
  const lb = liveLb && env.arm.get(liveLb.id);
  const frontend = children(lb, 'frontendIPConfigurations').find((f) => same(f.id, ipConfig));
  if (!lb || !frontend) return drop(`frontend ${short(ipConfig)} not found → packet dropped`);
  trace.push(`Frontend ${frontend.name} on ${short(lb.id)}`);
  const rule = children(lb, 'loadBalancingRules').find((r) => {
    const p = r.properties;
    const proto = String(p.protocol ?? '').toLowerCase();
    return (
      same((p.frontendIPConfiguration as Ref | undefined)?.id, frontend.id) &&
      (proto === 'tcp' || proto === 'all') &&
      (p.frontendPort === req.port || p.frontendPort === 0)
    );
  });
  if (!rule) {
    const outbound = children(lb, 'outboundRules').some((o) =>
      ((o.properties.frontendIPConfigurations as Ref[] | undefined) ?? []).some((f) => same(f.id, frontend.id)),
    );
    return drop(
      `No load-balancing rule on ${frontend.name} for TCP port ${req.port}${outbound ? ' (this frontend is used by the outbound rule only: egress, not ingress)' : ''} → Azure LB drops the SYN`,
    );
  }
  const floating = rule.properties.enableFloatingIP !== false;
  const backendPort = Number(rule.properties.backendPort);
  trace.push(
    `Load-balancing rule ${rule.name}: Tcp ${req.port} → backend port ${backendPort}${floating ? ' (floating IP: destination stays ' + req.ip + ')' : ' (floating IP off: destination becomes the node IP)'}`,
  );

  // The Service this rule serves: its status carries the IP and it has the port.
  const svc = env.kube
    .select('Service')
    .map((o) => o as Service)
    .find(
      (s) =>
        (s.status?.loadBalancer?.ingress ?? []).some((i) => i.ip === req.ip) &&
        s.spec.ports?.some((p) => p.port === Number(rule.properties.frontendPort) || Number(rule.properties.frontendPort) === 0),
    );

  // 3. Backend pool → nodes (VMSS instance N of `<vmss>` is node `<vmss>` + 6-digit N).
  const poolId = (rule.properties.backendAddressPool as Ref | undefined)?.id;
  const pool = children(lb, 'backendAddressPools').find((p) => same(p.id, poolId));
  const members = ((pool?.properties.backendIPConfigurations as Ref[] | undefined) ?? []).map((r) => r.id);
  const nodes = members.map(nodeOfIpConfig).filter((n): n is { node: string; vmssId: string } => !!n);
  if (!nodes.length) return drop(`Backend pool ${pool?.name ?? '?'} has no members → nothing to send to, SYN dropped`);

  // 4. NSG on the nodes' subnet (and NIC, if any): first matching rule by priority decides.
  const dstIp = floating ? req.ip : (nodeIp(env.kube, nodes[0].node) ?? req.ip);
  for (const nsg of nsgsFor(env.arm, nodes[0].vmssId)) {
    const verdict = evaluateNsg(nsg, req.callerIp, dstIp, backendPort);
    if (verdict?.access !== 'Allow')
      return drop(
        `NSG ${nsg.name}: rule ${verdict?.name ?? '(none)'} (priority ${verdict?.priority ?? '-'}) denies ${req.callerIp} → ${dstIp}:${backendPort} → packet dropped`,
      );
    trace.push(`NSG ${nsg.name}: rule ${verdict.name} (priority ${verdict.priority}) allows ${req.callerIp} → ${dstIp}:${backendPort}`);
  }

  // kube-proxy's own filter for spec.loadBalancerSourceRanges (it drops, it does not reject).
  const ranges = svc?.spec.loadBalancerSourceRanges ?? [];
  if (ranges.length && !ranges.some((r) => cidrContains(r, req.callerIp)))
    return drop(
      `kube-proxy: ${req.callerIp} is outside spec.loadBalancerSourceRanges of Service ${svc!.metadata.namespace}/${svc!.metadata.name} → packet dropped`,
    );

  // 5. Health probe: the LB only sends to nodes whose probe is up.
  const probeId = (rule.properties.probe as Ref | undefined)?.id;
  const probe = children(lb, 'probes').find((p) => same(p.id, probeId));
  const ready = readyEndpoints(env.kube, svc);
  const local = svc?.spec.externalTrafficPolicy === 'Local';
  const healthy = nodes.filter(({ node }) => nodeReady(env.kube, node) && probeUp(probe, svc, ready, node));
  const probeText = probe
    ? `probe ${probe.name} (${probe.properties.protocol} :${probe.properties.port}${probe.properties.requestPath ? String(probe.properties.requestPath) : ''})`
    : 'no probe';
  if (!healthy.length)
    return drop(
      `Backend pool ${pool!.name}: ${probeText} is down on all ${nodes.length} nodes${local ? ' (externalTrafficPolicy Local: no ready pod on any node)' : ''} → Azure LB drops the SYN`,
    );
  const flow = `${req.callerIp}->${req.ip}:${req.port}`;
  const chosen = healthy[stableHash(flow) % healthy.length].node;
  trace.push(`Backend pool ${pool!.name}: ${probeText} up on ${healthy.length}/${nodes.length} nodes → node ${chosen} (${nodeIp(env.kube, chosen) ?? '?'})`);

  return viaKubeProxy(env, req, svc, chosen, req.callerIp, trace);
}

/** 6. kube-proxy on the node the load balancer chose: Service endpoints (ETP Local: only this node's). */
function viaKubeProxy(env: Env, req: InboundRequest, svc: Service | undefined, chosen: string, client: string, trace: string[]): InboundOutcome {
  const svcPort = svc?.spec.ports?.find((p) => p.port === req.port && (p.protocol ?? 'TCP') === 'TCP');
  if (!svc || !svcPort) return { kind: 'refused', trace: [...trace, `kube-proxy: no Service owns ${req.ip}:${req.port} → REJECT (connection refused)`] };
  const local = svc.spec.externalTrafficPolicy === 'Local';
  // Source address the pod sees: ETP Cluster masquerades external traffic to the receiving node's
  // IP (the client address is lost); ETP Local delivers only to a local pod and keeps it.
  const source = local ? `source ${client} kept (no SNAT)` : `source ${client} SNAT'd to node IP ${nodeIp(env.kube, chosen) ?? '?'}`;
  return toPod(
    env,
    req,
    svc,
    svcPort,
    readyEndpoints(env.kube, svc).filter((e) => !local || e.nodeName === chosen),
    `${req.callerIp}->${req.ip}:${req.port}${chosen}`,
    trace,
    `externalTrafficPolicy ${local ? 'Local' : 'Cluster'}`,
    source,
  );
}

/**
 * From a pod, to a Service's ClusterIP or straight to a pod IP (what cluster DNS hands out, dns.ts).
 * ClusterIP: kube-proxy on the caller's node DNATs a Service port to one ready endpoint
 * (internalTrafficPolicy Local: only endpoints on that node), REJECTs when there is none; a port
 * the Service does not have matches no rule, so the packet leaves for a virtual address nobody
 * owns and is dropped. A pod IP is routed pod to pod (no kube-proxy). Undefined: neither.
 */
function walkInsideCluster(env: Env, req: InboundRequest, node: string, trace: string[]): InboundOutcome | undefined {
  const svc = env.kube
    .select('Service')
    .map((o) => o as Service)
    .find((s) => s.spec.clusterIP && s.spec.clusterIP !== 'None' && (s.spec.clusterIP === req.ip || (s.spec.clusterIPs ?? []).includes(req.ip)));
  if (svc) {
    const named = `Service ${svc.metadata.namespace}/${svc.metadata.name}`;
    const port = svc.spec.ports?.find((p) => p.port === req.port && (p.protocol ?? 'TCP') === 'TCP');
    if (!port) {
      trace.push(
        `Pod on node ${node} → ${req.ip}:${req.port}: ${req.ip} is the ClusterIP of ${named}, which has no TCP port ${req.port}; kube-proxy has no rule for it, and nothing else owns a ClusterIP → packet dropped`,
      );
      return { kind: 'timeout', trace };
    }
    trace.push(`Pod on node ${node} → ${req.ip}:${req.port}: ClusterIP of ${named}; kube-proxy on that node DNATs it to an endpoint`);
    const local = (svc.spec as { internalTrafficPolicy?: string }).internalTrafficPolicy === 'Local';
    const ready = readyEndpoints(env.kube, svc).filter((e) => !local || e.nodeName === node);
    return toPod(env, req, svc, port, ready, `${node}:${req.ip}:${req.port}`, trace, `internalTrafficPolicy ${local ? 'Local' : 'Cluster'}`);
  }
  const pod = env.kube.select('Pod').find((p) => (p.status as { podIP?: string } | undefined)?.podIP === req.ip);
  if (!pod) return undefined;
  const ns = pod.metadata.namespace ?? 'default';
  const podNode = (pod.spec as { nodeName?: string }).nodeName ?? '?';
  trace.push(`Pod on node ${node} → ${req.ip}:${req.port}: pod IP of ${ns}/${pod.metadata.name} on node ${podNode}, routed pod to pod (no kube-proxy)`);
  if ((pod.status as { phase?: string } | undefined)?.phase !== 'Running')
    return { kind: 'refused', trace: [...trace, `pod ${ns}/${pod.metadata.name} is not running → connection refused`] };
  return containerAnswer(env, req, pod, ns, req.port, trace);
}

/** `localhost`/127.0.0.0/8 from inside a pod: its own network namespace, shared by its containers. */
export function walkToOwnPod(env: Env, req: InboundRequest, pod: KubeObject): InboundOutcome {
  const ns = pod.metadata.namespace ?? 'default';
  const trace = [`${req.ip} is loopback: pod ${ns}/${pod.metadata.name}'s own network namespace (its containers share it)`];
  return containerAnswer(env, req, pod, ns, req.port, trace, true);
}

/** Steps 6–7: kube-proxy picks one of `candidates`, and the pod's container answers. */
function toPod(
  env: Env,
  req: InboundRequest,
  svc: Service,
  svcPort: NonNullable<Service['spec']['ports']>[number],
  candidates: Endpoint[],
  flowKey: string,
  trace: string[],
  policy: string,
  source?: string,
): InboundOutcome {
  const named = `Service ${svc.metadata.namespace}/${svc.metadata.name} port ${svcPort.port}`;
  if (!candidates.length) return { kind: 'refused', trace: [...trace, `kube-proxy: ${named} has no ready endpoints → REJECT (connection refused)`] };
  const ep = candidates[stableHash(flowKey) % candidates.length];
  const targetPort = ep.ports.get(svcPort.name ?? '') ?? (typeof svcPort.targetPort === 'number' ? svcPort.targetPort : svcPort.port);
  trace.push(`kube-proxy: ${named} (${policy}) → endpoint ${ep.ip}:${targetPort} (pod ${ep.pod}, node ${ep.nodeName})${source ? `, ${source}` : ''}`);

  // 7. The container.
  const pod = env.kube.peek('Pod', ep.pod, svc.metadata.namespace);
  if (!pod) return { kind: 'refused', trace: [...trace, `pod ${ep.pod} is gone → connection refused`] };
  return containerAnswer(env, req, pod, svc.metadata.namespace ?? 'default', targetPort, trace);
}

/** The container of `pod` that listens on `targetPort` answers the request. */
function containerAnswer(
  env: Env,
  req: InboundRequest,
  pod: KubeObject,
  ns: string,
  targetPort: number,
  trace: string[],
  listenersOnly = false,
): InboundOutcome {
  const ep = { pod: pod.metadata.name };
  const containers = (pod?.spec as { containers?: { image: string; ports?: { containerPort: number }[] }[] } | undefined)?.containers ?? [];
  // On loopback only a container whose app listens on the port can answer (a curl image listens on nothing).
  const listening = (x: { image: string }) => {
    const ports = appFor(x.image).ports;
    return ports !== 'any' && ports.includes(targetPort);
  };
  const c = listenersOnly ? containers.find(listening) : (containers.find((x) => x.ports?.some((p) => p.containerPort === targetPort)) ?? containers[0]);
  if (listenersOnly && !c)
    return { kind: 'refused', trace: [...trace, `nothing in pod ${ns}/${pod.metadata.name} listens on port ${targetPort} → RST (connection refused)`] };
  if (!c) return { kind: 'refused', trace: [...trace, `pod ${ep.pod} is gone → connection refused`] };
  const appReq = { method: req.method, path: req.path, host: req.host, port: targetPort, date: new Date(env.now) };
  const viaIngress = isIngressController(c.image) && targetPort === 80;
  const routeTrace: string[] = [];
  const a = viaIngress
    ? routeIngress({ kube: env.kube, readyEndpoints: (s) => readyEndpoints(env.kube, s) }, pod, appReq, routeTrace)
    : answer(c.image, appReq);
  const what =
    a.kind === 'http'
      ? `HTTP ${a.status}`
      : a.kind === 'refused'
        ? `nothing listening on port ${targetPort} (RST)`
        : a.kind === 'http09'
          ? 'a non-HTTP protocol banner'
          : 'closed the connection without a reply';
  trace.push(...routeTrace);
  trace.push(`Pod ${ns}/${ep.pod} (image ${c.image}) answered: ${what}`);
  if (a.kind === 'http' && 'delayMs' in a) return { kind: 'answer', answer: a, trace, delayMs: (a as { delayMs?: number }).delayMs };
  if (a.kind === 'refused') return { kind: 'refused', trace };
  return { kind: 'answer', answer: a, trace };
}

function nodeOfIpConfig(id: string): { node: string; vmssId: string } | undefined {
  const m = /^(.*\/virtualMachineScaleSets\/([^/]+))\/virtualMachines\/(\d+)\//i.exec(id);
  return m ? { node: `${m[2]}${m[3].padStart(6, '0')}`, vmssId: m[1] } : undefined;
}

function nodeIp(kube: KubeStore, node: string): string | undefined {
  const n = kube.peek('Node', node) as { status?: { addresses?: { type: string; address: string }[] } } | undefined;
  return n?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
}

function nodeReady(kube: KubeStore, node: string): boolean {
  const n = kube.peek('Node', node) as { status?: { conditions?: { type: string; status: string }[] } } | undefined;
  return !!n && (n.status?.conditions?.find((c) => c.type === 'Ready')?.status ?? 'True') === 'True';
}

interface Endpoint {
  ip: string;
  nodeName: string;
  pod: string;
  ports: Map<string, number>;
}

function readyEndpoints(kube: KubeStore, svc: Service | undefined): Endpoint[] {
  if (!svc) return [];
  const slices = kube.select('EndpointSlice', {
    namespace: svc.metadata.namespace,
    labelSelector: `kubernetes.io/service-name=${svc.metadata.name}`,
  }) as (KubeObject & {
    endpoints?: { addresses: string[]; conditions?: { ready?: boolean }; nodeName?: string; targetRef?: { name: string } }[];
    ports?: { name?: string; port: number }[];
  })[];
  return slices.flatMap((s) => {
    const ports = new Map((s.ports ?? []).map((p) => [p.name ?? '', p.port]));
    return (s.endpoints ?? [])
      .filter((e) => e.conditions?.ready !== false)
      .map((e) => ({ ip: e.addresses[0], nodeName: e.nodeName ?? '', pod: e.targetRef?.name ?? '', ports }));
  });
}

/**
 * Probe verdict per node. ETP Local's Http probe hits kube-proxy's healthz on healthCheckNodePort,
 * which answers 200 only with a ready local endpoint; a Tcp probe on a nodePort succeeds whenever
 * kube-proxy holds the port open (always, on a Ready node); an Http probe on a nodePort goes
 * through to the pods, so it needs at least one ready endpoint somewhere.
 */
function probeUp(probe: Child | undefined, svc: Service | undefined, ready: Endpoint[], node: string): boolean {
  if (!probe) return true;
  const port = Number(probe.properties.port);
  const proto = String(probe.properties.protocol).toLowerCase();
  if (svc?.spec.healthCheckNodePort === port) return ready.some((e) => e.nodeName === node);
  if (proto === 'tcp') return true;
  if (port === 10256) return true; // shared probe: kube-proxy's own healthz
  return ready.length > 0;
}

function nsgsFor(arm: ArmStore, vmssId: string): ArmResource[] {
  const vmss = arm.get(vmssId);
  const nics =
    (
      vmss?.properties.virtualMachineProfile as
        | {
            networkProfile?: {
              networkInterfaceConfigurations?: { properties: { networkSecurityGroup?: Ref; ipConfigurations?: { properties: { subnet?: Ref } }[] } }[];
            };
          }
        | undefined
    )?.networkProfile?.networkInterfaceConfigurations ?? [];
  const ids: string[] = [];
  for (const nic of nics) {
    const subnetId = nic.properties.ipConfigurations?.[0]?.properties.subnet?.id;
    if (subnetId) {
      const vnet = arm.get(subnetId.replace(/\/subnets\/.*$/i, ''));
      const subnet = children(vnet, 'subnets').find((s) => same(s.id, subnetId));
      const nsg = (subnet?.properties.networkSecurityGroup as Ref | undefined)?.id;
      if (nsg) ids.push(nsg);
    }
    if (nic.properties.networkSecurityGroup?.id) ids.push(nic.properties.networkSecurityGroup.id);
  }
  return ids.map((id) => arm.get(id)).filter((r): r is ArmResource => !!r);
}

interface Verdict {
  name: string;
  priority: number;
  access: string;
}

const list = (many: unknown, one: unknown): string[] =>
  Array.isArray(many) && many.length ? (many as string[]) : one !== undefined && one !== null ? [String(one)] : [];

/** Azure's service tags, as far as an internet caller and a public destination can match them. */
function prefixMatches(prefix: string, ip: string): boolean {
  const p = prefix.trim();
  if (p === '*' || p.toLowerCase() === 'any') return true;
  if (p === 'Internet') return !isPrivate(ip);
  if (p === 'VirtualNetwork') return isPrivate(ip);
  if (/^\d/.test(p)) return cidrContains(p, ip);
  return false; // AzureLoadBalancer, AzureFrontDoor.Backend, …: the learner's laptop is none of them
}

function portMatches(range: string, port: number): boolean {
  if (range === '*') return true;
  const [a, b] = range.split('-').map(Number);
  return b === undefined ? a === port : port >= a && port <= b;
}

export function evaluateNsg(nsg: ArmResource, src: string, dst: string, port: number): Verdict | undefined {
  const rules = [...children(nsg, 'securityRules'), ...children(nsg, 'defaultSecurityRules')]
    .filter((r) => r.properties.direction === 'Inbound')
    .sort((a, b) => Number(a.properties.priority) - Number(b.properties.priority));
  for (const r of rules) {
    const p = r.properties;
    const proto = String(p.protocol ?? '*').toLowerCase();
    if (proto !== '*' && proto !== 'tcp') continue;
    if (!list(p.sourceAddressPrefixes, p.sourceAddressPrefix).some((x) => prefixMatches(x, src))) continue;
    if (!list(p.destinationAddressPrefixes, p.destinationAddressPrefix).some((x) => prefixMatches(x, dst))) continue;
    if (!list(p.destinationPortRanges, p.destinationPortRange).some((x) => portMatches(x, port))) continue;
    return { name: r.name, priority: Number(p.priority), access: String(p.access) };
  }
  return undefined;
}
