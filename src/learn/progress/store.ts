import { type PersistStorage, persist, type StorageValue } from 'zustand/middleware';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { siteStorage } from '../../site/storage';
import { BACKUP_KEY, STORAGE_KEY } from './keys';
import { checkProgress, emptyProgress, migrateProgress, PROGRESS_VERSION, type ProgressData } from './schema';

export { BACKUP_KEY, STORAGE_KEY };

/**
 * Why the saved progress could not be used as it was: `corrupt` (not our JSON), `future` (written
 * by a newer version of the site), `recovered` (some pieces were bad and were dropped).
 */
export type Notice = 'corrupt' | 'future' | 'recovered';

export interface ProgressState extends ProgressData {
  /** Not saved: shown once on the page that found the problem. */
  notice: Notice | null;
}

/**
 * A zustand storage adapter that never throws and never loses data silently: anything it cannot
 * read is copied to BACKUP_KEY before the store starts fresh.
 */
function guardedStorage(storage: Storage, report: (n: Notice) => void): PersistStorage<ProgressData> & { setAside(n: Notice): void } {
  let lastRaw: string | null = null;
  /** Set when the original could not be copied aside: it must then never be overwritten. */
  let keepOriginal = false;
  const setAside = (notice: Notice) => {
    report(notice);
    if (lastRaw === null) return;
    try {
      storage.setItem(BACKUP_KEY, lastRaw);
      // Only once the copy is safe: the next visit then starts clean instead of warning again.
      if (notice !== 'recovered') storage.removeItem(STORAGE_KEY);
    } catch {
      // Storage full or blocked: the original stays where it is, and this page's progress lives in
      // memory only, or a small write that still fits would replace data a large backup could not save.
      keepOriginal = true;
    }
  };
  return {
    setAside,
    getItem(name) {
      try {
        lastRaw = storage.getItem(name);
      } catch {
        return null;
      }
      if (lastRaw === null) return null;
      let value: unknown;
      try {
        value = JSON.parse(lastRaw);
      } catch {
        setAside('corrupt');
        return null;
      }
      const v = value as Partial<StorageValue<unknown>> | null;
      if (typeof v !== 'object' || v === null || !Number.isInteger(v.version) || (v.version as number) < 0 || !('state' in v)) {
        setAside('corrupt');
        return null;
      }
      if ((v.version as number) > PROGRESS_VERSION) {
        // A newer site wrote this (e.g. the learner went back to an old copy): never downgrade it.
        setAside('future');
        return null;
      }
      return v as StorageValue<ProgressData>;
    },
    setItem(name, value) {
      if (keepOriginal) return;
      try {
        storage.setItem(name, JSON.stringify(value));
      } catch {
        /* full or blocked: progress lives for this page only */
      }
    },
    removeItem(name) {
      try {
        storage.removeItem(name);
      } catch {
        /* nothing to do */
      }
    },
  };
}

export type ProgressStore = StoreApi<ProgressState>;

/** One store over the given storage. Hydration is synchronous because localStorage is. */
export function createProgressStore(storage: Storage): ProgressStore {
  let found: Notice | null = null;
  const guarded = guardedStorage(storage, (n) => (found ??= n));
  const store = createStore<ProgressState>()(
    persist((): ProgressState => ({ ...emptyProgress(), notice: null }), {
      name: STORAGE_KEY,
      version: PROGRESS_VERSION,
      storage: guarded,
      partialize: ({ lessons, last }) => ({ lessons, ...(last ? { last } : {}) }),
      migrate: (state, version) => migrateProgress(state, version) as ProgressData,
      // Runs on every load, migrated or not: keep the good pieces, set the original aside if any were bad.
      merge: (persisted, current) => {
        if (persisted === undefined) return current;
        const { data, dropped } = checkProgress(persisted);
        if (dropped > 0) guarded.setAside('recovered');
        return { ...current, lessons: data.lessons, last: data.last };
      },
      onRehydrateStorage: () => (_state, error) => {
        if (error) guarded.setAside('corrupt');
      },
    }),
  );
  if (found) store.setState({ notice: found });
  return store;
}

let shared: ProgressStore | undefined;
/** The page's store, created on first use. */
export function progressStore(): ProgressStore {
  if (!shared) {
    // Blocked storage gives memory (progress lasts while the page is open), and a full one keeps
    // progress in the store's state: either way the page's storage notice tells the learner.
    shared = createProgressStore(siteStorage());
  }
  return shared;
}
