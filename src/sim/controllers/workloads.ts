/**
 * Deployment → ReplicaSet → Pods, StatefulSet → Pods, and Endpoints/EndpointSlices from Service
 * selectors. Pods are scheduled round-robin, get IPs from their node's /24 of the pod CIDR
 * (Azure CNI overlay 10.244.0.0/16) and become Running a few virtual seconds later.
 */

import type { VirtualClock } from '../clock';
import { stableStringify } from '../kube/apply';
import type { EventRecorder } from '../kube/events';
import { matches, selectorFromMap, selectorFromObject } from '../kube/labels';
import type { KubeStore } from '../kube/store';
import { defaultPod } from '../kube/strategies/pods';
import type { KubeObject, Service } from '../kube/types';
import { md5Hex } from '../md5';
import type { SeededRandom } from '../random';
import { findSlice, syncEndpointSlice } from './endpointslices';

type Template = { metadata?: { labels?: Record<string, string> }; spec?: Record<string, unknown> };
const REVISION = 'deployment.kubernetes.io/revision';
const DESIRED = 'deployment.kubernetes.io/desired-replicas';
const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';

/** maxSurge as a number of pods: a percentage rounds up (the deployment controller's rule). */
function surgeOf(value: number | string | undefined, replicas: number): number {
  if (typeof value === 'number') return value;
  const m = /^(\d+)%$/.exec(value ?? '25%');
  return m ? Math.ceil((Number(m[1]) * replicas) / 100) : Number(value) || 0;
}
const POD_START_MS = 3000;
/** Unschedulable pods a workload keeps at most (see syncRs). */
const MAX_UNSCHEDULED = 100;

export function startWorkloadControllers(
  kube: KubeStore,
  events: EventRecorder,
  clock: VirtualClock,
  _world: () => number,
  random: SeededRandom,
  sliceRandom: SeededRandom = random,
): void {
  const nextIp = new Map<string, number>();
  let rr = 0;
  const pending = new Set<string>();
  const later = (key: string, fn: () => void, delay = 0) => {
    if (pending.has(key)) return;
    pending.add(key);
    clock.schedule(
      delay,
      () => {
        pending.delete(key);
        fn();
      },
      { label: key },
    );
  };

  // Pods per node, against the node's allocatable `pods` (AKS max pods: 250 with Azure CNI
  // overlay, 110 with kubenet): the scheduler's NodeResourcesFit "Too many pods".
  const onNode = new Map<string, number>();
  for (const p of kube.scan('Pod')) {
    const n = (p.spec as { nodeName?: string } | undefined)?.nodeName;
    if (n) onNode.set(n, (onNode.get(n) ?? 0) + 1);
  }
  const capacity = (node: KubeObject) => Number((node.status as { allocatable?: { pods?: string } } | undefined)?.allocatable?.pods) || 110;
  /** The next node with room, round-robin; undefined when every node is full. */
  const pickNode = (nodes: KubeObject[]): KubeObject | undefined => {
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[(rr + i) % nodes.length];
      if ((onNode.get(node.metadata.name) ?? 0) < capacity(node)) {
        rr += i + 1;
        return node;
      }
    }
    return undefined;
  };
  const unschedulable = (nodes: KubeObject[]) =>
    `0/${nodes.length} nodes are available: ${nodes.length} Too many pods. preemption: 0/${nodes.length} nodes are available: ${nodes.length} No preemption victims found for incoming pod.`;

  /** Binds a pod to a node: IPs from the node's /24, Scheduled, Running 3 s later. */
  const bind = (pod: KubeObject, node: KubeObject, nodes: KubeObject[]) => {
    const idx = nodes.indexOf(node);
    const n = (nextIp.get(node.metadata.name) ?? 4) + 1;
    nextIp.set(node.metadata.name, n);
    // Addresses .5–.254 of the node's /24, reused round-robin as pods come and go.
    const host = 5 + ((n - 5) % 250);
    // The node's own address and /24 (other clouds name and number their nodes differently);
    // without a podCIDR (EKS VPC CNI) pods take addresses from the node's subnet.
    const st = node.status as { addresses?: { type: string; address: string }[] } | undefined;
    const hostIP = st?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? `10.224.0.${4 + idx}`;
    const cidr = (node.spec as { podCIDR?: string } | undefined)?.podCIDR;
    const podNet = cidr ? cidr.split('.').slice(0, 3).join('.') : hostIP.split('.').slice(0, 3).join('.');
    const podIP = `${podNet}.${cidr || host !== Number(hostIP.split('.')[3]) ? host : 255 - host}`;
    const bound = kube.putSystem({
      ...pod,
      // putSystem writes resourceVersion into metadata: never into the live object's.
      metadata: { ...pod.metadata },
      spec: { ...(pod.spec as object), nodeName: node.metadata.name },
      status: {
        phase: 'Pending',
        hostIP,
        podIP,
        podIPs: [{ ip: podIP }],
        qosClass: 'BestEffort',
      },
    });
    events.record(
      bound,
      'Normal',
      'Scheduled',
      `Successfully assigned ${bound.metadata.namespace}/${bound.metadata.name} to ${node.metadata.name}`,
      'default-scheduler',
    );
    const name = bound.metadata.name;
    clock.schedule(POD_START_MS, () => {
      const cur = kube.peek('Pod', name, bound.metadata.namespace);
      if (!cur || cur.metadata.uid !== bound.metadata.uid) return;
      const started = clock.nowIso();
      const containers = ((cur.spec as { containers?: { name: string; image: string }[] }).containers ?? []).map((c) => ({
        name: c.name,
        image: c.image,
        // What containerd on an AKS node reports (made-up but stable digests and ids).
        containerID: `containerd://${md5Hex(`${cur.metadata.uid}/${c.name}`)}${md5Hex(`${c.name}/${cur.metadata.uid}`)}`,
        imageID: imageId(c.image),
        ready: true,
        restartCount: 0,
        started: true,
        state: { running: { startedAt: started } },
      }));
      kube.updateStatus('Pod', name, bound.metadata.namespace, {
        ...(cur.status as object),
        phase: 'Running',
        startTime: cur.metadata.creationTimestamp,
        conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: started }],
        containerStatuses: containers,
      });
    });
  };

  /** The scheduler's retry: room appeared (a pod went, a node came), Pending pods get it, oldest first. */
  const schedulePending = () => {
    const nodes = kube.select('Node');
    const owners = new Set<string>();
    for (const pod of [...kube.scan('Pod')]) {
      if ((pod.spec as { nodeName?: string } | undefined)?.nodeName || pod.metadata.deletionTimestamp) continue;
      // A DaemonSet pod belongs to one node (node affinity): its controller places it (src/sim/clouds/k3s).
      if (pod.metadata.ownerReferences?.some((r) => r.kind === 'DaemonSet')) continue;
      if (!(pod.status as { conditions?: { reason?: string }[] } | undefined)?.conditions?.some((c) => c.reason === 'Unschedulable')) continue;
      const node = pickNode(nodes);
      if (!node) break;
      bind(pod, node, nodes);
      for (const ref of pod.metadata.ownerReferences ?? []) owners.add(`${ref.kind}/${pod.metadata.namespace}/${ref.name}`);
    }
    // Owners that stopped creating at the Pending cap create the rest now.
    for (const o of owners) {
      const [kind, ns, name] = o.split('/');
      const owner = kube.peek(kind, name, ns);
      const deployment = kind === 'ReplicaSet' ? owner?.metadata.ownerReferences?.find((r) => r.kind === 'Deployment') : undefined;
      if (deployment)
        later(`deploy:${ns}/${deployment.name}`, () => {
          const d = kube.peek('Deployment', deployment.name, ns);
          if (d) syncDeployment(d);
        });
      else if (kind === 'StatefulSet')
        later(`sts:${ns}/${name}`, () => {
          const st = kube.peek('StatefulSet', name, ns);
          if (st) syncSts(st);
        });
    }
  };

  /** Creates a pod and schedules it if a node has room; true when it was scheduled. */
  const createPod = (owner: KubeObject, name: string, template: Template, extraLabels: Record<string, string> = {}): boolean => {
    const nodes = kube.select('Node');
    if (!nodes.length) return false;
    const node = pickNode(nodes);
    const pod = kube.putSystem({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        namespace: owner.metadata.namespace,
        uid: '',
        resourceVersion: '',
        creationTimestamp: clock.nowIso(),
        labels: { ...(template.metadata?.labels ?? {}), ...extraLabels },
        ownerReferences: [
          { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid, controller: true, blockOwnerDeletion: true },
        ],
      },
      spec: withPodDefaults(template.spec),
      status: node
        ? { phase: 'Pending', qosClass: 'BestEffort' }
        : {
            phase: 'Pending',
            conditions: [{ type: 'PodScheduled', status: 'False', lastTransitionTime: clock.nowIso(), reason: 'Unschedulable', message: unschedulable(nodes) }],
            qosClass: 'BestEffort',
          },
    });
    events.record(
      owner,
      'Normal',
      'SuccessfulCreate',
      `Created pod: ${name}`,
      owner.kind === 'StatefulSet' ? 'statefulset-controller' : 'replicaset-controller',
    );
    if (node) bind(pod, node, nodes);
    else events.record(pod, 'Warning', 'FailedScheduling', unschedulable(nodes), 'default-scheduler');
    return !!node;
  };

  const syncRs = (rs: KubeObject) => {
    const spec = rs.spec as { replicas?: number; template: Template; selector: object };
    const pods = kube.ownedBy(rs.metadata.uid).filter((o) => o.kind === 'Pod');
    const want = spec.replicas ?? 1;
    let waiting = pods.filter((p) => !isScheduled(p)).length;
    let have = pods.length;
    // Beyond the nodes' capacity every new pod would be Pending too: stop at a cap instead of
    // storing 200,000 unschedulable pods (the real controller keeps creating them, 500 a sync).
    for (; have < want && waiting < MAX_UNSCHEDULED; have++) {
      if (!createPod(rs, `${rs.metadata.name}-${random.kubeSuffix(5)}`, spec.template, {})) waiting++;
    }
    // The controller deletes unscheduled pods first.
    const extra = [...pods].sort((a, b) => Number(isScheduled(a)) - Number(isScheduled(b))).slice(0, Math.max(0, pods.length - want));
    for (const p of extra) kube.delete('Pod', p.metadata.name, p.metadata.namespace);
    const now = kube.ownedBy(rs.metadata.uid).filter((o) => o.kind === 'Pod');
    const ready = now.filter(isScheduled).length;
    kube.updateStatus('ReplicaSet', rs.metadata.name, rs.metadata.namespace, {
      replicas: now.length,
      readyReplicas: ready,
      availableReplicas: ready,
      fullyLabeledReplicas: now.length,
      observedGeneration: rs.metadata.generation,
    });
    return ready;
  };

  /**
   * The deployment controller, without the rolling steps: the ReplicaSet of the current template
   * gets every replica at once and older ones are scaled to 0 and kept (up to
   * revisionHistoryLimit), each numbered by `deployment.kubernetes.io/revision`.
   */
  const syncDeployment = (d: KubeObject) => {
    const spec = d.spec as {
      replicas?: number;
      template: Template;
      selector: object;
      revisionHistoryLimit?: number;
      strategy?: { rollingUpdate?: { maxSurge?: number | string } };
    };
    const hash = templateHash(spec.template);
    const rsName = `${d.metadata.name}-${hash}`;
    const owned = kube.ownedBy(d.metadata.uid).filter((o) => o.kind === 'ReplicaSet');
    let rs = owned.find((x) => x.metadata.name === rsName);
    const want = spec.replicas ?? 1;
    const revisionOf = (x: KubeObject) => Number(x.metadata.annotations?.[REVISION] ?? 0);
    const maxRevision = owned.reduce((m, x) => Math.max(m, revisionOf(x)), 0);
    const surge = surgeOf(spec.strategy?.rollingUpdate?.maxSurge, want);
    const rsAnnotations = (revision: number) => ({ [DESIRED]: String(want), [MAX_REPLICAS]: String(want + surge), [REVISION]: String(revision) });
    if (!rs) {
      const template = structuredClone(spec.template);
      template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), 'pod-template-hash': hash } };
      rs = kube.putSystem({
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: {
          name: rsName,
          namespace: d.metadata.namespace,
          uid: '',
          resourceVersion: '',
          creationTimestamp: clock.nowIso(),
          generation: 1,
          labels: { ...(spec.template.metadata?.labels ?? {}), 'pod-template-hash': hash },
          annotations: rsAnnotations(maxRevision + 1),
          ownerReferences: [
            { apiVersion: 'apps/v1', kind: 'Deployment', name: d.metadata.name, uid: d.metadata.uid, controller: true, blockOwnerDeletion: true },
          ],
        },
        spec: { replicas: want, selector: spec.selector, template },
      });
      events.record(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${rsName} from 0 to ${want}`, 'deployment-controller');
    } else {
      // Back to an older template: its ReplicaSet becomes the newest revision again.
      const revision = revisionOf(rs) === maxRevision ? maxRevision : maxRevision + 1;
      const annotations = { ...(rs.metadata.annotations ?? {}), ...rsAnnotations(revision) };
      const replicas = (rs.spec as { replicas?: number }).replicas;
      if (replicas !== want || JSON.stringify(annotations) !== JSON.stringify(rs.metadata.annotations ?? {})) {
        if (replicas !== want)
          events.record(
            d,
            'Normal',
            'ScalingReplicaSet',
            `Scaled ${(replicas ?? 0) < want ? 'up' : 'down'} replica set ${rsName} from ${replicas ?? 0} to ${want}`,
            'deployment-controller',
          );
        rs = kube.putSystem({ ...rs, metadata: { ...rs.metadata, annotations }, spec: { ...(rs.spec as object), replicas: want } });
      }
    }
    const revision = String(revisionOf(rs));
    if (d.metadata.annotations?.[REVISION] !== revision) {
      kube.updateMetadata('Deployment', d.metadata.name, d.metadata.namespace, (m) => ({
        ...m,
        annotations: { ...(m.annotations ?? {}), [REVISION]: revision },
      }));
    }
    const old = owned.filter((x) => x.metadata.name !== rsName);
    for (const o of old) {
      const replicas = (o.spec as { replicas?: number }).replicas ?? 0;
      if (replicas > 0) {
        events.record(d, 'Normal', 'ScalingReplicaSet', `Scaled down replica set ${o.metadata.name} from ${replicas} to 0`, 'deployment-controller');
        kube.putSystem({ ...o, spec: { ...(o.spec as object), replicas: 0 } });
        const live = kube.peek('ReplicaSet', o.metadata.name, o.metadata.namespace);
        if (live) syncRs(live);
      }
    }
    // Old ReplicaSets beyond revisionHistoryLimit go, oldest revision first.
    const history = old.sort((x, y) => revisionOf(x) - revisionOf(y));
    for (const o of history.slice(0, Math.max(0, history.length - (spec.revisionHistoryLimit ?? 10))))
      kube.delete('ReplicaSet', o.metadata.name, o.metadata.namespace);
    const ready = syncRs(rs);
    // maxUnavailable 25 % (rounded down): below that the Deployment is not Available.
    const available = ready >= want - Math.floor(want / 4);
    const now = clock.nowIso();
    const before =
      (d.status as { conditions?: { type: string; status: string; reason?: string; lastTransitionTime?: string; lastUpdateTime?: string }[] } | undefined)
        ?.conditions ?? [];
    const condition = (type: string, status: string, reason: string, message: string) => {
      const prev = before.find((c) => c.type === type);
      const same = prev?.status === status && prev.reason === reason;
      return {
        type,
        status,
        lastUpdateTime: same ? (prev.lastUpdateTime ?? now) : now,
        lastTransitionTime: prev?.status === status ? (prev.lastTransitionTime ?? now) : now,
        reason,
        message,
      };
    };
    const complete = ready >= want;
    kube.updateStatus('Deployment', d.metadata.name, d.metadata.namespace, {
      observedGeneration: d.metadata.generation,
      replicas: want,
      updatedReplicas: want,
      readyReplicas: ready,
      availableReplicas: ready,
      ...(ready < want ? { unavailableReplicas: want - ready } : {}),
      conditions: [
        available
          ? condition('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.')
          : condition('Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.'),
        complete
          ? condition('Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${rsName}" has successfully progressed.`)
          : condition('Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${rsName}" is progressing.`),
      ],
    });
  };

  const syncSts = (s: KubeObject) => {
    const spec = s.spec as { replicas?: number; template: Template };
    const want = spec.replicas ?? 1;
    const pods = kube.ownedBy(s.metadata.uid).filter((o) => o.kind === 'Pod');
    const have = new Set(pods.map((x) => x.metadata.name));
    let waiting = pods.filter((p) => !isScheduled(p)).length;
    for (let i = 0; i < want && waiting < MAX_UNSCHEDULED; i++) {
      const name = `${s.metadata.name}-${i}`;
      if (!have.has(name) && !createPod(s, name, spec.template, { 'statefulset.kubernetes.io/pod-name': name, 'apps.kubernetes.io/pod-index': String(i) }))
        waiting++;
    }
    for (const p of pods) if (Number(p.metadata.name.split('-').pop()) >= want) kube.delete('Pod', p.metadata.name, p.metadata.namespace);
    kube.updateStatus('StatefulSet', s.metadata.name, s.metadata.namespace, {
      replicas: want,
      readyReplicas: want,
      currentReplicas: want,
      updatedReplicas: want,
      availableReplicas: want,
    });
  };

  const syncEndpoints = (ns: string, name: string) => {
    const svc = kube.peek('Service', name, ns) as Service | undefined;
    if (!svc?.spec.selector || !Object.keys(svc.spec.selector).length || svc.spec.type === 'ExternalName') {
      if (!svc && kube.peek('Endpoints', name, ns)) kube.delete('Endpoints', name, ns);
      // A selector removed from a live Service: its managed slice goes (a deleted Service's goes by owner).
      const slice = svc && findSlice(kube, svc);
      if (slice) kube.delete('EndpointSlice', slice.metadata.name, ns);
      return;
    }
    const sel = selectorFromMap(svc.spec.selector);
    // An unscheduled pod has no IP: the endpoints controller skips it.
    const pods = kube.select('Pod', { namespace: ns }).filter((p) => matches(sel, p.metadata.labels) && (p.status as { podIP?: string } | undefined)?.podIP);
    const ready = pods.filter((p) => (p.status as { phase?: string }).phase === 'Running');
    const notReady = pods.filter((p) => (p.status as { phase?: string }).phase !== 'Running');
    const addr = (p: KubeObject) => ({
      ip: (p.status as { podIP: string }).podIP,
      nodeName: (p.spec as { nodeName: string }).nodeName,
      targetRef: { kind: 'Pod', name: p.metadata.name, namespace: ns, uid: p.metadata.uid },
    });
    const ports = (svc.spec.ports ?? []).map((p) => ({
      ...(p.name ? { name: p.name } : {}),
      port: resolveTarget(p.targetPort ?? p.port, pods[0]),
      protocol: p.protocol ?? 'TCP',
    }));
    const subsets = pods.length
      ? [{ ...(ready.length ? { addresses: ready.map(addr) } : {}), ...(notReady.length ? { notReadyAddresses: notReady.map(addr) } : {}), ports }]
      : undefined;
    // Slices name every port (`""` when the Service port has no name).
    syncEndpointSlice(
      kube,
      svc,
      pods,
      ports.map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol })),
      clock.nowIso(),
      sliceRandom,
    );
    const existing = kube.peek('Endpoints', name, ns);
    const body: KubeObject = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: existing
        ? { ...existing.metadata }
        : { name, namespace: ns, uid: '', resourceVersion: '', creationTimestamp: clock.nowIso(), labels: { ...(svc.metadata.labels ?? {}) } },
      ...(subsets ? { subsets } : {}),
    };
    if (existing && JSON.stringify(existing.subsets) === JSON.stringify(body.subsets)) return;
    kube.putSystem(body);
  };

  kube.watch('Deployment', (ev) => {
    if (ev.type !== 'DELETED')
      later(`deploy:${key(ev.object)}`, () => {
        const d = kube.peek('Deployment', ev.object.metadata.name, ev.object.metadata.namespace);
        if (d) syncDeployment(d);
      });
  });
  kube.watch('StatefulSet', (ev) => {
    if (ev.type !== 'DELETED')
      later(`sts:${key(ev.object)}`, () => {
        const s = kube.peek('StatefulSet', ev.object.metadata.name, ev.object.metadata.namespace);
        if (s) syncSts(s);
      });
  });
  // Service names per namespace, in the store's order (so the endpoint syncs below are queued in
  // the order a scan would give): every pod write asks only its own namespace's Services, where
  // scanning all of them made a pod write cost O(Services).
  const servicesIn = new Map<string, Set<string>>();
  const noteService = (svc: KubeObject, present: boolean) => {
    const ns = svc.metadata.namespace ?? '';
    let names = servicesIn.get(ns);
    if (present) {
      if (!names) servicesIn.set(ns, (names = new Set()));
      names.add(svc.metadata.name);
    } else names?.delete(svc.metadata.name);
  };
  for (const svc of kube.scan('Service')) noteService(svc, true);
  kube.watch('Service', (ev) => {
    if (ev.type !== 'MODIFIED') noteService(ev.object, ev.type === 'ADDED');
    // Status and finalizer writes keep the spec object: endpoints cannot have changed.
    if (ev.type === 'MODIFIED' && ev.old?.spec === ev.object.spec) return;
    later(`ep:${key(ev.object)}`, () => syncEndpoints(ev.object.metadata.namespace!, ev.object.metadata.name));
  });
  /**
   * A pod nobody scheduled (`kubectl run`, a Pod manifest): the scheduler binds it, or leaves it
   * Pending with FailedScheduling when every node is full. Pods of workloads arrive already decided.
   */
  const scheduleBare = (namespace: string, name: string) => {
    const pod = kube.peek('Pod', name, namespace);
    if (!pod || isScheduled(pod) || pod.metadata.deletionTimestamp) return;
    const nodes = kube.select('Node');
    const node = pickNode(nodes);
    if (node) {
      bind(pod, node, nodes);
      return;
    }
    const message = unschedulable(nodes);
    kube.updateStatus('Pod', name, namespace, {
      phase: 'Pending',
      conditions: [{ type: 'PodScheduled', status: 'False', lastTransitionTime: clock.nowIso(), reason: 'Unschedulable', message }],
      qosClass: 'BestEffort',
    });
    events.record(pod, 'Warning', 'FailedScheduling', message, 'default-scheduler');
  };

  kube.watch('Pod', (ev) => {
    const was = ev.type === 'ADDED' ? undefined : (ev.old?.spec as { nodeName?: string } | undefined)?.nodeName;
    const is = ev.type === 'DELETED' ? undefined : (ev.object.spec as { nodeName?: string } | undefined)?.nodeName;
    const decided = (ev.object.status as { conditions?: unknown[] } | undefined)?.conditions?.length;
    if (ev.type === 'ADDED' && !is && !decided) {
      const { namespace, name } = ev.object.metadata;
      later(`bind:${namespace}/${name}`, () => scheduleBare(namespace!, name));
    }
    if (was !== is) {
      if (was) onNode.set(was, (onNode.get(was) ?? 1) - 1);
      if (is) onNode.set(is, (onNode.get(is) ?? 0) + 1);
      if (was && !is) later('scheduler', schedulePending);
    }
    const ns = ev.object.metadata.namespace!;
    for (const name of servicesIn.get(ns) ?? []) {
      const svc = kube.peek('Service', name, ns);
      if (!svc) continue;
      const sel = (svc as Service).spec.selector;
      if (sel && Object.keys(sel).length && matches(selectorFromMap(sel), ev.object.metadata.labels)) {
        later(`ep:${key(svc)}`, () => syncEndpoints(svc.metadata.namespace!, svc.metadata.name));
      }
    }
  });
  kube.watch('Node', (ev) => {
    if (ev.type === 'ADDED') later('scheduler', schedulePending);
  });
  void selectorFromObject;
}

const isScheduled = (p: KubeObject) => !!(p.spec as { nodeName?: string } | undefined)?.nodeName;

function key(o: KubeObject): string {
  return `${o.metadata.namespace}/${o.metadata.name}`;
}

function resolveTarget(target: number | string, pod: KubeObject | undefined): number {
  if (typeof target === 'number') return target;
  const containers = (pod?.spec as { containers?: { ports?: { name?: string; containerPort: number }[] }[] })?.containers ?? [];
  for (const c of containers) for (const p of c.ports ?? []) if (p.name === target) return p.containerPort;
  return Number(target) || 0;
}

/** `docker.io/library/nginx@sha256:…` for `nginx:1.27`: the registry and repository of the image, a digest. */
function imageId(image: string): string {
  const noDigest = image.split('@')[0];
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.indexOf(':', slash + 1);
  let repo = colon < 0 ? noDigest : noDigest.slice(0, colon);
  const first = repo.split('/')[0];
  if (!repo.includes('/')) repo = `docker.io/library/${repo}`;
  else if (!first.includes('.') && !first.includes(':') && first !== 'localhost') repo = `docker.io/${repo}`;
  return `${repo}@sha256:${md5Hex(image)}${md5Hex(`${image}#`)}`;
}

/** A controller's pod goes through the API server's Pod defaulting and admission. */
function withPodDefaults(spec: Record<string, unknown> | undefined): Record<string, unknown> {
  const out = { ...(structuredClone(spec) ?? {}) };
  defaultPod(out);
  return out;
}

/**
 * pod-template-hash: stable for the same template whatever the key order it was written in
 * (upstream hashes the decoded Go struct), in Kubernetes' safe alphabet.
 */
function templateHash(template: Template): string {
  const hex = md5Hex(stableStringify(template));
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  let out = '';
  for (let i = 0; i < 10; i++) out += alphabet[parseInt(hex.slice(i * 2, i * 2 + 2), 16) % alphabet.length];
  return out;
}
