import { ApiError, NoKindMatchError } from '../../sim/kube/errors';
import type { KubeObjectInput } from '../../sim/kube/types';
import { resourcePrefix } from '../printers/kube-output';
import type { ExecResult } from '../shell/types';
import { DRY_RUN, dryRunMode, dryRunSuffix, FILE_FLAGS, finish, mappingError, objectKindPrefix, objectNamespace, requireFiles } from './apply';
import { type KubectlCommand, KubectlError, type KubectlRun } from './common';
import { type FlagSpec, int, list, str } from './flags';
import { metaString, readManifests } from './manifests';
import { checkOutputFormat, printWritten } from './object-output';

const OUTPUT: FlagSpec = { name: 'output', short: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name).' };

/** Creates a generated object (or prints it for `--dry-run=client -o yaml`), as the `create <kind>` generators do. */
function createGenerated(k: KubectlRun, obj: KubeObjectInput): ExecResult {
  const mode = dryRunMode(k);
  const out = str(k.flags, 'output');
  checkOutputFormat(out);
  const type = k.ctx.kube.discovery.forManifest(String(obj.apiVersion), String(obj.kind));
  const prefix = resourcePrefix(type.kind, type.group);
  let created: unknown = obj;
  if (mode !== 'client') created = k.ctx.kube.create(obj, { namespace: k.namespace, dryRun: mode === 'server', fieldManager: 'kubectl-create' });
  const printed = printWritten(out, [{ object: created, name: `${prefix}${obj.metadata?.name}` }]);
  if (printed !== undefined) return { stdout: printed, stderr: '', exitCode: 0 };
  return { stdout: `${prefix}${obj.metadata?.name} created${dryRunSuffix(mode)}\n`, stderr: '', exitCode: 0 };
}

function requireName(k: KubectlRun, what: string): string {
  if (!k.args.length) throw new KubectlError(`exactly one NAME is required, got 0\nSee 'kubectl create ${what} -h' for help and examples`);
  if (k.args.length > 1) throw new KubectlError(`exactly one NAME is required, got ${k.args.length}\nSee 'kubectl create ${what} -h' for help and examples`);
  return k.args[0];
}

const namespaceCmd: KubectlCommand = {
  name: 'namespace',
  aliases: ['ns'],
  short: 'Create a namespace with the specified name',
  usage: 'kubectl create namespace NAME [--dry-run=server|client|none] [options]',
  examples: '  # Create a new namespace named my-namespace\n  kubectl create namespace my-namespace',
  flags: [DRY_RUN, OUTPUT],
  run: (k) => createGenerated(k, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: requireName(k, 'namespace') }, spec: {}, status: {} }),
};

/** `nginx:1.25` → `nginx`; `mcr.microsoft.com/azuredocs/aks-helloworld:v1` → `aks-helloworld`. */
export function containerNameFromImage(image: string): string {
  const last = image.split('/').pop() ?? image;
  return last.split('@')[0].split(':')[0];
}

const deploymentCmd: KubectlCommand = {
  name: 'deployment',
  aliases: ['deploy'],
  short: 'Create a deployment with the specified name',
  usage: 'kubectl create deployment NAME --image=image -- [COMMAND] [args...] [options]',
  examples: '  # Create a deployment named my-dep that runs the nginx image with 3 replicas\n  kubectl create deployment my-dep --image=nginx --replicas=3',
  flags: [
    DRY_RUN,
    OUTPUT,
    { name: 'image', type: 'stringSlice', usage: 'Image names to run.' },
    { name: 'replicas', short: 'r', type: 'int', default: 1, usage: 'Number of replicas to create. Default is 1.' },
    { name: 'port', type: 'int', default: -1, usage: 'The containerPort that this container exposes.' },
  ],
  run(k) {
    const name = requireName(k, 'deployment');
    const images = list(k.flags, 'image');
    if (!images.length) throw new KubectlError('required flag(s) "image" not set');
    const port = int(k.flags, 'port');
    const containers = images.map((image) => ({
      name: containerNameFromImage(image),
      image,
      resources: {},
      ...(port > 0 ? { ports: [{ containerPort: port }] } : {}),
    }));
    return createGenerated(k, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, labels: { app: name } },
      spec: {
        replicas: int(k.flags, 'replicas'),
        selector: { matchLabels: { app: name } },
        strategy: {},
        template: { metadata: { labels: { app: name } }, spec: { containers } },
      },
      status: {},
    });
  },
};

function serviceCmd(kind: 'clusterip' | 'nodeport' | 'loadbalancer' | 'externalname'): KubectlCommand {
  const type = { clusterip: 'ClusterIP', nodeport: 'NodePort', loadbalancer: 'LoadBalancer', externalname: 'ExternalName' }[kind];
  return {
    name: kind,
    short: `Create a ${type} service`,
    usage:
      kind === 'externalname'
        ? 'kubectl create service externalname NAME --external-name external.name [--dry-run=server|client|none] [options]'
        : `kubectl create service ${kind} NAME [--tcp=<port>:<targetPort>] [--dry-run=server|client|none] [options]`,
    flags: [
      DRY_RUN,
      OUTPUT,
      { name: 'tcp', type: 'stringSlice', usage: "Port pairs can be specified as '<port>:<targetPort>'." },
      { name: 'external-name', type: 'string', usage: 'External name of service' },
      ...(kind === 'clusterip'
        ? [{ name: 'clusterip', type: 'string' as const, usage: "Assign your own ClusterIP or set to 'None' for a 'headless' service (no loadbalancing)." }]
        : []),
    ],
    run(k) {
      const name = requireName(k, `service ${kind}`);
      const tcp = list(k.flags, 'tcp');
      if (kind !== 'externalname' && !tcp.length && str(k.flags, 'clusterip') !== 'None')
        throw new KubectlError('at least one tcp port specifier must be provided');
      if (kind === 'externalname' && !str(k.flags, 'external-name')) throw new KubectlError('required flag(s) "external-name" not set');
      const ports = tcp.map((spec) => {
        const [p, t] = spec.split(':');
        if (!/^\d+$/.test(p) || (t !== undefined && !t)) throw new KubectlError(`invalid port specifier: ${spec}`);
        const target = t === undefined ? Number(p) : /^\d+$/.test(t) ? Number(t) : t;
        return { name: `${p}-${t ?? p}`, port: Number(p), protocol: 'TCP', targetPort: target };
      });
      const spec: Record<string, unknown> = { type, selector: { app: name } };
      if (ports.length) spec.ports = ports;
      if (kind === 'externalname') {
        spec.externalName = str(k.flags, 'external-name');
        delete spec.selector;
      }
      if (str(k.flags, 'clusterip')) spec.clusterIP = str(k.flags, 'clusterip');
      return createGenerated(k, { apiVersion: 'v1', kind: 'Service', metadata: { name, labels: { app: name } }, spec, status: { loadBalancer: {} } });
    },
  };
}

const serviceGroup: KubectlCommand = {
  name: 'service',
  aliases: ['svc'],
  short: 'Create a service using a specified subcommand',
  usage: 'kubectl create service [flags] [options]',
  flags: [],
  children: [serviceCmd('clusterip'), serviceCmd('externalname'), serviceCmd('loadbalancer'), serviceCmd('nodeport')],
};

export const createCommand: KubectlCommand = {
  name: 'create',
  short: 'Create a resource from a file or from stdin',
  long: 'Create a resource from a file or from stdin.\n\n JSON and YAML formats are accepted.',
  usage: 'kubectl create -f FILENAME [options]',
  examples:
    '  # Create a pod using the data in pod.json\n  kubectl create -f ./pod.json\n\n  # Create a pod based on the JSON passed into stdin\n  cat pod.json | kubectl create -f -',
  flags: [
    ...FILE_FLAGS,
    DRY_RUN,
    OUTPUT,
    { name: 'save-config', type: 'bool', usage: 'If true, the configuration of current object will be saved in its annotation.' },
  ],
  children: [deploymentCmd, namespaceCmd, serviceGroup],
  run(k) {
    const files = requireFiles(k, '');
    const mode = dryRunMode(k);
    const read = readManifests(files, k.stdin, k.shell, k.ctx.readUrl?.bind(k.ctx));
    if (!read.objects.length && !read.error) throw new KubectlError('no objects passed to create');
    let stdout = '';
    const errors: { err: unknown; verb: string; source: string }[] = [];
    for (const m of read.objects) {
      if (m.rejected) {
        errors.push({ err: new ApiError(m.rejected.reason, m.rejected.message), verb: 'creating', source: m.source });
        continue;
      }
      try {
        const prefix = objectKindPrefix(k, m.object);
        const ns = objectNamespace(k, m.object);
        try {
          if (mode !== 'client') k.ctx.kube.create(m.object, { namespace: ns, dryRun: mode === 'server', fieldManager: 'kubectl-create' });
          stdout += `${prefix}${metaString(m.object, 'name') ?? ''} created${dryRunSuffix(mode)}\n`;
        } catch (e) {
          errors.push({ err: e, verb: 'creating', source: m.source });
        }
      } catch (e) {
        errors.push({ err: e instanceof NoKindMatchError ? mappingError(m, e) : e, verb: 'creating', source: m.source });
      }
    }
    if (read.error) errors.push({ err: new KubectlError(read.error), verb: '', source: '' });
    return finish(stdout, errors);
  },
};
