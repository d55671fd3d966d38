/**
 * Cluster options for the sandbox page, read from the URL (`?outboundType=…&outboundIPs=2`).
 * URLs are untrusted: every value is checked against what createSandbox accepts, and anything
 * else falls back to the AKS default.
 */
export const OUTBOUND_TYPES = ['loadBalancer', 'managedNATGateway', 'userAssignedNATGateway', 'userDefinedRouting'] as const;
export const K8S_VERSIONS = ['1.28', '1.29', '1.30', '1.31', '1.32', '1.33'] as const;
export const NETWORK_PLUGINS = ['azure', 'kubenet'] as const;

export interface SandboxPageOptions {
  outboundType: (typeof OUTBOUND_TYPES)[number];
  managedOutboundIPCount: number;
  kubernetesVersion: (typeof K8S_VERSIONS)[number];
  nodeCount: number;
  networkPlugin: (typeof NETWORK_PLUGINS)[number];
}

export const DEFAULT_PAGE_OPTIONS: SandboxPageOptions = {
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

export function parseSandboxOptions(search: string): SandboxPageOptions {
  const q = new URLSearchParams(search);
  return {
    outboundType: pick(OUTBOUND_TYPES, q.get('outboundType'), DEFAULT_PAGE_OPTIONS.outboundType),
    managedOutboundIPCount: int(q.get('outboundIPs'), 1, 100, DEFAULT_PAGE_OPTIONS.managedOutboundIPCount),
    kubernetesVersion: pick(K8S_VERSIONS, q.get('k8s'), DEFAULT_PAGE_OPTIONS.kubernetesVersion),
    nodeCount: int(q.get('nodes'), 1, 10, DEFAULT_PAGE_OPTIONS.nodeCount),
    networkPlugin: pick(NETWORK_PLUGINS, q.get('plugin'), DEFAULT_PAGE_OPTIONS.networkPlugin),
  };
}

/** The inverse of parseSandboxOptions, for options held as an object (lab configs, share links). */
export function optionsToSearch(o: Record<string, unknown>): string {
  const q = new URLSearchParams();
  if (typeof o.outboundType === 'string') q.set('outboundType', o.outboundType);
  if (typeof o.managedOutboundIPCount === 'number') q.set('outboundIPs', String(o.managedOutboundIPCount));
  if (typeof o.kubernetesVersion === 'string') q.set('k8s', o.kubernetesVersion);
  if (typeof o.nodeCount === 'number') q.set('nodes', String(o.nodeCount));
  if (typeof o.networkPlugin === 'string') q.set('plugin', o.networkPlugin);
  return `?${q}`;
}
