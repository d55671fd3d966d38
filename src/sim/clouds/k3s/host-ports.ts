/**
 * Host ports held per node, kept in step with the store's Pod watch: the scheduler's NodePorts
 * filter asks "is TCP/80 free on agent-1?" once per svclb pod, and answering that by listing every
 * Pod made applying n LoadBalancer Services cost n³ (docs/performance.md).
 */
import type { KubeStore } from '../../kube/store';
import type { KubeObject } from '../../kube/types';

type Container = { ports?: { hostPort?: number; protocol?: string }[] };

/** `TCP/80`-style keys of the host ports a pod asks for. */
export function hostPorts(pod: KubeObject): string[] {
  const containers = (pod.spec as { containers?: Container[] } | undefined)?.containers ?? [];
  return containers.flatMap((c) => (c.ports ?? []).filter((x) => x.hostPort).map((x) => `${x.protocol ?? 'TCP'}/${x.hostPort}`));
}

/** The node whose ports a pod holds: bound and not on its way out. */
const holdingNode = (pod: KubeObject | undefined) =>
  pod && !pod.metadata.deletionTimestamp ? (pod.spec as { nodeName?: string } | undefined)?.nodeName : undefined;

export class HostPortIndex {
  /** node → port key → how many pods hold it (a count: a clash can already exist when pods are written directly). */
  private readonly byNode = new Map<string, Map<string, number>>();

  constructor(kube: KubeStore) {
    for (const pod of kube.scan('Pod')) this.add(pod, 1);
    kube.watch('Pod', (ev) => {
      if (ev.old) this.add(ev.old, -1);
      if (ev.type !== 'DELETED') this.add(ev.object, 1);
    });
  }

  /** Whether some pod on the node already holds one of these port keys. */
  anyTaken(node: string, ports: string[]): boolean {
    const held = this.byNode.get(node);
    return !!held && ports.some((p) => (held.get(p) ?? 0) > 0);
  }

  private add(pod: KubeObject, delta: 1 | -1): void {
    const node = holdingNode(pod);
    if (!node) return;
    const ports = hostPorts(pod);
    if (!ports.length) return;
    let held = this.byNode.get(node);
    if (!held) this.byNode.set(node, (held = new Map()));
    for (const p of ports) {
      const n = (held.get(p) ?? 0) + delta;
      if (n > 0) held.set(p, n);
      else held.delete(p);
    }
  }
}
