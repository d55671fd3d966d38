import type { CheckResult, ExerciseDef, ExerciseState, ExerciseStatus, Localized } from './types';

/** Where an exercise's picked option is kept in `answers` (beside its typed answer, under its id). */
export function choiceKey(exerciseId: string): string {
  return `${exerciseId}#choice`;
}

/** The picked option of an exercise's choice question, judged. */
function checkChoice(ex: ExerciseDef, state: ExerciseState): CheckResult {
  const q = ex.choice!;
  const picked = state.answers[choiceKey(ex.id)];
  if (!picked) return { ok: false, gap: q.prompt };
  if (picked === q.correct) return { ok: true };
  const option = q.options.find((o) => o.id === picked);
  return { ok: false, gap: option?.why ?? { en: 'That is not the reason: try another option.', ko: '그 이유가 아닙니다. 다른 답을 골라 보세요.' } };
}

/**
 * Evaluates every exercise against the current state, in order. An exercise whose `needs` are not
 * all done is locked; a done exercise becomes open again when a later change breaks one of its goals
 * (the state decides, not history), which is how ticks can disappear. `solved` names exercises the
 * learner solved before (their progress): those unlock the exercises after them even when the
 * current lab no longer meets them (a fresh start, an experiment), so nothing solved locks again.
 */
export function evaluate(exercises: ExerciseDef[], state: ExerciseState, solved: ReadonlySet<string> = new Set()): ExerciseStatus[] {
  const done = new Set<string>(solved);
  const out: ExerciseStatus[] = [];
  for (const ex of exercises) {
    const missing = (ex.needs ?? []).filter((id) => !done.has(id));
    if (missing.length > 0) {
      out.push({ id: ex.id, state: 'locked', missing });
      continue;
    }
    // Goals are steps in order: the learner is told about the first one still missing, not all of them.
    const gaps: Localized[] = [];
    for (const goal of ex.goals) {
      let result: CheckResult;
      try {
        result = goal(state);
      } catch {
        // A goal that cannot read the state (an object is missing) simply is not met yet.
        result = { ok: false };
      }
      if (!result.ok) {
        gaps.push(result.gap ?? { en: 'Not done yet.', ko: '아직 완료되지 않았습니다.' });
        break;
      }
    }
    if (ex.answer && gaps.length === 0) {
      const typed = state.answers[ex.id];
      if (typed === undefined || typed.trim() === '') gaps.push(ex.answer.prompt);
      else {
        const r = ex.answer.check(state, typed.trim());
        if (!r.ok) gaps.push(r.gap ?? { en: 'That answer is not right yet.', ko: '아직 정답이 아닙니다.' });
      }
    }
    if (ex.choice && gaps.length === 0) {
      const r = checkChoice(ex, state);
      if (!r.ok) gaps.push(r.gap!);
    }
    if (gaps.length === 0) {
      done.add(ex.id);
      out.push({ id: ex.id, state: 'done' });
    } else out.push(solved.has(ex.id) ? { id: ex.id, state: 'open', gaps, solvedBefore: true } : { id: ex.id, state: 'open', gaps });
  }
  return out;
}

/** Exercises done now or solved before: the count the lab and the home page both show. */
export function solvedCount(statuses: ExerciseStatus[]): number {
  return statuses.filter((s) => s.state === 'done' || (s.state === 'open' && s.solvedBefore)).length;
}

/** Hints the learner may see now, in order; `unlocked` says how many they have opened. */
export function availableHints(ex: ExerciseDef, state: ExerciseState): ExerciseDef['hints'] {
  return ex.hints.filter((h) => {
    try {
      return h.when ? h.when(state) : true;
    } catch {
      return false;
    }
  });
}
