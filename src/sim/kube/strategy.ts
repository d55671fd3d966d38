/**
 * Per-kind API server behaviour (the "registry strategy" of kube-apiserver): defaulting,
 * validation, allocation of cluster resources, and release on delete. The store calls these
 * hooks; each kind's rules live in its own file under strategies/.
 */
import type { VirtualClock } from '../clock';
import type { SeededRandom } from '../random';
import type { FieldCause } from './errors';
import type { KubeObject } from './types';

export interface StrategyContext {
  clock: VirtualClock;
  random: SeededRandom;
  /** Read access to other stored objects (e.g. a Pod's node). */
  peek(kind: string, name: string, namespace?: string): KubeObject | undefined;
}

export interface KindStrategy {
  /** Fills server-side defaults. `old` is the stored object on update. */
  defaults?(obj: KubeObject, old: KubeObject | undefined, ctx: StrategyContext): void;
  /** Semantic validation after defaulting; causes become `The X "n" is invalid: …`. */
  validate?(obj: KubeObject, old: KubeObject | undefined, ctx: StrategyContext): FieldCause[];
  /**
   * Claims cluster-wide resources (cluster IPs, nodePorts). Runs after validation; may throw
   * an ApiError. Must be all-or-nothing: on throw nothing stays claimed.
   */
  allocate?(obj: KubeObject, old: KubeObject | undefined, ctx: StrategyContext): void;
  /** Warnings the API server sends with a successful write (kubectl prints `Warning: …`). */
  warnings?(obj: KubeObject, old: KubeObject | undefined): string[];
  /** Gives back what `allocate` claimed when the object is finally removed. */
  release?(obj: KubeObject, ctx: StrategyContext): void;
  /** The name rule for metadata.name: DNS-1123 subdomain unless the kind says otherwise. */
  nameRule?: 'dns1123-subdomain' | 'dns1123-label' | 'dns1035-label' | 'path-segment';
}
