/**
 * `gcloud compute addresses create`: reserve a regional static address, external (from Google's
 * ranges, or promoting the IP a forwarding rule already holds) or internal (`--subnet`, from the
 * cluster's subnet). What a Service then asks for with `spec.loadBalancerIP`.
 */
import type { GcpStore } from '../../sim/clouds/gke/store';

const NAME_RE = /^[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?$/;

/** Dotted IPv4 to a number, or undefined. */
function ipv4(s: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  return parts.every((p) => p <= 255) ? parts.reduce((a, p) => a * 256 + p, 0) : undefined;
}

function inCidr(cidr: string, ip: number): boolean {
  const [base, bits] = cidr.split('/');
  const size = 2 ** (32 - Number(bits));
  const start = ipv4(base)!;
  return ip >= start && ip < start + size;
}

/** Returns the created address's URL (for gcloud's `Created [...]` line) or the API's error lines. */
export function createAddress(
  store: GcpStore,
  o: { name: string; region: string; subnet?: string; address?: string },
): { created: string } | { error: string } {
  const where = `projects/${store.project}/regions/${o.region}/addresses/${o.name}`;
  const fail = (msg: string) => ({ error: `Could not fetch resource:\n - ${msg}\n` });
  if (!NAME_RE.test(o.name))
    return fail(`Invalid value for field 'resource.name': '${o.name}'. Must be a match of regex '(?:[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?)'`);
  if (o.region !== store.region) return fail(`Invalid value for field 'resource.region': '${o.region}'. Unknown region.`);
  if (store.addresses.has(o.name)) return fail(`The resource '${where}' already exists`);
  if (o.subnet !== undefined && o.subnet !== store.subnetwork)
    return fail(`The resource 'projects/${store.project}/regions/${o.region}/subnetworks/${o.subnet}' was not found`);
  const internal = o.subnet !== undefined;
  let ip = o.address;
  if (ip !== undefined) {
    const n = ipv4(ip);
    if (n === undefined) return fail(`Invalid value for field 'resource.address': '${ip}'. Invalid IP address specified.`);
    if (internal && !inCidr(store.subnetCidr, n))
      return fail(`Invalid value for field 'resource.address': '${ip}'. Requested internal IP is outside the network/subnetwork range.`);
    const taken =
      [...store.addresses.values()].some((a) => a.address === ip) ||
      [...store.instances.values()].some((i) => i.networkIP === ip || i.natIP === ip) ||
      (internal && [...store.forwardingRules.values()].some((r) => r.IPAddress === ip));
    if (taken) return fail(`IP_IN_USE_BY_ANOTHER_RESOURCE - IP '${ip}' is already being used by another resource.`);
  } else ip = internal ? store.internalIp() : store.externalIp();
  // An external IP a forwarding rule already holds is promoted to static: it is then in use.
  const inUse = !internal && [...store.forwardingRules.values()].some((r) => r.IPAddress === ip);
  store.addresses.set(o.name, {
    name: o.name,
    address: ip,
    addressType: internal ? 'INTERNAL' : 'EXTERNAL',
    region: o.region,
    status: inUse ? 'IN_USE' : 'RESERVED',
    description: '',
    networkTier: 'PREMIUM',
    ...(internal ? { subnetwork: store.subnetUrl(o.subnet), purpose: 'GCE_ENDPOINT' as const } : {}),
  });
  store.touch();
  return { created: store.regionalUrl('addresses', o.name) };
}
