/**
 * GKE's backend-service-based ("RBS") external passthrough NetLB, run by ingress-gce's L4 NetLB
 * controller (other-clouds §4.3): the default from GKE 1.37 (GCE_VM_IP NEG backends), or opted in
 * with `cloud.google.com/l4-rbs: "enabled"` / `loadBalancerClass: networking.gke.io/l4-regional-external`.
 */
import type { VirtualClock } from '../../clock';
import type { WorkQueue } from '../../controllers/queue';
import type { EventRecorder } from '../../kube/events';
import type { KubeStore } from '../../kube/store';
import type { Service } from '../../kube/types';
import { defaultLoadBalancerName, lib, readyNodes, serviceKey, wait as sleep } from '../common';
import { LB_TYPE_ANNOTATION, wantsInternal } from './ilb';
import { L4Namer } from './l4-names';
import { GCP_TIMING, type GcpStore, L4_HEALTH_CHECK_RANGES } from './store';

export const RBS_CLASS = 'networking.gke.io/l4-regional-external';
export const RBS_ANNOTATION = 'cloud.google.com/l4-rbs';
export const NEG_FINALIZER = 'gke.networking.io/l4-netlb-v3';
/** Reporting component of the L4 NetLB controller's events (INFERRED, other-clouds §8.3). */
export const L4_NETLB = 'l4netlb-controller';
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

export function startRbsController(
  kube: KubeStore,
  events: EventRecorder,
  clock: VirtualClock,
  worldVersion: () => number,
  gcp: GcpStore,
  kubeMinor: number,
): WorkQueue {
  const namer = () => new L4Namer(kube.peek('Namespace', 'kube-system')!.metadata.uid);

  const queue: WorkQueue = new (lib().WorkQueue)(L4_NETLB, clock, worldVersion, function* (key) {
    const [ns, name] = key.split('/');
    const svc = kube.peek('Service', name, ns) as Service | undefined;
    if (!svc) return;
    const n = namer();
    const backend = n.backend(ns, name);
    const frName = defaultLoadBalancerName(svc);
    const owned = svc.metadata.finalizers?.includes(NEG_FINALIZER);
    if (svc.metadata.deletionTimestamp || !isRbs(svc, kubeMinor)) {
      if (!owned) return;
      yield* sleep(GCP_TIMING.forwardingRuleMs);
      // Only its own rule: after a switch to internal the provider may already hold `a…` as INTERNAL.
      if (gcp.forwardingRules.get(frName)?.backendService === gcp.regionalUrl('backendServices', backend)) gcp.forwardingRules.delete(frName);
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
          const finalizers = (m.finalizers ?? []).filter((f) => f !== NEG_FINALIZER);
          const meta = { ...m, annotations, finalizers };
          if (!finalizers.length) delete (meta as { finalizers?: string[] }).finalizers;
          return meta;
        });
      }
      return;
    }
    // shouldProcessService: the class wins over the annotation, with a warning (only the current key, exact value).
    if (svc.spec.loadBalancerClass === RBS_CLASS && svc.metadata.annotations?.[LB_TYPE_ANNOTATION] === 'Internal')
      events.record(
        svc,
        'Warning',
        'ConflictingConfiguration',
        `loadBalancerClass conflicts with ${LB_TYPE_ANNOTATION}: "Internal" annotation. External LoadBalancer Service provisioned.`,
        L4_NETLB,
      );
    events.record(svc, 'Normal', 'ADD', key, L4_NETLB);
    if (!owned) kube.updateMetadata('Service', name, ns, (m) => ({ ...m, finalizers: [...(m.finalizers ?? []), NEG_FINALIZER] }));
    const ports = svc.spec.ports ?? [];
    const protocol = ports[0]?.protocol ?? 'TCP';
    let ip = gcp.forwardingRules.get(frName)?.IPAddress;
    if (!ip) {
      yield* sleep(GCP_TIMING.addressMs);
      ip = svc.spec.loadBalancerIP || gcp.externalIp();
    }
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
      loadBalancingScheme: 'EXTERNAL',
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
    if (!rule || rule.portRange !== portRange || rule.IPProtocol !== protocol) {
      yield* sleep(GCP_TIMING.forwardingRuleMs);
      gcp.forwardingRules.set(frName, {
        name: frName,
        region: gcp.region,
        IPAddress: ip,
        IPProtocol: protocol,
        portRange,
        backendService: gcp.regionalUrl('backendServices', backend),
        loadBalancingScheme: 'EXTERNAL',
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
    events.record(svc, 'Normal', 'SyncLoadBalancerSuccessful', 'Successfully ensured L4 External LoadBalancer resources', L4_NETLB);
  });

  kube.watch('Service', (ev) => {
    const svc = ev.object as Service;
    if (ev.type === 'DELETED') return;
    const old = ev.old as Service | undefined;
    // Its own annotation and status writes change nothing it reads.
    if (
      ev.type === 'MODIFIED' &&
      old &&
      old.spec === svc.spec &&
      !!old.metadata.deletionTimestamp === !!svc.metadata.deletionTimestamp &&
      JSON.stringify(strip(old.metadata.annotations)) === JSON.stringify(strip(svc.metadata.annotations))
    )
      return;
    if (isRbs(svc, kubeMinor) || svc.metadata.finalizers?.includes(NEG_FINALIZER)) queue.enqueue(serviceKey(svc));
  });
  return queue;
}

function strip(annotations: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(annotations ?? {}).filter(([k]) => !k.startsWith(A)));
}
