/**
 * Cluster options for the sandbox page, read from the URL (`?outboundType=…&outboundIPs=2`).
 * URLs are untrusted: every value is checked against what createSandbox accepts, and anything
 * else falls back to the AKS default.
 */
export const OUTBOUND_TYPES = ['loadBalancer', 'managedNATGateway', 'userAssignedNATGateway', 'userDefinedRouting'] as const;
export const K8S_VERSIONS = ['1.28', '1.29', '1.30', '1.31', '1.32', '1.33'] as const;
export const NETWORK_PLUGINS = ['azure', 'kubenet'] as const;
/** The clusters the sandbox can build (issue 17): AKS, and the same Service on other providers. */
export const CLOUDS = ['aks', 'eks', 'gke', 'metallb', 'k3s'] as const;
export type PageCloud = (typeof CLOUDS)[number];

export interface SandboxPageOptions {
  cloud: PageCloud;
  outboundType: (typeof OUTBOUND_TYPES)[number];
  managedOutboundIPCount: number;
  kubernetesVersion: (typeof K8S_VERSIONS)[number];
  nodeCount: number;
  networkPlugin: (typeof NETWORK_PLUGINS)[number];
}

export const DEFAULT_PAGE_OPTIONS: SandboxPageOptions = {
  cloud: 'aks',
  outboundType: 'loadBalancer',
  managedOutboundIPCount: 1,
  kubernetesVersion: '1.33',
  nodeCount: 3,
  networkPlugin: 'azure',
};

function pick<T extends string>(allowed: readonly T[], value: string | null, fallback: T): T {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function int(value: string | null, min: number, max: number, fallback: number): number {
  if (value === null || !/^\d{1,3}$/.test(value)) return fallback;
  const n = Number(value);
  return n >= min && n <= max ? n : fallback;
}

/**
 * The most managed outbound IPs each outbound type takes (`--load-balancer-managed-outbound-ip-count`
 * 1–100, `--nat-gateway-managed-outbound-ip-count` 1–16); the other types create no outbound IP,
 * so the count does not apply to them.
 */
export const OUTBOUND_IP_MAX: Partial<Record<SandboxPageOptions['outboundType'], number>> = {
  loadBalancer: 100,
  managedNATGateway: 16,
};

export const outboundIPCountApplies = (type: SandboxPageOptions['outboundType']): boolean => OUTBOUND_IP_MAX[type] !== undefined;

/** Outbound type, outbound IPs and network plugin are `az aks create` settings: other clusters have none. */
export const azureOptionsApply = (cloud: PageCloud): boolean => cloud === 'aks';

export function parseSandboxOptions(search: string): SandboxPageOptions {
  const q = new URLSearchParams(search);
  const cloud = pick(CLOUDS, q.get('cloud'), DEFAULT_PAGE_OPTIONS.cloud);
  // As with the outbound IP count, a setting the cluster does not have is dropped, not carried along.
  const azure = (key: string) => (azureOptionsApply(cloud) ? q.get(key) : null);
  const outboundType = pick(OUTBOUND_TYPES, azure('outboundType'), DEFAULT_PAGE_OPTIONS.outboundType);
  const max = OUTBOUND_IP_MAX[outboundType];
  return {
    cloud,
    outboundType,
    // A count for a type that takes none is meaningless: it is dropped, not carried along.
    managedOutboundIPCount:
      max === undefined ? DEFAULT_PAGE_OPTIONS.managedOutboundIPCount : int(azure('outboundIPs'), 1, max, DEFAULT_PAGE_OPTIONS.managedOutboundIPCount),
    kubernetesVersion: pick(K8S_VERSIONS, q.get('k8s'), DEFAULT_PAGE_OPTIONS.kubernetesVersion),
    nodeCount: int(q.get('nodes'), 1, 10, DEFAULT_PAGE_OPTIONS.nodeCount),
    networkPlugin: pick(NETWORK_PLUGINS, azure('plugin'), DEFAULT_PAGE_OPTIONS.networkPlugin),
  };
}

/** The inverse of parseSandboxOptions, for options held as an object (lab configs, share links). */
export function optionsToSearch(o: Record<string, unknown>): string {
  const q = new URLSearchParams();
  // AKS is the default: its links and bookmarks read as they did before other clouds existed.
  if (typeof o.cloud === 'string' && o.cloud !== 'aks') q.set('cloud', o.cloud);
  else {
    if (typeof o.outboundType === 'string') q.set('outboundType', o.outboundType);
    const ips = o.outboundType === 'managedNATGateway' ? (o.natGatewayManagedOutboundIPCount ?? o.managedOutboundIPCount) : o.managedOutboundIPCount;
    if (typeof ips === 'number') q.set('outboundIPs', String(ips));
  }
  if (typeof o.kubernetesVersion === 'string') q.set('k8s', o.kubernetesVersion);
  if (typeof o.nodeCount === 'number') q.set('nodes', String(o.nodeCount));
  if (typeof o.networkPlugin === 'string' && !q.has('cloud')) q.set('plugin', o.networkPlugin);
  return `?${q}`;
}

/**
 * The createSandbox options for page options: the outbound IP count goes to the load balancer's
 * profile or to the NAT gateway's, as `az aks create` does with its two flags.
 */
export function toSandboxOptions(p: SandboxPageOptions): Record<string, unknown> {
  // The cloud is always named, AKS too: these options are spread over a lab's own, and a saved AKS
  // lab must not inherit another cloud from the page's URL.
  const out: Record<string, unknown> = { cloud: p.cloud, kubernetesVersion: p.kubernetesVersion, nodeCount: p.nodeCount };
  if (!azureOptionsApply(p.cloud)) return out;
  out.outboundType = p.outboundType;
  out.networkPlugin = p.networkPlugin;
  if (p.outboundType === 'loadBalancer') out.managedOutboundIPCount = p.managedOutboundIPCount;
  if (p.outboundType === 'managedNATGateway') out.natGatewayManagedOutboundIPCount = p.managedOutboundIPCount;
  return out;
}
