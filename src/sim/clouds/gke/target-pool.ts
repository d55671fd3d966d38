/**
 * The GCP cloud provider's load balancers (other-clouds §4.2): the legacy external passthrough
 * Network Load Balancer (target pool) — address → firewall → health check (+ its firewall) →
 * target pool → forwarding rule, all named after the Service UID (`a` + 31 hex) — and, for
 * `networking.gke.io/load-balancer-type: Internal`, the internal one (`ilb.ts`). As upstream's
 * EnsureLoadBalancer does, a rule of the other scheme is torn down first (external ↔ internal).
 */

import type { LoadBalancer } from '../../cloud-provider/load-balancer';
import type { Flow } from '../../flow';
import type { KubeStore } from '../../kube/store';
import type { LoadBalancerIngress, Service } from '../../kube/types';
import { defaultLoadBalancerName, lib, readyNodes, wait as sleep } from '../common';
import { serviceIpDescription, setHealthCheckFirewall, setServiceFirewall } from './firewalls';
import { GceInternalLoadBalancer, ILB_FINALIZER, ILB_FINALIZER_V2, wantsInternal } from './ilb';
import { isRbs, NEG_FINALIZER } from './rbs';
import { GCP_TIMING, type GcpStore } from './store';

export const NETLB_FINALIZER = 'gke.networking.io/l4-netlb-v1';

const KUBE_PROXY_HEALTH_PORT = 10256;

export class GceTargetPoolLoadBalancer implements LoadBalancer {
  private readonly ilb: GceInternalLoadBalancer;
  constructor(
    private readonly gcp: GcpStore,
    private readonly kube: KubeStore,
    private readonly kubeMinor: number,
  ) {
    this.ilb = new GceInternalLoadBalancer(gcp, kube);
  }

  /**
   * Internal: another controller owns it (a class, or ingress-gce's v2 finalizer) unless the rule or
   * the v1 finalizer shows it is ours. External (shouldProcessNetLB): ingress-gce's RBS controller owns it.
   */
  private elsewhere(svc: Service): boolean {
    const f = svc.metadata.finalizers ?? [];
    if (wantsInternal(svc) && !svc.spec.loadBalancerClass)
      return !this.gcp.forwardingRules.has(defaultLoadBalancerName(svc)) && !f.includes(ILB_FINALIZER) && f.includes(ILB_FINALIZER_V2);
    return isRbs(svc, this.kubeMinor) || (!f.includes(NETLB_FINALIZER) && f.includes(NEG_FINALIZER));
  }

  private instances(): string[] {
    return readyNodes(this.kube).map((n, i) => {
      const inst = this.gcp.instanceFor(n.metadata.name, i);
      return `https://www.googleapis.com/compute/v1/projects/${this.gcp.project}/zones/${inst.zone}/instances/${inst.name}`;
    });
  }

  private sharedHealthCheckName(): string {
    return `k8s-${this.gcp.clusterId}-node`;
  }

  *ensure(svc: Service): Flow<LoadBalancerIngress[]> {
    if (this.elsewhere(svc)) throw new (lib().ImplementedElsewhere)();
    const internal = wantsInternal(svc);
    const current = this.gcp.forwardingRules.get(defaultLoadBalancerName(svc));
    // The scheme changed: the old load balancer goes first, in the same sync (new IP, new objects).
    if (current && current.loadBalancingScheme !== (internal ? 'INTERNAL' : 'EXTERNAL')) {
      if (current.loadBalancingScheme === 'INTERNAL') yield* this.ilb.ensureDeleted(svc);
      else yield* this.deleteExternal(svc);
    }
    if (internal) return yield* this.ilb.ensure(svc);
    return yield* this.ensureExternal(svc);
  }

  private *ensureExternal(svc: Service): Flow<LoadBalancerIngress[]> {
    const gcp = this.gcp;
    const name = defaultLoadBalancerName(svc);
    const key = `${svc.metadata.namespace}/${svc.metadata.name}`;
    const nodes = this.instances();
    if (!nodes.length) throw new Error('cannot EnsureLoadBalancer() with no hosts');
    if (!svc.metadata.finalizers?.includes(NETLB_FINALIZER)) {
      this.kube.updateMetadata('Service', svc.metadata.name, svc.metadata.namespace, (m) => ({ ...m, finalizers: [...(m.finalizers ?? []), NETLB_FINALIZER] }));
    }
    const ports = svc.spec.ports ?? [];
    const protocol = ports[0]?.protocol ?? 'TCP';
    // 1. The IP: a user's regional static address, else the rule's own one, else a temporary reservation.
    const existing = gcp.forwardingRules.get(name);
    let ip: string;
    let temporary = false;
    // A reserved *internal* address passes this check (it is the project's) and fails at the rule (S-G4).
    let internalAddress = false;
    if (svc.spec.loadBalancerIP) {
      const owned = [...gcp.addresses.values()].find((a) => a.address === svc.spec.loadBalancerIP && a.region === gcp.region);
      if (!owned && existing?.IPAddress !== svc.spec.loadBalancerIP)
        throw new Error(`requested ip "${svc.spec.loadBalancerIP}" is neither static nor assigned to the LB`);
      ip = svc.spec.loadBalancerIP;
      internalAddress = owned?.addressType === 'INTERNAL';
      if (owned && !internalAddress) owned.status = 'IN_USE';
    } else if (existing) {
      ip = existing.IPAddress;
    } else {
      yield* sleep(GCP_TIMING.addressMs);
      ip = gcp.externalIp();
      temporary = true;
      gcp.addresses.set(name, {
        name,
        address: ip,
        addressType: 'EXTERNAL',
        region: gcp.region,
        status: 'RESERVED',
        description: JSON.stringify({ 'kubernetes.io/service-name': key }),
        networkTier: 'PREMIUM',
      });
      gcp.touch();
    }
    // 2. The traffic firewall, to the LB IP on the node tag.
    yield* sleep(GCP_TIMING.firewallMs);
    setServiceFirewall(gcp, svc, ip);
    gcp.touch();
    // 3. The health check: kube-proxy's shared one, or the Service's own for ETP Local.
    yield* sleep(GCP_TIMING.healthCheckMs);
    const local = svc.spec.externalTrafficPolicy === 'Local';
    const hcNodePort = (svc.spec as { healthCheckNodePort?: number }).healthCheckNodePort;
    const hcName = local ? name : this.sharedHealthCheckName();
    const hcPort = local ? (hcNodePort ?? 0) : KUBE_PROXY_HEALTH_PORT;
    gcp.httpHealthChecks.set(hcName, {
      name: hcName,
      port: hcPort,
      requestPath: '/healthz',
      checkIntervalSec: 8,
      timeoutSec: 1,
      healthyThreshold: 1,
      unhealthyThreshold: 3,
      description: local ? JSON.stringify({ 'kubernetes.io/service-name': key }) : JSON.stringify({ 'kubernetes.io/cluster-id': gcp.clusterId }),
    });
    setHealthCheckFirewall(
      gcp,
      local ? `k8s-${name}-http-hc` : `k8s-${gcp.clusterId}-node-http-hc`,
      hcPort,
      local ? serviceIpDescription(svc, ip) : JSON.stringify({ 'kubernetes.io/cluster-id': gcp.clusterId }),
    );
    gcp.touch();
    // 4–5. Target pool and forwarding rule: neither can be updated in place, changes recreate them.
    const affinity = svc.spec.sessionAffinity === 'ClientIP' ? 'CLIENT_IP' : 'NONE';
    const portNumbers = ports.map((p) => p.port);
    const portRange = `${Math.min(...portNumbers)}-${Math.max(...portNumbers)}`;
    const pool = gcp.targetPools.get(name);
    if (!pool || pool.sessionAffinity !== affinity || pool.healthChecks[0] !== gcp.globalUrl('httpHealthChecks', hcName)) {
      if (existing) gcp.forwardingRules.delete(name);
      yield* sleep(GCP_TIMING.targetPoolMs);
      gcp.targetPools.set(name, {
        name,
        region: gcp.region,
        instances: nodes,
        healthChecks: [gcp.globalUrl('httpHealthChecks', hcName)],
        sessionAffinity: affinity,
        description: JSON.stringify({ 'kubernetes.io/service-name': key }),
      });
      gcp.touch();
    } else {
      pool.instances = nodes;
    }
    const rule = gcp.forwardingRules.get(name);
    if (!rule || rule.portRange !== portRange || rule.IPProtocol !== protocol || rule.IPAddress !== ip) {
      yield* sleep(GCP_TIMING.forwardingRuleMs);
      if (internalAddress)
        throw new Error(
          `failed to create forwarding rule for load balancer (${name}(${key})): googleapi: Error 400: Invalid value for field 'resource.IPAddress': '${ip}'. Invalid IP address specified., invalid`,
        );
      gcp.forwardingRules.set(name, {
        name,
        region: gcp.region,
        IPAddress: ip,
        IPProtocol: protocol,
        portRange,
        target: gcp.regionalUrl('targetPools', name),
        loadBalancingScheme: 'EXTERNAL',
        networkTier: 'PREMIUM',
        description: JSON.stringify({ 'kubernetes.io/service-name': key }),
        creationTimestamp: gcp.clock.nowIso(),
      });
      gcp.touch();
    }
    // The temporary reservation is released once the rule holds the IP: it becomes ephemeral.
    if (temporary || gcp.addresses.get(name)) {
      gcp.addresses.delete(name);
      gcp.touch();
    }
    return [{ ip, ipMode: 'VIP' }];
  }

  *ensureDeleted(svc: Service): Flow<void> {
    if (this.elsewhere(svc)) throw new (lib().ImplementedElsewhere)();
    if (wantsInternal(svc)) return yield* this.ilb.ensureDeleted(svc);
    yield* this.deleteExternal(svc);
  }

  /** ensureExternalLoadBalancerDeleted. */
  private *deleteExternal(svc: Service): Flow<void> {
    const gcp = this.gcp;
    const name = defaultLoadBalancerName(svc);
    yield* sleep(GCP_TIMING.firewallMs);
    gcp.firewalls.delete(`k8s-fw-${name}`);
    gcp.firewalls.delete(`k8s-fw-${name}-deny`);
    gcp.addresses.delete(name);
    const rule = gcp.forwardingRules.get(name);
    if (rule) for (const a of gcp.addresses.values()) if (a.address === rule.IPAddress) a.status = 'RESERVED';
    gcp.touch();
    yield* sleep(GCP_TIMING.forwardingRuleMs);
    gcp.forwardingRules.delete(name);
    gcp.touch();
    const pool = gcp.targetPools.get(name);
    yield* sleep(GCP_TIMING.targetPoolMs);
    gcp.targetPools.delete(name);
    // Health checks: the Service's own one goes; the shared one only when no other pool uses it
    // ("in use" otherwise), and its firewall only when the check went.
    for (const hcUrl of pool?.healthChecks ?? []) {
      const hcName = hcUrl.split('/').pop()!;
      const inUse = [...gcp.targetPools.values()].some((p) => p.healthChecks.includes(hcUrl));
      if (inUse) continue;
      gcp.httpHealthChecks.delete(hcName);
      gcp.firewalls.delete(hcName === name ? `k8s-${name}-http-hc` : `${hcName}-http-hc`);
    }
    gcp.touch();
    if (this.kube.peek('Service', svc.metadata.name, svc.metadata.namespace)?.metadata.finalizers?.includes(NETLB_FINALIZER)) {
      this.kube.updateMetadata('Service', svc.metadata.name, svc.metadata.namespace, (m) => ({
        ...m,
        finalizers: (m.finalizers ?? []).filter((f) => f !== NETLB_FINALIZER),
      }));
    }
  }

  *updateHosts(svc: Service): Flow<void> {
    if (this.elsewhere(svc)) throw new (lib().ImplementedElsewhere)();
    if (wantsInternal(svc)) return yield* this.ilb.updateHosts();
    yield* sleep(GCP_TIMING.targetPoolMs);
    const pool = this.gcp.targetPools.get(defaultLoadBalancerName(svc));
    if (pool) pool.instances = this.instances();
    this.gcp.touch();
  }

  exists(svc: Service): boolean {
    const name = defaultLoadBalancerName(svc);
    return this.gcp.forwardingRules.has(name) || this.gcp.targetPools.has(name);
  }
}
