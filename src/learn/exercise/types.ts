import type { LabSandbox, Locale } from '../../lab/types';
import type { CloudName } from '../../sim/options';

export type Localized = Record<Locale, string>;

/** What a goal may look at: the simulated world, what the learner typed, and typed answers. */
export interface ExerciseState {
  sandbox: LabSandbox;
  /** Command lines the learner ran in this lab, oldest first (Apply shows as `kubectl apply -f -`). */
  history: string[];
  /** Typed answers by exercise id. */
  answers: Record<string, string>;
}

export interface CheckResult {
  ok: boolean;
  /** When not ok: what is missing, in words the learner can act on. */
  gap?: Localized;
}

export type Goal = (state: ExerciseState) => CheckResult;

export interface Hint {
  text: Localized;
  /** Offer this hint only while the condition holds (e.g. only once the Service exists). */
  when?: (state: ExerciseState) => boolean;
}

/** One exercise, written once in TypeScript beside the lesson and shared by both languages. */
export interface ExerciseDef {
  id: string;
  title: Localized;
  task: Localized;
  /**
   * In a multi-cloud lab, the cloud whose tab this exercise is checked in (goals, hints, typed
   * answers; "Show solution" switches to it first). Without it, the lab's first cloud.
   */
  cloud?: CloudName;
  /** Ids of exercises that must be done first. */
  needs?: string[];
  goals: Goal[];
  hints: Hint[];
  /** Commands that solve it, played into the terminal one by one. */
  solution: string[];
  /** Commands run headless (after the lab's own set-up) when the learner resets this exercise. */
  setup?: string[];
  /**
   * Faults switched on after that set-up (e.g. `{ publicIPQuota: 3 }`), for exercises about
   * `<pending>` forever; the learner fixes the cause (deletes Services, grants a role) to recover.
   */
  faults?: Record<string, unknown>;
  /** Asks the learner to type something (e.g. an IP); checked against the live state. */
  answer?: { prompt: Localized; check: (state: ExerciseState, answer: string) => CheckResult };
  /**
   * Asks the learner to pick one option (e.g. the reason behind what they found). Checked after the
   * goals and the typed answer; the picked option's id is kept in `answers` under `choiceKey(id)`.
   */
  choice?: ChoiceQuestion;
}

export interface ChoiceOption {
  id: string;
  text: Localized;
  /** For a wrong option: why it is wrong, shown as the exercise's gap. */
  why?: Localized;
}

export interface ChoiceQuestion {
  prompt: Localized;
  options: ChoiceOption[];
  /** The id of the right option. */
  correct: string;
}

export type ExerciseStatus =
  | { id: string; state: 'locked'; missing: string[] }
  | { id: string; state: 'open'; gaps: Localized[] /** Solved earlier (progress); the current lab no longer meets it. */; solvedBefore?: boolean }
  | { id: string; state: 'done' };
