/**
 * What the CLI layer needs from a sandbox. The simulator builds one CliContext per sandbox and
 * passes it to `runCommandLine`; the CLI reads and writes only through these stores, as real
 * kubectl/az only talk to the API server and ARM.
 */
import type { ArmClient } from '../sim/azure/client';
import type { ArmStore } from '../sim/azure/store';
import type { VirtualClock } from '../sim/clock';
import type { CloudRuntime } from '../sim/clouds/types';
import type { KubeStore } from '../sim/kube/store';
import type { CloudName } from '../sim/options';
import type { ShellState } from './shell/types';

export interface CliSandboxOptions {
  subscriptionId: string;
  resourceGroup: string;
  clusterName: string;
  location: string;
  kubernetesVersion: string;
  nodeCount: number;
  networkPlugin: string;
  outboundType: string;
  managedOutboundIPCount: number;
}

/**
 * AKS control-plane operations `az aks …` triggers. They belong to the simulator (they change
 * the node resource group the way the AKS resource provider does); the CLI only parses and prints.
 */
export interface AksOperations {
  /** `az aks update --load-balancer-managed-outbound-ip-count N` */
  setManagedOutboundIPCount?(count: number): Promise<void> | void;
  /** `az aks update` with `--load-balancer-managed-outbound-ip-count` and/or `--load-balancer-outbound-ports` (one operation). */
  updateLoadBalancerProfile?(change: { managedOutboundIPCount?: number; allocatedOutboundPorts?: number }): Promise<void> | void;
  /** `az aks nodepool scale --name P --node-count N` (and `az aks scale`). */
  scaleNodePool?(pool: string, count: number): Promise<void> | void;
}

export interface CliContext {
  kube: KubeStore;
  arm: ArmStore;
  /** Writes from `az` go through the client so limits, faults and the activity log apply. */
  armClient: ArmClient;
  clock: VirtualClock;
  options: CliSandboxOptions;
  settle(): Promise<unknown>;
  advance(ms: number): Promise<void>;
  aks?: AksOperations;
  /** The AKS resource provider's public IP pool (Azure picks the address of a new Static PIP). */
  cluster?: { publicIps: { allocate(location: string): string } };
  /**
   * The sandbox's cloud (issue 17); absent means AKS. Another cloud's network answers curl and
   * egress; `aws` reads the EKS store, `gcloud` the GKE one.
   */
  cloud?: { readonly name: CloudName; runtime?: CloudRuntime };
  /** Shell state of this sandbox's terminal; created on first use when absent. */
  shell?: ShellState;
  /** Identity shown as `caller` in the activity log for `az` writes. */
  userPrincipal?: string;
  /**
   * Contents for `kubectl apply -f https://…` (the lab has no network): a lesson can serve the
   * AKS quickstart manifests from here. Unknown URLs get kubectl's 404 error.
   */
  readUrl?(url: string): string | undefined;
  /**
   * Given by a caller whose thread must stay responsive (the lab's UI): long commands await it
   * between slices of work. It never changes a command's result, only when the work happens.
   */
  pause?(): Promise<void>;
}

/** Node resource group name AKS derives (`MC_<rg>_<cluster>_<location>`). */
export function nodeResourceGroup(o: CliSandboxOptions): string {
  return `MC_${o.resourceGroup}_${o.clusterName}_${o.location}`;
}
