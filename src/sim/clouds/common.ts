/** Helpers every non-AKS cloud shares: upstream names, node facts, registering custom kinds. */

import type { LoadBalancer } from '../cloud-provider/load-balancer';
import type { ServiceController } from '../cloud-provider/service-controller';
import type { Flow } from '../flow';
import type { ResourceType } from '../kube/discovery';
import type { KubeStore } from '../kube/store';
import type { KubeObject, Service, WatchEvent } from '../kube/types';
import type { CloudContext, CloudLib } from './types';

let bound: CloudLib | undefined;

/** Binds the core classes a cloud module uses (see CloudLib); every cloud's start() calls it first. */
export function bindLib(ctx: CloudContext): void {
  bound = ctx.lib;
}

export function lib(): CloudLib {
  if (!bound) throw new Error('cloud module used before start(ctx)');
  return bound;
}

/** Waits `ms` of virtual time (flow.ts's sleep, kept here so no core module is imported). */
export function* wait(ms: number): Flow<void> {
  if (ms > 0) yield ms;
}

/**
 * cloudprovider.DefaultLoadBalancerName: `a` + the UID without dashes, cut to 32 characters
 * (other-clouds §0). EKS's ELB/NLB and GKE's forwarding rule are named this.
 */
export function defaultLoadBalancerName(svc: Service): string {
  return ('a' + svc.metadata.uid.replace(/-/g, '')).slice(0, 32);
}

export function serviceKey(svc: KubeObject): string {
  return `${svc.metadata.namespace}/${svc.metadata.name}`;
}

/**
 * A Service watch event a load balancer controller can skip: an update that keeps the spec and
 * annotations (the same objects: a status, finalizer or label write) and the deletion state.
 * `sameAnnotations` lets a controller ignore the annotations it writes itself.
 */
export function unchangedForController(
  ev: WatchEvent,
  sameAnnotations: (old: Record<string, string> | undefined, now: Record<string, string> | undefined) => boolean = (a, b) => a === b,
): boolean {
  const { old, object: svc } = ev;
  return (
    ev.type === 'MODIFIED' &&
    !!old &&
    old.spec === svc.spec &&
    !!old.metadata.deletionTimestamp === !!svc.metadata.deletionTimestamp &&
    sameAnnotations(old.metadata.annotations, svc.metadata.annotations)
  );
}

/** Ready Nodes, by name (the upstream controllers' node lister, sorted for determinism). */
export function readyNodes(kube: KubeStore): KubeObject[] {
  return kube
    .select('Node')
    .filter((n) =>
      (n.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'),
    )
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
}

export function nodeAddress(node: KubeObject, type: 'InternalIP' | 'ExternalIP'): string | undefined {
  return (node.status as { addresses?: { type: string; address: string }[] } | undefined)?.addresses?.find((a) => a.type === type)?.address;
}

/** Serves a CRD's kind as an established API (what `kubectl apply` of a CRD would do) and stores the CRD object. */
export function establishCustomKind(kube: KubeStore, t: Omit<ResourceType, 'verbs' | 'singular' | 'custom'>): void {
  kube.discovery.register({
    ...t,
    singular: t.kind.toLowerCase(),
    custom: true,
    verbs: ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch'],
  });
  const created = kube.clock.nowIso();
  kube.putSystem({
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${t.plural}.${t.group}`, uid: '', resourceVersion: '', creationTimestamp: created },
    spec: {
      group: t.group,
      names: {
        kind: t.kind,
        listKind: `${t.kind}List`,
        plural: t.plural,
        singular: t.kind.toLowerCase(),
        ...(t.shortNames.length ? { shortNames: t.shortNames } : {}),
      },
      scope: t.namespaced ? 'Namespaced' : 'Cluster',
      versions: t.versions.map((name, i) => ({ name, served: true, storage: i === 0 })),
    },
    status: {
      conditions: [
        { type: 'Established', status: 'True', reason: 'InitialNamesAccepted', message: 'the initial names have been accepted', lastTransitionTime: created },
      ],
    },
  } as unknown as KubeObject);
}

/** Creates a namespace a cloud's add-on lives in (metallb-system), as the add-on's install did. */
export function ensureNamespace(kube: KubeStore, name: string): void {
  if (kube.peek('Namespace', name)) return;
  kube.putSystem({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, uid: '', resourceVersion: '', creationTimestamp: kube.clock.nowIso(), labels: { 'kubernetes.io/metadata.name': name } },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  } as KubeObject);
}

/** The upstream service controller (events from `service-controller`, finalizer) over a cloud's provider. */
export function startServiceController(ctx: CloudContext, provider: LoadBalancer): ServiceController {
  const names = () => readyNodes(ctx.kube).map((n) => n.metadata.name);
  return new ctx.lib.ServiceController(ctx.kube, ctx.events, provider, ctx.clock, ctx.worldVersion, () => names().length, names);
}

/** What a cloud's node looks like to `kubectl get nodes -o wide`: its name, addresses and provider facts. */
export interface NodeIdentity {
  name: string;
  internalIP: string;
  externalIP?: string;
  /** `spec.podCIDR`; none for EKS's VPC CNI (pods take addresses from the node's subnet). */
  podCIDR?: string;
  /** Unset on kubeadm-style bare metal (no cloud provider sets it). */
  providerID?: string;
  region?: string;
  zone?: string;
  /** Unset on kubeadm-style bare metal; k3s's own cloud provider says `k3s`. */
  instanceType?: string;
  /** Cloud-specific labels (node pool, roles …), beside the well-known kubernetes.io ones. */
  labels: Record<string, string>;
  kubeletVersion: string;
  osImage: string;
  kernelVersion: string;
  containerRuntimeVersion: string;
}

/**
 * The sandbox boots its Nodes the AKS way (`aks-nodepool1-…-vmss00000N`, 10.224.0.x); a cloud
 * replaces them with its own before anything is scheduled, in the same order, keeping each Node's
 * conditions, capacity and creation time. Index i is the i-th Node by name.
 */
export function replaceNodes(kube: KubeStore, identityOf: (index: number) => NodeIdentity): NodeIdentity[] {
  const old = [...kube.select('Node')].sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  return old.map((node, i) => {
    const id = identityOf(i);
    const status = node.status as { nodeInfo?: Record<string, string> } & Record<string, unknown>;
    const type: Record<string, string> = id.instanceType
      ? { 'beta.kubernetes.io/instance-type': id.instanceType, 'node.kubernetes.io/instance-type': id.instanceType }
      : {};
    const labels: Record<string, string> = {
      'beta.kubernetes.io/arch': 'amd64',
      'beta.kubernetes.io/os': 'linux',
      ...type,
      ...(id.region ? { 'failure-domain.beta.kubernetes.io/region': id.region, 'topology.kubernetes.io/region': id.region } : {}),
      ...(id.zone ? { 'failure-domain.beta.kubernetes.io/zone': id.zone, 'topology.kubernetes.io/zone': id.zone } : {}),
      'kubernetes.io/arch': 'amd64',
      'kubernetes.io/hostname': id.name,
      'kubernetes.io/os': 'linux',
      ...id.labels,
    };
    kube.delete('Node', node.metadata.name);
    kube.putSystem({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: id.name, uid: '', resourceVersion: '', creationTimestamp: node.metadata.creationTimestamp, labels },
      spec: { ...(id.podCIDR ? { podCIDR: id.podCIDR, podCIDRs: [id.podCIDR] } : {}), ...(id.providerID ? { providerID: id.providerID } : {}) },
      status: {
        ...status,
        addresses: [
          { address: id.internalIP, type: 'InternalIP' },
          ...(id.externalIP ? [{ address: id.externalIP, type: 'ExternalIP' }] : []),
          { address: id.name, type: 'Hostname' },
        ],
        nodeInfo: {
          ...status.nodeInfo,
          kubeletVersion: id.kubeletVersion,
          kubeProxyVersion: id.kubeletVersion,
          osImage: id.osImage,
          kernelVersion: id.kernelVersion,
          containerRuntimeVersion: id.containerRuntimeVersion,
        },
      },
    } as KubeObject);
    return id;
  });
}

/** `v1.33.2` of the sandbox's Kubernetes version, as the AKS Nodes carried it. */
export function kubeletPatch(kube: KubeStore): string {
  const any = kube.select('Node')[0]?.status as { nodeInfo?: { kubeletVersion?: string } } | undefined;
  return any?.nodeInfo?.kubeletVersion ?? 'v1.33.2';
}

/**
 * Machines on a home or office LAN (192.168.1.0/24): no cloud, so no providerID, region or
 * instance type; addresses are what the nodes' own interfaces have.
 */
export function bareMetalNode(name: string, ip: string, podCIDR: string, kubeletVersion: string, extra: Partial<NodeIdentity> = {}): NodeIdentity {
  return {
    name,
    internalIP: ip,
    podCIDR,
    labels: {},
    kubeletVersion,
    osImage: 'Ubuntu 24.04.2 LTS',
    kernelVersion: '6.8.0-60-generic',
    containerRuntimeVersion: 'containerd://1.7.27',
    ...extra,
  };
}

/** FNV-1a: picks a node per flow the way a load balancer's 5-tuple hash would, deterministically. */
export function flowHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const ipNumber = (ip: string) => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);

/** IPv4 `ip` inside `cidr` (`0.0.0.0/0`, `10.0.0.0/8`, a bare address = /32). */
export function inCidr(cidr: string, ip: string): boolean {
  const [base, bits = '32'] = cidr.split('/');
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(base) || !/^\d+\.\d+\.\d+\.\d+$/.test(ip)) return false;
  const n = Number(bits);
  const size = 2 ** (32 - n);
  return Math.floor(ipNumber(base) / size) === Math.floor(ipNumber(ip) / size);
}

/**
 * Nodes a load balancer's health check finds healthy for `svc`: every ready node for
 * externalTrafficPolicy Cluster; for Local only nodes with a ready endpoint (the healthCheckNodePort answers 200 there).
 */
export function healthyNodes(kube: KubeStore, svc: Service, candidates: string[]): string[] {
  const ready = new Set(readyNodes(kube).map((n) => n.metadata.name));
  let nodes = candidates.filter((n) => ready.has(n));
  if (svc.spec.externalTrafficPolicy === 'Local') {
    const withPods = new Set<string>();
    for (const slice of kube.select('EndpointSlice', { namespace: svc.metadata.namespace })) {
      if (slice.metadata.labels?.['kubernetes.io/service-name'] !== svc.metadata.name) continue;
      for (const ep of (slice as unknown as { endpoints?: { nodeName?: string; conditions?: { ready?: boolean } }[] }).endpoints ?? [])
        if (ep.conditions?.ready && ep.nodeName) withPods.add(ep.nodeName);
    }
    nodes = nodes.filter((n) => withPods.has(n));
  }
  return nodes;
}

/** The Service whose status holds this load balancer address or hostname. */
export function serviceWithIngress(kube: KubeStore, match: { ip?: string; hostname?: string; port?: number }): Service | undefined {
  return (kube.select('Service') as Service[]).find(
    (s) =>
      (match.port === undefined || !!s.spec.ports?.some((p) => p.port === match.port)) &&
      (s.status?.loadBalancer?.ingress ?? []).some(
        (i) => (match.ip !== undefined && i.ip === match.ip) || (match.hostname !== undefined && i.hostname?.toLowerCase() === match.hostname.toLowerCase()),
      ),
  );
}

/**
 * A home/office network: the nodes and the lab terminal share 192.168.1.0/24 behind one router.
 * Its public address is invented from TEST-NET-2 (RFC 5737): everything leaves with it.
 */
export const LAN = { cidr: '192.168.1.0/24', terminalIp: '192.168.1.50', routerPublicIp: '198.51.100.23' };
