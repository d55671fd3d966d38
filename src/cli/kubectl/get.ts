import { ApiError } from '../../sim/kube/errors';
import type { KubeObject } from '../../sim/kube/types';
import { evalJsonPathValues } from '../printers/jsonpath';
import { formatError, type KubectlCommand, KubectlError, type KubectlRun } from './common';
import { bool, list, str } from './flags';
import { type Group, parseOutput, renderObjects } from './output';
import { parseResourceArgs } from './resources';

/** `--sort-by=.lastTimestamp`: numbers numerically, everything else as text; missing values first. */
function sortItems(items: KubeObject[], expr: string): KubeObject[] {
  const key = (o: KubeObject) => evalJsonPathValues(expr, o)[0];
  return [...items].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x === undefined || y === undefined) return x === undefined ? (y === undefined ? 0 : -1) : 1;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    const sx = typeof x === 'object' ? JSON.stringify(x) : String(x);
    const sy = typeof y === 'object' ? JSON.stringify(y) : String(y);
    return sx < sy ? -1 : sx > sy ? 1 : 0;
  });
}

const REQUIRED = `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
See 'kubectl get -h' for help and examples
`;

export const getCommand: KubectlCommand = {
  name: 'get',
  short: 'Display one or many resources',
  usage:
    'kubectl get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]',
  long: 'Display one or many resources.\n\n Prints a table of the most important information about the specified resources. You can filter the list using a label selector and the --selector flag. If the desired resource type is namespaced you will only see results in the current namespace unless you pass --all-namespaces.',
  examples: `  # List all pods in ps output format
  kubectl get pods

  # List all pods in ps output format with more information (such as node name)
  kubectl get pods -o wide

  # List a single service with specified NAME in JSON output format
  kubectl get -o json svc web

  # Return only the external IP of a LoadBalancer service
  kubectl get svc web -o jsonpath='{.status.loadBalancer.ingress[0].ip}'

  # List all services in all namespaces
  kubectl get services -A`,
  flags: [
    { name: 'all-namespaces', short: 'A', type: 'bool', usage: 'If present, list the requested object(s) across all namespaces.' },
    {
      name: 'output',
      short: 'o',
      type: 'string',
      usage:
        'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file, wide).',
    },
    { name: 'selector', short: 'l', type: 'string', usage: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'." },
    { name: 'field-selector', type: 'string', usage: "Selector (field query) to filter on, supports '=', '==', and '!='." },
    { name: 'watch', short: 'w', type: 'bool', usage: 'After listing/getting the requested object, watch for changes.' },
    { name: 'show-labels', type: 'bool', usage: 'When printing, show all labels as the last column.' },
    { name: 'no-headers', type: 'bool', usage: "When using the default or custom-column output format, don't print headers." },
    { name: 'show-kind', type: 'bool', usage: 'If present, list the resource type for the requested object(s).' },
    { name: 'ignore-not-found', type: 'bool', usage: 'If the requested object does not exist the command will return exit code 0.' },
    { name: 'chunk-size', type: 'int', default: 500, usage: 'Return large lists in chunks rather than all at once.' },
    {
      name: 'sort-by',
      type: 'string',
      usage:
        "If non-empty, sort list types using this field specification.  The field specification is expressed as a JSONPath expression (e.g. '{.metadata.name}').",
    },
    { name: 'show-managed-fields', type: 'bool', usage: 'If true, keep the managedFields when printing objects in JSON or YAML format.' },
    { name: 'label-columns', short: 'L', type: 'stringSlice', usage: 'Accepts a comma separated list of labels that are going to be presented as columns.' },
  ],
  run: runGet,
};

/**
 * `-w`: kubectl streams a row per change until interrupted. The lab cannot stream, so virtual
 * time runs until the cluster is idle (at most five virtual minutes) and every row that changed
 * is appended, aligned to the header's columns like kubectl's remembered tabwriter widths.
 */
async function watchRows(k: KubectlRun, groups: Group[], initial: string, render: (items: Group[]) => string): Promise<string> {
  const first = initial.split('\n').filter(Boolean);
  if (!first.length) return initial;
  const starts = [0, ...[...first[0].matchAll(/\s{3,}(?=\S)/g)].map((m) => m.index + m[0].length)];
  const widths = starts.map((st, i) => (starts[i + 1] ?? st) - st);
  const rowsOf = (text: string, items: KubeObject[]) => {
    const rows = text.split('\n').filter(Boolean).slice(1);
    return new Map(items.map((o, i) => [`${o.metadata.namespace ?? ''}/${o.metadata.name}`, (rows[i] ?? '').split(/\s{3,}/)]));
  };
  let last = rowsOf(initial, groups[0].items);
  let out = initial;
  for (let t = 0; t < 300 && k.ctx.clock.hasBusyTimers(); t++) {
    await k.ctx.advance(1000);
    const items = groups[0].items.map((o) => k.ctx.kube.peek(o.kind, o.metadata.name, o.metadata.namespace)).filter((x): x is KubeObject => !!x);
    const now = rowsOf(render([{ type: groups[0].type, items }]), items);
    for (const [key, cells] of now) {
      const before = last.get(key);
      const changed = !before || before.slice(0, -1).join('|') !== cells.slice(0, -1).join('|');
      if (changed) out += cells.map((c, i) => (i < cells.length - 1 ? c.padEnd(Math.max(widths[i] ?? 0, c.length + 3)) : c)).join('') + '\n';
    }
    last = now;
  }
  return out;
}

async function runGet(k: KubectlRun) {
  if (!k.args.length) return { stdout: '', stderr: REQUIRED, exitCode: 1 };
  const spec = parseOutput(str(k.flags, 'output'));
  const allNs = bool(k.flags, 'all-namespaces');
  const res = parseResourceArgs(k.ctx.kube, k.args);
  if (allNs && res.targets.some((t) => t.names && t.type.namespaced)) throw new KubectlError('a resource cannot be retrieved by name across all namespaces');
  const selector = str(k.flags, 'selector') || undefined;
  const fieldSelector = str(k.flags, 'field-selector') || undefined;
  const groups: Group[] = [];
  const errors: string[] = [];
  const kube = k.ctx.kube;
  for (const t of res.targets) {
    const ns = t.type.namespaced ? (allNs && !t.names ? undefined : k.namespace) : undefined;
    if (t.names) {
      const items: KubeObject[] = [];
      for (const name of t.names) {
        const o = kube.peek(t.type.kind, name, ns);
        if (o) items.push(o);
        else if (!bool(k.flags, 'ignore-not-found'))
          errors.push(formatError(new ApiError('NotFound', `${t.type.group ? `${t.type.plural}.${t.type.group}` : t.type.plural} "${name}" not found`)));
      }
      groups.push({ type: t.type, items });
    } else {
      groups.push({ type: t.type, items: kube.select(t.type.kind, { namespace: ns, labelSelector: selector, fieldSelector }) });
    }
  }
  const sortBy = str(k.flags, 'sort-by');
  if (sortBy) for (const g of groups) g.items = sortItems(g.items, sortBy);
  const total = groups.reduce((n, g) => n + g.items.length, 0);
  const render = (gs: Group[]) =>
    renderObjects(gs, spec, {
      now: k.ctx.clock.now(),
      allNamespaces: allNs,
      multipleTypes: res.multipleTypes || bool(k.flags, 'show-kind'),
      singleItem: res.singleItem,
      noHeaders: bool(k.flags, 'no-headers'),
      showLabels: bool(k.flags, 'show-labels'),
      labelColumns: list(k.flags, 'label-columns'),
      showManagedFields: bool(k.flags, 'show-managed-fields'),
    });
  // Nothing found by name: kubectl prints only the errors (no empty List).
  const onlyNamed = res.targets.every((t) => t.names);
  let stdout = total || (spec.kind !== 'table' && !onlyNamed) ? render(groups) : '';
  if (bool(k.flags, 'watch') && spec.kind === 'table' && total && groups.length === 1) stdout = await watchRows(k, groups, stdout, render);
  let stderr = '';
  // Only the human-readable printers say so; -o name/jsonpath/json/yaml print an empty result.
  if (!total && !errors.length && !res.targets.some((t) => t.names) && spec.kind === 'table') {
    const anyNamespaced = res.targets.some((t) => t.type.namespaced);
    stderr = allNs || !anyNamespaced ? 'No resources found\n' : `No resources found in ${k.namespace} namespace.\n`;
  }
  if (errors.length) stderr += errors.join('\n') + '\n';
  return { stdout, stderr, exitCode: errors.length ? 1 : 0 };
}
