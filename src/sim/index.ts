/**
 * Public entry of the simulator (issue #3): `createSandbox(options?)` builds one AKS cluster and
 * its Azure subscription in memory. Keep this surface stable: an outside test suite drives it.
 */

import { runCommandLine } from '../cli/index';
import { AksCluster } from './azure/aks';
import { ArmClient } from './azure/client';
import { PublicIpAllocator } from './azure/ip-allocator';
import { ArmStore } from './azure/store';
import { VirtualClock } from './clock';
import { makeContext } from './cloud-provider/context';
import { ImplementedElsewhere } from './cloud-provider/load-balancer';
import { AzureLoadBalancerProvider } from './cloud-provider/provider';
import { ServiceController } from './cloud-provider/service-controller';
import { loadCloud } from './clouds/load';
import type { CloudRuntime } from './clouds/types';
import { startNamespaceController } from './controllers/namespace';
import { WorkQueue } from './controllers/queue';
import { startWorkloadControllers } from './controllers/workloads';
import { bootstrapKube, syncNodes } from './kube/cluster-objects';
import { EventRecorder } from './kube/events';
import { KubeStore } from './kube/store';
import { ClusterIpAllocator, NodePortAllocator, SERVICE_CIDR_BY_CLOUD } from './kube/strategies/allocators';
import { registerStrategies } from './kube/strategies/index';
import { serviceStrategy } from './kube/strategies/service';
import { md5Hex } from './md5';
import { type CloudName, type FaultOptions, kubernetesMinor, type ResolvedOptions, resolveOptions, type SandboxOptions } from './options';
import { SeededRandom } from './random';

export { ArmError } from './azure/errors';
export type { ActivityLogEntry, ArmResource } from './azure/types';
export type { CloudRuntime } from './clouds/types';
export { ApiError, NoKindMatchError, UnknownResourceTypeError } from './kube/errors';
export type { KubeEvent, KubeObject, Service } from './kube/types';
export type { CloudName, FaultOptions, NetworkPlugin, OutboundType, ResolvedOptions, SandboxOptions } from './options';

export interface ExecOptions {
  stdin?: string;
  /** Awaited between slices of a long command (the lab's UI thread); see CliContext.pause. */
  pause?: () => Promise<void>;
}

export interface SettleOptions {
  /**
   * Awaited between slices (the lab gives the browser a turn there). Without it, settle runs in one
   * go, as tests and benchmarks want.
   */
  pause?: () => Promise<void>;
  /** Wall-clock length of one slice in ms (default 25: the page never freezes past 50 ms). */
  sliceMs?: number;
  /** Checked between slices: stop early (the learner paused, changed speed or runs a command). */
  shouldStop?: () => boolean;
  /** Safety bound on timer rounds (default 5,000,000). */
  maxRounds?: number;
}

export interface SettleReport {
  /** Timer rounds run. */
  rounds: number;
  /** True when nothing but idle retries is left (false if stopped early). */
  settled: boolean;
  /**
   * What is still retrying a failure nothing has changed since — a limit, a quota, a missing PIP,
   * a permission, throttling that lets nothing through — one entry per queue key, e.g.
   * `service-controller:default/web`. Empty when everything is done.
   */
  waiting: string[];
}

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface Sandbox {
  readonly options: ResolvedOptions;
  readonly clock: VirtualClock;
  readonly kube: KubeStore;
  readonly arm: ArmStore;
  /** All ARM writes (the CLI's `az` included) go through this for limits, faults and the activity log. */
  readonly armClient: ArmClient;
  readonly events: EventRecorder;
  /** The AKS resource provider: layout (names), `az aks update`/`nodepool scale` operations. */
  readonly cluster: AksCluster;
  readonly aks: {
    setManagedOutboundIPCount(count: number): void;
    /** `az aks update` with `--load-balancer-managed-outbound-ip-count` and/or `--load-balancer-outbound-ports`, as one operation. */
    updateLoadBalancerProfile(change: { managedOutboundIPCount?: number; allocatedOutboundPorts?: number }): void;
    scaleNodePool(pool: string, count: number): void;
    /** `az role assignment create --role "Network Contributor"` for the cluster identity on a scope (e.g. a resource group id). */
    grantNetworkContributor(scope: string): void;
  };
  /** Changes fault injection at run time (a lesson raising the PIP quota); counts as a change for settle(). */
  setFaults(faults: Partial<FaultOptions>): void;
  /** Identity shown as `caller` for `az` writes. */
  readonly userPrincipal: string;
  /** One command line as a user types it (delegates to src/cli). */
  exec(commandLine: string, opts?: ExecOptions): Promise<ExecResult>;
  /**
   * Advances virtual time until every controller is idle or only retrying a failure nothing has
   * changed since. Always ends: such retries are recognised even while others fail beside them.
   */
  settle(opts?: SettleOptions): Promise<SettleReport>;
  /** Advances virtual time by `ms`, running controllers as their timers come due. */
  advance(ms: number): Promise<void>;
  /** Synchronous settle (benchmarks, tests). Returns the number of timer rounds run. */
  settleSync(maxRounds?: number): number;
  /** Non-Event Kubernetes writes + ARM writes: "has anything changed?" */
  worldVersion(): number;
  /**
   * The cloud whose load-balancer controller runs (issue 17). For `aks` it is the Azure provider
   * above (`runtime` undefined); any other cloud's code is loaded on demand: `ready` resolves once
   * its controllers run (exec and settle wait for it), then `runtime` holds its resource store.
   */
  readonly cloud: { readonly name: CloudName; readonly ready: Promise<void>; runtime?: CloudRuntime };
}

export function createSandbox(input: SandboxOptions = {}): Sandbox {
  const options = resolveOptions(input);
  const seed = options.seed;
  const clock = new VirtualClock();
  const kube = new KubeStore(clock, new SeededRandom(`${seed}:kube`));
  const arm = new ArmStore(clock, new SeededRandom(`${seed}:arm`), new SeededRandom(`${seed}:resource-guid`));
  // ArmClient calls it `throttling`; the option is `armThrottling` (passing options.faults as is
  // silently dropped it: throttling never fired).
  const f = options.faults;
  const armFaults = {
    publicIPQuota: f.publicIPQuota,
    provisioningDelayFactor: f.provisioningDelayFactor,
    throttling: f.armThrottling,
    limits: { ...f.limits },
  };
  const armClient = new ArmClient(arm, clock, new SeededRandom(`${seed}:arm-client`), armFaults);
  const cluster = new AksCluster(options, armClient, new SeededRandom(`${seed}:aks`), new PublicIpAllocator(new SeededRandom(`${seed}:pip`)));
  const cloudName: CloudName = input.cloud ?? 'aks';
  const clusterIps = new ClusterIpAllocator(new SeededRandom(`${seed}:cluster-ip`), SERVICE_CIDR_BY_CLOUD[cloudName]);
  const nodePorts = new NodePortAllocator(new SeededRandom(`${seed}:node-port`));
  kube.registerStrategy('Service', serviceStrategy(clusterIps, nodePorts));
  registerStrategies(kube);
  // The cluster already exists when the lesson starts: its creation is never throttled.
  armClient.faults.throttling = undefined;
  cluster.bootstrap();
  armClient.faults.throttling = f.armThrottling;
  bootstrapKube(kube, cluster, options, clusterIps);
  // The AKS resource provider's node pool is this cluster's nodes on AKS only: another cloud names
  // and numbers its own (src/sim/clouds), and an agent pool scale must never rename them aks-nodepool1-….
  if (cloudName === 'aks') cluster.onNodesChanged = (count) => syncNodes(kube, cluster, options, count);
  const events = new EventRecorder(kube, clock);
  const worldVersion = () => kube.version + arm.version;
  const cloud: { name: CloudName; ready: Promise<void>; runtime?: CloudRuntime } = { name: cloudName, ready: Promise.resolve() };
  // Only AKS runs the Azure provider; another cloud brings its own controllers (loaded below).
  const serviceController =
    cloudName === 'aks'
      ? new ServiceController(
          kube,
          events,
          new AzureLoadBalancerProvider(makeContext(arm, armClient, cluster, kubernetesMinor(options.kubernetesVersion))),
          clock,
          worldVersion,
          () => cluster.nodeCount,
          () => cluster.nodeNames(),
        )
      : undefined;
  startNamespaceController(kube, clock);
  startWorkloadControllers(kube, events, clock, worldVersion, new SeededRandom(`${seed}:workloads`), new SeededRandom(`${seed}:endpointslices`));

  const settleSync = (maxRounds = 5_000_000): number => {
    let rounds = 0;
    clock.runDue();
    while (clock.hasBusyTimers() && rounds < maxRounds) {
      clock.runNext();
      rounds++;
    }
    return rounds;
  };

  const report = (rounds: number): SettleReport => {
    const settled = !clock.hasBusyTimers();
    const queues = serviceController ? [serviceController.queue] : (cloud.runtime?.queues ?? []);
    return { rounds, settled, waiting: settled ? queues.flatMap((queue) => queue.failingKeys().map((key) => `${queue.name}:${key}`)) : [] };
  };

  const settle = async (opts: SettleOptions = {}): Promise<SettleReport> => {
    const maxRounds = opts.maxRounds ?? 5_000_000;
    if (!opts.pause) return report(settleSync(maxRounds));
    const sliceMs = opts.sliceMs ?? 25;
    let rounds = 0;
    clock.runDue();
    for (;;) {
      const sliceEnd = performance.now() + sliceMs;
      // One round is one timer instant: small, so checking the wall clock every 8 keeps slices honest.
      while (rounds < maxRounds && clock.hasBusyTimers()) {
        clock.runNext();
        if (++rounds % 8 === 0 && performance.now() >= sliceEnd) break;
      }
      if (rounds >= maxRounds || !clock.hasBusyTimers()) return report(rounds);
      await opts.pause();
      if (opts.shouldStop?.()) return report(rounds);
    }
  };

  const sandbox: Sandbox = {
    options,
    clock,
    kube,
    arm,
    armClient,
    events,
    cluster,
    aks: {
      setManagedOutboundIPCount: (count) => cluster.setManagedOutboundIPCount(count),
      updateLoadBalancerProfile: (change) => cluster.updateLoadBalancerProfile(change),
      scaleNodePool: (pool, count) => cluster.scaleNodePool(pool, count),
      grantNetworkContributor: (scope) => {
        armClient.authz.grant(cluster.layout.clusterPrincipalId, scope);
        arm.touch();
      },
    },
    setFaults: (f) => {
      const target = armClient.faults;
      if (f.publicIPQuota !== undefined) target.publicIPQuota = f.publicIPQuota;
      if (f.provisioningDelayFactor !== undefined) target.provisioningDelayFactor = f.provisioningDelayFactor;
      if ('armThrottling' in f) target.throttling = f.armThrottling;
      if (f.limits) target.limits = { ...target.limits, ...f.limits };
      arm.touch();
    },
    userPrincipal: 'azureuser@contoso.com',
    exec: (line, opts = {}) => runCommandLine(sandbox, line, opts),
    settle,
    advance: async (ms) => {
      clock.advance(ms);
    },
    settleSync,
    worldVersion,
    cloud,
  };
  if (cloudName !== 'aks') {
    const lib = { ServiceController, WorkQueue, ImplementedElsewhere, SeededRandom, md5Hex };
    const ctx = { kube, events, clock, options, worldVersion, seed, kubeMinor: kubernetesMinor(options.kubernetesVersion), lib };
    // The import() keeps every other cloud's code out of the AKS lab's bundle.
    cloud.ready = loadCloud(cloudName).then((start) => void (cloud.runtime = start(ctx)));
    // A failed load surfaces where `ready` is awaited (exec, settle), not as an unhandled rejection.
    cloud.ready.catch(() => undefined);
    const { exec, settle: settleNow } = sandbox;
    Object.assign(sandbox, {
      exec: async (line: string, opts?: ExecOptions) => (await cloud.ready, exec(line, opts)),
      settle: async (opts?: SettleOptions) => (await cloud.ready, settleNow(opts)),
      settleSync: (maxRounds?: number) => {
        if (!cloud.runtime) throw new Error(`cloud provider "${cloudName}" is still loading: await sandbox.cloud.ready first`);
        return settleSync(maxRounds);
      },
    });
  }
  return sandbox;
}
