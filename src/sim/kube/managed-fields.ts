/**
 * `metadata.managedFields` as kube-apiserver keeps them (FieldsV1): which manager set which
 * field, by operation. Simplified: a client write (create, update, patch, apply) gives its
 * manager the fields it added or changed and takes them from the others; status writes by the
 * simulator's controllers are not tracked. `kubectl get -o yaml` hides them unless
 * `--show-managed-fields`.
 *
 * Field sets use the FieldsV1 keys: `f:<field>`, `k:{…}` for items of keyed lists (the list-map
 * keys of the Go types), `v:<json>` for items of sets, `.` for a map, list or item itself.
 */
import type { KubeObject } from './types';

export type FieldSet = { [key: string]: FieldSet };

export interface ManagedFieldsEntry {
  manager: string;
  operation: 'Update' | 'Apply';
  apiVersion: string;
  time: string;
  fieldsType: 'FieldsV1';
  fieldsV1: FieldSet;
  subresource?: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** List-map keys (`+listMapKey`) of the lists the lab's kinds use. */
function listKeys(path: readonly string[]): string[] | 'set' | undefined {
  const field = path[path.length - 1];
  const parent = path[path.length - 2];
  switch (field) {
    case 'ports':
      if (parent === 'containers' || parent === 'initContainers') return ['containerPort', 'protocol'];
      return path.length === 2 && parent === 'spec' ? ['port', 'protocol'] : undefined;
    case 'containers':
    case 'initContainers':
    case 'env':
    case 'volumes':
    case 'imagePullSecrets':
      return ['name'];
    case 'volumeMounts':
      return ['mountPath'];
    case 'conditions':
      return ['type'];
    case 'ownerReferences':
      return ['uid'];
    case 'finalizers':
      return parent === 'metadata' ? 'set' : undefined;
    default:
      return undefined;
  }
}

/** Maps (granular: one `f:` per key, plus `.`); atomic maps are leaves. */
const GRANULAR_MAPS = new Set(['labels', 'annotations', 'matchLabels', 'nodeSelector', 'data', 'binaryData', 'stringData']);
const ATOMIC = new Set(['selector']);
/** Server-set metadata that no manager owns. */
const UNTRACKED_META = new Set([
  'name',
  'namespace',
  'uid',
  'resourceVersion',
  'creationTimestamp',
  'generation',
  'managedFields',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'generateName',
  'selfLink',
]);

function valueFields(value: unknown, path: string[]): FieldSet {
  if (Array.isArray(value)) {
    const keys = listKeys(path);
    if (!keys) return {};
    const out: FieldSet = { '.': {} };
    for (const item of value) {
      if (keys === 'set') out[`v:${JSON.stringify(item)}`] = {};
      else if (isObj(item))
        out[`k:${JSON.stringify(Object.fromEntries(keys.filter((k) => item[k] !== undefined).map((k) => [k, item[k]])))}`] = {
          '.': {},
          ...structFields(item, path),
        };
    }
    return out;
  }
  if (!isObj(value) || isAtomicMap(path, value)) return {};
  return structFields(value, path);
}

function structFields(value: Obj, path: string[]): FieldSet {
  const out: FieldSet = GRANULAR_MAPS.has(path[path.length - 1]) ? { '.': {} } : {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined || k.startsWith('$')) continue;
    if (path.length === 1 && path[0] === 'metadata' && UNTRACKED_META.has(k)) continue;
    out[`f:${k}`] = valueFields(v, [...path, k]);
  }
  return out;
}

/** Service `spec.selector` is an atomic map; a workload's `spec.selector` is a LabelSelector struct. */
function isAtomicMap(path: string[], v: Obj): boolean {
  return ATOMIC.has(path[path.length - 1]) && path.length === 2 && path[0] === 'spec' && v.matchLabels === undefined && v.matchExpressions === undefined;
}

/** Every field of an object a manager can own (no apiVersion/kind/status, no server-set metadata). */
export function objectFields(obj: Obj): FieldSet {
  const out: FieldSet = {};
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'apiVersion' || k === 'kind' || k === 'status' || v === undefined) continue;
    const sub = valueFields(v, [k]);
    if (k === 'metadata' && !Object.keys(sub).length) continue;
    out[`f:${k}`] = sub;
  }
  return out;
}

/** Fields of `next` that are new or different from `old` (leaves and the containers they hang on). */
function changed(old: FieldSet, next: FieldSet, oldObj: unknown, nextObj: unknown): FieldSet {
  const out: FieldSet = {};
  for (const [k, sub] of Object.entries(next)) {
    if (k === '.') {
      if (!('.' in old)) out['.'] = {};
      continue;
    }
    const a = childValue(oldObj, k);
    const b = childValue(nextObj, k);
    if (!(k in old)) out[k] = sub;
    else if (Object.keys(sub).length === 0) {
      if (JSON.stringify(a) !== JSON.stringify(b)) out[k] = {};
    } else {
      const c = changed(old[k], sub, a, b);
      if (Object.keys(c).length) out[k] = c;
    }
  }
  return out;
}

function childValue(value: unknown, key: string): unknown {
  if (key.startsWith('f:') && isObj(value)) return value[key.slice(2)];
  if (key.startsWith('k:') && Array.isArray(value)) {
    const want = JSON.parse(key.slice(2)) as Obj;
    return value.find((x) => isObj(x) && Object.entries(want).every(([k, v]) => x[k] === v));
  }
  return undefined;
}

function union(a: FieldSet, b: FieldSet): FieldSet {
  const out: FieldSet = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = k in out ? union(out[k], v) : v;
  return out;
}

/** `a` without what `b` names (a leaf in `b` removes the whole subtree). */
function subtract(a: FieldSet, b: FieldSet): FieldSet {
  const out: FieldSet = {};
  for (const [k, v] of Object.entries(a)) {
    if (!(k in b)) out[k] = v;
    else if (Object.keys(b[k]).length && Object.keys(v).length) {
      const rest = subtract(v, b[k]);
      if (Object.keys(rest).length) out[k] = rest;
    }
  }
  return out;
}

/** `a` restricted to fields that still exist in `live`. */
function intersect(a: FieldSet, live: FieldSet): FieldSet {
  const out: FieldSet = {};
  for (const [k, v] of Object.entries(a)) {
    if (!(k in live)) continue;
    out[k] = Object.keys(v).length ? intersect(v, live[k]) : {};
  }
  return out;
}

/** Orders keys as the API server serialises FieldsV1 (sorted, `.` first). */
function sorted(set: FieldSet): FieldSet {
  const out: FieldSet = {};
  for (const k of Object.keys(set).sort()) out[k] = sorted(set[k]);
  return out;
}

/**
 * The managedFields after a write by `manager`. `old` is undefined on create; `applied` is the
 * configuration of a server-side apply (its fields become the manager's whole set).
 */
export function nextManagedFields(old: KubeObject | undefined, next: KubeObject, manager: string, time: string, applied?: Obj): ManagedFieldsEntry[] {
  const before = ((old?.metadata as { managedFields?: ManagedFieldsEntry[] } | undefined)?.managedFields ?? []).map((e) => ({ ...e }));
  const live = objectFields(next as unknown as Obj);
  const operation = applied ? 'Apply' : 'Update';
  const mine = applied ? intersect(objectFields(applied), live) : old ? changed(objectFields(old as unknown as Obj), live, old, next) : live;
  const out: ManagedFieldsEntry[] = [];
  let found = false;
  for (const e of before) {
    if (e.manager === manager && e.operation === operation && !e.subresource) {
      found = true;
      const fields = applied ? mine : intersect(union(e.fieldsV1, mine), live);
      if (Object.keys(fields).length) out.push({ ...e, time: Object.keys(mine).length ? time : e.time, apiVersion: next.apiVersion, fieldsV1: sorted(fields) });
      continue;
    }
    const rest = intersect(subtract(e.fieldsV1, mine), live);
    if (Object.keys(rest).length) out.push({ ...e, fieldsV1: sorted(rest) });
  }
  if (!found && Object.keys(mine).length) out.push({ manager, operation, apiVersion: next.apiVersion, time, fieldsType: 'FieldsV1', fieldsV1: sorted(mine) });
  return out;
}
