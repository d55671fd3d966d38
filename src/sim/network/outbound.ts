/**
 * Egress: which public address the internet sees when a pod calls out (`curl ifconfig.me`).
 * Pods are SNATed on their node; the node's traffic leaves through what outboundType chose
 * (domain §3). Read from ARM, so `az aks update --load-balancer-managed-outbound-ip-count`
 * or a deleted NAT gateway shows up immediately. A Service's own Public IP is never used:
 * AKS rules carry `disableOutboundSnat: true` (§1.5).
 */
import type { ArmStore } from '../azure/store';
import type { ArmResource } from '../azure/types';
import { stableHash } from './addr';

/**
 * outboundType userDefinedRouting: 0.0.0.0/0 goes to an appliance (typically Azure Firewall in a
 * hub VNet) outside this subscription view; the lab pretends that firewall's public IP is this.
 */
export const UDR_APPLIANCE_EGRESS_IP = '20.62.146.250';

type Ref = { id: string };
const same = (a: string | undefined, b: string | undefined) => !!a && !!b && a.toLowerCase() === b.toLowerCase();
const items = (r: ArmResource | undefined, key: string) =>
  (r?.properties[key] as { id: string; name: string; properties: Record<string, unknown> }[] | undefined) ?? [];

export interface Egress {
  ip: string;
  /** The Azure object that SNATed the flow, for traces. */
  via: string;
}

/** Stable per node (the LB's outbound rule spreads nodes' flows over its frontends; we pick by node name). */
export function egressFor(arm: ArmStore, outboundType: string, nodeRg: string, nodeName: string): Egress | undefined {
  if (outboundType === 'userDefinedRouting') return { ip: UDR_APPLIANCE_EGRESS_IP, via: 'route table 0.0.0.0/0 → virtual appliance' };
  const pick = <T>(xs: T[]): T | undefined => (xs.length ? xs[stableHash(nodeName) % xs.length] : undefined);
  const pipIp = (id: string) => arm.get(id)?.properties.ipAddress as string | undefined;
  if (outboundType === 'managedNATGateway' || outboundType === 'userAssignedNATGateway') {
    const nat = arm.list({ type: 'Microsoft.Network/natGateways' }).find((n) => outboundType !== 'managedNATGateway' || same(n.id.split('/')[4], nodeRg));
    const pips = ((nat?.properties.publicIpAddresses as Ref[] | undefined) ?? []).map((r) => r.id);
    const id = pick(pips);
    const ip = id && pipIp(id);
    return ip ? { ip, via: `natGateways/${nat!.name}` } : undefined;
  }
  if (outboundType !== 'loadBalancer') return undefined;
  for (const lb of arm.list({ type: 'Microsoft.Network/loadBalancers', resourceGroup: nodeRg })) {
    for (const rule of items(lb, 'outboundRules')) {
      const fronts = ((rule.properties.frontendIPConfigurations as Ref[] | undefined) ?? [])
        .map((f) => items(lb, 'frontendIPConfigurations').find((x) => same(x.id, f.id)))
        .filter((f) => !!f);
      const front = pick(fronts);
      const pip = (front?.properties.publicIPAddress as Ref | undefined)?.id;
      const ip = pip && pipIp(pip);
      if (ip) return { ip, via: `loadBalancers/${lb.name}/outboundRules/${rule.name} frontend ${front!.name}` };
    }
  }
  return undefined;
}
