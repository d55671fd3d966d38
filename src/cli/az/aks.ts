import { listOfType, rawResource, requireGroup, showResource } from './arm';
import { AzCliError, type AzGroupDef, type AzRun, nameArg, RG_ARG, RG_OPTIONAL, str } from './types';

const CS = 'Microsoft.ContainerService';
type Row = Record<string, unknown>;

/** azure-cli acs `_aks_table_format`. */
function aksRow(x: unknown): Row {
  const r = x as Row;
  return {
    Name: r.name,
    Location: r.location,
    ResourceGroup: r.resourceGroup,
    KubernetesVersion: r.kubernetesVersion,
    CurrentKubernetesVersion: r.currentKubernetesVersion,
    ProvisioningState: r.provisioningState,
    Fqdn: r.fqdn ?? r.privateFqdn,
  };
}

function nodepoolRow(x: unknown): Row {
  const r = x as Row;
  return {
    Name: r.name,
    OsType: r.osType,
    KubernetesVersion: r.orchestratorVersion,
    VmSize: r.vmSize,
    Count: r.count,
    MaxPods: r.maxPods,
    ProvisioningState: r.provisioningState,
    Mode: r.mode,
  };
}

const show = (r: AzRun) => showResource(r, CS, 'managedClusters', str(r, 'resourceGroup'), str(r, 'name'));

/** Agent pools as `az aks nodepool` prints them: the profile plus id/name/type/resourceGroup. */
function nodepools(r: AzRun): Row[] {
  const rg = str(r, 'resourceGroup');
  const mc = rawResource(r, CS, 'managedClusters', rg, str(r, 'clusterName'));
  const profiles = ((mc.properties as Row).agentPoolProfiles as Row[] | undefined) ?? [];
  return profiles.map((p) => ({
    ...p,
    id: `${mc.id}/agentPools/${p.name}`,
    type: 'Microsoft.ContainerService/managedClusters/agentPools',
    resourceGroup: rg,
  }));
}

const CLUSTER_NAME = { dest: 'clusterName', options: ['--cluster-name'], required: true, help: 'The cluster name.' };

export const AKS: AzGroupDef = {
  name: 'aks',
  summary: 'Azure Kubernetes Service.',
  groups: [
    {
      name: 'nodepool',
      summary: 'Commands to manage node pools in Kubernetes kubernetes cluster.',
      commands: [
        {
          name: 'list',
          summary: 'List node pools in the managed Kubernetes cluster.',
          args: [RG_ARG, CLUSTER_NAME],
          transformer: (res) => (res as unknown[]).map(nodepoolRow),
          run: nodepools,
        },
        {
          name: 'scale',
          summary: 'Scale the node pool in a managed Kubernetes cluster.',
          args: [
            RG_ARG,
            CLUSTER_NAME,
            nameArg('The node pool name.'),
            { dest: 'nodeCount', options: ['--node-count', '-c'], help: 'Number of nodes in the Kubernetes node pool.' },
          ],
          transformer: nodepoolRow,
          run: async (r) => {
            const pool = nodepools(r).find((p) => p.name === str(r, 'name'));
            if (!pool) throw new AzCliError(`(NotFound) Could not find agent pool ${str(r, 'name')}.\nCode: NotFound`, 3);
            const count = Number(str(r, 'nodeCount') || 3);
            if (!r.ctx.aks?.scaleNodePool) throw new AzCliError('Scaling is not available in this lab.');
            await r.ctx.aks.scaleNodePool(str(r, 'name'), count);
            return nodepools(r).find((p) => p.name === str(r, 'name'));
          },
        },
        {
          name: 'show',
          summary: 'Show the details for a node pool in the managed Kubernetes cluster.',
          args: [RG_ARG, CLUSTER_NAME, nameArg('The node pool name.')],
          transformer: nodepoolRow,
          run: (r) => {
            const pool = nodepools(r).find((p) => p.name === str(r, 'name'));
            if (!pool)
              throw new AzCliError(
                `(NotFound) Could not find agent pool ${str(r, 'name')}.\nCode: NotFound\nMessage: Could not find agent pool ${str(r, 'name')}.`,
                3,
              );
            return pool;
          },
        },
      ],
    },
  ],
  commands: [
    {
      name: 'get-credentials',
      summary: 'Get access credentials for a managed Kubernetes cluster.',
      args: [
        RG_ARG,
        nameArg('Name of the managed cluster.'),
        { dest: 'admin', options: ['--admin', '-a'], kind: 'flag', help: 'Get cluster administrator credentials.' },
        { dest: 'overwrite', options: ['--overwrite-existing'], kind: 'flag', help: 'Overwrite any existing cluster entry with the same name.' },
        { dest: 'file', options: ['--file', '-f'], help: 'Kubernetes configuration file to update.' },
      ],
      run: (r) => {
        rawResource(r, CS, 'managedClusters', str(r, 'resourceGroup'), str(r, 'name'));
        const ctxName = str(r, 'name') + (r.args.admin ? '-admin' : '');
        const file = str(r, 'file') || '/home/azureuser/.kube/config';
        r.warn(`Merged "${ctxName}" as current context in ${file}`);
        return undefined;
      },
    },
    {
      name: 'list',
      summary: 'List managed Kubernetes clusters.',
      args: [RG_OPTIONAL],
      transformer: (res) => (res as unknown[]).map(aksRow),
      run: (r) => listOfType(r, `${CS}/managedClusters`, str(r, 'resourceGroup')),
    },
    {
      name: 'scale',
      summary: 'Scale the node pool in a managed Kubernetes cluster.',
      args: [
        RG_ARG,
        nameArg('Name of the managed cluster.'),
        { dest: 'nodeCount', options: ['--node-count', '-c'], required: true, help: 'Number of nodes in the Kubernetes node pool.' },
        { dest: 'pool', options: ['--nodepool-name'], help: 'Node pool name.' },
      ],
      transformer: aksRow,
      run: async (r) => {
        const mc = show(r);
        const pool = str(r, 'pool') || String(((mc.agentPoolProfiles as Row[]) ?? [])[0]?.name ?? 'nodepool1');
        if (!r.ctx.aks?.scaleNodePool) throw new AzCliError('Scaling is not available in this lab.');
        await r.ctx.aks.scaleNodePool(pool, Number(str(r, 'nodeCount')));
        return show(r);
      },
    },
    {
      name: 'show',
      summary: 'Show the details for a managed Kubernetes cluster.',
      args: [RG_ARG, nameArg('Name of the managed cluster.')],
      transformer: aksRow,
      examples: [{ summary: 'Show the details for a managed Kubernetes cluster', command: 'az aks show -g MyResourceGroup -n MyManagedCluster' }],
      run: show,
    },
    {
      name: 'update',
      summary: 'Update a managed Kubernetes cluster.',
      args: [
        RG_ARG,
        nameArg('Name of the managed cluster.'),
        { dest: 'outboundCount', options: ['--load-balancer-managed-outbound-ip-count'], help: 'Load balancer managed outbound IP count.' },
        { dest: 'idleTimeout', options: ['--load-balancer-idle-timeout'], help: 'Load balancer idle timeout in minutes.' },
        { dest: 'outboundPorts', options: ['--load-balancer-outbound-ports'], help: 'Load balancer outbound allocated ports.' },
      ],
      transformer: aksRow,
      run: async (r) => {
        const rg = str(r, 'resourceGroup');
        requireGroup(r, rg);
        show(r);
        const count = str(r, 'outboundCount');
        if (!count && !str(r, 'idleTimeout') && !str(r, 'outboundPorts')) {
          throw new AzCliError(
            'Please specify one or more of "--enable-cluster-autoscaler" or "--disable-cluster-autoscaler" or "--update-cluster-autoscaler" or "--cluster-autoscaler-profile" or "--load-balancer-managed-outbound-ip-count" or "--load-balancer-outbound-ips" or "--load-balancer-outbound-ip-prefixes" or "--load-balancer-outbound-ports" or "--load-balancer-idle-timeout" or "--api-server-authorized-ip-ranges" or "--attach-acr" or "--detach-acr" or "--uptime-sla" or "--enable-managed-identity" ...',
            2,
          );
        }
        const portsText = str(r, 'outboundPorts');
        let ports: number | undefined;
        if (portsText) {
          // argparse type=int, then azure-cli's validate_load_balancer_outbound_ports (its messages name the old flag).
          if (!/^[+-]?\d+$/.test(portsText.trim())) throw new AzCliError(`argument --load-balancer-outbound-ports: invalid int value: '${portsText}'`, 2);
          ports = Number(portsText);
          if (ports % 8 !== 0) throw new AzCliError('--load-balancer-allocated-ports must be a multiple of 8', 1);
          if (ports < 0 || ports > 64000) throw new AzCliError('--load-balancer-allocated-ports must be in the range [0,64000]', 1);
        }
        let n: number | undefined;
        if (count) {
          n = Number(count);
          if (!Number.isInteger(n) || n < 1 || n > 100) {
            throw new AzCliError(
              `(InvalidParameter) The value of parameter networkProfile.loadBalancerProfile.managedOutboundIPs.count is invalid. Please see https://aka.ms/aks-naming-rules for more details.\nCode: InvalidParameter\nMessage: The value of parameter networkProfile.loadBalancerProfile.managedOutboundIPs.count is invalid.`,
              1,
            );
          }
        }
        if (ports !== undefined) {
          if (!r.ctx.aks?.updateLoadBalancerProfile) throw new AzCliError('Updating outbound ports is not available in this lab.');
          await r.ctx.aks.updateLoadBalancerProfile({ managedOutboundIPCount: n, allocatedOutboundPorts: ports });
        } else if (n !== undefined) {
          if (!r.ctx.aks?.setManagedOutboundIPCount) throw new AzCliError('Updating outbound IPs is not available in this lab.');
          await r.ctx.aks.setManagedOutboundIPCount(n);
        }
        return show(r);
      },
    },
  ],
};
