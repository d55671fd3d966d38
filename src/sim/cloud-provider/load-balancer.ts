/**
 * The cloudprovider.LoadBalancer interface as the service controller calls it. Azure implements it
 * in ./provider.ts; the other clouds (src/sim/clouds/) implement it too and load only when used.
 */
import type { Flow } from '../flow';
import type { LoadBalancerIngress, Service } from '../kube/types';

export type Warn = (reason: string, message: string) => void;

export interface LoadBalancer {
  /** EnsureLoadBalancer: the ingress to write into status (or throw ImplementedElsewhere). */
  ensure(svc: Service, warn: Warn): Flow<LoadBalancerIngress[]>;
  /** EnsureLoadBalancerDeleted. */
  ensureDeleted(svc: Service, warn: Warn): Flow<void>;
  /** UpdateLoadBalancer: the node set changed. */
  updateHosts(svc: Service): Flow<void>;
  /** GetLoadBalancer's `exists`. */
  exists(svc: Service): boolean;
}

/**
 * cloudprovider.ImplementedElsewhere: the provider handed the Service to another controller
 * (k3s ServiceLB, EKS `aws-load-balancer-type: external`). The service controller has already
 * emitted EnsuringLoadBalancer and added its finalizer; it stops without an EnsuredLoadBalancer.
 */
export class ImplementedElsewhere extends Error {
  constructor() {
    super('implemented elsewhere');
    this.name = 'ImplementedElsewhere';
  }
}
