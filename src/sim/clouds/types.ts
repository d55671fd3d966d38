/**
 * The seam between the sandbox and a cloud other than AKS (issue 17). A cloud module exports
 * `start(ctx)`: it wires its controllers to the Kubernetes store and returns its resource store.
 * Nothing here may import a cloud module: they are loaded with import() (./load.ts).
 */
import type { VirtualClock } from '../clock';
import type { ImplementedElsewhere } from '../cloud-provider/load-balancer';
import type { ServiceController } from '../cloud-provider/service-controller';
import type { WorkQueue } from '../controllers/queue';
import type { EventRecorder } from '../kube/events';
import type { KubeStore } from '../kube/store';
import type { md5Hex } from '../md5';
import type { CloudName, ResolvedOptions } from '../options';
import type { SeededRandom } from '../random';

export interface CloudContext {
  kube: KubeStore;
  events: EventRecorder;
  clock: VirtualClock;
  options: ResolvedOptions;
  /** Non-Event writes: the work queues' "has anything changed?" for idle retries. */
  worldVersion: () => number;
  /** The sandbox seed: a cloud derives its own SeededRandom streams from it. */
  seed: number;
  /** Kubernetes minor version (GKE's default load balancer changed at 1.37). */
  kubeMinor: number;
  lib: CloudLib;
}

/**
 * Simulator classes the AKS bundle already has, handed to a cloud module instead of imported: an
 * import would make Rollup split them out of the AKS lab's chunk into a shared one (an extra
 * request and ~1.7 KB more gzip for every AKS lab). Cloud modules import only types from the core.
 */
export interface CloudLib {
  ServiceController: typeof ServiceController;
  WorkQueue: typeof WorkQueue;
  ImplementedElsewhere: typeof ImplementedElsewhere;
  SeededRandom: typeof SeededRandom;
  md5Hex: typeof md5Hex;
}

export interface CloudRuntime<Store = unknown> {
  readonly name: Exclude<CloudName, 'aks'>;
  /** The cloud's own resources (load balancers, security groups, address pools …), for CLIs and consoles. */
  readonly store: Store;
  /** Work queues whose failing keys settle() reports as `waiting`. */
  readonly queues: WorkQueue[];
}

export type StartCloud = (ctx: CloudContext) => CloudRuntime;
