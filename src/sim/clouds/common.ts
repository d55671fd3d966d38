/** Helpers every non-AKS cloud shares: upstream names, node facts, registering custom kinds. */

import type { LoadBalancer } from '../cloud-provider/load-balancer';
import type { ServiceController } from '../cloud-provider/service-controller';
import type { Flow } from '../flow';
import type { ResourceType } from '../kube/discovery';
import type { KubeStore } from '../kube/store';
import type { KubeObject, Service } from '../kube/types';
import type { CloudContext, CloudLib } from './types';

let bound: CloudLib | undefined;

/** Binds the core classes a cloud module uses (see CloudLib); every cloud's start() calls it first. */
export function bindLib(ctx: CloudContext): void {
  bound = ctx.lib;
}

export function lib(): CloudLib {
  if (!bound) throw new Error('cloud module used before start(ctx)');
  return bound;
}

/** Waits `ms` of virtual time (flow.ts's sleep, kept here so no core module is imported). */
export function* wait(ms: number): Flow<void> {
  if (ms > 0) yield ms;
}

/**
 * cloudprovider.DefaultLoadBalancerName: `a` + the UID without dashes, cut to 32 characters
 * (other-clouds §0). EKS's ELB/NLB and GKE's forwarding rule are named this.
 */
export function defaultLoadBalancerName(svc: Service): string {
  return ('a' + svc.metadata.uid.replace(/-/g, '')).slice(0, 32);
}

export function serviceKey(svc: KubeObject): string {
  return `${svc.metadata.namespace}/${svc.metadata.name}`;
}

/** Ready Nodes, by name (the upstream controllers' node lister, sorted for determinism). */
export function readyNodes(kube: KubeStore): KubeObject[] {
  return kube
    .select('Node')
    .filter((n) =>
      (n.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'),
    )
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
}

export function nodeAddress(node: KubeObject, type: 'InternalIP' | 'ExternalIP'): string | undefined {
  return (node.status as { addresses?: { type: string; address: string }[] } | undefined)?.addresses?.find((a) => a.type === type)?.address;
}

/** Serves a CRD's kind as an established API (what `kubectl apply` of a CRD would do) and stores the CRD object. */
export function establishCustomKind(kube: KubeStore, t: Omit<ResourceType, 'verbs' | 'singular' | 'custom'>): void {
  kube.discovery.register({
    ...t,
    singular: t.kind.toLowerCase(),
    custom: true,
    verbs: ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch'],
  });
  const created = kube.clock.nowIso();
  kube.putSystem({
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${t.plural}.${t.group}`, uid: '', resourceVersion: '', creationTimestamp: created },
    spec: {
      group: t.group,
      names: {
        kind: t.kind,
        listKind: `${t.kind}List`,
        plural: t.plural,
        singular: t.kind.toLowerCase(),
        ...(t.shortNames.length ? { shortNames: t.shortNames } : {}),
      },
      scope: t.namespaced ? 'Namespaced' : 'Cluster',
      versions: t.versions.map((name, i) => ({ name, served: true, storage: i === 0 })),
    },
    status: {
      conditions: [
        { type: 'Established', status: 'True', reason: 'InitialNamesAccepted', message: 'the initial names have been accepted', lastTransitionTime: created },
      ],
    },
  } as unknown as KubeObject);
}

/** Creates a namespace a cloud's add-on lives in (metallb-system), as the add-on's install did. */
export function ensureNamespace(kube: KubeStore, name: string): void {
  if (kube.peek('Namespace', name)) return;
  kube.putSystem({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, uid: '', resourceVersion: '', creationTimestamp: kube.clock.nowIso(), labels: { 'kubernetes.io/metadata.name': name } },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  } as KubeObject);
}

/** The upstream service controller (events from `service-controller`, finalizer) over a cloud's provider. */
export function startServiceController(ctx: CloudContext, provider: LoadBalancer): ServiceController {
  const names = () => readyNodes(ctx.kube).map((n) => n.metadata.name);
  return new ctx.lib.ServiceController(ctx.kube, ctx.events, provider, ctx.clock, ctx.worldVersion, () => names().length, names);
}
