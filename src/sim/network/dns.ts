/**
 * Cluster DNS as a pod sees it: CoreDNS's `kubernetes` plugin behind the pod's resolv.conf.
 *
 * resolv.conf in a pod (dnsPolicy ClusterFirst): `search <ns>.svc.cluster.local svc.cluster.local
 * cluster.local` and `options ndots:5`. A name with fewer than 5 dots is tried with each search
 * suffix first, then as written; a name ending in `.` is absolute. So from namespace `shop`,
 * `web` is `web.shop.svc.cluster.local`, `web.other` is `web.other.svc.cluster.local`, and
 * `web.other.svc` is `web.other.svc.cluster.local`.
 *
 * Records (Kubernetes DNS specification, as CoreDNS serves it):
 * - `<svc>.<ns>.svc.cluster.local` of a Service with a ClusterIP → A record with the ClusterIP
 *   (whether or not it has endpoints; kube-proxy decides what happens to the packet).
 * - headless Service (clusterIP None) → A records of its ready endpoints (none → no answer).
 * - `<hostname>.<svc>.<ns>.svc.cluster.local` → the pod whose spec.hostname/subdomain match (headless).
 * - ExternalName Service → CNAME to spec.externalName, which the resolver then follows as an
 *   absolute name (no search list).
 * Anything else under `cluster.local` is NXDOMAIN; other names go to the upstream (Azure DNS),
 * which the caller handles.
 * Pure reads.
 */
import type { KubeStore } from '../kube/store';
import type { KubeObject, Service } from '../kube/types';
import { stableHash } from './addr';

export const CLUSTER_DOMAIN = 'cluster.local';

export type DnsAnswer =
  /** A record: `ip`; `service` when the name was a Service's. */
  | { kind: 'a'; ip: string; fqdn: string; service?: Service; pod?: string; trace: string[] }
  /** The chain left the cluster: resolve `name` with the upstream resolver. */
  | { kind: 'upstream'; name: string; trace: string[] }
  | { kind: 'nxdomain'; trace: string[] };

type SliceLike = KubeObject & { endpoints?: { addresses: string[]; conditions?: { ready?: boolean }; targetRef?: { name: string } }[] };

function readyAddresses(kube: KubeStore, svc: Service): { ip: string; pod: string }[] {
  const slices = kube.select('EndpointSlice', {
    namespace: svc.metadata.namespace,
    labelSelector: `kubernetes.io/service-name=${svc.metadata.name}`,
  }) as SliceLike[];
  return slices.flatMap((s) =>
    (s.endpoints ?? []).filter((e) => e.conditions?.ready !== false && e.addresses[0]).map((e) => ({ ip: e.addresses[0], pod: e.targetRef?.name ?? '' })),
  );
}

/** The names resolv.conf makes the resolver ask for, in order. */
export function candidateNames(name: string, namespace: string): string[] {
  const n = name.toLowerCase();
  if (n.endsWith('.')) return [n.slice(0, -1)];
  const search = [`${namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN];
  const dots = n.split('.').length - 1;
  const searched = search.map((s) => `${n}.${s}`);
  return dots >= 5 ? [n, ...searched] : [...searched, n];
}

/** Looks up one absolute name in the cluster zone; undefined = not a cluster name. */
function lookupFqdn(kube: KubeStore, fqdn: string, depth: number, trace: string[]): DnsAnswer | undefined {
  const suffix = `.svc.${CLUSTER_DOMAIN}`;
  if (!fqdn.endsWith(suffix)) return fqdn === CLUSTER_DOMAIN || fqdn.endsWith('.' + CLUSTER_DOMAIN) ? { kind: 'nxdomain', trace } : undefined;
  const labels = fqdn.slice(0, -suffix.length).split('.');
  if (labels.length === 3) {
    // <hostname>.<subdomain>.<ns>: a pod of a headless Service.
    const [host, sub, ns] = labels;
    const svc = kube.peek('Service', sub, ns) as Service | undefined;
    const pod =
      svc?.spec.clusterIP === 'None'
        ? kube.select('Pod', { namespace: ns }).find((p) => {
            const s = p.spec as { hostname?: string; subdomain?: string };
            return (s.hostname ?? p.metadata.name) === host && s.subdomain === sub;
          })
        : undefined;
    const ip = (pod?.status as { podIP?: string } | undefined)?.podIP;
    if (!pod || !ip || !readyAddresses(kube, svc!).some((a) => a.pod === pod.metadata.name)) return { kind: 'nxdomain', trace };
    trace.push(`CoreDNS: ${fqdn} is pod ${ns}/${pod.metadata.name} of headless Service ${ns}/${sub} → A ${ip}`);
    return { kind: 'a', ip, fqdn, service: svc, pod: pod.metadata.name, trace };
  }
  if (labels.length !== 2) return { kind: 'nxdomain', trace };
  const [name, ns] = labels;
  const svc = kube.peek('Service', name, ns) as Service | undefined;
  if (!svc) return { kind: 'nxdomain', trace };
  if (svc.spec.type === 'ExternalName') {
    const target = String(svc.spec.externalName ?? '')
      .toLowerCase()
      .replace(/\.$/, '');
    trace.push(`CoreDNS: ${fqdn} is ExternalName Service ${ns}/${name} → CNAME ${target}`);
    if (depth >= 8 || !target) return { kind: 'nxdomain', trace };
    return lookupFqdn(kube, target, depth + 1, trace) ?? { kind: 'upstream', name: target, trace };
  }
  if (svc.spec.clusterIP === 'None') {
    const ready = readyAddresses(kube, svc);
    if (!ready.length) {
      trace.push(`CoreDNS: ${fqdn} is headless Service ${ns}/${name} with no ready endpoints → no A records`);
      return { kind: 'nxdomain', trace };
    }
    // CoreDNS returns every ready address (its loadbalance plugin shuffles them); curl takes the first.
    const pick = ready[stableHash(fqdn + ready.map((r) => r.ip).join()) % ready.length];
    trace.push(
      `CoreDNS: ${fqdn} is headless Service ${ns}/${name} → A ${ready.map((r) => r.ip).join(', ')} (no ClusterIP: straight to a pod, no kube-proxy); curl uses ${pick.ip}`,
    );
    return { kind: 'a', ip: pick.ip, fqdn, service: svc, pod: pick.pod, trace };
  }
  if (!svc.spec.clusterIP) return { kind: 'nxdomain', trace };
  trace.push(`CoreDNS: ${fqdn} is Service ${ns}/${name} → A ${svc.spec.clusterIP} (ClusterIP)`);
  return { kind: 'a', ip: svc.spec.clusterIP, fqdn, service: svc, trace };
}

/**
 * Resolves `name` from a pod in `namespace`. Returns the first answer along resolv.conf's
 * search list; `upstream` when no cluster name matched (the caller asks Azure DNS for `name`).
 */
export function resolveFromPod(kube: KubeStore, name: string, namespace: string): DnsAnswer {
  const tried: string[] = [];
  for (const fqdn of candidateNames(name, namespace)) {
    const trace: string[] = [];
    const r = lookupFqdn(kube, fqdn, 0, trace);
    if (!r) continue; // not the cluster zone: CoreDNS forwards it upstream
    if (r.kind === 'nxdomain' && !trace.length) tried.push(fqdn);
    if (r.kind !== 'nxdomain') {
      if (fqdn !== name.toLowerCase().replace(/\.$/, ''))
        r.trace.unshift(`Pod resolv.conf (search ${namespace}.svc.${CLUSTER_DOMAIN} svc.${CLUSTER_DOMAIN} ${CLUSTER_DOMAIN}, ndots:5): ${name} → ${fqdn}`);
      return r;
    }
    if (trace.length) return { kind: 'nxdomain', trace }; // e.g. an ExternalName pointing at nothing
  }
  const asked = name.toLowerCase().replace(/\.$/, '');
  const trace = tried.length
    ? [`CoreDNS: NXDOMAIN for ${tried.join(', ')} (pod resolv.conf search list, ndots:5); ${asked} is forwarded upstream to Azure DNS`]
    : [];
  return { kind: 'upstream', name: asked, trace };
}
