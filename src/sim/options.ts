/** Sandbox options with the defaults of the public entry (issue #3): keep these stable. */
import { type ArmLimits, DEFAULT_LIMITS, type ThrottlingFault } from './azure/client';

export type NetworkPlugin = 'azure' | 'kubenet';
export type OutboundType = 'loadBalancer' | 'managedNATGateway' | 'userAssignedNATGateway' | 'userDefinedRouting';

export interface FaultOptions {
  /** Public IPs per subscription and region. Default 1000 (high: learners never hit it by accident). */
  publicIPQuota?: number;
  /** Turns on ARM write throttling (429 + Retry-After) for every caller. */
  armThrottling?: ThrottlingFault;
  /** Multiplies all provisioning latencies; 3 makes a service take ~25 s instead of ~8 s. Default 1. */
  provisioningDelayFactor?: number;
  /** Azure limits (defaults: 600 frontends per LB, 300 rules per NIC, 1000 NSG rules). */
  limits?: Partial<ArmLimits>;
}

export interface SandboxOptions {
  subscriptionId?: string;
  resourceGroup?: string;
  clusterName?: string;
  location?: string;
  kubernetesVersion?: string;
  nodeCount?: number;
  networkPlugin?: NetworkPlugin;
  outboundType?: OutboundType;
  /** Load-balancer managed outbound IPs (outboundType loadBalancer), 1–100. */
  managedOutboundIPCount?: number;
  /** NAT gateway managed outbound IPs (outboundType managedNATGateway), 1–16 like `--nat-gateway-managed-outbound-ip-count`. */
  natGatewayManagedOutboundIPCount?: number;
  seed?: number;
  faults?: FaultOptions;
  /**
   * Which cloud's load-balancer controller runs (issue 17). Default `aks`; the others load their
   * code on demand (src/sim/clouds/), so `sandbox.cloud.ready` must settle before they act.
   */
  cloud?: CloudName;
}

export type CloudName = 'aks' | 'eks' | 'gke' | 'metallb' | 'k3s';

export interface ResolvedOptions {
  subscriptionId: string;
  resourceGroup: string;
  clusterName: string;
  location: string;
  kubernetesVersion: string;
  nodeCount: number;
  networkPlugin: NetworkPlugin;
  outboundType: OutboundType;
  managedOutboundIPCount: number;
  natGatewayManagedOutboundIPCount: number;
  seed: number;
  faults: Required<Omit<FaultOptions, 'armThrottling' | 'limits'>> & { armThrottling?: ThrottlingFault; limits: ArmLimits };
}

/** A fixed, plausible subscription GUID (outputs must not depend on anything random by default). */
export const DEFAULT_SUBSCRIPTION_ID = '9b2e5a1c-4f7d-4c3a-8e6b-2d1f0a9c8b7e';

export function resolveOptions(o: SandboxOptions = {}): ResolvedOptions {
  return {
    subscriptionId: o.subscriptionId ?? DEFAULT_SUBSCRIPTION_ID,
    resourceGroup: o.resourceGroup ?? 'myResourceGroup',
    clusterName: o.clusterName ?? 'myAKSCluster',
    location: o.location ?? 'eastus',
    kubernetesVersion: o.kubernetesVersion ?? '1.33',
    nodeCount: o.nodeCount ?? 3,
    networkPlugin: o.networkPlugin ?? 'azure',
    outboundType: o.outboundType ?? 'loadBalancer',
    managedOutboundIPCount: o.managedOutboundIPCount ?? 1,
    natGatewayManagedOutboundIPCount: o.natGatewayManagedOutboundIPCount ?? 1,
    seed: o.seed ?? 1,
    faults: {
      publicIPQuota: o.faults?.publicIPQuota ?? 1000,
      provisioningDelayFactor: o.faults?.provisioningDelayFactor ?? 1,
      armThrottling: o.faults?.armThrottling,
      limits: { ...DEFAULT_LIMITS, ...(o.faults?.limits ?? {}) },
    },
  };
}

/** `1.33` → 33 (minor), for behaviour that changed between versions (NSG rule naming at 1.29). */
export function kubernetesMinor(version: string): number {
  const m = version.match(/^v?1\.(\d+)/);
  return m ? Number(m[1]) : 33;
}

/** Full patch version shown by `kubectl version` / node kubeletVersion for a minor. */
export function kubernetesPatchVersion(version: string): string {
  if (/^\d+\.\d+\.\d+$/.test(version)) return version;
  const patches: Record<string, string> = {
    '1.27': '1.27.9',
    '1.28': '1.28.15',
    '1.29': '1.29.15',
    '1.30': '1.30.14',
    '1.31': '1.31.10',
    '1.32': '1.32.6',
    '1.33': '1.33.2',
  };
  return patches[version] ?? `${version}.0`;
}
