import { LOCALES } from '../../i18n/locales';
import type { AnswerKey, Question, QuizDef, Response } from './types';

/** Ids end up in storage keys and HTML ids, so they are kept boring. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

export function answerKey(q: Question): AnswerKey {
  if (q.kind === 'short') {
    return { kind: 'short', accept: q.accept ?? [], caseSensitive: q.caseSensitive ?? false, ...(q.pattern ? { pattern: q.pattern } : {}) };
  }
  return { kind: q.kind, correct: q.choices.filter((c) => c.correct).map((c) => c.id) };
}

const normalize = (s: string, caseSensitive: boolean) => {
  const t = s.trim().replace(/\s+/g, ' ');
  return caseSensitive ? t : t.toLowerCase();
};

/** Whether a response is empty, i.e. checking it would not be an attempt. */
export function isBlank(response: Response): boolean {
  return typeof response === 'string' ? response.trim() === '' : response.length === 0;
}

/** True when the response is right. Choice questions need exactly the right set, no more, no less. */
export function grade(key: AnswerKey, response: Response): boolean {
  if (key.kind === 'short') {
    if (typeof response !== 'string') return false;
    const given = normalize(response, key.caseSensitive);
    if (given === '') return false;
    if (key.accept.some((a) => normalize(a, key.caseSensitive) === given)) return true;
    if (!key.pattern) return false;
    // Anchored so that a pattern for "aksOutboundRule" does not also pass "not aksOutboundRule".
    return new RegExp(`^(?:${key.pattern})$`, key.caseSensitive ? 'u' : 'iu').test(response.trim());
  }
  if (!Array.isArray(response)) return false;
  const picked = new Set(response);
  if (key.kind === 'single' && picked.size !== 1) return false;
  return picked.size === key.correct.length && key.correct.every((id) => picked.has(id));
}

/**
 * Problems with a quiz definition, as readable sentences; the Quiz component fails the build on any.
 * Catches what would otherwise only show up as a confused learner.
 */
export function quizProblems(quiz: QuizDef): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const text = (where: string, t: unknown) => {
    for (const l of LOCALES) {
      const v = (t as Record<string, unknown> | undefined)?.[l];
      if (typeof v !== 'string' || v.trim() === '') out.push(`${where}: missing ${l} text`);
    }
  };
  if (quiz.questions.length === 0) out.push('the quiz has no questions');
  for (const q of quiz.questions) {
    const at = `question "${q.id}"`;
    if (!ID_PATTERN.test(q.id)) out.push(`${at}: id must be lower-case letters, digits and dashes`);
    if (seen.has(q.id)) out.push(`${at}: duplicate id`);
    seen.add(q.id);
    text(`${at} prompt`, q.prompt);
    text(`${at} explanation`, q.explanation);
    if (q.kind === 'short') {
      text(`${at} wrong`, q.wrong);
      if (!q.accept?.length && !q.pattern) out.push(`${at}: needs accept or pattern`);
      if (q.pattern) {
        try {
          new RegExp(q.pattern, 'u');
        } catch (e) {
          out.push(`${at}: bad pattern (${(e as Error).message})`);
        }
      }
      if (q.answer) text(`${at} answer`, q.answer);
      else if (!q.accept?.length) out.push(`${at}: a pattern-only question needs an answer to show`);
      continue;
    }
    const ids = new Set<string>();
    for (const c of q.choices) {
      if (!ID_PATTERN.test(c.id) || ids.has(c.id)) out.push(`${at}: choice id "${c.id}" is invalid or repeated`);
      ids.add(c.id);
      text(`${at} choice "${c.id}"`, c.text);
      text(`${at} choice "${c.id}" why`, c.why);
    }
    const right = q.choices.filter((c) => c.correct).length;
    if (q.choices.length < 2) out.push(`${at}: needs at least two choices`);
    if (q.kind === 'single' && right !== 1) out.push(`${at}: a single-choice question needs exactly one correct choice`);
    if (q.kind === 'multiple' && right < 1) out.push(`${at}: a multiple-choice question needs at least one correct choice`);
  }
  return out;
}
