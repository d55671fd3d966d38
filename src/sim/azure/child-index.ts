/**
 * Incremental bookkeeping for big child lists (an LB's frontends, rules and probes hold one entry
 * per service: thousands in the bench). Arrays stay the stored ARM shape, and entries are
 * immutable by contract, so a write that changes one service's entries can record *what* it
 * changed. With that delta:
 *  - `childIndex(array)` moves the index of the base array to the new array in O(changes)
 *    instead of rebuilding it from every entry (a rebuild per service made 1,000 services
 *    quadratic);
 *  - `deltaBetween(old, new)` tells ARM-side bookkeeping (PIP ↔ frontend links) what changed.
 * Arrays not built here (az, AKS, `structuredClone` views) fall back to a full O(n) scan once.
 */

export interface Delta<T> {
  removed: readonly T[];
  added: readonly T[];
}

interface Recorded<T> extends Delta<T> {
  base: readonly T[];
}

const deltas = new WeakMap<readonly object[], Recorded<object>>();

export interface EditOps<T> {
  /** Entries to drop (by identity). */
  remove?: readonly T[];
  /** [old, new] pairs: `new` takes `old`'s position. */
  replace?: readonly (readonly [T, T])[];
  /** Entries appended at the end, in order. */
  append?: readonly T[];
}

/** A new array = `base` with the edits applied; the delta is remembered for indexes and links. */
export function edit<T extends object>(base: readonly T[], ops: EditOps<T>): T[] {
  const remove = ops.remove ?? [];
  const replace = ops.replace ?? [];
  const append = ops.append ?? [];
  let out: T[];
  if (!remove.length && !replace.length) {
    // The common case (a new service's entries): one exact-size copy.
    out = base.concat(append);
  } else if (remove.length > 8) {
    const gone = new Set(remove);
    out = base.filter((x) => !gone.has(x));
  } else {
    out = base.slice();
    // indexOf is a plain pointer scan: cheap even on thousands of entries.
    for (const x of remove) {
      const i = out.indexOf(x);
      if (i >= 0) out.splice(i, 1);
    }
  }
  const removed: T[] = [...remove];
  const added: T[] = [];
  for (const [old, neu] of replace) {
    const i = out.indexOf(old);
    if (i < 0) continue;
    out[i] = neu;
    removed.push(old);
    added.push(neu);
  }
  if (remove.length || replace.length) for (const x of append) out.push(x);
  added.push(...append);
  deltas.set(out, { base, removed, added } as Recorded<object>);
  // Keep chains one link long: otherwise every version of the list stays reachable through
  // its successor's record (a leak of all history). By now `base` was indexed and linked.
  deltas.delete(base);
  return out;
}

/** What changed between two versions of a list (recorded delta, else an identity diff). */
export function deltaBetween<T extends object>(before: readonly T[] | undefined, after: readonly T[] | undefined): Delta<T> {
  const b = before ?? [];
  const a = after ?? [];
  if (b === a) return { removed: [], added: [] };
  const rec = deltas.get(a) as Recorded<T> | undefined;
  if (rec && rec.base === b) return rec;
  const inB = new Set(b);
  const inA = new Set(a);
  return { removed: b.filter((x) => !inA.has(x)), added: a.filter((x) => !inB.has(x)) };
}

/** A multimap from derived keys to entries (insertion order kept per key). */
export class MultiIndex<T> {
  private map = new Map<string, T[]>();

  constructor(private readonly keysOf: (item: T) => string[]) {}

  get(key: string): readonly T[] {
    return this.map.get(key) ?? [];
  }

  first(key: string): T | undefined {
    return this.map.get(key)?.[0];
  }

  add(item: T): void {
    for (const k of this.keysOf(item)) {
      const list = this.map.get(k);
      if (list) list.push(item);
      else this.map.set(k, [item]);
    }
  }

  remove(item: T): void {
    for (const k of this.keysOf(item)) {
      const list = this.map.get(k);
      if (!list) continue;
      const i = list.indexOf(item);
      if (i >= 0) list.splice(i, 1);
      if (!list.length) this.map.delete(k);
    }
  }
}

export interface LbChild {
  id: string;
  name: string;
  properties?: Record<string, unknown>;
}

const refId = (v: unknown) => (v as { id?: string } | undefined)?.id?.toLowerCase();

/**
 * Keys of an LB child: `p:` the 32-character service prefix of its name (ownership is
 * "name starts with the service's base name", always 32 characters), `n:` name,
 * `pip:` referenced public IP, `ip:` private IP, `f:` referenced frontend's name (rules).
 */
export function lbChildKeys(c: LbChild): string[] {
  const keys = [`p:${c.name.slice(0, 32).toLowerCase()}`, `n:${c.name.toLowerCase()}`];
  const p = c.properties ?? {};
  const pip = refId(p.publicIPAddress);
  if (pip) keys.push(`pip:${pip}`);
  if (typeof p.privateIPAddress === 'string') keys.push(`ip:${p.privateIPAddress}`);
  // Children of one LB: a frontend is identified by its name (ids only add the LB's path).
  const front = refId(p.frontendIPConfiguration);
  if (front) keys.push(`f:${front.slice(front.lastIndexOf('/') + 1)}`);
  return keys;
}

/** Index key of the frontend an id points at (see `f:` in lbChildKeys). */
export function frontKey(frontendId: string): string {
  return `f:${frontendId.slice(frontendId.lastIndexOf('/') + 1).toLowerCase()}`;
}

/** Index key of a child by name (case-insensitive, like ARM). */
export function nameKey(name: string): string {
  return `n:${name.toLowerCase()}`;
}

const indexes = new WeakMap<readonly object[], MultiIndex<LbChild>>();

/**
 * The index of one LB child list. Looking up an array built by `edit()` takes over its base's
 * index and applies the delta (the base is then re-indexed only if someone asks again).
 */
export function childIndex<T extends LbChild>(arr: readonly T[]): MultiIndex<T> {
  const cached = indexes.get(arr);
  if (cached) return cached as unknown as MultiIndex<T>;
  const rec = deltas.get(arr) as Recorded<T> | undefined;
  let idx = rec && (indexes.get(rec.base) as unknown as MultiIndex<T> | undefined);
  if (rec && idx) {
    indexes.delete(rec.base);
    for (const x of rec.removed) idx.remove(x);
    for (const x of rec.added) idx.add(x);
  } else {
    idx = new MultiIndex<T>(lbChildKeys);
    for (const x of arr) idx.add(x);
  }
  indexes.set(arr, idx as unknown as MultiIndex<LbChild>);
  return idx;
}
