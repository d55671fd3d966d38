/** ARM resource ids: building, parsing, case-insensitive comparison. */

export function resourceGroupId(subscriptionId: string, rg: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${rg}`;
}

export function resourceId(subscriptionId: string, rg: string, provider: string, type: string, name: string, ...children: string[]): string {
  let id = `/subscriptions/${subscriptionId}/resourceGroups/${rg}/providers/${provider}/${type}/${name}`;
  for (let i = 0; i + 1 < children.length; i += 2) id += `/${children[i]}/${children[i + 1]}`;
  return id;
}

export interface ParsedId {
  subscriptionId: string;
  resourceGroup: string;
  provider?: string;
  /** `Microsoft.Network/loadBalancers` (top-level type) */
  type?: string;
  name?: string;
  /** Child segments after the top-level resource: [['frontendIPConfigurations','x']] */
  children: [string, string][];
}

export function parseId(id: string): ParsedId {
  const p = id.split('/').filter(Boolean);
  const out: ParsedId = { subscriptionId: p[1] ?? '', resourceGroup: p[3] ?? '', children: [] };
  if (p[4]?.toLowerCase() === 'providers') {
    out.provider = p[5];
    out.type = `${p[5]}/${p[6]}`;
    out.name = p[7];
    for (let i = 8; i + 1 < p.length; i += 2) out.children.push([p[i], p[i + 1]]);
  }
  return out;
}

/**
 * ARM ids compare case-insensitively. Lookups repeat the same few ids (the LB, the NSG, a PIP)
 * thousands of times: remember their lower-case form instead of allocating it on every call.
 */
export function idKey(id: string): string {
  let k = lowerIds.get(id);
  if (k === undefined) {
    if (lowerIds.size >= 20_000) lowerIds.clear();
    lowerIds.set(id, (k = id.toLowerCase()));
  }
  return k;
}
const lowerIds = new Map<string, string>();

/** The n-th `/`-separated segment of an id without splitting it (`/subscriptions/<2>/resourceGroups/<4>`). */
export function idSegment(id: string, n: number): string {
  let start = 0;
  for (let i = 0; i < n; i++) {
    start = id.indexOf('/', start) + 1;
    if (start === 0) return '';
  }
  const end = id.indexOf('/', start);
  return end < 0 ? id.slice(start) : id.slice(start, end);
}

export function sameId(a: string | undefined, b: string | undefined): boolean {
  return !!a && !!b && a.toLowerCase() === b.toLowerCase();
}

/** The resource group as written in the id (so CCM-written lower-case ids show lower case, as real). */
export function resourceGroupOf(id: string): string {
  return parseId(id).resourceGroup;
}

export function lastSegment(id: string): string {
  const p = id.split('/').filter(Boolean);
  return p[p.length - 1] ?? '';
}
