import type { ResourceType } from '../../sim/kube/discovery';
import { NoKindMatchError } from '../../sim/kube/errors';
import { DRY_RUN, dryRunMode, FILE_FLAGS, finish, mappingError, objectNamespace } from './apply';
import type { KubectlCommand, KubectlRun } from './common';
import { formatError, KubectlError } from './common';
import { bool, list, str } from './flags';
import { metaString, readManifests } from './manifests';
import { parseResourceArgs } from './resources';

/**
 * `service "web" deleted`: the wording of kubectl 1.33, the client the lab reports (checked
 * against a real 1.32 client; naming the namespace came with kubectl 1.34, kubernetes#126619).
 */
function deletedLine(type: ResourceType, name: string, _ns: string | undefined, suffix: string): string {
  const kind = `${type.kind.toLowerCase()}${type.group ? '.' + type.group : ''}`;
  return `${kind} "${name}" deleted${suffix}\n`;
}

/**
 * kubectl waits (--wait=true) until a deleted object is really gone: a LoadBalancer Service
 * stays until the service controller removes its finalizer, so virtual time runs meanwhile.
 */
async function waitGone(k: KubectlRun, kind: string, name: string, ns: string | undefined): Promise<void> {
  for (let i = 0; i < 600 && k.ctx.kube.peek(kind, name, ns); i++) await k.ctx.advance(1000);
}

export const deleteCommand: KubectlCommand = {
  name: 'delete',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  long: 'Delete resources by file names, stdin, resources and names, or by resources and label selector.\n\n JSON and YAML formats are accepted. Only one type of argument may be specified: file names, resources and names, or resources and label selector.',
  usage: 'kubectl delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]',
  examples: `  # Delete a service by name
  kubectl delete svc web

  # Delete the resources in a manifest passed on stdin
  kubectl delete -f - <<EOF
  ...
  EOF`,
  flags: [
    ...FILE_FLAGS,
    DRY_RUN,
    { name: 'all', type: 'bool', usage: 'Delete all resources, in the namespace of the specified resource types.' },
    { name: 'all-namespaces', short: 'A', type: 'bool', usage: 'If present, list the requested object(s) across all namespaces.' },
    { name: 'selector', short: 'l', type: 'string', usage: 'Selector (label query) to filter on.' },
    { name: 'ignore-not-found', type: 'bool', usage: 'Treat "resource not found" as a successful delete.' },
    { name: 'wait', type: 'bool', default: true, usage: 'If true, wait for resources to be gone before returning.' },
    { name: 'force', type: 'bool', usage: 'If true, immediately remove resources from API and bypass graceful deletion.' },
    { name: 'grace-period', type: 'int', default: -1, usage: 'Period of time in seconds given to the resource to terminate gracefully.' },
    { name: 'now', type: 'bool', usage: 'If true, resources are signaled for immediate shutdown (same as --grace-period=1).' },
    { name: 'output', short: 'o', type: 'string', usage: 'Output mode. Use "-o name" for shorter output (resource/name).' },
    { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background', usage: 'Must be "background", "orphan", or "foreground".' },
  ],
  async run(k) {
    const mode = dryRunMode(k);
    const suffix = mode === 'client' ? ' (dry run)' : mode === 'server' ? ' (server dry run)' : '';
    const wait = bool(k.flags, 'wait');
    const ignore = bool(k.flags, 'ignore-not-found');
    const kube = k.ctx.kube;
    let stdout = '';
    const errors: { err: unknown; verb: string; source: string }[] = [];
    const cascade = str(k.flags, 'cascade');
    const propagationPolicy = cascade === 'orphan' ? 'Orphan' : cascade === 'foreground' ? 'Foreground' : 'Background';

    const doDelete = async (type: ResourceType, name: string, ns: string | undefined) => {
      if (mode === 'none') {
        kube.delete(type.kind, name, ns, { propagationPolicy });
        if (wait) await waitGone(k, type.kind, name, ns);
      } else kube.get(type.kind, name, ns);
      stdout += deletedLine(type, name, ns, suffix);
    };

    if (list(k.flags, 'filename').length) {
      if (k.args.length) throw new KubectlError('Unexpected args: ' + JSON.stringify(k.args).replace(/"/g, '').replace(/,/g, ' '));
      const read = readManifests(list(k.flags, 'filename'), k.stdin, k.shell, k.ctx.readUrl?.bind(k.ctx));
      for (const m of read.objects) {
        let type: ResourceType;
        try {
          type = kube.discovery.forManifest(String(m.object.apiVersion ?? ''), String(m.object.kind ?? ''));
        } catch (e) {
          errors.push({ err: e instanceof NoKindMatchError ? mappingError(m, e) : e, verb: 'deleting', source: m.source });
          continue;
        }
        const ns = type.namespaced ? objectNamespace(k, m.object) : undefined;
        try {
          await doDelete(type, metaString(m.object, 'name') ?? '', ns);
        } catch (e) {
          if (!(ignore && e instanceof Error && /not found/.test(e.message))) errors.push({ err: e, verb: 'deleting', source: m.source });
        }
      }
      if (read.error) errors.push({ err: new KubectlError(read.error), verb: '', source: '' });
      return finish(stdout, errors);
    }

    if (!k.args.length) {
      throw new KubectlError(
        "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
      );
    }
    const res = parseResourceArgs(kube, k.args);
    const all = bool(k.flags, 'all');
    const selector = str(k.flags, 'selector');
    const allNs = bool(k.flags, 'all-namespaces');
    let stderr = '';
    for (const t of res.targets) {
      const ns = t.type.namespaced ? k.namespace : undefined;
      if (t.names) {
        for (const name of t.names) {
          try {
            await doDelete(t.type, name, ns);
          } catch (e) {
            if (!(ignore && e instanceof Error && /not found/.test(e.message))) errors.push({ err: e, verb: 'deleting', source: '' });
          }
        }
      } else {
        if (!all && !selector) {
          throw new KubectlError('resource(s) were provided, but no name was specified');
        }
        const objs = kube
          .select(t.type.kind, { namespace: allNs ? undefined : ns, labelSelector: selector || undefined })
          .map((o) => ({ name: o.metadata.name, ns: o.metadata.namespace }));
        if (!objs.length) stderr += 'No resources found\n';
        for (const o of objs) await doDelete(t.type, o.name, o.ns);
      }
    }
    if (!errors.length) return { stdout, stderr, exitCode: 0 };
    return { stdout, stderr: stderr + errors.map((e) => formatError(e.err)).join('\n') + '\n', exitCode: 1 };
  },
};
