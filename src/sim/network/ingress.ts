/**
 * What ingress-nginx does with an HTTP request that reached its `http` port (issue #4, Ingress
 * routing). It serves every Ingress of its class (`--ingress-class`, default `nginx`):
 *   host: an exact host rule wins, then a `*.suffix` wildcard (one label), then rules without host;
 *   path: Exact first, then the longest Prefix (matched by path element), ImplementationSpecific
 *   as a plain string prefix; nothing matches → the Ingress's spec.defaultBackend, else nginx 404.
 * Backend Service: no ready endpoints (or no such Service/port) → 503 Service Temporarily
 * Unavailable. ExternalName: the controller resolves the name with cluster DNS, so
 * `<svc>.<ns>[.svc[.cluster.local]]` reaches that Service; other cluster names → 502; names
 * outside the cluster time out (the lab has no internet upstream) → 504 after proxy_connect_timeout.
 * Responses carry no `Server` header (the controller's `more_clear_headers Server`), whoever wrote them.
 */
import type { KubeStore } from '../kube/store';
import type { KubeObject, Service } from '../kube/types';
import { stableHash } from './addr';
import type { AppAnswer, Request } from './apps';
import { answer, nginxErrorAnswer } from './apps';

interface IngressPath {
  path?: string;
  pathType?: string;
  backend: Backend;
}
interface Backend {
  service?: { name: string; port?: { number?: number; name?: string } };
}
interface IngressObj extends KubeObject {
  spec?: { ingressClassName?: string; defaultBackend?: Backend; rules?: { host?: string; http?: { paths?: IngressPath[] } }[] };
}

export interface EndpointLike {
  ip: string;
  nodeName: string;
  pod: string;
  ports: Map<string, number>;
}

export interface IngressEnv {
  kube: KubeStore;
  readyEndpoints(svc: Service): EndpointLike[];
}

/** The class a controller pod serves, from its `--ingress-class=` argument. */
export function ingressClassOf(pod: KubeObject | undefined): string {
  const containers = (pod?.spec as { containers?: { args?: string[] }[] } | undefined)?.containers ?? [];
  for (const c of containers) for (const a of c.args ?? []) if (a.startsWith('--ingress-class=')) return a.slice('--ingress-class='.length);
  return 'nginx';
}

function servesClass(kube: KubeStore, ing: IngressObj, cls: string): boolean {
  const ann = ing.metadata.annotations?.['kubernetes.io/ingress.class'];
  if (ing.spec?.ingressClassName) return ing.spec.ingressClassName === cls;
  if (ann) return ann === cls;
  const ic = kube.peek('IngressClass', cls);
  return ic?.metadata.annotations?.['ingressclass.kubernetes.io/is-default-class'] === 'true';
}

function hostMatches(rule: string, host: string): 'exact' | 'wildcard' | undefined {
  if (rule === host) return 'exact';
  if (rule.startsWith('*.')) {
    const suffix = rule.slice(1);
    if (host.endsWith(suffix) && !host.slice(0, -suffix.length).includes('.') && host.length > suffix.length) return 'wildcard';
  }
  return undefined;
}

function prefixMatches(prefix: string, path: string): boolean {
  const p = prefix.replace(/\/+$/, '');
  return p === '' || path === p || path.startsWith(p + '/');
}

type Candidate = { ing: IngressObj; p: IngressPath; score: number };

export function routeIngress(env: IngressEnv, controllerPod: KubeObject | undefined, req: Request, trace: string[]): AppAnswer & { delayMs?: number } {
  const cls = ingressClassOf(controllerPod);
  const host = req.host.replace(/:\d+$/, '').toLowerCase();
  const path = req.path.split('?')[0] || '/';
  const ingresses = (env.kube.select('Ingress') as IngressObj[])
    .filter((i) => servesClass(env.kube, i, cls))
    .sort((a, b) => (a.metadata.creationTimestamp < b.metadata.creationTimestamp ? -1 : a.metadata.creationTimestamp > b.metadata.creationTimestamp ? 1 : 0));
  const rulesFor = (kind: 'exact' | 'wildcard' | 'none') =>
    ingresses.flatMap((ing) =>
      (ing.spec?.rules ?? []).filter((r) => (kind === 'none' ? !r.host : r.host && hostMatches(r.host.toLowerCase(), host) === kind)).map((r) => ({ ing, r })),
    );
  const server = [rulesFor('exact'), rulesFor('wildcard'), rulesFor('none')].find((x) => x.length) ?? [];
  const candidates: Candidate[] = [];
  for (const { ing, r } of server) {
    for (const p of r.http?.paths ?? []) {
      const type = p.pathType ?? 'ImplementationSpecific';
      const pp = p.path ?? '/';
      if (type === 'Exact' && pp === path) candidates.push({ ing, p, score: 1e6 + pp.length });
      else if (type === 'Prefix' && prefixMatches(pp, path)) candidates.push({ ing, p, score: pp.length });
      else if (type === 'ImplementationSpecific' && path.startsWith(pp)) candidates.push({ ing, p, score: pp.length });
    }
  }
  candidates.sort((a, b) => b.score - a.score);
  const best = candidates[0];
  let backend: Backend | undefined = best?.p.backend;
  let ing: IngressObj | undefined = best?.ing;
  if (!best) {
    ing = ingresses.find((i) => i.spec?.defaultBackend?.service);
    backend = ing?.spec?.defaultBackend;
    if (!backend) {
      trace.push(`ingress-nginx (class ${cls}): no Ingress rule matches host "${host}" path "${path}" → default backend 404`);
      return nginxErrorAnswer(req, 404, 'Not Found');
    }
    trace.push(
      `ingress-nginx (class ${cls}): no rule matches host "${host}" path "${path}"; Ingress ${ing!.metadata.namespace}/${ing!.metadata.name} spec.defaultBackend`,
    );
  } else {
    trace.push(
      `ingress-nginx (class ${cls}): Ingress ${ing!.metadata.namespace}/${ing!.metadata.name} rule host "${server[0]?.r.host ?? '*'}" path ${best.p.path ?? '/'} (${best.p.pathType ?? 'ImplementationSpecific'}) → Service ${backend?.service?.name ?? '?'}`,
    );
  }
  return proxyTo(env, ing!.metadata.namespace ?? 'default', backend!, req, trace, 0);
}

function proxyTo(env: IngressEnv, ns: string, backend: Backend, req: Request, trace: string[], depth: number): AppAnswer & { delayMs?: number } {
  const name = backend.service?.name ?? '';
  const svc = env.kube.peek('Service', name, ns) as Service | undefined;
  if (!svc) {
    trace.push(`ingress-nginx: Service ${ns}/${name} not found → 503`);
    return nginxErrorAnswer(req, 503, 'Service Temporarily Unavailable');
  }
  const want = backend.service?.port;
  if (svc.spec.type === 'ExternalName') {
    const ext = String(svc.spec.externalName ?? '')
      .toLowerCase()
      .replace(/\.$/, '');
    const named = /^([a-z0-9-]+)\.([a-z0-9-]+)(?:\.svc(?:\.cluster\.local)?)?$/.exec(ext);
    // `<svc>.<ns>` without `.svc` is a cluster name only if that namespace exists (else e.g. `example.com`, an internet host).
    const m = named && (ext.includes('.svc') || env.kube.peek('Namespace', named[2])) ? named : null;
    if (m && depth < 5) {
      const target = env.kube.peek('Service', m[1], m[2]) as Service | undefined;
      if (!target) {
        trace.push(`ingress-nginx: ExternalName ${ns}/${name} → ${ext}: cluster DNS has no such name (NXDOMAIN) → 502`);
        return nginxErrorAnswer(req, 502, 'Bad Gateway');
      }
      trace.push(`ingress-nginx: ExternalName ${ns}/${name} → ${ext} resolves to Service ${m[2]}/${m[1]} (${target.spec.clusterIP ?? '?'})`);
      const port = want?.number ?? target.spec.ports?.[0]?.port;
      const r = proxyTo(env, m[2], { service: { name: m[1], port: { number: port } } }, req, trace, depth + 1);
      // Through a ClusterIP, no endpoints means kube-proxy rejects: nginx reports a bad gateway.
      return r.kind === 'http' && r.status === 503 && r.headers.some(([k]) => k === 'X-Lab-No-Endpoints') ? nginxErrorAnswer(req, 502, 'Bad Gateway') : r;
    }
    if (!m || depth >= 5) {
      trace.push(
        `ingress-nginx: ExternalName ${ns}/${name} → ${ext}: outside the cluster; the lab has no internet upstream → proxy_connect_timeout (5s) → 504`,
      );
      return { ...nginxErrorAnswer(req, 504, 'Gateway Time-out'), delayMs: 5000 };
    }
  }
  const sp = svc.spec.ports?.find((p) => (want?.name ? p.name === want.name : p.port === want?.number)) ?? (want ? undefined : svc.spec.ports?.[0]);
  if (!sp) {
    trace.push(`ingress-nginx: Service ${ns}/${name} has no port ${want?.name ?? want?.number} → 503`);
    return nginxErrorAnswer(req, 503, 'Service Temporarily Unavailable');
  }
  const eps = env.readyEndpoints(svc);
  if (!eps.length) {
    trace.push(`ingress-nginx: Service ${ns}/${name} has no ready endpoints → 503`);
    const a = nginxErrorAnswer(req, 503, 'Service Temporarily Unavailable');
    return depth ? { ...a, headers: [...a.headers, ['X-Lab-No-Endpoints', '1']] } : a;
  }
  const ep = eps[stableHash(`${req.host}${req.path}`) % eps.length];
  const targetPort = ep.ports.get(sp.name ?? '') ?? (typeof sp.targetPort === 'number' ? sp.targetPort : sp.port);
  const pod = env.kube.peek('Pod', ep.pod, ns);
  const containers = (pod?.spec as { containers?: { image: string; ports?: { containerPort: number }[] }[] } | undefined)?.containers ?? [];
  const c = containers.find((x) => x.ports?.some((p) => p.containerPort === targetPort)) ?? containers[0];
  if (!c) return nginxErrorAnswer(req, 502, 'Bad Gateway');
  trace.push(`ingress-nginx: upstream ${ep.ip}:${targetPort} (pod ${ns}/${ep.pod}, image ${c.image})`);
  const a = answer(c.image, { ...req, port: targetPort });
  // ingress-nginx's defaults (`allow-backend-server-header: false`, `server-tokens: false`) clear
  // the upstream's Server header, so no response through the controller carries one.
  if (a.kind === 'http') return { ...a, headers: a.headers.filter(([k]) => k.toLowerCase() !== 'server') };
  trace.push(`ingress-nginx: upstream ${a.kind === 'refused' ? 'refused the connection' : 'sent no valid HTTP response'} → 502`);
  return nginxErrorAnswer(req, 502, 'Bad Gateway');
}
