import { lastSegment, props, refId, subList } from '../portal/arm-view';
import type { LabSandbox } from '../types';

export interface FrontendPath {
  frontend: string;
  /** ARM ids, to mark the parts the last command added (change feed). */
  frontendId: string;
  publicIpId?: string;
  lb: string;
  /** Public IP resource name, or undefined for an internal (private) frontend. */
  publicIpName?: string;
  address: string;
  /** `ns/name` of the Services using this frontend (from the PIP tag or the rules' prefix). */
  services: string[];
  rules: { name: string; id: string; protocol: string; port: number; probe?: string; probeId?: string }[];
}

export interface OutboundPath {
  /** The outbound rule (load balancer) or the NAT gateway's name. */
  rule: string;
  ruleId: string;
  via: 'loadBalancer' | 'natGateway';
  /** Each outbound Public IP on its own: two managed outbound IPs are two boxes. */
  publicIps: { name: string; id: string; address: string }[];
}

export interface NetworkModel {
  inbound: FrontendPath[];
  nodes: { name: string; ip: string }[];
  /** Pods behind LoadBalancer Services: `ns/name` of the Service → pod names. */
  pods: { service: string; pods: string[] }[];
  outbound: OutboundPath | null;
}

/** What the diagram draws, read from the ARM and Kubernetes stores (no DOM: tested in Node). */
export function buildNetworkModel(sandbox: LabSandbox): NetworkModel {
  const nodeRg = `MC_${sandbox.options.resourceGroup}_${sandbox.options.clusterName}_${sandbox.options.location}`;
  const lbs = sandbox.arm.list({ resourceGroup: nodeRg, type: 'Microsoft.Network/loadBalancers' });
  const pipAddress = (id: string | undefined) => (id ? String(props(sandbox.arm.get(id)).ipAddress ?? '') : '');
  const pipTags = (id: string | undefined) => (id ? (sandbox.arm.get(id)?.tags ?? {}) : {});

  const outboundFrontends = new Set<string>();
  let outbound: NetworkModel['outbound'] = null;
  for (const lb of lbs) {
    for (const rule of subList(lb, 'outboundRules')) {
      const fes = ((rule.properties?.frontendIPConfigurations as unknown[]) ?? []).map((f) => refId(f) ?? '');
      for (const f of fes) outboundFrontends.add(f.toLowerCase());
      const frontends = subList(lb, 'frontendIPConfigurations').filter((f) => fes.some((id) => id.toLowerCase() === f.id?.toLowerCase()));
      outbound = {
        rule: rule.name ?? '',
        ruleId: rule.id ?? '',
        via: 'loadBalancer',
        publicIps: frontends.map((f) => {
          const pip = refId(f.properties?.publicIPAddress) ?? '';
          return { name: lastSegment(pip), id: pip, address: pipAddress(pip) };
        }),
      };
    }
  }

  // Without an outbound rule, egress may leave through a NAT gateway's Public IPs.
  if (!outbound) {
    const nat = sandbox.arm.list({ resourceGroup: nodeRg, type: 'Microsoft.Network/natGateways' })[0];
    if (nat) {
      const pips = ((props(nat).publicIpAddresses as unknown[]) ?? []).map((x) => refId(x) ?? '').filter(Boolean);
      outbound = { rule: nat.name, ruleId: nat.id, via: 'natGateway', publicIps: pips.map((id) => ({ name: lastSegment(id), id, address: pipAddress(id) })) };
    }
  }

  const inbound: FrontendPath[] = [];
  for (const lb of lbs) {
    const rules = subList(lb, 'loadBalancingRules');
    for (const f of subList(lb, 'frontendIPConfigurations')) {
      if (f.id && outboundFrontends.has(f.id.toLowerCase())) continue;
      const pip = refId(f.properties?.publicIPAddress);
      const mine = rules.filter((r) => refId(r.properties?.frontendIPConfiguration)?.toLowerCase() === f.id?.toLowerCase());
      const tag = pipTags(pip)['k8s-azure-service'];
      inbound.push({
        frontend: f.name ?? '',
        frontendId: f.id ?? '',
        ...(pip ? { publicIpId: pip } : {}),
        lb: lb.name,
        publicIpName: pip ? lastSegment(pip) : undefined,
        address: pip ? pipAddress(pip) : String(f.properties?.privateIPAddress ?? ''),
        services: tag ? tag.split(',') : serviceByPrefix(sandbox, f.name ?? ''),
        rules: mine.map((r) => ({
          name: r.name ?? '',
          id: r.id ?? '',
          probeId: refId(r.properties?.probe),
          protocol: String(r.properties?.protocol ?? ''),
          port: Number(r.properties?.frontendPort ?? 0),
          probe: lastSegment(refId(r.properties?.probe)) || undefined,
        })),
      });
    }
  }

  const nodes = sandbox.kube.list('Node').map((n) => ({
    name: n.metadata.name,
    ip: ((n as { status?: { addresses?: { type: string; address: string }[] } }).status?.addresses ?? []).find((a) => a.type === 'InternalIP')?.address ?? '',
  }));

  const pods: NetworkModel['pods'] = [];
  for (const svc of sandbox.kube.list('Service')) {
    if ((svc as { spec?: { type?: string } }).spec?.type !== 'LoadBalancer') continue;
    const ns = svc.metadata.namespace ?? 'default';
    const ep = sandbox.kube.tryGet('Endpoints', svc.metadata.name, ns) as { subsets?: { addresses?: { targetRef?: { name?: string } }[] }[] } | undefined;
    const names = (ep?.subsets ?? []).flatMap((s) => (s.addresses ?? []).map((a) => a.targetRef?.name ?? '')).filter(Boolean);
    pods.push({ service: `${ns}/${svc.metadata.name}`, pods: names });
  }
  return { inbound, nodes, pods, outbound };
}

/** Internal frontends have no PIP tag: find the Service whose UID gives this frontend's name. */
function serviceByPrefix(sandbox: LabSandbox, frontend: string): string[] {
  const base = frontend.split('-')[0] ?? '';
  for (const svc of sandbox.kube.list('Service')) {
    const uid = (svc.metadata.uid ?? '').replace(/-/g, '');
    if (uid && `a${uid}`.slice(0, 32) === base) return [`${svc.metadata.namespace ?? 'default'}/${svc.metadata.name}`];
  }
  return [];
}
