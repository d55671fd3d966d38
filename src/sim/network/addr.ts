/**
 * Small address helpers for the packet walk (NSG prefix matching, deterministic node choice) and
 * for validation. The lab's clusters are single-stack IPv4, but Kubernetes and the cloud provider
 * still read IPv6 text (source ranges, allowed IP ranges), so that parses too.
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
  return (a & mask) >>> 0 === (b & mask) >>> 0;
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

const V4_OCTET = /^(0|[1-9]\d{0,2})$/;

/** netip.ParseAddr's IPv4: four decimal octets, no leading zeros. */
export function parseIPv4Strict(s: string): number | undefined {
  const parts = s.split('.');
  if (parts.length !== 4 || !parts.every((p) => V4_OCTET.test(p) && Number(p) <= 255)) return undefined;
  return parts.reduce((acc, p) => acc * 256 + Number(p), 0);
}

/** 128-bit value of an IPv6 address (no zone), or undefined (netip.ParseAddr's rules, simplified). */
export function parseIPv6(s: string): bigint | undefined {
  if (!s.includes(':') || s.includes('%')) return undefined;
  let head = s;
  let tail = '';
  const dbl = s.indexOf('::');
  if (dbl >= 0) {
    if (s.indexOf('::', dbl + 1) >= 0) return undefined;
    head = s.slice(0, dbl);
    tail = s.slice(dbl + 2);
  }
  const groups = (text: string): number[] | undefined => {
    if (text === '') return [];
    const out: number[] = [];
    const parts = text.split(':');
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      if (i === parts.length - 1 && part.includes('.')) {
        const v4 = parseIPv4Strict(part);
        if (v4 === undefined) return undefined;
        out.push(Math.floor(v4 / 65536), v4 % 65536);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(part)) out.push(parseInt(part, 16));
      else return undefined;
    }
    return out;
  };
  const h = groups(head);
  const t = groups(tail);
  if (!h || !t) return undefined;
  const missing = 8 - h.length - t.length;
  if (dbl >= 0 ? missing < 1 : missing !== 0) return undefined;
  return [...h, ...Array<number>(Math.max(0, missing)).fill(0), ...t].reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
}
