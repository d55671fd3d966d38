/**
 * The seam between the sandbox and a cloud other than AKS (issue 17). A cloud module exports
 * `start(ctx)`: it wires its controllers to the Kubernetes store and returns its resource store.
 * Nothing here may import a cloud module: they are loaded with import() (./load.ts).
 */
import type { VirtualClock } from '../clock';
import type { WorkQueue } from '../controllers/queue';
import type { EventRecorder } from '../kube/events';
import type { KubeStore } from '../kube/store';
import type { CloudName, ResolvedOptions } from '../options';

export interface CloudContext {
  kube: KubeStore;
  events: EventRecorder;
  clock: VirtualClock;
  options: ResolvedOptions;
  /** Non-Event writes: the work queues' "has anything changed?" for idle retries. */
  worldVersion: () => number;
  /** The sandbox seed: a cloud derives its own SeededRandom streams from it. */
  seed: number;
}

export interface CloudRuntime<Store = unknown> {
  readonly name: Exclude<CloudName, 'aks'>;
  /** The cloud's own resources (load balancers, security groups, address pools …), for CLIs and consoles. */
  readonly store: Store;
  /** Work queues whose failing keys settle() reports as `waiting`. */
  readonly queues: WorkQueue[];
}

export type StartCloud = (ctx: CloudContext) => CloudRuntime;
