/**
 * ingress-gce's L4 controllers (other-clouds §4.3), one work queue each:
 * - the L4 NetLB controller's backend-service-based ("RBS") external passthrough NetLB: the default
 *   from GKE 1.37 (GCE_VM_IP NEG backends), or opted in with `cloud.google.com/l4-rbs: "enabled"` /
 *   `loadBalancerClass: networking.gke.io/l4-regional-external`;
 * - the L4 ILB ("GKE subsetting") controller's internal passthrough LB for
 *   `loadBalancerClass: networking.gke.io/l4-regional-internal`: the same `k8s2-…` objects, an
 *   internal forwarding rule `k8s2-<proto>-<uid8>-<ns>-<name>-<hash8>` and finalizer `l4-ilb-v2`.
 */
import type { VirtualClock } from '../../clock';
import type { WorkQueue } from '../../controllers/queue';
import type { EventRecorder } from '../../kube/events';
import type { KubeStore } from '../../kube/store';
import type { Service } from '../../kube/types';
import { defaultLoadBalancerName, inCidr, lib, readyNodes, serviceKey, wait as sleep, unchangedForController } from '../common';
import { ALLOW_GLOBAL_ACCESS, ILB_FINALIZER_V2, LB_TYPE_ANNOTATION, wantsInternal } from './ilb';
import { L4Namer } from './l4-names';
import { type ForwardingRule, GCP_TIMING, type GcpStore, L4_HEALTH_CHECK_RANGES } from './store';

export const RBS_CLASS = 'networking.gke.io/l4-regional-external';
export const RBS_ANNOTATION = 'cloud.google.com/l4-rbs';
export const NEG_FINALIZER = 'gke.networking.io/l4-netlb-v3';
export const ILB_CLASS = 'networking.gke.io/l4-regional-internal';
/** Reserved address *names* (IPv4 and/or IPv6), read only by ingress-gce's controllers. */
export const STATIC_ADDRESSES = 'networking.gke.io/load-balancer-ip-addresses';
/**
 * Reporting component of ingress-gce's events: one recorder for all its controllers
 * (`pkg/recorders/manager.go`, `EventSource{Component: "loadbalancer-controller"}`; the reference's
 * §8.3 had guessed `l4netlb-controller`).
 */
export const L4_NETLB = 'loadbalancer-controller';
const A = 'service.kubernetes.io/';

/** Whether the RBS controller owns the Service (GKE 1.37+ makes it the default for class-less Services). */
export function isRbs(svc: Service, kubeMinor: number): boolean {
  if (svc.spec?.type !== 'LoadBalancer') return false;
  if (svc.spec.loadBalancerClass) return svc.spec.loadBalancerClass === RBS_CLASS;
  // Internal Services are the cloud provider's (or GKE subsetting's), never the NetLB controller's.
  if (wantsInternal(svc)) return false;
  if (svc.metadata.finalizers?.includes('gke.networking.io/l4-netlb-v1')) return false;
  return svc.metadata.annotations?.[RBS_ANNOTATION] === 'enabled' || kubeMinor >= 37 || !!svc.metadata.finalizers?.includes(NEG_FINALIZER);
}

/** The L4 ILB controller owns only Services of its class (the class cannot change). */
export const isL4Ilb = (svc: Service) => svc.spec?.type === 'LoadBalancer' && svc.spec.loadBalancerClass === ILB_CLASS;

export function startRbsController(
  kube: KubeStore,
  events: EventRecorder,
  clock: VirtualClock,
  worldVersion: () => number,
  gcp: GcpStore,
  kubeMinor: number,
  internal = false,
): WorkQueue {
  const namer = () => new L4Namer(kube.peek('Namespace', 'kube-system')!.metadata.uid);
  const finalizer = internal ? ILB_FINALIZER_V2 : NEG_FINALIZER;
  const wants = (svc: Service) => (internal ? isL4Ilb(svc) : isRbs(svc, kubeMinor));

  const queue: WorkQueue = new (lib().WorkQueue)(internal ? 'l4-ilb-controller' : 'l4netlb-controller', clock, worldVersion, function* (key) {
    const [ns, name] = key.split('/');
    const svc = kube.peek('Service', name, ns) as Service | undefined;
    if (!svc) return;
    const n = namer();
    const backend = n.backend(ns, name);
    const protocol = svc.spec.ports?.[0]?.protocol ?? 'TCP';
    const frName = internal ? n.forwardingRule(ns, name, protocol) : defaultLoadBalancerName(svc);
    const owned = svc.metadata.finalizers?.includes(finalizer);
    if (svc.metadata.deletionTimestamp || !wants(svc)) {
      if (!owned) return;
      // The L4 ILB controller says so around its deletion (l4controller.go processServiceDeletion).
      if (internal) events.record(svc, 'Normal', 'DeletingLoadBalancer', `Deleting load balancer for ${key}`, L4_NETLB);
      yield* sleep(GCP_TIMING.forwardingRuleMs);
      // Only its own rule: after a switch to internal the provider may already hold `a…` as INTERNAL.
      const own = gcp.forwardingRules.get(frName);
      if (own?.backendService === gcp.regionalUrl('backendServices', backend)) {
        gcp.forwardingRules.delete(frName);
        // A user's static address outlives the rule: reserved again, never released.
        for (const a of gcp.addresses.values()) if (a.address === own.IPAddress) a.status = 'RESERVED';
      }
      gcp.firewalls.delete(backend);
      yield* sleep(GCP_TIMING.targetPoolMs);
      gcp.backendServices.delete(backend);
      for (const k of [...gcp.networkEndpointGroups.keys()]) if (k.endsWith(`/${backend}`)) gcp.networkEndpointGroups.delete(k);
      // The shared health check and its firewall go with the last Service using them.
      const hcUrl = gcp.regionalUrl('healthChecks', n.sharedHealthCheck());
      if (![...gcp.backendServices.values()].some((b) => b.healthChecks.includes(hcUrl))) {
        gcp.healthChecks.delete(n.sharedHealthCheck());
        gcp.firewalls.delete(n.sharedHealthCheckFirewall());
      }
      gcp.touch();
      const cur = kube.peek('Service', name, ns);
      if (cur) {
        kube.updateMetadata('Service', name, ns, (m) => {
          const annotations = Object.fromEntries(Object.entries(m.annotations ?? {}).filter(([k]) => !k.startsWith(A)));
          const finalizers = (m.finalizers ?? []).filter((f) => f !== finalizer);
          const meta = { ...m, annotations, finalizers };
          if (!finalizers.length) delete (meta as { finalizers?: string[] }).finalizers;
          return meta;
        });
      }
      if (internal) events.record(svc, 'Normal', 'DeletedLoadBalancer', 'Deleted load balancer', L4_NETLB);
      return;
    }
    // shouldProcessService: the class wins over the annotation, with a warning (only the current key, exact value).
    if (!internal && svc.spec.loadBalancerClass === RBS_CLASS && svc.metadata.annotations?.[LB_TYPE_ANNOTATION] === 'Internal')
      events.record(
        svc,
        'Warning',
        'ConflictingConfiguration',
        `loadBalancerClass conflicts with ${LB_TYPE_ANNOTATION}: "Internal" annotation. External LoadBalancer Service provisioned.`,
        L4_NETLB,
      );
    events.record(svc, 'Normal', 'ADD', key, L4_NETLB);
    if (!owned) kube.updateMetadata('Service', name, ns, (m) => ({ ...m, finalizers: [...(m.finalizers ?? []), finalizer] }));
    const ports = svc.spec.ports ?? [];
    // IPv4ToUse: a named address from the annotation (names not found are skipped), then
    // spec.loadBalancerIP, then the rule's own address, else a new one.
    const named = (svc.metadata.annotations?.[STATIC_ADDRESSES] ?? '')
      .split(',')
      .slice(0, 2)
      .map((x) => gcp.addresses.get(x.trim()))
      .find((a) => a !== undefined);
    if (named && svc.spec.loadBalancerIP)
      events.record(
        svc,
        'Normal',
        'MixedStaticIP',
        `Found both .Spec.LoadBalancerIP and "${STATIC_ADDRESSES}" annotation. Consider using annotation only.`,
        L4_NETLB,
      );
    const requested = named?.address || svc.spec.loadBalancerIP;
    let ip = requested || gcp.forwardingRules.get(frName)?.IPAddress;
    if (!ip) {
      yield* sleep(GCP_TIMING.addressMs);
      ip = internal ? gcp.internalIp() : gcp.externalIp();
    }
    // The Compute API refuses an address of the other kind when the rule is created (S-G4 on RBS).
    const reserved = requested ? [...gcp.addresses.values()].find((a) => a.address === requested) : undefined;
    const wrongKind = internal ? !inCidr(gcp.subnetCidr, ip) : reserved?.addressType === 'INTERNAL';
    if (requested && wrongKind && gcp.forwardingRules.get(frName)?.IPAddress !== ip) {
      const why = internal ? 'Requested internal IP is outside the network/subnetwork range.' : 'Invalid IP address specified.';
      const err = `googleapi: Error 400: Invalid value for field 'resource.IPAddress': '${ip}'. ${why}, invalid`;
      events.record(
        svc,
        'Warning',
        internal ? 'SyncLoadBalancerFailed' : 'SyncExternalLoadBalancerFailed',
        internal ? `Error syncing load balancer: ${err}` : `Error ensuring Resource for L4 External LoadBalancer, err: ${err}`,
        L4_NETLB,
      );
      throw new Error(err);
    }
    if (reserved) reserved.status = 'IN_USE';
    const desc = JSON.stringify({ 'networking.gke.io/service-name': key, 'networking.gke.io/api-version': 'ga' });
    // Health check (kube-proxy's, shared by every RBS Service) and the firewall for Google's checkers.
    yield* sleep(GCP_TIMING.healthCheckMs);
    gcp.healthChecks.set(n.sharedHealthCheck(), {
      name: n.sharedHealthCheck(),
      region: gcp.region,
      type: 'HTTP',
      httpHealthCheck: { port: 10256, requestPath: '/healthz' },
      checkIntervalSec: 8,
      timeoutSec: 1,
      healthyThreshold: 1,
      unhealthyThreshold: 3,
      description: JSON.stringify({ 'networking.gke.io/service-name': '', 'networking.gke.io/api-version': 'ga' }),
    });
    gcp.firewalls.set(n.sharedHealthCheckFirewall(), {
      name: n.sharedHealthCheckFirewall(),
      network: gcp.network,
      direction: 'INGRESS',
      priority: 999,
      allowed: [{ IPProtocol: 'tcp', ports: ['10256'] }],
      sourceRanges: [...L4_HEALTH_CHECK_RANGES],
      targetTags: [gcp.nodeTag],
      description: desc,
    });
    yield* sleep(GCP_TIMING.firewallMs);
    const ranges = (svc.spec as { loadBalancerSourceRanges?: string[] }).loadBalancerSourceRanges;
    gcp.firewalls.set(backend, {
      name: backend,
      network: gcp.network,
      direction: 'INGRESS',
      priority: 999,
      allowed: [{ IPProtocol: protocol.toLowerCase(), ports: ports.map((p) => String(p.port)) }],
      sourceRanges: ranges?.length ? ranges : ['0.0.0.0/0'],
      destinationRanges: [ip],
      targetTags: [gcp.nodeTag],
      description: desc,
    });
    // GCE_VM_IP NEGs, one per zone with nodes, named like the backend service.
    const zones = new Map<string, string[]>();
    readyNodes(kube).forEach((node, i) => {
      const inst = gcp.instanceFor(node.metadata.name, i);
      zones.set(inst.zone, [...(zones.get(inst.zone) ?? []), inst.name]);
    });
    for (const k of [...gcp.networkEndpointGroups.keys()]) if (k.endsWith(`/${backend}`) && !zones.has(k.split('/')[0])) gcp.networkEndpointGroups.delete(k);
    for (const [zone, instances] of zones)
      gcp.networkEndpointGroups.set(`${zone}/${backend}`, { name: backend, zone, networkEndpointType: 'GCE_VM_IP', instances });
    yield* sleep(GCP_TIMING.targetPoolMs);
    gcp.backendServices.set(backend, {
      name: backend,
      region: gcp.region,
      protocol,
      loadBalancingScheme: internal ? 'INTERNAL' : 'EXTERNAL',
      backends: [...zones.keys()].sort().map((zone) => ({
        group: `https://www.googleapis.com/compute/v1/projects/${gcp.project}/zones/${zone}/networkEndpointGroups/${backend}`,
        balancingMode: 'CONNECTION',
      })),
      healthChecks: [gcp.regionalUrl('healthChecks', n.sharedHealthCheck())],
      sessionAffinity: svc.spec.sessionAffinity === 'ClientIP' ? 'CLIENT_IP' : 'NONE',
      description: desc,
    });
    gcp.touch();
    const portNumbers = ports.map((p) => p.port);
    const portRange = `${Math.min(...portNumbers)}-${Math.max(...portNumbers)}`;
    const rule = gcp.forwardingRules.get(frName);
    // Internal rules list their ports (all ports beyond five) and sit in the cluster's subnet.
    const portList = portNumbers.map(String);
    const globalAccess = internal && svc.metadata.annotations?.[ALLOW_GLOBAL_ACCESS] === 'true';
    const where: Partial<ForwardingRule> = internal
      ? {
          ...(portList.length > 5 ? { allPorts: true } : { ports: portList }),
          network: gcp.globalUrl('networks', gcp.network),
          subnetwork: gcp.subnetUrl(),
          ...(globalAccess ? { allowGlobalAccess: true } : {}),
        }
      : { portRange };
    const changed = internal
      ? JSON.stringify(rule?.ports) !== JSON.stringify(where.ports) || !!rule?.allowGlobalAccess !== globalAccess
      : rule?.portRange !== portRange;
    if (!rule || changed || rule.IPProtocol !== protocol || rule.IPAddress !== ip) {
      yield* sleep(GCP_TIMING.forwardingRuleMs);
      gcp.forwardingRules.set(frName, {
        name: frName,
        region: gcp.region,
        IPAddress: ip,
        IPProtocol: protocol,
        ...where,
        backendService: gcp.regionalUrl('backendServices', backend),
        loadBalancingScheme: internal ? 'INTERNAL' : 'EXTERNAL',
        networkTier: 'PREMIUM',
        description: desc,
        creationTimestamp: clock.nowIso(),
      });
      gcp.touch();
    }
    const cur = kube.peek('Service', name, ns);
    if (!cur || cur.metadata.uid !== svc.metadata.uid) return;
    // The names, written back onto the Service (what `kubectl describe` shows on GKE).
    kube.updateMetadata('Service', name, ns, (m) => ({
      ...m,
      annotations: {
        ...(m.annotations ?? {}),
        [A + 'backend-service']: backend,
        [A + 'firewall-rule']: backend,
        [A + 'firewall-rule-for-hc']: n.sharedHealthCheckFirewall(),
        [A + 'healthcheck']: n.sharedHealthCheck(),
        [A + `${protocol.toLowerCase()}-forwarding-rule`]: frName,
      },
    }));
    const now = kube.peek('Service', name, ns)!;
    kube.updateStatus('Service', name, ns, { ...(now.status as object), loadBalancer: { ingress: [{ ip, ipMode: 'VIP' }] } });
    const done = internal ? 'Successfully ensured load balancer resources' : 'Successfully ensured L4 External LoadBalancer resources';
    events.record(svc, 'Normal', 'SyncLoadBalancerSuccessful', done, L4_NETLB);
  });

  kube.watch('Service', (ev) => {
    const svc = ev.object as Service;
    if (ev.type === 'DELETED') return;
    // Its own annotation and status writes change nothing it reads.
    if (unchangedForController(ev, (a, b) => JSON.stringify(strip(a)) === JSON.stringify(strip(b)))) return;
    if (wants(svc) || svc.metadata.finalizers?.includes(finalizer)) queue.enqueue(serviceKey(svc));
  });
  return queue;
}

function strip(annotations: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(annotations ?? {}).filter(([k]) => !k.startsWith(A)));
}
