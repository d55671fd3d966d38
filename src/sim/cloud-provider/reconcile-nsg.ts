/**
 * NSG rules for a service (domain §1.7): consolidated `k8s-azure-lb_allow_IPv4_<md5>` rules shared
 * by every service with the same protocol/sources/ports (Kubernetes ≥ 1.29), or legacy per-service
 * `<base>-TCP-80-Internet` rules (≤ 1.28). Destinations are the service's frontend IPs.
 */
import type { ArmResource } from '../azure/types';
import type { Flow } from '../flow';
import type { Service } from '../kube/types';
import { accessControl, allowSources, denyAllExceptSourceRanges, ERR_BOTH_RANGES } from './access-control';
import { A, flag, isInternal, splitList, value } from './annotations';
import { CloudError, nsgId, opCtx, type ProviderContext, wrapArmError } from './context';
import {
  allowRuleName,
  azureProtocol,
  baseName,
  denyAllRuleName,
  legacyDenyRuleName,
  legacySecurityRuleName,
  legacySharedRuleName,
  NSG_RULE_PREFIX,
} from './names';

interface Rule {
  id?: string;
  name: string;
  type?: string;
  properties: Record<string, unknown>;
}

const NSG_TYPE = 'Microsoft.Network/networkSecurityGroups';

/** The ≤ 1.28 per-service rules' sources (ranges win over service tags there). */
function legacySources(svc: Service): string[] {
  const tags = splitList(value(svc, A.allowedServiceTags));
  const ranges = svc.spec.loadBalancerSourceRanges?.length
    ? svc.spec.loadBalancerSourceRanges
    : splitList(value(svc, A.allowedIpRanges) || value(svc, A.sourceRanges));
  if (svc.spec.loadBalancerSourceRanges?.length && value(svc, A.allowedIpRanges)) throw new CloudError(ERR_BOTH_RANGES);
  if (ranges.length) return ranges.map((r) => r.trim());
  if (tags.length) return tags;
  return isInternal(svc) ? [] : ['Internet'];
}

/** Destination ports per NSG protocol, in upstream's protocol order; nodePorts without floating IP. */
function portsByProtocol(svc: Service): Map<'Tcp' | 'Udp' | '*', string[]> {
  const out = new Map<'Tcp' | 'Udp' | '*', string[]>([
    ['Tcp', []],
    ['Udp', []],
    ['*', []],
  ]);
  const nodePorts = flag(svc, A.disableFloatingIp);
  for (const port of svc.spec.ports ?? []) {
    const proto = azureProtocol(port.protocol ?? 'TCP');
    const key = proto === 'All' ? '*' : proto;
    out.get(key)!.push(String(nodePorts ? (port.nodePort ?? port.port) : port.port));
  }
  for (const [k, v] of out) if (!v.length) out.delete(k);
  return out;
}

/** (name → rule template) this service wants, without destinations, in upstream's creation order. */
/** The deny rule both naming schemes write: every source, every protocol, to the given ports. */
function denyRule(name: string, destinationPortRange: string): Rule {
  return {
    name,
    properties: {
      access: 'Deny',
      direction: 'Inbound',
      protocol: '*',
      sourcePortRange: '*',
      sourceAddressPrefix: '*',
      destinationPortRange,
      provisioningState: 'Succeeded',
    },
  };
}

export function desiredRules(p: ProviderContext, svc: Service): Map<string, Rule> {
  const out = new Map<string, Rule>();
  if (flag(svc, A.disableNsg)) return out;
  const base = (protocol: string, src: string[], ports: string[]): Rule['properties'] => ({
    access: 'Allow',
    direction: 'Inbound',
    protocol,
    sourcePortRange: '*',
    ...(src.length === 1 ? { sourceAddressPrefix: src[0] } : { sourceAddressPrefixes: [...src].sort() }),
    destinationPortRanges: [...ports].sort(),
    provisioningState: 'Succeeded',
  });
  if (p.kubeMinor >= 29) {
    const ac = accessControl(svc);
    const groups = allowSources(svc, ac);
    for (const [proto, ports] of portsByProtocol(svc)) {
      for (const g of groups) {
        const name = allowRuleName(proto, g, ports);
        out.set(name, { name, properties: base(proto, g, ports) });
      }
    }
    if (denyAllExceptSourceRanges(svc, ac)) {
      const name = denyAllRuleName();
      out.set(name, denyRule(name, '*'));
    }
    return out;
  }
  const srcs = legacySources(svc);
  if (!srcs.length) return out;
  const shared = flag(svc, A.sharedSecurityRule);
  for (const port of svc.spec.ports ?? []) {
    for (const src of srcs) {
      const name = shared
        ? legacySharedRuleName(port.protocol ?? 'TCP', port.port, src)
        : legacySecurityRuleName(svc.metadata.uid, port.protocol ?? 'TCP', port.port, src);
      const proto = azureProtocol(port.protocol ?? 'TCP');
      out.set(name, {
        name,
        properties: {
          access: 'Allow',
          direction: 'Inbound',
          protocol: proto === 'All' ? '*' : proto,
          sourcePortRange: '*',
          sourceAddressPrefix: src,
          destinationPortRange: String(port.port),
          provisioningState: 'Succeeded',
        },
      });
    }
    if (flag(svc, A.denyAll) && srcs[0] !== 'Internet') {
      const name = legacyDenyRuleName(svc.metadata.uid, port.protocol ?? 'TCP', port.port);
      out.set(name, denyRule(name, String(port.port)));
    }
  }
  return out;
}

const managed = (r: Rule) => {
  const prio = Number(r.properties.priority);
  return (r.name.startsWith(NSG_RULE_PREFIX) || /^(a[0-9a-f]{31}|shared)-/.test(r.name)) && prio >= 500 && prio <= 4096;
};

function destinations(r: Rule): string[] {
  const one = r.properties.destinationAddressPrefix as string | undefined;
  return one ? [one] : ((r.properties.destinationAddressPrefixes as string[] | undefined) ?? []);
}

function withDestinations(r: Rule, ips: string[]): Rule {
  return withSortedDestinations(r, [...new Set(ips)].sort());
}

/** Destination lists this module wrote: sorted and without duplicates (binary search is valid). */
const sortedLists = new WeakSet<string[]>();

function withSortedDestinations(r: Rule, sorted: string[]): Rule {
  const props = { ...r.properties };
  delete props.destinationAddressPrefix;
  delete props.destinationAddressPrefixes;
  if (sorted.length === 1) props.destinationAddressPrefix = sorted[0];
  else {
    props.destinationAddressPrefixes = sorted;
    sortedLists.add(sorted);
  }
  return { ...r, properties: props };
}

/** Position of `x` in a sorted list (`~insertionPoint` when absent), JS default sort order. */
function search(list: readonly string[], x: string): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < x) lo = mid + 1;
    else if (list[mid] > x) hi = mid - 1;
    else return mid;
  }
  return ~lo;
}

/**
 * A consolidated rule is shared by every service with the same ports and sources, so its
 * destination list grows to thousands of IPs: edit it by binary search (one copy) instead of
 * filtering, de-duplicating and re-sorting it for every service. Returns the new sorted list,
 * or undefined when nothing changes.
 */
function editSorted(dst: readonly string[], drop: Iterable<string>, add: readonly string[]): string[] | undefined {
  // toSpliced: one exact-size copy per edit (slice + splice would copy twice).
  let out: string[] | undefined;
  for (const d of drop) {
    const i = search(out ?? dst, d);
    if (i >= 0) out = (out ?? dst).toSpliced(i, 1);
  }
  for (const a of add) {
    const i = search(out ?? dst, a);
    if (i < 0) out = (out ?? dst).toSpliced(~i, 0, a);
  }
  return out;
}

/** The rule's destinations if they are known sorted without duplicates, else undefined. */
function sortedDestinations(r: Rule): readonly string[] | undefined {
  const one = r.properties.destinationAddressPrefix as string | undefined;
  if (one) return [one];
  const many = r.properties.destinationAddressPrefixes as string[] | undefined;
  if (!many) return [];
  return sortedLists.has(many) ? many : undefined;
}

/** New NSG with this service's IPs placed in exactly the rules it wants (`ips` empty: removed). */
/** IP → names of rules in which other Services (sharing that IP) still need it. */
export type Retained = Map<string, Set<string>>;

export function planNsg(
  _p: ProviderContext,
  nsg: ArmResource,
  svc: Service,
  ips: string[],
  wanted: Map<string, Rule>,
  stale: string[] = [],
  retained: Retained = new Map(),
): ArmResource | undefined {
  const rules = (nsg.properties.securityRules as Rule[] | undefined) ?? [];
  const legacyPrefix = baseName(svc.metadata.uid) + '-';
  const mine = new Set([...ips, ...stale]);
  const current = new Set(ips);
  let changed = false;
  const next: Rule[] = [];
  for (const r of rules) {
    if (!managed(r)) {
      next.push(r);
      continue;
    }
    const want = wanted.get(r.name);
    // A shared IP stays in the rules its other Services want.
    const keep = (d: string) => (want && current.has(d)) || !!retained.get(d)?.has(r.name);
    const sorted = r.name.startsWith(legacyPrefix) && !want ? undefined : sortedDestinations(r);
    if (sorted) {
      // Same result as the general path below, computed on the sorted list.
      const drop = [...mine].filter((d) => !keep(d));
      const nd = editSorted(sorted, drop, want ? ips : []);
      if (!nd) next.push(r);
      else if (nd.length === 0) changed = true;
      else {
        next.push(withSortedDestinations(r, nd));
        changed = true;
      }
      continue;
    }
    const dst = destinations(r);
    let nd = dst.filter((d) => !mine.has(d) || keep(d));
    if (want) nd = [...new Set([...nd, ...ips])];
    if (r.name.startsWith(legacyPrefix) && !want) nd = [];
    if (nd.length === 0) {
      changed = true;
      continue;
    }
    const dstSet = new Set(dst);
    if (nd.length !== dst.length || nd.some((d) => !dstSet.has(d))) {
      next.push(withDestinations(r, nd));
      changed = true;
    } else next.push(r);
  }
  const present = new Set(next.map((r) => r.name));
  const used = new Set(next.map((r) => Number(r.properties.priority)));
  for (const [name, r] of wanted) {
    if (present.has(name) || ips.length === 0) continue;
    const deny = r.properties.access === 'Deny';
    let prio = deny ? 4095 : 500;
    while (used.has(prio)) prio += deny ? -1 : 1;
    used.add(prio);
    next.push(
      withDestinations(
        {
          id: `${nsg.id}/securityRules/${name}`,
          name,
          type: 'Microsoft.Network/networkSecurityGroups/securityRules',
          properties: { ...r.properties, priority: prio },
        },
        ips,
      ),
    );
    changed = true;
  }
  return changed ? { ...nsg, properties: { ...nsg.properties, securityRules: next } } : undefined;
}

/** Ensures (ips non-empty) or removes (ips empty) the service's NSG rules; one PUT if anything changed. */
export function* reconcileNsg(
  p: ProviderContext,
  svc: Service,
  ips: string[],
  removing = false,
  stale: string[] = [],
  retained: Retained = new Map(),
): Flow<void> {
  if (!removing && flag(svc, A.disableNsg)) return;
  const id = nsgId(p);
  const wanted = removing ? new Map<string, Rule>() : desiredRules(p, svc);
  const current = p.arm.peek(id);
  if (!current) return;
  if (!removing && ips.length === 0 && wanted.size > 0) {
    throw new CloudError(`no load balancer IP for setting up security rules for service ${svc.metadata.name}`);
  }
  const active = removing ? [] : ips;
  const gone = removing ? [...ips, ...stale] : stale;
  const first = planNsg(p, current, svc, active, wanted, gone, retained);
  if (!first) return;
  try {
    // Same NSG object at completion ⇒ the first plan still holds (stored objects are never mutated).
    const build = () => (p.arm.peek(id) === current ? first : (planNsg(p, p.arm.peek(id) ?? current, svc, active, wanted, gone, retained) ?? p.arm.peek(id)!));
    yield* p.client.putFlow(id, NSG_TYPE, build, opCtx(p, svc, removing ? 'remove security rules' : 'ensure security rules'));
  } catch (err) {
    throw wrapArmError(err);
  }
}
