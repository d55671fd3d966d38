import { age } from './duration';

/**
 * Column definitions of `kubectl get` per kind, after kubernetes `pkg/printers/internalversion/printers.go`.
 * Each kind lists its normal columns and the extra `-o wide` ones; rows are plain strings.
 */

// biome-ignore lint/suspicious/noExplicitAny: printers walk manifests by field path; the shapes are checked where the objects are stored.
type Obj = Record<string, any>;

export interface KindColumns {
  headers: string[];
  wide: string[];
  /** `wide`: kube-apiserver builds every table in wide mode (only the Service EXTERNAL-IP cares). */
  row(o: Obj, now: number, wide?: boolean): string[];
  wideRow(o: Obj, now: number): string[];
  /**
   * Where the `-o wide` columns go among the normal ones (default: at the end). A custom resource's
   * printer columns keep their declared order, its priority-1 ones shown in place only when wide.
   */
  wideAt?: number;
}

const NONE = '<none>';
const ageOf = (o: Obj, now: number) => age(o.metadata?.creationTimestamp, now);
const selectorString = (sel: Record<string, string> | undefined) =>
  sel && Object.keys(sel).length
    ? Object.entries(sel)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => `${k}=${v}`)
        .join(',')
    : NONE;

function labelSelectorString(sel: Obj | undefined): string {
  if (!sel) return NONE;
  const parts: string[] = [];
  for (const [k, v] of Object.entries((sel.matchLabels ?? {}) as Record<string, string>).sort(([a], [b]) => (a < b ? -1 : 1))) parts.push(`${k}=${v}`);
  for (const e of (sel.matchExpressions ?? []) as Obj[]) {
    const vals = ((e.values ?? []) as string[]).slice().sort().join(',');
    if (e.operator === 'In') parts.push(`${e.key} in (${vals})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${vals})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else parts.push(`!${e.key}`);
  }
  return parts.length ? parts.join(',') : NONE;
}

const LOADBALANCER_WIDTH = 16;

/** EXTERNAL-IP of a Service (`getServiceExternalIP`). */
export function serviceExternalIP(svc: Obj, wide: boolean): string {
  const spec = svc.spec ?? {};
  const external: string[] = spec.externalIPs ?? [];
  switch (spec.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return external.length ? external.join(',') : NONE;
    case 'LoadBalancer': {
      let lb = loadBalancerStatusString(svc, wide);
      if (external.length) lb = lb ? `${lb},${external.join(',')}` : external.join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? NONE;
    default:
      return '<unknown>';
  }
}

function loadBalancerStatusString(svc: Obj, wide: boolean): string {
  const ingress: Obj[] = svc.status?.loadBalancer?.ingress ?? [];
  const seen = new Set<string>();
  for (const i of ingress) {
    if (i.ip) seen.add(i.ip);
    else if (i.hostname) seen.add(i.hostname);
  }
  const r = [...seen].sort().join(',');
  if (!wide && r.length > LOADBALANCER_WIDTH) return r.slice(0, LOADBALANCER_WIDTH - 3) + '...';
  return r;
}

export function servicePorts(ports: Obj[] | undefined): string {
  if (!ports?.length) return NONE;
  return ports.map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`)).join(',');
}

const service: KindColumns = {
  headers: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
  wide: ['SELECTOR'],
  row: (o, now, wide = false) => rowService(o, now, wide),
  wideRow: (o) => [selectorString(o.spec?.selector)],
};

function rowService(o: Obj, now: number, wide: boolean): string[] {
  const spec = o.spec ?? {};
  return [o.metadata.name, spec.type ?? 'ClusterIP', spec.clusterIP || NONE, serviceExternalIP(o, wide), servicePorts(spec.ports), ageOf(o, now)];
}

function podReady(o: Obj): string {
  const statuses: Obj[] = o.status?.containerStatuses ?? [];
  const total = (o.spec?.containers ?? []).length;
  return `${statuses.filter((s) => s.ready).length}/${total}`;
}

function podStatus(o: Obj): string {
  if (o.metadata?.deletionTimestamp) return 'Terminating';
  for (const s of (o.status?.containerStatuses ?? []) as Obj[]) {
    const w = s.state?.waiting?.reason;
    if (w) return w;
    const t = s.state?.terminated?.reason;
    if (t) return t;
  }
  return o.status?.reason ?? o.status?.phase ?? 'Unknown';
}

const pod: KindColumns = {
  headers: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
  wide: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
  row: (o, now) => [
    o.metadata.name,
    podReady(o),
    podStatus(o),
    String(((o.status?.containerStatuses ?? []) as Obj[]).reduce((n, s) => n + (s.restartCount ?? 0), 0)),
    ageOf(o, now),
  ],
  wideRow: (o) => [o.status?.podIP || NONE, o.spec?.nodeName || NONE, o.status?.nominatedNodeName || NONE, NONE],
};

function nodeRoles(o: Obj): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries((o.metadata?.labels ?? {}) as Record<string, string>)) {
    if (k.startsWith('node-role.kubernetes.io/')) roles.add(k.slice('node-role.kubernetes.io/'.length));
    else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return roles.size ? [...roles].sort().join(',') : NONE;
}

function nodeStatus(o: Obj): string {
  const ready = ((o.status?.conditions ?? []) as Obj[]).find((c) => c.type === 'Ready');
  const parts = [ready?.status === 'True' ? 'Ready' : ready ? 'NotReady' : 'Unknown'];
  if (o.spec?.unschedulable) parts.push('SchedulingDisabled');
  return parts.join(',');
}

const nodeAddress = (o: Obj, type: string) => ((o.status?.addresses ?? []) as Obj[]).find((a) => a.type === type)?.address ?? NONE;

const node: KindColumns = {
  headers: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
  wide: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
  row: (o, now) => [o.metadata.name, nodeStatus(o), nodeRoles(o), ageOf(o, now), o.status?.nodeInfo?.kubeletVersion ?? ''],
  wideRow: (o) => [
    nodeAddress(o, 'InternalIP'),
    nodeAddress(o, 'ExternalIP'),
    o.status?.nodeInfo?.osImage ?? '<unknown>',
    o.status?.nodeInfo?.kernelVersion ?? '<unknown>',
    o.status?.nodeInfo?.containerRuntimeVersion ?? '<unknown>',
  ],
};

const namespace: KindColumns = {
  headers: ['NAME', 'STATUS', 'AGE'],
  wide: [],
  row: (o, now) => [o.metadata.name, o.status?.phase ?? 'Active', ageOf(o, now)],
  wideRow: () => [],
};

const containers = (o: Obj) => (o.spec?.template?.spec?.containers ?? []) as Obj[];
const workloadWide = (o: Obj) => [
  containers(o)
    .map((c) => c.name)
    .join(',') || NONE,
  containers(o)
    .map((c) => c.image)
    .join(',') || NONE,
  labelSelectorString(o.spec?.selector),
];

const deployment: KindColumns = {
  headers: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
  wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row: (o, now) => [
    o.metadata.name,
    `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 1}`,
    String(o.status?.updatedReplicas ?? 0),
    String(o.status?.availableReplicas ?? 0),
    ageOf(o, now),
  ],
  wideRow: workloadWide,
};

const replicaSet: KindColumns = {
  headers: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
  wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row: (o, now) => [o.metadata.name, String(o.spec?.replicas ?? 0), String(o.status?.replicas ?? 0), String(o.status?.readyReplicas ?? 0), ageOf(o, now)],
  wideRow: workloadWide,
};

const statefulSet: KindColumns = {
  headers: ['NAME', 'READY', 'AGE'],
  wide: ['CONTAINERS', 'IMAGES'],
  row: (o, now) => [o.metadata.name, `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 1}`, ageOf(o, now)],
  wideRow: (o) => workloadWide(o).slice(0, 2),
};

const daemonSet: KindColumns = {
  headers: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'],
  wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row: (o, now) => {
    const s = o.status ?? {};
    return [
      o.metadata.name,
      String(s.desiredNumberScheduled ?? 0),
      String(s.currentNumberScheduled ?? 0),
      String(s.numberReady ?? 0),
      String(s.updatedNumberScheduled ?? 0),
      String(s.numberAvailable ?? 0),
      selectorString(o.spec?.template?.spec?.nodeSelector),
      ageOf(o, now),
    ];
  },
  wideRow: workloadWide,
};

/** `formatEndpoints`: up to three `ip:port`, then ` + N more...`. */
export function endpointsString(o: Obj): string {
  const all: string[] = [];
  for (const ss of (o.subsets ?? []) as Obj[]) {
    const ports: Obj[] = ss.ports?.length ? ss.ports : [{}];
    for (const addr of (ss.addresses ?? []) as Obj[]) for (const p of ports) all.push(p.port !== undefined ? `${addr.ip}:${p.port}` : addr.ip);
  }
  if (!all.length) return NONE;
  return all.length > 3 ? `${all.slice(0, 3).join(',')} + ${all.length - 3} more...` : all.join(',');
}

const endpoints: KindColumns = {
  headers: ['NAME', 'ENDPOINTS', 'AGE'],
  wide: [],
  row: (o, now) => [o.metadata.name, endpointsString(o), ageOf(o, now)],
  wideRow: () => [],
};

const endpointSlice: KindColumns = {
  headers: ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'],
  wide: [],
  row: (o, now) => {
    const ports = ((o.ports ?? []) as Obj[]).map((p) => String(p.port)).join(',') || NONE;
    const addrs = ((o.endpoints ?? []) as Obj[]).flatMap((e) => e.addresses ?? []) as string[];
    const eps = !addrs.length ? NONE : addrs.length > 3 ? `${addrs.slice(0, 3).join(',')} + ${addrs.length - 3} more...` : addrs.join(',');
    return [o.metadata.name, o.addressType ?? '', ports, eps, ageOf(o, now)];
  },
  wideRow: () => [],
};

const ingress: KindColumns = {
  headers: ['NAME', 'CLASS', 'HOSTS', 'ADDRESS', 'PORTS', 'AGE'],
  wide: [],
  row: (o, now) => {
    const hosts = ((o.spec?.rules ?? []) as Obj[]).map((r) => r.host || '*');
    const addr = ((o.status?.loadBalancer?.ingress ?? []) as Obj[])
      .map((i) => i.ip || i.hostname)
      .filter(Boolean)
      .join(',');
    return [
      o.metadata.name,
      o.spec?.ingressClassName ?? NONE,
      hosts.length ? hosts.join(',') : '*',
      addr,
      o.spec?.tls?.length ? '80, 443' : '80',
      ageOf(o, now),
    ];
  },
  wideRow: () => [],
};

const ingressClass: KindColumns = {
  headers: ['NAME', 'CONTROLLER', 'PARAMETERS', 'AGE'],
  wide: [],
  row: (o, now) => [
    o.metadata.name,
    o.spec?.controller ?? '',
    o.spec?.parameters ? `${o.spec.parameters.kind}/${o.spec.parameters.name}` : NONE,
    ageOf(o, now),
  ],
  wideRow: () => [],
};

function eventObject(o: Obj): string {
  return `${String(o.involvedObject?.kind ?? '').toLowerCase()}/${o.involvedObject?.name ?? ''}`;
}

const event: KindColumns = {
  headers: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
  wide: [],
  row: (o, now) => [
    age(o.lastTimestamp ?? o.eventTime ?? o.metadata?.creationTimestamp, now),
    o.type ?? '',
    o.reason ?? '',
    eventObject(o),
    String(o.message ?? '').trim(),
  ],
  wideRow: () => [],
};

const configMap: KindColumns = {
  headers: ['NAME', 'DATA', 'AGE'],
  wide: [],
  row: (o, now) => [o.metadata.name, String(Object.keys(o.data ?? {}).length + Object.keys(o.binaryData ?? {}).length), ageOf(o, now)],
  wideRow: () => [],
};

const secret: KindColumns = {
  headers: ['NAME', 'TYPE', 'DATA', 'AGE'],
  wide: [],
  row: (o, now) => [o.metadata.name, o.type ?? 'Opaque', String(Object.keys(o.data ?? {}).length), ageOf(o, now)],
  wideRow: () => [],
};

const serviceAccount: KindColumns = {
  headers: ['NAME', 'SECRETS', 'AGE'],
  wide: [],
  row: (o, now) => [o.metadata.name, String((o.secrets ?? []).length), ageOf(o, now)],
  wideRow: () => [],
};

const storageClass: KindColumns = {
  headers: ['NAME', 'PROVISIONER', 'RECLAIMPOLICY', 'VOLUMEBINDINGMODE', 'ALLOWVOLUMEEXPANSION', 'AGE'],
  wide: [],
  row: (o, now) => {
    const isDefault = o.metadata?.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true';
    return [
      o.metadata.name + (isDefault ? ' (default)' : ''),
      o.provisioner ?? '',
      o.reclaimPolicy ?? 'Delete',
      o.volumeBindingMode ?? 'Immediate',
      String(o.allowVolumeExpansion ?? false),
      ageOf(o, now),
    ];
  },
  wideRow: () => [],
};

const job: KindColumns = {
  headers: ['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE'],
  wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row: (o, now) => [
    o.metadata.name,
    o.status?.succeeded ? 'Complete' : 'Running',
    `${o.status?.succeeded ?? 0}/${o.spec?.completions ?? 1}`,
    o.status?.startTime ? age(o.status.startTime, now) : '',
    ageOf(o, now),
  ],
  wideRow: workloadWide,
};

/** A custom resource's printer-column cell as the API server fills it: absent is `<none>`, a list or map is JSON. */
const crdCell = (v: unknown): string => (v === undefined || v === null ? NONE : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** The AWS Load Balancer Controller's CRD (its additionalPrinterColumns; ARN has priority 1). */
const targetGroupBinding: KindColumns = {
  headers: ['NAME', 'SERVICE-NAME', 'SERVICE-PORT', 'TARGET-TYPE', 'AGE'],
  wide: ['ARN'],
  wideAt: 4,
  row: (o, now) => [o.metadata.name, crdCell(o.spec?.serviceRef?.name), crdCell(o.spec?.serviceRef?.port), crdCell(o.spec?.targetType), ageOf(o, now)],
  wideRow: (o) => [crdCell(o.spec?.targetGroupARN)],
};

const generic: KindColumns = {
  headers: ['NAME', 'AGE'],
  wide: [],
  row: (o, now) => [o.metadata.name, ageOf(o, now)],
  wideRow: () => [],
};

const BY_KIND: Record<string, KindColumns> = {
  Service: service,
  Pod: pod,
  Node: node,
  Namespace: namespace,
  Deployment: deployment,
  ReplicaSet: replicaSet,
  StatefulSet: statefulSet,
  DaemonSet: daemonSet,
  Endpoints: endpoints,
  EndpointSlice: endpointSlice,
  Ingress: ingress,
  IngressClass: ingressClass,
  Event: event,
  ConfigMap: configMap,
  Secret: secret,
  ServiceAccount: serviceAccount,
  StorageClass: storageClass,
  Job: job,
  TargetGroupBinding: targetGroupBinding,
};

/** `extra` put into `base` at `at` (default: appended). */
const insertAt = <T>(base: T[], extra: T[], at = base.length): T[] => [...base.slice(0, at), ...extra, ...base.slice(at)];

export function columnsFor(kind: string): KindColumns {
  return BY_KIND[kind] ?? generic;
}

/** Builds header + rows for one kind. `prefix` is `service/` style when several kinds are printed. */
export function kindTable(
  kind: string,
  items: Obj[],
  opts: { now: number; wide: boolean; withNamespace: boolean; prefix?: string; showLabels?: boolean; labelColumns?: string[] },
): string[][] {
  const cols = columnsFor(kind);
  const headers = [...(opts.withNamespace ? ['NAMESPACE'] : []), ...insertAt(cols.headers, opts.wide ? cols.wide : [], cols.wideAt)];
  for (const l of opts.labelColumns ?? []) headers.push((l.split('/').pop() ?? l).toUpperCase());
  if (opts.showLabels) headers.push('LABELS');
  const rows = [headers];
  for (const o of items) {
    // The rows come from the API server's table, which it always builds in wide mode: a long
    // EXTERNAL-IP list is never cut by `kubectl get` (only by printers run in the client).
    const base = cols.row(o, opts.now, true);
    if (opts.prefix && kind !== 'Event') base[0] = opts.prefix + base[0];
    const row = [...(opts.withNamespace ? [o.metadata?.namespace ?? ''] : []), ...insertAt(base, opts.wide ? cols.wideRow(o, opts.now) : [], cols.wideAt)];
    for (const l of opts.labelColumns ?? []) row.push(o.metadata?.labels?.[l] ?? '');
    if (opts.showLabels) row.push(labelsString(o.metadata?.labels));
    rows.push(row);
  }
  return rows;
}

export function labelsString(labels: Record<string, string> | undefined): string {
  const e = Object.entries(labels ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  return e.length ? e.map(([k, v]) => `${k}=${v}`).join(',') : NONE;
}

export { labelSelectorString, selectorString };
