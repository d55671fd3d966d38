/**
 * Strategic merge patch as kube-apiserver applies it and as kubectl computes it for a
 * client-side apply (apimachinery `strategicpatch`): lists of objects merge by their patch merge
 * key, primitive lists with the merge strategy are unions, everything else is replaced. The
 * directives: `$patch` (replace / delete / merge), `$setElementOrder/<list>`,
 * `$retainKeys`, `$deleteFromPrimitiveList/<list>`.
 *
 * The patch metadata (merge keys, strategies) of the Go types is looked up by field path, for
 * the fields of the kinds the lab serves.
 */
import { ApiError } from './errors';

type Obj = Record<string, unknown>;

export interface FieldMeta {
  /** Lists of objects: the key items are matched by. */
  mergeKey?: string;
  /** `merge`: merge lists (by key, or as a set of primitives); otherwise the list is replaced. */
  merge?: boolean;
  /** Maps whose unlisted keys are cleared (`$retainKeys`): Deployment `spec.strategy`, volumes. */
  retainKeys?: boolean;
}

const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers']);

/** Patch metadata of the field `path` (names only, list indices left out). */
export function fieldMeta(path: readonly string[]): FieldMeta {
  const field = path[path.length - 1];
  const parent = path[path.length - 2];
  switch (field) {
    case 'containers':
    case 'initContainers':
    case 'ephemeralContainers':
    case 'imagePullSecrets':
    case 'resourceClaims':
    case 'env':
      return { mergeKey: 'name', merge: true };
    case 'volumes':
      return { mergeKey: 'name', merge: true, retainKeys: true };
    case 'volumeMounts':
      return { mergeKey: 'mountPath', merge: true };
    case 'volumeDevices':
      return { mergeKey: 'devicePath', merge: true };
    case 'ports':
      if (CONTAINER_LISTS.has(parent)) return { mergeKey: 'containerPort', merge: true };
      if (path.length === 2 && parent === 'spec') return { mergeKey: 'port', merge: true };
      return {};
    case 'hostAliases':
      return { mergeKey: 'ip', merge: true };
    case 'topologySpreadConstraints':
      return { mergeKey: 'topologyKey', merge: true };
    case 'conditions':
      return { mergeKey: 'type', merge: true };
    case 'ownerReferences':
      return { mergeKey: 'uid', merge: true };
    case 'finalizers':
      return parent === 'metadata' ? { merge: true } : {};
    case 'strategy':
    case 'updateStrategy':
      return path.length === 2 ? { retainKeys: true } : {};
    default:
      return {};
  }
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const clone = <T>(v: T): T => (v === undefined ? v : structuredClone(v));

const ORDER = '$setElementOrder/';
const DELETE_FROM = '$deleteFromPrimitiveList/';

// ------------------------------------------------------------------ applying a patch (server)

/** Applies a strategic merge patch to `target` (not mutated). */
export function strategicMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObj(patch)) throw new ApiError('BadRequest', 'json: cannot unmarshal array into Go value of type map[string]interface {}');
  return mergeMap(isObj(target) ? target : {}, patch, []);
}

function mergeMap(target: Obj, patch: Obj, path: string[]): Obj | undefined {
  const directive = patch.$patch;
  if (directive === 'delete') return undefined;
  if (directive === 'replace') {
    const { $patch: _p, ...rest } = patch;
    return clone(stripDirectives(rest)) as Obj;
  }
  if (directive !== undefined && directive !== 'merge') throw new ApiError('BadRequest', `Unknown patch type: ${String(directive)}`);
  const out: Obj = { ...target };
  for (const [k, v] of Object.entries(patch)) {
    if (k === '$patch' || k === '$retainKeys' || k.startsWith(ORDER)) continue;
    if (k.startsWith(DELETE_FROM)) {
      const field = k.slice(DELETE_FROM.length);
      const drop = new Set((Array.isArray(v) ? v : []).map((x) => JSON.stringify(x)));
      if (Array.isArray(out[field])) out[field] = (out[field] as unknown[]).filter((x) => !drop.has(JSON.stringify(x)));
      continue;
    }
    if (v === null) {
      delete out[k];
      continue;
    }
    const childPath = [...path, k];
    if (isObj(v)) {
      const merged = mergeMap(isObj(out[k]) ? (out[k] as Obj) : {}, v, childPath);
      if (merged === undefined) delete out[k];
      else out[k] = merged;
    } else if (Array.isArray(v)) {
      out[k] = mergeList(Array.isArray(out[k]) ? (out[k] as unknown[]) : [], v, childPath, patch[ORDER + k]);
    } else out[k] = v;
  }
  // `$setElementOrder` for a list the patch does not otherwise touch only reorders it.
  for (const [k, order] of Object.entries(patch)) {
    if (!k.startsWith(ORDER)) continue;
    const field = k.slice(ORDER.length);
    if (field in patch || !Array.isArray(out[field]) || !Array.isArray(order)) continue;
    out[field] = applyOrder(out[field] as unknown[], [], order, fieldMeta([...path, field]).mergeKey);
  }
  if (Array.isArray(patch.$retainKeys)) {
    const keep = new Set(patch.$retainKeys.map(String));
    for (const k of Object.keys(out)) if (!keep.has(k)) delete out[k];
  }
  return out;
}

function mergeList(target: unknown[], patch: unknown[], path: string[], order: unknown): unknown[] {
  const meta = fieldMeta(path);
  // `[{"$patch": "replace"}, …items]` replaces the whole list.
  const replace = patch.some((x) => isObj(x) && x.$patch === 'replace' && Object.keys(x).length === 1);
  if (replace) return clone(patch.filter((x) => !(isObj(x) && x.$patch === 'replace')).map(stripDirectives));
  if (!meta.merge) return clone(patch.map(stripDirectives));
  if (!meta.mergeKey) {
    // A set of primitives (finalizers): union, patch order for the items it names.
    const out = [...target];
    for (const item of patch) if (!out.some((x) => JSON.stringify(x) === JSON.stringify(item))) out.push(item);
    return Array.isArray(order) ? applyOrder(out, patch, order, undefined) : out;
  }
  const key = meta.mergeKey;
  const out = [...target];
  const touched: unknown[] = [];
  for (const item of patch) {
    if (!isObj(item)) throw new ApiError('BadRequest', `map: ${JSON.stringify(item)} does not contain declared merge key: ${key}`);
    if (item[key] === undefined) {
      throw new ApiError('BadRequest', `map: ${goValue(item)} does not contain declared merge key: ${key}`);
    }
    const i = out.findIndex((x) => isObj(x) && x[key] === item[key]);
    if (item.$patch === 'delete') {
      if (i >= 0) out.splice(i, 1);
      continue;
    }
    const merged = mergeMap(i >= 0 && isObj(out[i]) ? (out[i] as Obj) : {}, item, path);
    if (merged === undefined) {
      if (i >= 0) out.splice(i, 1);
      continue;
    }
    if (i >= 0) out[i] = merged;
    else out.push(merged);
    touched.push(merged);
  }
  return Array.isArray(order) ? applyOrder(out, touched, order, key) : out;
}

/**
 * `$setElementOrder`: items the order names come in that order; items only the server has keep
 * their place relative to them (apimachinery's mergeSortedSlice by server index).
 */
function applyOrder(items: unknown[], _patched: unknown[], order: unknown[], key: string | undefined): unknown[] {
  const id = (x: unknown) => JSON.stringify(key && isObj(x) ? x[key] : x);
  const wanted = order.map(id);
  const inOrder = wanted.map((w) => items.find((x) => id(x) === w)).filter((x) => x !== undefined);
  const serverOnly = items.filter((x) => !wanted.includes(id(x)));
  const serverIndex = (x: unknown) => items.indexOf(x);
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < inOrder.length && j < serverOnly.length) {
    if (serverIndex(inOrder[i]) < serverIndex(serverOnly[j])) out.push(inOrder[i++]);
    else out.push(serverOnly[j++]);
  }
  return [...out, ...inOrder.slice(i), ...serverOnly.slice(j)];
}

function stripDirectives(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripDirectives);
  if (!isObj(v)) return v;
  const out: Obj = {};
  for (const [k, x] of Object.entries(v)) if (!k.startsWith('$')) out[k] = stripDirectives(x);
  return out;
}

// ------------------------------------------------------------------ computing a patch (kubectl apply)

/**
 * kubectl's CreateThreeWayMergePatch: what turns `current` into `modified`, plus deletions of
 * what `original` (the last-applied configuration) had and `modified` no longer has. Fields
 * only the server set (nodePorts, clusterIP, defaults) are left alone. `{}` means unchanged.
 */
export function threeWayMergePatch(original: Obj | undefined, modified: Obj, current: Obj): Obj {
  const deletions = original ? diffMaps(original, modified, [], 'deletions') : {};
  const delta = diffMaps(current, modified, [], 'changes');
  return combine(deletions, delta, []);
}

type DiffMode = 'changes' | 'deletions';

function diffMaps(from: Obj, to: Obj, path: string[], mode: DiffMode): Obj {
  const patch: Obj = {};
  for (const [k, v] of Object.entries(to)) {
    const f = from[k];
    const childPath = [...path, k];
    if (mode === 'changes' && !(k in from)) {
      patch[k] = clone(v);
      continue;
    }
    if (isObj(v) && isObj(f)) {
      const sub = diffMaps(f, v, childPath, mode);
      if (Object.keys(sub).length) {
        if (fieldMeta(childPath).retainKeys && mode === 'changes') sub.$retainKeys = Object.keys(v).sort();
        patch[k] = sub;
      }
    } else if (Array.isArray(v) && Array.isArray(f)) {
      diffLists(f, v, childPath, mode, patch, k);
    } else if (mode === 'changes' && JSON.stringify(f) !== JSON.stringify(v)) {
      patch[k] = clone(v);
    }
  }
  if (mode === 'deletions') for (const k of Object.keys(from)) if (!(k in to)) patch[k] = null;
  return patch;
}

function diffLists(from: unknown[], to: unknown[], path: string[], mode: DiffMode, patch: Obj, k: string): void {
  const meta = fieldMeta(path);
  const key = meta.mergeKey;
  const keyed = meta.merge && key && [...from, ...to].every((x) => isObj(x) && x[key] !== undefined);
  if (!keyed) {
    if (meta.merge && !key && [...from, ...to].every((x) => !isObj(x) && !Array.isArray(x))) {
      // Primitive set: additions are sent as a list, deletions as $deleteFromPrimitiveList.
      const has = (list: unknown[], x: unknown) => list.some((y) => JSON.stringify(y) === JSON.stringify(x));
      if (mode === 'changes') {
        const added = to.filter((x) => !has(from, x));
        if (added.length || JSON.stringify(from.filter((x) => has(to, x))) !== JSON.stringify(to.filter((x) => has(from, x)))) {
          patch[k] = clone(to);
          patch[ORDER + k] = clone(to);
        }
      } else {
        const removed = from.filter((x) => !has(to, x));
        if (removed.length) patch[DELETE_FROM + k] = clone(removed);
      }
      return;
    }
    if (mode === 'changes' && JSON.stringify(from) !== JSON.stringify(to)) patch[k] = clone(to);
    return;
  }
  const byKey = (list: unknown[], value: unknown) => list.find((x) => (x as Obj)[key!] === value) as Obj | undefined;
  const items: unknown[] = [];
  if (mode === 'changes') {
    for (const item of to as Obj[]) {
      const old = byKey(from, item[key!]);
      if (!old) items.push(clone(item));
      else {
        const sub = diffMaps(old, item, path, mode);
        if (Object.keys(sub).length) items.push({ ...sub, [key!]: item[key!] });
      }
    }
  } else {
    for (const old of from as Obj[]) {
      const item = byKey(to, old[key!]);
      if (!item) items.push({ [key!]: old[key!], $patch: 'delete' });
      else {
        const sub = diffMaps(old, item, path, mode);
        if (Object.keys(sub).length) items.push({ ...sub, [key!]: old[key!] });
      }
    }
  }
  const sameOrder = JSON.stringify(commonKeys(from, to, key!)) === JSON.stringify(commonKeys(to, from, key!));
  if (items.length) patch[k] = items;
  if (items.length || (mode === 'changes' && !sameOrder)) patch[ORDER + k] = (to as Obj[]).map((x) => ({ [key!]: x[key!] }));
}

function commonKeys(a: unknown[], b: unknown[], key: string): unknown[] {
  const inB = new Set(b.map((x) => JSON.stringify((x as Obj)[key])));
  return a.map((x) => JSON.stringify((x as Obj)[key])).filter((x) => inB.has(x));
}

/** Merges the deletions patch and the changes patch into one (lists item by item). */
function combine(a: Obj, b: Obj, path: string[]): Obj {
  const out: Obj = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const x = out[k];
    if (isObj(x) && isObj(v)) out[k] = combine(x, v, [...path, k]);
    else if (Array.isArray(x) && Array.isArray(v) && fieldMeta([...path, k]).mergeKey && !k.startsWith('$')) {
      const key = fieldMeta([...path, k]).mergeKey!;
      const merged = [...(v as Obj[])];
      for (const item of x as Obj[]) {
        const i = merged.findIndex((m) => m[key] === item[key]);
        if (i >= 0) merged[i] = combine(merged[i], item, [...path, k]);
        else merged.push(item);
      }
      out[k] = merged;
    } else out[k] = v;
  }
  return out;
}

/**
 * A decoded JSON value as Go's `%v` prints it in the API server's message: `map[k:v …]` with the
 * keys sorted (fmt sorts map keys), slices as `[a b]`, null as `<nil>`.
 */
function goValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`;
  if (typeof v === 'object')
    return `map[${Object.keys(v)
      .sort()
      .map((k) => `${k}:${goValue((v as Record<string, unknown>)[k])}`)
      .join(' ')}]`;
  return String(v);
}
