import { DescribeWriter, formatLabels, LAST_APPLIED } from './describe';
import { labelSelectorString } from './kube-columns';

/** `kubectl describe` for pods, nodes, deployments, namespaces and a generic fallback (shortened, same layout). */

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const rfc1123 = (ts: string | undefined) => (ts ? new Date(ts).toUTCString().replace('GMT', '+0000') : '<unknown>');

function header(w: DescribeWriter, o: Obj, namespaced: boolean): void {
  w.line(0, `Name:\t${o.metadata.name}`);
  if (namespaced) w.line(0, `Namespace:\t${o.metadata.namespace}`);
}

export function describePod(o: Obj, events: Obj[], now: number): string {
  const w = new DescribeWriter();
  header(w, o, true);
  w.line(0, `Priority:\t${o.spec?.priority ?? 0}`);
  w.line(0, `Service Account:\t${o.spec?.serviceAccountName ?? 'default'}`);
  w.line(0, `Node:\t${o.spec?.nodeName ? `${o.spec.nodeName}/${o.status?.hostIP ?? ''}` : '<none>'}`);
  w.line(0, `Start Time:\t${rfc1123(o.status?.startTime)}`);
  w.map('Labels', o.metadata.labels, '=');
  w.map('Annotations', o.metadata.annotations, ': ', [LAST_APPLIED]);
  w.line(0, `Status:\t${o.status?.phase ?? 'Pending'}`);
  w.line(0, `IP:\t${o.status?.podIP ?? ''}`);
  const ips: Obj[] = o.status?.podIPs ?? (o.status?.podIP ? [{ ip: o.status.podIP }] : []);
  if (ips.length) {
    w.line(0, 'IPs:');
    for (const ip of ips) w.line(1, `IP:\t${ip.ip}`);
  } else w.line(0, 'IPs:\t<none>');
  const owner = (o.metadata.ownerReferences ?? [])[0];
  if (owner) w.line(0, `Controlled By:\t${owner.kind}/${owner.name}`);
  w.line(0, 'Containers:');
  for (const c of (o.spec?.containers ?? []) as Obj[]) {
    const st = ((o.status?.containerStatuses ?? []) as Obj[]).find((s) => s.name === c.name);
    w.line(1, `${c.name}:`);
    w.line(2, `Image:\t${c.image}`);
    const ports = (c.ports ?? []) as Obj[];
    w.line(2, `Port:\t${ports.length ? ports.map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ') : '<none>'}`);
    w.line(2, `State:\t${st?.state?.running ? 'Running' : st?.state?.waiting ? 'Waiting' : st?.state?.terminated ? 'Terminated' : 'Waiting'}`);
    if (st?.state?.running?.startedAt) w.line(3, `Started:\t${rfc1123(st.state.running.startedAt)}`);
    if (st?.state?.waiting?.reason) w.line(3, `Reason:\t${st.state.waiting.reason}`);
    w.line(2, `Ready:\t${st?.ready ? 'True' : 'False'}`);
    w.line(2, `Restart Count:\t${st?.restartCount ?? 0}`);
  }
  const conds: Obj[] = o.status?.conditions ?? [];
  if (conds.length) {
    w.line(0, 'Conditions:');
    w.line(1, 'Type\tStatus');
    for (const c of conds) w.line(1, `${c.type} \t${c.status} `);
  }
  w.line(0, `QoS Class:\t${o.status?.qosClass ?? 'BestEffort'}`);
  w.line(0, `Node-Selectors:\t${formatLabels(o.spec?.nodeSelector).replace(/,/g, '\n')}`);
  w.line(0, 'Tolerations:\tnode.kubernetes.io/not-ready:NoExecute op=Exists for 300s');
  w.line(0, '\tnode.kubernetes.io/unreachable:NoExecute op=Exists for 300s');
  w.events(events, now);
  return w.toString();
}

export function describeNode(o: Obj, events: Obj[], now: number): string {
  const w = new DescribeWriter();
  header(w, o, false);
  const roles = Object.keys(o.metadata.labels ?? {}).filter((k) => k.startsWith('node-role.kubernetes.io/')).map((k) => k.split('/')[1]);
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
  for (const c of conds) w.line(1, `${c.type}\t${c.status}\t${rfc1123(c.lastHeartbeatTime)}\t${rfc1123(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}`);
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

export function describeDeployment(o: Obj, events: Obj[], now: number, newRs?: string): string {
  const w = new DescribeWriter();
  header(w, o, true);
  w.line(0, `CreationTimestamp:\t${rfc1123(o.metadata.creationTimestamp)}`);
  w.map('Labels', o.metadata.labels, '=');
  w.map('Annotations', o.metadata.annotations, ': ', [LAST_APPLIED]);
  w.line(0, `Selector:\t${labelSelectorString(o.spec?.selector)}`);
  const s = o.status ?? {};
  const want = o.spec?.replicas ?? 1;
  w.line(0, `Replicas:\t${want} desired | ${s.updatedReplicas ?? 0} updated | ${s.replicas ?? 0} total | ${s.availableReplicas ?? 0} available | ${s.unavailableReplicas ?? 0} unavailable`);
  w.line(0, `StrategyType:\t${o.spec?.strategy?.type ?? 'RollingUpdate'}`);
  w.line(0, `MinReadySeconds:\t${o.spec?.minReadySeconds ?? 0}`);
  w.line(0, 'RollingUpdateStrategy:\t25% max unavailable, 25% max surge');
  w.line(0, 'Pod Template:');
  w.map('  Labels', o.spec?.template?.metadata?.labels, '=');
  w.line(1, 'Containers:');
  for (const c of (o.spec?.template?.spec?.containers ?? []) as Obj[]) {
    w.line(2, `${c.name}:`);
    w.line(3, `Image:\t${c.image}`);
    const ports = (c.ports ?? []) as Obj[];
    w.line(3, `Port:\t${ports.length ? ports.map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ') : '<none>'}`);
  }
  const conds: Obj[] = s.conditions ?? [];
  if (conds.length) {
    w.line(0, 'Conditions:');
    w.line(1, 'Type\tStatus\tReason');
    w.line(1, '----\t------\t------');
    for (const c of conds) w.line(1, `${c.type} \t${c.status}\t${c.reason ?? ''}`);
  }
  w.line(0, `OldReplicaSets:\t<none>`);
  w.line(0, `NewReplicaSet:\t${newRs ?? '<none>'}`);
  w.events(events, now);
  return w.toString();
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
      const label = k.charAt(0).toUpperCase() + k.slice(1).replace(/([A-Z])/g, ' $1').replace(/ ([A-Z]) /g, ' $1');
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
  for (const k of Object.keys(o).filter((k) => !['apiVersion', 'kind', 'metadata'].includes(k)).sort()) walk({ [k]: o[k] }, 0);
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
