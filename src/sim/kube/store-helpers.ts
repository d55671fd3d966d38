/** Pure helpers of the object store: comparisons, sort order, field selectors. */
import type { KubeObject } from './types';

export function byNamespaceName(a: KubeObject, b: KubeObject): number {
  const an = a.metadata.namespace ?? '';
  const bn = b.metadata.namespace ?? '';
  if (an !== bn) return an < bn ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

export function hasSpec(obj: KubeObject): boolean {
  return obj.spec !== undefined;
}

export function specChanged(old: KubeObject, obj: KubeObject): boolean {
  for (const k of new Set([...Object.keys(old), ...Object.keys(obj)])) {
    if (k === 'metadata' || k === 'status' || k === 'apiVersion' || k === 'kind') continue;
    if (!deepEqual(old[k], obj[k])) return true;
  }
  return !!obj.metadata.deletionTimestamp && !old.metadata.deletionTimestamp;
}

export function deepEqualExceptRv(a: KubeObject, b: KubeObject): boolean {
  const am = { ...a.metadata, resourceVersion: '' };
  const bm = { ...b.metadata, resourceVersion: '' };
  return deepEqual({ ...a, metadata: am }, { ...b, metadata: bm });
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ak = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const bk = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ak.length !== bk.length) return false;
  for (const k of ak) if (!deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}

export function parseFieldSelector(sel: string | undefined): ((o: KubeObject) => boolean) | undefined {
  if (!sel) return undefined;
  const tests = sel.split(',').map((part) => {
    const m = part.match(/^([\w.]+)(!=|==|=)(.*)$/);
    if (!m) return () => true;
    const [, field, op, value] = m;
    return (o: KubeObject) => {
      let v: unknown = o;
      for (const p of field.split('.')) v = (v as Record<string, unknown> | undefined)?.[p];
      const eq = String(v ?? '') === value;
      return op === '!=' ? !eq : eq;
    };
  });
  return (o) => tests.every((t) => t(o));
}

/**
 * A deep copy of JSON-shaped data (what manifests and stored objects are): ~3× faster than
 * structuredClone on small objects, which showed in a 1,000-Service apply (issue 15). Anything
 * that is not a plain object, array or primitive is copied by structuredClone.
 */
export function copyData<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(copyData) as T;
  if (Object.getPrototypeOf(value) !== Object.prototype) return structuredClone(value);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value)) {
    const v = copyData((value as Record<string, unknown>)[k]);
    // A manifest may name a key "__proto__": keep it as data, as structuredClone does.
    if (k === '__proto__') Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    else out[k] = v;
  }
  return out as T;
}
