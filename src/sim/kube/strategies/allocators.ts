/** Cluster-IP and nodePort allocators, seeded random like the real bitmap allocators. */

import { cidrContains, cidrRange, intToIp, ipToInt } from '../../azure/ip-allocator';
import type { SeededRandom } from '../../random';

export const SERVICE_CIDR = '10.0.0.0/16';

/**
 * Each platform's default Service range, so ClusterIPs look like that cluster's: AKS 10.0.0.0/16;
 * EKS 10.100.0.0/16 (its default when the VPC, here eksctl's 192.168.0.0/16, is outside 10/8);
 * GKE 34.118.224.0/20 (the default services range of current clusters); k3s 10.43.0.0/16;
 * kubeadm (the MetalLB cluster) 10.96.0.0/12.
 */
export const SERVICE_CIDR_BY_CLOUD = { aks: SERVICE_CIDR, eks: '10.100.0.0/16', gke: '34.118.224.0/20', metallb: '10.96.0.0/12', k3s: '10.43.0.0/16' } as const;
export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;

export class ClusterIpAllocator {
  private used = new Set<string>();
  constructor(
    private readonly random: SeededRandom,
    readonly cidr = SERVICE_CIDR,
  ) {}

  allocateNext(): string {
    const [a, b] = cidrRange(this.cidr);
    for (;;) {
      const ip = intToIp(this.random.int(a + 1, b - 1));
      if (!this.used.has(ip)) {
        this.used.add(ip);
        return ip;
      }
    }
  }

  /** Returns an error detail or undefined when claimed. */
  claim(ip: string): string | undefined {
    if (!cidrContains(this.cidr, ip) || ipToInt(ip) === cidrRange(this.cidr)[0]) {
      return `failed to allocate IP ${ip}: the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${this.cidr}`;
    }
    if (this.used.has(ip)) return `failed to allocate IP ${ip}: provided IP is already allocated`;
    this.used.add(ip);
    return undefined;
  }

  /** The n-th address of the range: `.1` is the API server's Service, `.10` cluster DNS, as every installer does. */
  nth(n: number): string {
    return intToIp(cidrRange(this.cidr)[0] + n);
  }

  isUsed(ip: string): boolean {
    return this.used.has(ip);
  }

  release(ip: string): void {
    this.used.delete(ip);
  }
}

export class NodePortAllocator {
  private used = new Set<number>();
  constructor(private readonly random: SeededRandom) {}

  allocateNext(): number {
    if (this.used.size > NODE_PORT_MAX - NODE_PORT_MIN) throw new Error('range is full');
    for (;;) {
      const p = this.random.int(NODE_PORT_MIN, NODE_PORT_MAX);
      if (!this.used.has(p)) {
        this.used.add(p);
        return p;
      }
    }
  }

  claim(port: number): string | undefined {
    if (port < NODE_PORT_MIN || port > NODE_PORT_MAX) {
      return `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`;
    }
    if (this.used.has(port)) return 'provided port is already allocated';
    this.used.add(port);
    return undefined;
  }

  isUsed(port: number): boolean {
    return this.used.has(port);
  }

  release(port: number): void {
    this.used.delete(port);
  }
}
