/**
 * The simulated kube-apiserver: one in-memory object store for every kind, with the request
 * pipeline of the real server (decode strictly → default → validate → allocate → persist →
 * notify watchers). CLIs and controllers use only this class.
 *
 * Reads (`get`, `list`) return deep copies, so callers can never corrupt stored state; hot
 * controller paths use `peek`/`scan` (live, read-only by contract) to stay fast at 1,000+ objects.
 */
import type { VirtualClock } from '../clock';
import type { SeededRandom } from '../random';
import { type ApplyResult, applyManifest } from './apply';
import { apiVersionOf, Discovery, type ResourceType } from './discovery';
import { ApiError, alreadyExists, conflict, type FieldCause, invalid, notFound } from './errors';
import { matches, parseSelector, type Requirement } from './labels';
import { nextManagedFields } from './managed-fields';
import { utf8Length, validateMetadataMaps, validateName } from './names-validation';
import { applyPatch, type PatchType } from './patch';
import { checkDecoding } from './schema-check';
import { byNamespaceName, copyData, deepEqual, deepEqualExceptRv, hasSpec, parseFieldSelector, specChanged } from './store-helpers';
import type { KindStrategy, StrategyContext } from './strategy';
import type { KubeObject, KubeObjectInput, WatchEvent, WatchHandler } from './types';

export { deepEqual };

export interface ListOptions {
  /** Omit for all namespaces. */
  namespace?: string;
  /** `app=web,tier!=db` or parsed requirements. */
  labelSelector?: string | Requirement[];
  /** Only `metadata.name=x` / `metadata.namespace=y` (kubectl --field-selector basics). */
  fieldSelector?: string;
}

export interface WriteOptions {
  /** Namespace for namespaced objects that do not name one (kubectl's -n / context namespace). */
  namespace?: string;
  /** Validate and default but do not persist (`--dry-run=server`). */
  dryRun?: boolean;
  /**
   * Who writes (`kubectl-client-side-apply`, `kubectl-patch` …): recorded in
   * metadata.managedFields. Writes without a manager (the simulator's own) are not tracked.
   */
  fieldManager?: string;
  /** Server-side apply: the applied configuration, whose fields become the manager's set. */
  applied?: Record<string, unknown>;
}

export interface DeleteOptions {
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
}

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

export { LAST_APPLIED };

export class KubeStore {
  readonly discovery: Discovery;
  private objects = new Map<string, Map<string, KubeObject>>();
  private byOwner = new Map<string, Set<KubeObject>>();
  private strategies = new Map<string, KindStrategy>();
  private watchers = new Map<string, Set<WatchHandler>>();
  private rv = 1000;
  private worldVersion = 0;
  private warnings: string[] = [];
  private readonly ctx: StrategyContext;

  constructor(
    readonly clock: VirtualClock,
    readonly random: SeededRandom,
    discovery: Discovery = new Discovery(),
  ) {
    this.discovery = discovery;
    this.ctx = { clock, random, peek: (k, n, ns) => this.peek(k, n, ns) };
  }

  /** Installs the API-server rules for one kind (see strategies/). */
  registerStrategy(kind: string, strategy: KindStrategy): void {
    this.strategies.set(kind, strategy);
  }

  /** A kind's rules, for a cloud add-on to wrap (the AWS Load Balancer Controller's mutating webhook). */
  strategyOf(kind: string): KindStrategy | undefined {
    return this.strategies.get(kind);
  }

  /**
   * Increases on every write except Events: `settle()` uses it to tell "a retry could now
   * succeed" from "nothing changed since the last failure".
   */
  get version(): number {
    return this.worldVersion;
  }

  /** The store's current resourceVersion (a List's `metadata.resourceVersion`). */
  get resourceVersion(): string {
    return String(this.rv);
  }

  /**
   * Warnings of the writes since the last call (`Warning: spec.loadBalancerIP: …` headers of
   * the API server), handed over once: kubectl prints them to stderr.
   */
  takeWarnings(): string[] {
    const w = this.warnings;
    this.warnings = [];
    return w;
  }

  // ---------------------------------------------------------------- reads

  /** Deep copy of one object. Throws ApiError NotFound (`services "x" not found`). */
  get(kind: string, name: string, namespace?: string): KubeObject {
    const obj = this.peek(kind, name, namespace);
    if (!obj) throw notFound(qualifiedPlural(this.typeOf(kind)), name);
    return structuredClone(obj);
  }

  tryGet(kind: string, name: string, namespace?: string): KubeObject | undefined {
    const obj = this.peek(kind, name, namespace);
    return obj && structuredClone(obj);
  }

  /** The live stored object. Never mutate it: write through update/patch/updateStatus. */
  peek(kind: string, name: string, namespace?: string): KubeObject | undefined {
    const type = this.discovery.forKind(kind);
    return this.objects.get(kind)?.get(key(type?.namespaced ? (namespace ?? 'default') : undefined, name));
  }

  /** Deep copies, sorted by namespace then name (the order kubectl prints). */
  list(kind: string, opts: ListOptions = {}): KubeObject[] {
    return this.select(kind, opts).map((o) => structuredClone(o));
  }

  /** Live objects (read-only by contract), sorted like `list`. */
  select(kind: string, opts: ListOptions = {}): KubeObject[] {
    const reqs = typeof opts.labelSelector === 'string' ? parseSelector(opts.labelSelector) : opts.labelSelector;
    const fields = parseFieldSelector(opts.fieldSelector);
    const out: KubeObject[] = [];
    for (const obj of this.objects.get(kind)?.values() ?? []) {
      if (opts.namespace !== undefined && obj.metadata.namespace !== opts.namespace) continue;
      if (reqs && !matches(reqs, obj.metadata.labels)) continue;
      if (fields && !fields(obj)) continue;
      out.push(obj);
    }
    return out.sort(byNamespaceName);
  }

  /** Live objects of a kind in insertion order, no sorting or copying (controller hot path). */
  scan(kind: string): IterableIterator<KubeObject> {
    return (this.objects.get(kind) ?? new Map<string, KubeObject>()).values();
  }

  count(kind: string): number {
    return this.objects.get(kind)?.size ?? 0;
  }

  /** Live objects whose ownerReferences name this UID (garbage-collector index). */
  ownedBy(uid: string): KubeObject[] {
    return [...(this.byOwner.get(uid) ?? [])];
  }

  // ---------------------------------------------------------------- writes

  /** POST. Throws ApiError (AlreadyExists, Invalid, BadRequest, NotFound namespace) or NoKindMatchError. */
  create(input: KubeObjectInput, opts: WriteOptions = {}): KubeObject {
    const type = this.discovery.forManifest(String(input.apiVersion ?? ''), String(input.kind ?? ''));
    checkRequestSize(input);
    const obj = dropNulls(copyData(input)) as KubeObject;
    obj.metadata = { ...(obj.metadata ?? {}) } as KubeObject['metadata'];
    withoutManagedFields(obj);
    const unsupported = checkDecoding(obj, String(input.apiVersion), type.kind);
    obj.apiVersion = apiVersionOf(type);
    const meta = obj.metadata;
    if (type.namespaced) meta.namespace = meta.namespace ?? opts.namespace ?? 'default';
    else delete meta.namespace;
    if (!meta.name && meta.generateName) meta.name = meta.generateName + this.random.kubeSuffix(5);
    const strategy = this.strategies.get(type.kind) ?? {};
    const nameErrors = validateName(meta.name ?? '', strategy.nameRule ?? 'dns1123-subdomain');
    if (nameErrors.length) throw invalid(type.kind, meta.name ?? '', nameErrors);
    if (type.namespaced) this.assertNamespaceWritable(meta.namespace!);
    if (this.peek(type.kind, meta.name, meta.namespace)) throw alreadyExists(qualifiedPlural(type), meta.name);
    // Kinds with a status sub-resource start with an empty status whatever the client sent.
    if (STATUS_SUBRESOURCE.has(type.kind)) delete obj.status;
    strategy.defaults?.(obj, undefined, this.ctx);
    const causes = withUnsupported([...validateMetadataMaps(meta), ...(strategy.validate?.(obj, undefined, this.ctx) ?? [])], unsupported);
    if (causes.length) throw invalid(type.kind, meta.name, causes);
    this.warnings.push(...(strategy.warnings?.(obj, undefined) ?? []));
    delete (meta as { managedFields?: unknown }).managedFields;
    if (opts.fieldManager)
      (meta as { managedFields?: unknown }).managedFields = nextManagedFields(undefined, obj, opts.fieldManager, this.clock.nowIso(), opts.applied);
    if (opts.dryRun) return obj;
    strategy.allocate?.(obj, undefined, this.ctx);
    meta.uid = this.random.uuid();
    meta.creationTimestamp = this.clock.nowIso();
    meta.generation = hasSpec(obj) ? 1 : meta.generation;
    if (meta.generation === undefined) delete meta.generation;
    delete meta.deletionTimestamp;
    this.persist(type, obj, undefined);
    return copyData(obj);
  }

  /**
   * PUT of a whole object (kubectl replace, controllers). If `metadata.resourceVersion` is set
   * it must match (optimistic concurrency → Conflict).
   */
  update(input: KubeObjectInput, opts: WriteOptions = {}): KubeObject {
    const type = this.discovery.forManifest(String(input.apiVersion ?? ''), String(input.kind ?? ''));
    const ns = type.namespaced ? (input.metadata?.namespace ?? opts.namespace ?? 'default') : undefined;
    const name = input.metadata?.name ?? '';
    const old = this.peek(type.kind, name, ns);
    if (!old) throw notFound(qualifiedPlural(type), name);
    if (input.metadata?.resourceVersion && input.metadata.resourceVersion !== old.metadata.resourceVersion) {
      throw conflict(qualifiedPlural(type), name);
    }
    checkRequestSize(input);
    const obj = withoutManagedFields(structuredClone(input) as KubeObject);
    const unsupported = checkDecoding(obj, String(input.apiVersion), type.kind);
    return this.replace(type, obj, old, opts, unsupported);
  }

  /** PATCH: `merge` (RFC 7386), `strategic` (lists of named items merged by name), or `json` (RFC 6902). */
  patch(kind: string, name: string, namespace: string | undefined, patch: unknown, patchType: PatchType = 'strategic', opts: WriteOptions = {}): KubeObject {
    const type = this.typeOf(kind);
    const old = this.peek(kind, name, type.namespaced ? (namespace ?? 'default') : undefined);
    if (!old) throw notFound(qualifiedPlural(type), name);
    const next = applyPatch(structuredClone(old), patch, patchType) as KubeObject;
    withoutManagedFields(next);
    const unsupported = checkDecoding(next, old.apiVersion, kind);
    return this.replace(type, next, old, opts, unsupported);
  }

  /**
   * Status subresource write (controllers): no generation bump, no spec validation. The store
   * takes `status` as is (no copy: controllers pass fresh objects and never mutate them later).
   */
  updateStatus(kind: string, name: string, namespace: string | undefined, status: unknown): KubeObject {
    const type = this.typeOf(kind);
    const old = this.peek(kind, name, type.namespaced ? (namespace ?? 'default') : undefined);
    if (!old) throw notFound(qualifiedPlural(type), name);
    if (deepEqual(old.status, status)) return old;
    const obj = { ...old, status, metadata: { ...old.metadata } } as KubeObject;
    this.persist(type, obj, old);
    return obj;
  }

  /**
   * Metadata-only write by a controller (finalizers): no decoding or spec validation (the
   * object is already stored), no generation bump, like the server's handling of a metadata
   * patch. Removing the last finalizer of an object being deleted deletes it. Returns the live object.
   */
  updateMetadata(
    kind: string,
    name: string,
    namespace: string | undefined,
    edit: (meta: KubeObject['metadata']) => KubeObject['metadata'],
  ): KubeObject | undefined {
    const type = this.typeOf(kind);
    const old = this.peek(kind, name, type.namespaced ? (namespace ?? 'default') : undefined);
    if (!old) throw notFound(qualifiedPlural(type), name);
    const meta = edit({ ...old.metadata });
    if (deepEqual({ ...meta, resourceVersion: '' }, { ...old.metadata, resourceVersion: '' })) return old;
    const obj = { ...old, metadata: meta } as KubeObject;
    if (meta.deletionTimestamp && !meta.finalizers?.length) {
      this.remove(type, obj, {});
      return undefined;
    }
    this.persist(type, obj, old);
    return obj;
  }

  /** The object a patch would give, without writing it (`/status` patches take only its status). */
  previewPatch(live: KubeObject, patch: unknown, patchType: PatchType): KubeObject {
    return applyPatch(structuredClone(live), patch, patchType) as KubeObject;
  }

  /**
   * Server-side apply (`kubectl apply --server-side`), simplified: no conflict detection; the applied configuration is merged into the live object like a
   * strategic merge patch. It never writes the last-applied annotation (only client-side apply does).
   */
  serverSideApply(input: KubeObjectInput, opts: WriteOptions & { fieldManager?: string; force?: boolean } = {}): { object: KubeObject; created: boolean } {
    const type = this.discovery.forManifest(String(input.apiVersion ?? ''), String(input.kind ?? ''));
    const ns = type.namespaced ? (input.metadata?.namespace ?? opts.namespace ?? 'default') : undefined;
    const live = this.peek(type.kind, input.metadata?.name ?? '', ns);
    const applied = input as Record<string, unknown>;
    if (!live) return { object: this.create(input, { ...opts, applied }), created: true };
    const { apiVersion: _a, kind: _k, ...rest } = input;
    return { object: this.patch(type.kind, live.metadata.name, ns, rest, 'strategic', { ...opts, applied }), created: false };
  }

  /** Client-side `kubectl apply` semantics (last-applied annotation, three-way merge). */
  apply(input: KubeObjectInput, opts: WriteOptions = {}): ApplyResult {
    return applyManifest(this, input, opts);
  }

  /**
   * DELETE. Objects with finalizers get a deletionTimestamp and stay until the last finalizer
   * is removed (a LoadBalancer Service waits for the service controller). Dependents (by
   * ownerReference) are deleted too unless propagationPolicy is Orphan.
   */
  delete(kind: string, name: string, namespace?: string, opts: DeleteOptions = {}): KubeObject {
    const type = this.typeOf(kind);
    const ns = type.namespaced ? (namespace ?? 'default') : undefined;
    const old = this.peek(kind, name, ns);
    if (!old) throw notFound(qualifiedPlural(type), name);
    if (kind === 'Namespace') {
      // The NamespaceLifecycle admission plugin protects the system namespaces.
      if (IMMORTAL_NAMESPACES.has(name)) throw new ApiError('Forbidden', `namespaces "${name}" is forbidden: this namespace may not be deleted`);
      // Namespaces go Terminating; the namespace controller empties them and then removes them.
      if (old.metadata.deletionTimestamp) return structuredClone(old);
      const obj = {
        ...old,
        metadata: { ...old.metadata, deletionTimestamp: this.clock.nowIso() },
        status: { ...(old.status as object), phase: 'Terminating' },
      };
      this.persist(type, obj, old);
      return structuredClone(obj);
    }
    if (old.metadata.finalizers?.length) {
      if (old.metadata.deletionTimestamp) return structuredClone(old);
      const obj = { ...old, metadata: { ...old.metadata, deletionTimestamp: this.clock.nowIso(), deletionGracePeriodSeconds: 0 } };
      if (obj.metadata.generation !== undefined) obj.metadata.generation++;
      this.persist(type, obj, old);
      return structuredClone(obj);
    }
    this.remove(type, old, opts);
    return structuredClone(old);
  }

  /** Subscribes to changes of one kind (or '*'). Handlers run synchronously: enqueue, don't reconcile inline. */
  watch(kind: string, handler: WatchHandler): () => void {
    const set = this.watchers.get(kind) ?? new Set();
    set.add(handler);
    this.watchers.set(kind, set);
    return () => set.delete(handler);
  }

  /**
   * Writes an object exactly as given, bypassing decoding/validation (bootstrap of cluster
   * objects, Events). Fills uid/resourceVersion/creationTimestamp if missing.
   */
  putSystem(obj: KubeObject): KubeObject {
    const type = this.typeOf(obj.kind);
    const old = this.peek(obj.kind, obj.metadata.name, obj.metadata.namespace);
    obj.metadata.uid = obj.metadata.uid || old?.metadata.uid || this.random.uuid();
    obj.metadata.creationTimestamp = obj.metadata.creationTimestamp || old?.metadata.creationTimestamp || this.clock.nowIso();
    this.persist(type, obj, old);
    return obj;
  }

  // ---------------------------------------------------------------- internals

  private replace(type: ResourceType, obj: KubeObject, old: KubeObject, opts: WriteOptions, unsupported: FieldCause[] = []): KubeObject {
    dropNulls(obj);
    const meta = (obj.metadata = { ...(obj.metadata ?? {}) } as KubeObject['metadata']);
    meta.name = old.metadata.name;
    if (type.namespaced) meta.namespace = old.metadata.namespace;
    meta.uid = old.metadata.uid;
    meta.creationTimestamp = old.metadata.creationTimestamp;
    if (old.metadata.deletionTimestamp) meta.deletionTimestamp = old.metadata.deletionTimestamp;
    obj.apiVersion = old.apiVersion;
    obj.kind = old.kind;
    // The main resource ignores status changes where a status sub-resource exists (as upstream's
    // PrepareForUpdate does); elsewhere a PUT without status keeps it.
    if (STATUS_SUBRESOURCE.has(type.kind) || (obj.status === undefined && old.status !== undefined)) {
      if (old.status === undefined) delete obj.status;
      else obj.status = structuredClone(old.status);
    }
    const strategy = this.strategies.get(type.kind) ?? {};
    strategy.defaults?.(obj, old, this.ctx);
    const causes = withUnsupported([...validateMetadataMaps(meta), ...(strategy.validate?.(obj, old, this.ctx) ?? [])], unsupported);
    if (causes.length) throw invalid(type.kind, meta.name, causes);
    this.warnings.push(...(strategy.warnings?.(obj, old) ?? []));
    if (opts.dryRun) return obj;
    if (old.metadata.generation !== undefined) {
      meta.generation = specChanged(old, obj) ? old.metadata.generation + 1 : old.metadata.generation;
    }
    // Clients cannot write managedFields here: they are the server's record of the writes.
    const previous = (old.metadata as { managedFields?: unknown }).managedFields;
    if (previous === undefined) delete (meta as { managedFields?: unknown }).managedFields;
    else (meta as { managedFields?: unknown }).managedFields = previous;
    if (deepEqualExceptRv(old, obj)) return structuredClone(old);
    if (opts.fieldManager)
      (meta as { managedFields?: unknown }).managedFields = nextManagedFields(old, obj, opts.fieldManager, this.clock.nowIso(), opts.applied);
    strategy.allocate?.(obj, old, this.ctx);
    if (meta.deletionTimestamp && !meta.finalizers?.length) {
      this.remove(type, obj, {});
      return structuredClone(obj);
    }
    this.persist(type, obj, old);
    return structuredClone(obj);
  }

  private persist(type: ResourceType, obj: KubeObject, old: KubeObject | undefined): void {
    obj.metadata.resourceVersion = String(++this.rv);
    if (type.kind !== 'Event') this.worldVersion++;
    let bucket = this.objects.get(type.kind);
    if (!bucket) this.objects.set(type.kind, (bucket = new Map()));
    bucket.set(key(obj.metadata.namespace, obj.metadata.name), obj);
    if (old) this.unindexOwners(old);
    this.indexOwners(obj);
    this.emit({ type: old ? 'MODIFIED' : 'ADDED', object: obj, old });
  }

  private remove(type: ResourceType, obj: KubeObject, opts: DeleteOptions): void {
    const bucket = this.objects.get(type.kind);
    const current = bucket?.get(key(obj.metadata.namespace, obj.metadata.name));
    if (!bucket || !current) return;
    bucket.delete(key(obj.metadata.namespace, obj.metadata.name));
    this.unindexOwners(current);
    if (type.kind !== 'Event') this.worldVersion++;
    this.rv++;
    this.strategies.get(type.kind)?.release?.(current, this.ctx);
    this.emit({ type: 'DELETED', object: current, old: current });
    if (opts.propagationPolicy !== 'Orphan') {
      for (const child of this.ownedBy(current.metadata.uid)) {
        if (this.peek(child.kind, child.metadata.name, child.metadata.namespace) === child) {
          this.delete(child.kind, child.metadata.name, child.metadata.namespace, opts);
        }
      }
    }
  }

  /** Live objects in one namespace, every kind (the namespace controller's view). */
  namespaceContents(ns: string): KubeObject[] {
    const out: KubeObject[] = [];
    for (const bucket of this.objects.values()) for (const obj of bucket.values()) if (obj.metadata.namespace === ns) out.push(obj);
    return out;
  }

  /** Removes a Terminating namespace once the namespace controller has emptied it. */
  finalizeNamespace(name: string): void {
    const type = this.typeOf('Namespace');
    const ns = this.peek('Namespace', name);
    if (ns?.metadata.deletionTimestamp) this.remove(type, ns, {});
  }

  private assertNamespaceWritable(ns: string): void {
    const nsObj = this.peek('Namespace', ns);
    if (!nsObj) throw notFound('namespaces', ns);
    if (nsObj.metadata.deletionTimestamp) {
      throw new ApiError('Forbidden', `namespaces "${ns}" is forbidden: unable to create new content in namespace ${ns} because it is being terminated`);
    }
  }

  private typeOf(kind: string): ResourceType {
    const type = this.discovery.forKind(kind);
    if (!type) throw new ApiError('NotFound', `the server could not find the requested resource (kind ${kind})`);
    return type;
  }

  private indexOwners(obj: KubeObject): void {
    for (const ref of obj.metadata.ownerReferences ?? []) {
      let set = this.byOwner.get(ref.uid);
      if (!set) this.byOwner.set(ref.uid, (set = new Set()));
      set.add(obj);
    }
  }

  private unindexOwners(obj: KubeObject): void {
    for (const ref of obj.metadata.ownerReferences ?? []) this.byOwner.get(ref.uid)?.delete(obj);
  }

  private emit(event: WatchEvent): void {
    for (const h of this.watchers.get(event.object.kind) ?? []) h(event);
    for (const h of this.watchers.get('*') ?? []) h(event);
  }
}

/**
 * Go's JSON decoder leaves a field at its zero value (or nil) for `null`: `loadBalancerIP: null`
 * is an unset field, not a value for validation to trip over. Only object members go; list items
 * stay (they decode to zero values in place).
 */
function dropNulls<T>(value: T): T {
  if (Array.isArray(value)) for (const item of value) dropNulls(item);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      if (o[k] === null) delete o[k];
      else if (typeof o[k] === 'object') dropNulls(o[k]);
    }
  }
  return value;
}

/**
 * managedFields are the server's record (replaced on every tracked write); their FieldsV1 keys
 * are not fields of the kind, so they never go through strict decoding.
 */
function withoutManagedFields(obj: KubeObject): KubeObject {
  if (obj.metadata && typeof obj.metadata === 'object') delete (obj.metadata as { managedFields?: unknown }).managedFields;
  return obj;
}

/** kube-apiserver's MaxRequestBodyBytes (3 MiB): bigger bodies are refused before decoding. */
export const MAX_REQUEST_BYTES = 3 * 1024 * 1024;

function checkRequestSize(input: KubeObjectInput): void {
  const json = JSON.stringify(input);
  // Only a body with more than 3 Mi characters can have more than 3 MiB: skip the count otherwise.
  if (json.length * 3 > MAX_REQUEST_BYTES && utf8Length(json) > MAX_REQUEST_BYTES) {
    throw new ApiError('RequestEntityTooLarge', `Request entity too large: limit is ${MAX_REQUEST_BYTES}`);
  }
}

function key(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

/** `services`, or `deployments.apps` for grouped kinds (the server's qualified resource in messages). */
export function qualifiedPlural(type: ResourceType): string {
  return type.group ? `${type.plural}.${type.group}` : type.plural;
}

/** Kinds whose status is written only through their `/status` sub-resource (controllers: updateStatus). */
const STATUS_SUBRESOURCE = new Set([
  'Service',
  'Pod',
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'Node',
  'Ingress',
  'PersistentVolumeClaim',
  'PersistentVolume',
  'HorizontalPodAutoscaler',
  'PodDisruptionBudget',
  'ReplicationController',
]);

const IMMORTAL_NAMESPACES = new Set(['default', 'kube-system', 'kube-public']);

/** Enum failures found while decoding that the kind's own validation did not already report. */
function withUnsupported(causes: FieldCause[], unsupported: FieldCause[]): FieldCause[] {
  const extra = unsupported.filter((u) => !causes.some((c) => c.field === u.field));
  return extra.length ? [...causes, ...extra] : causes;
}
