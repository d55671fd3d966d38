/**
 * The Google Cloud console's Network services › Load balancing and VPC network › Firewall pages,
 * read from the sandbox's GcpStore. A passthrough Network Load Balancer is listed under the name
 * of its backend: the target pool (legacy) or the regional backend service (backend service-based).
 */
import type { Firewall, ForwardingRule, GcpStore } from '../../../sim/clouds/gke/store';

/** External rules forward a port range, internal ones a port list (or all ports). */
const rulePorts = (r: ForwardingRule) => (r.allPorts ? 'all' : (r.portRange ?? r.ports?.join(',') ?? ''));

const lastSegment = (url: string) => url.split('/').pop() ?? url;

export interface GcpLbRow {
  key: string;
  name: string;
  kind: 'targetPool' | 'backendService';
  /** Access type: an internal passthrough LB's frontend is an address in the VPC's subnet. */
  scheme: 'EXTERNAL' | 'INTERNAL';
  /** What the backend service points at: zonal NEGs (ingress-gce) or instance groups (the cloud provider's internal LB). */
  backendKind: 'instances' | 'networkEndpointGroups' | 'instanceGroups';
  protocol: string;
  region: string;
  /** Frontend: forwarding rule, `IP:ports`, network tier. */
  frontends: { rule: string; ip: string; portRange: string; tier: string; subnetwork?: string; createdAt: number }[];
  /** Target pool instances, or the backend service's network endpoint groups (`zone/name`). */
  backends: string[];
  healthChecks: string[];
  sessionAffinity: string;
}

export function loadBalancers(gcp: GcpStore): GcpLbRow[] {
  const frontendsOf = (kind: 'target' | 'backendService', name: string) =>
    [...gcp.forwardingRules.values()]
      .filter((f) => f[kind] !== undefined && lastSegment(f[kind]!) === name)
      .map((f) => ({
        rule: f.name,
        ip: f.IPAddress,
        portRange: rulePorts(f),
        tier: f.networkTier,
        ...(f.subnetwork ? { subnetwork: lastSegment(f.subnetwork) } : {}),
        createdAt: Date.parse(f.creationTimestamp),
      }));
  const rows: GcpLbRow[] = [];
  for (const tp of gcp.targetPools.values()) {
    const frontends = frontendsOf('target', tp.name);
    rows.push({
      key: `targetPool/${tp.name}`,
      name: tp.name,
      kind: 'targetPool',
      scheme: 'EXTERNAL',
      backendKind: 'instances',
      protocol: [...gcp.forwardingRules.values()].find((f) => f.target && lastSegment(f.target) === tp.name)?.IPProtocol ?? 'TCP',
      region: tp.region,
      frontends,
      backends: tp.instances.map(lastSegment),
      healthChecks: tp.healthChecks.map(lastSegment),
      sessionAffinity: tp.sessionAffinity,
    });
  }
  for (const bs of gcp.backendServices.values()) {
    rows.push({
      key: `backendService/${bs.name}`,
      name: bs.name,
      kind: 'backendService',
      scheme: bs.loadBalancingScheme,
      backendKind: bs.backends.some((b) => b.group.includes('/instanceGroups/')) ? 'instanceGroups' : 'networkEndpointGroups',
      protocol: bs.protocol,
      region: bs.region,
      frontends: frontendsOf('backendService', bs.name),
      backends: bs.backends.map((b) => {
        const parts = b.group.split('/');
        return `${parts[parts.indexOf('zones') + 1]}/${lastSegment(b.group)}`;
      }),
      healthChecks: bs.healthChecks.map(lastSegment),
      sessionAffinity: bs.sessionAffinity,
    });
  }
  return rows.sort((a, b) => a.name.localeCompare(b.name));
}

/** The forwarding rule's creation, for the "new" mark (the earliest frontend). */
export const createdAt = (lb: GcpLbRow): number | undefined => (lb.frontends.length ? Math.min(...lb.frontends.map((f) => f.createdAt)) : undefined);

export function firewalls(gcp: GcpStore): Firewall[] {
  return [...gcp.firewalls.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The console's Protocols / ports cell: `tcp:80`, `tcp:80,443`, `all` for a protocol without ports. */
export function protocolsPorts(fw: Firewall): string {
  return fw.allowed.map((a) => (a.ports?.length ? `${a.IPProtocol}:${a.ports.join(',')}` : a.IPProtocol)).join(', ');
}

export function gcpKeys(gcp: GcpStore): string[] {
  return [...loadBalancers(gcp).map((r) => r.key), ...[...gcp.firewalls.keys()].map((k) => `fw/${k}`)];
}
