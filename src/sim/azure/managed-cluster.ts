/** The `Microsoft.ContainerService/managedClusters` resource `az aks show` prints. */
import { kubernetesPatchVersion, type ResolvedOptions } from '../options';
import { type AksLayout, ids } from './aks-names';
import type { ArmResource } from './types';

export function managedCluster(layout: AksLayout, o: ResolvedOptions, nodeCount: number, outboundIpIds: string[]): ArmResource {
  const i = ids(layout);
  const networkProfile: Record<string, unknown> = {
    networkPlugin: o.networkPlugin,
    networkPluginMode: o.networkPlugin === 'azure' ? 'overlay' : undefined,
    networkPolicy: 'none',
    podCidr: '10.244.0.0/16',
    serviceCidr: '10.0.0.0/16',
    dnsServiceIP: '10.0.0.10',
    outboundType: o.outboundType,
    loadBalancerSku: 'standard',
    podCidrs: ['10.244.0.0/16'],
    serviceCidrs: ['10.0.0.0/16'],
    ipFamilies: ['IPv4'],
  };
  if (networkProfile.networkPluginMode === undefined) delete networkProfile.networkPluginMode;
  if (o.outboundType === 'loadBalancer') {
    networkProfile.loadBalancerProfile = {
      managedOutboundIPs: { count: o.managedOutboundIPCount },
      effectiveOutboundIPs: outboundIpIds.map((id) => ({ id, resourceGroup: layout.nodeResourceGroup })),
      backendPoolType: 'nodeIPConfiguration',
      clusterServiceLoadBalancerHealthProbeMode: 'ServiceNodePort',
    };
  }
  if (o.outboundType === 'managedNATGateway') {
    networkProfile.natGatewayProfile = {
      managedOutboundIPProfile: { count: o.natGatewayManagedOutboundIPCount },
      effectiveOutboundIPs: outboundIpIds.map((id) => ({ id, resourceGroup: layout.nodeResourceGroup })),
      idleTimeoutInMinutes: 4,
    };
  }
  return {
    id: i.managedCluster,
    name: layout.clusterName,
    type: 'Microsoft.ContainerService/ManagedClusters',
    location: layout.location,
    tags: {},
    sku: { name: 'Base', tier: 'Free' },
    identity: { type: 'SystemAssigned', principalId: layout.clusterPrincipalId, tenantId: layout.tenantId },
    properties: {
      kubernetesVersion: o.kubernetesVersion,
      currentKubernetesVersion: kubernetesPatchVersion(o.kubernetesVersion),
      dnsPrefix: layout.dnsPrefix,
      fqdn: layout.fqdn,
      azurePortalFQDN: layout.fqdn.replace('.hcp.', '.portal.hcp.'),
      nodeResourceGroup: layout.nodeResourceGroup,
      enableRBAC: true,
      supportPlan: 'KubernetesOfficial',
      powerState: { code: 'Running' },
      maxAgentPools: 100,
      agentPoolProfiles: [
        {
          name: layout.poolName,
          count: nodeCount,
          vmSize: 'Standard_DS2_v2',
          osDiskSizeGB: 128,
          osDiskType: 'Managed',
          kubeletDiskType: 'OS',
          maxPods: o.networkPlugin === 'kubenet' ? 110 : 250,
          type: 'VirtualMachineScaleSets',
          provisioningState: 'Succeeded',
          powerState: { code: 'Running' },
          orchestratorVersion: o.kubernetesVersion,
          currentOrchestratorVersion: kubernetesPatchVersion(o.kubernetesVersion),
          mode: 'System',
          osType: 'Linux',
          osSKU: 'Ubuntu',
          nodeImageVersion: 'AKSUbuntu-2204gen2containerd-202506.02.0',
          enableNodePublicIP: false,
          enableAutoScaling: false,
        },
      ],
      networkProfile,
      identityProfile: {
        kubeletidentity: { resourceId: i.kubeletIdentity, clientId: '', objectId: '' },
      },
      oidcIssuerProfile: { enabled: false },
    },
  };
}
