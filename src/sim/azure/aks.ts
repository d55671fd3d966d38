/**
 * The AKS resource provider's side: at creation it builds the cluster RG entry, the node resource
 * group and everything in it (domain §3–§4); later `az aks update` / `az aks nodepool scale` change
 * the outbound IPs and the node pool. The cloud provider (cloud-provider/) never creates these.
 */
import type { ResolvedOptions } from '../options';
import { SeededRandom } from '../random';
import { AKS_CALLER, type AksLayout, ids, nodeName, nodeResourceGroupName } from './aks-names';
import { aksTags, kubeletIdentity, natGateway, nsg, outboundPublicIp, resourceGroup, route, routeTable, vmss, vnet } from './aks-resources';
import type { ArmClient } from './client';
import { ArmError } from './errors';
import type { PublicIpAllocator } from './ip-allocator';
import { managedCluster } from './managed-cluster';
import { outboundLoadBalancer, setOutboundFrontends, setOutboundPorts, setPoolMembers } from './outbound-lb';
import type { ArmResource, OperationContext } from './types';

/** SNAT ports each outbound frontend IP offers (AKS-docs configure-load-balancer-standard). */
export const SNAT_PORTS_PER_IP = 64000;

export const AKS_CTX: OperationContext = { caller: AKS_CALLER };

export class AksCluster {
  readonly layout: AksLayout;
  private nodes: number;
  /** Called after the node pool changes so Kubernetes Node objects follow (set by the sandbox). */
  onNodesChanged: (count: number) => void = () => {};

  constructor(
    readonly options: ResolvedOptions,
    private readonly client: ArmClient,
    private readonly random: SeededRandom,
    readonly publicIps: PublicIpAllocator,
  ) {
    const o = options;
    const suffix = random.digits(8);
    const vmssNumber = random.digits(8);
    const hex = random.hex(6);
    const dnsPrefix = `${o.clusterName.slice(0, 10)}-${o.resourceGroup.slice(0, 16)}-${o.subscriptionId.slice(0, 6)}`;
    this.layout = {
      subscriptionId: o.subscriptionId,
      clusterResourceGroup: o.resourceGroup,
      nodeResourceGroup: nodeResourceGroupName(o),
      clusterName: o.clusterName,
      location: o.location,
      resourceSuffix: suffix,
      vmssNumber,
      poolName: 'nodepool1',
      vmssName: `aks-nodepool1-${vmssNumber}-vmss`,
      vnetName: `aks-vnet-${suffix}`,
      subnetName: 'aks-subnet',
      nsgName: `aks-agentpool-${suffix}-nsg`,
      routeTableName: `aks-agentpool-${suffix}-routetable`,
      // UNCERTAIN (domain §9.1): the managed NAT gateway's real name was not found.
      natGatewayName: 'aks-nat-gateway',
      kubeletIdentityName: `${o.clusterName}-agentpool`,
      clusterPrincipalId: random.uuid(),
      // Own stream: adding this draw must not shift the cluster's other seeded names.
      clusterClientId: new SeededRandom(`${o.seed}:cluster-client-id`).uuid(),
      tenantId: random.uuid(),
      dnsPrefix,
      fqdn: `${dnsPrefix.toLowerCase()}-${hex}.hcp.${o.location}.azmk8s.io`,
    };
    this.nodes = o.nodeCount;
  }

  get ids() {
    return ids(this.layout);
  }

  get nodeCount(): number {
    return this.nodes;
  }

  /** Node names in index order (`aks-nodepool1-12345678-vmss000000` …). */
  nodeNames(): string[] {
    return Array.from({ length: this.nodes }, (_, i) => nodeName(this.layout, i));
  }

  /** Creates everything `az aks create` leaves behind. */
  bootstrap(): void {
    const o = this.options;
    const l = this.layout;
    const i = this.ids;
    this.client.put(resourceGroup(o.subscriptionId, o.resourceGroup, o.location), { caller: 'azureuser@contoso.com' });
    this.client.put(resourceGroup(o.subscriptionId, l.nodeResourceGroup, o.location, aksTags(l), i.managedCluster), AKS_CTX);
    this.client.put(kubeletIdentity(l, this.random), AKS_CTX);
    // AKS grants the cluster identity rights on the node resource group (and nothing else).
    this.client.authz.grant(l.clusterPrincipalId, i.nodeRg);
    this.client.put(nsg(l), AKS_CTX);
    if (o.networkPlugin === 'kubenet') this.client.put(routeTable(l, this.nodes), AKS_CTX);
    const outboundIps: string[] = [];
    if (o.outboundType === 'loadBalancer') {
      for (let n = 0; n < o.managedOutboundIPCount; n++) outboundIps.push(this.createOutboundIp().id);
    } else if (o.outboundType === 'managedNATGateway') {
      // Own stream: a NAT gateway cluster must not get the very GUID and address a load-balancer
      // cluster with the same seed gives its managed outbound IP (two clusters, two IPs).
      const natRandom = new SeededRandom(`${o.seed}:nat-gateway`);
      for (let n = 0; n < o.natGatewayManagedOutboundIPCount; n++) {
        const name = natRandom.uuid();
        const address = this.publicIps.allocate(o.location, natRandom);
        outboundIps.push(this.client.put(outboundPublicIp(l, name, address, 'aks-nat-gateway-managed-outbound-ip'), AKS_CTX).id);
      }
      this.client.put(natGateway(l, outboundIps), AKS_CTX);
    }
    this.client.put(vnet(l, o), AKS_CTX);
    this.client.put(vmss(l, o, this.nodes, this.random), AKS_CTX);
    if (o.outboundType === 'loadBalancer') {
      this.client.put(outboundLoadBalancer(l, outboundIps, this.nodes), AKS_CTX);
    }
    this.client.put(managedCluster(l, o, this.nodes, outboundIps), { caller: 'azureuser@contoso.com' });
  }

  /**
   * `az aks update --load-balancer-managed-outbound-ip-count N`: adds GUID IPs and frontends, or
   * removes the newest ones, and updates aksOutboundRule and the managed cluster's profile.
   */
  setManagedOutboundIPCount(count: number): void {
    this.updateLoadBalancerProfile({ managedOutboundIPCount: count });
  }

  /**
   * `az aks update --load-balancer-managed-outbound-ip-count N --load-balancer-outbound-ports P`
   * (either or both, one operation): the outbound IPs as above, and aksOutboundRule's
   * allocatedOutboundPorts (0 = automatic). Refused with InvalidLoadBalancerProfileAllocatedOutboundPorts
   * when nodes × ports would not fit into 64,000 ports per outbound IP.
   */
  updateLoadBalancerProfile(change: { managedOutboundIPCount?: number; allocatedOutboundPorts?: number }): void {
    if (this.options.outboundType !== 'loadBalancer') {
      throw new ArmError(400, 'BadRequest', `Load balancer profile must be specified for outbound type loadBalancer only.`);
    }
    const n = change.managedOutboundIPCount;
    if (n !== undefined && (!Number.isInteger(n) || n < 1 || n > 100)) {
      throw new ArmError(
        400,
        'InvalidParameter',
        `The value of parameter loadBalancerProfile.managedOutboundIPs.count is invalid. Please see https://aka.ms/aks-naming-rules for more details.`,
      );
    }
    const p = change.allocatedOutboundPorts;
    if (p !== undefined && (!Number.isInteger(p) || p < 0 || p > SNAT_PORTS_PER_IP || p % 8 !== 0)) {
      throw new ArmError(400, 'InvalidParameter', `The value of parameter loadBalancerProfile.allocatedOutboundPorts is invalid.`);
    }
    const lbId = this.ids.lb('kubernetes');
    const lb = this.client.store.peek(lbId);
    if (!lb) return;
    const current = outboundFrontendPips(lb);
    const count = change.managedOutboundIPCount ?? current.length;
    const ports = change.allocatedOutboundPorts ?? allocatedOutboundPorts(lb);
    checkSnatCapacity(ports, this.nodes, count);
    if (change.allocatedOutboundPorts !== undefined) {
      this.client.put(setOutboundPorts(lb, ports), AKS_CTX);
      this.updateManagedCluster((mc) => {
        (mc.properties.networkProfile as Record<string, Record<string, unknown>>).loadBalancerProfile.allocatedOutboundPorts = ports;
      });
    }
    if (change.managedOutboundIPCount === undefined) return;
    let pips = [...current];
    while (pips.length < count) pips.push(this.createOutboundIp().id);
    const removed = pips.slice(count);
    pips = pips.slice(0, count);
    this.client.put(setOutboundFrontends(this.client.store.peek(lbId) ?? lb, pips), AKS_CTX);
    for (const id of removed) {
      const ip = this.client.store.peek(id)?.properties.ipAddress;
      this.client.delete(id, AKS_CTX);
      if (typeof ip === 'string') this.publicIps.release(ip);
    }
    this.updateManagedCluster((mc) => {
      const profile = (mc.properties.networkProfile as Record<string, Record<string, unknown>>).loadBalancerProfile;
      profile.managedOutboundIPs = { count };
      profile.effectiveOutboundIPs = pips.map((id) => ({ id, resourceGroup: this.layout.nodeResourceGroup }));
    });
  }

  /** `az aks nodepool scale` / `az aks scale`: VMSS capacity, backend pools, kubenet routes, Nodes. */
  scaleNodePool(pool: string, count: number): void {
    if (pool !== this.layout.poolName) {
      throw new ArmError(404, 'NotFound', `Could not find agent pool ${pool} in managed cluster ${this.layout.clusterName}.`);
    }
    if (!Number.isInteger(count) || count < 0 || count > 1000) {
      throw new ArmError(400, 'InvalidParameter', `The value of parameter agentPoolProfile.count is invalid.`);
    }
    const store = this.client.store;
    const outLb = this.options.outboundType === 'loadBalancer' ? store.peek(this.ids.lb('kubernetes')) : undefined;
    if (outLb) checkSnatCapacity(allocatedOutboundPorts(outLb), count, outboundFrontendPips(outLb).length);
    this.nodes = count;
    const vm = store.peek(this.ids.vmss);
    if (vm) this.client.put({ ...vm, sku: { ...vm.sku!, capacity: count } as ArmResource['sku'] }, AKS_CTX);
    const rt = store.peek(this.ids.routeTable);
    if (rt) this.client.put({ ...rt, properties: { ...rt.properties, routes: Array.from({ length: count }, (_, n) => route(this.layout, n)) } }, AKS_CTX);
    const lb = store.peek(this.ids.lb('kubernetes'));
    // Membership lives on the scale set's NIC IP configuration (backendPoolType nodeIPConfiguration),
    // which names every pool the instances belong to: a new instance is in all of them at once,
    // whether or not any LoadBalancer Service exists.
    if (lb) this.client.put(setPoolMembers(lb, this.layout, count), AKS_CTX);
    this.updateManagedCluster((mc) => {
      const profiles = mc.properties.agentPoolProfiles as Record<string, unknown>[];
      profiles[0] = { ...profiles[0], count };
    });
    this.onNodesChanged(count);
  }

  private createOutboundIp(type?: string): ArmResource {
    const name = this.random.uuid();
    return this.client.put(outboundPublicIp(this.layout, name, this.publicIps.allocate(this.layout.location), type), AKS_CTX);
  }

  private updateManagedCluster(edit: (mc: ArmResource) => void): void {
    const mc = this.client.store.get(this.ids.managedCluster);
    if (!mc) return;
    edit(mc);
    this.client.put(mc, { caller: 'azureuser@contoso.com' });
  }
}

function allocatedOutboundPorts(lb: ArmResource): number {
  const rules = (lb.properties.outboundRules as { name: string; properties: { allocatedOutboundPorts?: number } }[] | undefined) ?? [];
  return Number(rules.find((r) => r.name === 'aksOutboundRule')?.properties.allocatedOutboundPorts ?? 0);
}

/**
 * Fixed SNAT ports per node must fit into the outbound IPs' ports (0 = automatic always fits).
 * Message from Microsoft's troubleshooting article for this error code.
 */
function checkSnatCapacity(ports: number, nodes: number, ips: number): void {
  if (ports <= 0 || ports * nodes <= SNAT_PORTS_PER_IP * ips) return;
  throw new ArmError(
    400,
    'InvalidLoadBalancerProfileAllocatedOutboundPorts',
    `Load balancer profile allocated ports ${ports} is not in an allowable range given the number of nodes and IPs provisioned. Total node count ${nodes} requires ${ports * nodes} ports but only ${SNAT_PORTS_PER_IP * ips} ports are available given ${ips} outbound public IPs. Refer to https://aka.ms/aks/slb-ports for more details.`,
  );
}

function outboundFrontendPips(lb: ArmResource): string[] {
  const rules = (lb.properties.outboundRules as { name: string; properties: { frontendIPConfigurations: { id: string }[] } }[] | undefined) ?? [];
  const rule = rules.find((r) => r.name === 'aksOutboundRule');
  const fips = (lb.properties.frontendIPConfigurations as { id: string; properties: { publicIPAddress?: { id: string } } }[]) ?? [];
  const ids = new Set((rule?.properties.frontendIPConfigurations ?? []).map((f) => f.id.toLowerCase()));
  return fips.filter((f) => ids.has(f.id.toLowerCase())).map((f) => f.properties.publicIPAddress!.id);
}
