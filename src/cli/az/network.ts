import { ArmError } from '../../sim/azure/errors';
import { resourceId } from '../../sim/azure/ids';
import { cidrRange } from '../../sim/azure/ip-allocator';
import type { ArmResource } from '../../sim/azure/types';
import { childGroup, listShowGroup, rawResource, requireGroup, showResource, subscription } from './arm';
import { azView } from './flatten';
import { AzCliError, type AzGroupDef, type AzRun, nameArg, RG_ARG, str } from './types';

const NET = 'Microsoft.Network';
type Row = Record<string, unknown>;

/** azure-cli `public_ip_show_table_transform`: zones joined without separator, ' ' when none. */
function publicIpRow(x: unknown): Row {
  const r = x as Row;
  const zones = r.zones as string[] | undefined;
  return {
    Name: r.name,
    ResourceGroup: r.resourceGroup,
    Location: r.location,
    Zones: zones?.length ? zones.join('') : ' ',
    Address: r.ipAddress,
    AddressVersion: r.publicIpAddressVersion,
    AllocationMethod: r.publicIpAllocationMethod,
    IdleTimeoutInMinutes: r.idleTimeoutInMinutes,
    ProvisioningState: r.provisioningState,
  };
}

/** azure-cli `transform_nsg_rule_table_output`. */
function nsgRuleRow(x: unknown): Row {
  const r = x as Row;
  const either = (one: string, many: string) => (r[one] as string | undefined) || ((r[many] as string[] | undefined) ?? []).join(' ');
  const asg = (k: string) => ((r[k] as Row[] | undefined) ?? []).map((a) => String(a.id).split('/').pop()).join(' ') || 'None';
  return {
    Name: r.name,
    ResourceGroup: r.resourceGroup,
    Priority: r.priority,
    SourcePortRanges: either('sourcePortRange', 'sourcePortRanges'),
    SourceAddressPrefixes: either('sourceAddressPrefix', 'sourceAddressPrefixes'),
    SourceASG: asg('sourceApplicationSecurityGroups'),
    Access: r.access,
    Protocol: r.protocol,
    Direction: r.direction,
    DestinationPortRanges: either('destinationPortRange', 'destinationPortRanges'),
    DestinationAddressPrefixes: either('destinationAddressPrefix', 'destinationAddressPrefixes'),
    DestinationASG: asg('destinationApplicationSecurityGroups'),
  };
}

/** azure-cli `transform_vnet_table_output`. */
function vnetRow(x: unknown): Row {
  const r = x as Row;
  return {
    Name: r.name,
    ResourceGroup: r.resourceGroup,
    Location: r.location,
    NumSubnets: ((r.subnets as unknown[] | undefined) ?? []).length,
    Prefixes: (((r.addressSpace as Row | undefined)?.addressPrefixes as string[] | undefined) ?? []).join(' ') || ' ',
    DnsServers: (((r.dhcpOptions as Row | undefined)?.dnsServers as string[] | undefined) ?? []).join(' ') || ' ',
    DDOSProtection: r.enableDdosProtection ?? false,
    VMProtection: r.enableVmProtection,
  };
}

const LB_NAME = { dest: 'lbName', options: ['--lb-name'], required: true, help: 'The load balancer name.' };

const lbChildren: AzGroupDef[] = [
  ['address-pool', 'Manage address pools of a load balancer.', 'backendAddressPools', 'address pool'],
  ['frontend-ip', 'Manage frontend IP addresses of a load balancer.', 'frontendIPConfigurations', 'frontend IP address'],
  ['outbound-rule', 'Manage outbound rules of a load balancer.', 'outboundRules', 'outbound rule'],
  ['probe', 'Evaluate probe information and define routing rules.', 'probes', 'probe'],
  ['rule', 'Manage load balancing rules.', 'loadBalancingRules', 'load balancing rule'],
].map(([name, summary, key, noun]) => childGroup({ name, summary, provider: NET, parentType: 'loadBalancers', parentArg: LB_NAME, key, noun }));

const publicIpCreate = {
  name: 'create',
  summary: 'Create a public IP address.',
  args: [
    nameArg('The name of the public IP address.'),
    RG_ARG,
    { dest: 'sku', options: ['--sku'], choices: ['Basic', 'Standard'], help: 'Name of a public IP address SKU.' },
    { dest: 'allocationMethod', options: ['--allocation-method'], choices: ['Dynamic', 'Static'], help: 'IP address allocation method.' },
    { dest: 'version', options: ['--version'], choices: ['IPv4', 'IPv6'], help: 'IP address type.' },
    { dest: 'zone', options: ['--zone', '-z'], kind: 'multi' as const, help: 'Availability zone into which to provision the resource.' },
    { dest: 'dnsName', options: ['--dns-name'], help: 'Globally unique DNS entry.' },
    { dest: 'location', options: ['--location', '-l'], help: 'Location.' },
    { dest: 'tags', options: ['--tags'], kind: 'multi' as const, help: 'Space-separated tags: key[=value] [key[=value] ...].' },
    { dest: 'idleTimeout', options: ['--idle-timeout'], help: 'Idle timeout in minutes.' },
  ],
  examples: [{ summary: 'Create a basic public IP resource.', command: 'az network public-ip create -g MyResourceGroup -n MyIp' }],
  run: (r: AzRun) => {
    const rg = str(r, 'resourceGroup');
    requireGroup(r, rg);
    const rgRes = r.ctx.arm.get(`/subscriptions/${subscription(r)}/resourceGroups/${rg}`);
    const location = str(r, 'location') || rgRes?.location || r.ctx.options.location;
    const tags: Record<string, string> = {};
    for (const t of (r.args.tags as string[] | undefined) ?? []) {
      const i = t.indexOf('=');
      tags[i < 0 ? t : t.slice(0, i)] = i < 0 ? '' : t.slice(i + 1);
    }
    const sku = str(r, 'sku') || 'Standard';
    const version = str(r, 'version') || 'IPv4';
    const props: Record<string, unknown> = {
      publicIPAllocationMethod: str(r, 'allocationMethod') || (sku === 'Standard' ? 'Static' : 'Dynamic'),
      publicIPAddressVersion: version,
      idleTimeoutInMinutes: Number(str(r, 'idleTimeout') || 4),
      ipTags: [],
      ddosSettings: { protectionMode: 'VirtualNetworkInherited' },
    };
    // Azure assigns a Static address at creation; Dynamic ones only once attached.
    if (props.publicIPAllocationMethod === 'Static' && r.ctx.cluster) props.ipAddress = r.ctx.cluster.publicIps.allocate(location);
    if (str(r, 'dnsName')) props.dnsSettings = { domainNameLabel: str(r, 'dnsName'), fqdn: `${str(r, 'dnsName')}.${location}.cloudapp.azure.com` };
    const resource: ArmResource = {
      id: resourceId(subscription(r), rg, NET, 'publicIPAddresses', str(r, 'name')),
      name: str(r, 'name'),
      type: 'Microsoft.Network/publicIPAddresses',
      location,
      sku: { name: sku, tier: 'Regional' },
      properties: props,
    };
    if (Object.keys(tags).length) resource.tags = tags;
    const zones = r.args.zone as string[] | undefined;
    if (zones?.length) resource.zones = zones;
    r.ctx.armClient.put(resource, { caller: r.ctx.userPrincipal ?? 'azureuser@contoso.com' });
    return { publicIp: showResource(r, NET, 'publicIPAddresses', rg, str(r, 'name')) };
  },
};

const publicIpDelete = {
  name: 'delete',
  summary: 'Delete a public IP address.',
  args: [nameArg('The name of the public IP address.'), RG_ARG],
  run: (r: AzRun) => {
    const rg = str(r, 'resourceGroup');
    requireGroup(r, rg);
    const id = resourceId(subscription(r), rg, NET, 'publicIPAddresses', str(r, 'name'));
    r.ctx.armClient.delete(id, { caller: r.ctx.userPrincipal ?? 'azureuser@contoso.com' });
    return undefined;
  },
};

/** The network RP's own validation of a new subnet's prefixes (format, inside the VNet, no overlap). */
function checkSubnetRanges(vnet: ArmResource, name: string, prefixes: string[], subnets: Record<string, unknown>[]): void {
  const space = (((vnet.properties as Record<string, unknown>).addressSpace as { addressPrefixes?: string[] } | undefined)?.addressPrefixes ?? []).map(
    cidrRange,
  );
  for (const p of prefixes) {
    if (!/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/.test(p)) {
      throw new ArmError(
        400,
        'InvalidAddressPrefixFormat',
        `Address prefix ${p} of resource ${vnet.id}/subnets/${name} is not formatted correctly. It should follow CIDR notation, for example 10.0.0.0/24.`,
      );
    }
    const [a, b] = cidrRange(p);
    if (!space.some(([x, y]) => a >= x && b <= y)) {
      throw new ArmError(
        400,
        'NetcfgSubnetRangeOutsideVnet',
        `Subnet '${name}' is not valid because its IP address range is outside the IP address range of virtual network '${vnet.name}'.`,
      );
    }
    for (const sn of subnets) {
      if (String(sn.name).toLowerCase() === name.toLowerCase()) continue;
      const sp = (sn.properties ?? {}) as { addressPrefix?: string; addressPrefixes?: string[] };
      for (const other of [...(sp.addressPrefix ? [sp.addressPrefix] : []), ...(sp.addressPrefixes ?? [])]) {
        const [c, d] = cidrRange(other);
        if (a <= d && c <= b) {
          throw new ArmError(
            400,
            'NetcfgSubnetRangesOverlap',
            `Subnet '${name}' is not valid because its IP address range overlaps with that of an existing subnet in virtual network '${vnet.name}'.`,
          );
        }
      }
    }
  }
}

const VNET_NAME = { dest: 'vnetName', options: ['--vnet-name'], required: true, help: 'The virtual network (VNet) name.' };

const subnetCreate = {
  name: 'create',
  summary: 'Create a subnet and associate an existing NSG and route table.',
  args: [
    RG_ARG,
    VNET_NAME,
    nameArg('The subnet name.'),
    {
      dest: 'prefixes',
      options: ['--address-prefixes', '--address-prefix'],
      kind: 'multi' as const,
      help: 'Space-separated list of address prefixes in CIDR format.',
    },
  ],
  run: (r: AzRun) => {
    const rg = str(r, 'resourceGroup');
    const vnet = rawResource(r, NET, 'virtualNetworks', rg, str(r, 'vnetName'));
    const p = vnet.properties as Record<string, unknown>;
    const subnets = ((p.subnets as Record<string, unknown>[] | undefined) ?? []).slice();
    const prefixes = (r.args.prefixes as string[] | undefined) ?? [];
    if (!prefixes.length) throw new AzCliError('usage error: --address-prefixes is required when creating a subnet.');
    checkSubnetRanges(vnet, str(r, 'name'), prefixes, subnets);
    const id = `${vnet.id}/subnets/${str(r, 'name')}`;
    const subnet = {
      id,
      name: str(r, 'name'),
      type: 'Microsoft.Network/virtualNetworks/subnets',
      properties: {
        addressPrefix: prefixes.length === 1 ? prefixes[0] : undefined,
        addressPrefixes: prefixes.length > 1 ? prefixes : undefined,
        privateEndpointNetworkPolicies: 'Disabled',
        privateLinkServiceNetworkPolicies: 'Enabled',
        delegations: [],
        provisioningState: 'Succeeded',
      },
    };
    const i = subnets.findIndex((s) => String(s.name).toLowerCase() === str(r, 'name').toLowerCase());
    if (i >= 0) subnets[i] = subnet;
    else subnets.push(subnet);
    r.ctx.armClient.put({ ...vnet, properties: { ...p, subnets } }, { caller: r.ctx.userPrincipal ?? 'azureuser@contoso.com' });
    const stored = azView(rawResource(r, NET, 'virtualNetworks', rg, str(r, 'vnetName'))) as Record<string, unknown>;
    return ((stored.subnets as Record<string, unknown>[]) ?? []).find((s) => s.id === id) ?? azView(subnet);
  },
};

export const NETWORK: AzGroupDef = {
  name: 'network',
  summary: 'Manage Azure Network resources.',
  groups: [
    listShowGroup({
      name: 'lb',
      summary: 'Manage and configure load balancers.',
      provider: NET,
      type: 'loadBalancers',
      noun: 'load balancer',
      groups: lbChildren,
    }),
    {
      name: 'nat',
      summary: 'Commands to manage NAT resources.',
      groups: [listShowGroup({ name: 'gateway', summary: 'Commands to manage NAT gateways.', provider: NET, type: 'natGateways', noun: 'NAT gateway' })],
    },
    listShowGroup({
      name: 'nsg',
      summary: 'Manage Azure Network Security Groups (NSGs).',
      provider: NET,
      type: 'networkSecurityGroups',
      noun: 'network security group',
      groups: [
        childGroup({
          name: 'rule',
          summary: 'Manage network security group rules.',
          provider: NET,
          parentType: 'networkSecurityGroups',
          parentArg: { dest: 'nsgName', options: ['--nsg-name'], required: true, help: 'Name of the network security group.' },
          key: 'securityRules',
          noun: 'network security group rule',
          transformer: nsgRuleRow,
          listArgs: [{ dest: 'includeDefault', options: ['--include-default'], kind: 'flag', help: 'Include default security rules in the output.' }],
          filter: (r, items) => {
            if (!r.args.includeDefault) return items;
            const nsg = showResource(r, NET, 'networkSecurityGroups', str(r, 'resourceGroup'), str(r, 'nsgName'));
            return [...items, ...((nsg.defaultSecurityRules as Record<string, unknown>[] | undefined) ?? [])];
          },
        }),
      ],
    }),
    listShowGroup({
      name: 'public-ip',
      summary: 'Manage public IP addresses.',
      provider: NET,
      type: 'publicIPAddresses',
      noun: 'public IP address',
      plural: 'public IP addresses',
      transformer: publicIpRow,
      extra: [publicIpCreate, publicIpDelete],
    }),
    listShowGroup({
      name: 'route-table',
      summary: 'Manage route tables.',
      provider: NET,
      type: 'routeTables',
      noun: 'route table',
      groups: [
        childGroup({
          name: 'route',
          summary: 'Manage routes in a route table.',
          provider: NET,
          parentType: 'routeTables',
          parentArg: { dest: 'routeTableName', options: ['--route-table-name'], required: true, help: 'Route table name.' },
          key: 'routes',
          noun: 'route',
        }),
      ],
    }),
    listShowGroup({
      name: 'vnet',
      summary: 'Manage Azure Virtual Networks.',
      provider: NET,
      type: 'virtualNetworks',
      noun: 'virtual network',
      transformer: vnetRow,
      groups: [
        childGroup({
          name: 'subnet',
          summary: 'Manage subnets in an Azure Virtual Network.',
          provider: NET,
          parentType: 'virtualNetworks',
          parentArg: VNET_NAME,
          key: 'subnets',
          noun: 'subnet',
          extra: [subnetCreate],
        }),
      ],
    }),
  ],
};
