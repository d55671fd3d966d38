import type { Locale } from '../../i18n/locales';

/** Text in every language the site has: a quiz is written once, beside the lesson, for both. */
export type Localized = Record<Locale, string>;

export interface Choice {
  /** Stable within its question: progress and the page's markup refer to it. */
  id: string;
  text: Localized;
  correct?: boolean;
  /** Why this choice is right or wrong. Required for every choice, so no pick goes unexplained. */
  why: Localized;
}

interface QuestionBase {
  /** Lower-case letters, digits and dashes; stable, because stored scores are keyed by it. */
  id: string;
  prompt: Localized;
  /** Shown once the question is answered right or its answer is revealed. */
  explanation: Localized;
}

export interface ChoiceQuestion extends QuestionBase {
  /** `single`: exactly one right choice (radio buttons); `multiple`: one or more (checkboxes). */
  kind: 'single' | 'multiple';
  choices: Choice[];
}

export interface ShortQuestion extends QuestionBase {
  kind: 'short';
  /** Accepted answers, compared after trimming and collapsing spaces. */
  accept?: string[];
  /** A regular expression the whole answer must match (it is anchored for you). */
  pattern?: string;
  /** Compare letter case too. Off by default: `Kubernetes` and `kubernetes` both pass. */
  caseSensitive?: boolean;
  /** What "Show answer" displays, per language (defaults to the first accepted answer). */
  answer?: Localized;
  /** Explains the usual wrong answers; shown after a wrong check. */
  wrong: Localized;
}

export type Question = ChoiceQuestion | ShortQuestion;

export interface QuizDef {
  title?: Localized;
  questions: Question[];
}

/** What the browser needs to grade one question: no prose, only the key. */
export type AnswerKey = { kind: 'single' | 'multiple'; correct: string[] } | { kind: 'short'; accept: string[]; pattern?: string; caseSensitive: boolean };

/** A learner's response: the chosen choice ids, or the typed text. */
export type Response = string[] | string;
