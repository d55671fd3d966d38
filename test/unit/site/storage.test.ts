import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isString, isStringArray, labKey, readJson, writeJson } from '../../../src/lab/storage';
import { markRead } from '../../../src/learn/progress/actions';
import { BACKUP_KEY, createProgressStore, STORAGE_KEY } from '../../../src/learn/progress/store';
import { onStorageProblem, reportingStorage, resetSiteStorage, siteStorage, storageProblem } from '../../../src/site/storage';
import { memoryStorage } from '../../support/memory-storage';

/** Puts a `window` with the given localStorage behaviour in the Node test environment. */
function withWindow(localStorage: () => Storage) {
  vi.stubGlobal('window', {
    get localStorage() {
      return localStorage();
    },
  });
}

beforeEach(() => resetSiteStorage());
afterEach(() => {
  vi.unstubAllGlobals();
  resetSiteStorage();
});

describe('site storage', () => {
  it('a full storage: the write throws to its caller, the problem is "full", and listeners hear it once', () => {
    const storage = reportingStorage(memoryStorage({}, 10));
    const heard: string[] = [];
    onStorageProblem((p) => heard.push(p));
    expect(() => storage.setItem('eil:theme', 'dark but far too long')).toThrow(/quota/);
    expect(() => storage.setItem('eil:theme', 'again too long for it')).toThrow();
    expect(storageProblem()).toBe('full');
    expect(heard).toEqual(['full']);
    // A listener that comes late still hears about it, at once.
    const late: string[] = [];
    onStorageProblem((p) => late.push(p));
    expect(late).toEqual(['full']);
  });

  it('a storage whose calls throw SecurityError: reads answer "nothing", removes do not throw, the problem is "blocked"', () => {
    const denied = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    const storage = reportingStorage({ length: 0, clear: denied, getItem: denied, key: denied, removeItem: denied, setItem: denied });
    expect(storage.getItem('eil:progress')).toBeNull();
    expect(() => storage.removeItem('eil:progress')).not.toThrow();
    expect(() => storage.setItem('eil:progress', '{}')).toThrow();
    expect(storageProblem()).toBe('blocked');
  });

  it('localStorage that cannot even be reached: the page gets memory storage that works while it is open', () => {
    withWindow(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    const storage = siteStorage();
    expect(storageProblem()).toBe('blocked');
    storage.setItem('eil:theme', 'dark');
    expect(storage.getItem('eil:theme')).toBe('dark');
    expect(siteStorage()).toBe(storage);
  });

  it('a working localStorage is used as it is, and no problem is reported', () => {
    const real = memoryStorage();
    withWindow(() => real);
    siteStorage().setItem('eil:theme', 'light');
    expect(real.map.get('eil:theme')).toBe('light');
    expect(storageProblem()).toBeNull();
  });
});

describe('lab storage on top of it', () => {
  const draft = labKey('sandbox', 'draft');
  const history = labKey('sandbox', 'history');

  it('reads back what it wrote', () => {
    withWindow(() => memoryStorage());
    expect(writeJson(draft, 'kind: Service')).toBe(true);
    expect(readJson(draft, isString)).toBe('kind: Service');
  });

  it('unreadable or future-shaped values count as absent and are set aside once, never overwritten', () => {
    const real = memoryStorage({ [draft]: '{"v":9,"text":"from a newer site"}', [history]: 'not json' });
    withWindow(() => real);
    expect(readJson(draft, isString)).toBeUndefined();
    expect(readJson(history, isStringArray)).toBeUndefined();
    expect(real.map.get(`${draft}:backup`)).toBe('{"v":9,"text":"from a newer site"}');
    expect(real.map.get(`${history}:backup`)).toBe('not json');
    // A second bad value later does not replace the first backup.
    real.map.set(draft, '{"v":10}');
    expect(readJson(draft, isString)).toBeUndefined();
    expect(real.map.get(`${draft}:backup`)).toBe('{"v":9,"text":"from a newer site"}');
    expect(storageProblem()).toBeNull();
  });

  it('a full storage: writeJson says false instead of throwing, and the page learns it is full', () => {
    withWindow(() => memoryStorage({}, 20));
    expect(writeJson(draft, 'x'.repeat(100))).toBe(false);
    expect(storageProblem()).toBe('full');
  });
});

describe('progress on a full storage', () => {
  const future = JSON.stringify({ state: { lessons: { a: { read: true, extra: 'x'.repeat(200) } } }, version: 999 });

  it('future data that cannot be backed up is never overwritten, even by a write that would fit', () => {
    // Room for a small progress record, not for a second copy of the big future one.
    const real = memoryStorage({ [STORAGE_KEY]: future }, future.length + STORAGE_KEY.length + 120);
    const store = createProgressStore(reportingStorage(real));
    expect(store.getState().notice).toBe('future');
    markRead('where-does-external-ip-come-from', store);
    // Progress lives in memory for the page ...
    expect(store.getState().lessons['where-does-external-ip-come-from']?.read).toBe(true);
    // ... and the newer site's data is still there, untouched.
    expect(real.map.get(STORAGE_KEY)).toBe(future);
    expect(real.map.has(BACKUP_KEY)).toBe(false);
    expect(storageProblem()).toBe('full');
  });

  it('progress already saved stays saved when a new write does not fit', () => {
    const real = memoryStorage({}, 400);
    const store = createProgressStore(reportingStorage(real));
    markRead('lesson-a', store);
    const before = real.map.get(STORAGE_KEY);
    expect(JSON.parse(before!).state.lessons['lesson-a'].read).toBe(true);
    for (let i = 0; i < 20; i++) markRead(`a-lesson-with-a-long-name-${i}`, store);
    expect(storageProblem()).toBe('full');
    expect(Object.keys(store.getState().lessons)).toHaveLength(21);
    expect(JSON.parse(real.map.get(STORAGE_KEY)!).state.lessons['lesson-a'].read).toBe(true);
  });
});
