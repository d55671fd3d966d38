import { describe, expect, it } from 'vitest';
import { markExercise, markRead, markVisited, quizScore, recordAnswer, resetProgress } from '../../../src/learn/progress/actions';
import { checkProgress, migrateProgress, PROGRESS_VERSION } from '../../../src/learn/progress/schema';
import { BACKUP_KEY, createProgressStore, STORAGE_KEY } from '../../../src/learn/progress/store';
import { memoryStorage } from '../../support/memory-storage';

const saved = (s: Storage) => JSON.parse(s.getItem(STORAGE_KEY)!);
const slug = 'where-does-external-ip-come-from';

describe('progress store', () => {
  it('starts empty, records progress and saves it under a version', () => {
    const storage = memoryStorage();
    const store = createProgressStore(storage);
    expect(store.getState().lessons).toEqual({});
    markVisited(slug, store);
    markRead(slug, store);
    markExercise(slug, 'expose-redis', true, store);
    recordAnswer(slug, 'q1', false, 3, store);
    recordAnswer(slug, 'q1', true, 3, store);
    recordAnswer(slug, 'q2', true, 3, store);
    expect(saved(storage).version).toBe(PROGRESS_VERSION);
    expect(saved(storage).state.notice).toBeUndefined();
    // The first check is the score; the later right answer shows only in `last`.
    expect(quizScore(store.getState().lessons[slug])).toEqual({ right: 1, answered: 2, total: 3 });
    const again = createProgressStore(storage);
    expect(again.getState().lessons[slug]).toMatchObject({ read: true, exercises: { 'expose-redis': true }, quiz: { last: { q1: true } } });
    expect(again.getState().last).toBe(slug);
    expect(again.getState().notice).toBeNull();
  });

  it('exercises can un-tick', () => {
    const store = createProgressStore(memoryStorage());
    markExercise(slug, 'e', true, store);
    markExercise(slug, 'e', false, store);
    expect(store.getState().lessons[slug]!.exercises).toEqual({ e: false });
  });

  it('reset empties everything', () => {
    const storage = memoryStorage();
    const store = createProgressStore(storage);
    markRead(slug, store);
    resetProgress(store);
    expect(createProgressStore(storage).getState().lessons).toEqual({});
  });

  it('migrates version 0 (flat lists) to the current shape', () => {
    const v0 = { read: [slug, 'BAD SLUG'], exercises: [`${slug}/expose-redis`, 'nonsense'], last: slug };
    expect(checkProgress(migrateProgress(v0, 0))).toEqual({
      data: { lessons: { [slug]: { read: true, exercises: { 'expose-redis': true } } }, last: slug },
      dropped: 0,
    });
    const storage = memoryStorage({ [STORAGE_KEY]: JSON.stringify({ state: v0, version: 0 }) });
    const store = createProgressStore(storage);
    expect(store.getState().lessons[slug]).toEqual({ read: true, exercises: { 'expose-redis': true } });
    expect(store.getState().notice).toBeNull();
    // Migrated data is written back in the current version.
    expect(saved(storage).version).toBe(PROGRESS_VERSION);
  });

  it.each([
    ['bad JSON', '{"state": {"lessons": '],
    ['wrong shape', JSON.stringify([1, 2, 3])],
    ['no version', JSON.stringify({ state: { lessons: {} } })],
  ])('%s: starts fresh, keeps the raw value aside, shows a notice', (_name, raw) => {
    const storage = memoryStorage({ [STORAGE_KEY]: raw });
    const store = createProgressStore(storage);
    expect(store.getState().notice).toBe('corrupt');
    expect(store.getState().lessons).toEqual({});
    expect(storage.getItem(BACKUP_KEY)).toBe(raw);
    // The next visit starts clean instead of warning again.
    expect(createProgressStore(storage).getState().notice).toBeNull();
  });

  it('a future version is set aside, never downgraded', () => {
    const raw = JSON.stringify({ state: { lessons: { [slug]: { read: true } }, badges: [] }, version: PROGRESS_VERSION + 1 });
    const storage = memoryStorage({ [STORAGE_KEY]: raw });
    const store = createProgressStore(storage);
    expect(store.getState().notice).toBe('future');
    expect(store.getState().lessons).toEqual({});
    expect(storage.getItem(BACKUP_KEY)).toBe(raw);
  });

  it('damaged pieces are dropped, the rest recovered, the original kept aside', () => {
    const raw = JSON.stringify({
      state: { lessons: { [slug]: { read: true, quiz: { total: 'x' } }, 'other-lesson': 'nope', __proto__x: {} } },
      version: PROGRESS_VERSION,
    });
    const storage = memoryStorage({ [STORAGE_KEY]: raw });
    const store = createProgressStore(storage);
    expect(store.getState().notice).toBe('recovered');
    expect(store.getState().lessons).toEqual({ [slug]: { read: true } });
    expect(storage.getItem(BACKUP_KEY)).toBe(raw);
  });

  it('a storage that refuses writes does not break anything', () => {
    const store = createProgressStore(memoryStorage({}, 0));
    expect(() => markRead(slug, store)).not.toThrow();
    expect(store.getState().lessons[slug]!.read).toBe(true);
  });

  it('keys like __proto__ never reach an object prototype', () => {
    const { data, dropped } = checkProgress(JSON.parse('{"lessons":{"__proto__":{"read":true}}}'));
    expect(dropped).toBe(1);
    expect(Object.getPrototypeOf(data.lessons)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).read).toBeUndefined();
  });
});
