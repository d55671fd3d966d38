/** The Standard LB `kubernetes` as AKS creates it for outboundType loadBalancer (domain §3). */

import { md5Hex } from '../md5';
import { type AksLayout, ids } from './aks-names';
import { aksTags } from './aks-resources';
import { lastSegment } from './ids';
import type { ArmResource } from './types';

type Child = { id: string; name: string; type?: string; properties: Record<string, unknown>; etag?: string; zones?: string[] };

export const OUTBOUND_POOL = 'aksOutboundBackendPool';
export const OUTBOUND_RULE = 'aksOutboundRule';
/** Cluster backend pool = the CCM's cluster name (`kubernetes`). */
export const CLUSTER_POOL = 'kubernetes';

export function backendPool(lbId: string, name: string, layout: AksLayout, nodeCount: number): Child {
  const i = ids(layout);
  const configs = Array.from({ length: nodeCount }, (_, n) => ({ id: i.nodeIpConfig(n) }));
  return {
    id: `${lbId}/backendAddressPools/${name}`,
    name,
    type: 'Microsoft.Network/loadBalancers/backendAddressPools',
    properties: {
      provisioningState: 'Succeeded',
      backendIPConfigurations: configs,
      loadBalancerBackendAddresses: configs.map((c) => ({
        name: backendAddressName(`${lbId}/backendAddressPools/${name}`, c.id),
        properties: { networkInterfaceIPConfiguration: { id: c.id } },
      })),
    },
  };
}

/**
 * ARM names each NIC-based backend address with a GUID of its own. Derived from the pool and the
 * node's ipconfig id (both seeded through the layout), so a node keeps its name across pool
 * rewrites and no random stream is consumed.
 */
export function backendAddressName(poolId: string, ipConfigId: string): string {
  const h = md5Hex(`${poolId.toLowerCase()}|${ipConfigId.toLowerCase()}`);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function outboundFrontend(lbId: string, pipId: string): Child {
  const name = lastSegment(pipId);
  return {
    id: `${lbId}/frontendIPConfigurations/${name}`,
    name,
    type: 'Microsoft.Network/loadBalancers/frontendIPConfigurations',
    properties: { privateIPAllocationMethod: 'Dynamic', publicIPAddress: { id: pipId }, provisioningState: 'Succeeded' },
  };
}

export function outboundRule(lbId: string, frontendIds: string[], allocatedOutboundPorts = 0): Child {
  return {
    id: `${lbId}/outboundRules/${OUTBOUND_RULE}`,
    name: OUTBOUND_RULE,
    type: 'Microsoft.Network/loadBalancers/outboundRules',
    properties: {
      allocatedOutboundPorts,
      backendAddressPool: { id: `${lbId}/backendAddressPools/${OUTBOUND_POOL}` },
      enableTcpReset: true,
      frontendIPConfigurations: frontendIds.map((id) => ({ id })),
      idleTimeoutInMinutes: 30,
      protocol: 'All',
      provisioningState: 'Succeeded',
    },
  };
}

/** A Standard LB shell (also what the CCM creates for `kubernetes-internal` or UDR clusters). */
export function emptyLoadBalancer(id: string, name: string, location: string, tags: Record<string, string> | undefined): ArmResource {
  return {
    id,
    name,
    type: 'Microsoft.Network/loadBalancers',
    location,
    tags,
    sku: { name: 'Standard', tier: 'Regional' },
    properties: {
      frontendIPConfigurations: [],
      backendAddressPools: [],
      loadBalancingRules: [],
      probes: [],
      inboundNatRules: [],
      inboundNatPools: [],
      outboundRules: [],
      resourceGuid: '',
    },
  };
}

export function outboundLoadBalancer(layout: AksLayout, outboundPipIds: string[], nodeCount: number): ArmResource {
  const lbId = ids(layout).lb('kubernetes');
  const lb = emptyLoadBalancer(lbId, 'kubernetes', layout.location, aksTags(layout));
  const fronts = outboundPipIds.map((p) => outboundFrontend(lbId, p));
  lb.properties.frontendIPConfigurations = fronts;
  lb.properties.backendAddressPools = [backendPool(lbId, CLUSTER_POOL, layout, nodeCount), backendPool(lbId, OUTBOUND_POOL, layout, nodeCount)];
  lb.properties.outboundRules = [
    outboundRule(
      lbId,
      fronts.map((f) => f.id),
    ),
  ];
  return lb;
}

/** New LB object with the outbound frontends replaced (service frontends untouched). */
export function setOutboundFrontends(lb: ArmResource, pipIds: string[]): ArmResource {
  const fips = (lb.properties.frontendIPConfigurations as Child[]) ?? [];
  const rule = ((lb.properties.outboundRules as Child[]) ?? []).find((r) => r.name === OUTBOUND_RULE);
  const oldIds = new Set(((rule?.properties.frontendIPConfigurations as { id: string }[]) ?? []).map((f) => f.id.toLowerCase()));
  const kept = fips.filter((f) => !oldIds.has(f.id.toLowerCase()));
  const fronts = pipIds.map(
    (p) => fips.find((f) => (f.properties.publicIPAddress as { id: string } | undefined)?.id.toLowerCase() === p.toLowerCase()) ?? outboundFrontend(lb.id, p),
  );
  return {
    ...lb,
    properties: {
      ...lb.properties,
      frontendIPConfigurations: [...fronts, ...kept],
      outboundRules: [
        outboundRule(
          lb.id,
          fronts.map((f) => f.id),
          Number(rule?.properties.allocatedOutboundPorts ?? 0),
        ),
        ...((lb.properties.outboundRules as Child[]) ?? []).filter((r) => r.name !== OUTBOUND_RULE),
      ],
    },
  };
}

/** New LB object whose named pools contain exactly `nodeCount` node IP configurations. */
export function setPoolMembers(lb: ArmResource, layout: AksLayout, nodeCount: number, poolNames: string[] = [CLUSTER_POOL, OUTBOUND_POOL]): ArmResource {
  const pools = ((lb.properties.backendAddressPools as Child[]) ?? []).map((p) =>
    poolNames.includes(p.name) ? backendPool(lb.id, p.name, layout, nodeCount) : p,
  );
  return { ...lb, properties: { ...lb.properties, backendAddressPools: pools } };
}

/** New LB object with aksOutboundRule's allocatedOutboundPorts changed (0 = automatic). */
export function setOutboundPorts(lb: ArmResource, ports: number): ArmResource {
  const rules = (lb.properties.outboundRules as Child[]) ?? [];
  return {
    ...lb,
    properties: {
      ...lb.properties,
      outboundRules: rules.map((r) => (r.name === OUTBOUND_RULE ? { ...r, properties: { ...r.properties, allocatedOutboundPorts: ports } } : r)),
    },
  };
}
