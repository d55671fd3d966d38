/**
 * k3s ServiceLB (klipper-lb), other-clouds §6: the embedded cloud provider's EnsureLoadBalancer
 * applies a `svclb-…` DaemonSet in kube-system and answers ImplementedElsewhere; a separate worker
 * writes the node IPs of ready svclb pods into the Service's status.
 */

import type { LoadBalancer } from '../../cloud-provider/load-balancer';
import type { Flow } from '../../flow';
import type { KubeObject, LoadBalancerIngress, Service } from '../../kube/types';
import { lanNetwork } from '../bare-metal-network';
import { bareMetalNode, bindLib, kubeletPatch, nodeAddress, replaceNodes, serviceKey, startServiceController } from '../common';
import type { CloudContext, CloudRuntime } from '../types';
import { daemonSetName, LABEL, LB_NAMESPACE, svclbDaemonSet } from './daemonset';
import { SvclbDaemonSets } from './daemonset-controller';

/** Reporting component of ServiceLB's own events in current k3s (older releases: service-controller). */
export const SERVICE_LB = 'service-lb-controller';

export interface K3sStore {
  /** The svclb DaemonSets are the only "load balancers": kubectl shows them; this lists their names. */
  daemonSets(): string[];
}

export function start(ctx: CloudContext): CloudRuntime<K3sStore> {
  bindLib(ctx);
  const { kube, events, clock } = ctx;
  const { WorkQueue, SeededRandom, ImplementedElsewhere } = ctx.lib;
  // `k3s server` on the first machine (it runs workloads too), `k3s agent` on the others.
  const kubelet = `${kubeletPatch(kube)}+k3s1`;
  replaceNodes(kube, (i) => {
    const name = i === 0 ? 'server' : `agent-${i}`;
    const roles: Record<string, string> = i === 0 ? { 'node-role.kubernetes.io/control-plane': 'true', 'node-role.kubernetes.io/master': 'true' } : {};
    const ip = `192.168.1.${10 + i}`;
    return bareMetalNode(name, ip, `10.42.${i}.0/24`, kubelet, {
      providerID: `k3s://${name}`,
      instanceType: 'k3s',
      labels: { ...roles, 'k3s.io/hostname': name, 'k3s.io/internal-ip': ip },
      containerRuntimeVersion: 'containerd://2.0.5-k3s1',
    });
  });
  const daemonSets = new SvclbDaemonSets(kube, events, clock, new SeededRandom(`${ctx.seed}:k3s-svclb`));
  if (!kube.peek('ServiceAccount', 'svclb', LB_NAMESPACE)) {
    kube.putSystem({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'svclb', namespace: LB_NAMESPACE, uid: '', resourceVersion: '', creationTimestamp: '' },
    } as KubeObject);
  }

  const provider: LoadBalancer = {
    *ensure(svc: Service): Flow<LoadBalancerIngress[]> {
      const desired = svclbDaemonSet(svc);
      const live = kube.peek('DaemonSet', desired.metadata.name, LB_NAMESPACE);
      const template = JSON.stringify((desired.spec as { template: unknown }).template);
      if (!live || JSON.stringify((live.spec as { template: unknown }).template) !== template) {
        if (live) for (const p of kube.ownedBy(live.metadata.uid)) if (p.kind === 'Pod') kube.delete('Pod', p.metadata.name, LB_NAMESPACE);
        kube.putSystem(
          live
            ? { ...desired, metadata: { ...desired.metadata, uid: live.metadata.uid, creationTimestamp: live.metadata.creationTimestamp }, status: live.status }
            : desired,
        );
      }
      events.record(svc, 'Normal', 'AppliedDaemonSet', `Applied LoadBalancer DaemonSet ${LB_NAMESPACE}/${desired.metadata.name}`, SERVICE_LB);
      daemonSets.syncOne(desired.metadata.name);
      throw new ImplementedElsewhere();
    },
    *ensureDeleted(svc: Service): Flow<void> {
      const name = daemonSetName(svc);
      if (!kube.peek('DaemonSet', name, LB_NAMESPACE)) return;
      kube.delete('DaemonSet', name, LB_NAMESPACE);
      events.record(svc, 'Normal', 'DeletedDaemonSet', `Deleted LoadBalancer DaemonSet ${LB_NAMESPACE}/${name}`, SERVICE_LB);
    },
    // UpdateLoadBalancer is not used: the DaemonSet follows the nodes by itself.
    *updateHosts(): Flow<void> {
      throw new ImplementedElsewhere();
    },
    exists: (svc: Service) => !!kube.peek('DaemonSet', daemonSetName(svc), LB_NAMESPACE),
  };
  const serviceController = startServiceController(ctx, provider);

  /** Names of the svclb pods (kube-system) of each Service, `namespace/name` → pod names; kept by the Pod watch below. */
  const svclbPods = new Map<string, Set<string>>();
  const svclbServiceKey = (pod: KubeObject | undefined) => {
    const l = pod?.metadata.labels;
    return pod?.metadata.namespace === LB_NAMESPACE && l?.[LABEL.svcName] && l[LABEL.svcNamespace] ? `${l[LABEL.svcNamespace]}/${l[LABEL.svcName]}` : undefined;
  };
  for (const pod of kube.scan('Pod')) {
    const k = svclbServiceKey(pod);
    if (k) svclbPods.get(k)?.add(pod.metadata.name) ?? svclbPods.set(k, new Set([pod.metadata.name]));
  }

  /** getStatus: ExternalIPs of nodes with a ready svclb pod, else their InternalIPs, sorted. */
  const statusOf = (svc: Service): LoadBalancerIngress[] => {
    let readyNodes: Set<string> | undefined;
    if (svc.spec.externalTrafficPolicy === 'Local') {
      readyNodes = new Set();
      for (const slice of kube.select('EndpointSlice', { namespace: svc.metadata.namespace })) {
        if (slice.metadata.labels?.['kubernetes.io/service-name'] !== svc.metadata.name) continue;
        for (const ep of (slice as unknown as { endpoints?: { nodeName?: string; conditions?: { ready?: boolean }; targetRef?: { kind?: string } }[] })
          .endpoints ?? []) {
          if (ep.targetRef?.kind === 'Pod' && ep.conditions?.ready && ep.nodeName) readyNodes.add(ep.nodeName);
        }
      }
    }
    const ext = new Set<string>();
    const int = new Set<string>();
    for (const podName of svclbPods.get(serviceKey(svc)) ?? []) {
      const pod = kube.peek('Pod', podName, LB_NAMESPACE);
      if (!pod) continue;
      const nodeName = (pod.spec as { nodeName?: string }).nodeName;
      const st = pod.status as { podIP?: string; conditions?: { type: string; status: string }[] };
      if (!nodeName || !st.podIP || !st.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')) continue;
      if (readyNodes && !readyNodes.has(nodeName)) continue;
      const node = kube.peek('Node', nodeName);
      if (!node) continue;
      const e = nodeAddress(node, 'ExternalIP');
      const i = nodeAddress(node, 'InternalIP');
      if (e) ext.add(e);
      if (i) int.add(i);
    }
    return [...(ext.size ? ext : int)].sort().map((ip) => ({ ip, ipMode: 'VIP' as const }));
  };

  const statusQueue = new WorkQueue(SERVICE_LB, clock, ctx.worldVersion, function* (key) {
    const [ns, name] = key.split('/');
    const svc = kube.peek('Service', name, ns) as Service | undefined;
    if (svc?.spec.type !== 'LoadBalancer') return;
    const before = svc.status?.loadBalancer?.ingress ?? [];
    const after = statusOf(svc);
    const text = (xs: LoadBalancerIngress[]) => `[${xs.map((x) => x.ip || x.hostname).join(' ')}]`;
    if (text(before) === text(after)) return;
    kube.updateStatus('Service', name, ns, { ...(svc.status as object), loadBalancer: after.length ? { ingress: after } : {} });
    if (!after.length) events.record(svc, 'Warning', 'UnAvailableLoadBalancer', 'There are no available nodes for LoadBalancer', SERVICE_LB);
    else events.record(svc, 'Normal', 'UpdatedLoadBalancer', `Updated LoadBalancer with new IPs: ${text(before)} -> ${text(after)}`, SERVICE_LB);
  });

  let retryScheduled = false;
  kube.watch('Pod', (ev) => {
    const before = svclbServiceKey(ev.old);
    const after = ev.type === 'DELETED' ? undefined : svclbServiceKey(ev.object);
    if (before !== after) {
      if (before) svclbPods.get(before)?.delete(ev.object.metadata.name);
      if (after) svclbPods.get(after)?.add(ev.object.metadata.name) ?? svclbPods.set(after, new Set([ev.object.metadata.name]));
    }
    const key = after ?? before;
    if (key) statusQueue.enqueue(key);
    if (ev.type !== 'DELETED') return;
    // A pod leaving a node frees its host ports: Pending svclb pods get another try (one retry
    // for a burst of deletions, as the scheduler's queue would).
    if ((ev.object.spec as { nodeName?: string } | undefined)?.nodeName) {
      if (retryScheduled) return;
      retryScheduled = true;
      clock.schedule(
        0,
        () => {
          retryScheduled = false;
          daemonSets.syncAll();
        },
        { label: 'svclb:retry' },
      );
    } else if (before) {
      // A Pending svclb pod deleted by hand: its DaemonSet makes another.
      const owner = ev.object.metadata.ownerReferences?.find((r) => r.kind === 'DaemonSet')?.name;
      if (owner) clock.schedule(0, () => daemonSets.syncOne(owner), { label: `svclb:${owner}` });
    }
  });
  kube.watch('Service', (ev) => {
    if (ev.type !== 'DELETED' && (ev.object as Service).spec?.type === 'LoadBalancer') statusQueue.enqueue(serviceKey(ev.object));
  });
  kube.watch('EndpointSlice', (ev) => {
    const name = ev.object.metadata.labels?.['kubernetes.io/service-name'];
    if (name) statusQueue.enqueue(`${ev.object.metadata.namespace}/${name}`);
  });
  kube.watch('Node', () => clock.schedule(0, () => daemonSets.syncAll(), { label: 'svclb:nodes' }));

  const store: K3sStore = {
    daemonSets: () =>
      kube
        .select('DaemonSet', { namespace: LB_NAMESPACE })
        .filter((d) => d.metadata.labels?.[LABEL.svcName])
        .map((d) => d.metadata.name)
        .sort(),
  };
  // A node IP as EXTERNAL-IP: the packet goes to that machine, where a svclb pod holds the hostPort.
  const network = lanNetwork(kube, (ip, port) => {
    const node = kube.select('Node').find((n) => nodeAddress(n, 'InternalIP') === ip || nodeAddress(n, 'ExternalIP') === ip);
    if (!node) return undefined;
    const name = node.metadata.name;
    const holder = kube.select('Pod', { namespace: LB_NAMESPACE }).find((p) => {
      const spec = p.spec as { nodeName?: string; containers?: { ports?: { hostPort?: number }[] }[] };
      return (
        spec.nodeName === name &&
        (p.status as { phase?: string } | undefined)?.phase === 'Running' &&
        !!spec.containers?.some((c) => c.ports?.some((cp) => cp.hostPort === port))
      );
    });
    if (!holder) return { refused: `node ${name} has nothing listening on port ${port} (no running svclb pod holds that hostPort)` };
    return {
      node: name,
      trace: [`node ${name} (${ip}): svclb pod ${holder.metadata.name} holds hostPort ${port} and forwards to the Service's ClusterIP (klipper-lb iptables)`],
    };
  });
  return { name: 'k3s', store, queues: [serviceController.queue, statusQueue], network };
}
