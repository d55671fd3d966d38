/** Names and ids of what AKS itself creates (domain §3–§4); the cloud provider's names are in cloud-provider/names.ts. */
import type { ResolvedOptions } from '../options';
import { resourceGroupId, resourceId } from './ids';

/** Everything seeded about one cluster, drawn once at bootstrap. */
export interface AksLayout {
  subscriptionId: string;
  clusterResourceGroup: string;
  nodeResourceGroup: string;
  clusterName: string;
  location: string;
  /** Suffix shared by VNet/NSG/route table (`aks-managed-resourceNameSuffix`). */
  resourceSuffix: string;
  /** The VMSS number (a different 8-digit number). */
  vmssNumber: string;
  poolName: string;
  vmssName: string;
  vnetName: string;
  subnetName: string;
  nsgName: string;
  routeTableName: string;
  natGatewayName: string;
  kubeletIdentityName: string;
  /** Object id of the cluster's (control plane) identity: the `caller` of CCM writes. */
  clusterPrincipalId: string;
  /** Client (application) id of that identity, as ARM's AuthorizationFailed message names it. */
  clusterClientId: string;
  tenantId: string;
  dnsPrefix: string;
  fqdn: string;
}

export const AKS_CALLER = 'AzureContainerService';

export function nodeResourceGroupName(o: Pick<ResolvedOptions, 'resourceGroup' | 'clusterName' | 'location'>): string {
  return `MC_${o.resourceGroup}_${o.clusterName}_${o.location}`;
}

export function nodeName(layout: AksLayout, index: number): string {
  return `${layout.vmssName}${index.toString(36).padStart(6, '0')}`;
}

export function ids(layout: AksLayout) {
  const sub = layout.subscriptionId;
  const rg = layout.nodeResourceGroup;
  const net = (type: string, name: string, ...children: string[]) => resourceId(sub, rg, 'Microsoft.Network', type, name, ...children);
  return {
    clusterRg: resourceGroupId(sub, layout.clusterResourceGroup),
    nodeRg: resourceGroupId(sub, rg),
    managedCluster: resourceId(sub, layout.clusterResourceGroup, 'Microsoft.ContainerService', 'managedClusters', layout.clusterName),
    vmss: resourceId(sub, rg, 'Microsoft.Compute', 'virtualMachineScaleSets', layout.vmssName),
    vnet: net('virtualNetworks', layout.vnetName),
    subnet: net('virtualNetworks', layout.vnetName, 'subnets', layout.subnetName),
    nsg: net('networkSecurityGroups', layout.nsgName),
    routeTable: net('routeTables', layout.routeTableName),
    natGateway: net('natGateways', layout.natGatewayName),
    kubeletIdentity: resourceId(sub, rg, 'Microsoft.ManagedIdentity', 'userAssignedIdentities', layout.kubeletIdentityName),
    lb: (name: string) => net('loadBalancers', name),
    pip: (name: string, group = rg) => resourceId(sub, group, 'Microsoft.Network', 'publicIPAddresses', name),
    /** VMSS instance NIC ip configuration (what backend pools list with backendPoolType nodeIPConfiguration). */
    nodeIpConfig: (index: number) =>
      `${resourceId(sub, rg, 'Microsoft.Compute', 'virtualMachineScaleSets', layout.vmssName)}/virtualMachines/${index}/networkInterfaces/${layout.vmssName}/ipConfigurations/ipconfig1`,
  };
}
