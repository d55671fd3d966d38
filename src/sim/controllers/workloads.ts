/**
 * Deployment → ReplicaSet → Pods, StatefulSet → Pods, and Endpoints/EndpointSlices from Service
 * selectors. Pods are scheduled round-robin, get IPs from their node's /24 of the pod CIDR
 * (Azure CNI overlay 10.244.0.0/16) and become Running a few virtual seconds later.
 */
import type { VirtualClock } from '../clock';
import type { EventRecorder } from '../kube/events';
import { matches, selectorFromMap, selectorFromObject } from '../kube/labels';
import type { KubeStore } from '../kube/store';
import type { KubeObject, Service } from '../kube/types';
import type { SeededRandom } from '../random';
import { md5Hex } from '../md5';
import { findSlice, syncEndpointSlice } from './endpointslices';

type Template = { metadata?: { labels?: Record<string, string> }; spec?: Record<string, unknown> };
const POD_START_MS = 3000;

export function startWorkloadControllers(kube: KubeStore, events: EventRecorder, clock: VirtualClock, _world: () => number, random: SeededRandom, sliceRandom: SeededRandom = random): void {
  const nextIp = new Map<string, number>();
  let rr = 0;
  const pending = new Set<string>();
  const later = (key: string, fn: () => void, delay = 0) => {
    if (pending.has(key)) return;
    pending.add(key);
    clock.schedule(delay, () => {
      pending.delete(key);
      fn();
    }, { label: key });
  };

  const createPod = (owner: KubeObject, name: string, template: Template, extraLabels: Record<string, string> = {}) => {
    const nodes = kube.select('Node');
    if (!nodes.length) return;
    const node = nodes[rr++ % nodes.length];
    const idx = nodes.indexOf(node);
    const n = (nextIp.get(node.metadata.name) ?? 4) + 1;
    nextIp.set(node.metadata.name, n);
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
        ownerReferences: [{ apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid, controller: true, blockOwnerDeletion: true }],
      },
      spec: { ...(structuredClone(template.spec) ?? {}), nodeName: node.metadata.name },
      status: { phase: 'Pending', hostIP: `10.224.0.${4 + idx}`, podIP: `10.244.${idx}.${n}`, podIPs: [{ ip: `10.244.${idx}.${n}` }], qosClass: 'BestEffort' },
    });
    events.record(owner, 'Normal', 'SuccessfulCreate', `Created pod: ${name}`, owner.kind === 'StatefulSet' ? 'statefulset-controller' : 'replicaset-controller');
    events.record(pod, 'Normal', 'Scheduled', `Successfully assigned ${pod.metadata.namespace}/${name} to ${node.metadata.name}`, 'default-scheduler');
    clock.schedule(POD_START_MS, () => {
      const cur = kube.peek('Pod', name, pod.metadata.namespace);
      if (!cur || cur.metadata.uid !== pod.metadata.uid) return;
      const started = clock.nowIso();
      const containers = ((cur.spec as { containers?: { name: string; image: string }[] }).containers ?? []).map((c) => ({
        name: c.name,
        image: c.image,
        ready: true,
        restartCount: 0,
        started: true,
        state: { running: { startedAt: started } },
      }));
      kube.updateStatus('Pod', name, pod.metadata.namespace, {
        ...(cur.status as object),
        phase: 'Running',
        startTime: cur.metadata.creationTimestamp,
        conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: started }],
        containerStatuses: containers,
      });
    });
  };

  const syncRs = (rs: KubeObject) => {
    const spec = rs.spec as { replicas?: number; template: Template; selector: object };
    const pods = kube.ownedBy(rs.metadata.uid).filter((o) => o.kind === 'Pod');
    const want = spec.replicas ?? 1;
    for (let i = pods.length; i < want; i++) createPod(rs, `${rs.metadata.name}-${random.kubeSuffix(5)}`, spec.template, {});
    for (const extra of pods.slice(want)) kube.delete('Pod', extra.metadata.name, extra.metadata.namespace);
    kube.updateStatus('ReplicaSet', rs.metadata.name, rs.metadata.namespace, { replicas: want, readyReplicas: want, availableReplicas: want, fullyLabeledReplicas: want, observedGeneration: rs.metadata.generation });
  };

  const syncDeployment = (d: KubeObject) => {
    const spec = d.spec as { replicas?: number; template: Template; selector: object };
    const hash = templateHash(spec.template);
    const rsName = `${d.metadata.name}-${hash}`;
    const owned = kube.ownedBy(d.metadata.uid).filter((o) => o.kind === 'ReplicaSet');
    let rs = owned.find((x) => x.metadata.name === rsName);
    const want = spec.replicas ?? 1;
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
          ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: d.metadata.name, uid: d.metadata.uid, controller: true, blockOwnerDeletion: true }],
        },
        spec: { replicas: want, selector: spec.selector, template },
      });
      events.record(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${rsName} from 0 to ${want}`, 'deployment-controller');
    } else if ((rs.spec as { replicas?: number }).replicas !== want) {
      rs = kube.putSystem({ ...rs, spec: { ...(rs.spec as object), replicas: want } });
    }
    for (const old of owned) if (old.metadata.name !== rsName) kube.delete('ReplicaSet', old.metadata.name, old.metadata.namespace);
    syncRs(rs);
    kube.updateStatus('Deployment', d.metadata.name, d.metadata.namespace, {
      observedGeneration: d.metadata.generation,
      replicas: want,
      updatedReplicas: want,
      readyReplicas: want,
      availableReplicas: want,
      conditions: [{ type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' }],
    });
  };

  const syncSts = (s: KubeObject) => {
    const spec = s.spec as { replicas?: number; template: Template };
    const want = spec.replicas ?? 1;
    const pods = kube.ownedBy(s.metadata.uid).filter((o) => o.kind === 'Pod');
    const have = new Set(pods.map((x) => x.metadata.name));
    for (let i = 0; i < want; i++) {
      const name = `${s.metadata.name}-${i}`;
      if (!have.has(name)) createPod(s, name, spec.template, { 'statefulset.kubernetes.io/pod-name': name, 'apps.kubernetes.io/pod-index': String(i) });
    }
    for (const p of pods) if (Number(p.metadata.name.split('-').pop()) >= want) kube.delete('Pod', p.metadata.name, p.metadata.namespace);
    kube.updateStatus('StatefulSet', s.metadata.name, s.metadata.namespace, { replicas: want, readyReplicas: want, currentReplicas: want, updatedReplicas: want, availableReplicas: want });
  };

  const syncEndpoints = (ns: string, name: string) => {
    const svc = kube.peek('Service', name, ns) as Service | undefined;
    if (!svc || !svc.spec.selector || !Object.keys(svc.spec.selector).length || svc.spec.type === 'ExternalName') {
      if (!svc && kube.peek('Endpoints', name, ns)) kube.delete('Endpoints', name, ns);
      // A selector removed from a live Service: its managed slice goes (a deleted Service's goes by owner).
      const slice = svc && findSlice(kube, svc);
      if (slice) kube.delete('EndpointSlice', slice.metadata.name, ns);
      return;
    }
    const sel = selectorFromMap(svc.spec.selector);
    const pods = kube.select('Pod', { namespace: ns }).filter((p) => matches(sel, p.metadata.labels));
    const ready = pods.filter((p) => (p.status as { phase?: string }).phase === 'Running');
    const notReady = pods.filter((p) => (p.status as { phase?: string }).phase !== 'Running');
    const addr = (p: KubeObject) => ({ ip: (p.status as { podIP: string }).podIP, nodeName: (p.spec as { nodeName: string }).nodeName, targetRef: { kind: 'Pod', name: p.metadata.name, namespace: ns, uid: p.metadata.uid } });
    const ports = (svc.spec.ports ?? []).map((p) => ({ ...(p.name ? { name: p.name } : {}), port: resolveTarget(p.targetPort ?? p.port, pods[0]), protocol: p.protocol ?? 'TCP' }));
    const subsets = pods.length ? [{ ...(ready.length ? { addresses: ready.map(addr) } : {}), ...(notReady.length ? { notReadyAddresses: notReady.map(addr) } : {}), ports }] : undefined;
    // Slices name every port (`""` when the Service port has no name).
    syncEndpointSlice(kube, svc, pods, ports.map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol })), clock.nowIso(), sliceRandom);
    const existing = kube.peek('Endpoints', name, ns);
    const body: KubeObject = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: existing ? { ...existing.metadata } : { name, namespace: ns, uid: '', resourceVersion: '', creationTimestamp: clock.nowIso(), labels: { ...(svc.metadata.labels ?? {}) } },
      ...(subsets ? { subsets } : {}),
    };
    if (existing && JSON.stringify(existing.subsets) === JSON.stringify(body.subsets)) return;
    kube.putSystem(body);
  };

  kube.watch('Deployment', (ev) => {
    if (ev.type !== 'DELETED') later(`deploy:${key(ev.object)}`, () => {
      const d = kube.peek('Deployment', ev.object.metadata.name, ev.object.metadata.namespace);
      if (d) syncDeployment(d);
    });
  });
  kube.watch('StatefulSet', (ev) => {
    if (ev.type !== 'DELETED') later(`sts:${key(ev.object)}`, () => {
      const s = kube.peek('StatefulSet', ev.object.metadata.name, ev.object.metadata.namespace);
      if (s) syncSts(s);
    });
  });
  kube.watch('Service', (ev) => {
    // Status and finalizer writes keep the spec object: endpoints cannot have changed.
    if (ev.type === 'MODIFIED' && ev.old?.spec === ev.object.spec) return;
    later(`ep:${key(ev.object)}`, () => syncEndpoints(ev.object.metadata.namespace!, ev.object.metadata.name));
  });
  kube.watch('Pod', (ev) => {
    for (const svc of kube.scan('Service')) {
      if (svc.metadata.namespace !== ev.object.metadata.namespace) continue;
      const sel = (svc as Service).spec.selector;
      if (sel && Object.keys(sel).length && matches(selectorFromMap(sel), ev.object.metadata.labels)) {
        later(`ep:${key(svc)}`, () => syncEndpoints(svc.metadata.namespace!, svc.metadata.name));
      }
    }
  });
  void selectorFromObject;
}

function key(o: KubeObject): string {
  return `${o.metadata.namespace}/${o.metadata.name}`;
}

function resolveTarget(target: number | string, pod: KubeObject | undefined): number {
  if (typeof target === 'number') return target;
  const containers = ((pod?.spec as { containers?: { ports?: { name?: string; containerPort: number }[] }[] }) ?? {}).containers ?? [];
  for (const c of containers) for (const p of c.ports ?? []) if (p.name === target) return p.containerPort;
  return Number(target) || 0;
}

/** pod-template-hash: stable for the same template, in Kubernetes' safe alphabet. */
function templateHash(template: Template): string {
  const hex = md5Hex(JSON.stringify(template));
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  let out = '';
  for (let i = 0; i < 10; i++) out += alphabet[parseInt(hex.slice(i * 2, i * 2 + 2), 16) % alphabet.length];
  return out;
}
