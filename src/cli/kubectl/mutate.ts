import type { KubeObject } from '../../sim/kube/types';
import { resourcePrefix } from '../printers/kube-output';
import { resolvePath } from '../shell/types';
import { DRY_RUN, dryRunMode, dryRunSuffix } from './apply';
import { type KubectlCommand, KubectlError, type KubectlRun } from './common';
import { bool, str } from './flags';
import { parseYamlValue } from './manifests';
import { checkOutputFormat, printWritten } from './object-output';
import { parseResourceArgs } from './resources';

/** Objects named by `TYPE NAME…`, `TYPE/NAME…`, or `TYPE --all` / `-l`. */
function targets(k: KubectlRun, args: string[]): { kind: string; group: string; name: string; ns?: string }[] {
  const res = parseResourceArgs(k.ctx.kube, args);
  const out: { kind: string; group: string; name: string; ns?: string }[] = [];
  for (const t of res.targets) {
    const ns = t.type.namespaced ? k.namespace : undefined;
    if (t.names) for (const name of t.names) out.push({ kind: t.type.kind, group: t.type.group, name, ns });
    else {
      if (!bool(k.flags, 'all') && !str(k.flags, 'selector'))
        throw new KubectlError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
      for (const o of k.ctx.kube.select(t.type.kind, { namespace: ns, labelSelector: str(k.flags, 'selector') || undefined })) {
        out.push({ kind: t.type.kind, group: t.type.group, name: o.metadata.name, ns });
      }
    }
  }
  return out;
}

export const patchCommand: KubectlCommand = {
  name: 'patch',
  short: 'Update fields of a resource',
  long: 'Update fields of a resource using strategic merge patch, a JSON merge patch, or a JSON patch.\n\n JSON and YAML formats are accepted.',
  usage: 'kubectl patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE] [options]',
  examples: `  # Partially update a service to type LoadBalancer using a strategic merge patch
  kubectl patch svc web -p '{"spec":{"type":"LoadBalancer"}}'

  # Update an annotation with a JSON merge patch
  kubectl patch svc web --type merge -p '{"metadata":{"annotations":{"a":"b"}}}'`,
  flags: [
    { name: 'patch', short: 'p', type: 'string', usage: 'The patch to be applied to the resource JSON file.' },
    { name: 'type', type: 'string', default: 'strategic', usage: 'The type of patch being provided; one of [json merge strategic]' },
    { name: 'patch-file', type: 'string', usage: 'A file containing a patch to be applied to the resource.' },
    { name: 'output', short: 'o', type: 'string', usage: 'Output format.' },
    DRY_RUN,
  ],
  run(k) {
    let text = str(k.flags, 'patch');
    if (!text && str(k.flags, 'patch-file')) {
      const f = k.shell.files.get(resolvePath(k.shell, str(k.flags, 'patch-file')));
      if (f === undefined) throw new KubectlError(`unable to read patch file: open ${str(k.flags, 'patch-file')}: no such file or directory`);
      text = f;
    }
    if (!text) throw new KubectlError('must specify --patch or --patch-file containing the contents of the patch');
    const type = str(k.flags, 'type');
    if (!['json', 'merge', 'strategic'].includes(type)) throw new KubectlError(`--type must be one of [json merge strategic], not "${type}"`);
    if (!k.args.length) throw new KubectlError('must provide one or more resources');
    let patch: unknown;
    try {
      patch = parseYamlValue(text, { version: '1.1' });
    } catch (e) {
      throw new KubectlError(`unable to parse "${text}": yaml: ${(e as Error).message.split('\n')[0]}`);
    }
    if (type === 'json' && !Array.isArray(patch))
      throw new KubectlError(`unable to parse "${text}": json: cannot unmarshal object into Go value of type jsonpatch.Patch`);
    checkOutputFormat(str(k.flags, 'output'));
    const mode = dryRunMode(k);
    let stdout = '';
    const written: { object: unknown; name: string }[] = [];
    for (const t of targets(k, k.args)) {
      const before = k.ctx.kube.get(t.kind, t.name, t.ns);
      const after = k.ctx.kube.patch(t.kind, t.name, t.ns, patch, type as 'json' | 'merge' | 'strategic', {
        dryRun: mode !== 'none',
        fieldManager: 'kubectl-patch',
      });
      const unchanged = mode === 'none' && after.metadata.resourceVersion === before.metadata.resourceVersion;
      stdout += `${resourcePrefix(t.kind, t.group)}${t.name} patched${unchanged ? ' (no change)' : ''}${dryRunSuffix(mode)}\n`;
      written.push({ object: after, name: `${resourcePrefix(t.kind, t.group)}${t.name}` });
    }
    return { stdout: printWritten(str(k.flags, 'output'), written) ?? stdout, stderr: '', exitCode: 0 };
  },
};

/** kubectl's GetResourcesAndPairs: resources first, then `key=value` and `key-` (keys may hold a `/`). */
function splitPairs(args: string[], pairType: string): { resources: string[]; set: Record<string, string>; remove: string[] } {
  const isPair = (a: string) => (a.includes('=') && !a.startsWith('=')) || (a.endsWith('-') && a !== '-');
  const idx = args.findIndex(isPair);
  const resources = idx < 0 ? args : args.slice(0, idx);
  const pairs = idx < 0 ? [] : args.slice(idx);
  const stray = pairs.find((p) => !isPair(p));
  if (stray !== undefined) throw new KubectlError(`all resources must be specified before ${pairType} changes: ${stray}`);
  const set: Record<string, string> = {};
  const remove: string[] = [];
  for (const p of pairs) {
    if (p.endsWith('-') && !p.includes('=')) remove.push(p.slice(0, -1));
    else set[p.slice(0, p.indexOf('='))] = p.slice(p.indexOf('=') + 1);
  }
  return { resources, set, remove };
}

function metadataCommand(field: 'labels' | 'annotations'): KubectlCommand {
  const verb = field === 'labels' ? 'label' : 'annotate';
  const past = field === 'labels' ? 'labeled' : 'annotated';
  return {
    name: verb,
    short: field === 'labels' ? 'Update the labels on a resource' : 'Update the annotations on a resource',
    usage: `kubectl ${verb} [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]`,
    examples:
      field === 'labels'
        ? "  # Update service 'web' with the label 'tier' and the value 'frontend'\n  kubectl label svc web tier=frontend"
        : '  # Ask Azure for an internal load balancer\n  kubectl annotate svc web service.beta.kubernetes.io/azure-load-balancer-internal=true',
    flags: [
      { name: 'overwrite', type: 'bool', usage: 'If true, allow labels/annotations to be overwritten, otherwise reject updates that overwrite existing ones.' },
      { name: 'all', type: 'bool', usage: 'Select all resources, in the namespace of the specified resource types' },
      { name: 'selector', short: 'l', type: 'string', usage: 'Selector (label query) to filter on.' },
      { name: 'list', type: 'bool', usage: `If true, display the ${field} for a given resource.` },
      DRY_RUN,
    ],
    run(k) {
      const { resources, set, remove } = splitPairs(k.args, field === 'labels' ? 'label' : 'annotation');
      if (!resources.length) throw new KubectlError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
      if (!Object.keys(set).length && !remove.length && !bool(k.flags, 'list'))
        throw new KubectlError(`at least one ${field === 'labels' ? 'label' : 'annotation'} update is required`);
      const mode = dryRunMode(k);
      let stdout = '';
      for (const t of targets(k, resources)) {
        const obj: KubeObject = k.ctx.kube.get(t.kind, t.name, t.ns);
        const current = { ...(obj.metadata[field] ?? {}) };
        if (bool(k.flags, 'list')) {
          stdout += Object.entries(current)
            .map(([a, b]) => `${a}=${b}\n`)
            .join('');
          continue;
        }
        if (!bool(k.flags, 'overwrite')) {
          const clash = Object.keys(set).filter((key) => key in current && current[key] !== set[key]);
          if (clash.length) {
            throw new KubectlError(
              field === 'labels'
                ? `'${clash[0]}' already has a value (${current[clash[0]]}), and --overwrite is false`
                : `--overwrite is false but found the following declared annotation(s): ${clash.map((c) => `'${c}' already has a value (${current[c]})`).join('; ')}`,
            );
          }
        }
        const patchBody: Record<string, string | null> = { ...set };
        for (const r of remove) patchBody[r] = null;
        const changed = Object.keys(set).some((key) => current[key] !== set[key]) || remove.some((r) => r in current);
        if (changed && mode !== 'client') {
          k.ctx.kube.patch(t.kind, t.name, t.ns, { metadata: { [field]: patchBody } }, 'merge', {
            dryRun: mode === 'server',
            fieldManager: field === 'labels' ? 'kubectl-label' : 'kubectl-annotate',
          });
        }
        // kubectl label compares the object's JSON before and after: unchanged → "not labeled";
        // smaller without --overwrite (a key removed) → "unlabeled". annotate always says "annotated".
        const after = { ...current, ...set };
        for (const r of remove) delete after[r];
        const shrank = JSON.stringify(after).length < JSON.stringify(current).length && !bool(k.flags, 'overwrite');
        const word = field === 'labels' ? (!changed ? 'not labeled' : shrank ? 'unlabeled' : 'labeled') : past;
        stdout += `${resourcePrefix(t.kind, t.group)}${t.name} ${word}${dryRunSuffix(mode)}\n`;
      }
      return { stdout, stderr: '', exitCode: 0 };
    },
  };
}

export const labelCommand = metadataCommand('labels');
export const annotateCommand = metadataCommand('annotations');
