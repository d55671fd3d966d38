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
    const parts = op.path
      .split('/')
      .slice(1)
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
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
