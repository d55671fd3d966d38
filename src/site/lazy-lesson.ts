import { whenIdle } from './idle';

/**
 * A quiz's questions come in a <template> (Quiz.astro): parsed with the page but not styled or laid
 * out, which was a long task after the first paint on a phone (issue 18). They are moved into
 * place one question per idle moment after load, up to the first with a text box, so most of the
 * quiz is in the page within a moment (find in page, screen readers); all of it comes at once when
 * the quiz comes near, gets focus, is named by the address or is printed.
 */
const bodies = () => [...document.querySelectorAll<HTMLTemplateElement>('.quiz > template.quiz-body')];

function stampAll(): void {
  for (const body of bodies()) body.replaceWith(body.content);
}

/**
 * A text box wakes the browser's form autofill as soon as it enters the page, and that lays out
 * the whole off-screen section around it, skipped content and all: ~190 layout objects, 25–70 ms
 * after load on this machine (traced, issue 18). Radio buttons and checkboxes do not.
 */
const hasTextBox = (question: Element) => question.querySelector('input[type="text"]') !== null;

function stampStepwise(): void {
  const body = bodies()[0];
  if (!body) return;
  const { content } = body;
  const question = content.firstElementChild;
  // So a question with a text box, and those after it (the order stays), wait for the quiz to come near.
  if (question && hasTextBox(question)) return;
  // The text before a question goes in with it.
  while (content.firstChild && content.firstChild !== question) body.before(content.firstChild);
  if (question) body.before(question);
  if (!content.firstElementChild) body.replaceWith(content);
  whenIdle(stampStepwise);
}

/** An address naming something inside a quiz (a shared link to a question) finds it. */
function stampIfNamed(): void {
  const id = decodeURIComponent(location.hash.slice(1));
  if (!id || !bodies().some((b) => b.content.getElementById(id))) return;
  stampAll();
  // Clear of the sticky header: the quiz's scroll margins (Quiz.astro).
  document.getElementById(id)?.scrollIntoView();
}

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
    stampAll();
    void import('../learn/quiz/client').then((m) => m.initQuizzes());
  };
  const io = 'IntersectionObserver' in window ? new IntersectionObserver((es) => es.some((e) => e.isIntersecting) && start(), { rootMargin: '400px' }) : null;
  for (const q of quizzes) {
    io?.observe(q);
    q.addEventListener('focusin', start, { once: true });
  }
  if (!io) start();
  stampIfNamed();
  addEventListener('hashchange', stampIfNamed);
  addEventListener('beforeprint', stampAll);
  const afterLoad = () => whenIdle(stampStepwise);
  if (document.readyState === 'complete') afterLoad();
  else addEventListener('load', afterLoad, { once: true });
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
