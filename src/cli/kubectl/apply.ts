import { ApiError, NoKindMatchError } from '../../sim/kube/errors';
import type { KubeObjectInput } from '../../sim/kube/types';
import { resourcePrefix } from '../printers/kube-output';
import type { ExecResult } from '../shell/types';
import { formatError, type KubectlCommand, KubectlError, type KubectlRun, withSource } from './common';
import { type FlagSpec, list, str } from './flags';
import { type ManifestObject, metaString, readManifests, readManifestsSliced, SLICE } from './manifests';

export const FILE_FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringSlice', usage: 'The files that contain the configurations to apply.' },
  { name: 'recursive', short: 'R', type: 'bool', usage: 'Process the directory used in -f, --filename recursively.' },
];

export const DRY_RUN: FlagSpec = {
  name: 'dry-run',
  type: 'string',
  default: 'none',
  noOptDefault: 'unchanged',
  usage: 'Must be "none", "server", or "client".',
};

export function dryRunMode(k: KubectlRun): 'none' | 'client' | 'server' {
  const v = str(k.flags, 'dry-run');
  if (v === 'none' || v === 'client' || v === 'server') return v;
  if (v === 'unchanged' || v === 'true') return 'client';
  if (v === 'false') return 'none';
  throw new KubectlError(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
}

export const dryRunSuffix = (mode: string) => (mode === 'client' ? ' (dry run)' : mode === 'server' ? ' (server dry run)' : '');

/** Namespace for a manifest object: its own, else -n; a clash with an explicit -n is refused as kubectl does. */
export function objectNamespace(k: KubectlRun, o: KubeObjectInput): string {
  const own = metaString(o, 'namespace');
  if (own && k.namespaceGiven && own !== k.namespace) {
    throw new KubectlError(
      `the namespace from the provided object "${own}" does not match the namespace "${k.namespace}". You must pass '--namespace=${own}' to perform this operation.`,
    );
  }
  return own || k.namespace;
}

/** `error: resource mapping not found …` for kinds the API server does not serve. */
export function mappingError(m: ManifestObject, e: NoKindMatchError): KubectlError {
  const ns = metaString(m.object, 'namespace') ?? '';
  return new KubectlError(
    `resource mapping not found for name: "${metaString(m.object, 'name') ?? ''}" namespace: "${ns}" from "${m.source}": ${e.message}\nensure CRDs are installed first`,
  );
}

/**
 * Prints collected per-object errors as kubectl's CheckErr does. Client-side errors (parsing,
 * mapping, namespace clashes) come back from the resource builder as one aggregate, ahead of the
 * server errors of the objects it did send. A lone error gets the detailed path (`error: …`, or
 * `The Service "x" is invalid: …`); several are printed one per line, each in its standard form —
 * `Error from server (…): error when creating "STDIN": …` for server errors, the bare message for
 * client ones (no `error: ` prefix inside an aggregate), and a nested client aggregate as `[a, b]`.
 */
export function finish(stdout: string, errors: { err: unknown; verb: string; source: string }[], prefix = ''): ExecResult {
  if (!errors.length) return { stdout, stderr: prefix, exitCode: 0 };
  const client = errors.filter((e) => !(e.err instanceof ApiError)).map((e) => (e.err instanceof Error ? e.err.message : String(e.err)));
  const server = errors.filter((e) => e.err instanceof ApiError);
  const serverLine = ({ err, verb, source }: (typeof errors)[number]) => {
    const e = err as ApiError;
    const msg = e.reason === 'Invalid' ? e.message.replace(/^The /, '') : e.message;
    return `Error from server (${e.reason}): error when ${verb} "${source}": ${msg}`;
  };
  let lines: string[];
  if (!server.length) lines = client.length === 1 ? [formatError(errors[0].err)] : client;
  else if (!client.length && server.length === 1) lines = [formatError(withSource(server[0].err, server[0].verb, server[0].source))];
  else lines = [...(client.length ? [client.length === 1 ? client[0] : `[${client.join(', ')}]`] : []), ...server.map(serverLine)];
  return { stdout, stderr: prefix + lines.join('\n') + '\n', exitCode: 1 };
}

export function objectKindPrefix(k: KubectlRun, o: KubeObjectInput): string {
  const type = k.ctx.kube.discovery.forManifest(String(o.apiVersion ?? ''), String(o.kind ?? ''));
  return resourcePrefix(type.kind, type.group);
}

export function requireFiles(k: KubectlRun, verbHint: string): string[] {
  const files = list(k.flags, 'filename');
  if (!files.length) throw new KubectlError(`must specify one of -f and -k${verbHint}`);
  return files;
}

export const applyCommand: KubectlCommand = {
  name: 'apply',
  short: 'Apply a configuration to a resource by file name or stdin',
  usage: 'kubectl apply (-f FILENAME | -k DIRECTORY) [options]',
  long: "Apply a configuration to a resource by file name or stdin. The resource name must be specified. This resource will be created if it doesn't exist yet. To use 'apply', always create the resource initially with either 'apply' or 'create --save-config'.\n\n JSON and YAML formats are accepted.",
  examples: `  # Apply the configuration in manifest.yaml
  kubectl apply -f manifest.yaml

  # Apply the YAML passed into stdin
  cat <<EOF | kubectl apply -f -
  ...
  EOF`,
  flags: [
    ...FILE_FLAGS,
    DRY_RUN,
    { name: 'output', short: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name).' },
    { name: 'server-side', type: 'bool', usage: 'If true, apply runs in the server instead of the client.' },
    { name: 'field-manager', type: 'string', default: 'kubectl-client-side-apply', usage: 'Name of the manager used to track field ownership.' },
    { name: 'force-conflicts', type: 'bool', usage: 'If true, server-side apply will force the changes against conflicts.' },
    { name: 'force', type: 'bool', usage: 'If true, immediately remove resources from API and bypass graceful deletion.' },
    { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict', usage: 'Must be one of: strict (or true), warn, ignore (or false).' },
    { name: 'prune', type: 'bool', usage: 'Automatically delete resource objects that do not appear in the configs.' },
    { name: 'selector', short: 'l', type: 'string', usage: 'Selector (label query) to filter on.' },
  ],
  async run(k) {
    const files = requireFiles(k, '');
    const mode = dryRunMode(k);
    const pause = k.ctx.pause?.bind(k.ctx);
    const readUrl = k.ctx.readUrl?.bind(k.ctx);
    const read = pause ? await readManifestsSliced(files, k.stdin, k.shell, readUrl, pause) : readManifests(files, k.stdin, k.shell, readUrl);
    if (!read.objects.length && !read.error) throw new KubectlError('no objects passed to apply');
    const nameOnly = str(k.flags, 'output') === 'name';
    const serverSide = k.flags.values.get('server-side') === true;
    let stdout = '';
    const errors: { err: unknown; verb: string; source: string }[] = [];
    for (const [i, m] of read.objects.entries()) {
      if (pause && i && i % SLICE === 0) await pause();
      if (m.rejected) {
        errors.push({ err: new ApiError(m.rejected.reason, m.rejected.message), verb: 'creating', source: m.source });
        continue;
      }
      try {
        const prefix = objectKindPrefix(k, m.object);
        const ns = objectNamespace(k, m.object);
        const name = metaString(m.object, 'name') ?? '';
        const existed = !!k.ctx.kube.peek(k.ctx.kube.discovery.forManifest(String(m.object.apiVersion), String(m.object.kind)).kind, name, ns);
        try {
          if (mode === 'client') {
            stdout += nameOnly ? `${prefix}${name}\n` : `${prefix}${name} ${existed ? 'configured' : 'created'}${dryRunSuffix(mode)}\n`;
            continue;
          }
          const opts = { namespace: ns, dryRun: mode === 'server' };
          const r = serverSide
            ? {
                object: k.ctx.kube.serverSideApply(m.object, {
                  ...opts,
                  fieldManager: k.flags.changed.has('field-manager') ? str(k.flags, 'field-manager') : 'kubectl',
                }).object,
              }
            : k.ctx.kube.apply(m.object, opts);
          const action = serverSide ? 'serverside-applied' : (r as { action: string }).action;
          stdout += nameOnly ? `${prefix}${r.object.metadata.name}\n` : `${prefix}${r.object.metadata.name} ${action}${dryRunSuffix(mode)}\n`;
        } catch (e) {
          errors.push({ err: e, verb: existed ? 'patching' : 'creating', source: m.source });
        }
      } catch (e) {
        errors.push({ err: e instanceof NoKindMatchError ? mappingError(m, e) : e, verb: 'creating', source: m.source });
      }
    }
    if (read.error) errors.push({ err: new KubectlError(read.error), verb: '', source: '' });
    return finish(stdout, errors);
  },
};
