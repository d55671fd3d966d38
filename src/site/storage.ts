/**
 * The one way the site reaches localStorage. Storage can be disabled (reading `window.localStorage`
 * throws), full (setItem throws QuotaExceededError) or hold anything at all; none of that may break
 * a page. This module:
 * - falls back to storage in memory when localStorage cannot be reached, so the page keeps working
 *   and remembers for as long as it is open;
 * - notes the first problem of the page load (`storageProblem`) for the one notice that tells the
 *   learner (StorageNotice.astro), however many writes fail after it;
 * - still throws from setItem after noting a failed write, so callers that must know whether a
 *   write landed (the progress store's backup before it removes anything) can tell.
 */

export type StorageProblem = 'blocked' | 'full';

type Listener = (problem: StorageProblem) => void;

let problem: StorageProblem | null = null;
const listeners = new Set<Listener>();

function report(p: StorageProblem): void {
  if (problem) return;
  problem = p;
  for (const fn of listeners) fn(p);
}

/** The first storage problem of this page load, if any. */
export function storageProblem(): StorageProblem | null {
  return problem;
}

/** Calls `fn` once with the page's first storage problem: now if there already was one. */
export function onStorageProblem(fn: Listener): () => void {
  if (problem) {
    fn(problem);
    return () => {};
  }
  const once: Listener = (p) => {
    listeners.delete(once);
    fn(p);
  };
  listeners.add(once);
  return () => listeners.delete(once);
}

// Older Firefox named it differently; every other browser says QuotaExceededError.
const isQuota = (e: unknown) => e instanceof DOMException && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED');

/** Storage kept in memory: what the page uses when the browser gives it none. */
export function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

/** Wraps a real Storage so that failures are noted; reads that fail answer "nothing stored". */
export function reportingStorage(inner: Storage): Storage {
  return {
    get length() {
      try {
        return inner.length;
      } catch {
        return 0;
      }
    },
    clear() {
      try {
        inner.clear();
      } catch {
        report('blocked');
      }
    },
    getItem(k) {
      try {
        return inner.getItem(k);
      } catch {
        report('blocked');
        return null;
      }
    },
    key(i) {
      try {
        return inner.key(i);
      } catch {
        return null;
      }
    },
    removeItem(k) {
      try {
        inner.removeItem(k);
      } catch {
        report('blocked');
      }
    },
    setItem(k, v) {
      try {
        inner.setItem(k, v);
      } catch (e) {
        report(isQuota(e) ? 'full' : 'blocked');
        throw e;
      }
    },
  };
}

let shared: Storage | undefined;

/** The page's storage: localStorage behind the reporting wrapper, or memory if it is blocked. */
export function siteStorage(): Storage {
  if (!shared) {
    try {
      const ls = window.localStorage;
      // Some browsers hand out the object and only throw on first use.
      void ls.length;
      shared = reportingStorage(ls);
    } catch {
      report('blocked');
      shared = memoryStorage();
    }
  }
  return shared;
}

/** For tests: forget the page's storage and its problem, as a new page load would. */
export function resetSiteStorage(): void {
  shared = undefined;
  problem = null;
  listeners.clear();
}
