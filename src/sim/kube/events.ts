/**
 * Event recorder with the client-go correlator's aggregation: the same (object, type, reason,
 * message, source) bumps `count` and `lastTimestamp` instead of creating a new Event, which is
 * what `kubectl describe` shows as `(x3 over 2m)`.
 */
import type { VirtualClock } from '../clock';
import type { KubeStore } from './store';
import type { KubeEvent, KubeObject } from './types';

export class EventRecorder {
  private index = new Map<string, string>();
  private seq = 0;

  constructor(
    private readonly store: KubeStore,
    private readonly clock: VirtualClock,
  ) {}

  record(involved: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, component: string, host?: string): KubeEvent {
    const ns = involved.metadata.namespace ?? 'default';
    const key = `${involved.metadata.uid}|${type}|${reason}|${message}|${component}`;
    const now = this.clock.nowIso();
    const existingName = this.index.get(key);
    const existing = existingName ? (this.store.peek('Event', existingName, ns) as KubeEvent | undefined) : undefined;
    if (existing) {
      const next: KubeEvent = { ...existing, count: existing.count + 1, lastTimestamp: now, metadata: { ...existing.metadata } };
      return this.store.putSystem(next) as KubeEvent;
    }
    // Real names are `<object>.<hex unix nanos>`; the sequence keeps same-instant events apart.
    const nanos = BigInt(this.clock.now()) * 1_000_000n + BigInt(this.seq++);
    const name = `${involved.metadata.name}.${nanos.toString(16)}`;
    const event: KubeEvent = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace: ns, uid: '', resourceVersion: '', creationTimestamp: now },
      involvedObject: {
        kind: involved.kind,
        namespace: involved.metadata.namespace,
        name: involved.metadata.name,
        uid: involved.metadata.uid,
        apiVersion: involved.apiVersion,
        resourceVersion: involved.metadata.resourceVersion,
      },
      reason,
      message,
      type,
      count: 1,
      firstTimestamp: now,
      lastTimestamp: now,
      source: host ? { component, host } : { component },
      reportingComponent: component,
      reportingInstance: host ?? '',
    };
    if (!involved.metadata.namespace) delete event.involvedObject.namespace;
    this.index.set(key, name);
    return this.store.putSystem(event) as KubeEvent;
  }

  /** Events about one object, oldest first (what `kubectl describe` lists). */
  eventsFor(obj: KubeObject): KubeEvent[] {
    const out: KubeEvent[] = [];
    for (const e of this.store.scan('Event') as IterableIterator<KubeEvent>) if (e.involvedObject.uid === obj.metadata.uid) out.push(e);
    return out.sort((a, b) => (a.firstTimestamp < b.firstTimestamp ? -1 : a.firstTimestamp > b.firstTimestamp ? 1 : 0));
  }
}
