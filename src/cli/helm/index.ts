/**
 * `helm` (issue #4, Ingress): repo add|update|list, install|upgrade|uninstall|list|status for the
 * charts the lab carries: `ingress-nginx/ingress-nginx` (chart.ts) and, for EKS (issue 17),
 * `eks/aws-load-balancer-controller` (lbc-chart.ts, loaded when first named). Like helm 3, it talks only
 * to the Kubernetes API: chart objects go through the kube store, and each release revision is a
 * Secret `sh.helm.release.v1.<name>.v<N>` (type helm.sh/release.v1) in the release namespace.
 * Repositories live in the shell's ~/.config/helm/repositories.yaml (in-memory files).
 * LAST DEPLOYED is virtual time (Go's time.ANSIC in UTC).
 */
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import { ApiError } from '../../sim/kube/errors';
import type { KubeObjectInput } from '../../sim/kube/types';
import type { CliContext } from '../context';
import { parseYamlValue } from '../kubectl/manifests';
import { type CommandFn, type ExecResult, resolvePath, type ShellState } from '../shell/types';
import * as nginx from './chart';
import { APP_VERSION, mergeValues, REPO_URL, type Values } from './chart';

/** What install/upgrade need of a chart; `crds` is the chart's crds/ directory, installed first and never removed. */
interface Chart {
  CHART_NAME: string;
  CHART_VERSION: string;
  APP_VERSION: string;
  defaultValues(): Values;
  render(release: string, namespace: string, values: Values): KubeObjectInput[];
  notes(release: string, namespace: string, values: Values): string;
  templateError?(values: Values): string | undefined;
  installCrds?(kube: CliContext['kube']): void;
}

/** The repositories `helm repo add` reaches, and the one chart of each that the lab carries. */
const EKS_REPO_URL = 'https://aws.github.io/eks-charts';
const CHARTS: Record<string, { chart: string; load: () => Promise<Chart> }> = {
  [REPO_URL]: { chart: nginx.CHART_NAME, load: async () => nginx },
  [EKS_REPO_URL]: { chart: 'aws-load-balancer-controller', load: () => import('./lbc-chart') },
};

const REPO_FILE = '/home/azureuser/.config/helm/repositories.yaml';
const out = (stdout: string): ExecResult => ({ stdout, stderr: '', exitCode: 0 });
const err = (msg: string, stdout = ''): ExecResult => ({ stdout, stderr: `Error: ${msg}\n`, exitCode: 1 });

class HelmError extends Error {}

interface Repo {
  name: string;
  url: string;
}

function repos(shell: ShellState): Repo[] {
  const text = shell.files.get(REPO_FILE);
  if (!text) return [];
  const doc = parseYaml(text) as { repositories?: Repo[] } | null;
  return doc?.repositories ?? [];
}

function saveRepos(shell: ShellState, list: Repo[]): void {
  shell.files.set(REPO_FILE, toYaml({ apiVersion: '', generated: '0001-01-01T00:00:00Z', repositories: list.map((r) => ({ name: r.name, url: r.url })) }));
}

/** Go time.ANSIC: `Mon Jan _2 15:04:05 2006`. */
function ansic(ms: number): string {
  const d = new Date(ms);
  const [wd, mon] = [
    ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()],
    ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()],
  ];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${wd} ${mon} ${String(d.getUTCDate()).padStart(2, ' ')} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

/** Go time.Time.String(): `2006-01-02 15:04:05.999999999 -0700 MST` (fraction trimmed). */
function goTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  const frac = iso.slice(20, 23).replace(/0+$/, '');
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${frac ? '.' + frac : ''} +0000 UTC`;
}

// ---- flags -------------------------------------------------------------------------------

interface Flags {
  args: string[];
  namespace?: string;
  createNamespace: boolean;
  sets: { expr: string; string: boolean }[];
  valueFiles: string[];
  install: boolean;
  reuseValues: boolean;
  resetValues: boolean;
  allNamespaces: boolean;
  wait: boolean;
  forceUpdate: boolean;
  output?: string;
}

const VALUE_FLAGS = new Set([
  '--version',
  '--timeout',
  '--kube-context',
  '--description',
  '--kubeconfig',
  '--repo',
  '--username',
  '--password',
  '--post-renderer',
  '--max',
  '--filter',
]);

function parseFlags(argv: string[]): Flags {
  const f: Flags = {
    args: [],
    createNamespace: false,
    sets: [],
    valueFiles: [],
    install: false,
    reuseValues: false,
    resetValues: false,
    allNamespaces: false,
    wait: false,
    forceUpdate: false,
  };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let inline: string | undefined;
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    if (eq > 0) [a, inline] = [a.slice(0, eq), a.slice(eq + 1)];
    const value = () => {
      if (inline !== undefined) return inline;
      const v = argv[++i];
      if (v === undefined) throw new HelmError(`flag needs an argument: ${a}`);
      return v;
    };
    if (a === '-n' || a === '--namespace') f.namespace = value();
    else if (a === '--create-namespace') f.createNamespace = true;
    else if (a === '--set') f.sets.push({ expr: value(), string: false });
    else if (a === '--set-string') f.sets.push({ expr: value(), string: true });
    else if (a === '-f' || a === '--values') f.valueFiles.push(value());
    else if (a === '-i' || a === '--install') f.install = true;
    else if (a === '--reuse-values') f.reuseValues = true;
    else if (a === '--reset-values') f.resetValues = true;
    else if (a === '-A' || a === '--all-namespaces') f.allNamespaces = true;
    else if (a === '--wait' || a === '--atomic') f.wait = true;
    else if (a === '--force-update') f.forceUpdate = true;
    else if (a === '-o' || a === '--output') f.output = value();
    else if (VALUE_FLAGS.has(a)) value();
    else if (a.startsWith('-') && a !== '-') {
      if (['--debug', '--dry-run', '--devel', '--skip-crds', '--cleanup-on-fail', '--force', '--no-hooks', '--keep-history'].includes(a)) continue;
      throw new HelmError(`unknown flag: ${argv[i]}`);
    } else f.args.push(a);
  }
  return f;
}

/** `--set a.b=1,c\.d=x`: dots split keys unless escaped; commas split assignments unless escaped. */
export function parseSet(expr: string, asString: boolean): Values {
  const result: Values = {};
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < expr.length; i++) {
    if (expr[i] === '\\' && i + 1 < expr.length) cur += expr[i] + expr[++i];
    else if (expr[i] === ',') parts.push(cur), (cur = '');
    else cur += expr[i];
  }
  parts.push(cur);
  for (const part of parts) {
    if (!part) continue;
    const eq = part.search(/(?<!\\)=/);
    if (eq < 0) throw new HelmError(`failed parsing --set data: key "${part}" has no value`);
    const keys: string[] = [];
    let k = '';
    const key = part.slice(0, eq);
    for (let i = 0; i < key.length; i++) {
      if (key[i] === '\\' && i + 1 < key.length) k += key[++i];
      else if (key[i] === '.') keys.push(k), (k = '');
      else k += key[i];
    }
    keys.push(k);
    const raw = part.slice(eq + 1).replace(/\\(.)/g, '$1');
    let v: unknown = raw;
    if (!asString) {
      if (raw === 'true' || raw === 'false') v = raw === 'true';
      else if (raw === 'null') v = null;
      else if (/^-?\d+$/.test(raw)) v = Number(raw);
      else if (/^\{\s*\}$/.test(raw)) v = {};
    }
    let o = result;
    keys.slice(0, -1).forEach((kk) => {
      if (typeof o[kk] !== 'object' || o[kk] === null) o[kk] = {};
      o = o[kk] as Values;
    });
    o[keys[keys.length - 1]] = v;
  }
  return result;
}

function userValues(f: Flags, shell: ShellState): Values {
  let v: Values = {};
  for (const file of f.valueFiles) {
    const text = shell.files.get(resolvePath(shell, file));
    if (text === undefined) throw new HelmError(`open ${file}: no such file or directory`);
    let doc: unknown;
    try {
      doc = parseYamlValue(text);
    } catch (e) {
      throw new HelmError(`failed to parse ${file}: ${(e as Error).message.split('\n')[0]}`);
    }
    if (doc && typeof doc === 'object') v = mergeValues(v, doc as Values);
  }
  for (const s of f.sets) v = mergeValues(v, parseSet(s.expr, s.string));
  return v;
}

// ---- releases (Secrets) -----------------------------------------------------------------

interface Release {
  name: string;
  namespace: string;
  version: number;
  status: string;
  firstDeployed: number;
  lastDeployed: number;
  description: string;
  chart: string;
  /** Absent in releases saved before a second chart existed (ingress-nginx's). */
  appVersion?: string;
  config: Values;
  manifest: { apiVersion: string; kind: string; name: string; namespace?: string }[];
  notes: string;
}

const b64 = (s: string) => btoa(String.fromCharCode(...new TextEncoder().encode(s)));
const unb64 = (s: string) => new TextDecoder().decode(Uint8Array.from(atob(s), (c) => c.charCodeAt(0)));
const secretName = (name: string, v: number) => `sh.helm.release.v1.${name}.v${v}`;

function releaseSecrets(ctx: CliContext, namespace?: string): Release[] {
  return ctx.kube
    .select('Secret', { ...(namespace ? { namespace } : {}), labelSelector: 'owner=helm' })
    .map((s) => JSON.parse(unb64(String((s.data as Record<string, string>).release))) as Release);
}

function history(ctx: CliContext, name: string, namespace: string): Release[] {
  return releaseSecrets(ctx, namespace)
    .filter((r) => r.name === name)
    .sort((a, b) => a.version - b.version);
}

function saveRelease(ctx: CliContext, r: Release): void {
  const body: KubeObjectInput = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: secretName(r.name, r.version),
      namespace: r.namespace,
      labels: { name: r.name, owner: 'helm', status: r.status, version: String(r.version) },
    },
    type: 'helm.sh/release.v1',
    data: { release: b64(JSON.stringify(r)) },
  };
  if (ctx.kube.peek('Secret', secretName(r.name, r.version), r.namespace)) {
    const live = ctx.kube.get('Secret', secretName(r.name, r.version), r.namespace);
    ctx.kube.update({ ...body, metadata: { ...live.metadata, labels: body.metadata!.labels } });
  } else ctx.kube.create(body);
}

function statusText(r: Release, withNotes = true): string {
  return `NAME: ${r.name}\nLAST DEPLOYED: ${ansic(r.lastDeployed)}\nNAMESPACE: ${r.namespace}\nSTATUS: ${r.status}\nREVISION: ${r.version}\nTEST SUITE: None\n${withNotes ? `NOTES:\n${r.notes}` : ''}`;
}

// ---- chart resolution and object writes ---------------------------------------------------

async function resolveChart(ref: string, shell: ShellState): Promise<Chart> {
  const slash = ref.indexOf('/');
  if (slash < 0) throw new HelmError(`non-absolute URLs should be in form of repo_name/path_to_chart, got: ${ref}`);
  const [repo, chart] = [ref.slice(0, slash), ref.slice(slash + 1)];
  const r = repos(shell).find((x) => x.name === repo);
  if (!r) throw new HelmError(`repo ${repo} not found`);
  const known = CHARTS[r.url];
  if (chart !== known?.chart) throw new HelmError(`chart "${chart}" matching  not found in ${repo} index. (try 'helm repo update'): no chart name found`);
  return known.load();
}

/** Renders a chart, failing as its templates would; installs its CRDs first. */
function renderChart(ctx: CliContext, chart: Chart, name: string, ns: string, values: Values): KubeObjectInput[] {
  const failed = chart.templateError?.(values);
  if (failed) throw new HelmError(failed);
  chart.installCrds?.(ctx.kube);
  return chart.render(name, ns, values);
}

const keyOf = (o: { kind: string; name: string; namespace?: string }) => `${o.kind}/${o.namespace ?? ''}/${o.name}`;

function checkOwnership(ctx: CliContext, objs: KubeObjectInput[], release: string, namespace: string): void {
  for (const o of objs) {
    const live = ctx.kube.peek(String(o.kind), o.metadata!.name!, o.metadata!.namespace);
    if (!live) continue;
    const ann = live.metadata.annotations ?? {};
    const problems: string[] = [];
    if (live.metadata.labels?.['app.kubernetes.io/managed-by'] !== 'Helm')
      problems.push(`label validation error: missing key "app.kubernetes.io/managed-by": must be set to "Helm"`);
    const rn = ann['meta.helm.sh/release-name'];
    if (rn === undefined) problems.push(`annotation validation error: missing key "meta.helm.sh/release-name": must be set to "${release}"`);
    else if (rn !== release) problems.push(`annotation validation error: key "meta.helm.sh/release-name" must equal "${release}": current value is "${rn}"`);
    const rns = ann['meta.helm.sh/release-namespace'];
    if (rns === undefined) problems.push(`annotation validation error: missing key "meta.helm.sh/release-namespace": must be set to "${namespace}"`);
    else if (rns !== namespace)
      problems.push(`annotation validation error: key "meta.helm.sh/release-namespace" must equal "${namespace}": current value is "${rns}"`);
    if (problems.length)
      throw new HelmError(
        `Unable to continue with install: ${o.kind} "${o.metadata!.name}" in namespace "${o.metadata!.namespace ?? ''}" exists and cannot be imported into the current release: invalid ownership metadata; ${problems.join('; ')}`,
      );
  }
}

function applyObjects(ctx: CliContext, objs: KubeObjectInput[], previous: Release['manifest']): Release['manifest'] {
  const manifest: Release['manifest'] = [];
  for (const o of objs) {
    const kind = String(o.kind);
    const name = o.metadata!.name!;
    const ns = o.metadata!.namespace;
    if (ctx.kube.peek(kind, name, ns)) ctx.kube.patch(kind, name, ns, o, 'strategic');
    else ctx.kube.create(o, ns ? { namespace: ns } : {});
    manifest.push({ apiVersion: String(o.apiVersion), kind, name, ...(ns ? { namespace: ns } : {}) });
  }
  const keep = new Set(manifest.map(keyOf));
  for (const old of [...previous].reverse())
    if (!keep.has(keyOf(old)) && ctx.kube.peek(old.kind, old.name, old.namespace)) ctx.kube.delete(old.kind, old.name, old.namespace);
  return manifest;
}

// ---- subcommands --------------------------------------------------------------------------

function repoCmd(f: Flags, shell: ShellState): ExecResult {
  const [, sub, name, url] = f.args;
  const list = repos(shell);
  if (sub === 'add') {
    if (!name || !url) return err(`"helm repo add" requires 2 arguments\n\nUsage:  helm repo add [NAME] [URL] [flags]`);
    const existing = list.find((r) => r.name === name);
    if (existing && existing.url === url.replace(/\/$/, '') && !f.forceUpdate) return out(`"${name}" already exists with the same configuration, skipping\n`);
    if (existing && !f.forceUpdate) return err(`repository name (${name}) already exists, please specify a different name`);
    if (!CHARTS[url.replace(/\/$/, '')])
      return err(
        `looks like "${url}" is not a valid chart repository or cannot be reached: failed to fetch ${url.replace(/\/$/, '')}/index.yaml : 404 Not Found`,
      );
    saveRepos(shell, [...list.filter((r) => r.name !== name), { name, url: url.replace(/\/$/, '') }]);
    return out(`"${name}" has been added to your repositories\n`);
  }
  if (sub === 'update' || sub === 'up') {
    if (!list.length) return err('no repositories found. You must add one before updating');
    const pick = f.args.slice(2);
    for (const p of pick) if (!list.some((r) => r.name === p)) return err(`no repositories found matching '${p}'.  Nothing will be updated`);
    const which = pick.length ? list.filter((r) => pick.includes(r.name)) : list;
    return out(
      `Hang tight while we grab the latest from your chart repositories...\n${which.map((r) => `...Successfully got an update from the "${r.name}" chart repository\n`).join('')}Update Complete. ⎈Happy Helming!⎈\n`,
    );
  }
  if (sub === 'list' || sub === 'ls') {
    if (!list.length) return err('no repositories to show');
    return out(table([['NAME', 'URL'], ...list.map((r) => [r.name, r.url])]));
  }
  if (sub === 'remove' || sub === 'rm') {
    if (!name) return err('need at least one argument, name of chart repository');
    if (!list.some((r) => r.name === name)) return err(`no repo named "${name}" found`);
    saveRepos(
      shell,
      list.filter((r) => r.name !== name),
    );
    return out(`"${name}" has been removed from your repositories\n`);
  }
  return err(`unknown command "${sub ?? ''}" for "helm repo"`);
}

/** gosuri/uitable as helm uses it: every cell padded to its column, joined by a tab. */
function table(rows: string[][]): string {
  const w = rows[0].map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(w[i])).join('\t')).join('\n') + '\n';
}

function ensureNamespace(ctx: CliContext, ns: string, create: boolean, verb: string): void {
  if (ctx.kube.peek('Namespace', ns)) return;
  if (!create) throw new HelmError(`${verb}: failed to create: namespaces "${ns}" not found`);
  ctx.kube.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
}

async function install(ctx: CliContext, f: Flags, shell: ShellState, name: string, chartRef: string, ns: string): Promise<ExecResult> {
  try {
    const chart = await resolveChart(chartRef, shell);
    const config = userValues(f, shell);
    if (releaseSecrets(ctx).some((r) => r.name === name && r.namespace === ns && r.status !== 'uninstalled'))
      throw new HelmError('cannot re-use a name that is still in use');
    if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name) || name.length > 53)
      throw new HelmError(
        `release name "${name}": invalid release name, must match regex ^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$ and the length must not be longer than 53`,
      );
    ensureNamespace(ctx, ns, f.createNamespace, 'create');
    const values = mergeValues(chart.defaultValues(), config);
    const objs = renderChart(ctx, chart, name, ns, values);
    checkOwnership(ctx, objs, name, ns);
    const now = ctx.clock.now();
    const manifest = applyObjects(ctx, objs, []);
    const r: Release = {
      name,
      namespace: ns,
      version: 1,
      status: 'deployed',
      firstDeployed: now,
      lastDeployed: now,
      description: 'Install complete',
      chart: `${chart.CHART_NAME}-${chart.CHART_VERSION}`,
      appVersion: chart.APP_VERSION,
      config,
      manifest,
      notes: chart.notes(name, ns, values),
    };
    saveRelease(ctx, r);
    if (f.wait) await ctx.settle();
    return out(statusText(r));
  } catch (e) {
    return err(`INSTALLATION FAILED: ${e instanceof ApiError || e instanceof HelmError ? e.message : String(e)}`);
  }
}

async function upgrade(ctx: CliContext, f: Flags, shell: ShellState, ns: string): Promise<ExecResult> {
  const [, name, chartRef] = f.args;
  if (!name || !chartRef) return err(`"helm upgrade" requires 2 arguments\n\nUsage:  helm upgrade [RELEASE] [CHART] [flags]`);
  const hist = history(ctx, name, ns);
  const last = hist[hist.length - 1];
  if (!last || last.status === 'uninstalled') {
    if (!f.install) return err(`UPGRADE FAILED: "${name}" has no deployed releases`);
    const r = await install(ctx, f, shell, name, chartRef, ns);
    return r.exitCode ? r : out(`Release "${name}" does not exist. Installing it now.\n` + r.stdout);
  }
  try {
    const chart = await resolveChart(chartRef, shell);
    const given = userValues(f, shell);
    const noneGiven = !f.sets.length && !f.valueFiles.length;
    const config = f.reuseValues ? mergeValues(last.config, given) : !f.resetValues && noneGiven ? last.config : given;
    const values = mergeValues(chart.defaultValues(), config);
    const objs = renderChart(ctx, chart, name, ns, values);
    const owned = new Set(last.manifest.map(keyOf));
    checkOwnership(
      ctx,
      objs.filter((o) => !owned.has(keyOf({ kind: String(o.kind), name: o.metadata!.name!, namespace: o.metadata!.namespace }))),
      name,
      ns,
    );
    const manifest = applyObjects(ctx, objs, last.manifest);
    saveRelease(ctx, { ...last, status: 'superseded', description: 'Superseded' });
    const now = ctx.clock.now();
    const r: Release = {
      ...last,
      version: last.version + 1,
      status: 'deployed',
      lastDeployed: now,
      description: 'Upgrade complete',
      chart: `${chart.CHART_NAME}-${chart.CHART_VERSION}`,
      appVersion: chart.APP_VERSION,
      config,
      manifest,
      notes: chart.notes(name, ns, values),
    };
    saveRelease(ctx, r);
    if (f.wait) await ctx.settle();
    return out(`Release "${name}" has been upgraded. Happy Helming!\n` + statusText(r));
  } catch (e) {
    return err(`UPGRADE FAILED: ${e instanceof ApiError || e instanceof HelmError ? e.message : String(e)}`);
  }
}

function uninstall(ctx: CliContext, f: Flags, ns: string): ExecResult {
  const names = f.args.slice(1);
  if (!names.length) return err(`"helm uninstall" requires at least 1 argument\n\nUsage:  helm uninstall RELEASE_NAME [...] [flags]`);
  let stdout = '';
  for (const name of names) {
    const hist = history(ctx, name, ns);
    const last = hist[hist.length - 1];
    if (!last) return err(`uninstall: Release not loaded: ${name}: release: not found`, stdout);
    for (const o of [...last.manifest].reverse()) if (ctx.kube.peek(o.kind, o.name, o.namespace)) ctx.kube.delete(o.kind, o.name, o.namespace);
    for (const r of hist) ctx.kube.delete('Secret', secretName(r.name, r.version), ns);
    stdout += `release "${name}" uninstalled\n`;
  }
  return out(stdout);
}

function listCmd(ctx: CliContext, f: Flags, ns: string): ExecResult {
  const latest = new Map<string, Release>();
  for (const r of releaseSecrets(ctx, f.allNamespaces ? undefined : ns)) {
    const k = `${r.namespace}/${r.name}`;
    if ((latest.get(k)?.version ?? 0) < r.version) latest.set(k, r);
  }
  const rels = [...latest.values()].filter((r) => r.status === 'deployed' || r.status === 'failed').sort((a, b) => a.name.localeCompare(b.name));
  if (f.output === 'json' || f.output === 'yaml') {
    const items = rels.map((r) => ({
      name: r.name,
      namespace: r.namespace,
      revision: String(r.version),
      updated: goTime(r.lastDeployed),
      status: r.status,
      chart: r.chart,
      app_version: r.appVersion ?? APP_VERSION,
    }));
    return out(f.output === 'json' ? JSON.stringify(items) + '\n' : toYaml(items));
  }
  if (f.args.includes('-q') || f.args.includes('--short')) return out(rels.map((r) => r.name + '\n').join(''));
  return out(
    table([
      ['NAME', 'NAMESPACE', 'REVISION', 'UPDATED', 'STATUS', 'CHART', 'APP VERSION'],
      ...rels.map((r) => [r.name, r.namespace, String(r.version), goTime(r.lastDeployed), r.status, r.chart, r.appVersion ?? APP_VERSION]),
    ]),
  );
}

const HELP = `The Kubernetes package manager (External IP Lab: the ingress-nginx/ingress-nginx and eks/aws-load-balancer-controller charts only)

Usage:
  helm [command]

Available Commands:
  install     install a chart
  list        list releases
  repo        add, list, remove, update chart repositories
  status      display the status of the named release
  uninstall   uninstall a release
  upgrade     upgrade a release

Flags:
  -n, --namespace string    namespace scope for this request

Example:
  helm repo add ingress-nginx ${REPO_URL}
  helm repo update
  helm install ingress-nginx ingress-nginx/ingress-nginx -n ingress-basic --create-namespace \\
    --set controller.service.annotations."service\\.beta\\.kubernetes\\.io/azure-load-balancer-health-probe-request-path"=/healthz
`;

export const helmCommand: CommandFn<CliContext> = async ({ argv, ctx, shell }) => {
  let f: Flags;
  try {
    f = parseFlags(argv.slice(1).filter((a) => a !== '-q' && a !== '--short'));
    if (argv.includes('-q') || argv.includes('--short')) f.args.push('-q');
  } catch (e) {
    return err((e as Error).message);
  }
  const ns = f.namespace ?? 'default';
  const sub = f.args[0];
  if (!sub || argv.includes('--help') || argv.includes('-h')) return out(HELP);
  switch (sub) {
    case 'repo':
      return repoCmd(f, shell);
    case 'install': {
      const [, name, chart] = f.args;
      if (!name || !chart) return err(`INSTALLATION FAILED: must either provide a name or specify --generate-name`);
      return install(ctx, f, shell, name, chart, ns);
    }
    case 'upgrade':
      return upgrade(ctx, f, shell, ns);
    case 'uninstall':
    case 'delete':
    case 'del':
    case 'un':
      return uninstall(ctx, f, ns);
    case 'list':
    case 'ls':
      return listCmd(ctx, f, ns);
    case 'status': {
      const name = f.args[1];
      if (!name) return err(`"helm status" requires 1 argument\n\nUsage:  helm status RELEASE_NAME [flags]`);
      const hist = history(ctx, name, ns);
      const last = hist[hist.length - 1];
      return last ? out(statusText(last)) : err('release: not found');
    }
    case 'version':
      return out(`version.BuildInfo{Version:"v3.17.2", GitCommit:"cc0bbbd6d6276b83880042c1ecb34087e84d41eb", GitTreeState:"clean", GoVersion:"go1.23.7"}\n`);
    default:
      return err(`unknown command "${sub}" for "helm"\nRun 'helm --help' for usage.`);
  }
};
