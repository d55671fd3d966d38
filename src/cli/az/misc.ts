import { resourceGroup } from '../../sim/azure/aks-resources';
import { armErrors } from '../../sim/azure/errors';
import { resourceGroupId } from '../../sim/azure/ids';
import { RESOURCE_GROUP_TYPE } from '../../sim/azure/store';
import type { ActivityLogEntry } from '../../sim/azure/types';
import { requireGroup, subscription } from './arm';
import { withResourceGroups } from './flatten';
import { AzCliError, type AzGroupDef, type AzRun, nameArg, RG_OPTIONAL, str } from './types';

type Row = Record<string, unknown>;

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';

function groupView(r: AzRun, g: { id: string; name: string; location?: string; tags?: Record<string, string>; managedBy?: string; properties: Row }): Row {
  const out: Row = {
    id: g.id,
    location: g.location,
    managedBy: g.managedBy ?? null,
    name: g.name,
    properties: { provisioningState: g.properties.provisioningState ?? 'Succeeded' },
    tags: g.tags ?? null,
    type: RESOURCE_GROUP_TYPE,
  };
  void r;
  return out;
}

const caller = (r: AzRun) => ({ caller: r.ctx.userPrincipal ?? 'azureuser@contoso.com' });

const groupCreate = {
  name: 'create',
  summary: 'Create a new resource group.',
  args: [
    nameArg('Name of the new resource group.', ['--resource-group', '-g']),
    { dest: 'location', options: ['--location', '-l'], required: true, help: 'Location. Values from: `az account list-locations`.' },
    { dest: 'tags', options: ['--tags'], kind: 'multi' as const, help: 'Space-separated tags: key[=value] [key[=value] ...].' },
  ],
  run: (r: AzRun) => {
    const tags: Record<string, string> = {};
    for (const t of (r.args.tags as string[] | undefined) ?? []) {
      const i = t.indexOf('=');
      tags[i < 0 ? t : t.slice(0, i)] = i < 0 ? '' : t.slice(i + 1);
    }
    const existing = r.ctx.arm.get(resourceGroupId(subscription(r), str(r, 'name')));
    // ARM keeps the first spelling of a group's name and its location.
    const g = resourceGroup(
      subscription(r),
      existing?.name ?? str(r, 'name'),
      existing?.location ?? str(r, 'location').toLowerCase(),
      Object.keys(tags).length ? tags : existing?.tags,
    );
    r.ctx.armClient.put(g, caller(r));
    return groupView(r, r.ctx.arm.get(g.id)!);
  },
};

const groupDelete = {
  name: 'delete',
  summary: 'Delete a resource group.',
  args: [
    nameArg('The resource group name.', ['--resource-group', '-g']),
    { dest: 'yes', options: ['--yes', '-y'], kind: 'flag' as const, help: 'Do not prompt for confirmation.' },
    { dest: 'noWait', options: ['--no-wait'], kind: 'flag' as const, help: 'Do not wait for the long-running operation to finish.' },
  ],
  run: (r: AzRun) => {
    const id = resourceGroupId(subscription(r), str(r, 'name'));
    const g = r.ctx.arm.get(id);
    if (!g) throw armErrors.resourceGroupNotFound(str(r, 'name'));
    if (!r.args.yes) throw new AzCliError('Unable to prompt for confirmation as no tty available. Use --yes.');
    const contents = r.ctx.arm.list({ subscriptionId: subscription(r), resourceGroup: g.name });
    if (g.managedBy || contents.some((x) => x.type.toLowerCase() === 'microsoft.containerservice/managedclusters')) {
      throw new AzCliError("Deleting the cluster's own resource groups is not available in this lab.");
    }
    for (const x of contents.reverse()) r.ctx.armClient.delete(x.id, caller(r));
    r.ctx.armClient.delete(id, caller(r));
    return undefined;
  },
};

export const GROUP: AzGroupDef = {
  name: 'group',
  summary: 'Manage resource groups and template deployments.',
  commands: [
    groupCreate,
    groupDelete,
    {
      name: 'exists',
      summary: 'Check if a resource group exists.',
      args: [nameArg('The resource group name.', ['--resource-group', '-g'])],
      run: (r: AzRun) => r.ctx.arm.has(resourceGroupId(subscription(r), str(r, 'name'))),
    },
    {
      name: 'list',
      summary: 'List resource groups.',
      args: [],
      transformer: (res) => (res as Row[]).map((g) => ({ Name: g.name, Location: g.location, Status: (g.properties as Row | undefined)?.provisioningState })),
      run: (r) => r.ctx.arm.list({ subscriptionId: subscription(r), type: RESOURCE_GROUP_TYPE }).map((g) => groupView(r, g)),
    },
    {
      name: 'show',
      summary: 'Gets a resource group.',
      args: [nameArg('The resource group name.', ['--resource-group', '-g'])],
      transformer: (g) => ({ Name: (g as Row).name, Location: (g as Row).location, Status: ((g as Row).properties as Row | undefined)?.provisioningState }),
      run: (r) => {
        const g = r.ctx.arm.get(resourceGroupId(subscription(r), str(r, 'name')));
        if (!g) throw armErrors.resourceGroupNotFound(str(r, 'name'));
        return groupView(r, g);
      },
    },
  ],
};

export const RESOURCE: AzGroupDef = {
  name: 'resource',
  summary: 'Manage Azure resources.',
  commands: [
    {
      name: 'list',
      summary: 'List resources.',
      args: [
        RG_OPTIONAL,
        { dest: 'resourceType', options: ['--resource-type'], help: 'The resource type.' },
        { dest: 'name', options: ['--name', '-n'], help: 'The resource name.' },
      ],
      transformer: (res) => (res as Row[]).map((x) => ({ Name: x.name, ResourceGroup: x.resourceGroup, Location: x.location, Type: x.type, Status: ' ' })),
      run: (r) => {
        const rg = str(r, 'resourceGroup');
        if (rg) requireGroup(r, rg);
        return r.ctx.arm
          .list({ subscriptionId: subscription(r), resourceGroup: rg || undefined, type: str(r, 'resourceType') || undefined })
          .filter((x) => !str(r, 'name') || x.name === str(r, 'name'))
          .map((x) => {
            const o: Row = {
              changedTime: undefined,
              createdTime: undefined,
              extendedLocation: null,
              id: x.id,
              identity: x.identity ?? null,
              kind: x.kind ?? null,
              location: x.location,
              managedBy: x.managedBy ?? null,
              name: x.name,
              plan: null,
              properties: null,
              provisioningState: 'Succeeded',
              sku: x.sku ?? null,
              tags: x.tags ?? null,
              type: x.type,
            };
            delete o.changedTime;
            delete o.createdTime;
            return withResourceGroups(o) as Row;
          });
      },
    },
  ],
};

export const ACCOUNT: AzGroupDef = {
  name: 'account',
  summary: 'Manage Azure subscription information.',
  commands: [
    { name: 'list', summary: 'Get a list of subscriptions for the logged in account.', args: [], run: (r) => [accountView(r)] },
    { name: 'show', summary: 'Get the details of a subscription.', args: [], run: accountView },
  ],
};

function accountView(r: AzRun): Row {
  return {
    environmentName: 'AzureCloud',
    homeTenantId: TENANT,
    id: subscription(r),
    isDefault: true,
    managedByTenants: [],
    name: 'External IP Lab',
    state: 'Enabled',
    tenantId: TENANT,
    user: { name: r.ctx.userPrincipal ?? 'azureuser@contoso.com', type: 'user' },
  };
}

const LOCALIZED_OPS: Record<string, string> = {
  write: 'Create or Update',
  delete: 'Delete',
};

/** Portal-style names used in `operationName.localizedValue` (`Create or Update Public Ip Address`). */
const FRIENDLY_TYPES: Record<string, string> = {
  publicipaddresses: 'Public Ip Address',
  loadbalancers: 'Load Balancer',
  networksecuritygroups: 'Network Security Group',
  virtualnetworks: 'Virtual Network',
  subnets: 'Subnet',
  routetables: 'Route Table',
  natgateways: 'Nat Gateway',
  resourcegroups: 'Resource Group',
  managedclusters: 'Managed Cluster',
  virtualmachinescalesets: 'Virtual Machine Scale Set',
  userassignedidentities: 'User Assigned Identity',
};

/** An activity-log entry in the `az monitor activity-log list` shape (EventData). */
function eventView(r: AzRun, e: ActivityLogEntry): Row {
  const verb = e.operationName.split('/').pop() ?? '';
  const last = e.resourceType.split('/').pop() ?? '';
  const typeName = FRIENDLY_TYPES[last.toLowerCase()] ?? last;
  const ticks = (BigInt(Date.parse(e.eventTimestamp)) * 10000n + 621355968000000000n).toString();
  const ended = e.status !== 'Started';
  return withResourceGroups({
    authorization: { action: e.operationName, scope: e.resourceId },
    caller: e.caller,
    category: { localizedValue: 'Administrative', value: 'Administrative' },
    correlationId: e.correlationId,
    description: '',
    eventDataId: e.eventDataId,
    eventName: ended ? { localizedValue: 'End request', value: 'EndRequest' } : { localizedValue: 'Begin request', value: 'BeginRequest' },
    eventTimestamp: e.eventTimestamp,
    id: `${e.resourceId}/events/${e.eventDataId}/ticks/${ticks}`,
    level: e.level,
    operationId: e.correlationId,
    operationName: { localizedValue: `${LOCALIZED_OPS[verb] ?? verb} ${typeName}`, value: e.operationName },
    properties: { ...(e.properties ?? {}), eventCategory: 'Administrative', entity: e.resourceId, message: e.operationName, hierarchy: '' },
    resourceGroupName: e.resourceGroup,
    resourceId: e.resourceId,
    resourceProviderName: { localizedValue: e.resourceType.split('/')[0], value: e.resourceType.split('/')[0] },
    resourceType: { localizedValue: e.resourceType, value: e.resourceType },
    status: { localizedValue: e.status, value: e.status },
    subStatus: { localizedValue: e.subStatus ?? '', value: e.subStatus ?? '' },
    submissionTimestamp: e.eventTimestamp,
    subscriptionId: subscription(r),
    tenantId: TENANT,
  }) as Row;
}

function parseOffset(s: string): number {
  const m = /^(\d+)([dhm]?)$/.exec(s);
  if (!m) throw new AzCliError(`argument --offset: invalid get_datetime_type value: '${s}'`, 2);
  return Number(m[1]) * { d: 86400000, h: 3600000, m: 60000, '': 3600000 }[m[2] as 'd' | 'h' | 'm' | ''];
}

export const MONITOR: AzGroupDef = {
  name: 'monitor',
  summary: 'Manage the Azure Monitor Service.',
  groups: [
    {
      name: 'activity-log',
      summary: 'Manage activity logs.',
      commands: [
        {
          name: 'list',
          summary: 'List and query activity log events.',
          args: [
            RG_OPTIONAL,
            { dest: 'resourceId', options: ['--resource-id'], help: 'ARM ID of a resource.' },
            { dest: 'correlationId', options: ['--correlation-id'], help: 'Correlation ID to query.' },
            { dest: 'caller', options: ['--caller'], help: 'Caller to query for.' },
            { dest: 'status', options: ['--status'], help: 'Status to query for (ex: Failed).' },
            { dest: 'maxEvents', options: ['--max-events'], default: '50', help: 'Maximum number of records to return.' },
            { dest: 'offset', options: ['--offset'], default: '6h', help: 'Time offset of the query range, in ##d##h format.' },
            { dest: 'namespace', options: ['--namespace'], help: 'Resource provider namespace.' },
          ],
          run: (r) => {
            const now = r.ctx.clock.now();
            const since = now - parseOffset(str(r, 'offset'));
            const rg = str(r, 'resourceGroup').toLowerCase();
            const rid = str(r, 'resourceId').toLowerCase();
            const out = r.ctx.arm.activityLog
              .filter((e) => Date.parse(e.eventTimestamp) >= since)
              .filter((e) => !rg || e.resourceGroup.toLowerCase() === rg)
              .filter((e) => !rid || e.resourceId.toLowerCase() === rid)
              .filter((e) => !str(r, 'correlationId') || e.correlationId === str(r, 'correlationId'))
              .filter((e) => !str(r, 'caller') || e.caller === str(r, 'caller'))
              .filter((e) => !str(r, 'status') || e.status.toLowerCase() === str(r, 'status').toLowerCase())
              .filter((e) => !str(r, 'namespace') || e.resourceType.toLowerCase().startsWith(str(r, 'namespace').toLowerCase()))
              .slice()
              .reverse()
              .slice(0, Number(str(r, 'maxEvents')) || 50);
            return out.map((e) => eventView(r, e));
          },
        },
      ],
    },
  ],
};

/** `az version` (JSON), the structured sibling of `az --version`. */
export const VERSION_COMMAND = {
  name: 'version',
  summary: 'Show the versions of Azure CLI modules and extensions in JSON format by default or format configured by --output.',
  args: [],
  run: () => ({ 'azure-cli': '2.75.0', 'azure-cli-core': '2.75.0', 'azure-cli-telemetry': '1.1.0', extensions: {} }),
};
