/**
 * The shape of saved progress, and the pure functions that upgrade and check it. No storage and
 * no zustand here, so every rule can be unit-tested on plain values.
 */

export const PROGRESS_VERSION = 1;

export interface QuizProgress {
  /** Questions in the quiz when it was last taken (the quiz may change between visits). */
  total: number;
  /** Right or wrong at the first check: this is the score. Written once per question. */
  first: Record<string, boolean>;
  /** Right or wrong at the latest check. */
  last: Record<string, boolean>;
}

export interface LessonProgress {
  read?: boolean;
  quiz?: QuizProgress;
  /** Exercise id → done. Exercises can un-tick, so `false` is kept, not deleted. */
  exercises?: Record<string, boolean>;
}

export interface ProgressData {
  lessons: Record<string, LessonProgress>;
  /** Slug of the lesson opened most recently: "continue where you left off". */
  last?: string;
}

/** Slugs and ids become object keys: the pattern also keeps out `__proto__` and friends. */
const KEY = /^[a-z0-9][a-z0-9-]{0,79}$/;
const MAX_LESSONS = 200;
const MAX_ITEMS = 200;

export const emptyProgress = (): ProgressData => ({ lessons: {} });

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Result of checking untrusted data: what could be kept, and how many pieces were thrown away. */
export interface Checked {
  data: ProgressData;
  dropped: number;
}

function boolMap(v: unknown, count: (n: number) => void): Record<string, boolean> | undefined {
  if (!isObject(v)) return (count(1), undefined);
  const out: Record<string, boolean> = {};
  let n = 0;
  for (const [k, b] of Object.entries(v)) {
    if (KEY.test(k) && typeof b === 'boolean' && n < MAX_ITEMS) (out[k] = b), n++;
    else count(1);
  }
  return out;
}

function lessonEntry(v: unknown, count: (n: number) => void): LessonProgress | undefined {
  if (!isObject(v)) return (count(1), undefined);
  const out: LessonProgress = {};
  for (const [k, x] of Object.entries(v)) {
    if (k === 'read' && typeof x === 'boolean') out.read = x;
    else if (k === 'exercises') {
      const m = boolMap(x, count);
      if (m) out.exercises = m;
    } else if (k === 'quiz' && isObject(x) && Number.isInteger(x.total) && (x.total as number) >= 0 && (x.total as number) <= MAX_ITEMS) {
      const first = boolMap(x.first, count);
      const last = boolMap(x.last, count);
      if (first && last) out.quiz = { total: x.total as number, first, last };
      if (Object.keys(x).some((key) => !['total', 'first', 'last'].includes(key))) count(1);
    } else count(1);
  }
  return out;
}

/**
 * Keeps every well-formed piece of `v` and counts what it had to drop. Stored data goes through
 * this leniently (keep what we can); an imported file must come through with nothing dropped.
 */
export function checkProgress(v: unknown): Checked {
  let dropped = 0;
  const count = (n: number) => void (dropped += n);
  const data = emptyProgress();
  if (!isObject(v)) return { data, dropped: 1 };
  let lessons = 0;
  if (isObject(v.lessons)) {
    for (const [slug, entry] of Object.entries(v.lessons)) {
      const e = KEY.test(slug) && lessons < MAX_LESSONS ? lessonEntry(entry, count) : (count(1), undefined);
      if (e) (data.lessons[slug] = e), lessons++;
    }
  } else count(1);
  if (typeof v.last === 'string' && KEY.test(v.last)) data.last = v.last;
  else if (v.last !== undefined) count(1);
  for (const k of Object.keys(v)) if (k !== 'lessons' && k !== 'last') count(1);
  return { data, dropped };
}

/**
 * Version 0 is what the first draft of the store wrote before it had a version (zustand records
 * that as version 0): flat lists instead of per-lesson entries, and no quizzes.
 *   { read: ['slug', …], exercises: ['slug/exercise-id', …], last?: 'slug' }
 */
function fromV0(v: unknown): unknown {
  if (!isObject(v)) return v;
  const lessons: Record<string, LessonProgress> = {};
  const entry = (slug: string) => (lessons[slug] ??= {});
  if (Array.isArray(v.read)) for (const s of v.read) if (typeof s === 'string' && KEY.test(s)) entry(s).read = true;
  if (Array.isArray(v.exercises)) {
    for (const pair of v.exercises) {
      const [slug, id] = typeof pair === 'string' ? pair.split('/') : [];
      if (slug && id && KEY.test(slug) && KEY.test(id)) (entry(slug).exercises ??= {})[id] = true;
    }
  }
  return { lessons, ...(typeof v.last === 'string' ? { last: v.last } : {}) };
}

/** Upgrades data written by an older version, one step at a time. Future versions are refused earlier. */
export function migrateProgress(state: unknown, version: number): unknown {
  let s = state;
  if (version < 1) s = fromV0(s);
  return s;
}
