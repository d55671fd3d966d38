/**
 * GKE's internal passthrough Network Load Balancer as the GCP cloud provider builds it
 * (`ensureInternalLoadBalancer`, cloud-provider-gcp `gce_loadbalancer_internal.go`): the default for
 * `networking.gke.io/load-balancer-type: "Internal"` on a Standard cluster without GKE subsetting.
 * Instance groups `k8s-ig--<clusterID>` per zone → health check → (held) address from the cluster's
 * subnet → regional backend service `a…` (scheme INTERNAL) → forwarding rule `a…` with the Service's
 * ports → firewall `k8s-fw-a…` to the address and the health-check firewall. Not shared between
 * Services unless `alpha.cloud.google.com/load-balancer-backend-share` asks for it (not modelled).
 */
import type { Flow } from '../../flow';
import type { KubeStore } from '../../kube/store';
import type { LoadBalancerIngress, Service } from '../../kube/types';
import { defaultLoadBalancerName, inCidr, readyNodes, wait as sleep } from '../common';
import { setHealthCheckFirewall, setServiceFirewall } from './firewalls';
import { type ForwardingRule, GCP_TIMING, type GcpStore } from './store';

export const ILB_FINALIZER = 'gke.networking.io/l4-ilb-v1';
/** ingress-gce's finalizer: another controller (GKE subsetting) owns the internal load balancer. */
export const ILB_FINALIZER_V2 = 'gke.networking.io/l4-ilb-v2';
export const LB_TYPE_ANNOTATION = 'networking.gke.io/load-balancer-type';
const DEPRECATED_LB_TYPE_ANNOTATION = 'cloud.google.com/load-balancer-type';
export const ALLOW_GLOBAL_ACCESS = 'networking.gke.io/internal-load-balancer-allow-global-access';
export const ILB_SUBNET = 'networking.gke.io/internal-load-balancer-subnet';
/** More ports than this and the rule forwards all ports (`maxL4ILBPorts`). */
const MAX_ILB_PORTS = 5;
const KUBE_PROXY_HEALTH_PORT = 10256;

/** GetLoadBalancerAnnotationType: the new key first, then the deprecated one; `Internal` or `internal`. */
export function wantsInternal(svc: Service): boolean {
  const a = svc.metadata.annotations ?? {};
  const v = a[LB_TYPE_ANNOTATION] ?? a[DEPRECATED_LB_TYPE_ANNOTATION];
  return v === 'Internal' || v === 'internal';
}

const hasFinalizer = (svc: Service, f: string) => !!svc.metadata.finalizers?.includes(f);

function setFinalizer(kube: KubeStore, svc: Service, f: string, on: boolean): void {
  const cur = kube.peek('Service', svc.metadata.name, svc.metadata.namespace);
  if (!cur || hasFinalizer(cur as Service, f) === on) return;
  kube.updateMetadata('Service', svc.metadata.name, svc.metadata.namespace, (m) => ({
    ...m,
    finalizers: on ? [...(m.finalizers ?? []), f] : (m.finalizers ?? []).filter((x) => x !== f),
  }));
}

export class GceInternalLoadBalancer {
  constructor(
    private readonly gcp: GcpStore,
    private readonly kube: KubeStore,
  ) {}

  private igName(): string {
    return `k8s-ig--${this.gcp.clusterId}`;
  }

  /** One unmanaged group per zone with nodes, holding that zone's node VMs; returns their URLs. */
  private ensureInstanceGroups(): string[] {
    const gcp = this.gcp;
    const zones = new Map<string, string[]>();
    readyNodes(this.kube).forEach((node, i) => {
      const inst = gcp.instanceFor(node.metadata.name, i);
      zones.set(inst.zone, [...(zones.get(inst.zone) ?? []), inst.name]);
    });
    for (const [zone, instances] of zones) gcp.instanceGroups.set(`${zone}/${this.igName()}`, { name: this.igName(), zone, instances });
    gcp.touch();
    return [...zones.keys()]
      .sort()
      .map((zone) => `https://www.googleapis.com/compute/v1/projects/${gcp.project}/zones/${zone}/instanceGroups/${this.igName()}`);
  }

  *ensure(svc: Service): Flow<LoadBalancerIngress[]> {
    const gcp = this.gcp;
    const name = defaultLoadBalancerName(svc);
    const key = `${svc.metadata.namespace}/${svc.metadata.name}`;
    setFinalizer(this.kube, svc, ILB_FINALIZER, true);
    const ports = svc.spec.ports ?? [];
    const protocol = ports[0]?.protocol ?? 'TCP';
    const annotations = svc.metadata.annotations ?? {};
    const subnet = annotations[ILB_SUBNET] || gcp.subnetwork;
    // The lab's VPC has one subnet; naming another one fails as the Compute API does.
    if (subnet !== gcp.subnetwork)
      throw new Error(`googleapi: Error 404: The resource 'projects/${gcp.project}/regions/${gcp.region}/subnetworks/${subnet}' was not found, notFound`);
    const subnetUrl = gcp.subnetUrl(subnet);

    const igLinks = this.ensureInstanceGroups();
    // The health check: kube-proxy's, shared by the cluster's internal LBs, or the Service's own (ETP Local).
    yield* sleep(GCP_TIMING.healthCheckMs);
    const local = svc.spec.externalTrafficPolicy === 'Local';
    const hcName = local ? name : `k8s-${gcp.clusterId}-node`;
    const hcPort = local ? ((svc.spec as { healthCheckNodePort?: number }).healthCheckNodePort ?? 0) : KUBE_PROXY_HEALTH_PORT;
    gcp.healthChecks.set(hcName, {
      name: hcName,
      type: 'HTTP',
      httpHealthCheck: { port: hcPort, requestPath: '/healthz' },
      checkIntervalSec: 8,
      timeoutSec: 1,
      healthyThreshold: 1,
      unhealthyThreshold: 3,
      description: local ? JSON.stringify({ 'kubernetes.io/service-name': key }) : '',
    });
    gcp.touch();

    // ilbIPToUse: the requested IP, else the rule's own (same subnet), else a new one held as address `a…`.
    const existing = gcp.forwardingRules.get(name);
    let ip = svc.spec.loadBalancerIP || (existing?.subnetwork === subnetUrl ? existing.IPAddress : '');
    // An address outside the subnet (an external one, say) is refused when the rule is created.
    const outside = !!svc.spec.loadBalancerIP && !inCidr(gcp.subnetCidr, ip);
    yield* sleep(GCP_TIMING.addressMs);
    if (!ip) ip = gcp.internalIp();
    const held = !outside && !gcp.addresses.has(name) && ![...gcp.addresses.values()].some((a) => a.address === ip);
    if (held) {
      gcp.addresses.set(name, {
        name,
        address: ip,
        addressType: 'INTERNAL',
        region: gcp.region,
        status: 'RESERVED',
        description: JSON.stringify({ 'kubernetes.io/service-name': key }),
        networkTier: 'PREMIUM',
        subnetwork: subnetUrl,
        purpose: 'GCE_ENDPOINT',
      });
      gcp.touch();
    }

    const portList = ports.map((p) => String(p.port));
    const allowGlobalAccess = annotations[ALLOW_GLOBAL_ACCESS] === 'true';
    const desired: Omit<ForwardingRule, 'creationTimestamp'> = {
      name,
      region: gcp.region,
      IPAddress: ip,
      IPProtocol: protocol,
      ...(portList.length > MAX_ILB_PORTS ? { allPorts: true } : { ports: portList }),
      backendService: gcp.regionalUrl('backendServices', name),
      loadBalancingScheme: 'INTERNAL',
      network: gcp.globalUrl('networks', gcp.network),
      subnetwork: subnetUrl,
      ...(allowGlobalAccess ? { allowGlobalAccess: true } : {}),
      networkTier: 'PREMIUM',
      description: JSON.stringify({ 'kubernetes.io/service-name': key }),
    };
    // A forwarding rule cannot be changed in place: delete it before touching the backend service.
    const same =
      existing &&
      existing.IPAddress === desired.IPAddress &&
      existing.IPProtocol === desired.IPProtocol &&
      JSON.stringify(existing.ports) === JSON.stringify(desired.ports) &&
      !!existing.allPorts === !!desired.allPorts &&
      existing.subnetwork === desired.subnetwork &&
      !!existing.allowGlobalAccess === allowGlobalAccess;
    if (existing && !same) {
      gcp.forwardingRules.delete(name);
      gcp.touch();
    }
    yield* sleep(GCP_TIMING.targetPoolMs);
    const hcUrl = gcp.globalUrl('healthChecks', hcName);
    const oldHc = gcp.backendServices.get(name)?.healthChecks[0];
    gcp.backendServices.set(name, {
      name,
      region: gcp.region,
      protocol,
      loadBalancingScheme: 'INTERNAL',
      backends: igLinks.map((group) => ({ group, balancingMode: 'CONNECTION' })),
      healthChecks: [hcUrl],
      sessionAffinity: svc.spec.sessionAffinity === 'ClientIP' ? 'CLIENT_IP' : 'NONE',
      description: JSON.stringify({ 'kubernetes.io/service-name': key }),
    });
    gcp.touch();
    if (!same) {
      yield* sleep(GCP_TIMING.forwardingRuleMs);
      if (outside) {
        if (held) gcp.addresses.delete(name);
        gcp.touch();
        throw new Error(
          `googleapi: Error 400: Invalid value for field 'resource.IPAddress': '${ip}'. Requested internal IP is outside the network/subnetwork range., invalid`,
        );
      }
      const owned = [...gcp.addresses.values()].find((a) => a.address === ip && a.name !== name);
      if (owned) owned.status = 'IN_USE';
      gcp.forwardingRules.set(name, { ...desired, creationTimestamp: gcp.clock.nowIso() });
      gcp.touch();
    }

    // Firewalls: traffic to the address on the node tag, and Google's checkers to the health-check port.
    yield* sleep(GCP_TIMING.firewallMs);
    setServiceFirewall(gcp, svc, ip);
    setHealthCheckFirewall(gcp, `${hcName}-hc`, hcPort, '');
    // A health check the Service no longer uses (ETP changed) goes, unless another one still uses it.
    if (oldHc && oldHc !== hcUrl) this.dropHealthCheck(oldHc);
    // The address was only held while the rule was made: released, it stays the rule's (ephemeral).
    if (held) gcp.addresses.delete(name);
    gcp.touch();
    return [{ ip, ipMode: 'VIP' }];
  }

  private dropHealthCheck(url: string): void {
    const gcp = this.gcp;
    if ([...gcp.backendServices.values()].some((b) => b.healthChecks.includes(url))) return;
    const hc = url.slice(url.lastIndexOf('/') + 1);
    gcp.healthChecks.delete(hc);
    gcp.firewalls.delete(`${hc}-hc`);
  }

  /** ensureInternalLoadBalancerDeleted: address, rule, backend service, firewalls, health check, groups, finalizer. */
  *ensureDeleted(svc: Service): Flow<void> {
    const gcp = this.gcp;
    const name = defaultLoadBalancerName(svc);
    gcp.addresses.delete(name);
    const rule = gcp.forwardingRules.get(name);
    if (rule) for (const a of gcp.addresses.values()) if (a.address === rule.IPAddress) a.status = 'RESERVED';
    yield* sleep(GCP_TIMING.forwardingRuleMs);
    gcp.forwardingRules.delete(name);
    gcp.touch();
    const hcUrl = gcp.backendServices.get(name)?.healthChecks[0];
    yield* sleep(GCP_TIMING.targetPoolMs);
    gcp.backendServices.delete(name);
    gcp.touch();
    yield* sleep(GCP_TIMING.firewallMs);
    gcp.firewalls.delete(`k8s-fw-${name}`);
    if (hcUrl) this.dropHealthCheck(hcUrl);
    // The groups are shared by every internal LB of the cluster: deleting them fails while one is in use.
    const groups = new Set(this.igLinksInUse());
    if (!groups.size) for (const k of [...gcp.instanceGroups.keys()]) if (k.endsWith(`/${this.igName()}`)) gcp.instanceGroups.delete(k);
    gcp.touch();
    setFinalizer(this.kube, svc, ILB_FINALIZER, false);
  }

  private igLinksInUse(): string[] {
    return [...this.gcp.backendServices.values()].flatMap((b) => b.backends.map((x) => x.group)).filter((g) => g.includes('/instanceGroups/'));
  }

  *updateHosts(): Flow<void> {
    yield* sleep(GCP_TIMING.targetPoolMs);
    const links = this.ensureInstanceGroups();
    for (const bs of this.gcp.backendServices.values())
      if (bs.loadBalancingScheme === 'INTERNAL' && bs.backends.some((b) => b.group.includes('/instanceGroups/')))
        bs.backends = links.map((group) => ({ group, balancingMode: 'CONNECTION' }));
    this.gcp.touch();
  }
}
