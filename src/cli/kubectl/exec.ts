/**
 * `kubectl exec POD -- COMMAND…` (issue #4, egress path). The lab runs no containers, so a
 * handful of commands learners type in pods are emulated: curl / wget (through the pod's egress
 * IP, src/sim/network/outbound.ts), hostname, echo. The exit code of the command becomes
 * kubectl's, with kubectl's own `command terminated with exit code N` line, as in real life.
 */

import { notFound } from '../../sim/kube/errors';
import { type LabelSelectorObject, type Requirement, selectorFromMap, selectorFromObject } from '../../sim/kube/labels';
import type { KubeStore } from '../../sim/kube/store';
import type { KubeObject } from '../../sim/kube/types';
import { stableHash } from '../../sim/network/addr';
import { egressFor } from '../../sim/network/outbound';
import type { CliContext } from '../context';
import { nodeResourceGroup } from '../context';
import { runCurl } from '../curl/index';
import type { ExecResult } from '../shell/types';
import { type KubectlCommand, KubectlError } from './common';
import { qualified } from './resources';

type PodSpec = { nodeName?: string; containers?: { name: string; image: string }[] };

/** The node the pod runs on; an unscheduled bare pod is placed by name, as a scheduler would. */
export function nodeOfPod(ctx: CliContext, pod: KubeObject): string {
  const spec = pod.spec as PodSpec;
  if (spec.nodeName) return spec.nodeName;
  const nodes = ctx.kube.select('Node').map((n) => n.metadata.name);
  return nodes[stableHash(pod.metadata.name) % Math.max(nodes.length, 1)] ?? '';
}

/** Shells learners open in a pod; the lab has no process inside containers to attach one to. */
const SHELLS = /^(?:\/(?:usr\/)?bin\/)?(?:sh|bash|ash|dash|zsh)$/;

/**
 * What a shell in a pod is asked to do: `sh -c 'curl -s ifconfig.me'` is one simple command the lab
 * can run; an interactive shell (or a script with pipes, redirections, variables) is not simulated.
 */
function shellCommand(cmd: string[]): string[] | null {
  const [, flag, script, ...extra] = cmd;
  if (flag !== '-c' || script === undefined || extra.length > 0) return null;
  if (/[|&;<>$`\\(){}*?]|\n/.test(script)) return null;
  const words = script.match(/'[^']*'|"[^"]*"|\S+/g)?.map((w) => w.replace(/^(['"])(.*)\1$/, '$2')) ?? [];
  return words.length > 0 && !SHELLS.test(words[0]!) ? words : null;
}

/** kubectl's error line, with what does work in this lab (the pod and its command as typed). */
function interactiveShellNotSimulated(pod: KubeObject): ExecResult {
  const ns = pod.metadata.namespace && pod.metadata.namespace !== 'default' ? ` -n ${pod.metadata.namespace}` : '';
  return {
    stdout: '',
    stderr:
      `error: interactive shells are not simulated in this lab: run one command per exec instead, e.g.\n` +
      `  kubectl exec ${pod.metadata.name}${ns} -- curl -s ifconfig.me\n` +
      `(commands that run in a pod: curl, wget, hostname, echo, and sh -c with one of them)\n`,
    exitCode: 1,
  };
}

/** Runs one command "inside" a pod. */
export async function execInPod(ctx: CliContext, pod: KubeObject, cmd: string[]): Promise<ExecResult> {
  if (SHELLS.test(cmd[0] ?? '')) {
    const inner = shellCommand(cmd);
    return inner ? execInPod(ctx, pod, inner) : interactiveShellNotSimulated(pod);
  }
  const node = nodeOfPod(ctx, pod);
  const cloud = ctx.cloud?.runtime?.network;
  const egress = cloud ? cloud.egress(node) : egressFor(ctx.arm, ctx.options.outboundType, nodeResourceGroup(ctx.options), node);
  const [prog, ...rest] = cmd;
  let r: ExecResult;
  const origin = { callerIp: egress?.ip, node, namespace: pod.metadata.namespace ?? 'default', pod };
  if (prog === 'curl') r = await runCurl(ctx, cmd, origin);
  else if (prog === 'wget') {
    // busybox/GNU wget: `-qO-` (or `-q -O -`) = quiet, body to stdout; map onto curl -s.
    const url = rest.filter((a) => !a.startsWith('-') && a !== '-').pop();
    r = await runCurl(ctx, ['curl', '-s', ...(url ? [url] : [])], origin);
    // busybox wget's words for a name that does not resolve, and for everything else.
    const host = (url ?? '').replace(/^[a-z]+:\/\//i, '').replace(/[:/?#].*$/, '');
    if (r.exitCode === 6) r = { stdout: '', stderr: `wget: bad address '${host}'\n`, exitCode: 1 };
    else if (r.exitCode !== 0) r = { stdout: '', stderr: `wget: can't connect to remote host: Connection timed out\n`, exitCode: 1 };
  } else if (prog === 'hostname') r = { stdout: `${pod.metadata.name}\n`, stderr: '', exitCode: 0 };
  else if (prog === 'echo') r = { stdout: rest.join(' ') + '\n', stderr: '', exitCode: 0 };
  else {
    return {
      stdout: '',
      stderr: `error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec: OCI runtime exec failed: exec failed: unable to start container process: exec: "${prog}": executable file not found in $PATH: unknown\n`,
      exitCode: 1,
    };
  }
  if (r.exitCode !== 0) r = { ...r, stderr: r.stderr + `command terminated with exit code ${r.exitCode}\n` };
  return r;
}

/** Kinds whose pods kubectl can pick from a selector (polymorphichelpers.AttachablePodForObject). */
const SELECTOR_OF: Record<string, (o: KubeObject) => Requirement[]> = {
  Deployment: (o) => selectorFromObject((o.spec as { selector?: LabelSelectorObject }).selector),
  ReplicaSet: (o) => selectorFromObject((o.spec as { selector?: LabelSelectorObject }).selector),
  StatefulSet: (o) => selectorFromObject((o.spec as { selector?: LabelSelectorObject }).selector),
  DaemonSet: (o) => selectorFromObject((o.spec as { selector?: LabelSelectorObject }).selector),
  Job: (o) => selectorFromObject((o.spec as { selector?: LabelSelectorObject }).selector),
  Service: (o) => selectorFromMap((o.spec as { selector?: Record<string, string> }).selector),
};

/**
 * `POD`, `pod/POD` or `TYPE/NAME`: for a workload or Service, the first of its pods, running ones
 * before others (kubectl sorts with podutils.ActivePods and takes the first).
 */
function attachablePod(kube: KubeStore, target: string, namespace: string): KubeObject {
  const slash = target.indexOf('/');
  if (slash < 0) return kube.get('Pod', target, namespace);
  const type = kube.discovery.resolve(target.slice(0, slash));
  const name = target.slice(slash + 1);
  if (type.kind === 'Pod') return kube.get('Pod', name, namespace);
  const owner = kube.tryGet(type.kind, name, namespace);
  if (!owner) throw notFound(qualified(type), name);
  const selector = SELECTOR_OF[type.kind];
  if (!selector) throw new KubectlError(`cannot attach to *v1.${type.kind}: selector for *v1.${type.kind} not implemented`);
  const pods = kube.select('Pod', { namespace, labelSelector: selector(owner) });
  const running = pods.filter((p) => (p.status as { phase?: string } | undefined)?.phase === 'Running');
  const pod = running[0] ?? pods[0];
  // kubectl waits --pod-running-timeout (1m) for a pod to appear, then gives up with this.
  if (!pod) throw new KubectlError('timed out waiting for the condition');
  return pod;
}

export const execCommand: KubectlCommand = {
  name: 'exec',
  short: 'Execute a command in a container',
  usage: 'kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]',
  examples: '  # Get the egress IP the internet sees from a pod\n  kubectl exec mypod -- curl -s ifconfig.me',
  flags: [
    {
      name: 'container',
      short: 'c',
      type: 'string',
      usage:
        'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen',
    },
    { name: 'stdin', short: 'i', type: 'bool', usage: 'Pass stdin to the container' },
    { name: 'tty', short: 't', type: 'bool', usage: 'Stdin is a TTY' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only print output from the remote session' },
  ],
  async run(k) {
    const [target, ...cmd] = k.args;
    if (!target)
      throw new KubectlError(
        "error: expected 'exec POD_NAME COMMAND [ARG1] [ARG2] ... [ARGN]'.\nPOD_NAME and COMMAND are required arguments for the exec command\nSee 'kubectl exec -h' for help and examples",
      );
    if (!cmd.length) throw new KubectlError('you must specify at least one command for the container');
    const pod = attachablePod(k.ctx.kube, target, k.namespace);
    if ((pod.status as { phase?: string } | undefined)?.phase !== 'Running') {
      const c = (pod.spec as PodSpec).containers?.[0]?.name ?? '';
      throw new KubectlError(`unable to upgrade connection: container not found ("${c}")`);
    }
    return execInPod(k.ctx, pod, cmd);
  },
};
