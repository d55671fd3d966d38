import { siteStorage } from '../site/storage';

/**
 * The lab's saved bits (editor draft, terminal history) as JSON in the site's storage, which never
 * throws on reads and reports failed writes to the page's storage notice. A value that does not
 * parse or fails the check is treated as absent, after a copy is set aside under `<key>:backup`
 * (once), so the next save does not destroy something a newer version of the site may have written.
 */
export function readJson<T>(key: string, check: (v: unknown) => v is T): T | undefined {
  const storage = siteStorage();
  const raw = storage.getItem(key);
  if (raw === null) return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    if (check(value)) return value;
  } catch {
    // not JSON: set aside below
  }
  try {
    if (storage.getItem(`${key}:backup`) === null) storage.setItem(`${key}:backup`, raw);
  } catch {
    // storage full: the unreadable value stays where it is until a save replaces it
  }
  return undefined;
}

export function writeJson(key: string, value: unknown): boolean {
  try {
    siteStorage().setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

/** Forgets a saved value (the lab's reset); never throws. */
export function forget(key: string): void {
  siteStorage().removeItem(key);
}

export const isString = (v: unknown): v is string => typeof v === 'string';
export const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

export const labKey = (labId: string, what: 'draft' | 'history' | 'state') => `eil:lab:${labId}:${what}`;
