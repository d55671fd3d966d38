/**
 * `kubectl apply` (client-side): the last-applied-configuration annotation remembers what the
 * user applied, so a field removed from the manifest is removed from the object while fields
 * set by the server or controllers (clusterIP, nodePorts, status) are kept.
 */
import { NoKindMatchError } from './errors';
import { type KubeStore, LAST_APPLIED, type WriteOptions } from './store';
import { threeWayMergePatch } from './strategic-merge';
import type { KubeObject, KubeObjectInput } from './types';

export type ApplyAction = 'created' | 'configured' | 'unchanged';

export interface ApplyResult {
  object: KubeObject;
  action: ApplyAction;
}

export function applyManifest(store: KubeStore, given: KubeObjectInput, writeOptions: WriteOptions): ApplyResult {
  const opts = { fieldManager: 'kubectl-client-side-apply', ...writeOptions };
  const input = withAnnotationMap(given);
  const type = store.discovery.forManifest(String(input.apiVersion ?? ''), String(input.kind ?? ''));
  if (!type) throw new NoKindMatchError(String(input.kind), String(input.apiVersion));
  const ns = type.namespaced ? (input.metadata?.namespace ?? opts.namespace ?? 'default') : undefined;
  const annotation = stableStringify(lastAppliedOf(input, ns)) + '\n';
  // kubectl's "modified" object: the manifest (namespace filled in) carrying its own last-applied
  // copy. Shallow copies only (10,000-document applies): create() and patch() copy deeply.
  const meta = (input.metadata ?? {}) as Record<string, unknown>;
  const modified = {
    ...input,
    metadata: {
      ...meta,
      ...(ns !== undefined ? { namespace: ns } : {}),
      annotations: { ...((meta.annotations as Record<string, string> | undefined) ?? {}), [LAST_APPLIED]: annotation },
    },
  } as Record<string, unknown> & { metadata: Record<string, unknown> };
  const live = store.peek(type.kind, input.metadata?.name ?? '', ns);
  if (!live) return { object: store.create(modified as KubeObjectInput, opts), action: 'created' };
  const original = parseLastApplied(live.metadata.annotations?.[LAST_APPLIED]);
  const patch = threeWayMergePatch(original, modified, live as unknown as Record<string, unknown>);
  // kubectl sends nothing when the patch is empty and says "unchanged"; any patch is "configured".
  if (Object.keys(patch).length === 0) return { object: structuredClone(live), action: 'unchanged' };
  const updated = store.patch(type.kind, live.metadata.name, ns, patch, 'strategic', opts);
  return { object: updated, action: 'configured' };
}

/**
 * The last-applied-configuration kubectl writes: the manifest with its namespace and an
 * annotations map without the annotation itself (`"annotations":{}` when there are no others).
 */
function lastAppliedOf(input: KubeObjectInput, ns: string | undefined): unknown {
  const meta = input.metadata ?? {};
  const annotations = { ...(meta.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  return { ...input, metadata: { ...meta, annotations, ...(ns !== undefined ? { namespace: ns } : {}) } };
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

function parseLastApplied(text: string | undefined): Record<string, unknown> | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
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
