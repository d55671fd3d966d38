/**
 * What ARM returns on GET, computed from what was PUT: back-references (`loadBalancingRules` on
 * frontends, pools and probes; `outboundRules` on frontends and pools) and child ids in the casing
 * of the last writer's request URL (why CCM-updated LBs show `mc_…` in lower case, domain §4).
 * Done at read time so the 1,000-service hot path never rebuilds them.
 */
import type { ArmResource } from './types';

interface Child {
  id: string;
  name: string;
  properties?: Record<string, unknown>;
  [k: string]: unknown;
}

type Ref = { id: string };

export function viewResource(r: ArmResource, writePrefix?: string): ArmResource {
  const copy = structuredClone(r);
  if (copy.type === 'Microsoft.Network/loadBalancers') decorateLoadBalancer(copy, writePrefix ?? copy.id);
  return copy;
}

function decorateLoadBalancer(lb: ArmResource, prefix: string): void {
  const p = lb.properties as Record<string, Child[] | undefined>;
  const lower = lb.id.toLowerCase();
  const fix = (id: string) => (id.toLowerCase().startsWith(lower) ? prefix + id.slice(lb.id.length) : id);
  const lists = ['frontendIPConfigurations', 'backendAddressPools', 'loadBalancingRules', 'probes', 'outboundRules', 'inboundNatRules', 'inboundNatPools'];
  for (const key of lists) for (const c of p[key] ?? []) c.id = fix(c.id);
  const refFix = (ref: unknown) => {
    if (ref && typeof ref === 'object' && typeof (ref as Ref).id === 'string') (ref as Ref).id = fix((ref as Ref).id);
  };
  const byId = new Map<string, Child>();
  for (const key of ['frontendIPConfigurations', 'backendAddressPools', 'probes']) {
    for (const c of p[key] ?? []) {
      c.properties = c.properties ?? {};
      delete c.properties.loadBalancingRules;
      if (key !== 'probes') delete c.properties.outboundRules;
      byId.set(c.id.toLowerCase(), c);
    }
  }
  const link = (target: unknown, field: 'loadBalancingRules' | 'outboundRules', id: string) => {
    if (!target || typeof target !== 'object') return;
    refFix(target);
    const child = byId.get((target as Ref).id.toLowerCase());
    if (!child) return;
    const list = ((child.properties![field] as Ref[] | undefined) ?? []) as Ref[];
    list.push({ id });
    child.properties![field] = list;
  };
  for (const rule of p.loadBalancingRules ?? []) {
    const rp = rule.properties ?? {};
    link(rp.frontendIPConfiguration, 'loadBalancingRules', rule.id);
    link(rp.backendAddressPool, 'loadBalancingRules', rule.id);
    for (const bp of (rp.backendAddressPools as Ref[] | undefined) ?? []) refFix(bp);
    link(rp.probe, 'loadBalancingRules', rule.id);
  }
  for (const rule of p.outboundRules ?? []) {
    const rp = rule.properties ?? {};
    for (const f of (rp.frontendIPConfigurations as Ref[] | undefined) ?? []) link(f, 'outboundRules', rule.id);
    link(rp.backendAddressPool, 'outboundRules', rule.id);
  }
}
