/** ARM shapes of the resources AKS creates at cluster creation (domain §3–§4, real outputs). */
import type { ResolvedOptions } from '../options';
import type { SeededRandom } from '../random';
import { type AksLayout, ids, nodeName } from './aks-names';
import type { ArmResource } from './types';

export const REGION_ZONES: Record<string, string[]> = {
  eastus: ['1', '2', '3'],
  westus2: ['1', '2', '3'],
  westeurope: ['1', '2', '3'],
  swedencentral: ['1', '2', '3'],
  koreacentral: ['1', '2', '3'],
};

export function zonesOf(location: string): string[] | undefined {
  return REGION_ZONES[location.toLowerCase()];
}

export function aksTags(layout: AksLayout): Record<string, string> {
  return { 'aks-managed-cluster-name': layout.clusterName, 'aks-managed-cluster-rg': layout.clusterResourceGroup };
}

export function resourceGroup(subscriptionId: string, name: string, location: string, tags?: Record<string, string>, managedBy?: string): ArmResource {
  return {
    id: `/subscriptions/${subscriptionId}/resourceGroups/${name}`,
    name,
    type: 'Microsoft.Resources/resourceGroups',
    location,
    tags,
    managedBy,
    properties: { provisioningState: 'Succeeded' },
  };
}

/**
 * A Standard, Static, zone-redundant IPv4 Public IP as Azure creates it, whoever asks: AKS for its
 * outbound IPs, the cloud provider for a Service.
 */
export function standardPublicIp(id: string, name: string, location: string, tags: Record<string, string>, address: string): ArmResource {
  return {
    id,
    name,
    type: 'Microsoft.Network/publicIPAddresses',
    location,
    tags,
    sku: { name: 'Standard', tier: 'Regional' },
    zones: zonesOf(location),
    properties: {
      ipAddress: address,
      publicIPAddressVersion: 'IPv4',
      publicIPAllocationMethod: 'Static',
      // UNCERTAIN (domain §9.3): 4 seen in a list, 30 in a dump; we show 4 (Azure's default).
      idleTimeoutInMinutes: 4,
      ipTags: [],
      ddosSettings: { protectionMode: 'VirtualNetworkInherited' },
      resourceGuid: '',
    },
  };
}

/** Outbound (or NAT gateway) public IP: GUID name, AKS tags. */
export function outboundPublicIp(layout: AksLayout, name: string, address: string, type = 'aks-slb-managed-outbound-ip'): ArmResource {
  return standardPublicIp(ids(layout).pip(name), name, layout.location, { ...aksTags(layout), 'aks-managed-type': type }, address);
}

export function vnet(layout: AksLayout, o: ResolvedOptions): ArmResource {
  const i = ids(layout);
  const subnetProps: Record<string, unknown> = {
    addressPrefix: '10.224.0.0/16',
    networkSecurityGroup: { id: i.nsg },
    privateEndpointNetworkPolicies: 'Disabled',
    privateLinkServiceNetworkPolicies: 'Enabled',
    provisioningState: 'Succeeded',
  };
  if (o.networkPlugin === 'kubenet') subnetProps.routeTable = { id: i.routeTable };
  if (o.outboundType === 'managedNATGateway') subnetProps.natGateway = { id: i.natGateway };
  return {
    id: i.vnet,
    name: layout.vnetName,
    type: 'Microsoft.Network/virtualNetworks',
    location: layout.location,
    tags: aksTags(layout),
    properties: {
      addressSpace: { addressPrefixes: ['10.224.0.0/12'] },
      subnets: [{ id: i.subnet, name: layout.subnetName, type: 'Microsoft.Network/virtualNetworks/subnets', properties: subnetProps }],
      enableDdosProtection: false,
      virtualNetworkPeerings: [],
      resourceGuid: '',
    },
  };
}

function defaultRule(
  name: string,
  priority: number,
  direction: 'Inbound' | 'Outbound',
  access: 'Allow' | 'Deny',
  src: string,
  dst: string,
  description: string,
) {
  return {
    name,
    type: 'Microsoft.Network/networkSecurityGroups/defaultSecurityRules',
    properties: {
      access,
      description,
      destinationAddressPrefix: dst,
      destinationAddressPrefixes: [],
      destinationPortRange: '*',
      destinationPortRanges: [],
      direction,
      priority,
      protocol: '*',
      provisioningState: 'Succeeded',
      sourceAddressPrefix: src,
      sourceAddressPrefixes: [],
      sourcePortRange: '*',
      sourcePortRanges: [],
    },
  };
}

export function nsg(layout: AksLayout): ArmResource {
  const id = ids(layout).nsg;
  const defaults = [
    defaultRule('AllowVnetInBound', 65000, 'Inbound', 'Allow', 'VirtualNetwork', 'VirtualNetwork', 'Allow inbound traffic from all VMs in VNET'),
    defaultRule('AllowAzureLoadBalancerInBound', 65001, 'Inbound', 'Allow', 'AzureLoadBalancer', '*', 'Allow inbound traffic from azure load balancer'),
    defaultRule('DenyAllInBound', 65500, 'Inbound', 'Deny', '*', '*', 'Deny all inbound traffic'),
    defaultRule('AllowVnetOutBound', 65000, 'Outbound', 'Allow', 'VirtualNetwork', 'VirtualNetwork', 'Allow outbound traffic from all VMs to all VMs in VNET'),
    defaultRule('AllowInternetOutBound', 65001, 'Outbound', 'Allow', '*', 'Internet', 'Allow outbound traffic from all VMs to Internet'),
    defaultRule('DenyAllOutBound', 65500, 'Outbound', 'Deny', '*', '*', 'Deny all outbound traffic'),
  ].map((r) => ({ ...r, id: `${id}/defaultSecurityRules/${r.name}` }));
  return {
    id,
    name: layout.nsgName,
    type: 'Microsoft.Network/networkSecurityGroups',
    location: layout.location,
    tags: aksTags(layout),
    properties: { securityRules: [], defaultSecurityRules: defaults, subnets: [{ id: ids(layout).subnet }], resourceGuid: '' },
  };
}

/** kubenet: one route per node, `<node>____<podCIDR without . and />`. */
export function routeTable(layout: AksLayout, nodeCount: number): ArmResource {
  const id = ids(layout).routeTable;
  return {
    id,
    name: layout.routeTableName,
    type: 'Microsoft.Network/routeTables',
    location: layout.location,
    tags: aksTags(layout),
    properties: {
      disableBgpRoutePropagation: false,
      routes: Array.from({ length: nodeCount }, (_, i) => route(layout, i)),
      subnets: [{ id: ids(layout).subnet }],
      resourceGuid: '',
    },
  };
}

export function route(layout: AksLayout, index: number) {
  const podCidr = `10.244.${index}.0/24`;
  const name = `${nodeName(layout, index)}____${podCidr.replace(/[./]/g, '')}`;
  return {
    id: `${ids(layout).routeTable}/routes/${name}`,
    name,
    type: 'Microsoft.Network/routeTables/routes',
    properties: { addressPrefix: podCidr, nextHopIpAddress: `10.224.0.${4 + index}`, nextHopType: 'VirtualAppliance', provisioningState: 'Succeeded' },
  };
}

export function vmss(layout: AksLayout, o: ResolvedOptions, count: number, random: SeededRandom): ArmResource {
  return {
    id: ids(layout).vmss,
    name: layout.vmssName,
    type: 'Microsoft.Compute/virtualMachineScaleSets',
    location: layout.location,
    tags: {
      ...aksTags(layout),
      'aks-managed-createOperationID': random.uuid(),
      'aks-managed-orchestrator': `Kubernetes:${o.kubernetesVersion}`,
      'aks-managed-poolName': layout.poolName,
      'aks-managed-resourceNameSuffix': layout.resourceSuffix,
    },
    sku: { name: 'Standard_DS2_v2', tier: 'Standard', capacity: count } as ArmResource['sku'],
    zones: undefined,
    properties: {
      orchestrationMode: 'Uniform',
      overprovision: false,
      singlePlacementGroup: false,
      upgradePolicy: { mode: 'Manual' },
      uniqueId: random.uuid(),
      virtualMachineProfile: {
        networkProfile: {
          networkInterfaceConfigurations: [
            {
              name: layout.vmssName,
              properties: {
                primary: true,
                enableIPForwarding: o.networkPlugin === 'kubenet',
                ipConfigurations: [{ name: 'ipconfig1', properties: { primary: true, subnet: { id: ids(layout).subnet } } }],
              },
            },
          ],
        },
      },
    },
  };
}

export function kubeletIdentity(layout: AksLayout, random: SeededRandom): ArmResource {
  return {
    id: ids(layout).kubeletIdentity,
    name: layout.kubeletIdentityName,
    type: 'Microsoft.ManagedIdentity/userAssignedIdentities',
    location: layout.location,
    tags: {},
    properties: { tenantId: layout.tenantId, principalId: random.uuid(), clientId: random.uuid() },
  };
}

export function natGateway(layout: AksLayout, pipIds: string[]): ArmResource {
  return {
    id: ids(layout).natGateway,
    name: layout.natGatewayName,
    type: 'Microsoft.Network/natGateways',
    location: layout.location,
    tags: aksTags(layout),
    sku: { name: 'Standard' },
    properties: {
      idleTimeoutInMinutes: 4,
      publicIpAddresses: pipIds.map((id) => ({ id })),
      subnets: [{ id: ids(layout).subnet }],
      resourceGuid: '',
    },
  };
}
