import { ApiError } from '../../sim/kube/errors';
import type { KubeObject } from '../../sim/kube/types';
import { describeService } from '../printers/describe';
import { describeDeployment, describeEndpoints, describeGeneric, describeNamespace, describeNode, describePod } from '../printers/describe-workloads';
import { formatError, type KubectlCommand, type KubectlRun } from './common';
import { bool, str } from './flags';
import { parseResourceArgs, qualified } from './resources';

function describeOne(k: KubectlRun, o: KubeObject, namespaced: boolean): string {
  const kube = k.ctx.kube;
  const now = k.ctx.clock.now();
  const events = kube
    .select('Event', { namespace: namespaced ? o.metadata.namespace : undefined })
    .filter((e) => (e as { involvedObject?: { uid?: string } }).involvedObject?.uid === o.metadata.uid) as unknown as Record<string, unknown>[];
  switch (o.kind) {
    case 'Service':
      return describeService(o, kube.peek('Endpoints', o.metadata.name, o.metadata.namespace), events, now);
    case 'Pod':
      return describePod(o, events, now);
    case 'Node':
      return describeNode(o, events, now);
    case 'Namespace':
      return describeNamespace(o, now);
    case 'Endpoints':
      return describeEndpoints(o, events, now);
    case 'Deployment': {
      const replicaSets = kube.ownedBy(o.metadata.uid).filter((x) => x.kind === 'ReplicaSet');
      return describeDeployment(o, events, now, replicaSets);
    }
    default:
      return describeGeneric(o, namespaced, events, now);
  }
}

export const describeCommand: KubectlCommand = {
  name: 'describe',
  short: 'Show details of a specific resource or group of resources',
  long: 'Show details of a specific resource or group of resources.\n\n Print a detailed description of the selected resources, including related resources such as events or controllers. You may select a single object by name, all objects of that type, provide a name prefix, or label selector.',
  usage: 'kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]',
  examples: `  # Describe a service
  kubectl describe svc web

  # Describe all services
  kubectl describe services`,
  flags: [
    { name: 'all-namespaces', short: 'A', type: 'bool', usage: 'If present, list the requested object(s) across all namespaces.' },
    { name: 'selector', short: 'l', type: 'string', usage: 'Selector (label query) to filter on.' },
    { name: 'show-events', type: 'bool', default: true, usage: 'If true, display events related to the described object.' },
  ],
  run(k) {
    if (!k.args.length) {
      return {
        stdout: '',
        stderr:
          'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nSee \'kubectl describe -h\' for help and examples\n',
        exitCode: 1,
      };
    }
    const res = parseResourceArgs(k.ctx.kube, k.args);
    const allNs = bool(k.flags, 'all-namespaces');
    const selector = str(k.flags, 'selector') || undefined;
    const out: string[] = [];
    const errors: string[] = [];
    for (const t of res.targets) {
      const ns = t.type.namespaced ? (allNs ? undefined : k.namespace) : undefined;
      let objs: KubeObject[];
      if (t.names) {
        objs = [];
        for (const name of t.names) {
          const exact = k.ctx.kube.peek(t.type.kind, name, ns);
          if (exact) objs.push(exact);
          else {
            // describe falls back to a name prefix, as kubectl does
            const byPrefix = k.ctx.kube.select(t.type.kind, { namespace: ns }).filter((o) => o.metadata.name.startsWith(name));
            if (byPrefix.length) objs.push(...byPrefix);
            else errors.push(formatError(new ApiError('NotFound', `${qualified(t.type)} "${name}" not found`)));
          }
        }
      } else objs = k.ctx.kube.select(t.type.kind, { namespace: ns, labelSelector: selector });
      for (const o of objs) out.push(describeOne(k, o, t.type.namespaced));
    }
    let stderr = '';
    if (!out.length && !errors.length) stderr = allNs ? 'No resources found\n' : `No resources found in ${k.namespace} namespace.\n`;
    if (errors.length) stderr += errors.join('\n') + '\n';
    return { stdout: out.join('\n\n'), stderr, exitCode: errors.length ? 1 : 0 };
  },
};
