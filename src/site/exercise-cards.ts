import { solvedExercises } from '../learn/progress/peek';

type CardState = 'open' | 'done' | 'locked' | 'solved';

const show = (card: HTMLElement, state: CardState) => {
  const text = JSON.parse(card.dataset.text ?? '{}') as Partial<Record<CardState, string>>;
  card.dataset.state = state;
  const el = card.querySelector('.exercise-card-status');
  if (el) el.textContent = (state === 'done' || state === 'solved' ? '✓ ' : '') + (text[state] ?? state);
};

/** Lesson-text exercise cards (Exercise.astro): what progress remembers, then the lab's live checks. */
export function mountExerciseCards(): void {
  const cards = document.querySelectorAll<HTMLElement>('.exercise-card[data-lesson]');
  if (cards.length === 0) return;
  // Before the lab starts, a card says what the learner's progress remembers (any earlier visit).
  for (const card of cards) {
    if (solvedExercises(card.dataset.lesson!).has(card.dataset.exercise!)) show(card, 'solved');
  }
  // The cards mirror the lab's live checks (the lab announces them with a `lab:exercises` event).
  document.addEventListener('lab:exercises', (e) => {
    const { statuses } = (e as CustomEvent<{ statuses: { id: string; state: 'open' | 'done' | 'locked'; solvedBefore?: boolean }[] }>).detail;
    for (const s of statuses) {
      for (const card of document.querySelectorAll<HTMLElement>(`.exercise-card[data-exercise="${CSS.escape(s.id)}"]`)) {
        show(card, s.state === 'open' && s.solvedBefore ? 'solved' : s.state);
      }
    }
  });
}
