import { stableStringify } from '../../sim/kube/apply';
import { DescribeWriter, LAST_APPLIED } from './describe';
import { labelSelectorString } from './kube-columns';

/** `kubectl describe` for pods, nodes, deployments, namespaces and a generic fallback (shortened, same layout). */

// biome-ignore lint/suspicious/noExplicitAny: printers walk manifests by field path; the shapes are checked where the objects are stored.
type Obj = Record<string, any>;

const rfc1123 = (ts: string | undefined) => (ts ? new Date(ts).toUTCString().replace('GMT', '+0000') : '<unknown>');

function header(w: DescribeWriter, o: Obj, namespaced: boolean): void {
  w.line(0, `Name:\t${o.metadata.name}`);
  if (namespaced) w.line(0, `Namespace:\t${o.metadata.namespace}`);
}

export function describePod(o: Obj, events: Obj[], now: number): string {
  const w = new DescribeWriter();
  header(w, o, true);
  if (o.spec?.priority !== undefined) w.line(0, `Priority:\t${o.spec.priority}`);
  if (o.spec?.priorityClassName) w.line(0, `Priority Class Name:\t${o.spec.priorityClassName}`);
  if (o.spec?.serviceAccountName) w.line(0, `Service Account:\t${o.spec.serviceAccountName}`);
  w.line(0, `Node:\t${o.spec?.nodeName ? `${o.spec.nodeName}/${o.status?.hostIP ?? ''}` : '<none>'}`);
  if (o.status?.startTime) w.line(0, `Start Time:\t${rfc1123(o.status.startTime)}`);
  w.map('Labels', o.metadata.labels, '=');
  w.map('Annotations', o.metadata.annotations, ': ', [LAST_APPLIED]);
  w.line(0, `Status:\t${o.metadata.deletionTimestamp ? 'Terminating' : (o.status?.phase ?? '')}`);
  if (o.status?.reason) w.line(0, `Reason:\t${o.status.reason}`);
  if (o.status?.message) w.line(0, `Message:\t${o.status.message}`);
  w.line(0, `IP:\t${o.status?.podIP ?? ''}`);
  const ips: Obj[] = o.status?.podIPs ?? (o.status?.podIP ? [{ ip: o.status.podIP }] : []);
  if (ips.length) {
    w.line(0, 'IPs:');
    for (const ip of ips) w.line(1, `IP:\t${ip.ip}`);
  } else w.line(0, 'IPs:\t<none>');
  const owner = ((o.metadata.ownerReferences ?? []) as Obj[]).find((r) => r.controller);
  if (owner) w.line(0, `Controlled By:\t${owner.kind}/${owner.name}`);
  if (o.status?.nominatedNodeName) w.line(0, `NominatedNodeName:\t${o.status.nominatedNodeName}`);
  const statuses = (o.status?.containerStatuses ?? []) as Obj[];
  if (o.spec?.initContainers?.length) describeContainers(w, 'Init Containers', o.spec.initContainers, (o.status?.initContainerStatuses ?? []) as Obj[], '');
  describeContainers(w, 'Containers', o.spec?.containers ?? [], statuses, '');
  const conds: Obj[] = o.status?.conditions ?? [];
  if (conds.length) {
    w.line(0, 'Conditions:');
    w.line(1, 'Type\tStatus');
    for (const c of conds) w.line(1, `${c.type} \t${c.status} `);
  }
  describeVolumes(w, o.spec?.volumes, '');
  w.line(0, `QoS Class:\t${o.status?.qosClass ?? 'BestEffort'}`);
  w.map('Node-Selectors', o.spec?.nodeSelector, '=');
  tolerations(w, 'Tolerations', o.spec?.tolerations);
  w.events(events, now);
  return w.toString();
}

/** kubectl's describeContainers: the pod template passes `space` = two spaces and no statuses. */
function describeContainers(w: DescribeWriter, label: string, containers: Obj[], statuses: Obj[], space: string): void {
  w.line(0, `${space}${label}:`);
  for (const c of containers) {
    const st = statuses.find((s) => s.name === c.name);
    w.line(1, `${space ? ' ' : ''}${c.name}:`);
    if (st) w.line(2, `Container ID:\t${st.containerID ?? ''}`);
    w.line(2, `Image:\t${c.image ?? ''}`);
    if (st) w.line(2, `Image ID:\t${st.imageID ?? ''}`);
    const ports = (c.ports ?? []) as Obj[];
    const portText = ports.map((p) => `${p.containerPort}/${p.protocol ?? ''}`).join(', ');
    w.line(2, `${ports.length > 1 ? 'Ports' : 'Port'}:\t${portText || '<none>'}`);
    const hostText = ports.map((p) => `${p.hostPort ?? 0}/${p.protocol ?? ''}`).join(', ');
    w.line(2, `${ports.length > 1 ? 'Host Ports' : 'Host Port'}:\t${hostText || '<none>'}`);
    if (c.command?.length) {
      w.line(2, 'Command:');
      for (const x of c.command as string[]) w.line(3, x);
    }
    if (c.args?.length) {
      w.line(2, 'Args:');
      for (const x of c.args as string[]) w.line(3, x);
    }
    if (st) {
      containerState(w, 'State', st.state);
      if (st.lastState?.terminated) containerState(w, 'Last State', st.lastState);
      w.line(2, `Ready:\t${st.ready ? 'True' : 'False'}`);
      w.line(2, `Restart Count:\t${st.restartCount ?? 0}`);
    }
    for (const [title, m] of [
      ['Limits', c.resources?.limits],
      ['Requests', c.resources?.requests],
    ] as const) {
      const keys = Object.keys(m ?? {}).sort();
      if (!keys.length) continue;
      w.line(2, `${title}:`);
      for (const key of keys) w.line(3, `${key}:\t${m[key]}`);
    }
    const env = (c.env ?? []) as Obj[];
    if (!env.length) w.line(2, 'Environment:\t<none>');
    else {
      w.line(2, 'Environment:');
      for (const e of env) w.line(3, `${e.name}:\t${e.value ?? ''}`);
    }
    const mounts = (c.volumeMounts ?? []) as Obj[];
    if (!mounts.length) w.line(2, 'Mounts:\t<none>');
    else {
      w.line(2, 'Mounts:');
      for (const m of mounts) w.line(3, `${m.mountPath} from ${m.name} (${m.readOnly ? 'ro' : 'rw'})`);
    }
  }
}

function containerState(w: DescribeWriter, name: string, state: Obj | undefined): void {
  if (state?.running) {
    w.line(2, `${name}:\tRunning`);
    w.line(3, `Started:\t${rfc1123(state.running.startedAt)}`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.line(2, `${name}:\tTerminated`);
    w.line(3, `Reason:\t${t.reason ?? ''}`);
    if (t.message) w.line(3, `Message:\t${t.message}`);
    w.line(3, `Exit Code:\t${t.exitCode ?? 0}`);
    w.line(3, `Started:\t${rfc1123(t.startedAt)}`);
    w.line(3, `Finished:\t${rfc1123(t.finishedAt)}`);
  } else {
    w.line(2, `${name}:\tWaiting`);
    if (state?.waiting?.reason) w.line(3, `Reason:\t${state.waiting.reason}`);
  }
}

function describeVolumes(w: DescribeWriter, volumes: Obj[] | undefined, space: string): void {
  if (!volumes?.length) {
    w.line(0, `${space}Volumes:\t<none>`);
    return;
  }
  w.line(0, `${space}Volumes:`);
  for (const v of volumes) {
    w.line(1, `${space}${v.name}:`);
    const source = Object.keys(v).find((k) => k !== 'name') ?? '';
    w.line(2, `${space}Type:\t${source}`);
  }
}

/** printPodTolerationsMultiline: `key=value:effect op=Exists for 300s`, first on the title line. */
function tolerations(w: DescribeWriter, title: string, list: Obj[] | undefined): void {
  if (!list?.length) {
    w.line(0, `${title}:\t<none>`);
    return;
  }
  list.forEach((t, i) => {
    let text = `${t.key ?? ''}${t.value ? `=${t.value}` : ''}${t.effect ? `:${t.effect}` : ''}`;
    if (t.operator) text += ` op=${t.operator}`;
    if (t.tolerationSeconds !== undefined) text += ` for ${t.tolerationSeconds}s`;
    w.line(0, `${i === 0 ? `${title}:` : ''}\t${text}`);
  });
}

export function describeNode(o: Obj, events: Obj[], now: number): string {
  const w = new DescribeWriter();
  header(w, o, false);
  const roles = Object.keys(o.metadata.labels ?? {})
    .filter((k) => k.startsWith('node-role.kubernetes.io/'))
    .map((k) => k.split('/')[1]);
  const role = o.metadata.labels?.['kubernetes.io/role'];
  w.line(0, `Roles:\t${[...roles, ...(role ? [role] : [])].sort().join(',') || '<none>'}`);
  w.map('Labels', o.metadata.labels, '=');
  w.map('Annotations', o.metadata.annotations, ': ', [LAST_APPLIED]);
  w.line(0, `CreationTimestamp:\t${rfc1123(o.metadata.creationTimestamp)}`);
  w.line(0, `Taints:\t${((o.spec?.taints ?? []) as Obj[]).map((t) => `${t.key}${t.value ? '=' + t.value : ''}:${t.effect}`).join('\n\t') || '<none>'}`);
  w.line(0, `Unschedulable:\t${o.spec?.unschedulable ? 'true' : 'false'}`);
  const conds: Obj[] = o.status?.conditions ?? [];
  w.line(0, 'Conditions:');
  w.line(1, 'Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage');
  w.line(1, '----\t------\t-----------------\t------------------\t------\t-------');
  for (const c of conds)
    w.line(1, `${c.type}\t${c.status}\t${rfc1123(c.lastHeartbeatTime)}\t${rfc1123(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}`);
  w.line(0, 'Addresses:');
  for (const a of (o.status?.addresses ?? []) as Obj[]) w.line(1, `${a.type}:\t${a.address}`);
  const info = o.status?.nodeInfo ?? {};
  w.line(0, 'System Info:');
  for (const [label, key] of [
    ['Kernel Version', 'kernelVersion'],
    ['OS Image', 'osImage'],
    ['Operating System', 'operatingSystem'],
    ['Architecture', 'architecture'],
    ['Container Runtime Version', 'containerRuntimeVersion'],
    ['Kubelet Version', 'kubeletVersion'],
  ]) {
    w.line(1, `${label}:\t${info[key] ?? ''}`);
  }
  if (o.spec?.podCIDR) w.line(0, `PodCIDR:\t${o.spec.podCIDR}`);
  if (o.spec?.providerID) w.line(0, `ProviderID:\t${o.spec.providerID}`);
  w.events(events, now);
  return w.toString();
}

/** `name (status/spec replicas created)` per ReplicaSet (printReplicaSetsByLabels). */
function replicaSetsText(list: Obj[]): string {
  return list.length ? list.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`).join(', ') : '<none>';
}

/**
 * `kubectl describe deployment`. `replicaSets` are those the Deployment owns: the one whose
 * template matches is new, the others are old.
 */
export function describeDeployment(o: Obj, events: Obj[], now: number, replicaSets: Obj[] = []): string {
  const w = new DescribeWriter();
  header(w, o, true);
  w.line(0, `CreationTimestamp:\t${rfc1123(o.metadata.creationTimestamp)}`);
  w.map('Labels', o.metadata.labels, '=');
  w.map('Annotations', o.metadata.annotations, ': ', [LAST_APPLIED]);
  w.line(0, `Selector:\t${labelSelectorString(o.spec?.selector)}`);
  const s = o.status ?? {};
  const want = o.spec?.replicas ?? 1;
  w.line(
    0,
    `Replicas:\t${want} desired | ${s.updatedReplicas ?? 0} updated | ${s.replicas ?? 0} total | ${s.availableReplicas ?? 0} available | ${s.unavailableReplicas ?? 0} unavailable`,
  );
  w.line(0, `StrategyType:\t${o.spec?.strategy?.type ?? ''}`);
  w.line(0, `MinReadySeconds:\t${o.spec?.minReadySeconds ?? 0}`);
  const ru = o.spec?.strategy?.rollingUpdate;
  if (ru) w.line(0, `RollingUpdateStrategy:\t${ru.maxUnavailable ?? ''} max unavailable, ${ru.maxSurge ?? ''} max surge`);
  describePodTemplate(w, o.spec?.template ?? {});
  const conds: Obj[] = s.conditions ?? [];
  if (conds.length) {
    w.line(0, 'Conditions:');
    w.line(1, 'Type\tStatus\tReason');
    w.line(1, '----\t------\t------');
    for (const c of conds) w.line(1, `${c.type} \t${c.status}\t${c.reason ?? ''}`);
  }
  const hash = (rs: Obj) => rs.metadata.labels?.['pod-template-hash'];
  const newRs = replicaSets.find((rs) => rs.metadata.name === `${o.metadata.name}-${hash(rs)}` && sameTemplate(rs.spec?.template, o.spec?.template));
  // Every older ReplicaSet, scaled down or not (what kubectl 1.32 prints).
  const old = replicaSets.filter((rs) => rs !== newRs).sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  w.line(0, `OldReplicaSets:\t${replicaSetsText(old)}`);
  w.line(0, `NewReplicaSet:\t${replicaSetsText(newRs ? [newRs] : [])}`);
  w.events(events, now);
  return w.toString();
}

/** A ReplicaSet's template is the Deployment's plus its pod-template-hash label. */
function sameTemplate(rsTemplate: Obj | undefined, template: Obj | undefined): boolean {
  const labels = { ...(rsTemplate?.metadata?.labels ?? {}) };
  delete labels['pod-template-hash'];
  const withLabels = (t: Obj | undefined, l: Obj) => stableStringify({ ...(t ?? {}), metadata: { ...(t?.metadata ?? {}), labels: l } });
  return withLabels(rsTemplate, labels) === withLabels(template, { ...(template?.metadata?.labels ?? {}) });
}

/** DescribePodTemplate (deployments, replica sets). */
function describePodTemplate(w: DescribeWriter, t: Obj): void {
  w.line(0, 'Pod Template:');
  w.map('  Labels', t.metadata?.labels, '=');
  if (Object.keys(t.metadata?.annotations ?? {}).length) w.map('  Annotations', t.metadata.annotations, ': ');
  if (t.spec?.serviceAccountName) w.line(1, `Service Account:\t${t.spec.serviceAccountName}`);
  if (t.spec?.initContainers?.length) describeContainers(w, 'Init Containers', t.spec.initContainers, [], '  ');
  describeContainers(w, 'Containers', t.spec?.containers ?? [], [], '  ');
  describeVolumes(w, t.spec?.volumes, '  ');
  if (t.spec?.priorityClassName) w.line(1, `Priority Class Name:\t${t.spec.priorityClassName}`);
  w.map('  Node-Selectors', t.spec?.nodeSelector, '=');
  tolerations(w, '  Tolerations', t.spec?.tolerations);
}

export function describeNamespace(o: Obj, now: number): string {
  const w = new DescribeWriter();
  header(w, o, false);
  w.map('Labels', o.metadata.labels, '=');
  w.map('Annotations', o.metadata.annotations, ': ', [LAST_APPLIED]);
  w.line(0, `Status:\t${o.status?.phase ?? 'Active'}`);
  w.line(0, '');
  w.line(0, 'No resource quota.');
  w.line(0, '');
  w.line(0, 'No LimitRange resource.');
  void now;
  return w.toString();
}

/** Fallback for kinds without a dedicated describer: metadata plus the rest as indented fields. */
export function describeGeneric(o: Obj, namespaced: boolean, events: Obj[], now: number): string {
  const w = new DescribeWriter();
  header(w, o, namespaced);
  w.map('Labels', o.metadata.labels, '=');
  w.map('Annotations', o.metadata.annotations, ': ', [LAST_APPLIED]);
  w.line(0, `API Version:\t${o.apiVersion}`);
  w.line(0, `Kind:\t${o.kind}`);
  const walk = (v: unknown, level: number) => {
    if (!v || typeof v !== 'object') return;
    for (const [k, val] of Object.entries(v as Obj)) {
      const label =
        k.charAt(0).toUpperCase() +
        k
          .slice(1)
          .replace(/([A-Z])/g, ' $1')
          .replace(/ ([A-Z]) /g, ' $1');
      if (val && typeof val === 'object' && !Array.isArray(val)) {
        w.line(level, `${label}:`);
        walk(val, level + 1);
      } else if (Array.isArray(val)) {
        w.line(level, `${label}:`);
        for (const item of val) {
          if (item && typeof item === 'object') walk(item, level + 1);
          else w.line(level + 1, String(item));
        }
      } else w.line(level, `${label}:\t${String(val)}`);
    }
  };
  for (const k of Object.keys(o)
    .filter((k) => !['apiVersion', 'kind', 'metadata'].includes(k))
    .sort())
    walk({ [k]: o[k] }, 0);
  w.events(events, now);
  return w.toString();
}

export function describeEndpoints(o: Obj, events: Obj[], now: number): string {
  const w = new DescribeWriter();
  header(w, o, true);
  w.map('Labels', o.metadata.labels, '=');
  w.map('Annotations', o.metadata.annotations, ': ', [LAST_APPLIED]);
  w.line(0, 'Subsets:');
  for (const ss of (o.subsets ?? []) as Obj[]) {
    const ips = (list: Obj[] | undefined) => (list?.length ? list.map((a) => a.ip).join(',') : '<none>');
    w.line(1, `Addresses:\t${ips(ss.addresses)}`);
    w.line(1, `NotReadyAddresses:\t${ips(ss.notReadyAddresses)}`);
    const ports = (ss.ports ?? []) as Obj[];
    if (ports.length) {
      w.line(1, 'Ports:');
      w.line(2, 'Name\tPort\tProtocol');
      w.line(2, '----\t----\t--------');
      for (const p of ports) w.line(2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? 'TCP'}`);
    }
    w.line(0, '');
  }
  w.events(events, now);
  return w.toString();
}
