/**
 * The namespace controller: a deleted Namespace is `Terminating` (deletionTimestamp, status.phase)
 * while its contents are deleted; objects with finalizers (LoadBalancer Services waiting for the
 * cloud provider) keep it Terminating until they are gone, then the Namespace disappears.
 * Event-driven (no polling), so virtual time only passes for the contents' own clean-up.
 */
import type { VirtualClock } from '../clock';
import type { KubeStore } from '../kube/store';

export function startNamespaceController(kube: KubeStore, clock: VirtualClock): void {
  const scheduled = new Set<string>();
  const terminating = new Set<string>();

  const sync = (ns: string) => {
    const obj = kube.peek('Namespace', ns);
    if (!obj?.metadata.deletionTimestamp) {
      terminating.delete(ns);
      return;
    }
    const left = kube.namespaceContents(ns).filter((o) => o.kind !== 'Event');
    for (const o of left) {
      if (o.metadata.deletionTimestamp || kube.peek(o.kind, o.metadata.name, ns) !== o) continue;
      kube.delete(o.kind, o.metadata.name, ns);
    }
    if (kube.namespaceContents(ns).some((o) => o.kind !== 'Event')) return;
    for (const e of kube.namespaceContents(ns)) kube.delete(e.kind, e.metadata.name, ns);
    terminating.delete(ns);
    kube.finalizeNamespace(ns);
  };

  const later = (ns: string) => {
    if (scheduled.has(ns)) return;
    scheduled.add(ns);
    clock.schedule(
      0,
      () => {
        scheduled.delete(ns);
        sync(ns);
      },
      { label: `namespace-controller:${ns}` },
    );
  };

  kube.watch('Namespace', (ev) => {
    if (ev.type === 'MODIFIED' && ev.object.metadata.deletionTimestamp) {
      terminating.add(ev.object.metadata.name);
      later(ev.object.metadata.name);
    }
  });
  // Something left in a Terminating namespace went away: maybe it is empty now.
  kube.watch('*', (ev) => {
    const ns = ev.object.metadata.namespace;
    if (ev.type === 'DELETED' && ns && terminating.has(ns) && ev.object.kind !== 'Event') later(ns);
  });
}
