/**
 * Brings server-rendered quizzes to life. The markup already holds every question, choice and
 * explanation (hidden); this only grades, reveals and records. Plain DOM on purpose: it is a few
 * KB on every lesson page, where a framework island would cost more than the quiz itself.
 */

import { quizScore, recordAnswer } from '../progress/actions';
import { progressStore } from '../progress/store';
import { grade, isBlank } from './grade';
import type { AnswerKey, Response } from './types';

interface QuizText {
  chooseFirst: string;
  typeFirst: string;
  right: string;
  wrong: string;
  wrongMulti: string;
  revealed: string;
  /** "{right}" and "{total}" are replaced. */
  score: string;
}

const all = <T extends Element>(root: ParentNode, sel: string) => [...root.querySelectorAll<T>(sel)];
const show = (el: Element | null, on: boolean) => el && ((el as HTMLElement).hidden = !on);

function response(form: HTMLFormElement, key: AnswerKey): Response {
  if (key.kind === 'short') return form.querySelector<HTMLInputElement>('input[type="text"]')?.value ?? '';
  return all<HTMLInputElement>(form, 'input:checked').map((i) => i.value);
}

function setupQuestion(form: HTMLFormElement, slug: string, total: number, text: QuizText, onScore: () => void) {
  const key = JSON.parse(form.dataset.key ?? '{}') as AnswerKey;
  const id = form.dataset.q ?? '';
  const fieldset = form.querySelector('fieldset')!;
  const [check, retry, reveal] = ['.quiz-check', '.quiz-retry', '.quiz-show'].map((s) => form.querySelector<HTMLButtonElement>(s)!);
  const result = form.querySelector<HTMLElement>('.quiz-result')!;
  let attempts = 0;

  /** Hides all feedback and unlocks the inputs: the state before a check. */
  const clear = () => {
    fieldset.disabled = false;
    form.dataset.state = '';
    for (const el of all<HTMLElement>(form, '.quiz-why, .quiz-explain, .quiz-answer')) el.hidden = true;
    for (const c of all<HTMLElement>(form, '.quiz-choice')) delete c.dataset.reveal;
    for (const i of all<HTMLInputElement>(form, 'input')) i.removeAttribute('aria-describedby');
    result.textContent = '';
    show(check, true);
    show(retry, false);
    show(reveal, attempts > 0);
  };

  /** Shows the explanation of a choice and ties it to its input for screen readers. */
  const explainChoice = (input: HTMLInputElement) => {
    const why = document.getElementById(input.dataset.why ?? '');
    if (!why) return;
    why.hidden = false;
    input.setAttribute('aria-describedby', why.id);
  };

  const lock = (state: string, message: string) => {
    fieldset.disabled = true;
    form.dataset.state = state;
    result.textContent = message;
    show(check, false);
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const r = response(form, key);
    if (isBlank(r)) {
      // Not an attempt: say what is missing and keep "Show answer" locked.
      result.textContent = key.kind === 'short' ? text.typeFirst : text.chooseFirst;
      return;
    }
    attempts++;
    const right = grade(key, r);
    recordAnswer(slug, id, right, total);
    onScore();
    if (key.kind === 'short') show(form.querySelector('.quiz-why'), !right);
    else all<HTMLInputElement>(form, 'input:checked').forEach(explainChoice);
    if (right) {
      show(form.querySelector('.quiz-explain'), true);
      lock('right', text.right);
      show(reveal, false);
      result.focus();
    } else {
      lock('wrong', key.kind === 'multiple' ? text.wrongMulti : text.wrong);
      show(retry, true);
      show(reveal, true);
      retry.focus();
    }
  });

  retry.addEventListener('click', () => {
    clear();
    form.querySelector<HTMLInputElement>('input')?.focus();
  });

  reveal.addEventListener('click', () => {
    if (attempts === 0) return;
    all<HTMLInputElement>(form, 'input[type="radio"], input[type="checkbox"]').forEach((i) => {
      i.closest<HTMLElement>('.quiz-choice')!.dataset.reveal = '';
      explainChoice(i);
    });
    show(form.querySelector('.quiz-answer'), true);
    show(form.querySelector('.quiz-explain'), true);
    lock('revealed', text.revealed);
    show(reveal, false);
    show(retry, true);
    retry.focus();
  });

  clear();
}

export function initQuizzes(root: ParentNode = document): void {
  for (const quiz of all<HTMLElement>(root, '.quiz[data-quiz]')) {
    if (quiz.dataset.ready) continue;
    quiz.dataset.ready = '1';
    const slug = quiz.dataset.quiz!;
    const text = JSON.parse(quiz.dataset.text ?? '{}') as QuizText;
    const forms = all<HTMLFormElement>(quiz, 'form.quiz-q');
    const scoreEl = quiz.querySelector<HTMLElement>('.quiz-score');
    const renderScore = () => {
      const s = quizScore(progressStore().getState().lessons[slug]);
      if (scoreEl && s && s.answered > 0) scoreEl.textContent = text.score.replace('{right}', String(s.right)).replace('{total}', String(forms.length));
    };
    for (const f of forms) setupQuestion(f, slug, forms.length, text, renderScore);
    renderScore();
  }
}
