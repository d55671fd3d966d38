/**
 * The ARM front door every writer goes through (the cloud provider, AKS, the user's `az`):
 * request validation with Azure's limits and error codes, throttling, quota, latency, and the
 * activity log's Started → Succeeded/Failed pairs. State lives in ArmStore.
 */
import type { VirtualClock } from '../clock';
import { type Flow, sleep } from '../flow';
import type { SeededRandom } from '../random';
import { RoleAssignments } from './authz';
import { ArmError } from './errors';
import { checkLimits, keepPipLink, linkPublicIps } from './limits';
import { type ArmStore, deleteOperation, writeOperation } from './store';
import type { ArmResource, OperationContext } from './types';

export interface ArmLimits {
  /** Standard LB: 600. */
  frontendIPConfigurationsPerLoadBalancer: number;
  /** Load-balancing + inbound NAT rules referencing one NIC IP configuration: 300. */
  rulesPerNic: number;
  /** Security rules per NSG: 1000. */
  securityRulesPerNsg: number;
}

export interface ThrottlingFault {
  /** Writes allowed per caller in one window before 429. */
  writesPerWindow: number;
  /** Window length in seconds (ARM's write observation window is 5 minutes). */
  windowSeconds?: number;
}

export interface ArmFaults {
  /** Public IPs per subscription and region (real default varies; high so learners don't hit it). */
  publicIPQuota: number;
  /** Multiplies every provisioning latency (slow-region lessons). */
  provisioningDelayFactor: number;
  throttling?: ThrottlingFault;
  limits: ArmLimits;
}

export const DEFAULT_LIMITS: ArmLimits = { frontendIPConfigurationsPerLoadBalancer: 600, rulesPerNic: 300, securityRulesPerNsg: 1000 };

/** Virtual milliseconds each kind of PUT/DELETE takes before it completes. */
export const LATENCY_MS: Record<string, number> = {
  'microsoft.network/publicipaddresses/write': 3000,
  'microsoft.network/publicipaddresses/delete': 2000,
  'microsoft.network/loadbalancers/write': 4000,
  'microsoft.network/loadbalancers/delete': 3000,
  'microsoft.network/networksecuritygroups/write': 1000,
};
const DEFAULT_LATENCY_MS = 2000;

export class ArmClient {
  private writeTimes = new Map<string, number[]>();
  /** Who may act where (checked by the cloud provider for resource groups outside the node RG). */
  readonly authz = new RoleAssignments();

  constructor(
    readonly store: ArmStore,
    readonly clock: VirtualClock,
    readonly random: SeededRandom,
    readonly faults: ArmFaults,
  ) {}

  /** How long this operation takes in virtual time. */
  latency(operationName: string): number {
    return (LATENCY_MS[operationName.toLowerCase()] ?? DEFAULT_LATENCY_MS) * this.faults.provisioningDelayFactor;
  }

  /**
   * A long-running PUT as the cloud provider experiences it: Started now, the resource is
   * validated and written when the operation completes, then Succeeded (or Failed + throw).
   * `build` runs at completion time against the then-current state, so concurrent writers
   * (az aks update, other services) are never overwritten by a stale copy. `build` must return
   * a new top-level object (sub-objects may be shared with the stored version, never mutated).
   */
  *putFlow(id: string, type: string, build: () => ArmResource, ctx: OperationContext, latencyMs?: number): Flow<ArmResource> {
    const op = writeOperation(type);
    const correlationId = this.random.uuid();
    this.throttle(ctx, op, id, correlationId);
    this.store.log(op, id, 'Started', ctx, undefined, correlationId);
    yield* sleep(latencyMs ?? this.latency(op));
    const resource = build();
    return this.commitPut(resource, ctx, correlationId);
  }

  /** A long-running DELETE (see putFlow). Missing resources succeed silently, like ARM's 204. */
  *deleteFlow(id: string, ctx: OperationContext): Flow<boolean> {
    const existing = this.store.peek(id);
    if (!existing) return false;
    const op = deleteOperation(existing.type);
    const correlationId = this.random.uuid();
    this.throttle(ctx, op, id, correlationId);
    this.store.log(op, id, 'Started', ctx, undefined, correlationId);
    yield* sleep(this.latency(op));
    return this.commitDelete(id, ctx, correlationId);
  }

  /** Synchronous PUT (bootstrap, `az` commands: the CLI waits for the LRO, time is not modelled there). */
  put(resource: ArmResource, ctx: OperationContext): ArmResource {
    const op = writeOperation(resource.type);
    const correlationId = this.random.uuid();
    this.throttle(ctx, op, resource.id, correlationId);
    this.store.log(op, resource.id, 'Started', ctx, undefined, correlationId);
    return this.commitPut(resource, ctx, correlationId);
  }

  /** Synchronous DELETE. */
  delete(id: string, ctx: OperationContext): boolean {
    const existing = this.store.peek(id);
    if (!existing) return false;
    const correlationId = this.random.uuid();
    const op = deleteOperation(existing.type);
    this.throttle(ctx, op, id, correlationId);
    this.store.log(op, id, 'Started', ctx, undefined, correlationId);
    return this.commitDelete(id, ctx, correlationId);
  }

  private commitPut(resource: ArmResource, ctx: OperationContext, correlationId: string): ArmResource {
    const op = writeOperation(resource.type);
    try {
      checkLimits(this.store, resource, this.faults);
    } catch (err) {
      if (err instanceof ArmError) this.store.log(op, resource.id, 'Failed', ctx, err, correlationId);
      throw err;
    }
    const before = this.store.peek(resource.id);
    keepPipLink(this.store, resource);
    const stored = this.store.put(resource, ctx, { log: false });
    linkPublicIps(this.store, before, stored);
    this.store.log(op, resource.id, 'Succeeded', ctx, undefined, correlationId);
    return stored;
  }

  private commitDelete(id: string, ctx: OperationContext, correlationId: string): boolean {
    const existing = this.store.peek(id);
    if (!existing) return false;
    const op = deleteOperation(existing.type);
    try {
      checkLimits(this.store, existing, this.faults, 'delete');
    } catch (err) {
      if (err instanceof ArmError) this.store.log(op, id, 'Failed', ctx, err, correlationId);
      throw err;
    }
    linkPublicIps(this.store, existing, undefined);
    this.store.delete(id, ctx, { log: false });
    this.store.log(op, id, 'Succeeded', ctx, undefined, correlationId);
    return true;
  }

  private throttle(ctx: OperationContext, op: string, id: string, correlationId: string): void {
    const t = this.faults.throttling;
    if (!t) return;
    const windowMs = (t.windowSeconds ?? 300) * 1000;
    const now = this.clock.now();
    const times = (this.writeTimes.get(ctx.caller) ?? []).filter((x) => x > now - windowMs);
    if (times.length >= t.writesPerWindow) {
      const retryAfter = Math.max(1, Math.ceil((times[0] + windowMs - now) / 1000));
      const err = new ArmError(
        429,
        'TooManyRequests',
        `The request is being throttled as the limit has been reached for operation type - Write_ObservationWindow_00:05:00. For more information, see - https://aka.ms/srpthrottlinglimits`,
        retryAfter,
      );
      this.writeTimes.set(ctx.caller, times);
      this.store.log(op, id, 'Failed', ctx, err, correlationId);
      throw err;
    }
    times.push(now);
    this.writeTimes.set(ctx.caller, times);
  }
}
