import { age } from './duration';
import { DESCRIBE, tabwrite } from './tabwriter';

/**
 * Building blocks of `kubectl describe` (k8s.io/kubectl pkg/describe): tab-separated lines run
 * through tabwriter(0, 8, 2, ' '), multi-line labels/annotations, and the Events block, which is
 * flushed and aligned on its own.
 */

// biome-ignore lint/suspicious/noExplicitAny: printers walk manifests by field path; the shapes are checked where the objects are stored.
type Obj = Record<string, any>;

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

export class DescribeWriter {
  private chunks: string[] = [];
  private cur = '';

  line(level: number, text: string): void {
    this.cur += '  '.repeat(level) + text + '\n';
  }

  /** Labels / Annotations: first entry on the title line, the rest under it. */
  map(title: string, m: Record<string, string> | undefined, sep: '=' | ': ', skip: string[] = []): void {
    const keys = Object.keys(m ?? {})
      .filter((k) => !skip.includes(k))
      .sort();
    if (!keys.length) {
      this.line(0, `${title}:\t<none>`);
      return;
    }
    keys.forEach((k, i) => {
      const v = m![k];
      const shown = sep === ': ' && v.length > 140 ? v.slice(0, 140) + '...' : v;
      this.cur += `${i === 0 ? title + ':' : ''}\t${k}${sep}${shown}\n`;
    });
  }

  flush(): void {
    this.chunks.push(tabwrite(this.cur, DESCRIBE));
    this.cur = '';
  }

  events(events: Obj[], now: number): void {
    if (!events.length) {
      this.line(0, 'Events:\t<none>');
      return;
    }
    this.flush();
    const sorted = [...events].sort((a, b) => Date.parse(a.lastTimestamp ?? a.eventTime ?? '') - Date.parse(b.lastTimestamp ?? b.eventTime ?? ''));
    this.cur += 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n';
    this.line(1, '----\t------\t----\t----\t-------');
    for (const e of sorted) {
      const first = age(e.firstTimestamp ?? e.eventTime, now);
      const interval = (e.count ?? 1) > 1 ? `${age(e.lastTimestamp, now)} (x${e.count} over ${first})` : first;
      const source = e.source?.component || e.reportingComponent || '';
      this.line(1, `${e.type}\t${e.reason}\t${interval}\t${source}\t${String(e.message ?? '').trim()}`);
    }
  }

  toString(): string {
    this.flush();
    return this.chunks.join('');
  }
}

/** Events about one object (by UID, as `describe` queries them). */
export function eventsFor(all: Obj[], obj: Obj): Obj[] {
  return all.filter(
    (e) =>
      e.involvedObject?.uid === obj.metadata?.uid ||
      (e.involvedObject?.name === obj.metadata?.name && e.involvedObject?.kind === obj.kind && !e.involvedObject?.uid),
  );
}

export function formatLabels(m: Record<string, string> | undefined): string {
  const e = Object.entries(m ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  return e.length ? e.map(([k, v]) => `${k}=${v}`).join(',') : '<none>';
}

/** `formatEndpoints` for one service port: `ip:port` list, `<none>` when empty. */
export function endpointsForPort(endpoints: Obj | undefined, portName: string | undefined): string {
  const out: string[] = [];
  for (const ss of (endpoints?.subsets ?? []) as Obj[]) {
    for (const p of (ss.ports ?? []) as Obj[]) {
      if ((p.name ?? '') !== (portName ?? '')) continue;
      for (const a of (ss.addresses ?? []) as Obj[]) out.push(`${a.ip}:${p.port}`);
    }
  }
  if (!out.length) return '<none>';
  return out.length > 3 ? `${out.slice(0, 3).join(',')} + ${out.length - 3} more...` : out.join(',');
}

export function describeService(svc: Obj, endpoints: Obj | undefined, events: Obj[], now: number): string {
  const w = new DescribeWriter();
  const spec = svc.spec ?? {};
  w.line(0, `Name:\t${svc.metadata.name}`);
  w.line(0, `Namespace:\t${svc.metadata.namespace}`);
  w.map('Labels', svc.metadata.labels, '=');
  w.map('Annotations', svc.metadata.annotations, ': ', [LAST_APPLIED]);
  w.line(0, `Selector:\t${formatLabels(spec.selector)}`);
  w.line(0, `Type:\t${spec.type ?? 'ClusterIP'}`);
  if (spec.ipFamilyPolicy) w.line(0, `IP Family Policy:\t${spec.ipFamilyPolicy}`);
  w.line(0, `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>'}`);
  w.line(0, `IP:\t${spec.clusterIP ?? ''}`);
  w.line(0, `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(',') : '<none>'}`);
  if (spec.externalIPs?.length) w.line(0, `External IPs:\t${spec.externalIPs.join(',')}`);
  if (spec.loadBalancerIP) w.line(0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}`);
  if (spec.externalName) w.line(0, `External Name:\t${spec.externalName}`);
  const ingress: Obj[] = svc.status?.loadBalancer?.ingress ?? [];
  if (ingress.length) {
    w.line(0, `LoadBalancer Ingress:\t${ingress.map((i) => (i.ip || i.hostname) + (i.ipMode ? ` (${i.ipMode})` : '')).join(', ')}`);
  }
  for (const p of (spec.ports ?? []) as Obj[]) {
    const name = p.name || '<unset>';
    const proto = p.protocol ?? 'TCP';
    w.line(0, `Port:\t${name}\t${p.port}/${proto}`);
    w.line(0, `TargetPort:\t${p.targetPort ?? p.port}/${proto}`);
    if (p.appProtocol) w.line(0, `AppProtocol:\t${p.appProtocol}`);
    if (p.nodePort) w.line(0, `NodePort:\t${name}\t${p.nodePort}/${proto}`);
    w.line(0, `Endpoints:\t${endpointsForPort(endpoints, p.name)}`);
  }
  w.line(0, `Session Affinity:\t${spec.sessionAffinity ?? 'None'}`);
  if (spec.externalTrafficPolicy) w.line(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}`);
  if (spec.internalTrafficPolicy) w.line(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}`);
  if (spec.healthCheckNodePort) w.line(0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}`);
  if (spec.loadBalancerSourceRanges?.length) w.line(0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(',')}`);
  if (spec.trafficDistribution) w.line(0, `Traffic Distribution:\t${spec.trafficDistribution}`);
  w.events(events, now);
  return w.toString();
}
