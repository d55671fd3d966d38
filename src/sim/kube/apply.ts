/**
 * `kubectl apply` (client-side): the last-applied-configuration annotation remembers what the
 * user applied, so a field removed from the manifest is removed from the object while fields
 * set by the server or controllers (clusterIP, nodePorts, status) are kept.
 */
import { NoKindMatchError } from './errors';
import { mergeKeyFor, mergePatch } from './patch';
import { LAST_APPLIED, deepEqual, type KubeStore, type WriteOptions } from './store';
import type { KubeObject, KubeObjectInput } from './types';

export type ApplyAction = 'created' | 'configured' | 'unchanged';

export interface ApplyResult {
  object: KubeObject;
  action: ApplyAction;
}

export function applyManifest(store: KubeStore, given: KubeObjectInput, opts: WriteOptions): ApplyResult {
  const input = withAnnotationMap(given);
  const type = store.discovery.forManifest(String(input.apiVersion ?? ''), String(input.kind ?? ''));
  if (!type) throw new NoKindMatchError(String(input.kind), String(input.apiVersion));
  const ns = type.namespaced ? input.metadata?.namespace ?? opts.namespace ?? 'default' : undefined;
  const modified = withoutLastApplied(input);
  const annotation = stableStringify(modified);
  const live = store.peek(type.kind, input.metadata?.name ?? '', ns);
  if (!live) {
    // Shallow: create() deep-copies its input.
    const metadata = { ...(input.metadata ?? {}) };
    metadata.annotations = { ...(metadata.annotations ?? {}), [LAST_APPLIED]: annotation + '\n' };
    const toCreate = { ...input, metadata } as KubeObjectInput;
    return { object: store.create(toCreate, opts), action: 'created' };
  }
  const original = parseLastApplied(live.metadata.annotations?.[LAST_APPLIED]);
  const patch = threeWay(original, modified as Record<string, unknown>, live as unknown as Record<string, unknown>);
  const withAnnotation = mergePatch(patch, { metadata: { annotations: { [LAST_APPLIED]: annotation + '\n' } } }, false, '');
  const next = mergePatch(structuredClone(live), withAnnotation, true, '') as KubeObject;
  if (deepEqual(stripVolatile(next), stripVolatile(live))) return { object: structuredClone(live), action: 'unchanged' };
  const updated = store.update({ ...next, metadata: { ...next.metadata, resourceVersion: undefined } } as KubeObjectInput, opts);
  const changed = updated.metadata.resourceVersion !== live.metadata.resourceVersion;
  return { object: updated, action: changed ? 'configured' : 'unchanged' };
}

/** Patch = set everything in `modified`, delete what was in `original` but no longer is. */
function threeWay(original: Record<string, unknown> | undefined, modified: Record<string, unknown>, live: Record<string, unknown>): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(modified)) {
    const o = original?.[k];
    const l = live?.[k];
    if (isObj(v) && isObj(l)) patch[k] = threeWay(isObj(o) ? o : undefined, v, l);
    else if (Array.isArray(v) && Array.isArray(o) && Array.isArray(l) && mergeKeyFor(k, v, o, l)) {
      // Items the user removed from a keyed list are deleted; items they keep merge with live.
      const mk = mergeKeyFor(k, v, o, l)!;
      const kept = new Set(v.map((x) => (x as Record<string, unknown>)[mk]));
      const removed = o.filter((x) => !kept.has((x as Record<string, unknown>)[mk]));
      patch[k] = [...v, ...removed.map((x) => ({ [mk]: (x as Record<string, unknown>)[mk], $patch: 'delete' }))];
    } else patch[k] = v;
  }
  for (const k of Object.keys(original ?? {})) if (!(k in modified)) patch[k] = null;
  return patch;
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * kubectl reads annotations through the unstructured accessor, which sees anything but a map as
 * none, and then writes the map back with last-applied in it: `annotations: 5` is replaced, not
 * sent (`kubectl create` sends it, and the server's decoding refuses it).
 */
function withAnnotationMap(input: KubeObjectInput): KubeObjectInput {
  const meta = input.metadata as unknown;
  if (!isObj(meta) || meta.annotations === undefined || isObj(meta.annotations)) return input;
  const { annotations: _dropped, ...rest } = meta;
  return { ...input, metadata: rest as KubeObjectInput['metadata'] };
}

/** The manifest without a last-applied annotation (a copy only when there is one to drop). */
function withoutLastApplied(input: KubeObjectInput): KubeObjectInput {
  const ann = input.metadata?.annotations;
  if (!ann || !(LAST_APPLIED in ann)) return input;
  const copy = structuredClone(input);
  delete copy.metadata!.annotations![LAST_APPLIED];
  if (Object.keys(copy.metadata!.annotations!).length === 0) delete copy.metadata!.annotations;
  return copy;
}

function parseLastApplied(text: string | undefined): Record<string, unknown> | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

function stripVolatile(o: KubeObject): unknown {
  return { ...o, metadata: { ...o.metadata, resourceVersion: '', generation: 0 } };
}

/** kubectl writes the annotation as compact JSON with keys in Go-struct-ish (sorted) order. */
export function stableStringify(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(',')}]`;
  if (isObj(v)) {
    return `{${Object.keys(v)
      .filter((k) => v[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify(v[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}
