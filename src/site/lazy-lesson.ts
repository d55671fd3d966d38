import { whenIdle } from './idle';

/**
 * Like client:visible: the quiz grader loads when a quiz comes near the screen or gets focus, so
 * the page itself ships only this loader. Until then the Check buttons stay hidden.
 */
export function loadQuizzesWhenNear(): void {
  const quizzes = document.querySelectorAll('.quiz[data-quiz]');
  if (quizzes.length === 0) return;
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    io?.disconnect();
    void import('../learn/quiz/client').then((m) => m.initQuizzes());
  };
  const io = 'IntersectionObserver' in window ? new IntersectionObserver((es) => es.some((e) => e.isIntersecting) && start(), { rootMargin: '400px' }) : null;
  for (const q of quizzes) {
    io?.observe(q);
    q.addEventListener('focusin', start, { once: true });
  }
  if (!io) start();
}

/**
 * Progress is bookkeeping, not content: it loads once the page is idle, so a lesson runs almost
 * no JavaScript before the learner does anything.
 */
export function trackReadingWhenIdle(): void {
  const marker = document.querySelector<HTMLElement>('.read-marker');
  if (!marker) return;
  whenIdle(
    () =>
      void import('../learn/progress/lesson').then((m) => {
        m.trackLesson(marker);
        m.showStorageNotice(document.querySelector<HTMLElement>('.progress-notice'));
      }),
  );
}
