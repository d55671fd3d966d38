/**
 * One sandbox's Kubernetes API over HTTP (Node only; never part of the browser bundle): the
 * REST paths, verbs, content types and Status errors of kube-apiserver, mapped onto KubeStore.
 * Real kubectl (or k9s) can then talk to the simulated AKS cluster. The adapter only translates:
 * defaulting, validation, patch semantics and printing columns all live in the simulator, so a
 * difference seen through real kubectl is fixed there, not here.
 *
 * Time: once a command's writes are done the sandbox settles (controllers run until idle in
 * virtual time), so Services have their EXTERNAL-IP and Pods are Running by the next command.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { parse as parseYaml } from 'yaml';
import type { Sandbox } from '../sim/index';
import type { ResourceType } from '../sim/kube/discovery';
import { ApiError, NoKindMatchError } from '../sim/kube/errors';
import type { PatchType } from '../sim/kube/patch';
import { loadRareSchemas } from '../sim/kube/schemas';
import type { KubeObject, KubeObjectInput } from '../sim/kube/types';
import { coreVersions, groupList, openApiGroupVersion, openApiIndex, resourceList, versionDoc } from './discovery-docs';
import { toTable } from './table';

export interface ApiServerOptions {
  port?: number;
  host?: string;
  /** Logs one line per request (method, path, status). */
  log?: (line: string) => void;
  /**
   * When virtual time runs. `debounced` (default, for people): the sandbox settles once no
   * request has come for `settleDelayMs` after a write, i.e. between two kubectl commands.
   * `manual` (tests): the caller settles between commands, exactly as it does around the lab's
   * own `exec`. Either way a watch (kubectl waiting for a deletion) lets time run.
   */
  settle?: 'debounced' | 'manual';
  settleDelayMs?: number;
}

interface Route {
  type: ResourceType;
  version: string;
  namespace?: string;
  name?: string;
  subresource?: string;
}

class HttpError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

const PATCH_TYPES: Record<string, PatchType | 'apply'> = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
  'application/apply-patch+yaml': 'apply',
};

export function createApiServer(sandbox: Sandbox, opts: ApiServerOptions = {}): Server {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dirty = false;
  const settleLater = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!dirty || opts.settle === 'manual') return;
    timer = setTimeout(() => {
      timer = undefined;
      dirty = false;
      sandbox.settleSync();
      sandbox.kube.takeWarnings();
    }, opts.settleDelayMs ?? 150);
  };
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    // A real kubectl may write any kind: every validator is loaded before the first request is
    // handled (in the lab only the common ones load with the simulator; see sim/kube/schemas.ts).
    // Requests keep their order: each waits on the same promise.
    req.on(
      'end',
      () =>
        void loadRareSchemas().then(() => {
          const status = handle(sandbox, req, res, body);
          if (req.method !== 'GET' && status < 300) dirty = true;
          settleLater();
          opts.log?.(`${req.method} ${req.url} ${status}`);
        }),
    );
  });
  server.on('close', () => timer && clearTimeout(timer));
  return server;
}

/** Starts listening; resolves with the bound port (0 → a free one). */
export function listen(server: Server, port = 0, host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const addr = server.address();
      resolve(typeof addr === 'object' && addr ? addr.port : port);
    });
  });
}

function handle(sandbox: Sandbox, req: IncomingMessage, res: ServerResponse, body: string): number {
  const url = new URL(req.url ?? '/', 'http://localhost');
  try {
    const out = route(sandbox, req, url, body);
    if (out.watch) return out.watch(res);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (out.warnings?.length) headers.warning = out.warnings.map((w) => `299 - ${JSON.stringify(w)}`).join(', ');
    res.writeHead(out.code ?? 200, headers);
    res.end(JSON.stringify(out.body));
    return out.code ?? 200;
  } catch (err) {
    const status = statusOf(err);
    res.writeHead(status.code as number, { 'content-type': 'application/json' });
    res.end(JSON.stringify(status));
    return status.code as number;
  }
}

interface Reply {
  body?: unknown;
  code?: number;
  warnings?: string[];
  watch?: (res: ServerResponse) => number;
}

function route(sandbox: Sandbox, req: IncomingMessage, url: URL, body: string): Reply {
  const discovery = sandbox.kube.discovery;
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const method = req.method ?? 'GET';
  if (method === 'GET') {
    if (path === '/version') return { body: versionDoc(sandbox.options.kubernetesVersion) };
    if (path === '/api') return { body: coreVersions() };
    if (path === '/apis') return { body: groupList(discovery) };
    if (path === '/openapi/v3') return { body: openApiIndex(discovery) };
    if (parts[0] === 'openapi' && parts[1] === 'v3') {
      const [g, v] = parts[2] === 'api' ? ['', parts[3]] : [parts[3], parts[4]];
      const doc = openApiGroupVersion(discovery, g, v);
      if (doc) return { body: doc };
    }
    if (parts[0] === 'api' && parts.length === 2) {
      const doc = resourceList(discovery, '', parts[1]);
      if (doc) return { body: doc };
    }
    if (parts[0] === 'apis' && parts.length === 3) {
      const doc = resourceList(discovery, parts[1], parts[2]);
      if (doc) return { body: doc };
    }
    if (path === '/healthz' || path === '/readyz' || path === '/livez') return { body: 'ok' };
  }
  const r = parseRoute(sandbox, parts);
  sandbox.kube.takeWarnings();
  if (!r) throw new HttpError(404, 'NotFound', 'the server could not find the requested resource');
  switch (method) {
    case 'GET':
      return r.name ? getOne(sandbox, r, req) : list(sandbox, r, url, req);
    case 'POST':
      return afterWrite(sandbox, create(sandbox, r, url, req, body));
    case 'PUT':
      return afterWrite(sandbox, update(sandbox, r, url, req, body));
    case 'PATCH':
      return afterWrite(sandbox, patch(sandbox, r, url, req, body));
    case 'DELETE':
      return afterWrite(sandbox, remove(sandbox, r, url, body));
    default:
      throw new HttpError(405, 'MethodNotAllowed', `the server does not allow this method on the requested resource`);
  }
}

/** `/api/v1/namespaces/default/services/web/status`, `/apis/apps/v1/deployments` … */
function parseRoute(sandbox: Sandbox, parts: string[]): Route | undefined {
  let group = '';
  let rest: string[];
  let version: string;
  if (parts[0] === 'api') [version, ...rest] = parts.slice(1);
  else if (parts[0] === 'apis') [group, version, ...rest] = parts.slice(1);
  else return undefined;
  if (!version) return undefined;
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [plural, name, subresource] = rest;
  if (!plural) return undefined;
  const type = sandbox.kube.discovery.list().find((t) => t.group === group && t.plural === plural && t.versions.includes(version));
  if (!type) {
    // `/api/v1/namespaces/x` is the Namespace itself.
    if (!group && rest.length === 0) return undefined;
    return undefined;
  }
  return { type, version, namespace, name, subresource };
}

function wantsTable(req: IncomingMessage): boolean {
  return /as=Table/.test(req.headers.accept ?? '');
}

function getOne(sandbox: Sandbox, r: Route, req: IncomingMessage): Reply {
  const obj = sandbox.kube.get(r.type.kind, r.name!, r.namespace);
  if (wantsTable(req)) return { body: toTable(r.type.kind, [obj], sandbox.clock.now(), obj.metadata.resourceVersion, includeObject(req)) };
  return { body: obj };
}

function includeObject(req: IncomingMessage): string {
  return /includeObject=(\w+)/.exec(req.url ?? '')?.[1] ?? 'Metadata';
}

function list(sandbox: Sandbox, r: Route, url: URL, req: IncomingMessage): Reply {
  const labelSelector = url.searchParams.get('labelSelector') || undefined;
  const fieldSelector = url.searchParams.get('fieldSelector') || undefined;
  const items = sandbox.kube.list(r.type.kind, { namespace: r.type.namespaced ? r.namespace : undefined, labelSelector, fieldSelector });
  const resourceVersion = String(sandbox.kube.resourceVersion);
  if (url.searchParams.get('watch') === 'true' || url.searchParams.get('watch') === '1') return { watch: (res) => watch(sandbox, r, items, url, res) };
  if (wantsTable(req)) return { body: toTable(r.type.kind, items, sandbox.clock.now(), resourceVersion, includeObject(req)) };
  const apiVersion = r.type.group ? `${r.type.group}/${r.version}` : r.version;
  return { body: { kind: `${r.type.kind}List`, apiVersion, metadata: { resourceVersion }, items } };
}

/**
 * A minimal watch: changes to the listed kind (namespace and name filters) are streamed until
 * the client hangs up or 30 s pass. kubectl uses it to wait for a deletion.
 */
function watch(sandbox: Sandbox, r: Route, _initial: KubeObject[], url: URL, res: ServerResponse): number {
  const fieldSelector = url.searchParams.get('fieldSelector') ?? '';
  const name = /metadata\.name=([^,]+)/.exec(fieldSelector)?.[1];
  res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
  const stop = sandbox.kube.watch(r.type.kind, (e) => {
    if (r.namespace && e.object.metadata.namespace !== r.namespace) return;
    if (name && e.object.metadata.name !== name) return;
    res.write(JSON.stringify({ type: e.type, object: e.object }) + '\n');
  });
  // The client is waiting for something to happen (a deletion behind a finalizer): let virtual time run.
  sandbox.settleSync();
  sandbox.kube.takeWarnings();
  const timer = setTimeout(() => res.end(), 30_000);
  res.on('close', () => {
    stop();
    clearTimeout(timer);
  });
  return 200;
}

function parseBody(body: string, yamlAllowed = false): KubeObjectInput {
  try {
    return (yamlAllowed ? parseYaml(body) : JSON.parse(body)) as KubeObjectInput;
  } catch (e) {
    throw new HttpError(
      400,
      'BadRequest',
      `the object provided is unrecognized (must be of type ${yamlAllowed ? 'ApplyConfiguration' : 'Object'}): ${(e as Error).message}`,
    );
  }
}

/** The field manager: `?fieldManager=`, else the User-Agent's program name (as the API server does). */
function manager(url: URL, req: IncomingMessage): string {
  return url.searchParams.get('fieldManager') || (req.headers['user-agent'] ?? 'unknown').split('/')[0] || 'unknown';
}

function dryRun(url: URL): boolean {
  return url.searchParams.getAll('dryRun').includes('All');
}

function create(sandbox: Sandbox, r: Route, url: URL, req: IncomingMessage, body: string): Reply {
  const input = parseBody(body);
  if (r.type.namespaced) input.metadata = { ...(input.metadata ?? {}), namespace: input.metadata?.namespace ?? r.namespace };
  const obj = sandbox.kube.create(input, { namespace: r.namespace, dryRun: dryRun(url), fieldManager: manager(url, req) });
  return { body: obj, code: 201 };
}

function update(sandbox: Sandbox, r: Route, url: URL, req: IncomingMessage, body: string): Reply {
  const input = parseBody(body);
  if (r.subresource === 'status') {
    const live = sandbox.kube.get(r.type.kind, r.name!, r.namespace);
    return { body: sandbox.kube.updateStatus(r.type.kind, r.name!, r.namespace, input.status ?? live.status) };
  }
  if (r.subresource) throw new HttpError(404, 'NotFound', 'the server could not find the requested resource');
  return { body: sandbox.kube.update(input, { namespace: r.namespace, dryRun: dryRun(url), fieldManager: manager(url, req) }) };
}

function patch(sandbox: Sandbox, r: Route, url: URL, req: IncomingMessage, body: string): Reply {
  const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim();
  const type = PATCH_TYPES[contentType];
  if (!type)
    throw new HttpError(
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json`,
    );
  if (type === 'apply') {
    const input = parseBody(body, true);
    const applyManager = url.searchParams.get('fieldManager') ?? '';
    if (!applyManager) throw new HttpError(400, 'BadRequest', 'PATCH /apply requires a non-empty fieldManager');
    const result = sandbox.kube.serverSideApply(input, {
      namespace: r.namespace,
      dryRun: dryRun(url),
      fieldManager: applyManager,
      force: url.searchParams.get('force') === 'true',
    });
    return { body: result.object, code: result.created ? 201 : 200 };
  }
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (e) {
    throw new HttpError(400, 'BadRequest', `error decoding patch: ${(e as Error).message}`);
  }
  if (r.subresource === 'status') {
    const live = sandbox.kube.get(r.type.kind, r.name!, r.namespace);
    const next = sandbox.kube.previewPatch(live, doc, type);
    return { body: sandbox.kube.updateStatus(r.type.kind, r.name!, r.namespace, next.status) };
  }
  if (r.subresource) throw new HttpError(404, 'NotFound', 'the server could not find the requested resource');
  return { body: sandbox.kube.patch(r.type.kind, r.name!, r.namespace, doc, type, { dryRun: dryRun(url), fieldManager: manager(url, req) }) };
}

function remove(sandbox: Sandbox, r: Route, url: URL, body: string): Reply {
  let policy = url.searchParams.get('propagationPolicy') ?? undefined;
  if (body) {
    try {
      policy = (JSON.parse(body) as { propagationPolicy?: string }).propagationPolicy ?? policy;
    } catch {
      // DeleteOptions are optional.
    }
  }
  if (!r.name) throw new HttpError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
  const obj = sandbox.kube.delete(r.type.kind, r.name, r.namespace, { propagationPolicy: policy as 'Background' | 'Foreground' | 'Orphan' | undefined });
  return { body: obj };
}

function afterWrite(sandbox: Sandbox, reply: Reply): Reply {
  const warnings = sandbox.kube.takeWarnings();
  return warnings.length ? { ...reply, warnings } : reply;
}

/** metav1.Status for an error, with the details kubectl reads (Invalid causes, NotFound name). */
function statusOf(err: unknown): Record<string, unknown> {
  const base = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure' };
  if (err instanceof HttpError) return { ...base, message: err.message, reason: err.reason, ...(err.details ? { details: err.details } : {}), code: err.code };
  if (err instanceof ApiError) {
    const details: Record<string, unknown> = {};
    const invalid = /^The (\S+) "((?:[^"\\]|\\.)*)" is invalid/.exec(err.message);
    const named = /^(?:[a-z.0-9-]+) "((?:[^"\\]|\\.)*)"/.exec(err.message);
    let message = err.message;
    if (invalid) {
      const [kind, group] = splitKind(invalid[1]);
      Object.assign(details, { name: JSON.parse(`"${invalid[2]}"`), ...(group ? { group } : {}), kind });
      // The server's own message names the qualified kind without "The" (kubectl adds it).
      message = message.replace(/^The /, '');
      details.causes = err.causes.map((c) => ({ reason: causeReason(c.message), message: c.message, field: c.field }));
    } else if (named) {
      details.name = JSON.parse(`"${named[1]}"`);
      const resource = /^([a-z0-9-]+)(?:\.([a-z0-9.-]+))? "/.exec(err.message);
      if (resource) Object.assign(details, resource[2] ? { group: resource[2] } : {}, { kind: resource[1] });
    }
    return { ...base, message, reason: err.reason, ...(Object.keys(details).length ? { details } : {}), code: err.code };
  }
  if (err instanceof NoKindMatchError) return { ...base, message: err.message, reason: 'NotFound', code: 404 };
  const message = err instanceof Error ? err.message : String(err);
  return { ...base, message: `Internal error occurred: ${message}`, reason: 'InternalError', code: 500 };
}

function splitKind(qualified: string): [string, string] {
  const i = qualified.indexOf('.');
  return i < 0 ? [qualified, ''] : [qualified.slice(0, i), qualified.slice(i + 1)];
}

function causeReason(message: string): string {
  if (message.startsWith('Required value')) return 'FieldValueRequired';
  if (message.startsWith('Unsupported value')) return 'FieldValueNotSupported';
  if (message.startsWith('Duplicate value')) return 'FieldValueDuplicate';
  if (message.startsWith('Forbidden')) return 'FieldValueForbidden';
  if (message.startsWith('Too long')) return 'FieldValueTooLong';
  if (message.startsWith('Not found')) return 'FieldValueNotFound';
  return 'FieldValueInvalid';
}
