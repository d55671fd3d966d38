/**
 * Lesson pages: remember the lesson as "where you left off", and mark it read once the learner
 * reaches the end of its text. Reaching the end is the whole rule (no timer): a learner who
 * already knows the material may skim, and the quiz is there to say whether they got it.
 */
import { markRead, markVisited } from './actions';

export { showStorageNotice } from './page';

export function trackLesson(marker: HTMLElement): void {
  const slug = marker.dataset.lesson;
  if (!slug) return;
  markVisited(slug);
  if (!('IntersectionObserver' in window)) {
    markRead(slug);
    return;
  }
  const io = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) {
      markRead(slug);
      io.disconnect();
    }
  });
  io.observe(marker);
}
