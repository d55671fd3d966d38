/** IPv4 ranges of an IPAddressPool (`spec.addresses`: CIDRs or `first-last`), as numbers. */

export interface Range {
  first: number;
  last: number;
}

export function ipToNumber(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

export function numberToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** One `spec.addresses` entry; undefined for what this simulator does not model (IPv6) or bad input. */
export function parseRange(entry: string): Range | undefined {
  const s = entry.trim();
  const cidr = /^([\d.]+)\/(\d{1,2})$/.exec(s);
  if (cidr) {
    const base = ipToNumber(cidr[1]);
    const bits = Number(cidr[2]);
    if (base === undefined || bits > 32) return undefined;
    const size = 2 ** (32 - bits);
    // MetalLB hands out every address of a CIDR, .0 and .255 included (unless avoidBuggyIPs).
    const first = base - (base % size);
    return { first, last: first + size - 1 };
  }
  const dash = /^([\d.]+)\s*-\s*([\d.]+)$/.exec(s);
  if (dash) {
    const first = ipToNumber(dash[1]);
    const last = ipToNumber(dash[2]);
    if (first === undefined || last === undefined || last < first) return undefined;
    return { first, last };
  }
  return undefined;
}

export function inRanges(ranges: Range[], ip: number): boolean {
  return ranges.some((r) => ip >= r.first && ip <= r.last);
}
