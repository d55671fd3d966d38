/**
 * localStorage that never throws: storage can be disabled, full, or hold someone else's garbage.
 * Values are JSON; a value that does not parse or fails the check is treated as absent.
 */
export function readJson<T>(key: string, check: (v: unknown) => v is T): T | undefined {
  try {
    const raw = localStorage.getItem(key);
    if (raw === null) return undefined;
    const value: unknown = JSON.parse(raw);
    return check(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function writeJson(key: string, value: unknown): boolean {
  try {
    localStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export const isString = (v: unknown): v is string => typeof v === 'string';
export const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

export const labKey = (labId: string, what: 'draft' | 'history') => `eil:lab:${labId}:${what}`;
