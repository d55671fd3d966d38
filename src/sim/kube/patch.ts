/** PATCH bodies: JSON merge patch, strategic merge patch (strategic-merge.ts), and JSON patch. */
import { ApiError } from './errors';
import { strategicMergePatch } from './strategic-merge';

export type PatchType = 'merge' | 'strategic' | 'json';

export function applyPatch(target: unknown, patch: unknown, type: PatchType): unknown {
  if (type === 'json') return jsonPatch(target, patch);
  if (type === 'strategic') return strategicMergePatch(target, patch);
  if (!isObj(patch)) throw new ApiError('BadRequest', 'json: cannot unmarshal array into Go value of type map[string]interface {}');
  return mergePatch(target, patch);
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** RFC 7386 JSON merge patch: maps merge, `null` deletes, everything else (lists too) replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObj(patch)) return patch === undefined ? undefined : structuredClone(patch);
  const out: Record<string, unknown> = isObj(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/** A Go type name as encoding/json names it in "cannot unmarshal X into …". */
function goJsonType(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  return typeof v;
}

/** A JSON pointer's parts, unescaped (RFC 6901). */
function pointerParts(path: string): string[] {
  return path
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * RFC 6902 JSON patch, as the API server applies it (evanphx/json-patch): each operation is
 * decoded before it is applied, and a missing or malformed field is an error worded as that
 * library words it, never a crash (a shell that ate the quotes of `-p '[{"op":…}]'` sends keys
 * such as `op:add`).
 */
function jsonPatch(target: unknown, patch: unknown): unknown {
  if (!Array.isArray(patch)) throw new ApiError('BadRequest', `json: cannot unmarshal ${goJsonType(patch)} into Go value of type jsonpatch.Patch`);
  for (const op of patch) {
    if (op !== null && !isObj(op)) throw new ApiError('BadRequest', `json: cannot unmarshal ${goJsonType(op)} into Go value of type jsonpatch.Operation`);
  }
  const doc = structuredClone(target);
  const at = (path: string, kind: string) => {
    const parts = pointerParts(path);
    const last = parts.pop();
    let parent: unknown = doc;
    for (const p of parts) {
      parent = (parent as Record<string, unknown> | null)?.[p];
      if (parent === undefined || parent === null || typeof parent !== 'object')
        throw new ApiError('Invalid', `${kind} operation does not apply: doc is missing path: "${path}": missing value`);
    }
    if (last === undefined) throw new ApiError('Invalid', `${kind} operation does not apply: doc is missing path: "${path}": missing value`);
    return { container: parent as Record<string, unknown>, last };
  };
  const field = (op: Record<string, unknown> | null, name: 'path' | 'from', kind: string) => {
    const v = op?.[name];
    if (typeof v !== 'string') throw new ApiError('Invalid', `${kind} operation failed to decode ${name}: missing value`);
    return v;
  };
  for (const raw of patch as (Record<string, unknown> | null)[]) {
    const kind = typeof raw?.op === 'string' ? raw.op : 'unknown';
    const remove = (path: string) => {
      const { container, last } = at(path, kind);
      if (!(last in container)) throw new ApiError('Invalid', `${kind} operation does not apply: doc is missing path: "${path}": missing value`);
      const value = container[last];
      if (Array.isArray(container)) container.splice(Number(last), 1);
      else delete container[last];
      return value;
    };
    const add = (path: string, value: unknown) => {
      const { container, last } = at(path, kind);
      if (Array.isArray(container)) container.splice(last === '-' ? container.length : Number(last), 0, value);
      else container[last] = value;
    };
    switch (kind) {
      case 'add':
        add(field(raw, 'path', kind), raw?.value);
        break;
      case 'replace': {
        const path = field(raw, 'path', kind);
        const { container, last } = at(path, kind);
        if (!(last in container)) throw new ApiError('Invalid', `replace operation does not apply: doc is missing key: ${path}: missing value`);
        container[last] = raw?.value;
        break;
      }
      case 'remove':
        remove(field(raw, 'path', kind));
        break;
      case 'move': {
        const from = field(raw, 'from', kind);
        add(field(raw, 'path', kind), remove(from));
        break;
      }
      case 'copy': {
        const from = field(raw, 'from', kind);
        const { container, last } = at(from, kind);
        if (!(last in container)) throw new ApiError('Invalid', `copy operation does not apply: doc is missing from path: ${from}: missing value`);
        add(field(raw, 'path', kind), structuredClone(container[last]));
        break;
      }
      case 'test': {
        const path = field(raw, 'path', kind);
        const { container, last } = at(path, kind);
        if (JSON.stringify(container[last]) !== JSON.stringify(raw?.value)) throw new ApiError('Invalid', 'testing value failed');
        break;
      }
      default:
        throw new ApiError('Invalid', `Unexpected kind: ${kind}`);
    }
  }
  return doc;
}
