/**
 * What stands in for a cloud console on a cluster without a cloud: MetalLB's address pools and
 * which IP each LoadBalancer Service got and which node answers ARP for it; k3s ServiceLB's
 * `svclb-…` DaemonSet pods and the node IPs that become EXTERNAL-IP. Read from the Kubernetes
 * store (and MetalLB's allocation table), the way `kubectl` would find them.
 */

import type { MetalLbStore } from '../../../sim/clouds/metallb/store';
import type { KubeStore } from '../../../sim/kube/store';
import type { KubeObject } from '../../../sim/kube/types';

/** k3s ServiceLB's labels on the DaemonSet and its pods (src/sim/clouds/k3s/daemonset.ts). */
const SVC_NAME = 'svccontroller.k3s.cattle.io/svcname';
const SVC_NAMESPACE = 'svccontroller.k3s.cattle.io/svcnamespace';
const K3S_NAMESPACE = 'kube-system';

interface ServiceShape {
  spec?: { type?: string; ports?: { port: number; protocol?: string }[] };
  status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } };
}

export interface LbService {
  key: string;
  namespace: string;
  name: string;
  ports: string;
  externalIps: string[];
}

export function loadBalancerServices(kube: KubeStore): LbService[] {
  return kube
    .select('Service')
    .filter((s) => (s as unknown as ServiceShape).spec?.type === 'LoadBalancer')
    .map((s) => {
      const shape = s as unknown as ServiceShape;
      return {
        key: `${s.metadata.namespace}/${s.metadata.name}`,
        namespace: s.metadata.namespace ?? 'default',
        name: s.metadata.name,
        ports: (shape.spec?.ports ?? []).map((p) => `${p.port}/${p.protocol ?? 'TCP'}`).join(', '),
        externalIps: (shape.status?.loadBalancer?.ingress ?? []).map((i) => i.ip ?? i.hostname ?? '').filter(Boolean),
      };
    })
    .sort((a, b) => a.key.localeCompare(b.key));
}

export interface PoolRow {
  name: string;
  addresses: string[];
  autoAssign: boolean;
  l2: boolean;
}

export function pools(kube: KubeStore, metallb: MetalLbStore): PoolRow[] {
  return kube
    .select('IPAddressPool', { namespace: metallb.namespace })
    .map((o) => {
      const spec = (o.spec ?? {}) as { addresses?: unknown; autoAssign?: unknown };
      const addresses = Array.isArray(spec.addresses) ? spec.addresses.filter((a): a is string => typeof a === 'string') : [];
      return { name: o.metadata.name, addresses, autoAssign: spec.autoAssign !== false, l2: metallb.advertisedByL2(o.metadata.name) };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export interface MetalLbServiceRow extends LbService {
  ip?: string;
  pool?: string;
  node?: string;
}

export function metalLbServices(kube: KubeStore, metallb: MetalLbStore): MetalLbServiceRow[] {
  return loadBalancerServices(kube).map((s) => {
    const a = metallb.allocations.get(s.key);
    const n = metallb.announcements.get(s.key);
    return { ...s, ...(a ? { ip: a.ip, pool: a.pool } : {}), ...(n ? { node: n.node } : {}) };
  });
}

export interface SvclbPodRow {
  key: string;
  pod: string;
  daemonSet: string;
  service: string;
  node: string;
  nodeIp: string;
  hostPorts: string;
  phase: string;
  ready: boolean;
}

function nodeIp(kube: KubeStore, name: string): string {
  const node = kube.peek('Node', name);
  const addresses = ((node?.status ?? {}) as { addresses?: { type: string; address: string }[] }).addresses ?? [];
  return (addresses.find((a) => a.type === 'ExternalIP') ?? addresses.find((a) => a.type === 'InternalIP'))?.address ?? '';
}

const ownerName = (o: KubeObject) => (o.metadata as { ownerReferences?: { name: string }[] }).ownerReferences?.[0]?.name ?? '';

export function svclbDaemonSets(kube: KubeStore): { name: string; service: string }[] {
  return kube
    .select('DaemonSet', { namespace: K3S_NAMESPACE })
    .filter((d) => d.metadata.labels?.[SVC_NAME])
    .map((d) => ({ name: d.metadata.name, service: `${d.metadata.labels![SVC_NAMESPACE]}/${d.metadata.labels![SVC_NAME]}` }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function svclbPods(kube: KubeStore): SvclbPodRow[] {
  return kube
    .select('Pod', { namespace: K3S_NAMESPACE })
    .filter((p) => p.metadata.labels?.[SVC_NAME])
    .map((p) => {
      const spec = (p.spec ?? {}) as { nodeName?: string; containers?: { ports?: { hostPort?: number; protocol?: string }[] }[] };
      const status = (p.status ?? {}) as { phase?: string; conditions?: { type: string; status: string }[] };
      const node = spec.nodeName ?? '';
      return {
        key: `${p.metadata.namespace}/${p.metadata.name}`,
        pod: p.metadata.name,
        daemonSet: ownerName(p),
        service: `${p.metadata.labels![SVC_NAMESPACE]}/${p.metadata.labels![SVC_NAME]}`,
        node,
        nodeIp: node ? nodeIp(kube, node) : '',
        hostPorts: (spec.containers ?? [])
          .flatMap((c) => c.ports ?? [])
          .filter((x) => x.hostPort)
          .map((x) => `${x.hostPort}/${x.protocol ?? 'TCP'}`)
          .join(', '),
        phase: status.phase ?? 'Pending',
        ready: !!status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'),
      };
    })
    .sort((a, b) => a.key.localeCompare(b.key));
}
