/**
 * `gcloud compute …` for GKE sandboxes: list / describe of the load-balancing resources in the
 * sandbox's GcpStore, with gcloud's default list tables, `--format`, `--filter`, and its error
 * texts. Loaded with import() on first use (never in the AKS lab's bundle); core code is imported
 * as types only. The sandbox's gcloud config is assumed to set compute/region us-central1.
 */
import type { GcpStore } from '../../sim/clouds/gke/store';
import type { CloseMatches } from '../az/parser';
import type { CliContext } from '../context';
import type { CommandFn, ExecResult } from '../shell/types';

import { createAddress } from './addresses';
import { compileFilter, FormatError, parseColumns, print, type YamlStringify } from './format';
import { parseSortKeys, type SortKey, sortResources } from './sort-by';

export const GCLOUD_VERSION = 'Google Cloud SDK 548.0.0\nalpha 2025.11.14\nbeta 2025.11.14\nbq 2.1.25\ncore 2025.11.14\ngcloud-crc32c 1.0.0\ngsutil 5.35\n';

type Obj = Record<string, unknown>;
const res = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });
const SEARCH_HINT = '\nTo search the help text of gcloud commands, run:\n  gcloud help -- SEARCH_TERMS\n';

interface Resource {
  /** Compute API collection, for URLs and error messages (`forwardingRules`). */
  collection: string;
  kind: string;
  scope: 'regional' | 'global' | 'both' | 'zonal';
  /** describe without --region/--global means global (gcloud's `default_scope=GLOBAL` for these groups). */
  globalByDefault?: boolean;
  /** The commands gcloud has in this group (for "Invalid choice"); list/describe are the simulated ones. */
  commands: string[];
  defaultTable: string;
  items(store: GcpStore): Obj[];
}

/** A stable 19-digit resource id from the name (the Compute API's ids are opaque numbers). */
function numericId(name: string): string {
  let h = 1469598103934665603n;
  for (const ch of name) h = ((h ^ BigInt(ch.charCodeAt(0))) * 1099511628211n) & 0xffffffffffffffffn;
  return (1000000000000000000n + (h % 8000000000000000000n)).toString();
}

const fingerprint = (name: string) => btoa(numericId(name).slice(0, 8));

function base(store: GcpStore, collection: string, kind: string, o: { name: string; region?: string }, created?: string): Obj {
  const regional = o.region !== undefined;
  return {
    creationTimestamp: created ?? '2025-06-01T01:00:00.000-07:00',
    id: numericId(`${collection}/${o.name}`),
    kind: `compute#${kind}`,
    name: o.name,
    ...(regional ? { region: `https://www.googleapis.com/compute/v1/projects/${store.project}/regions/${o.region}` } : {}),
    selfLink: regional ? store.regionalUrl(collection, o.name) : store.globalUrl(collection, o.name),
  };
}

const instanceUrl = (store: GcpStore, ref: string) => {
  if (ref.startsWith('https://')) return ref;
  const inst = [...store.instances.values()].find((i) => i.name === ref || i.nodeName === ref);
  return `https://www.googleapis.com/compute/v1/projects/${store.project}/zones/${inst?.zone ?? `${store.region}-a`}/instances/${inst?.name ?? ref}`;
};

/** The Compute API shows creation times in the API's Pacific offset. */
const pacific = (iso: string) => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t - 7 * 3600_000).toISOString().replace('Z', '-07:00');
};

export const RESOURCES: Record<string, Resource> = {
  'forwarding-rules': {
    collection: 'forwardingRules',
    kind: 'forwardingRule',
    scope: 'both',
    commands: ['create', 'delete', 'describe', 'list', 'set-target', 'update'],
    defaultTable: 'name,region.basename(),IPAddress:label=IP_ADDRESS,IPProtocol:label=IP_PROTOCOL,firstof(target,backendService).scope():label=TARGET',
    items: (s) =>
      [...s.forwardingRules.values()].map((r) => ({
        ...base(s, 'forwardingRules', 'forwardingRule', r, pacific(r.creationTimestamp)),
        IPAddress: r.IPAddress,
        IPProtocol: r.IPProtocol,
        description: r.description,
        fingerprint: fingerprint(r.name),
        labelFingerprint: '42WmSpB8rSM=',
        loadBalancingScheme: r.loadBalancingScheme,
        networkTier: r.networkTier,
        ...(r.portRange ? { portRange: r.portRange } : {}),
        ...(r.ports ? { ports: [...r.ports] } : {}),
        ...(r.allPorts ? { allPorts: true } : {}),
        ...(r.target ? { target: r.target } : {}),
        ...(r.backendService ? { backendService: r.backendService } : {}),
        ...(r.network ? { network: r.network } : {}),
        ...(r.subnetwork ? { subnetwork: r.subnetwork } : {}),
        ...(r.allowGlobalAccess ? { allowGlobalAccess: true } : {}),
      })),
  },
  'backend-services': {
    collection: 'backendServices',
    kind: 'backendService',
    scope: 'both',
    globalByDefault: true,
    commands: ['add-backend', 'create', 'delete', 'describe', 'get-health', 'list', 'remove-backend', 'update'],
    defaultTable: 'name,backends[].group.scope().list():label=BACKENDS,protocol',
    items: (s) =>
      [...s.backendServices.values()].map((b) => ({
        ...base(s, 'backendServices', 'backendService', b),
        backends: b.backends.map((x) => ({ balancingMode: x.balancingMode, group: x.group })),
        connectionDraining: { drainingTimeoutSec: 0 },
        description: b.description,
        fingerprint: fingerprint(b.name),
        healthChecks: [...b.healthChecks],
        loadBalancingScheme: b.loadBalancingScheme,
        protocol: b.protocol,
        sessionAffinity: b.sessionAffinity,
        timeoutSec: 30,
      })),
  },
  'target-pools': {
    collection: 'targetPools',
    kind: 'targetPool',
    scope: 'regional',
    commands: [
      'add-health-checks',
      'add-instances',
      'create',
      'delete',
      'describe',
      'get-health',
      'list',
      'remove-health-checks',
      'remove-instances',
      'set-backup',
      'update',
    ],
    defaultTable: 'name,region.basename(),sessionAffinity,backupPool.basename():label=BACKUP,healthChecks[].basename().list():label=HEALTH_CHECKS',
    items: (s) =>
      [...s.targetPools.values()].map((p) => ({
        ...base(s, 'targetPools', 'targetPool', p),
        description: p.description,
        healthChecks: [...p.healthChecks],
        instances: p.instances.map((i) => instanceUrl(s, i)),
        sessionAffinity: p.sessionAffinity,
      })),
  },
  'firewall-rules': {
    collection: 'firewalls',
    kind: 'firewall',
    scope: 'global',
    commands: ['create', 'delete', 'describe', 'list', 'migrate', 'update'],
    defaultTable: 'name,network.basename(),direction,priority,allowed[].firewall_rule().list():label=ALLOW,denied[].firewall_rule().list():label=DENY,disabled',
    items: (s) =>
      [...s.firewalls.values()].map((f) => ({
        ...base(s, 'firewalls', 'firewall', f),
        allowed: f.allowed.map((a) => ({ IPProtocol: a.IPProtocol, ...(a.ports ? { ports: [...a.ports] } : {}) })),
        description: f.description,
        ...(f.destinationRanges ? { destinationRanges: [...f.destinationRanges] } : {}),
        direction: f.direction,
        disabled: false,
        logConfig: { enable: false },
        network: s.globalUrl('networks', f.network),
        priority: f.priority,
        sourceRanges: [...f.sourceRanges],
        targetTags: [...f.targetTags],
      })),
  },
  addresses: {
    collection: 'addresses',
    kind: 'address',
    scope: 'both',
    commands: ['create', 'delete', 'describe', 'list', 'move', 'update'],
    defaultTable:
      'name,address:label=ADDRESS/RANGE,addressType:label=TYPE,purpose,network.basename(),region.basename(),subnetwork.basename():label=SUBNET,status',
    items: (s) =>
      [...s.addresses.values()].map((a) => ({
        ...base(s, 'addresses', 'address', a),
        address: a.address,
        addressType: a.addressType,
        description: a.description,
        networkTier: a.networkTier,
        ...(a.purpose ? { purpose: a.purpose } : {}),
        status: a.status,
        ...(a.subnetwork ? { subnetwork: a.subnetwork } : {}),
        // IN_USE: the forwarding rule holding it.
        ...(a.status === 'IN_USE'
          ? { users: [...s.forwardingRules.values()].filter((r) => r.IPAddress === a.address).map((r) => s.regionalUrl('forwardingRules', r.name)) }
          : {}),
      })),
  },
  'health-checks': {
    collection: 'healthChecks',
    kind: 'healthCheck',
    scope: 'both',
    globalByDefault: true,
    commands: ['create', 'delete', 'describe', 'list', 'update'],
    defaultTable: 'name,region.basename(),type:label=PROTOCOL',
    items: (s) =>
      [...s.healthChecks.values()].map((h) => ({
        ...base(s, 'healthChecks', 'healthCheck', h),
        checkIntervalSec: h.checkIntervalSec,
        description: h.description,
        healthyThreshold: h.healthyThreshold,
        httpHealthCheck: { port: h.httpHealthCheck.port, proxyHeader: 'NONE', requestPath: h.httpHealthCheck.requestPath },
        timeoutSec: h.timeoutSec,
        type: h.type,
        unhealthyThreshold: h.unhealthyThreshold,
      })),
  },
  'instance-groups': {
    collection: 'instanceGroups',
    kind: 'instanceGroup',
    scope: 'zonal',
    commands: ['describe', 'get-named-ports', 'list', 'list-instances', 'managed', 'set-named-ports', 'unmanaged'],
    defaultTable: 'name,zone.basename():label=LOCATION,scope,network.basename(),managed,size:label=INSTANCES',
    items: (s) =>
      [...s.instanceGroups.values()].map((g) => {
        const zone = `https://www.googleapis.com/compute/v1/projects/${s.project}/zones/${g.zone}`;
        return {
          ...base(s, 'instanceGroups', 'instanceGroup', g),
          fingerprint: fingerprint(`${g.zone}/${g.name}`),
          managed: 'No',
          network: s.globalUrl('networks', s.network),
          scope: 'zone',
          selfLink: `${zone}/instanceGroups/${g.name}`,
          size: g.instances.length,
          subnetwork: s.subnetUrl(),
          zone,
        };
      }),
  },
  'http-health-checks': {
    collection: 'httpHealthChecks',
    kind: 'httpHealthCheck',
    scope: 'global',
    commands: ['create', 'delete', 'describe', 'list', 'update'],
    defaultTable: 'name,host,port,requestPath',
    items: (s) =>
      [...s.httpHealthChecks.values()].map((h) => ({
        ...base(s, 'httpHealthChecks', 'httpHealthCheck', h),
        checkIntervalSec: h.checkIntervalSec,
        description: h.description,
        healthyThreshold: h.healthyThreshold,
        host: '',
        port: h.port,
        requestPath: h.requestPath,
        timeoutSec: h.timeoutSec,
        unhealthyThreshold: h.unhealthyThreshold,
      })),
  },
};

/** `gcloud compute` groups gcloud has (a subset of the real list: anything else is an invalid choice). */
export const COMPUTE_GROUPS = [
  'addresses',
  'backend-buckets',
  'backend-services',
  'disks',
  'firewall-rules',
  'forwarding-rules',
  'health-checks',
  'http-health-checks',
  'images',
  'instance-groups',
  'instance-templates',
  'instances',
  'machine-types',
  'network-endpoint-groups',
  'networks',
  'project-info',
  'regions',
  'routers',
  'routes',
  'security-policies',
  'ssh',
  'ssl-certificates',
  'target-http-proxies',
  'target-pools',
  'target-tcp-proxies',
  'url-maps',
  'zones',
];
export const TOP_GROUPS = ['auth', 'compute', 'config', 'container', 'dns', 'help', 'iam', 'info', 'projects', 'services', 'version'];

/** gcloud's "Maybe you meant" (difflib, cutoff 0.7). */
function invalidChoice(path: string[], word: string, choices: string[], closeMatches: CloseMatches): ExecResult {
  const close = closeMatches(word, choices, 0.7);
  const maybe = close.length ? `\nMaybe you meant:\n${close.map((c) => `  ${[...path, c].join(' ')}`).join('\n')}\n` : '\n';
  return res('', `ERROR: (${path.join('.')}) Invalid choice: '${word}'.${maybe}${SEARCH_HINT}`, 2);
}

function commandExpected(path: string[], choices: string[]): ExecResult {
  return res(
    '',
    `ERROR: (${path.join('.')}) Command name argument expected.\n\nAvailable ${path.length > 2 ? 'commands' : 'groups'} for ${path.join(' ')}:\n\n${choices.map((c) => `      ${c}\n`).join('')}\nFor detailed information on this command and its flags, run:\n  ${path.join(' ')} --help\n`,
    2,
  );
}

const NO_ACCOUNT = (cmd: string) =>
  `ERROR: (${cmd}) You do not currently have an active account selected.\nPlease run:\n\n  $ gcloud auth login\n\nto obtain new credentials.\n\nIf you have already logged in with a different account, run:\n\n  $ gcloud config set account ACCOUNT\n\nto select an already authenticated account to use.\n`;

interface Flags {
  values: Record<string, string>;
  positionals: string[];
  unknown: string[];
  missingValue?: string;
}

function parseFlags(args: string[], valueFlags: string[], boolFlags: string[]): Flags {
  const f: Flags = { values: {}, positionals: [], unknown: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('--') || a === '--') {
      if (a !== '--') f.positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (boolFlags.includes(name)) f.values[name] = 'true';
    else if (valueFlags.includes(name)) {
      const v = eq > 0 ? a.slice(eq + 1) : args[++i];
      if (v === undefined) f.missingValue = name;
      else f.values[name] = v;
    } else f.unknown.push(a);
  }
  return f;
}

function help(path: string[], r?: Resource, verb?: string): string {
  const name = path.join(' ');
  if (!r)
    return `NAME\n    ${name}\n\nSYNOPSIS\n    ${name} GROUP | COMMAND [GCLOUD_WIDE_FLAG ...]\n\nGROUPS (simulated here)\n${Object.keys(RESOURCES)
      .map((g) => `    ${g}\n`)
      .join('')}`;
  if (!verb) return `NAME\n    ${name}\n\nSYNOPSIS\n    ${name} COMMAND [GCLOUD_WIDE_FLAG ...]\n\nCOMMANDS (simulated here)\n    describe\n    list\n`;
  const scopeFlags = r.scope === 'global' ? '' : r.scope === 'regional' ? ' [--region=REGION]' : ' [--global | --region=REGION]';
  if (verb === 'list')
    return `NAME\n    ${name}\n\nSYNOPSIS\n    ${name} [NAME ...]${r.scope === 'global' ? '' : r.scope === 'regional' ? ' [--regions=[REGION,...]]' : ' [--global | --regions=[REGION,...]]'} [--filter=EXPRESSION] [--limit=LIMIT] [--sort-by=[FIELD,...]] [--uri] [--format=FORMAT]\n`;
  return `NAME\n    ${name}\n\nSYNOPSIS\n    ${name} NAME${scopeFlags} [--format=FORMAT]\n`;
}

const CREATE = 'gcloud.compute.addresses.create';

/** `gcloud compute addresses create NAME [--region=R] [--subnet=S] [--addresses=IP]`: regional only. */
function addressesCreate(rest: string[], store: GcpStore | undefined): ExecResult {
  const flags = parseFlags(
    rest,
    ['--region', '--subnet', '--addresses', '--project', '--network-tier', '--purpose', '--ip-version', '--description'],
    ['--global', '--quiet'],
  );
  const usage = 'Usage: gcloud compute addresses create NAME [NAME ...] [optional flags]\n';
  if (flags.missingValue) return res('', `ERROR: (${CREATE}) argument ${flags.missingValue}: expected one argument\n${usage}${SEARCH_HINT}`, 2);
  if (flags.unknown.length) return res('', `ERROR: (${CREATE}) unrecognized arguments: ${flags.unknown.join(' ')} \n${SEARCH_HINT}`, 2);
  if (!flags.positionals.length) return res('', `ERROR: (${CREATE}) argument NAME: Must be specified.\n${usage}${SEARCH_HINT}`, 2);
  if (flags.values['--global'])
    return res('', `ERROR: (${CREATE}) global addresses are not simulated in the lab (a passthrough load balancer needs a regional one)\n`, 1);
  if (!store) return res('', NO_ACCOUNT(CREATE), 1);
  const [name, ...more] = flags.positionals;
  if (more.length) return res('', `ERROR: (${CREATE}) the lab creates one address at a time\n`, 1);
  const region = flags.values['--region'] ?? store.region;
  const r = createAddress(store, { name, region, subnet: flags.values['--subnet'], address: flags.values['--addresses'] });
  return 'error' in r ? res('', `ERROR: (${CREATE}) ${r.error}`, 1) : res('', `Created [${r.created}].\n`);
}

/**
 * `stringify` is yaml's and `closeMatches` az's difflib port ("Maybe you meant"), both passed by the
 * shell: importing either here would make Rollup move shared code between the AKS lab's chunks.
 */
export const createGcloudCommand =
  (stringify: YamlStringify, closeMatches: CloseMatches): CommandFn<CliContext> =>
  async ({ argv, ctx }) => {
    const args = argv.slice(1);
    const words = args.filter((a) => !a.startsWith('-'));
    if (args.includes('--version') || words[0] === 'version') return res(GCLOUD_VERSION);
    const store = ctx.cloud?.name === 'gke' ? (ctx.cloud.runtime?.store as GcpStore | undefined) : undefined;
    if (!args.length) return commandExpected(['gcloud'], TOP_GROUPS);
    const [top, group, verb] = words;
    const wantsHelp = args.includes('--help') || args.includes('-h') || top === 'help';
    if (top === 'help') return res(help(['gcloud', 'compute']));
    if (top === undefined) return commandExpected(['gcloud'], TOP_GROUPS);
    if (!TOP_GROUPS.includes(top)) return invalidChoice(['gcloud'], top, TOP_GROUPS, closeMatches);
    if (top === 'config' && group === 'list') {
      const account = store ? 'learner@example.com' : undefined;
      const compute = store ? `[compute]\nregion = ${store.region}\nzone = ${store.region}-a\n` : '';
      return res(
        `${compute}[core]\n${account ? `account = ${account}\n` : ''}disable_usage_reporting = True\n${store ? `project = ${store.project}\n` : ''}`,
        '\nYour active configuration is: [default]\n',
      );
    }
    if (top !== 'compute') return res('', `ERROR: (gcloud.${top}) this command group is not simulated in the lab (gcloud compute is)\n`, 1);
    if (group === undefined) return wantsHelp ? res(help(['gcloud', 'compute'])) : commandExpected(['gcloud', 'compute'], COMPUTE_GROUPS);
    if (!COMPUTE_GROUPS.includes(group)) return invalidChoice(['gcloud', 'compute'], group, COMPUTE_GROUPS, closeMatches);
    const r = RESOURCES[group];
    if (!r) return res('', `ERROR: (gcloud.compute.${group}) this command group is not simulated in the lab\n`, 1);
    const path = ['gcloud', 'compute', group];
    if (verb === undefined) return wantsHelp ? res(help(path, r)) : commandExpected(path, r.commands);
    if (!r.commands.includes(verb)) return invalidChoice(path, verb, r.commands, closeMatches);
    if (group === 'addresses' && verb === 'create' && !wantsHelp) return addressesCreate(args.slice(args.indexOf(verb) + 1), store);
    if (verb !== 'list' && verb !== 'describe')
      return res('', `ERROR: (gcloud.compute.${group}.${verb}) this command is not simulated in the lab (list and describe are)\n`, 1);
    const cmd = ['gcloud', 'compute', group, verb].join('.');
    if (wantsHelp) return res(help([...path, verb], r, verb));
    // The words after the verb: everything from the verb's position on.
    const rest = args.slice(args.indexOf(verb) + 1);
    const scoped = r.scope !== 'global';
    const valueFlags = ['--format', '--project'];
    const boolFlags: string[] = [];
    if (verb === 'list') valueFlags.push('--filter', '--limit', '--sort-by', '--page-size');
    if (verb === 'list') boolFlags.push('--uri');
    const zonal = r.scope === 'zonal';
    if (scoped) valueFlags.push(zonal ? (verb === 'list' ? '--zones' : '--zone') : verb === 'list' ? '--regions' : '--region');
    if (r.scope === 'both') boolFlags.push('--global');
    const flags = parseFlags(rest, valueFlags, boolFlags);
    if (flags.missingValue)
      return res(
        '',
        `ERROR: (${cmd}) argument ${flags.missingValue}: expected one argument\nUsage: ${path.join(' ')} ${verb} ${verb === 'describe' ? 'NAME ' : ''}[optional flags]\n${SEARCH_HINT}`,
        2,
      );
    if (flags.unknown.length) return res('', `ERROR: (${cmd}) unrecognized arguments: ${flags.unknown.join(' ')} \n${SEARCH_HINT}`, 2);
    if (flags.values['--global'] && (flags.values['--region'] || flags.values['--regions']))
      return res('', `ERROR: (${cmd}) argument --global: At most one of --global | --region${verb === 'list' ? 's' : ''} may be specified.\n`, 2);
    if (verb === 'describe' && flags.positionals.length !== 1) {
      const msg = flags.positionals.length ? `unrecognized arguments: ${flags.positionals.slice(1).join(' ')}` : 'argument NAME: Must be specified.';
      return res(
        '',
        `ERROR: (${cmd}) ${msg}\nUsage: ${path.join(' ')} describe NAME [optional flags]\n  optional flags may be  ${['--help', ...(r.scope === 'both' ? ['--global'] : []), ...(scoped ? ['--region'] : [])].sort().join(' | ')}\n\nFor detailed information on this command and its flags, run:\n  ${path.join(' ')} describe --help\n`,
        2,
      );
    }
    let filter: ((o: Obj) => boolean) | undefined;
    let sortKeys: SortKey[] = [];
    try {
      if (flags.values['--filter'] !== undefined) filter = compileFilter(flags.values['--filter']);
      if (flags.values['--sort-by']) sortKeys = parseSortKeys(flags.values['--sort-by']);
      if (flags.values['--format'] !== undefined) print([], flags.values['--format'], stringify, parseColumns(r.defaultTable));
    } catch (e) {
      if (e instanceof FormatError) return res('', `ERROR: (${cmd}) ${e.message}\n`, 1);
      throw e;
    }
    if (!store) return res('', NO_ACCOUNT(cmd), 1);
    const project = flags.values['--project'] ?? store.project;
    const all = project === store.project ? r.items(store) : [];
    const regionOf = (o: Obj) => (typeof o.region === 'string' ? o.region.slice(o.region.lastIndexOf('/') + 1) : undefined);
    let out: Obj | Obj[];
    if (verb === 'describe') {
      const name = flags.positionals[0];
      const region =
        flags.values['--global'] || zonal || r.scope === 'global' || (r.globalByDefault && !flags.values['--region'])
          ? undefined
          : (flags.values['--region'] ?? store.region);
      // Zonal resources: the config's compute/zone unless --zone names another.
      const zone = zonal ? (flags.values['--zone'] ?? `${store.region}-a`) : undefined;
      const zoneOf = (o: Obj) => (typeof o.zone === 'string' ? o.zone.slice(o.zone.lastIndexOf('/') + 1) : undefined);
      const found = all.find((o) => o.name === name && regionOf(o) === region && zoneOf(o) === zone);
      if (!found) {
        const where = zone ? `zones/${zone}` : region ? `regions/${region}` : 'global';
        return res(
          '',
          `ERROR: (${cmd}) Could not fetch resource:\n - The resource 'projects/${project}/${where}/${r.collection}/${name}' was not found\n\n`,
          1,
        );
      }
      out = found;
    } else {
      const regions = flags.values[zonal ? '--zones' : '--regions']?.split(',').filter(Boolean);
      const placeOf = (o: Obj) => (zonal ? String(o.zone).slice(String(o.zone).lastIndexOf('/') + 1) : (regionOf(o) ?? ''));
      let items = all.filter((o) => (flags.values['--global'] ? regionOf(o) === undefined : !regions || regions.includes(placeOf(o))));
      if (flags.positionals.length) items = items.filter((o) => flags.positionals.includes(String(o.name)));
      if (filter) items = items.filter(filter);
      // Same-named zonal groups: by zone, as gcloud's aggregated list returns them.
      items.sort((a, b) => String(a.name).localeCompare(String(b.name)) || String(a.selfLink).localeCompare(String(b.selfLink)));
      items = sortResources(items, sortKeys);
      const limit = Number(flags.values['--limit']);
      if (flags.values['--limit'] !== undefined) {
        if (!Number.isInteger(limit) || limit < 1)
          return res('', `ERROR: (${cmd}) argument --limit: Value must be greater than or equal to 1; received: ${flags.values['--limit']}\n`, 2);
        items = items.slice(0, limit);
      }
      if (flags.values['--uri']) return res(items.map((o) => `${o.selfLink}\n`).join(''));
      out = items;
    }
    const printed = print(out, flags.values['--format'], stringify, parseColumns(r.defaultTable));
    let stderr = printed.stderr ?? '';
    if (Array.isArray(out) && !out.length && flags.values['--format'] === undefined) stderr += 'Listed 0 items.\n';
    // gcloud's firewall-rules list adds this note when printing its default table.
    if (group === 'firewall-rules' && verb === 'list' && flags.values['--format'] === undefined && Array.isArray(out) && out.length)
      stderr +=
        '\nTo show all fields of the firewall, please show in JSON format: --format=json\nTo show all fields in table format, please see the examples in --help.\n\n';
    return res(printed.stdout, stderr);
  };
