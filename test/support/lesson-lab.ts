/**
 * A lesson's lab, headless, the way the exercise tests need it: the sandbox as the learner gets it
 * (the lab module's options and set-up, settled), the exercise state the engine reads, and helpers
 * to run commands, read an exercise's status and play a written solution.
 */
import { expect, it } from 'vitest';
import type { ExecResult, LabSandbox } from '../../src/lab/types';
import { choiceKey, evaluate } from '../../src/learn/exercise/engine';
import type { ExerciseDef, ExerciseState, ExerciseStatus } from '../../src/learn/exercise/types';
import { createSandbox, type SandboxOptions } from '../../src/sim/index';

/** What a module in content/labs/ exports for its lab. */
export interface LessonLabModule {
  setup: string[];
  exercises: ExerciseDef[];
  sandbox?: SandboxOptions;
}

export type Run = (line: string) => Promise<ExecResult>;

export interface LessonLabOptions {
  /** An exercise's own set-up and faults, applied after the lab's set-up (as "Reset exercise" does). */
  reset?: Pick<ExerciseDef, 'setup' | 'faults'>;
  /** Every set-up line must exit 0. */
  strictSetup?: boolean;
  /** Settle the sandbox after each `run` (default true). */
  settle?: boolean;
  /** Every `run` must exit 0. */
  strictRun?: boolean;
  /** Every line the bound `solve` plays must exit 0. */
  strictSolve?: boolean;
}

export interface LessonLab {
  sandbox: LabSandbox;
  state: ExerciseState;
  /** Runs a command line as the learner would: recorded in the history, then executed. */
  run: Run;
  statusOf(id: string): ExerciseStatus;
  /** The gaps of an open exercise, in English; none when it is locked or done. */
  gaps(id: string): string[];
  /** Plays an exercise's written solution (see `solve`). */
  solve(ex: ExerciseDef): Promise<void>;
}

export async function startLab(lab: LessonLabModule, options: LessonLabOptions = {}): Promise<LessonLab> {
  const { reset, strictSetup = false, settle = true, strictRun = false, strictSolve = false } = options;
  const sandbox = createSandbox(lab.sandbox ?? {}) as unknown as LabSandbox;
  for (const line of [...lab.setup, ...(reset?.setup ?? [])]) {
    const r = await sandbox.exec(line);
    if (strictSetup) expect(r.exitCode, line).toBe(0);
  }
  await sandbox.settle();
  if (reset?.faults) sandbox.setFaults!(reset.faults);
  const state: ExerciseState = { sandbox, history: [], answers: {} };
  const run: Run = async (line) => {
    state.history.push(line);
    const r = await sandbox.exec(line);
    if (strictRun) expect(r.exitCode, `${line}\n${r.stderr}`).toBe(0);
    if (settle) await sandbox.settle();
    return r;
  };
  const statusOf = (id: string) => evaluate(lab.exercises, state).find((s) => s.id === id)!;
  const gaps = (id: string) => {
    const s = statusOf(id);
    return s.state === 'open' ? s.gaps.map((g) => g.en) : [];
  };
  return { sandbox, state, run, statusOf, gaps, solve: (ex) => solve(run, state, ex, { strict: strictSolve }) };
}

/**
 * Plays an exercise's solution line by line; when the exercise asks for a typed answer, the last
 * line's output (trimmed) is typed in, and a choice question gets its right option (as "Show
 * solution" does). With `strict`, every line must exit 0.
 */
export async function solve(run: Run, state: ExerciseState, ex: ExerciseDef, options: { strict?: boolean } = {}): Promise<void> {
  let last = '';
  for (const line of ex.solution) {
    const r = await run(line);
    if (options.strict) expect(r.exitCode, `${ex.id}: ${line}\n${r.stderr}`).toBe(0);
    last = r.stdout;
  }
  if (ex.answer) state.answers[ex.id] = last.trim();
  if (ex.choice) state.answers[choiceKey(ex.id)] = ex.choice.correct;
}

/** Exercises in an order that respects `needs`. */
export function ordered(list: ExerciseDef[]): ExerciseDef[] {
  const done = new Set<string>();
  const out: ExerciseDef[] = [];
  while (out.length < list.length) {
    const next = list.find((e) => !done.has(e.id) && (e.needs ?? []).every((n) => done.has(n)));
    if (!next) throw new Error('circular needs');
    done.add(next.id);
    out.push(next);
  }
  return out;
}

/** The exercise with this id (a typo fails here, not later as an undefined). */
export function exerciseById(list: ExerciseDef[], id: string): ExerciseDef {
  const ex = list.find((e) => e.id === id);
  if (!ex) throw new Error(`no exercise ${id}`);
  return ex;
}

/**
 * The two checks every lesson's exercises owe the course: the written solutions solve them in
 * `needs` order, and the first one (which the browser test types into the terminal) is solved by
 * its own solution from the lab's initial state.
 */
export function itSolvesWithTheWrittenSolutions(exercises: ExerciseDef[], start: () => Promise<LessonLab>): void {
  it('each solution solves its exercise, in needs order', async () => {
    const { state, run, statusOf } = await start();
    for (const ex of ordered(exercises)) {
      expect(statusOf(ex.id).state, `${ex.id} before`).not.toBe('done');
      await solve(run, state, ex);
      expect(statusOf(ex.id).state, ex.id).toBe('done');
    }
  });

  it('the first exercise is solved by its solution alone, from the lab’s initial state', async () => {
    const { state, run, statusOf } = await start();
    const first = exercises[0]!;
    expect(first.answer).toBeUndefined();
    await solve(run, state, first);
    expect(statusOf(first.id).state).toBe('done');
  });
}
