import type { CheckResult, ExerciseDef, ExerciseState } from '../../learn/exercise/types';
import type { CloudName } from '../../sim/options';
import { CLOUD_LABELS, cloudStrings } from './strings';

/** The cloud whose tab an exercise is checked in: its own `cloud` if the lab has it, else the lab's first. */
export const cloudOf = (ex: ExerciseDef, clouds: CloudName[]): CloudName => (ex.cloud && clouds.includes(ex.cloud) ? ex.cloud : clouds[0]!);

/**
 * A multi-cloud lab's exercises as the panel of any tab checks them: every goal, hint condition and
 * answer check reads the state of the exercise's own cloud's tab (`tabState`, undefined while that
 * tab is not open), so the engine needs no notion of tabs. A tab not open yet is a first goal not
 * met, whose gap says to open it. Typed answers are the panel's own (the lab copies them to every tab).
 */
export function inTheirTabs(exercises: ExerciseDef[], clouds: CloudName[], tabState: (cloud: CloudName) => ExerciseState | undefined): ExerciseDef[] {
  return exercises.map((ex) => {
    const cloud = cloudOf(ex, clouds);
    const name = CLOUD_LABELS[cloud];
    const closed: CheckResult = { ok: false, gap: { en: cloudStrings('en').openTab(name), ko: cloudStrings('ko').openTab(name) } };
    /** The tab's state with the panel's answers; a closed tab throws, which the engine reads as "not met". */
    const there = (own: ExerciseState): ExerciseState => {
      const state = tabState(cloud);
      if (!state) throw new Error(`the ${name} tab is not open`);
      return { ...state, answers: own.answers };
    };
    const out: ExerciseDef = {
      ...ex,
      goals: [() => (tabState(cloud) ? { ok: true } : closed), ...ex.goals.map((goal) => (own: ExerciseState) => goal(there(own)))],
      hints: ex.hints.map((hint) => (hint.when ? { ...hint, when: (own: ExerciseState) => hint.when!(there(own)) } : hint)),
    };
    if (ex.answer) out.answer = { ...ex.answer, check: (own, typed) => ex.answer!.check(there(own), typed) };
    return out;
  });
}
