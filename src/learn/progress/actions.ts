import { emptyProgress, type LessonProgress, type ProgressData } from './schema';
import { type ProgressStore, progressStore } from './store';

/** Every change goes through here, so the shape rules live in one place. */
function update(store: ProgressStore, slug: string, fn: (l: LessonProgress) => LessonProgress) {
  store.setState((s) => ({ lessons: { ...s.lessons, [slug]: fn({ ...s.lessons[slug] }) } }));
}

export function markVisited(slug: string, store = progressStore()): void {
  if (store.getState().last !== slug) store.setState({ last: slug });
}

export function markRead(slug: string, store = progressStore()): void {
  if (!store.getState().lessons[slug]?.read) update(store, slug, (l) => ({ ...l, read: true }));
}

/**
 * For the lab's exercises: record that an exercise is done, or no longer done (a later change
 * broke it). Safe to call on every check; it writes only when something changes.
 */
export function markExercise(slug: string, exerciseId: string, done: boolean, store = progressStore()): void {
  if (store.getState().lessons[slug]?.exercises?.[exerciseId] === done) return;
  update(store, slug, (l) => ({ ...l, exercises: { ...l.exercises, [exerciseId]: done } }));
}

/** Records one check of a quiz question. The first result is kept for good: it is the score. */
export function recordAnswer(slug: string, questionId: string, right: boolean, total: number, store = progressStore()): void {
  update(store, slug, (l) => {
    const q = l.quiz ?? { total, first: {}, last: {} };
    return {
      ...l,
      quiz: {
        total,
        first: Object.hasOwn(q.first, questionId) ? q.first : { ...q.first, [questionId]: right },
        last: { ...q.last, [questionId]: right },
      },
    };
  });
}

/** Score = questions right at the first check, out of the quiz's questions. */
export function quizScore(l: LessonProgress | undefined): { right: number; answered: number; total: number } | undefined {
  if (!l?.quiz) return undefined;
  const firsts = Object.values(l.quiz.first);
  return { right: firsts.filter(Boolean).length, answered: firsts.length, total: l.quiz.total };
}

export function replaceProgress(data: ProgressData, store = progressStore()): void {
  store.setState({ lessons: data.lessons, last: data.last, notice: null });
}

export function resetProgress(store = progressStore()): void {
  replaceProgress(emptyProgress(), store);
}

export function dismissNotice(store = progressStore()): void {
  store.setState({ notice: null });
}
