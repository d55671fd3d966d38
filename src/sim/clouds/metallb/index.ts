/**
 * MetalLB in L2 mode (other-clouds §5): `metallb-controller` assigns an IP from an IPAddressPool,
 * `metallb-speaker` answers ARP for it from one node. No cloud, no finalizer, and without any
 * pool the Service stays `<pending>` with no event at all.
 */
import type { KubeObject, Service } from '../../kube/types';
import { lanNetwork } from '../bare-metal-network';
import {
  bareMetalNode,
  bindLib,
  ensureNamespace,
  establishCustomKind,
  kubeletPatch,
  nodeAddress,
  readyNodes,
  replaceNodes,
  serviceKey,
  unchangedForController,
} from '../common';
import type { CloudContext, CloudRuntime } from '../types';
import { type Allocation, MetalLbStore } from './store';

export const METALLB_NAMESPACE = 'metallb-system';
const CONTROLLER = 'metallb-controller';
const SPEAKER = 'metallb-speaker';
/** The speaker reacts to the controller's status write a moment later (real events show the same age). */
const SPEAKER_DELAY_MS = 200;

/** Annotation keys: `metallb.io/` since 0.14.9; the old `metallb.universe.tf/` prefix still works. */
export const ANN = {
  pool: 'address-pool',
  ips: 'loadBalancerIPs',
  shared: 'allow-shared-ip',
  allocatedFrom: 'metallb.io/ip-allocated-from-pool',
};

function annotation(svc: Service, key: string): string | undefined {
  const a = svc.metadata.annotations ?? {};
  return a[`metallb.io/${key}`] ?? a[`metallb.universe.tf/${key}`];
}

/** The default controller (no `--lb-class`) handles LoadBalancer Services without a class. */
function handles(svc: Service): boolean {
  return svc.spec?.type === 'LoadBalancer' && !svc.spec.loadBalancerClass && !svc.metadata.deletionTimestamp;
}

export function start(ctx: CloudContext): CloudRuntime<MetalLbStore> {
  bindLib(ctx);
  const { kube, events, clock } = ctx;
  const { WorkQueue, SeededRandom } = ctx.lib;
  // A kubeadm cluster on a LAN: worker machines named by their owner; the pool below comes from the same LAN.
  const kubelet = kubeletPatch(kube);
  replaceNodes(kube, (i) => bareMetalNode(`k8s-node-${i + 1}`, `192.168.1.${11 + i}`, `10.244.${i}.0/24`, kubelet));
  ensureNamespace(kube, METALLB_NAMESPACE);
  establishCustomKind(kube, { kind: 'IPAddressPool', group: 'metallb.io', versions: ['v1beta1'], plural: 'ipaddresspools', shortNames: [], namespaced: true });
  establishCustomKind(kube, {
    kind: 'L2Advertisement',
    group: 'metallb.io',
    versions: ['v1beta1'],
    plural: 'l2advertisements',
    shortNames: [],
    namespaced: true,
  });
  establishCustomKind(kube, { kind: 'BGPPeer', group: 'metallb.io', versions: ['v1beta2', 'v1beta1'], plural: 'bgppeers', shortNames: [], namespaced: true });
  establishCustomKind(kube, {
    kind: 'BGPAdvertisement',
    group: 'metallb.io',
    versions: ['v1beta1'],
    plural: 'bgpadvertisements',
    shortNames: [],
    namespaced: true,
  });
  establishCustomKind(kube, {
    kind: 'ServiceL2Status',
    group: 'metallb.io',
    versions: ['v1beta1'],
    plural: 'servicel2statuses',
    shortNames: [],
    namespaced: true,
  });

  const store = new MetalLbStore(kube, METALLB_NAMESPACE);
  const random = new SeededRandom(`${ctx.seed}:metallb`);

  const controller = new WorkQueue(CONTROLLER, clock, ctx.worldVersion, function* (key) {
    syncService(key);
  });
  const speaker = new WorkQueue(SPEAKER, clock, ctx.worldVersion, function* (key) {
    announce(key);
  });

  const syncService = (key: string) => {
    const [ns, name] = key.split('/');
    const svc = kube.peek('Service', name, ns) as Service | undefined;
    const current = store.allocations.get(key);
    if (!svc || !handles(svc)) {
      // Deleted or no longer a LoadBalancer: the IP goes back to the pool, silently, and
      // Services still waiting for one try again.
      if (current) {
        store.release(key);
        retryWaiting();
      }
      if (svc && !svc.metadata.deletionTimestamp && svc.status?.loadBalancer?.ingress?.length)
        kube.updateStatus('Service', name, ns, { ...(svc.status as object), loadBalancer: {} });
      speaker.enqueue(key);
      return;
    }
    if (current && current.uid !== svc.metadata.uid) store.release(key);
    const kept = store.allocations.get(key);
    // convergeService: "pools are empty" → clear and return, no event (the silent <pending>).
    if (!store.pools().length) {
      if (kept) store.release(key);
      if (svc.status?.loadBalancer?.ingress?.length) kube.updateStatus('Service', name, ns, { ...(svc.status as object), loadBalancer: {} });
      speaker.enqueue(key);
      return;
    }
    const result = store.allocate(svc, annotation(svc, ANN.ips) ?? svc.spec.loadBalancerIP, annotation(svc, ANN.pool));
    if ('error' in result) {
      events.record(svc, 'Warning', 'AllocationFailed', `Failed to allocate IP for "${key}": ${result.error}`, CONTROLLER);
      return;
    }
    const a = result.allocation;
    const ingress = svc.status?.loadBalancer?.ingress ?? [];
    const fresh = !(ingress.length === 1 && ingress[0].ip === a.ip);
    if (svc.metadata.annotations?.[ANN.allocatedFrom] !== a.pool) {
      kube.updateMetadata('Service', name, ns, (meta) => ({ ...meta, annotations: { ...(meta.annotations ?? {}), [ANN.allocatedFrom]: a.pool } }));
    }
    if (fresh) {
      const cur = kube.peek('Service', name, ns)!;
      kube.updateStatus('Service', name, ns, { ...(cur.status as object), loadBalancer: { ingress: [{ ip: a.ip, ipMode: 'VIP' }] } });
      // Go's %q of an IP slice.
      events.record(svc, 'Normal', 'IPAllocated', `Assigned IP ["${a.ip}"]`, CONTROLLER);
    }
    speaker.enqueue(key, SPEAKER_DELAY_MS);
  };

  /** The speakers' election: among eligible nodes, the lowest hash of node name + IP announces. */
  const announce = (key: string) => {
    const [ns, name] = key.split('/');
    const svc = kube.peek('Service', name, ns) as Service | undefined;
    const a: Allocation | undefined = store.allocations.get(key);
    const previous = store.announcements.get(key);
    const advertised = svc && a && handles(svc) && store.advertisedByL2(a.pool);
    if (!advertised) {
      if (previous) store.stopAnnouncing(key);
      return;
    }
    const nodes = readyNodes(kube).filter((n) => !('node.kubernetes.io/exclude-from-external-load-balancers' in (n.metadata.labels ?? {})));
    if (!nodes.length) {
      if (previous) store.stopAnnouncing(key);
      return;
    }
    const node = nodes.map((n) => ({ n: n.metadata.name, h: hash32(`${n.metadata.name}#${a.ip}`) })).sort((x, y) => x.h - y.h || x.n.localeCompare(y.n))[0].n;
    if (previous?.node === node && previous.ip === a.ip) return;
    store.announce(key, svc, a.ip, node, random);
    events.record(svc, 'Normal', 'nodeAssigned', `announcing from node "${node}" with protocol "layer2"`, SPEAKER);
  };

  const retryWaiting = () => {
    for (const s of kube.scan('Service')) if (handles(s as Service) && !store.allocations.has(serviceKey(s))) controller.enqueue(serviceKey(s));
  };
  const enqueueAll = () => {
    for (const s of kube.scan('Service'))
      if ((s as Service).spec?.type === 'LoadBalancer' || store.allocations.has(serviceKey(s))) controller.enqueue(serviceKey(s));
  };
  kube.watch('Service', (ev) => {
    if (unchangedForController(ev)) return;
    const svc = ev.object as Service;
    const key = serviceKey(svc);
    if (handles(svc) || store.allocations.has(key) || ev.type === 'DELETED') controller.enqueue(key);
  });
  const onConfig = (ev: { object: KubeObject }) => {
    if (ev.object.metadata.namespace === METALLB_NAMESPACE) {
      enqueueAll();
      for (const key of store.allocations.keys()) speaker.enqueue(key);
    }
  };
  kube.watch('IPAddressPool', onConfig);
  kube.watch('L2Advertisement', onConfig);
  kube.watch('Node', () => {
    for (const key of store.allocations.keys()) speaker.enqueue(key);
  });
  enqueueAll();
  const network = lanNetwork(kube, (ip, port) => {
    const announced = [...store.announcements.values()].find((a) => a.ip === ip);
    if (announced)
      return {
        node: announced.node,
        trace: [`ARP who-has ${ip}: metallb-speaker on ${announced.node} answers (layer 2); kube-proxy there holds ${ip} for its Service`],
      };
    const node = kube.select('Node').find((n) => nodeAddress(n, 'InternalIP') === ip);
    if (node) return { refused: `${ip} is node ${node.metadata.name}, which has nothing listening on port ${port}` };
    if ([...store.allocations.values()].some((a) => a.ip === ip)) return 'MetalLB assigned this address but no speaker announces it: nobody answers ARP';
    return undefined;
  });
  return { name: 'metallb', store, queues: [controller, speaker], network };
}

/** FNV-1a: a stable stand-in for the speaker's sha256 ordering (only "one node, deterministic" matters). */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
