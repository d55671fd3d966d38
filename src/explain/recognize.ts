/**
 * What a paste is, judged by its shape only (never by the box it was pasted in): JSON of one of
 * the commands the page lists, or why not — a table, YAML, `kubectl describe`, a cut-off or broken
 * JSON text (with the line and column where it breaks), another command's or another cloud's output.
 */
import type { CommandKey } from './commands';
import { findJsonBreak, lineColumn } from './json-error';
import type { InputKind, InputProblem, Params } from './types';

export type Json = Record<string, unknown>;

export interface Parsed {
  services: Json[];
  events: Json[];
  publicIps: Json[];
  loadBalancers: Json[];
  clusters: Json[];
  nsgs: Json[];
  /** Rules from `az network nsg rule list` (no NSG around them). */
  nsgRules: Json[];
  nodes: Json[];
  nodeResourceGroups: string[];
  /** A Service or Event list was pasted, even an empty one (then "none" is an answer). */
  servicesSeen?: boolean;
  eventsSeen?: boolean;
}

export interface Recognition {
  ok: boolean;
  kind?: InputKind;
  problem?: InputProblem;
  count?: number;
  command?: CommandKey | string;
  line?: number;
  column?: number;
  code: string;
  params: Params;
  notes: { code: string; params: Params }[];
  parsed: Partial<Parsed>;
}

export const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** az output is flattened; the portal's "JSON View" and `az rest` keep `properties`: read both. */
export function flat(o: Json): Json {
  return isObj(o.properties) ? { ...o, ...o.properties } : o;
}

const armType = (o: Json): string => (str(o.type) ?? '').toLowerCase();

const REDACTED_SUB = /\/subscriptions\/(?![0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/)[^/"\s]+\//i;

/** Removes a BOM, turns CRLF into LF and skips a prompt or warning lines before the JSON. */
function normalize(raw: string, notes: Recognition['notes']): string {
  let text = raw;
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    notes.push({ code: 'note.bom', params: {} });
  }
  if (text.includes('\r\n')) {
    text = text.replace(/\r\n/g, '\n');
    notes.push({ code: 'note.crlf', params: {} });
  } else if (text.includes('\r')) text = text.replace(/\r/g, '\n');
  return text.trim();
}

/** Lines before the first line that opens JSON, if they look like a prompt, a command or warnings. */
function skipLeadIn(text: string, notes: Recognition['notes']): string {
  if (text.startsWith('{') || text.startsWith('[')) return text;
  const m = /^([^\n]*\n){1,6}?(?=[{[])/.exec(text);
  if (!m) return text;
  const lead = m[0].trim().split('\n');
  const looksLikeLeadIn = lead.every((l) => /^(\s*$|[$#>%❯]|PS [^>]*>|[\w.@:~/-]*[$#>] |kubectl |az |k |WARNING|Warning|warning|\(|[A-Za-z]:\\)/.test(l));
  if (!looksLikeLeadIn) return text;
  notes.push({ code: 'note.lead-in', params: { lines: lead.length, first: lead[0]!.slice(0, 80) } });
  return text.slice(m[0].length);
}

const result = (r: Partial<Recognition> & { code: string }): Recognition => ({ ok: false, params: {}, notes: [], parsed: {}, ...r });

function problem(problem: InputProblem, code: string, command: CommandKey | undefined, params: Params = {}, extra: Partial<Recognition> = {}): Recognition {
  return result({ ok: false, problem, code, command, params, ...extra });
}

function accepted(kind: InputKind, count: number, command: CommandKey | undefined, parsed: Partial<Parsed>, params: Params = {}): Recognition {
  return result({ ok: true, kind, count, command, code: `input.${kind}`, params: { count, ...params }, parsed });
}

/** Another cloud's JSON: AWS CLI and gcloud have shapes nothing on Azure shares. */
function otherCloud(v: unknown): string | undefined {
  const sample = Array.isArray(v) ? v[0] : v;
  if (!isObj(sample)) return undefined;
  const keys = Object.keys(sample);
  if (keys.some((k) => /^(LoadBalancerDescriptions|LoadBalancers|Addresses|Reservations|SecurityGroups|NetworkInterfaces|TargetGroups)$/.test(k))) return 'AWS';
  if (typeof sample.LoadBalancerArn === 'string' || typeof sample.AllocationId === 'string' || typeof sample.PublicIp === 'string') return 'AWS';
  if (typeof sample.kind === 'string' && sample.kind.startsWith('compute#')) return 'Google Cloud';
  if (typeof sample.selfLink === 'string' && sample.selfLink.includes('googleapis.com')) return 'Google Cloud';
  return undefined;
}

const K8S_OTHER_KINDS: Record<string, string> = {
  Pod: 'kubectl get pods',
  Deployment: 'kubectl get deployments',
  ReplicaSet: 'kubectl get replicasets',
  Ingress: 'kubectl get ingress',
  Endpoints: 'kubectl get endpoints',
  EndpointSlice: 'kubectl get endpointslices',
  Namespace: 'kubectl get namespaces',
  ConfigMap: 'kubectl get configmaps',
  Secret: 'kubectl get secrets',
};

/** LB sub-lists have their own az commands; `lb show` has them all, so ask for that instead. */
const LB_CHILD_COMMANDS: Record<string, string> = {
  'microsoft.network/loadbalancers/frontendipconfigurations': 'az network lb frontend-ip list',
  'microsoft.network/loadbalancers/loadbalancingrules': 'az network lb rule list',
  'microsoft.network/loadbalancers/outboundrules': 'az network lb outbound-rule list',
  'microsoft.network/loadbalancers/probes': 'az network lb probe list',
  'microsoft.network/loadbalancers/backendaddresspools': 'az network lb address-pool list',
};

function fromJson(v: unknown): Recognition {
  const cloud = otherCloud(v);
  if (cloud) return problem('other-cloud', 'problem.other-cloud', 'services', { cloud });
  // kubectl: a List (or one object) of Kubernetes kinds.
  if (isObj(v) && typeof v.kind === 'string' && typeof v.apiVersion === 'string') {
    const items = Array.isArray(v.items) ? v.items.filter(isObj) : [v];
    const kinds = new Set(
      items.map((i) => str(i.kind) ?? (v.kind === 'ServiceList' ? 'Service' : v.kind === 'EventList' ? 'Event' : v.kind === 'NodeList' ? 'Node' : '')),
    );
    if (Array.isArray(v.items) && items.length === 0) {
      if (v.kind === 'ServiceList') return accepted('services', 0, 'services', { services: [] });
      if (v.kind === 'EventList') return accepted('events', 0, 'events', { events: [] });
      return result({ ok: true, kind: 'empty', count: 0, code: 'input.empty-list', params: {} });
    }
    if (kinds.has('Service')) {
      const svc = items.filter((i) => (str(i.kind) ?? (v.kind === 'ServiceList' ? 'Service' : '')) === 'Service');
      const extra: Params = kinds.size > 1 ? { others: [...kinds].filter((k) => k !== 'Service').join(', ') } : {};
      return accepted('services', svc.length, 'services', { services: svc }, extra);
    }
    if (kinds.has('Event')) {
      const events = items.filter((i) => (str(i.kind) ?? 'Event') === 'Event');
      return accepted('events', events.length, 'events', { events });
    }
    if (kinds.has('Node')) return accepted('nodes', items.length, undefined, { nodes: items });
    const kind = [...kinds][0] ?? String(v.kind);
    const cmd = K8S_OTHER_KINDS[kind] ?? `kubectl get ${kind.toLowerCase()}`;
    return problem('other-command', 'problem.other-kubectl', 'services', { kind, seen: cmd });
  }
  // az: one resource or an array of them, told apart by `type`.
  const list = (Array.isArray(v) ? v : [v]).filter(isObj).map(flat);
  if (Array.isArray(v) && v.length === 0) return result({ ok: true, kind: 'empty', count: 0, code: 'input.empty-list', params: {} });
  if (list.length === 0) return problem('unrecognised', 'problem.unrecognised-json', undefined);
  const types = new Set(list.map(armType));
  const only = (t: string) => list.filter((o) => armType(o) === t);
  if (types.has('microsoft.network/publicipaddresses'))
    return accepted('public-ips', only('microsoft.network/publicipaddresses').length, 'publicIps', { publicIps: only('microsoft.network/publicipaddresses') });
  if (types.has('microsoft.network/loadbalancers'))
    return accepted('load-balancers', only('microsoft.network/loadbalancers').length, 'loadBalancer', {
      loadBalancers: only('microsoft.network/loadbalancers'),
    });
  const clusters = list.filter(
    (o) => armType(o) === 'microsoft.containerservice/managedclusters' || (isObj(o.networkProfile) && Array.isArray(o.agentPoolProfiles)),
  );
  if (clusters.length) return accepted('cluster', clusters.length, 'cluster', { clusters });
  if (types.has('microsoft.network/networksecuritygroups'))
    return accepted('nsgs', only('microsoft.network/networksecuritygroups').length, 'nsgs', { nsgs: only('microsoft.network/networksecuritygroups') });
  if (types.has('microsoft.network/networksecuritygroups/securityrules')) {
    const rules = only('microsoft.network/networksecuritygroups/securityrules');
    return accepted('nsgs', rules.length, 'nsgs', { nsgRules: rules }, { rulesOnly: 1 });
  }
  for (const [t, seen] of Object.entries(LB_CHILD_COMMANDS)) {
    if (types.has(t)) return problem('other-command', 'problem.lb-child', 'loadBalancer', { seen });
  }
  if (types.has('microsoft.network/natgateways')) return problem('other-command', 'problem.other-az', 'publicIps', { seen: 'az network nat gateway' });
  const anyType = [...types].find(Boolean);
  if (anyType) return problem('other-command', 'problem.other-az', 'publicIps', { seen: anyType });
  return problem('unrecognised', 'problem.unrecognised-json', undefined);
}

/** Column headers of the tables kubectl and az print, and the JSON command to ask for instead. */
const TABLES: { test: RegExp; command: CommandKey; seen: string }[] = [
  { test: /^(NAMESPACE\s+)?NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)/, command: 'services', seen: 'kubectl get svc' },
  { test: /^(NAMESPACE\s+)?LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE/, command: 'events', seen: 'kubectl get events' },
  { test: /^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION/, command: 'cluster', seen: 'kubectl get nodes' },
  { test: /^Name\s+ResourceGroup\s+Location\s+Zones\s+Address/, command: 'publicIps', seen: 'az network public-ip list -o table' },
  {
    test: /^Name\s+(PrivateIPAddress\s+)?(PrivateIPAddressVersion\s+)?PrivateIPAllocationMethod/,
    command: 'loadBalancer',
    seen: 'az network lb frontend-ip list -o table',
  },
  { test: /^BackendPort\s+DisableOutboundSnat/, command: 'loadBalancer', seen: 'az network lb rule list -o table' },
  { test: /^AllocatedOutboundPorts\s+EnableTcpReset/, command: 'loadBalancer', seen: 'az network lb outbound-rule list -o table' },
  { test: /^IntervalInSeconds\s+Name\s+NumberOfProbes/, command: 'loadBalancer', seen: 'az network lb probe list -o table' },
  { test: /^Location\s+Name\s+ProvisioningState\s+ResourceGroup/, command: 'loadBalancer', seen: 'az network lb list -o table' },
  { test: /^Name\s+Location\s+ResourceGroup\s+KubernetesVersion/, command: 'cluster', seen: 'az aks show -o table' },
  {
    test: /^(Name\s+ResourceGroup\s+Priority|Location\s+Name\s+ProvisioningState\s+ResourceGroup\s+ResourceGuid)/,
    command: 'nsgs',
    seen: 'az network nsg -o table',
  },
];

function fromText(text: string): Recognition {
  const lines = text.split('\n');
  const first = lines[0]!.trim();
  // Errors printed instead of output.
  if (/^(ERROR|error)[:\s]|^Error from server|^The connection to the server|^Unable to connect to the server|^\(\w+\) /.test(first)) {
    return problem('command-error', 'problem.command-error', undefined, { first: first.slice(0, 200) });
  }
  // Another cloud's table or text.
  if (/amazonaws\.com|arn:aws:|googleapis\.com/.test(text) || /^NAME\s+ADDRESS\/RANGE\s+TYPE/.test(first)) {
    return problem('other-cloud', 'problem.other-cloud', 'services', { cloud: /googleapis|ADDRESS\/RANGE/.test(text) ? 'Google Cloud' : 'AWS' });
  }
  for (const t of TABLES) {
    if (t.test.test(first)) return problem('table-output', 'problem.table', t.command, { seen: t.seen });
  }
  if (/^-{3,}(\s+-{3,})+\s*$/.test(lines[1] ?? '')) return problem('table-output', 'problem.table', undefined, { seen: 'az … -o table' });
  if (/^[A-Z][A-Z()-]*(\s{2,}[A-Z][A-Z()-]*(\s[A-Z]+)?)+\s*$/.test(first) && lines.length > 1)
    return problem('table-output', 'problem.table', undefined, { seen: 'kubectl get' });
  if (/^Name:\s+\S/.test(first) && lines.some((l) => /^(Namespace|Type|Events):/.test(l)))
    return problem('describe-output', 'problem.describe', 'services', {});
  if (
    /^(apiVersion|kind|items|metadata):/m.test(text.split('\n').slice(0, 5).join('\n')) ||
    /^- (\w+):/.test(first) ||
    (/^\w[\w-]*:\s/.test(first) && lines.length > 2 && lines.slice(0, 6).every((l) => /^(\s+|- |\w[\w-]*:)/.test(l)))
  ) {
    return problem('yaml-output', 'problem.yaml', undefined, {});
  }
  // `az aks show --query nodeResourceGroup -o tsv` prints just the name.
  if (lines.length === 1 && /^[\w.()-]{1,90}$/.test(first) && !/^\d+(\.\d+)*$/.test(first)) {
    return result({
      ok: true,
      kind: 'node-resource-group',
      count: 1,
      command: 'nodeResourceGroup',
      code: 'input.node-resource-group',
      params: { name: first },
      parsed: { nodeResourceGroups: [first] },
    });
  }
  return problem('unrecognised', 'problem.unrecognised', undefined, {});
}

export function recognize(raw: string): Recognition {
  const notes: Recognition['notes'] = [];
  let text = normalize(raw, notes);
  if (!text) return result({ ok: true, kind: 'empty', count: 0, code: 'input.empty', notes });
  text = skipLeadIn(text, notes);
  let r: Recognition;
  if (text.startsWith('{') || text.startsWith('[')) {
    let v: unknown;
    let parsed = false;
    try {
      v = JSON.parse(text);
      parsed = true;
    } catch {
      /* located below */
    }
    if (parsed) r = fromJson(v);
    else r = broken(text);
  } else r = fromText(text);
  if (REDACTED_SUB.test(text)) notes.push({ code: 'note.redacted', params: {} });
  r.notes = [...notes, ...r.notes];
  return r;
}

/** A JSON text that did not parse: cut short, broken in the middle, or two outputs pasted together. */
function broken(text: string): Recognition {
  const b = findJsonBreak(text);
  if (!b) return problem('invalid-json', 'problem.invalid-json', undefined, { line: 1, column: 1, near: '' });
  if (b.kind === 'trailing' && /^[{[]/.test(text.slice(b.offset))) {
    // Several outputs in one box: explain each part (the page says so).
    const first = recognize(text.slice(0, b.valueEnd));
    const rest = recognize(text.slice(b.offset));
    if (first.ok && rest.ok) {
      return {
        ...first,
        parsed: merge(first.parsed, rest.parsed),
        notes: [...first.notes, ...rest.notes, { code: 'note.several', params: { second: rest.code } }],
      };
    }
  }
  const { line, column } = lineColumn(text, b.offset);
  if (b.kind === 'end') {
    const end = lineColumn(text, text.length);
    return problem('truncated', 'problem.truncated', undefined, { line: end.line, column: end.column }, { line: end.line, column: end.column });
  }
  const near = text.slice(b.offset, b.offset + 24).split('\n')[0]!;
  return problem('invalid-json', 'problem.invalid-json', undefined, { line, column, near }, { line, column });
}

export function merge(a: Partial<Parsed>, b: Partial<Parsed>): Partial<Parsed> {
  const out: Partial<Parsed> = { ...a };
  for (const [k, v] of Object.entries(b) as [keyof Parsed, unknown[]][]) {
    (out as Record<string, unknown[]>)[k] = [...((out[k] as unknown[] | undefined) ?? []), ...v];
  }
  return out;
}
