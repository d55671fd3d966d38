/**
 * A DaemonSet controller for the svclb DaemonSets: one pod per ready node, bound to it by node
 * affinity. A pod whose hostPort is already taken on its node stays Pending with the scheduler's
 * "didn't have free ports" message (k3s-io/k3s#1969: one LoadBalancer per port per node).
 */
import type { VirtualClock } from '../../clock';
import type { EventRecorder } from '../../kube/events';
import type { KubeStore } from '../../kube/store';
import type { KubeObject } from '../../kube/types';
import type { SeededRandom } from '../../random';
import { lib, nodeAddress, readyNodes } from '../common';
import { LABEL, LB_NAMESPACE } from './daemonset';
import { HostPortIndex, hostPorts } from './host-ports';

/** Image pull + container start of klipper-lb on a node (seconds in real outputs). */
export const SVCLB_START_MS = 3000;

type Container = { name: string; image: string };
const containersOf = (o: KubeObject) => ((o.spec as { containers?: Container[] } | undefined)?.containers ?? []) as Container[];
const nodeOf = (p: KubeObject) => (p.spec as { nodeName?: string } | undefined)?.nodeName;
const isSvclb = (o: KubeObject) => o.metadata.namespace === LB_NAMESPACE && !!o.metadata.labels?.[LABEL.svcName];

/** The kubernetes SafeEncodeString alphabet, over a hash of the template (controller-revision-hash). */
function revisionHash(template: unknown): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  const hex = lib().md5Hex(JSON.stringify(template));
  let out = '';
  for (let i = 0; i < 10; i++) out += alphabet[parseInt(hex.slice(i * 2, i * 2 + 2), 16) % alphabet.length];
  return out;
}

export class SvclbDaemonSets {
  private nextHost = new Map<string, number>();
  private readonly ports: HostPortIndex;

  constructor(
    private readonly kube: KubeStore,
    private readonly events: EventRecorder,
    private readonly clock: VirtualClock,
    private readonly random: SeededRandom,
  ) {
    this.ports = new HostPortIndex(kube);
  }

  /** Brings every svclb DaemonSet's pods in line with the nodes; Pending pods get another try. */
  syncAll(): void {
    for (const ds of this.kube.select('DaemonSet', { namespace: LB_NAMESPACE })) if (isSvclb(ds)) this.sync(ds);
  }

  /**
   * One DaemonSet (its Service was ensured, or one of its pods went). The others' Pending pods
   * cannot have changed: only a freed port or a node change helps them, and those run syncAll.
   */
  syncOne(name: string): void {
    const ds = this.kube.peek('DaemonSet', name, LB_NAMESPACE);
    if (ds && isSvclb(ds)) this.sync(ds);
  }

  private sync(ds: KubeObject): void {
    const nodes = readyNodes(this.kube);
    const pods = this.kube.ownedBy(ds.metadata.uid).filter((o) => o.kind === 'Pod' && !o.metadata.deletionTimestamp);
    for (const node of nodes) {
      const mine = pods.find((p) => this.targetNode(p) === node.metadata.name);
      if (!mine) this.createPod(ds, node, nodes.length);
      else if (!nodeOf(mine)) this.tryBind(mine, node, nodes.length);
    }
    for (const p of pods) if (!nodes.some((n) => n.metadata.name === this.targetNode(p))) this.kube.delete('Pod', p.metadata.name, p.metadata.namespace);
    this.writeStatus(ds, nodes.length);
  }

  private targetNode(pod: KubeObject): string | undefined {
    const affinity = (
      pod.spec as {
        affinity?: { nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: { matchFields?: { values?: string[] }[] }[] } } };
      }
    ).affinity;
    return affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms?.[0]?.matchFields?.[0]?.values?.[0];
  }

  private createPod(ds: KubeObject, node: KubeObject, nodeCount: number): void {
    const template = (ds.spec as { template: { metadata: { labels: Record<string, string> }; spec: Record<string, unknown> } }).template;
    const pod = this.kube.putSystem({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `${ds.metadata.name}-${this.random.kubeSuffix(5)}`,
        namespace: LB_NAMESPACE,
        uid: '',
        resourceVersion: '',
        creationTimestamp: '',
        labels: { ...template.metadata.labels, 'controller-revision-hash': revisionHash(template), 'pod-template-generation': '1' },
        ownerReferences: [
          { apiVersion: 'apps/v1', kind: 'DaemonSet', name: ds.metadata.name, uid: ds.metadata.uid, controller: true, blockOwnerDeletion: true },
        ],
      },
      spec: {
        ...structuredClone(template.spec),
        // The DaemonSet controller pins each pod to its node; the scheduler then checks the rest (host ports).
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node.metadata.name] }] }],
            },
          },
        },
      },
      status: { phase: 'Pending', qosClass: 'BestEffort', conditions: [{ type: 'PodScheduled', status: 'False', lastTransitionTime: this.clock.nowIso() }] },
    } as KubeObject);
    this.events.record(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, 'daemonset-controller');
    this.tryBind(pod, node, nodeCount);
  }

  /** The scheduler's NodePorts filter: a host port already used on the node blocks the pod. */
  private tryBind(pod: KubeObject, node: KubeObject, nodeCount: number): void {
    // The pod itself is not bound yet, so everything the index counts on the node is another pod's.
    if (this.ports.anyTaken(node.metadata.name, hostPorts(pod))) {
      const others = nodeCount - 1;
      const message =
        `0/${nodeCount} nodes are available: 1 node(s) didn't have free ports for the requested pod ports` +
        (others ? `, ${others} node(s) didn't match Pod's node affinity/selector` : '') +
        `. preemption: 0/${nodeCount} nodes are available: 1 No preemption victims found for incoming pod` +
        (others ? `, ${others} Preemption is not helpful for scheduling` : '') +
        '.';
      const was = (pod.status as { conditions?: { message?: string }[] }).conditions?.[0]?.message;
      if (was === message) return;
      const cur = this.kube.updateStatus('Pod', pod.metadata.name, LB_NAMESPACE, {
        phase: 'Pending',
        qosClass: 'BestEffort',
        conditions: [{ type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: this.clock.nowIso(), reason: 'Unschedulable', message }],
      });
      this.events.record(cur, 'Warning', 'FailedScheduling', message, 'default-scheduler');
      return;
    }
    const cidr = String((node.spec as { podCIDR?: string } | undefined)?.podCIDR ?? '10.42.0.0/24');
    const n = (this.nextHost.get(node.metadata.name) ?? 199) + 1;
    this.nextHost.set(node.metadata.name, n);
    const podIP = cidr.replace(/\.0\/\d+$/, `.${n}`);
    const hostIP = nodeAddress(node, 'InternalIP') ?? '';
    const bound = this.kube.putSystem({
      ...pod,
      metadata: { ...pod.metadata },
      spec: { ...(pod.spec as object), nodeName: node.metadata.name },
      status: {
        phase: 'Pending',
        hostIP,
        hostIPs: [{ ip: hostIP }],
        podIP,
        podIPs: [{ ip: podIP }],
        qosClass: 'BestEffort',
        conditions: [{ type: 'PodScheduled', status: 'True', lastTransitionTime: this.clock.nowIso() }],
      },
    });
    this.events.record(
      bound,
      'Normal',
      'Scheduled',
      `Successfully assigned ${LB_NAMESPACE}/${bound.metadata.name} to ${node.metadata.name}`,
      'default-scheduler',
    );
    const { name, uid } = bound.metadata;
    this.clock.schedule(
      SVCLB_START_MS,
      () => {
        const cur = this.kube.peek('Pod', name, LB_NAMESPACE);
        if (!cur || cur.metadata.uid !== uid) return;
        const started = this.clock.nowIso();
        this.kube.updateStatus('Pod', name, LB_NAMESPACE, {
          ...(cur.status as object),
          phase: 'Running',
          startTime: cur.metadata.creationTimestamp,
          conditions: [
            { type: 'PodReadyToStartContainers', status: 'True', lastTransitionTime: started },
            { type: 'Initialized', status: 'True', lastTransitionTime: cur.metadata.creationTimestamp },
            { type: 'Ready', status: 'True', lastTransitionTime: started },
            { type: 'ContainersReady', status: 'True', lastTransitionTime: started },
            { type: 'PodScheduled', status: 'True', lastTransitionTime: cur.metadata.creationTimestamp },
          ],
          containerStatuses: containersOf(cur).map((c) => ({
            name: c.name,
            image: `docker.io/${c.image}`,
            imageID: `docker.io/${c.image.split(':')[0]}@sha256:${lib().md5Hex(c.image)}${lib().md5Hex(c.image + '#')}`,
            containerID: `containerd://${lib().md5Hex(`${uid}/${c.name}`)}${lib().md5Hex(`${c.name}/${uid}`)}`,
            ready: true,
            restartCount: 0,
            started: true,
            state: { running: { startedAt: started } },
          })),
        });
        const ds = this.kube.peek('DaemonSet', name.replace(/-[a-z0-9]{5}$/, ''), LB_NAMESPACE);
        if (ds) this.writeStatus(ds, readyNodes(this.kube).length);
      },
      { label: `svclb:${name}` },
    );
  }

  private writeStatus(ds: KubeObject, desired: number): void {
    const pods = this.kube.ownedBy(ds.metadata.uid).filter((o) => o.kind === 'Pod' && !o.metadata.deletionTimestamp);
    const scheduled = pods.filter((p) => nodeOf(p)).length;
    const ready = pods.filter((p) => (p.status as { phase?: string }).phase === 'Running').length;
    const status = {
      currentNumberScheduled: scheduled,
      desiredNumberScheduled: desired,
      numberAvailable: ready,
      numberMisscheduled: 0,
      numberReady: ready,
      observedGeneration: 1,
      updatedNumberScheduled: pods.length,
      ...(desired - ready > 0 ? { numberUnavailable: desired - ready } : {}),
    };
    if (JSON.stringify(ds.status) !== JSON.stringify(status)) this.kube.updateStatus('DaemonSet', ds.metadata.name, LB_NAMESPACE, status);
  }
}
