/**
 * A read-only look at saved progress for pages that must stay light (lesson cards before the lab
 * starts): no zustand, no migration. Anything unexpected reads as "nothing solved"; the progress
 * store proper (store.ts) checks, repairs and sets aside damaged data when it loads.
 */
import { siteStorage } from '../../site/storage';
import { STORAGE_KEY } from './keys';

export function solvedExercises(lesson: string): Set<string> {
  try {
    const saved = JSON.parse(siteStorage().getItem(STORAGE_KEY) ?? 'null') as {
      state?: { lessons?: Record<string, { exercises?: Record<string, unknown> }> };
    } | null;
    const recorded = saved?.state?.lessons?.[lesson]?.exercises;
    if (typeof recorded !== 'object' || recorded === null) return new Set();
    return new Set(
      Object.entries(recorded)
        .filter(([, done]) => done === true)
        .map(([id]) => id),
    );
  } catch {
    return new Set();
  }
}
