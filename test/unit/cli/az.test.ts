import { describe, expect, it } from 'vitest';
import { lines, NODE_RG, sandbox, WEB_LB } from './harness';

async function withService() {
  const sb = sandbox();
  await sb.exec('kubectl apply -f -', { stdin: WEB_LB });
  await sb.settle();
  return sb;
}

describe('az network public-ip', () => {
  it('lists as a table with the azure-cli public IP columns', async () => {
    const sb = await withService();
    const ip = (await sb.exec('kubectl get svc web -o jsonpath={.status.loadBalancer.ingress[0].ip}')).stdout;
    const out = lines((await sb.exec(`az network public-ip list -g ${NODE_RG} -o table`)).stdout);
    expect(out[0]).toMatch(/^Name +ResourceGroup +Location +Zones +Address +IdleTimeoutInMinutes +ProvisioningState {2}$/);
    expect(out[1]).toMatch(/^-+( {2}-+){6}$/);
    expect(
      out.some((l) =>
        new RegExp(`^kubernetes-a[0-9a-f]{31} +mc_myresourcegroup_myakscluster_eastus +eastus +123 +${ip.replace(/\./g, '\\.')} +4 +Succeeded *$`).test(l),
      ),
    ).toBe(true);
    expect(out.some((l) => /^[0-9a-f-]{36} +MC_myResourceGroup_myAKSCluster_eastus +eastus/.test(l))).toBe(true);
  });

  it('shows a service PIP with flattened properties, tags and the frontend back-reference', async () => {
    const sb = await withService();
    const name = (await sb.exec(`az network public-ip list -g ${NODE_RG} --query "[?starts_with(name,'kubernetes-')].name | [0]" -o tsv`)).stdout.trim();
    const pip = JSON.parse((await sb.exec(`az network public-ip show -g ${NODE_RG} -n ${name}`)).stdout);
    expect(pip.name).toBe(name);
    expect(pip.type).toBe('Microsoft.Network/publicIPAddresses');
    expect(pip.publicIPAllocationMethod).toBe('Static');
    expect(pip.sku).toEqual({ name: 'Standard', tier: 'Regional' });
    expect(pip.tags).toEqual({ 'k8s-azure-cluster-name': 'kubernetes', 'k8s-azure-service': 'default/web' });
    expect(pip.ipConfiguration.id).toMatch(new RegExp(`/loadBalancers/kubernetes/frontendIPConfigurations/${name.slice('kubernetes-'.length)}$`));
    expect(pip.properties).toBeUndefined();
    const text = (await sb.exec(`az network public-ip show -g ${NODE_RG} -n ${name}`)).stdout;
    const keys = Object.keys(JSON.parse(text));
    expect(keys).toEqual([...keys].sort());
    expect((await sb.exec(`az network public-ip show --ids ${pip.id} --query name -o tsv`)).stdout).toBe(`${name}\n`);
  });

  it('reports missing resources and groups with ARM wording and exit code 3', async () => {
    const sb = sandbox();
    expect(await sb.exec(`az network public-ip show -g ${NODE_RG} -n nope`)).toEqual({
      stdout: '',
      stderr: `(ResourceNotFound) The Resource 'Microsoft.Network/publicIPAddresses/nope' under resource group '${NODE_RG}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix\nCode: ResourceNotFound\nMessage: The Resource 'Microsoft.Network/publicIPAddresses/nope' under resource group '${NODE_RG}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix\n`,
      exitCode: 3,
    });
    expect(await sb.exec('az network public-ip list -g nope')).toEqual({
      stdout: '',
      stderr:
        "(ResourceGroupNotFound) Resource group 'nope' could not be found.\nCode: ResourceGroupNotFound\nMessage: Resource group 'nope' could not be found.\n",
      exitCode: 3,
    });
  });

  it('creates and deletes a user PIP', async () => {
    const sb = sandbox();
    const created = JSON.parse(
      (await sb.exec('az network public-ip create -g myResourceGroup -n myStaticIP --sku Standard --allocation-method static')).stdout,
    );
    expect(created.publicIp.name).toBe('myStaticIP');
    expect(created.publicIp.publicIPAllocationMethod).toBe('Static');
    expect(created.publicIp.resourceGroup).toBe('myResourceGroup');
    expect(created.publicIp.ipAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect((await sb.exec('az network public-ip delete -g myResourceGroup -n myStaticIP')).stdout).toBe('');
    expect((await sb.exec('az network public-ip list -g myResourceGroup -o tsv')).stdout).toBe('');
  });
});

describe('az network lb', () => {
  it('shows the AKS load balancer in az shape', async () => {
    const sb = await withService();
    const lb = JSON.parse((await sb.exec(`az network lb show -g ${NODE_RG} -n kubernetes`)).stdout);
    for (const k of [
      'backendAddressPools',
      'etag',
      'frontendIPConfigurations',
      'id',
      'loadBalancingRules',
      'location',
      'name',
      'outboundRules',
      'probes',
      'provisioningState',
      'resourceGroup',
      'sku',
      'tags',
      'type',
    ]) {
      expect(lb).toHaveProperty(k);
    }
    expect(lb.sku).toEqual({ name: 'Standard', tier: 'Regional' });
    expect(lb.outboundRules[0].name).toBe('aksOutboundRule');
  });

  it('prints the child tables with the default knack columns', async () => {
    const sb = await withService();
    const fe = lines((await sb.exec(`az network lb frontend-ip list -g ${NODE_RG} --lb-name kubernetes -o table`)).stdout);
    expect(fe[0]).toMatch(/^Name +PrivateIPAllocationMethod +ProvisioningState +ResourceGroup *$/);
    expect(fe).toHaveLength(4);
    const rules = lines((await sb.exec(`az network lb rule list -g ${NODE_RG} --lb-name kubernetes -o table`)).stdout);
    expect(rules[0]).toMatch(
      /^BackendPort +DisableOutboundSnat +EnableFloatingIP +EnableTcpReset +FrontendPort +IdleTimeoutInMinutes +LoadDistribution +Name +Protocol +ProvisioningState +ResourceGroup *$/,
    );
    expect(rules[2]).toMatch(/^80 +True +True +True +80 +4 +Default +a[0-9a-f]{31}-TCP-80 +Tcp +Succeeded +\S+ *$/);
    const probes = lines((await sb.exec(`az network lb probe list -g ${NODE_RG} --lb-name kubernetes -o table`)).stdout);
    expect(probes[0]).toMatch(/^IntervalInSeconds +Name +NumberOfProbes +Port +ProbeThreshold +Protocol +ProvisioningState +ResourceGroup *$/);
    const ob = lines((await sb.exec(`az network lb outbound-rule list -g ${NODE_RG} --lb-name kubernetes -o table`)).stdout);
    expect(ob[0]).toMatch(/^AllocatedOutboundPorts +EnableTcpReset +IdleTimeoutInMinutes +Name +Protocol +ProvisioningState +ResourceGroup *$/);
    expect(ob[2]).toMatch(/^0 +True +30 +aksOutboundRule +All +Succeeded +\S+ *$/);
    expect((await sb.exec(`az network lb address-pool list -g ${NODE_RG} --lb-name kubernetes --query [].name -o tsv`)).stdout).toBe(
      'kubernetes\naksOutboundBackendPool\n',
    );
  });

  it('reports a missing child', async () => {
    const sb = sandbox();
    expect((await sb.exec(`az network lb rule show -g ${NODE_RG} --lb-name kubernetes -n nope`)).exitCode).toBe(3);
  });
});

describe('az network nsg, vnet, route-table', () => {
  it('lists NSG rules with the azure-cli rule columns', async () => {
    const sb = await withService();
    const nsg = (await sb.exec(`az network nsg list -g ${NODE_RG} --query [0].name -o tsv`)).stdout.trim();
    expect(nsg).toMatch(/^aks-agentpool-\d{8}-nsg$/);
    const out = lines((await sb.exec(`az network nsg rule list -g ${NODE_RG} --nsg-name ${nsg} -o table`)).stdout);
    expect(out[0]).toMatch(
      /^Name +ResourceGroup +Priority +SourcePortRanges +SourceAddressPrefixes +SourceASG +Access +Protocol +Direction +DestinationPortRanges +DestinationAddressPrefixes +DestinationASG *$/,
    );
    expect(out[2]).toMatch(/^k8s-azure-lb_allow_IPv4_[0-9a-f]{32} +\S+ +500 +\* +Internet +None +Allow +Tcp +Inbound +80 +\d+\.\d+\.\d+\.\d+ +None *$/);
  });

  it('creates and lists subnets', async () => {
    const sb = sandbox();
    const vnet = (await sb.exec(`az network vnet list -g ${NODE_RG} --query [0].name -o tsv`)).stdout.trim();
    const sub = JSON.parse(
      (await sb.exec(`az network vnet subnet create -g ${NODE_RG} --vnet-name ${vnet} -n apps-subnet --address-prefixes 10.225.0.0/24`)).stdout,
    );
    expect(sub.name).toBe('apps-subnet');
    expect(sub.addressPrefix).toBe('10.225.0.0/24');
    expect((await sb.exec(`az network vnet subnet list -g ${NODE_RG} --vnet-name ${vnet} --query [].name -o tsv`)).stdout).toBe('aks-subnet\napps-subnet\n');
    expect((await sb.exec(`az network vnet subnet create -g ${NODE_RG} --vnet-name ${vnet} -n clash --address-prefixes 10.225.0.0/25`)).stderr).toMatch(
      /^\(NetcfgSubnetRangesOverlap\) Subnet 'clash' is not valid because its IP address range overlaps with that of an existing subnet in virtual network 'aks-vnet-\d+'\.\n/,
    );
    expect((await sb.exec(`az network vnet subnet create -g ${NODE_RG} --vnet-name ${vnet} -n out --address-prefixes 192.168.0.0/24`)).stderr).toMatch(
      /^\(NetcfgSubnetRangeOutsideVnet\) /,
    );
    expect(lines((await sb.exec(`az network vnet list -g ${NODE_RG} -o table`)).stdout)[0]).toMatch(
      /^Name +ResourceGroup +Location +NumSubnets +Prefixes +DnsServers +DDOSProtection/,
    );
  });

  it('lists kubenet routes', async () => {
    const sb = sandbox({ networkPlugin: 'kubenet' });
    const rt = (await sb.exec(`az network route-table list -g ${NODE_RG} --query [0].name -o tsv`)).stdout.trim();
    expect(rt).toMatch(/^aks-agentpool-\d{8}-routetable$/);
    expect((await sb.exec(`az network route-table route list -g ${NODE_RG} --route-table-name ${rt} --query [0].name -o tsv`)).stdout).toMatch(
      /^aks-nodepool1-\d{8}-vmss000000____\d+\n$/,
    );
  });
});

describe('az aks, group, resource, monitor', () => {
  it('shows the cluster as a table and through --query', async () => {
    const sb = sandbox();
    const t = lines((await sb.exec('az aks show -g myResourceGroup -n myAKSCluster -o table')).stdout);
    expect(t[0]).toMatch(/^Name +Location +ResourceGroup +KubernetesVersion +CurrentKubernetesVersion +ProvisioningState +Fqdn *$/);
    expect(t[2]).toMatch(/^myAKSCluster +eastus +myResourceGroup +1\.33 +1\.33\.\d+ +Succeeded +\S+\.hcp\.eastus\.azmk8s\.io *$/);
    expect((await sb.exec('az aks show -g myResourceGroup -n myAKSCluster --query nodeResourceGroup -o tsv')).stdout).toBe(`${NODE_RG}\n`);
    expect((await sb.exec('az aks show -g myResourceGroup -n myAKSCluster --query networkProfile.loadBalancerProfile.managedOutboundIPs.count')).stdout).toBe(
      '1\n',
    );
    expect((await sb.exec('az aks get-credentials -g myResourceGroup -n myAKSCluster')).stderr).toBe(
      'Merged "myAKSCluster" as current context in /home/azureuser/.kube/config\n',
    );
  });

  it('updates the managed outbound IP count', async () => {
    const sb = sandbox();
    const r = await sb.exec(
      'az aks update -g myResourceGroup -n myAKSCluster --load-balancer-managed-outbound-ip-count 2 --query networkProfile.loadBalancerProfile.managedOutboundIPs.count',
    );
    expect(r.stdout).toBe('2\n');
    await sb.settle();
    const outbound = (
      await sb.exec(`az network public-ip list -g ${NODE_RG} --query "[?tags.\\"aks-managed-type\\"=='aks-slb-managed-outbound-ip'].name" -o tsv`)
    ).stdout;
    expect(lines(outbound)).toHaveLength(2);
  });

  it('lists groups and resources', async () => {
    const sb = sandbox();
    expect((await sb.exec('az group list -o table')).stdout).toBe(
      'Name                                    Location    Status   \n--------------------------------------  ----------  ---------\nmyResourceGroup                         eastus      Succeeded\nMC_myResourceGroup_myAKSCluster_eastus  eastus      Succeeded\n',
    );
    const res = lines((await sb.exec(`az resource list -g ${NODE_RG} -o table`)).stdout);
    expect(res[0]).toMatch(/^Name +ResourceGroup +Location +Type +Status *$/);
    expect(res.some((l) => / Microsoft\.Network\/loadBalancers +$/.test(l))).toBe(true);
  });

  it('lists the activity log newest first', async () => {
    const sb = await withService();
    const log = JSON.parse((await sb.exec(`az monitor activity-log list -g ${NODE_RG} --max-events 2`)).stdout);
    expect(log).toHaveLength(2);
    expect(log[0].status.value).toBe('Succeeded');
    expect(log[0].operationName.value).toMatch(/^Microsoft\.Network\/\w+\/write$/);
    expect(Date.parse(log[0].eventTimestamp)).toBeGreaterThanOrEqual(Date.parse(log[1].eventTimestamp));
  });
});

describe('az parsing and output options', () => {
  it('suggests the closest command for a typo', async () => {
    const sb = sandbox();
    expect(await sb.exec('az network publicip list')).toEqual({
      stdout: '',
      stderr: "'publicip' is misspelled or not recognized by the system.\nDid you mean 'public-ip' ?\n",
      exitCode: 2,
    });
    expect((await sb.exec('az netwrk lb list')).stderr).toBe("'netwrk' is misspelled or not recognized by the system.\nDid you mean 'network' ?\n");
  });

  it('reports missing and unrecognized arguments with argparse wording', async () => {
    const sb = sandbox();
    expect(await sb.exec('az network lb show')).toEqual({
      stdout: '',
      stderr: 'the following arguments are required: --name/-n, --resource-group/-g\n',
      exitCode: 2,
    });
    expect((await sb.exec('az network lb list --bogus')).stderr).toBe('unrecognized arguments: --bogus\n');
    expect((await sb.exec('az network lb show -g')).stderr).toBe('argument --resource-group/-g: expected one argument\n');
    expect((await sb.exec('az network lb list -o xml')).stderr).toBe("az network lb list: 'xml' is not a valid value for '--output'.\n");
  });

  it('supports -o tsv, yaml, none and jsonpath-like --query', async () => {
    const sb = sandbox();
    expect((await sb.exec(`az network lb list -g ${NODE_RG} --query "[].{name:name, sku:sku.name}" -o tsv`)).stdout).toBe('kubernetes\tStandard\n');
    expect((await sb.exec(`az network lb list -g ${NODE_RG} --query "[].{name:name, sku:sku.name}" -o table`)).stdout).toBe(
      'Name        Sku     \n----------  --------\nkubernetes  Standard\n',
    );
    expect((await sb.exec(`az network lb list -g ${NODE_RG} --query "[].name" -o yaml`)).stdout).toBe('- kubernetes\n');
    expect((await sb.exec(`az network lb list -g ${NODE_RG} -o none`)).stdout).toBe('');
  });

  it('prints help for groups and commands', async () => {
    const sb = sandbox();
    expect((await sb.exec('az network lb --help')).stdout).toMatch(/^\nGroup\n {4}az network lb : Manage and configure load balancers\.\n\nSubgroups:\n/);
    expect((await sb.exec('az network public-ip show -h')).stdout).toContain('--name -n [Required]');
    expect((await sb.exec('az')).stdout).toContain('Welcome to the cool new Azure CLI!');
  });
});

describe('az network nat gateway', () => {
  it('lists the managed NAT gateway for outboundType managedNATGateway', async () => {
    const sb = sandbox({ outboundType: 'managedNATGateway' });
    const r = await sb.exec(`az network nat gateway list -g ${NODE_RG} --query [].type -o tsv`);
    expect(r.stdout).toBe('Microsoft.Network/natGateways\n');
  });
});

describe('static IP lesson flow', () => {
  it('a user PIP created with az is used by a Service that names it', async () => {
    const sb = sandbox();
    const ip = (
      await sb.exec(`az network public-ip create -g ${NODE_RG} -n myStaticIP --sku Standard --allocation-method static --query publicIp.ipAddress -o tsv`)
    ).stdout.trim();
    expect(ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const svc = WEB_LB.replace(
      'metadata:\n  name: web\n',
      `metadata:\n  name: web\n  annotations:\n    service.beta.kubernetes.io/azure-pip-name: myStaticIP\n`,
    );
    expect((await sb.exec('kubectl apply -f -', { stdin: svc })).stdout).toBe('service/web created\n');
    await sb.settle();
    expect((await sb.exec('kubectl get svc web -o jsonpath={.status.loadBalancer.ingress[0].ip}')).stdout).toBe(ip);
    expect((await sb.exec(`az network public-ip delete -g ${NODE_RG} -n myStaticIP`)).stderr).toMatch(
      /^\(PublicIPAddressCannotBeDeleted\) Public IP address .* can not be deleted since it is still allocated to resource /,
    );
  });
});

describe('az group create/exists/delete', () => {
  it('creates a group for a user PIP and deletes it with --yes', async () => {
    const sb = sandbox();
    const g = JSON.parse((await sb.exec('az group create -n ipRG -l eastus')).stdout);
    expect(g).toEqual({
      id: '/subscriptions/9b2e5a1c-4f7d-4c3a-8e6b-2d1f0a9c8b7e/resourceGroups/ipRG',
      location: 'eastus',
      managedBy: null,
      name: 'ipRG',
      properties: { provisioningState: 'Succeeded' },
      tags: null,
      type: 'Microsoft.Resources/resourceGroups',
    });
    expect((await sb.exec('az group exists -n ipRG')).stdout).toBe('true\n');
    await sb.exec('az network public-ip create -g ipRG -n ip1 --sku Standard');
    expect((await sb.exec('az group delete -n ipRG')).stderr).toBe('Unable to prompt for confirmation as no tty available. Use --yes.\n');
    expect((await sb.exec('az group delete -n ipRG --yes')).exitCode).toBe(0);
    expect((await sb.exec('az group exists -n ipRG')).stdout).toBe('false\n');
    expect((await sb.exec(`az group delete -n ${NODE_RG} --yes`)).exitCode).toBe(1);
  });
});
