/**
 * The upstream service controller as AKS's cloud-controller-manager runs it (domain §6.1): one
 * worker, per-key backoff, the finalizer, Events from `service-controller`, status updates.
 */

import { ArmError } from '../azure/errors';
import type { VirtualClock } from '../clock';
import { WorkQueue } from '../controllers/queue';
import type { Flow } from '../flow';
import type { EventRecorder } from '../kube/events';
import type { KubeStore } from '../kube/store';
import type { KubeObject, LoadBalancerIngress, Service } from '../kube/types';
import { wantsLoadBalancer } from './annotations';
import type { LoadBalancer } from './load-balancer';
import { ImplementedElsewhere } from './load-balancer';

export const LB_FINALIZER = 'service.kubernetes.io/load-balancer-cleanup';
const COMPONENT = 'service-controller';

export class ServiceController {
  readonly queue: WorkQueue;
  private lastNodeCount: number;
  /** Keys queued because the Service changed (full EnsureLoadBalancer). */
  private changed = new Set<string>();
  /** Keys queued only because the node set changed (UpdateLoadBalancer, nodeSyncService). */
  private hostsOnly = new Set<string>();

  constructor(
    private readonly kube: KubeStore,
    private readonly events: EventRecorder,
    private readonly provider: LoadBalancer,
    clock: VirtualClock,
    worldVersion: () => number,
    private readonly nodeCount: () => number,
    private readonly nodeNames: () => string[] = () => [],
  ) {
    this.queue = new WorkQueue('service-controller', clock, worldVersion, (key) => this.sync(key), {
      isTransient: (err) => causeOf(err)?.statusCode === 429,
      retryAfterMs: (err) => {
        const arm = causeOf(err);
        return arm?.statusCode === 429 && arm.retryAfterSeconds ? arm.retryAfterSeconds * 1000 : undefined;
      },
    });
    this.lastNodeCount = nodeCount();
    kube.watch('Service', (ev) => {
      const svc = ev.object as Service;
      const key = `${svc.metadata.namespace}/${svc.metadata.name}`;
      const full =
        (ev.type === 'ADDED' && (wantsLoadBalancer(svc) || svc.metadata.finalizers?.includes(LB_FINALIZER))) ||
        (ev.type === 'MODIFIED' && needsUpdate(ev.old as Service, svc));
      if (!full) return;
      this.changed.add(key);
      this.queue.enqueue(key);
    });
    kube.watch('Node', () => {
      const n = nodeCount();
      if (n === this.lastNodeCount) return;
      this.lastNodeCount = n;
      for (const s of kube.scan('Service')) {
        const svc = s as Service;
        // Only Services whose LB is already in place get the hosts update; others are mid-ensure.
        if (!wantsLoadBalancer(svc) || !svc.status?.loadBalancer?.ingress?.length) continue;
        const key = `${s.metadata.namespace}/${s.metadata.name}`;
        this.hostsOnly.add(key);
        this.queue.enqueue(key);
      }
    });
  }

  private *sync(key: string): Flow<void> {
    const [ns, name] = key.split('/');
    const live = this.kube.peek('Service', name, ns) as Service | undefined;
    if (!live) return;
    // Stored objects are replaced on write, never mutated: `live` is a stable snapshot for this sync.
    const svc = live;
    const warn = (reason: string, message: string) => this.events.record(svc, 'Warning', reason, message, COMPONENT);
    const hasFinalizer = !!svc.metadata.finalizers?.includes(LB_FINALIZER);
    if (svc.metadata.deletionTimestamp || !wantsLoadBalancer(svc)) {
      if (!hasFinalizer) return;
      const exists = this.provider.exists(svc);
      if (exists) this.events.record(svc, 'Normal', 'DeletingLoadBalancer', 'Deleting load balancer', COMPONENT);
      try {
        yield* this.provider.ensureDeleted(svc, warn);
      } catch (err) {
        // ImplementedElsewhere on delete: the finalizer goes and DeletedLoadBalancer is still
        // emitted (upstream does so unconditionally), though another controller owns the LB.
        if (!(err instanceof ImplementedElsewhere)) {
          this.events.record(
            svc,
            'Warning',
            'SyncLoadBalancerFailed',
            `Error syncing load balancer: failed to delete load balancer: ${message(err)}`,
            COMPONENT,
          );
          throw err;
        }
      }
      const cur = this.kube.peek('Service', name, ns);
      if (cur) {
        if (!cur.metadata.deletionTimestamp) this.kube.updateStatus('Service', name, ns, { loadBalancer: {} });
        if (this.kube.peek('Service', name, ns)) this.kube.updateMetadata('Service', name, ns, withoutFinalizer);
      }
      if (exists) this.events.record(svc, 'Normal', 'DeletedLoadBalancer', 'Deleted load balancer', COMPONENT);
      return;
    }
    // A node change alone: UpdateLoadBalancer, not a full ensure (SVC-CTRL nodeSyncService).
    const hostsOnly = this.hostsOnly.delete(key) && !this.changed.has(key) && hasFinalizer && !!svc.status?.loadBalancer?.ingress?.length;
    this.changed.delete(key);
    if (hostsOnly) {
      try {
        yield* this.provider.updateHosts(svc);
      } catch (err) {
        // The provider does not do host updates (k3s): a no-op, and no UpdatedLoadBalancer event.
        if (err instanceof ImplementedElsewhere) return;
        // Go's %v of the (at most 20) node names: `[n1 n2 n3]`.
        const hosts = this.nodeNames();
        const text = `Error updating load balancer with new hosts [${hosts.slice(0, 20).join(' ')}] [node names limited, total number of nodes: ${hosts.length}], error: ${message(err)}`;
        this.events.record(svc, 'Warning', 'UpdateLoadBalancerFailed', text, COMPONENT);
        throw err;
      }
      this.events.record(svc, 'Normal', 'UpdatedLoadBalancer', 'Updated load balancer with new hosts', COMPONENT);
      return;
    }
    if (this.nodeCount() === 0) warn('UnAvailableLoadBalancer', 'There are no available nodes for LoadBalancer');
    this.events.record(svc, 'Normal', 'EnsuringLoadBalancer', 'Ensuring load balancer', COMPONENT);
    if (!hasFinalizer) {
      this.kube.updateMetadata('Service', name, ns, (meta) => ({ ...meta, finalizers: [...(meta.finalizers ?? []), LB_FINALIZER] }));
    }
    let ingress: LoadBalancerIngress[];
    try {
      ingress = yield* this.provider.ensure(svc, warn);
    } catch (err) {
      // cloudprovider.ImplementedElsewhere: another controller writes the status; stop silently.
      if (err instanceof ImplementedElsewhere) return;
      const arm = causeOf(err);
      if (arm?.code === 'PublicIPCountLimitReached') warn('CreateOrUpdatePublicIPAddress', message(err));
      this.events.record(svc, 'Warning', 'SyncLoadBalancerFailed', `Error syncing load balancer: failed to ensure load balancer: ${message(err)}`, COMPONENT);
      throw err;
    }
    const cur = this.kube.peek('Service', name, ns);
    if (!cur) return;
    this.kube.updateStatus('Service', name, ns, { ...(cur.status as object), loadBalancer: { ingress } });
    this.events.record(svc, 'Normal', 'EnsuredLoadBalancer', 'Ensured load balancer', COMPONENT);
  }
}

function withoutFinalizer(metadata: KubeObject['metadata']): KubeObject['metadata'] {
  const finalizers = (metadata.finalizers ?? []).filter((f) => f !== LB_FINALIZER);
  const meta = { ...metadata, finalizers };
  if (!finalizers.length) delete (meta as { finalizers?: string[] }).finalizers;
  return meta;
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function causeOf(err: unknown): ArmError | undefined {
  if (err instanceof ArmError) return err;
  return (err as { arm?: ArmError } | undefined)?.arm;
}

/** The service controller's needsUpdate: only changes that matter to the LB trigger a sync. */
function needsUpdate(old: Service, svc: Service): boolean {
  if (!old) return true;
  if (!!svc.metadata.deletionTimestamp !== !!old.metadata.deletionTimestamp) return true;
  if (wantsLoadBalancer(old) !== wantsLoadBalancer(svc)) return true;
  if (!wantsLoadBalancer(svc)) return false;
  // Status and finalizer writes share spec and annotations with the old object: nothing to compare.
  if (old.spec === svc.spec && old.metadata.annotations === svc.metadata.annotations && old.metadata.uid === svc.metadata.uid) return false;
  const pick = (s: Service) =>
    JSON.stringify([
      s.metadata.annotations,
      s.spec.ports,
      s.spec.loadBalancerIP,
      s.spec.loadBalancerSourceRanges,
      s.spec.externalTrafficPolicy,
      s.spec.healthCheckNodePort,
      s.spec.sessionAffinity,
      s.spec.externalIPs,
      s.spec.ipFamilies,
      s.metadata.uid,
    ]);
  return pick(old) !== pick(svc);
}
