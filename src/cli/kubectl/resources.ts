import type { ResourceType } from '../../sim/kube/discovery';
import type { KubeStore } from '../../sim/kube/store';
import { KubectlError } from './common';

/** One kind to fetch: all objects (names null) or the named ones. */
export interface Target {
  type: ResourceType;
  names: string[] | null;
}

export interface ResourceArgs {
  targets: Target[];
  /** `svc,deploy`, `all`, or several TYPE/NAME kinds: print `kind/name` and one table per kind. */
  multipleTypes: boolean;
  /** Exactly one named object: `-o yaml` prints it bare, not inside a List. */
  singleItem: boolean;
}

/**
 * kubectl's resource-builder argument forms: `svc`, `svc nginx web`, `svc,deploy`, `all`,
 * `svc/nginx deploy/web`.
 */
export function parseResourceArgs(kube: KubeStore, args: string[]): ResourceArgs {
  if (args.some((a) => a.includes('/'))) {
    if (!args.every((a) => a.includes('/'))) {
      throw new KubectlError(
        "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
      );
    }
    const targets: Target[] = [];
    for (const a of args) {
      const i = a.indexOf('/');
      const type = kube.discovery.resolve(a.slice(0, i));
      const name = a.slice(i + 1);
      if (!name) throw new KubectlError(`arguments in resource/name form must have a single resource and name`);
      const existing = targets.find((t) => t.type === type);
      if (existing) existing.names!.push(name);
      else targets.push({ type, names: [name] });
    }
    return { targets, multipleTypes: targets.length > 1, singleItem: args.length === 1 };
  }
  const [typeArg, ...names] = args;
  const types = expandTypes(kube, typeArg);
  const multiple = typeArg.split(',').length > 1 || typeArg.split(',').some((t) => t === 'all');
  return {
    targets: types.map((type) => ({ type, names: names.length ? [...names] : null })),
    multipleTypes: multiple,
    singleItem: !multiple && names.length === 1,
  };
}

function expandTypes(kube: KubeStore, typeArg: string): ResourceType[] {
  const out: ResourceType[] = [];
  // An empty type (`kubectl get ''`, `svc,,pods`) is looked up like any other and not found.
  for (const part of typeArg.split(',')) {
    const list = part === 'all' ? allCategory(kube) : [kube.discovery.resolve(part)];
    for (const t of list) if (!out.includes(t)) out.push(t);
  }
  return out;
}

/** The `all` category in the order kubectl prints it: core kinds first, then by group. */
function allCategory(kube: KubeStore): ResourceType[] {
  const order = [
    'Pod',
    'ReplicationController',
    'Service',
    'DaemonSet',
    'Deployment',
    'ReplicaSet',
    'StatefulSet',
    'HorizontalPodAutoscaler',
    'CronJob',
    'Job',
  ];
  return kube.discovery
    .inCategory('all')
    .slice()
    .sort((a, b) => ((order.indexOf(a.kind) + 100) % 100) - ((order.indexOf(b.kind) + 100) % 100));
}

/** `services` or `deployments.apps` — how the API server names a resource in messages. */
export function qualified(type: ResourceType): string {
  return type.group ? `${type.plural}.${type.group}` : type.plural;
}
