/**
 * MetalLB's state: the pools and advertisements are Kubernetes objects in `metallb-system`; the
 * controller's allocation table and the speakers' announcements live here (what `kubectl` cannot
 * show, a console or a lesson can).
 */
import type { KubeStore } from '../../kube/store';
import type { KubeObject, Service } from '../../kube/types';
import type { SeededRandom } from '../../random';
import { inRanges, ipToNumber, numberToIp, parseRange, type Range } from './ip-pool';

export interface Pool {
  name: string;
  ranges: Range[];
  autoAssign: boolean;
}

export interface Allocation {
  uid: string;
  ip: string;
  pool: string;
}

export interface Announcement {
  ip: string;
  node: string;
  /** The ServiceL2Status object recording it. */
  statusName: string;
}

export class MetalLbStore {
  /** `ns/name` → the IP the controller assigned. */
  readonly allocations = new Map<string, Allocation>();
  /** Which Service holds each allocated IP: scanning every allocation per candidate made 1,000 Services take seconds. */
  private readonly holders = new Map<string, string>();
  /** `ns/name` → the node answering ARP for the Service's IP. */
  readonly announcements = new Map<string, Announcement>();

  constructor(
    private readonly kube: KubeStore,
    readonly namespace: string,
  ) {}

  /** IPAddressPools of the MetalLB namespace, by name (the order this simulator allocates in). */
  pools(): Pool[] {
    return this.kube
      .select('IPAddressPool', { namespace: this.namespace })
      .map((o) => {
        const spec = (o.spec ?? {}) as { addresses?: unknown; autoAssign?: unknown };
        const addresses = Array.isArray(spec.addresses) ? spec.addresses.filter((x): x is string => typeof x === 'string') : [];
        return { name: o.metadata.name, ranges: addresses.map(parseRange).filter((r): r is Range => !!r), autoAssign: spec.autoAssign !== false };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Whether an L2Advertisement covers the pool (none listed and no selector = every pool). */
  advertisedByL2(pool: string): boolean {
    return this.kube.select('L2Advertisement', { namespace: this.namespace }).some((o) => {
      const spec = (o.spec ?? {}) as { ipAddressPools?: unknown; ipAddressPoolSelectors?: unknown };
      const listed = Array.isArray(spec.ipAddressPools) ? spec.ipAddressPools : [];
      const selectors = Array.isArray(spec.ipAddressPoolSelectors) ? spec.ipAddressPoolSelectors : [];
      if (!listed.length && !selectors.length) return true;
      return listed.includes(pool);
    });
  }

  private inUse(ip: string, except: string): boolean {
    const holder = this.holders.get(ip);
    return holder !== undefined && holder !== except;
  }

  private forget(key: string): void {
    const a = this.allocations.get(key);
    if (a && this.holders.get(a.ip) === key) this.holders.delete(a.ip);
    this.allocations.delete(key);
  }

  /** The allocator: keep a still-valid IP, else requested IP → requested pool → first auto-assign pool. */
  allocate(svc: Service, requested: string | undefined, poolName: string | undefined): { allocation: Allocation } | { error: string } {
    const key = `${svc.metadata.namespace}/${svc.metadata.name}`;
    const pools = this.pools();
    const wanted = requested
      ?.split(',')
      .map((s) => s.trim())
      .find((s) => ipToNumber(s) !== undefined);
    if (requested && !wanted) return { error: `invalid requested loadbalancer IPs: ${requested}` };
    const current = this.allocations.get(key);
    if (current && current.uid === svc.metadata.uid) {
      const pool = pools.find((p) => p.name === current.pool);
      const n = ipToNumber(current.ip)!;
      if (pool && inRanges(pool.ranges, n) && (!wanted || wanted === current.ip) && (!poolName || poolName === pool.name)) return { allocation: current };
    }
    this.forget(key);
    let allocation: Allocation | undefined;
    if (wanted) {
      const n = ipToNumber(wanted)!;
      const pool = pools.find((p) => (!poolName || p.name === poolName) && inRanges(p.ranges, n));
      if (!pool) return { error: `"${wanted}" is not allowed in config` };
      if (this.inUse(wanted, key)) return { error: `"${wanted}" is already in use` };
      allocation = { uid: svc.metadata.uid, ip: wanted, pool: pool.name };
    } else if (poolName) {
      const pool = pools.find((p) => p.name === poolName);
      if (!pool) return { error: `unknown pool "${poolName}"` };
      const ip = this.nextFree(pool, key);
      if (!ip) return { error: `no available IPs in pool ${poolName}` };
      allocation = { uid: svc.metadata.uid, ip, pool: pool.name };
    } else {
      for (const pool of pools.filter((p) => p.autoAssign)) {
        const ip = this.nextFree(pool, key);
        if (ip) {
          allocation = { uid: svc.metadata.uid, ip, pool: pool.name };
          break;
        }
      }
      if (!allocation) return { error: 'no available IPs' };
    }
    this.allocations.set(key, allocation);
    this.holders.set(allocation.ip, key);
    return { allocation };
  }

  private nextFree(pool: Pool, key: string): string | undefined {
    for (const r of pool.ranges) {
      for (let n = r.first; n <= r.last; n++) {
        const ip = numberToIp(n);
        if (!this.inUse(ip, key)) return ip;
      }
    }
    return undefined;
  }

  release(key: string): void {
    this.forget(key);
  }

  announce(key: string, svc: Service, ip: string, node: string, random: SeededRandom): void {
    const previous = this.announcements.get(key);
    const statusName = previous?.statusName ?? `l2-${random.kubeSuffix(5)}`;
    this.kube.putSystem({
      apiVersion: 'metallb.io/v1beta1',
      kind: 'ServiceL2Status',
      metadata: {
        name: statusName,
        namespace: this.namespace,
        uid: '',
        resourceVersion: '',
        creationTimestamp: '',
        labels: { 'metallb.io/node': node, 'metallb.io/service-name': svc.metadata.name, 'metallb.io/service-namespace': svc.metadata.namespace! },
      },
      status: { node, serviceName: svc.metadata.name, serviceNamespace: svc.metadata.namespace },
    } as KubeObject);
    this.announcements.set(key, { ip, node, statusName });
  }

  stopAnnouncing(key: string): void {
    const a = this.announcements.get(key);
    if (!a) return;
    this.announcements.delete(key);
    if (this.kube.peek('ServiceL2Status', a.statusName, this.namespace)) this.kube.delete('ServiceL2Status', a.statusName, this.namespace);
  }
}
