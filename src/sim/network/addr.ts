/**
 * Small IPv4 helpers for the packet walk (NSG prefix matching, deterministic node choice).
 * Only IPv4: the lab's clusters are single-stack.
 */

export function ipToInt(ip: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3];
}

export function isIPv4(s: string): boolean {
  return ipToInt(s) !== undefined;
}

/** `10.0.0.0/8` contains `10.1.2.3`; a bare address is a /32. */
export function cidrContains(cidr: string, ip: string): boolean {
  const [base, bitsRaw] = cidr.split('/');
  const b = ipToInt(base);
  const a = ipToInt(ip);
  if (b === undefined || a === undefined) return false;
  const bits = bitsRaw === undefined ? 32 : Number(bitsRaw);
  if (!(bits >= 0 && bits <= 32)) return false;
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return ((a & mask) >>> 0) === ((b & mask) >>> 0);
}

/** RFC 1918 + CGNAT + loopback: what Azure's `Internet` service tag does not cover. */
export function isPrivate(ip: string): boolean {
  return ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '127.0.0.0/8'].some((c) => cidrContains(c, ip));
}

/** FNV-1a: a stable, seed-free hash so the same node/flow always picks the same path. */
export function stableHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
