import type { LessonProgress } from './schema';

/**
 * Where "Continue where you left off" goes: the lesson opened last while it is unread; once it
 * is read, the next unread lesson after it (then from the start of the course). Undefined when
 * nothing was opened yet, or everything is read (there is nothing to continue).
 */
export function continueTarget(slugs: string[], lessons: Record<string, LessonProgress>, last: string | undefined): string | undefined {
  const at = last === undefined ? -1 : slugs.indexOf(last);
  if (at < 0) return undefined;
  const unread = (s: string) => !lessons[s]?.read;
  if (unread(slugs[at]!)) return slugs[at];
  return slugs.slice(at + 1).find(unread) ?? slugs.slice(0, at).find(unread);
}
