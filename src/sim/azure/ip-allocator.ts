/**
 * Address allocation ARM does for us: public IPv4 addresses from plausible Azure ranges of the
 * region (seeded), and dynamic private IPs from a subnet (lowest free, after Azure's 5 reserved).
 */
import type { SeededRandom } from '../random';

/** /16 prefixes Azure really uses in these regions (public ranges; exact ownership may drift). */
const REGION_PREFIXES: Record<string, string[]> = {
  eastus: ['20.121', '20.185', '20.231', '40.76', '40.88', '52.146', '52.152', '172.171', '4.156', '135.237'],
  westus2: ['20.99', '20.112', '52.137', '52.156', '4.154'],
  westeurope: ['20.23', '20.61', '20.103', '51.105', '52.174', '108.142'],
  swedencentral: ['4.225', '20.240', '74.241', '51.12'],
  koreacentral: ['20.41', '20.194', '20.196', '52.231', '4.230'],
};
const FALLBACK = ['20.62', '20.81', '40.71', '52.149', '4.157'];

export class PublicIpAllocator {
  private used = new Set<string>();

  constructor(private readonly random: SeededRandom) {}

  /**
   * A new unique public address for `location`; `random` lets a caller draw from its own stream
   * (so an extra draw does not shift every address that follows).
   */
  allocate(location: string, random: SeededRandom = this.random): string {
    const prefixes = REGION_PREFIXES[location.toLowerCase()] ?? FALLBACK;
    for (;;) {
      const ip = `${random.pick(prefixes)}.${random.int(0, 255)}.${random.int(1, 254)}`;
      if (!this.used.has(ip)) {
        this.used.add(ip);
        return ip;
      }
    }
  }

  /** Marks an address as in use (a user-supplied or restored PIP). */
  claim(ip: string): void {
    this.used.add(ip);
  }

  release(ip: string): void {
    this.used.delete(ip);
  }
}

export function ipToInt(ip: string): number {
  return ip.split('.').reduce((a, b) => a * 256 + Number(b), 0);
}

export function intToIp(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

/** `10.224.0.0/16` → [first, last] as integers. */
export function cidrRange(cidr: string): [number, number] {
  const [ip, bits] = cidr.split('/');
  const size = 2 ** (32 - Number(bits));
  const base = Math.floor(ipToInt(ip) / size) * size;
  return [base, base + size - 1];
}

export function cidrContains(cidr: string, ip: string): boolean {
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(ip)) return false;
  const [a, b] = cidrRange(cidr);
  const n = ipToInt(ip);
  return n >= a && n <= b;
}

/** Lowest free address of a subnet; Azure reserves the network address, .1–.3 and broadcast. */
export function nextFreePrivateIp(cidr: string, used: Set<string>): string | undefined {
  const [a, b] = cidrRange(cidr);
  for (let n = a + 4; n < b; n++) {
    const ip = intToIp(n);
    if (!used.has(ip)) return ip;
  }
  return undefined;
}
