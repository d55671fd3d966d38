import { resourcePrefix } from '../printers/kube-output';
import { DRY_RUN, dryRunMode, dryRunSuffix } from './apply';
import { type KubectlCommand, KubectlError } from './common';
import { int, str } from './flags';
import { parseResourceArgs } from './resources';

// biome-ignore lint/suspicious/noExplicitAny: printers walk manifests by field path; the shapes are checked where the objects are stored.
type Obj = Record<string, any>;

export const scaleCommand: KubectlCommand = {
  name: 'scale',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  usage: 'kubectl scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME) [options]',
  examples: "  # Scale a deployment named 'web' to 3\n  kubectl scale --replicas=3 deployment/web",
  flags: [{ name: 'replicas', type: 'int', default: -1, usage: 'The new desired number of replicas. Required.' }, DRY_RUN],
  run(k) {
    const replicas = int(k.flags, 'replicas');
    if (replicas < 0) throw new KubectlError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
    if (!k.args.length) throw new KubectlError('required resource not specified');
    const res = parseResourceArgs(k.ctx.kube, k.args);
    const mode = dryRunMode(k);
    let stdout = '';
    for (const t of res.targets) {
      if (!['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController'].includes(t.type.kind)) {
        throw new KubectlError(`cannot scale a ${t.type.kind.toLowerCase()}`);
      }
      for (const name of t.names ?? []) {
        if (mode !== 'client') k.ctx.kube.patch(t.type.kind, name, k.namespace, { spec: { replicas } }, 'merge', { dryRun: mode === 'server' });
        stdout += `${resourcePrefix(t.type.kind, t.type.group)}${name} scaled${dryRunSuffix(mode)}\n`;
      }
    }
    return { stdout, stderr: '', exitCode: 0 };
  },
};

const rolloutStatus: KubectlCommand = {
  name: 'status',
  short: 'Show the status of the rollout',
  usage: 'kubectl rollout status (TYPE NAME | TYPE/NAME) [flags] [options]',
  flags: [
    { name: 'timeout', type: 'string', default: '0s', usage: 'The length of time to wait before ending watch, zero means never.' },
    { name: 'watch', short: 'w', type: 'bool', default: true, usage: "Watch the status of the rollout until it's done." },
  ],
  async run(k) {
    if (!k.args.length) throw new KubectlError('required resource not specified');
    const res = parseResourceArgs(k.ctx.kube, k.args);
    const t = res.targets[0];
    const name = t.names?.[0];
    if (!name) throw new KubectlError('resource name may not be empty');
    if (t.type.kind !== 'Deployment') throw new KubectlError(`no status viewer has been implemented for ${t.type.kind}`);
    let stdout = '';
    let last = '';
    // kubectl watches; virtual time runs until the Deployment is available (10 virtual minutes at most)
    for (let i = 0; i <= 600; i++) {
      const d = k.ctx.kube.get('Deployment', name, k.namespace) as unknown as Obj;
      const want = d.spec?.replicas ?? 1;
      const updated = d.status?.updatedReplicas ?? 0;
      const available = d.status?.availableReplicas ?? 0;
      let msg: string;
      if (updated < want) msg = `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${want} new replicas have been updated...\n`;
      else if (available < updated) msg = `Waiting for deployment "${name}" rollout to finish: ${available} of ${updated} updated replicas are available...\n`;
      else return { stdout: stdout + `deployment "${name}" successfully rolled out\n`, stderr: '', exitCode: 0 };
      if (msg !== last) stdout += msg;
      last = msg;
      await k.ctx.advance(1000);
    }
    return { stdout, stderr: 'error: timed out waiting for the condition\n', exitCode: 1 };
  },
};

export const rolloutCommand: KubectlCommand = {
  name: 'rollout',
  short: 'Manage the rollout of a resource',
  usage: 'kubectl rollout SUBCOMMAND [options]',
  flags: [],
  children: [rolloutStatus],
};

/** `kubectl run NAME -- a b`: the words after `--` are the container's args, or its command with --command. */
export function containerCommand(asCommand: boolean, words: string[]): { command?: string[]; args?: string[] } {
  if (!words.length) return {};
  return asCommand ? { command: words } : { args: words };
}

export const runCommand: KubectlCommand = {
  name: 'run',
  short: 'Run a particular image on the cluster',
  usage:
    'kubectl run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]',
  examples: '  # Start a nginx pod\n  kubectl run nginx --image=nginx',
  flags: [
    { name: 'image', type: 'string', usage: 'The image for the container to run.' },
    { name: 'port', type: 'string', usage: 'The port that this container exposes.' },
    { name: 'labels', short: 'l', type: 'string', usage: 'Comma separated labels to apply to the pod(s).' },
    { name: 'restart', type: 'string', default: 'Always', usage: 'The restart policy for this Pod.' },
    { name: 'rm', type: 'bool', usage: 'If true, delete the pod after it exits.' },
    { name: 'stdin', short: 'i', type: 'bool', usage: 'Keep stdin open on the container in the pod.' },
    { name: 'tty', short: 't', type: 'bool', usage: 'Allocate a TTY for the container in the pod.' },
    {
      name: 'command',
      type: 'bool',
      usage: "If true and extra arguments are present, use them as the 'command' field in the container, rather than the 'args' field which is the default.",
    },
    DRY_RUN,
  ],
  run(k) {
    const [name, ...extra] = k.args;
    if (!name) throw new KubectlError('NAME is required for run');
    const image = str(k.flags, 'image');
    if (!image) throw new KubectlError('required flag(s) "image" not set');
    const labels = str(k.flags, 'labels')
      ? Object.fromEntries(
          str(k.flags, 'labels')
            .split(',')
            .map((p) => p.split('=') as [string, string]),
        )
      : { run: name };
    const port = str(k.flags, 'port');
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, labels },
      spec: {
        containers: [
          {
            name,
            image,
            ...containerCommand(k.flags.values.get('command') === true, extra),
            ...(port ? { ports: [{ containerPort: Number(port) }] } : {}),
            resources: {},
          },
        ],
        dnsPolicy: 'ClusterFirst',
        restartPolicy: str(k.flags, 'restart'),
      },
    };
    const mode = dryRunMode(k);
    if (mode !== 'client') k.ctx.kube.create(pod, { namespace: k.namespace, dryRun: mode === 'server' });
    return { stdout: `pod/${name} created${dryRunSuffix(mode)}\n`, stderr: '', exitCode: 0 };
  },
};
