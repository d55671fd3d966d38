import type { ArmStore } from '../../sim/azure/store';
import type { ArmResource } from '../../sim/azure/types';

/** What a change is about, in the words the feed and the portal's blades use. */
export type PartKind =
  | 'publicIp'
  | 'loadBalancer'
  | 'nsg'
  | 'natGateway'
  | 'resource'
  | 'frontend'
  | 'pool'
  | 'rule'
  | 'probe'
  | 'outboundRule'
  | 'securityRule';

/** One ARM resource or one of its sub-resources (a load balancer's rule, an NSG's rule). */
export interface Part {
  id: string;
  name: string;
  kind: PartKind;
  /** ARM type of the resource, or of the parent for a sub-resource. */
  type: string;
  parentId?: string;
  parentName?: string;
  /** Compared between snapshots to tell a changed part; '' when only presence matters. */
  print: string;
}

/** Lower-case id → part. */
export type Snapshot = Map<string, Part>;

const TOP_KINDS: Record<string, PartKind> = {
  'microsoft.network/publicipaddresses': 'publicIp',
  'microsoft.network/loadbalancers': 'loadBalancer',
  'microsoft.network/networksecuritygroups': 'nsg',
  'microsoft.network/natgateways': 'natGateway',
};

/** The sub-resource lists the portal shows as a blade section, by parent type. */
const CHILD_LISTS: Record<string, [key: string, kind: PartKind][]> = {
  'microsoft.network/loadbalancers': [
    ['frontendIPConfigurations', 'frontend'],
    ['backendAddressPools', 'pool'],
    ['loadBalancingRules', 'rule'],
    ['probes', 'probe'],
    ['outboundRules', 'outboundRule'],
  ],
  'microsoft.network/networksecuritygroups': [['securityRules', 'securityRule']],
};

/** Properties that change on every write without meaning anything to a learner. */
function printOf(properties: Record<string, unknown> | undefined): string {
  if (!properties) return '';
  const { provisioningState: _p, etag: _e, ...rest } = properties as Record<string, unknown> & { provisioningState?: unknown; etag?: unknown };
  return JSON.stringify(rest);
}

// Every ARM write stores a new etag, so an object with the etag seen last time keeps its parts: a
// snapshot after a command re-reads only what that command wrote.
const partsCache = new WeakMap<ArmResource, { etag: string | undefined; parts: Part[] }>();

function partsOf(r: ArmResource): Part[] {
  const cached = partsCache.get(r);
  if (cached && cached.etag === r.etag) return cached.parts;
  const type = r.type.toLowerCase();
  const kind = TOP_KINDS[type] ?? 'resource';
  // A Public IP's address and tags (which Services share it) are what learners watch change.
  const print = kind === 'publicIp' ? JSON.stringify([r.properties.ipAddress ?? null, r.tags ?? {}]) : '';
  const parts: Part[] = [{ id: r.id, name: r.name, kind, type: r.type, print }];
  for (const [key, childKind] of CHILD_LISTS[type] ?? []) {
    const list = (r.properties as Record<string, unknown>)[key];
    if (!Array.isArray(list)) continue;
    for (const item of list as { id?: string; name?: string; properties?: Record<string, unknown> }[]) {
      const name = item.name ?? '';
      parts.push({
        id: item.id ?? `${r.id}/${key}/${name}`,
        name,
        kind: childKind,
        type: r.type,
        parentId: r.id,
        parentName: r.name,
        print: printOf(item.properties),
      });
    }
  }
  partsCache.set(r, { etag: r.etag, parts });
  return parts;
}

/** Every resource and sub-resource in the ARM store, by lower-case id. */
export function takeSnapshot(arm: ArmStore): Snapshot {
  const snap: Snapshot = new Map();
  for (const r of arm.select()) for (const p of partsOf(r)) snap.set(p.id.toLowerCase(), p);
  return snap;
}
