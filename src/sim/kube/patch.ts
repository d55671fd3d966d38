/** PATCH bodies: JSON merge patch, a strategic-merge approximation, and JSON patch. */
import { ApiError } from './errors';

export type PatchType = 'merge' | 'strategic' | 'json';

/** Keys by which strategic merge patch merges lists of objects (patchMergeKey in the Go types). */
const MERGE_KEYS: Record<string, string[]> = {
  containers: ['name'],
  initContainers: ['name'],
  env: ['name'],
  volumes: ['name'],
  volumeMounts: ['mountPath'],
  ports: ['port', 'containerPort'],
  imagePullSecrets: ['name'],
};

/** The merge key for a list field, if every item of both lists carries it. */
export function mergeKeyFor(field: string, ...lists: unknown[][]): string | undefined {
  return MERGE_KEYS[field]?.find((k) => lists.every((l) => l.every((x) => isObj(x) && (x[k] !== undefined || x.$patch !== undefined))));
}

export function applyPatch(target: unknown, patch: unknown, type: PatchType): unknown {
  if (type === 'json') return jsonPatch(target, patch);
  return mergePatch(target, patch, type === 'strategic', '');
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function mergePatch(target: unknown, patch: unknown, strategic: boolean, field: string): unknown {
  if (!isObj(patch)) {
    const mk = strategic && Array.isArray(patch) && Array.isArray(target) ? mergeKeyFor(field, target, patch) : undefined;
    if (mk) return mergeList(target as unknown[], patch as unknown[], mk);
    return structuredCloneSafe(patch);
  }
  const out: Record<string, unknown> = isObj(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (strategic && k === '$patch') continue;
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v, strategic, k);
  }
  return out;
}

function mergeList(target: unknown[], patch: unknown[], mergeKey: string): unknown[] {
  const out = [...target];
  for (const item of patch) {
    if (!isObj(item) || item[mergeKey] === undefined) {
      out.push(item);
      continue;
    }
    const i = out.findIndex((x) => isObj(x) && x[mergeKey] === item[mergeKey]);
    if (item.$patch === 'delete') {
      if (i >= 0) out.splice(i, 1);
    } else if (i >= 0) out[i] = mergePatch(out[i], item, true, '');
    else out.push(item);
  }
  // Strategic merge keeps the patch's order for listed items (what $setElementOrder does).
  const order = patch.filter((x) => isObj(x) && x.$patch !== 'delete').map((x) => (x as Record<string, unknown>)[mergeKey]);
  out.sort((a, b) => rank(order, a, mergeKey) - rank(order, b, mergeKey));
  return out;
}

function rank(order: unknown[], item: unknown, key: string): number {
  const i = order.indexOf((item as Record<string, unknown>)[key]);
  return i < 0 ? order.length : i;
}

function structuredCloneSafe(v: unknown): unknown {
  return v === undefined ? undefined : structuredClone(v);
}

interface JsonOp {
  op: string;
  path: string;
  value?: unknown;
  from?: string;
}

function jsonPatch(target: unknown, patch: unknown): unknown {
  if (!Array.isArray(patch)) throw new ApiError('BadRequest', 'json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  let doc = structuredClone(target);
  for (const op of patch as JsonOp[]) {
    const parts = op.path.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = parts.pop()!;
    let parent: unknown = doc;
    for (const p of parts) {
      parent = (parent as Record<string, unknown>)?.[p];
      if (parent === undefined) throw new ApiError('Invalid', `doc is missing path: "${op.path}": missing value`);
    }
    const container = parent as Record<string, unknown> & unknown[];
    switch (op.op) {
      case 'add':
        if (Array.isArray(container)) container.splice(last === '-' ? container.length : Number(last), 0, op.value);
        else (container as Record<string, unknown>)[last] = op.value;
        break;
      case 'replace':
        if (!(last in container)) throw new ApiError('Invalid', `the server rejected our request due to an error in our request`);
        (container as Record<string, unknown>)[last] = op.value;
        break;
      case 'remove':
        if (Array.isArray(container)) container.splice(Number(last), 1);
        else delete container[last];
        break;
      case 'test':
        if (JSON.stringify(container[last as never]) !== JSON.stringify(op.value)) throw new ApiError('Invalid', 'testing value failed');
        break;
      default:
        throw new ApiError('BadRequest', `Unexpected kind: ${op.op}`);
    }
    doc = doc ?? container;
  }
  return doc;
}
