/**
 * Request validation ARM performs on a PUT/DELETE: subscription quota and per-resource limits
 * (domain §8), plus the back-references ARM maintains for us (a public IP's ipConfiguration).
 */

import { deltaBetween } from './child-index';
import type { ArmFaults } from './client';
import { ArmError, armErrors } from './errors';
import { idKey, idSegment } from './ids';
import { cidrContains } from './ip-allocator';
import type { ArmStore } from './store';
import type { ArmResource } from './types';

const PIP = 'Microsoft.Network/publicIPAddresses';
const LB = 'Microsoft.Network/loadBalancers';
const NSG = 'Microsoft.Network/networkSecurityGroups';

type Props = Record<string, unknown>;
interface Named {
  id: string;
  name: string;
  properties?: Props;
}

export function checkLimits(store: ArmStore, resource: ArmResource, faults: ArmFaults, mode: 'put' | 'delete' = 'put'): void {
  if (mode === 'delete') {
    if (resource.type === PIP) {
      const ipc = (resource.properties.ipConfiguration as { id?: string } | undefined)?.id;
      if (ipc) throw armErrors.pipInUse(resource.id, ipc);
    }
    return;
  }
  checkNames(resource);
  if (resource.type === PIP && !store.has(resource.id)) {
    const count = store.countByLocation(PIP, idSegment(resource.id, 2), resource.location ?? '');
    if (count >= faults.publicIPQuota) throw armErrors.publicIpQuota(faults.publicIPQuota, resource.location ?? '');
  }
  if (resource.type === LB) {
    const fips = (resource.properties.frontendIPConfigurations as Named[] | undefined) ?? [];
    if (fips.length > faults.limits.frontendIPConfigurationsPerLoadBalancer) {
      throw armErrors.frontendLimit(faults.limits.frontendIPConfigurationsPerLoadBalancer);
    }
    checkRulesPerNic(store, resource, faults.limits.rulesPerNic);
    checkStaticPrivateIps(store, resource);
  }
  if (resource.type === NSG) {
    const rules = (resource.properties.securityRules as unknown[] | undefined) ?? [];
    if (rules.length > faults.limits.securityRulesPerNsg) throw armErrors.nsgRuleLimit(faults.limits.securityRulesPerNsg);
  }
}

/**
 * Every node is in the backend pool of every cluster LB, so each node NIC carries the rules of
 * all of them: the sum of load-balancing rules across the node RG's load balancers.
 */
function checkRulesPerNic(store: ArmStore, lb: ArmResource, limit: number): void {
  const rules = (lb.properties.loadBalancingRules as unknown[] | undefined)?.length ?? 0;
  if (rules === 0) return;
  let total = rules;
  const rg = idSegment(lb.id, 4).toLowerCase();
  for (const other of store.select({ type: LB, resourceGroup: rg })) {
    if (idKey(other.id) === idKey(lb.id)) continue;
    total += (other.properties.loadBalancingRules as unknown[] | undefined)?.length ?? 0;
  }
  if (total <= limit) return;
  const pools = (lb.properties.backendAddressPools as Named[] | undefined) ?? [];
  const ipconfigs = pools.flatMap((p) => ((p.properties?.backendIPConfigurations as { id: string }[] | undefined) ?? []).map((x) => x.id));
  throw new ArmError(
    400,
    'RulesPerIpConfigurationLimitReached',
    `IpConfiguration ${ipconfigs[0] ?? lb.id} cannot have more than ${limit} NAT or load balancing rules combined.`,
  );
}

/**
 * A Static private frontend IP must lie in its subnet (an internal Service asking for an address
 * outside it). Only frontends new in this PUT are checked (the rest were accepted before).
 */
function checkStaticPrivateIps(store: ArmStore, lb: ArmResource): void {
  const before = (store.peek(lb.id)?.properties.frontendIPConfigurations as Named[] | undefined) ?? [];
  const { added } = deltaBetween(before, (lb.properties.frontendIPConfigurations as Named[] | undefined) ?? []);
  for (const f of added) {
    const props = f.properties ?? {};
    const ip = props.privateIPAddress;
    const subnetId = (props.subnet as { id?: string } | undefined)?.id;
    if (props.privateIPAllocationMethod !== 'Static' || typeof ip !== 'string' || !subnetId) continue;
    const vnet = store.peek(subnetId.slice(0, subnetId.toLowerCase().indexOf('/subnets/')));
    const subnet = ((vnet?.properties.subnets as Named[] | undefined) ?? []).find((x) => idKey(x.id) === idKey(subnetId));
    const prefix = subnet?.properties?.addressPrefix;
    if (typeof prefix === 'string' && !(isIpv4(ip) && cidrContains(prefix, ip))) {
      throw new ArmError(400, 'PrivateIPAddressNotInSubnet', `Private static IP address ${ip} does not belong to the range of subnet prefix ${prefix}.`);
    }
  }
}

const isIpv4 = (ip: string) => /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(ip);

/**
 * ARM keeps `publicIPAddress.properties.ipConfiguration` pointing at the frontend that uses it;
 * `az network public-ip show` reads it and PIP deletion is refused while it is set. Only the
 * frontends that changed are visited (relinking every PIP on each LB write was quadratic).
 * `before` is the LB as stored before this write (undefined: new LB); `after` undefined: deleted.
 */
export function linkPublicIps(store: ArmStore, before: ArmResource | undefined, after: ArmResource | undefined): void {
  const lb = after ?? before;
  if (!lb || lb.type !== LB) return;
  const links = linksOf(store);
  const lbKey = idKey(lb.id) + '/';
  const fronts = (r: ArmResource | undefined) => (r?.properties.frontendIPConfigurations as Named[] | undefined) ?? [];
  const { removed, added } = deltaBetween(fronts(before), fronts(after));
  for (const f of removed) {
    const pipKey = pipOf(f);
    const linked = pipKey && links.get(pipKey);
    if (!pipKey || !linked || !idKey(linked).startsWith(lbKey)) continue;
    links.delete(pipKey);
    const pip = store.peek(pipKey);
    const cur = (pip?.properties.ipConfiguration as { id?: string } | undefined)?.id;
    if (pip && cur && idKey(cur).startsWith(lbKey)) delete pip.properties.ipConfiguration;
  }
  for (const f of added) {
    const pipKey = pipOf(f);
    if (!pipKey) continue;
    links.set(pipKey, f.id);
    const pip = store.peek(pipKey);
    if (pip) pip.properties.ipConfiguration = { id: f.id };
  }
}

/** A PIP rewritten while a frontend uses it keeps its (read-only, ARM-maintained) ipConfiguration. */
export function keepPipLink(store: ArmStore, pip: ArmResource): void {
  if (pip.type !== PIP) return;
  const fid = linksByStore.get(store)?.get(idKey(pip.id));
  if (fid) pip.properties.ipConfiguration = { id: fid };
}

const pipOf = (f: Named) => {
  const id = (f.properties?.publicIPAddress as { id?: string } | undefined)?.id;
  return id ? idKey(id) : undefined;
};

/** pip key → id of the frontend using it, as that LB's writer spelled it. */
const linksByStore = new WeakMap<ArmStore, Map<string, string>>();

function linksOf(store: ArmStore): Map<string, string> {
  let m = linksByStore.get(store);
  if (!m) linksByStore.set(store, (m = new Map()));
  return m;
}

/** Microsoft.Network's name rule: 1–80 word characters, '.', '-', '_'; starts with a word character, ends with one or '_'. */
const NETWORK_NAME = /^[\p{L}\p{N}_](?:[\p{L}\p{N}_.-]{0,78}[\p{L}\p{N}_])?$/u;
/** A Public IP's DNS label (the regular expression ARM quotes in InvalidDomainNameLabel). */
const DOMAIN_NAME_LABEL = /^[a-z][a-z0-9-]{1,61}[a-z0-9]$/;

/** Request validation ARM does before anything else: resource names and DNS labels. */
function checkNames(resource: ArmResource): void {
  if (!resource.type.toLowerCase().startsWith('microsoft.network/')) return;
  if (!NETWORK_NAME.test(resource.name)) throw armErrors.invalidResourceName(resource.name);
  const label = (resource.properties.dnsSettings as { domainNameLabel?: string } | undefined)?.domainNameLabel;
  if (resource.type === PIP && label !== undefined && label !== '' && !DOMAIN_NAME_LABEL.test(label)) throw armErrors.invalidDomainNameLabel(label);
}
