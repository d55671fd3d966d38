import type { ActivityLogEntry } from '../../sim/azure/types';
import { parentResourceId, resourceGroupOf } from '../portal/arm-view';
import type { Part, PartKind, Snapshot } from './snapshot';

export type ChangeAction = 'added' | 'removed' | 'changed' | 'failed';

/** One line of the feed: what happened to which part, and where the portal shows it. */
export interface Change {
  action: ChangeAction;
  kind: PartKind;
  id: string;
  name: string;
  parentId?: string;
  parentName?: string;
  /** The portal view that shows this part (PortalContext.go). */
  path: string[];
  /** For a failed call: ARM's status (`Conflict`, `TooManyRequests` …). */
  detail?: string;
}

/** The portal blade section that lists each kind of sub-resource (see blades/sections.tsx). */
export const SECTION_OF: Partial<Record<PartKind, string>> = {
  frontend: 'frontends',
  pool: 'pools',
  rule: 'rules',
  probe: 'probes',
  outboundRule: 'outbound',
  securityRule: 'inbound',
};

// The order a Service's provisioning is told in: its IP, then the load balancer's parts, then the NSG.
const ORDER: PartKind[] = ['publicIp', 'natGateway', 'loadBalancer', 'frontend', 'pool', 'rule', 'probe', 'outboundRule', 'nsg', 'securityRule', 'resource'];
const ACTIONS: ChangeAction[] = ['failed', 'added', 'changed', 'removed'];

function pathFor(part: Part, action: ChangeAction, after: Snapshot): string[] {
  const section = SECTION_OF[part.kind];
  if (section && part.parentId) {
    // A removed rule is shown by its (still existing) load balancer; a removed LB by its group's list.
    return after.has(part.parentId.toLowerCase()) ? ['resource', part.parentId, section] : ['rg', resourceGroupOf(part.id)];
  }
  return action === 'removed' ? ['rg', resourceGroupOf(part.id)] : ['resource', part.id];
}

/**
 * What changed in Azure between two snapshots: resources and sub-resources added or removed,
 * sub-resources and Public IPs whose settings changed. A load balancer's or NSG's own "write" is
 * not a line: the parts it added or removed are. Removing a whole resource is one line, not one
 * per sub-resource.
 */
export function diffSnapshots(before: Snapshot, after: Snapshot): Change[] {
  const out: Change[] = [];
  const push = (p: Part, action: ChangeAction) => {
    const c: Change = { action, kind: p.kind, id: p.id, name: p.name, path: pathFor(p, action, after) };
    if (p.parentId) c.parentId = p.parentId;
    if (p.parentName) c.parentName = p.parentName;
    out.push(c);
  };
  for (const [key, p] of after) {
    const old = before.get(key);
    if (!old) push(p, 'added');
    else if (p.print !== old.print && (p.parentId || p.kind === 'publicIp')) push(p, 'changed');
  }
  for (const [key, p] of before) {
    if (after.has(key)) continue;
    if (p.parentId && !after.has(p.parentId.toLowerCase())) continue;
    push(p, 'removed');
  }
  return sortChanges(out);
}

/** Failed ARM calls in the activity log after `mark` (the last entry before the command), oldest first. */
export function failuresSince(log: readonly ActivityLogEntry[], mark: ActivityLogEntry | undefined, until?: ActivityLogEntry): Change[] {
  const out: Change[] = [];
  // Scan back to the mark; the log is trimmed from the front, so a missing mark means "all kept".
  const LIMIT = 2000;
  let end = log.length;
  if (until) {
    const u = log.lastIndexOf(until);
    if (u >= 0) end = u + 1;
  }
  for (let i = end - 1; i >= 0 && i >= end - LIMIT; i--) {
    const e = log[i]!;
    if (e === mark) break;
    if (e.status !== 'Failed') continue;
    const parent = parentResourceId(e.resourceId);
    const name = parent.split('/').pop() ?? e.resourceId;
    out.push({
      action: 'failed',
      kind: kindOfType(e.resourceType),
      id: e.resourceId,
      name,
      path: ['activity'],
      detail: e.subStatus ?? e.properties?.statusCode ?? 'Failed',
    });
  }
  // One line per failing resource and status: a throttled retry loop is not a wall of lines.
  const seen = new Set<string>();
  return out.reverse().filter((c) => {
    const key = `${c.id.toLowerCase()}|${c.detail}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function kindOfType(type: string): PartKind {
  const t = type.toLowerCase();
  if (t.endsWith('/publicipaddresses')) return 'publicIp';
  if (t.endsWith('/loadbalancers')) return 'loadBalancer';
  if (t.endsWith('/networksecuritygroups')) return 'nsg';
  if (t.endsWith('/natgateways')) return 'natGateway';
  return 'resource';
}

export function sortChanges(changes: Change[]): Change[] {
  return changes
    .map((c, i) => ({ c, i }))
    .sort((a, b) => ACTIONS.indexOf(a.c.action) - ACTIONS.indexOf(b.c.action) || ORDER.indexOf(a.c.kind) - ORDER.indexOf(b.c.kind) || a.i - b.i)
    .map(({ c }) => c);
}
