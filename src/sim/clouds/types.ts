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
import type { Service } from '../kube/types';
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

/**
 * How a cloud's network carries `curl` (src/cli/curl): the front part of the path is the cloud's
 * (DNS, load balancer, firewall, which node); kube-proxy on that node and the pod are the core's.
 */
export interface CloudNetwork {
  /** Public DNS the lab terminal and pods reach: EKS load balancer names → an address (undefined: NXDOMAIN). */
  resolve(host: string): string | undefined;
  /** The lab terminal's packet to ip:port, up to the node that hands it to kube-proxy, or where it dies. */
  inbound(req: { ip: string; port: number; callerIp: string; fromNode?: string }): CloudInbound;
  /** The public address a pod's outbound connection leaves with, and what translated it. */
  egress(node: string): { ip: string; via: string } | undefined;
}

export type CloudInbound =
  | { kind: 'drop'; trace: string[] }
  /** A host answered with RST (nothing listens on that port there): curl (7). */
  | { kind: 'refused'; trace: string[] }
  /** `clientIp`: the address the packet comes from (the LAN laptop on bare metal, else the lab terminal). */
  | { kind: 'node'; trace: string[]; svc: Service; node: string; clientIp: string }
  /** Straight to a pod (an AWS NLB's `ip` targets): no nodePort, no kube-proxy. */
  | { kind: 'pod'; trace: string[]; svc: Service; pod: string; port: number };

export interface CloudRuntime<Store = unknown> {
  readonly name: Exclude<CloudName, 'aks'>;
  /** The cloud's own resources (load balancers, security groups, address pools …), for CLIs and consoles. */
  readonly store: Store;
  /** Work queues whose failing keys settle() reports as `waiting`. */
  readonly queues: WorkQueue[];
  readonly network?: CloudNetwork;
}

export type StartCloud = (ctx: CloudContext) => CloudRuntime;
