/**
 * From recognised outputs to the answer: which Public IP is whose, how each LoadBalancer Service
 * got (or did not get) its address, and what is worth knowing about it. Everything is matched
 * through maps keyed by name or id, so 1,000 Services stay well inside the 200 ms budget.
 */
import { arr, baseName, basePrefix, frontendKey, GUID, lastSegment, num, refId, segment, str } from './arm';
import { commandFor } from './commands';
import { LESSON_SECTIONS, type SectionKey } from './lessons';
import { matchCause } from './pending';
import { flat, isObj, type Json, type Parsed } from './recognize';
import type {
  ClusterFacts,
  Evidence,
  Finding,
  InputKind,
  OutboundPath,
  Params,
  PendingReason,
  PublicIpExplanation,
  PublicIpRole,
  RuleExplanation,
  ServiceExplanation,
  ServicePort,
  Severity,
} from './types';

export type Render = (code: string, params: Params) => string;

const TAG_SERVICE = 'k8s-azure-service';
const TAG_SERVICE_LEGACY = 'service';
const TAG_AKS_TYPE = 'aks-managed-type';
const TAG_AKS_TYPE_LEGACY = 'type';
const OUTBOUND_TAG_VALUE = 'aks-slb-managed-outbound-ip';
const A_INTERNAL = 'service.beta.kubernetes.io/azure-load-balancer-internal';
const A_PIP_NAME = 'service.beta.kubernetes.io/azure-pip-name';
const A_IPV4 = 'service.beta.kubernetes.io/azure-load-balancer-ipv4';
const A_ALLOWED_RANGES = 'service.beta.kubernetes.io/azure-allowed-ip-ranges';
const A_ALLOWED_TAGS = 'service.beta.kubernetes.io/azure-allowed-service-tags';
const A_SOURCE_RANGES = 'service.beta.kubernetes.io/load-balancer-source-ranges';

/** Ports of databases and caches that should not face the whole Internet. */
export const DATABASE_PORTS: Record<number, string> = {
  1433: 'SQL Server',
  1521: 'Oracle',
  3306: 'MySQL',
  5432: 'PostgreSQL',
  5984: 'CouchDB',
  6379: 'Redis',
  7000: 'Cassandra',
  9042: 'Cassandra',
  9200: 'Elasticsearch',
  11211: 'Memcached',
  26257: 'CockroachDB',
  27017: 'MongoDB',
};

/** Ports per node Azure gives when `allocatedOutboundPorts` is 0 (automatic), by backend pool size. */
export function defaultPortsPerNode(nodes: number): number {
  if (nodes <= 50) return 1024;
  if (nodes <= 100) return 512;
  if (nodes <= 200) return 256;
  if (nodes <= 400) return 128;
  if (nodes <= 800) return 64;
  return 32;
}

interface Frontend {
  lb: string;
  name: string;
  key: string;
  publicIpId?: string;
  privateIp?: string;
  rules: RuleExplanation[];
  outboundRules: string[];
}

interface Pip {
  name: string;
  id?: string;
  resourceGroup?: string;
  ipAddress?: string;
  tags?: Record<string, string>;
  ipConfigurationId?: string;
  natGateway?: string;
}

const lower = (s: string) => s.toLowerCase();
const keyOf = (ns: string, name: string) => `${ns}/${name}`;

function tagsOf(o: Json): Record<string, string> | undefined {
  if (!isObj(o.tags)) return o.tags === null ? {} : undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o.tags)) if (typeof v === 'string') out[k] = v;
  return out;
}

function serviceList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function analyze(parsed: Parsed, render: Render) {
  const ev = (code: string, params: Params = {}): Evidence => ({ code, params, text: render(code, params) });
  const findings: Finding[] = [];
  const find = (severity: Severity, code: string, params: Params, section?: SectionKey, subject?: string) => {
    findings.push({ severity, code, params, message: render(code, params), lesson: section ? LESSON_SECTIONS[section].slug : undefined, section, subject });
  };

  // ---- Load balancers: frontends, rules, outbound rules.
  const frontends = new Map<string, Frontend>();
  const frontendByPip = new Map<string, Frontend>();
  const rulesByBase = new Map<string, RuleExplanation[]>();
  const frontendsByBase = new Map<string, Frontend[]>();
  const ruleFrontend = new Map<RuleExplanation, Frontend>();
  let outbound: OutboundPath | undefined;
  let poolSize: number | undefined;
  const subscriptions = new Set<string>();
  const noteSub = (id: string | undefined) => {
    const s = id ? segment(id, 'subscriptions') : undefined;
    if (s) subscriptions.add(s);
  };
  for (const raw of parsed.loadBalancers) {
    const lb = flat(raw);
    const lbName = str(lb.name) ?? (str(lb.id) ? lastSegment(str(lb.id)!) : 'kubernetes');
    noteSub(str(lb.id));
    for (const f of arr(lb.frontendIPConfigurations).map(flat)) {
      const name = str(f.name) ?? (str(f.id) ? lastSegment(str(f.id)!) : '');
      const key = lower(`${lbName}/${name}`);
      const fe: Frontend = { lb: lbName, name, key, publicIpId: refId(f.publicIPAddress), privateIp: str(f.privateIPAddress), rules: [], outboundRules: [] };
      frontends.set(key, fe);
      if (fe.publicIpId) frontendByPip.set(lower(lastSegment(fe.publicIpId)), fe);
      const base = basePrefix(name);
      if (base) (frontendsByBase.get(base) ?? frontendsByBase.set(base, []).get(base)!).push(fe);
    }
    for (const r of arr(lb.loadBalancingRules).map(flat)) {
      const name = str(r.name) ?? '';
      const rule: RuleExplanation = {
        name,
        protocol: str(r.protocol) ?? '',
        frontendPort: num(r.frontendPort) ?? 0,
        backendPort: num(r.backendPort),
        probe: refId(r.probe) ? lastSegment(refId(r.probe)!) : undefined,
        seen: true,
      };
      const fk = refId(r.frontendIPConfiguration) ? frontendKey(refId(r.frontendIPConfiguration)!) : undefined;
      const fe = fk ? frontends.get(fk) : undefined;
      if (fe) {
        fe.rules.push(rule);
        ruleFrontend.set(rule, fe);
      }
      const base = basePrefix(name);
      if (base) (rulesByBase.get(base) ?? rulesByBase.set(base, []).get(base)!).push(rule);
    }
    for (const o of arr(lb.outboundRules).map(flat)) {
      const name = str(o.name) ?? 'outbound rule';
      const fes = arr(o.frontendIPConfigurations)
        .map((x) => (str(x.id) ? frontendKey(str(x.id)!) : undefined))
        .map((k) => (k ? frontends.get(k) : undefined))
        .filter((x): x is Frontend => !!x);
      for (const fe of fes) fe.outboundRules.push(name);
      if (!outbound || name === 'aksOutboundRule') {
        outbound = {
          rule: name,
          loadBalancer: lbName,
          frontends: fes.map((f) => f.name),
          publicIps: fes.map((f) => (f.publicIpId ? lastSegment(f.publicIpId) : '')).filter(Boolean),
          allocatedOutboundPorts: num(o.allocatedOutboundPorts),
        };
      }
    }
    const pool = arr(lb.backendAddressPools)
      .map(flat)
      .find((p) => str(p.name) === 'kubernetes');
    if (pool) poolSize = Math.max(arr(pool.backendIPConfigurations).length, arr(pool.loadBalancerBackendAddresses).length);
  }

  // ---- Cluster facts.
  const cluster: ClusterFacts = { subscriptionIds: [] };
  const effectiveOutbound = new Set<string>();
  for (const raw of parsed.clusters) {
    const c = flat(raw);
    noteSub(str(c.id));
    cluster.name ??= str(c.name);
    cluster.resourceGroup ??= str(c.resourceGroup) ?? (str(c.id) ? segment(str(c.id)!, 'resourceGroups') : undefined);
    cluster.nodeResourceGroup ??= str(c.nodeResourceGroup);
    cluster.location ??= str(c.location);
    cluster.kubernetesVersion ??= str(c.currentKubernetesVersion) ?? str(c.kubernetesVersion);
    const pools = arr(c.agentPoolProfiles);
    if (pools.length) cluster.nodeCount ??= pools.reduce((n, p) => n + (num(p.count) ?? 0), 0);
    const np = isObj(c.networkProfile) ? c.networkProfile : {};
    cluster.networkPlugin ??= str(np.networkPlugin);
    cluster.outboundType ??= str(np.outboundType);
    const lbp = isObj(np.loadBalancerProfile) ? np.loadBalancerProfile : undefined;
    if (lbp) {
      const managed = isObj(lbp.managedOutboundIPs) ? num(lbp.managedOutboundIPs.count) : undefined;
      const eff = arr(lbp.effectiveOutboundIPs)
        .map((x) => str(x.id))
        .filter((x): x is string => !!x);
      for (const id of eff) effectiveOutbound.add(lower(lastSegment(id)));
      cluster.managedOutboundIPCount ??= managed ?? (eff.length || undefined);
      cluster.allocatedOutboundPorts ??= num(lbp.allocatedOutboundPorts);
    }
  }
  if (cluster.nodeCount === undefined && parsed.nodes.length) cluster.nodeCount = parsed.nodes.length;
  if (cluster.nodeCount === undefined && poolSize) cluster.nodeCount = poolSize;
  cluster.nodeResourceGroup ??= parsed.nodeResourceGroups[0];

  // ---- Public IPs (the list, plus any a frontend points at that the list did not show).
  const pips = new Map<string, Pip>();
  for (const raw of parsed.publicIps) {
    const p = flat(raw);
    const name = str(p.name) ?? (str(p.id) ? lastSegment(str(p.id)!) : '');
    if (!name) continue;
    noteSub(str(p.id));
    pips.set(lower(name), {
      name,
      id: str(p.id),
      resourceGroup: str(p.resourceGroup) ?? (str(p.id) ? segment(str(p.id)!, 'resourceGroups') : undefined),
      ipAddress: str(p.ipAddress),
      tags: tagsOf(p) ?? {},
      ipConfigurationId: refId(p.ipConfiguration),
      natGateway: refId(p.natGateway),
    });
  }
  for (const fe of frontends.values()) {
    if (!fe.publicIpId) continue;
    const name = lastSegment(fe.publicIpId);
    if (!pips.has(lower(name))) pips.set(lower(name), { name, id: fe.publicIpId, resourceGroup: segment(fe.publicIpId, 'resourceGroups') });
  }
  if (cluster.nodeResourceGroup === undefined) {
    const rg = [...pips.values()].find((p) => p.resourceGroup && /^MC_/i.test(p.resourceGroup))?.resourceGroup;
    if (rg) cluster.nodeResourceGroup = rg;
  }
  cluster.subscriptionIds = [...subscriptions].sort();

  // ---- Services.
  const svcMap = new Map<string, ServiceExplanation>();
  const namespaces = new Set<string>();
  const allServices = new Set<string>();
  for (const s of parsed.services) {
    const meta = isObj(s.metadata) ? s.metadata : {};
    const spec = isObj(s.spec) ? s.spec : {};
    const ns = str(meta.namespace) ?? 'default';
    const name = str(meta.name);
    if (!name) continue;
    namespaces.add(ns);
    allServices.add(keyOf(ns, name));
    if (str(spec.type) !== 'LoadBalancer') continue;
    const annotations: Record<string, string> = {};
    if (isObj(meta.annotations)) for (const [k, v] of Object.entries(meta.annotations)) if (typeof v === 'string') annotations[k] = v;
    const status = isObj(s.status) ? s.status : undefined;
    const lbStatus = status && isObj(status.loadBalancer) ? status.loadBalancer : undefined;
    const ingress = lbStatus ? arr(lbStatus.ingress) : [];
    const ports: ServicePort[] = arr(spec.ports).map((p) => ({
      name: str(p.name),
      port: num(p.port) ?? 0,
      protocol: str(p.protocol) ?? 'TCP',
      targetPort: typeof p.targetPort === 'number' || typeof p.targetPort === 'string' ? p.targetPort : undefined,
      nodePort: num(p.nodePort),
    }));
    const selector: Record<string, string> | undefined = isObj(spec.selector)
      ? (Object.fromEntries(Object.entries(spec.selector).filter(([, v]) => typeof v === 'string')) as Record<string, string>)
      : undefined;
    const externalIp = str(ingress[0]?.ip) ?? str(ingress[0]?.hostname);
    const loadBalancerClass = str(spec.loadBalancerClass);
    svcMap.set(keyOf(ns, name), {
      namespace: ns,
      name,
      uid: str(meta.uid),
      internal: annotations[A_INTERNAL] === 'true',
      externalIp,
      rules: [],
      state: externalIp ? 'has-ip' : loadBalancerClass || !status ? 'unknown' : 'pending',
      ports,
      annotations,
      selector,
      externalTrafficPolicy: str(spec.externalTrafficPolicy),
      loadBalancerSourceRanges: Array.isArray(spec.loadBalancerSourceRanges)
        ? spec.loadBalancerSourceRanges.filter((x): x is string => typeof x === 'string')
        : undefined,
      loadBalancerIP: str(spec.loadBalancerIP) ?? annotations[A_IPV4],
      loadBalancerClass,
    });
  }
  const servicesPasted = parsed.services.length > 0 || parsed.servicesSeen;
  // `kubectl get svc -A` shows kube-system's Services; one namespace alone may be a paste without -A.
  const allNamespaces = namespaces.has('kube-system') || namespaces.size > 1;
  const covers = (ns: string) => allNamespaces || namespaces.has(ns);

  const pipByAddress = new Map<string, Pip>();
  for (const p of pips.values()) if (p.ipAddress) pipByAddress.set(p.ipAddress, p);
  const pipsByTaggedService = new Map<string, Pip[]>();
  for (const p of pips.values()) {
    for (const k of serviceList(p.tags?.[TAG_SERVICE] ?? p.tags?.[TAG_SERVICE_LEGACY]))
      (pipsByTaggedService.get(k) ?? pipsByTaggedService.set(k, []).get(k)!).push(p);
  }

  for (const svc of svcMap.values()) {
    const base = baseName(svc.uid);
    const own = base ? rulesByBase.get(base) : undefined;
    let fe: Frontend | undefined = own?.length ? ruleFrontend.get(own[0]!) : undefined;
    fe ??= base ? frontendsByBase.get(base)?.[0] : undefined;
    if (own?.length) svc.rules = own;
    else if (base && parsed.loadBalancers.length === 0) {
      // The LB was not pasted: show the names the cloud provider gives the rules.
      svc.rules = svc.ports.map((p) => ({
        name: `${base}-${p.protocol.toUpperCase()}-${p.port}`,
        protocol: p.protocol === 'UDP' ? 'Udp' : 'Tcp',
        frontendPort: p.port,
        seen: false,
      }));
    }
    const key = keyOf(svc.namespace, svc.name);
    let pip = fe?.publicIpId ? pips.get(lower(lastSegment(fe.publicIpId))) : undefined;
    if (!pip && svc.externalIp && !svc.internal) pip = pipByAddress.get(svc.externalIp);
    if (!pip && !svc.internal) pip = pipsByTaggedService.get(key)?.[0];
    if (!fe && pip) fe = frontendByPip.get(lower(pip.name));
    if (fe) {
      svc.frontend = fe.name;
      svc.loadBalancer = fe.lb;
    }
    if (pip) svc.publicIp = pip.name;
  }

  // ---- Why pending: the newest warnings of each Service.
  const eventsBySvc = new Map<string, Json[]>();
  for (const e of parsed.events) {
    const o = isObj(e.involvedObject) ? e.involvedObject : isObj(e.regarding) ? e.regarding : undefined;
    if (!o || str(o.kind) !== 'Service') continue;
    const k = keyOf(str(o.namespace) ?? 'default', str(o.name) ?? '');
    (eventsBySvc.get(k) ?? eventsBySvc.set(k, []).get(k)!).push(e);
  }
  const time = (e: Json) =>
    str(e.lastTimestamp) ?? str(e.eventTime) ?? str(e.firstTimestamp) ?? (isObj(e.metadata) ? str(e.metadata.creationTimestamp) : undefined) ?? '';
  for (const svc of svcMap.values()) {
    if (svc.state !== 'pending') continue;
    svc.pending = pendingReason(svc, eventsBySvc.get(keyOf(svc.namespace, svc.name)), parsed.events.length > 0 || !!parsed.eventsSeen, time, render);
  }

  // ---- Roles of the Public IPs (Services indexed by what can tie them to one).
  const push = (m: Map<string, string[]>, k: string, v: string) => {
    const l = m.get(k);
    if (l) l.push(v);
    else m.set(k, [v]);
  };
  const svcByFrontend = new Map<string, string[]>();
  const svcByPipName = new Map<string, string[]>();
  const svcByAddress = new Map<string, string[]>();
  for (const s of svcMap.values()) {
    const k = keyOf(s.namespace, s.name);
    if (s.frontend && s.loadBalancer) push(svcByFrontend, lower(`${s.loadBalancer}/${s.frontend}`), k);
    if (s.annotations[A_PIP_NAME]) push(svcByPipName, lower(s.annotations[A_PIP_NAME]), k);
    if (s.loadBalancerIP) push(svcByAddress, s.loadBalancerIP, k);
    if (s.externalIp && !s.internal && s.externalIp !== s.loadBalancerIP) push(svcByAddress, s.externalIp, k);
  }
  const publicIps: PublicIpExplanation[] = [];
  for (const p of pips.values()) {
    const evidence: Evidence[] = [];
    const tagsKnown = p.tags !== undefined;
    const fe = (p.ipConfigurationId ? frontends.get(frontendKey(p.ipConfigurationId) ?? '') : undefined) ?? frontendByPip.get(lower(p.name));
    const feName = fe?.name ?? (p.ipConfigurationId && frontendKey(p.ipConfigurationId) ? lastSegment(p.ipConfigurationId) : undefined);
    const lbName = fe?.lb ?? (p.ipConfigurationId ? segment(p.ipConfigurationId, 'loadBalancers') : undefined);
    let role: PublicIpRole = 'unknown';
    let services: string[] = [];
    const aksType = p.tags?.[TAG_AKS_TYPE];
    const legacyType = p.tags?.[TAG_AKS_TYPE_LEGACY];
    if (aksType && /outbound/i.test(aksType)) {
      role = 'outbound';
      evidence.push(ev('ev.tag-outbound', { tag: TAG_AKS_TYPE, value: aksType }));
    } else if (legacyType === OUTBOUND_TAG_VALUE) {
      role = 'outbound';
      evidence.push(ev('ev.tag-outbound-legacy', { tag: TAG_AKS_TYPE_LEGACY, value: legacyType }));
    }
    if (fe?.outboundRules.length) {
      role = 'outbound';
      evidence.push(ev('ev.outbound-rule', { rule: fe.outboundRules[0]!, lb: fe.lb, frontend: fe.name }));
    }
    if (effectiveOutbound.has(lower(p.name))) {
      role = 'outbound';
      evidence.push(ev('ev.aks-outbound', {}));
    }
    if (p.natGateway) {
      role = 'outbound';
      evidence.push(ev('ev.nat-gateway', { name: lastSegment(p.natGateway) }));
    }
    const tagKey = p.tags && TAG_SERVICE in p.tags ? TAG_SERVICE : p.tags && TAG_SERVICE_LEGACY in p.tags ? TAG_SERVICE_LEGACY : undefined;
    if (role !== 'outbound' && tagKey) {
      const tagged = serviceList(p.tags![tagKey]);
      evidence.push(ev(tagKey === TAG_SERVICE ? 'ev.tag-service' : 'ev.tag-service-legacy', { tag: tagKey, services: tagged.join(', ') || '""' }));
      if (!tagged.length) {
        role = 'orphan';
        evidence.push(ev('ev.tag-service-empty', {}));
      } else if (!servicesPasted) {
        role = 'service';
        services = tagged;
        evidence.push(ev('ev.services-not-pasted', { command: commandFor('services') }));
      } else {
        const existing = tagged.filter((k) => svcMap.has(k));
        const gone = tagged.filter((k) => !svcMap.has(k) && covers(k.split('/')[0]!));
        const unseen = tagged.filter((k) => !svcMap.has(k) && !covers(k.split('/')[0]!));
        for (const k of existing) {
          const s = svcMap.get(k)!;
          evidence.push(
            s.externalIp && s.externalIp === p.ipAddress ? ev('ev.status-ingress', { service: k, ip: s.externalIp }) : ev('ev.service-exists', { service: k }),
          );
        }
        for (const k of gone) evidence.push(ev(allServices.has(k) ? 'ev.service-not-lb' : 'ev.service-missing', { service: k }));
        for (const k of unseen) evidence.push(ev('ev.namespace-not-pasted', { service: k, namespace: k.split('/')[0]! }));
        if (existing.length || unseen.length) {
          role = 'service';
          services = [...existing, ...unseen];
        } else {
          role = 'orphan';
          services = tagged;
        }
      }
    } else if (role !== 'outbound' && tagsKnown) {
      // No service tag: a Public IP somebody created; the cloud provider never deletes it.
      evidence.push(ev('ev.no-service-tag', {}));
      role = 'user';
      const byName = svcByPipName.get(lower(p.name)) ?? [];
      for (const k of byName) {
        services.push(k);
        evidence.push(ev('ev.used-by-name', { service: k, annotation: A_PIP_NAME }));
      }
      for (const k of p.ipAddress ? (svcByAddress.get(p.ipAddress) ?? []) : []) {
        if (byName.includes(k)) continue;
        services.push(k);
        evidence.push(ev('ev.used-by-ip', { service: k, ip: p.ipAddress! }));
      }
    } else if (role !== 'outbound') {
      evidence.push(ev('ev.tags-unknown', { command: commandFor('publicIps', cluster) }));
      if (fe?.rules.length) {
        role = 'service';
        services = [...(svcByFrontend.get(fe.key) ?? [])];
        evidence.push(ev('ev.frontend-rules', { frontend: fe.name, lb: fe.lb, count: fe.rules.length, first: fe.rules[0]!.name }));
      }
    }
    if (feName && lbName) evidence.push(ev('ev.frontend', { frontend: feName, lb: lbName }));
    else if (p.ipConfigurationId) evidence.push(ev('ev.attached-other', { id: p.ipConfigurationId }));
    else if (tagsKnown && !p.natGateway) evidence.push(ev('ev.not-attached', {}));
    // A Service that reached this IP through its rules (shared IPs) owns it too.
    if (role === 'service' || role === 'user') {
      for (const k of fe ? (svcByFrontend.get(fe.key) ?? []) : []) {
        if (services.includes(k)) continue;
        services.push(k);
        evidence.push(ev('ev.shares-frontend', { service: k, frontend: fe!.name }));
      }
    }
    publicIps.push({
      name: p.name,
      id: p.id,
      resourceGroup: p.resourceGroup,
      ipAddress: p.ipAddress,
      role,
      service: services[0],
      services,
      frontend: feName,
      loadBalancer: lbName,
      evidence,
    });
  }
  // Outbound first (the one nobody asked for), then Services, yours, orphans, unknown; by name within.
  const order: Record<PublicIpRole, number> = { outbound: 0, service: 1, user: 2, orphan: 3, unknown: 4 };
  publicIps.sort((a, b) => order[a.role] - order[b.role] || a.name.localeCompare(b.name));
  const services = [...svcMap.values()].sort((a, b) => (a.namespace === b.namespace ? a.name.localeCompare(b.name) : a.namespace.localeCompare(b.namespace)));

  // ---- Findings.
  const count = (r: PublicIpRole) => publicIps.filter((p) => p.role === r).length;
  const publicServices = services.filter((s) => !s.internal);
  if (publicIps.length && servicesPasted) {
    find(
      'info',
      'f.ip-count',
      {
        services: publicServices.length,
        ips: publicIps.length,
        service: count('service'),
        outbound: count('outbound'),
        user: count('user'),
        orphan: count('orphan'),
        unknown: count('unknown'),
      },
      'puzzle',
    );
  }
  for (const p of publicIps.filter((x) => x.role === 'outbound')) {
    const managed = p.evidence.some((e) => e.code === 'ev.tag-outbound' || e.code === 'ev.tag-outbound-legacy');
    find(
      'info',
      managed ? 'f.outbound-ip' : 'f.outbound-ip-yours',
      { name: p.name, ip: p.ipAddress ?? '?', rule: outbound?.rule ?? 'aksOutboundRule', lb: outbound?.loadBalancer ?? 'kubernetes' },
      'fourthAddress',
      p.name,
    );
  }
  for (const p of publicIps.filter((x) => x.role === 'orphan')) {
    find(
      'warning',
      p.frontend ? 'f.orphan-ip-attached' : 'f.orphan-ip',
      {
        name: p.name,
        ip: p.ipAddress ?? '?',
        services: p.services.join(', ') || '""',
        frontend: p.frontend ?? '',
        rg: p.resourceGroup ?? cluster.nodeResourceGroup ?? '<node-resource-group>',
      },
      'deleting',
      p.name,
    );
  }
  for (const p of publicIps.filter((x) => x.role === 'user')) {
    if (p.services.length) find('info', 'f.user-ip', { name: p.name, ip: p.ipAddress ?? '?', services: p.services.join(', ') }, 'byoIp', p.name);
    else if (!p.frontend) find('warning', 'f.user-ip-unused', { name: p.name, ip: p.ipAddress ?? '?' }, 'tags', p.name);
  }
  if (publicIps.some((p) => p.evidence.some((e) => e.code === 'ev.tag-service-legacy' || e.code === 'ev.tag-outbound-legacy')))
    find('info', 'f.legacy-tags', {}, 'tags');
  for (const s of services.filter((x) => x.state === 'pending')) {
    find(
      'problem',
      'f.pending',
      { service: keyOf(s.namespace, s.name), reason: s.pending?.text ?? '' },
      (s.pending?.lesson?.section as SectionKey | undefined) ?? 'whereErrorsGo',
      keyOf(s.namespace, s.name),
    );
  }
  const byIp = new Map<string, ServiceExplanation[]>();
  for (const s of services) if (s.externalIp) (byIp.get(s.externalIp) ?? byIp.set(s.externalIp, []).get(s.externalIp)!).push(s);
  for (const [ip, list] of byIp) {
    if (list.length < 2) continue;
    find(
      'info',
      'f.shared-ip',
      { ip, services: list.map((s) => keyOf(s.namespace, s.name)).join(', '), count: list.length, frontend: list.find((s) => s.frontend)?.frontend ?? '' },
      'sharedIp',
      ip,
    );
  }
  for (const s of services.filter((x) => x.internal)) {
    find(
      'info',
      'f.internal',
      { service: keyOf(s.namespace, s.name), ip: s.externalIp ?? '<pending>', lb: s.loadBalancer ?? 'kubernetes-internal' },
      'internalLb',
      keyOf(s.namespace, s.name),
    );
  }
  for (const s of services) {
    if (s.externalIp && /amazonaws\.com$|\.elb\./.test(s.externalIp)) {
      find('warning', 'f.other-cloud', { service: keyOf(s.namespace, s.name), host: s.externalIp }, undefined, keyOf(s.namespace, s.name));
      break;
    }
  }

  // SNAT: ports per node × nodes against 64,000 per outbound IP.
  const outboundType = cluster.outboundType ?? (outbound ? 'loadBalancer' : undefined);
  const outboundIps = cluster.managedOutboundIPCount ?? (count('outbound') || outbound?.publicIps.length || undefined);
  if (outboundType && outboundType !== 'loadBalancer') {
    find('info', 'f.other-outbound', { type: outboundType }, 'otherOutbound');
  } else if (cluster.nodeCount && outboundIps) {
    const allocated = cluster.allocatedOutboundPorts ?? outbound?.allocatedOutboundPorts ?? 0;
    const perNode = allocated > 0 ? allocated : defaultPortsPerNode(cluster.nodeCount);
    const used = perNode * cluster.nodeCount;
    const capacity = 64000 * outboundIps;
    const free = capacity - used;
    const moreNodes = Math.max(0, Math.floor(free / perNode));
    const tight = allocated > 0 ? moreNodes < 1 : cluster.nodeCount > 50;
    find(
      tight ? 'warning' : 'info',
      allocated > 0 ? 'f.snat-fixed' : 'f.snat-auto',
      { nodes: cluster.nodeCount, perNode, used, capacity, ips: outboundIps, free, moreNodes },
      'snat',
    );
  }

  // NSG rules that let the whole Internet reach a database port.
  const nsgRules: { nsg: string; rule: Json }[] = [];
  for (const raw of parsed.nsgs) {
    const nsg = flat(raw);
    for (const r of arr(nsg.securityRules)) nsgRules.push({ nsg: str(nsg.name) ?? '', rule: flat(r) });
  }
  for (const r of parsed.nsgRules) nsgRules.push({ nsg: str(r.id) ? (segment(str(r.id)!, 'networkSecurityGroups') ?? '') : '', rule: flat(r) });
  const reported = new Set<string>();
  for (const { nsg, rule } of nsgRules) {
    if (lower(str(rule.access) ?? '') !== 'allow' || lower(str(rule.direction) ?? '') !== 'inbound') continue;
    const sources = [str(rule.sourceAddressPrefix), ...(Array.isArray(rule.sourceAddressPrefixes) ? rule.sourceAddressPrefixes : [])].filter(
      (x): x is string => typeof x === 'string' && x !== '',
    );
    const source = sources.find((x) => /^(\*|Internet|Any|0\.0\.0\.0\/0)$/i.test(x));
    if (!source) continue;
    const ranges = [str(rule.destinationPortRange), ...(Array.isArray(rule.destinationPortRanges) ? rule.destinationPortRanges : [])].filter(
      (x): x is string => typeof x === 'string' && x !== '',
    );
    const dests = [str(rule.destinationAddressPrefix), ...(Array.isArray(rule.destinationAddressPrefixes) ? rule.destinationAddressPrefixes : [])].filter(
      (x): x is string => typeof x === 'string' && x !== '',
    );
    for (const [portText, db] of Object.entries(DATABASE_PORTS)) {
      const port = Number(portText);
      if (!ranges.some((r) => portInRange(port, r))) continue;
      for (const dest of dests.length ? dests : ['*']) {
        const owner =
          byIp
            .get(dest)
            ?.map((s) => keyOf(s.namespace, s.name))
            .join(', ') ?? '';
        reported.add(`${dest}:${port}`);
        find(
          'problem',
          'f.nsg-open-db',
          { rule: str(rule.name) ?? '', nsg, port, db, source, destination: dest, services: owner },
          'openToInternet',
          str(rule.name),
        );
      }
    }
  }
  if (!nsgRules.length) {
    // No NSG pasted: the cloud provider opens a public Service's ports to Internet unless told otherwise.
    for (const s of publicServices) {
      if (
        s.state !== 'has-ip' ||
        s.loadBalancerSourceRanges?.length ||
        s.annotations[A_ALLOWED_RANGES] ||
        s.annotations[A_ALLOWED_TAGS] ||
        s.annotations[A_SOURCE_RANGES]
      )
        continue;
      for (const p of s.ports) {
        const db = DATABASE_PORTS[p.port];
        if (db && !reported.has(`${s.externalIp}:${p.port}`))
          find(
            'warning',
            'f.db-open-inferred',
            { service: keyOf(s.namespace, s.name), port: p.port, db, ip: s.externalIp ?? '' },
            'openToInternet',
            keyOf(s.namespace, s.name),
          );
      }
    }
  }
  const rank: Record<Severity, number> = { problem: 0, warning: 1, info: 2 };
  findings.sort((a, b) => rank[a.severity] - rank[b.severity]);

  const missing: InputKind[] = [];
  if (!servicesPasted) missing.push('services');
  if (!parsed.publicIps.length) missing.push('public-ips');
  if (!parsed.loadBalancers.length) missing.push('load-balancers');
  if (services.some((s) => s.state === 'pending') && !(parsed.events.length || parsed.eventsSeen)) missing.push('events');
  if (!parsed.clusters.length) missing.push('cluster');
  if (!nsgRules.length && !parsed.nsgs.length) missing.push('nsgs');

  return { publicIps, services, findings, cluster, outbound, missing };
}

function portInRange(port: number, range: string): boolean {
  if (range === '*') return true;
  const m = /^(\d+)(?:-(\d+))?$/.exec(range.trim());
  if (!m) return false;
  const lo = Number(m[1]);
  const hi = m[2] ? Number(m[2]) : lo;
  return port >= lo && port <= hi;
}

function pendingReason(svc: ServiceExplanation, events: Json[] | undefined, eventsPasted: boolean, time: (e: Json) => string, render: Render): PendingReason {
  const make = (cause: string, params: Params, section?: SectionKey, reason?: string, message?: string): PendingReason => ({
    cause,
    reason,
    message,
    text: render(`pending.${cause}`, params),
    lesson: section ? { slug: LESSON_SECTIONS[section].slug, section } : undefined,
  });
  if (!eventsPasted) return make('events-not-pasted', { command: commandFor('events') });
  if (!events?.length) return make('no-events', { service: keyOf(svc.namespace, svc.name) }, 'whereErrorsGo');
  const sorted = [...events].sort((a, b) => time(a).localeCompare(time(b)));
  const lastEnsured = sorted.map((e) => str(e.reason)).lastIndexOf('EnsuredLoadBalancer');
  const warnings = sorted.slice(lastEnsured + 1).filter((e) => str(e.type) === 'Warning');
  // The most telling warning: the newest one that names a known cause, else the newest.
  for (const e of [...warnings].reverse()) {
    const message = str(e.message) ?? str(e.note) ?? '';
    const cause = matchCause(message);
    if (cause) return make(cause.cause, { message }, cause.section, str(e.reason), message);
  }
  const newest = warnings[warnings.length - 1];
  if (newest) {
    const message = str(newest.message) ?? '';
    return make('other', { reason: str(newest.reason) ?? 'Warning', message }, 'atAGlance', str(newest.reason), message);
  }
  if (sorted.some((e) => str(e.reason) === 'EnsuringLoadBalancer')) return make('in-progress', {}, 'whatItBuilds');
  return make('no-events', { service: keyOf(svc.namespace, svc.name) }, 'whereErrorsGo');
}

export { GUID };
