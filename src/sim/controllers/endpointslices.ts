/**
 * The EndpointSlice controller's output for one Service (discovery.k8s.io/v1): one IPv4 slice
 * named `<service>-<5 chars>` (generateName), labelled with the service name and the managing
 * controller, owned by the Service (deleted with it). No matching Pods → a placeholder slice
 * without endpoints, as the real controller keeps one.
 */
import type { KubeStore } from '../kube/store';
import type { KubeObject, Service } from '../kube/types';
import type { SeededRandom } from '../random';

const MANAGED_BY = 'endpointslice-controller.k8s.io';

export function syncEndpointSlice(
  kube: KubeStore,
  svc: Service,
  pods: KubeObject[],
  ports: { name?: string; port: number; protocol: string }[],
  now: string,
  random: SeededRandom,
): void {
  const ns = svc.metadata.namespace!;
  const existing = findSlice(kube, svc);
  const endpoints = pods.map((p) => {
    const ready = (p.status as { phase?: string }).phase === 'Running';
    return {
      addresses: [(p.status as { podIP: string }).podIP],
      conditions: { ready, serving: ready, terminating: false },
      nodeName: (p.spec as { nodeName: string }).nodeName,
      targetRef: { kind: 'Pod', name: p.metadata.name, namespace: ns, uid: p.metadata.uid },
    };
  });
  const body: KubeObject = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: existing
      ? { ...existing.metadata }
      : {
          name: `${svc.metadata.name}-${random.kubeSuffix(5)}`,
          generateName: `${svc.metadata.name}-`,
          namespace: ns,
          uid: '',
          resourceVersion: '',
          creationTimestamp: now,
          generation: 1,
          labels: { ...(svc.metadata.labels ?? {}), 'endpointslice.kubernetes.io/managed-by': MANAGED_BY, 'kubernetes.io/service-name': svc.metadata.name },
          ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: svc.metadata.name, uid: svc.metadata.uid, controller: true, blockOwnerDeletion: true }],
        },
    addressType: 'IPv4',
    ...(pods.length ? { endpoints, ports } : {}),
  };
  if (existing && JSON.stringify([existing.endpoints, existing.ports]) === JSON.stringify([body.endpoints, body.ports])) return;
  if (existing) body.metadata.generation = (existing.metadata.generation ?? 1) + 1;
  kube.putSystem(body);
}

/** The slice of this Service (by owner), if any. */
export function findSlice(kube: KubeStore, svc: Service): KubeObject | undefined {
  return kube.ownedBy(svc.metadata.uid).find((o) => o.kind === 'EndpointSlice');
}
