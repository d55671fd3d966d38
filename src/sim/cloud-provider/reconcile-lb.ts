/**
 * The load balancer part of EnsureLoadBalancer / EnsureLoadBalancerDeleted (domain §6.2–§6.4):
 * frontend, rules and probes of one service on `kubernetes` or `kubernetes-internal`, one PUT
 * per change, the LB deleted when it has no frontend left.
 */
import { zonesOf } from '../azure/aks-resources';
import { childIndex, edit, frontKey, nameKey } from '../azure/child-index';
import { nextFreePrivateIp } from '../azure/ip-allocator';
import { backendPool, CLUSTER_POOL, emptyLoadBalancer } from '../azure/outbound-lb';
import type { ArmResource } from '../azure/types';
import type { Flow } from '../flow';
import type { Service } from '../kube/types';
import { A, internalSubnet, isInternal, requestedIp, value } from './annotations';
import { CloudError, lbId, opCtx, type ProviderContext, wrapArmError } from './context';
import { type Child, expectedRulesAndProbes } from './lb-rules';
import { baseName, frontendName, loadBalancerName } from './names';
import { findServicePip } from './reconcile-pip';

const LB_TYPE = 'Microsoft.Network/loadBalancers';

export interface FrontendTarget {
  /** Public: the PIP to reference. */
  pip?: ArmResource;
}

const list = (lb: ArmResource, key: string) => (lb.properties[key] as Child[] | undefined) ?? [];
const refId = (v: unknown) => (v as { id?: string } | undefined)?.id?.toLowerCase();

/** Ensures frontend + rules + probes for the service; returns the frontend. */
export function* ensureServiceOnLb(p: ProviderContext, svc: Service, target: FrontendTarget, warn: (reason: string, msg: string) => void): Flow<Child> {
  const internal = isInternal(svc);
  const name = loadBalancerName(internal);
  const id = lbId(p, name);
  const before = p.arm.peek(id);
  const plan = () => planEnsure(p, svc, target, p.arm.peek(id), id, name, internal);
  const first = plan();
  if (first.changed) {
    try {
      // Re-planned at completion if another writer changed the LB meanwhile (stored objects are
      // replaced, never mutated: same object ⇒ the first plan still holds).
      yield* p.client.putFlow(id, LB_TYPE, () => (p.arm.peek(id) === before ? first : plan()).build(), opCtx(p, svc, 'ensure load balancer'));
    } catch (err) {
      throw wrapArmError(err);
    }
  }
  void warn;
  const lb = p.arm.peek(id)!;
  return childIndex(list(lb, 'frontendIPConfigurations')).first(nameKey(first.frontendId.slice(first.frontendId.lastIndexOf('/') + 1))) as Child;
}

function planEnsure(p: ProviderContext, svc: Service, target: FrontendTarget, current: ArmResource | undefined, id: string, name: string, internal: boolean) {
  const lb: ArmResource = current ? { ...current, properties: { ...current.properties } } : emptyLoadBalancer(id, name, p.aks.layout.location, {});
  const prefix = baseName(svc.metadata.uid).toLowerCase();
  const subnetName = internalSubnet(svc);
  const baseFronts = list(lb, 'frontendIPConfigurations');
  // Indexed lookups: the LB holds every service's entries, a scan per service is quadratic.
  const fx = childIndex(baseFronts);
  let pools = list(lb, 'backendAddressPools');
  pools = withClusterPool(p, lb.id, pools);
  // Which frontend serves this service: a shared one (same PIP / same private IP) or its own.
  let frontend: Child | undefined;
  if (!internal && target.pip) frontend = fx.first(`pip:${target.pip.id.toLowerCase()}`) as Child | undefined;
  const wantIp = internal ? requestedIp(svc) : undefined;
  if (internal && wantIp) frontend = fx.first(`ip:${wantIp}`) as Child | undefined;
  const ownName = frontendName(svc.metadata.uid, subnetName);
  if (!frontend) frontend = fx.get(nameKey(ownName)).find((f) => f.name === ownName) as Child | undefined;
  let changed = !current || pools !== list(lb, 'backendAddressPools');
  const matched = frontend;
  const fid = `${lb.id}/frontendIPConfigurations/${frontend?.name ?? ownName}`;
  const desiredFront = internal
    ? internalFrontend(p, svc, fid, frontend?.name ?? ownName, subnetName, frontend)
    : publicFrontend(fid, frontend?.name ?? ownName, target.pip!);
  let replaced: Child | undefined;
  let appended: Child | undefined;
  if (!frontend || JSON.stringify(frontend.properties) !== JSON.stringify(desiredFront.properties)) {
    if (!frontend || frontend.name === ownName) {
      if (frontend) replaced = desiredFront;
      else appended = desiredFront;
      frontend = desiredFront;
      changed = true;
    }
  }
  const frontendId = frontend.id;
  // Our other frontends (a changed subnet / PIP) go away if nothing else references them.
  const rulesAll = list(lb, 'loadBalancingRules');
  const rx = childIndex(rulesAll);
  const mine = rx.get(`p:${prefix}`) as Child[];
  const mineSet = new Set(mine);
  const othersOn = (frontId: string) =>
    (rx.get(frontKey(frontId)) as Child[]).filter((r) => !mineSet.has(r) && refId(r.properties.frontendIPConfiguration) === frontId.toLowerCase());
  const stale = (fx.get(`p:${prefix}`) as Child[]).filter((f) => f !== matched && f.id !== frontendId && othersOn(f.id).length === 0);
  if (stale.length) changed = true;
  const expected = expectedRulesAndProbes(svc, lb.id, frontendId, subnetName, internal);
  const sharers = othersOn(frontendId);
  for (const r of expected.rules) {
    const clash = sharers.find((o) => o.properties.frontendPort === r.properties.frontendPort && o.properties.protocol === r.properties.protocol);
    if (clash) {
      const port = (svc.spec.ports ?? []).find((x) => x.port === r.properties.frontendPort);
      throw new CloudError(
        `checkLoadBalancerResourcesConflicts: service port ${port?.name ?? ''} is trying to consume the port ${r.properties.frontendPort} which is being referenced by an existing loadBalancing rule ${clash.name} with the same protocol ${r.properties.protocol} and frontend IP config with ID ${frontendId}`,
      );
    }
  }
  const probesAll = list(lb, 'probes');
  const myProbes = childIndex(probesAll).get(`p:${prefix}`) as Child[];
  if (!sameJson(mine, expected.rules)) changed = true;
  if (!sameJson(myProbes, expected.probes)) changed = true;
  // Built only when written: the first plan just decides whether a PUT is needed.
  const build = (): ArmResource => {
    lb.properties.frontendIPConfigurations = edit(baseFronts, {
      remove: stale,
      replace: replaced && matched ? [[matched, replaced]] : [],
      append: appended ? [appended] : [],
    });
    lb.properties.backendAddressPools = pools;
    lb.properties.loadBalancingRules = edit(rulesAll, { remove: mine, append: expected.rules });
    lb.properties.probes = edit(probesAll, { remove: myProbes, append: expected.probes });
    return lb;
  };
  return { changed, frontendId, build };
}

/**
 * The cluster backend pool holding exactly the current nodes (EnsureHostsInPool): created if
 * missing, rebuilt after a node pool scale. Returns `pools` itself when nothing changes.
 */
function withClusterPool(p: ProviderContext, lbId: string, pools: Child[]): Child[] {
  const n = p.aks.nodeCount;
  const cur = pools.find((x) => x.name === CLUSTER_POOL);
  if (!cur) return [backendPool(lbId, CLUSTER_POOL, p.aks.layout, n), ...pools];
  if (((cur.properties.backendIPConfigurations as unknown[] | undefined) ?? []).length === n) return pools;
  return pools.map((x) => (x === cur ? backendPool(lbId, CLUSTER_POOL, p.aks.layout, n) : x));
}

/** UpdateLoadBalancer after a node change: only the backend pool of the service's LB. */
export function* ensureHostsInPool(p: ProviderContext, svc: Service): Flow<void> {
  const id = lbId(p, loadBalancerName(isInternal(svc)));
  const current = p.arm.peek(id);
  if (!current || withClusterPool(p, current.id, list(current, 'backendAddressPools')) === list(current, 'backendAddressPools')) return;
  const build = () => {
    const lb = p.arm.peek(id) ?? current;
    return { ...lb, properties: { ...lb.properties, backendAddressPools: withClusterPool(p, lb.id, list(lb, 'backendAddressPools')) } };
  };
  try {
    yield* p.client.putFlow(id, LB_TYPE, build, opCtx(p, svc, 'update backend pool'));
  } catch (err) {
    throw wrapArmError(err);
  }
}

/** Same content (the service's own few entries; key order is ours, so JSON text compares). */
function sameJson(a: readonly Child[], b: readonly Child[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (JSON.stringify(a[i]) !== JSON.stringify(b[i])) return false;
  return true;
}

function publicFrontend(id: string, name: string, pip: ArmResource): Child {
  return {
    id,
    name,
    type: 'Microsoft.Network/loadBalancers/frontendIPConfigurations',
    properties: { privateIPAllocationMethod: 'Dynamic', publicIPAddress: { id: pip.id }, provisioningState: 'Succeeded' },
  };
}

function internalFrontend(p: ProviderContext, svc: Service, id: string, name: string, subnetName: string | undefined, existing: Child | undefined): Child {
  const layout = p.aks.layout;
  const vnet = p.arm.peek(p.aks.ids.vnet);
  const subnetWanted = subnetName ?? layout.subnetName;
  const subnet = ((vnet?.properties.subnets as Child[] | undefined) ?? []).find((s) => s.name === subnetWanted);
  if (!subnet)
    throw new CloudError(
      `ensure(${svc.metadata.namespace}/${svc.metadata.name}): lb(${loadBalancerName(true)}) - failed to get subnet: ${layout.vnetName}/${subnetWanted}`,
    );
  const requested = requestedIp(svc);
  let ip = requested ?? (existing?.properties.privateIPAddress as string | undefined);
  if (!ip || (existing && refId(existing.properties.subnet) !== subnet.id.toLowerCase() && !requested)) {
    ip = nextFreePrivateIp(String(subnet.properties.addressPrefix), usedPrivateIps(p));
  }
  return {
    id,
    name,
    type: 'Microsoft.Network/loadBalancers/frontendIPConfigurations',
    zones: zonesOf(layout.location),
    properties: {
      privateIPAddress: ip,
      privateIPAddressVersion: 'IPv4',
      privateIPAllocationMethod: requested ? 'Static' : 'Dynamic',
      subnet: { id: subnet.id },
      provisioningState: 'Succeeded',
    },
  };
}

/** The nodes' private IPs (the backend pool's addresses, GetBackendPrivateIPs). */
export function nodeIps(p: ProviderContext): string[] {
  return Array.from({ length: p.aks.nodeCount }, (_, n) => `10.224.0.${4 + n}`);
}

/** Node IPs plus every internal frontend's address. */
export function usedPrivateIps(p: ProviderContext): Set<string> {
  const used = new Set<string>(nodeIps(p));
  for (const lb of p.arm.select({ type: LB_TYPE, resourceGroup: p.rg })) {
    for (const f of list(lb, 'frontendIPConfigurations')) if (typeof f.properties.privateIPAddress === 'string') used.add(f.properties.privateIPAddress);
  }
  return used;
}

/**
 * Removes the service's rules, probes and (if unused by others) frontend from one LB; deletes
 * the LB when no frontend is left. `warn` emits DeletingFrontendIPConfiguration.
 */
export function* removeServiceFromLb(p: ProviderContext, svc: Service, name: string, warn: (reason: string, msg: string) => void): Flow<void> {
  const id = lbId(p, name);
  const current = p.arm.peek(id);
  if (!current) return;
  const prefix = baseName(svc.metadata.uid).toLowerCase();
  // A service sharing an IP also "owns" the shared frontend as a secondary service
  // (serviceOwnsFrontendIP): once nothing else uses it, it goes with the last sharer.
  const sharedPip = !isInternal(svc) && (requestedIp(svc) || value(svc, A.pipName)) ? findServicePip(p, svc) : undefined;
  const sharedPrivateIp = isInternal(svc) ? requestedIp(svc) : undefined;
  const plan = (lb: ArmResource) => {
    const rules = list(lb, 'loadBalancingRules');
    const rx = childIndex(rules);
    const myRules = rx.get(`p:${prefix}`) as Child[];
    const mineSet = new Set(myRules);
    const outboundFronts = new Set<string>();
    for (const o of list(lb, 'outboundRules'))
      for (const f of (o.properties.frontendIPConfigurations as { id: string }[]) ?? []) outboundFronts.add(f.id.toLowerCase());
    const usedByOthers = (f: Child) =>
      outboundFronts.has(f.id.toLowerCase()) ||
      (rx.get(frontKey(f.id)) as Child[]).some((r) => !mineSet.has(r) && refId(r.properties.frontendIPConfiguration) === f.id.toLowerCase());
    const fronts = list(lb, 'frontendIPConfigurations');
    const fx = childIndex(fronts);
    const myFronts = fx.get(`p:${prefix}`) as Child[];
    const secondary = [...(sharedPip ? fx.get(`pip:${sharedPip.id.toLowerCase()}`) : []), ...(sharedPrivateIp ? fx.get(`ip:${sharedPrivateIp}`) : [])].filter(
      (f) => !myFronts.includes(f as Child),
    ) as Child[];
    const blocked = myFronts.filter(usedByOthers);
    const dropFronts = [...myFronts, ...secondary].filter((f) => !usedByOthers(f));
    const probes = list(lb, 'probes');
    const myProbes = childIndex(probes).get(`p:${prefix}`) as Child[];
    const changed = myRules.length > 0 || dropFronts.length > 0 || myProbes.length > 0;
    const next = changed
      ? ({
          ...lb,
          properties: {
            ...lb.properties,
            loadBalancingRules: edit(rules, { remove: myRules }),
            frontendIPConfigurations: edit(fronts, { remove: dropFronts }),
            probes: edit(probes, { remove: myProbes }),
          },
        } as ArmResource)
      : lb;
    return { changed, blocked, next };
  };
  const first = plan(current);
  for (const f of first.blocked) {
    warn(
      'DeletingFrontendIPConfiguration',
      `isFrontendIPConfigUnsafeToDelete: frontend IP configuration with ID ${f.id} cannot be deleted because it is being referenced by load balancing rules of other services`,
    );
  }
  if (!first.changed) return;
  const ctx = opCtx(p, svc, 'delete load balancer resources');
  try {
    if (list(first.next, 'frontendIPConfigurations').length === 0) {
      yield* p.client.deleteFlow(id, ctx);
      return;
    }
    yield* p.client.putFlow(id, LB_TYPE, () => plan(p.arm.peek(id) ?? current).next, ctx);
  } catch (err) {
    throw wrapArmError(err);
  }
}

/** Does any cluster LB carry a frontend or rule of this service? (`GetLoadBalancer` exists). */
export function serviceHasLbResources(p: ProviderContext, svc: Service): boolean {
  const prefix = baseName(svc.metadata.uid).toLowerCase();
  for (const name of [loadBalancerName(false), loadBalancerName(true)]) {
    const lb = p.arm.peek(lbId(p, name));
    if (
      lb &&
      (childIndex(list(lb, 'loadBalancingRules')).get(`p:${prefix}`).length || childIndex(list(lb, 'frontendIPConfigurations')).get(`p:${prefix}`).length)
    )
      return true;
  }
  return false;
}

export { A, value };
