/**
 * Lesson 2's exercises against the simulator: each written solution solves its exercise from the
 * lab's starting state (setup only), none is solved before, and the typed-answer checks explain
 * the likely wrong answers. The quiz passes the build-time check.
 */
import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../../../src/sim/index';
import { evaluate } from '../../../../src/learn/exercise/engine';
import { quizProblems } from '../../../../src/learn/quiz/grade';
import type { ExerciseDef, ExerciseState } from '../../../../src/learn/exercise/types';
import type { LabSandbox } from '../../../../src/lab/types';
import * as lab from '../../../../content/labs/the-load-balancer-aks-made';
import { quiz } from '../../../../content/quizzes/the-load-balancer-aks-made';

const { exercises, setup } = lab;
const options = (lab as { sandbox?: Parameters<typeof createSandbox>[0] }).sandbox ?? {};

async function start() {
  const sandbox = createSandbox(options) as unknown as LabSandbox;
  for (const line of setup) await sandbox.exec(line);
  await sandbox.settle();
  const history: string[] = [];
  const state: ExerciseState = { sandbox, history, answers: {} };
  const run = async (line: string) => {
    history.push(line);
    const r = await sandbox.exec(line);
    await sandbox.settle();
    return r;
  };
  const statusOf = (id: string) => evaluate(exercises, state).find((s) => s.id === id)!;
  return { sandbox, state, run, statusOf };
}

/** Exercises in an order that respects `needs`. */
function ordered(list: ExerciseDef[]): ExerciseDef[] {
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

async function solve(run: (line: string) => Promise<{ stdout: string }>, state: ExerciseState, ex: ExerciseDef) {
  let last = '';
  for (const line of ex.solution) last = (await run(line)).stdout;
  if (ex.answer) state.answers[ex.id] = last.trim();
}

describe('lesson 2 exercises (the-load-balancer-aks-made)', () => {
  it('none is done in the fresh lab', async () => {
    const { statusOf } = await start();
    for (const ex of exercises) expect(statusOf(ex.id).state, ex.id).not.toBe('done');
    const first = statusOf('scale-to-five');
    expect(first.state === 'open' && first.gaps[0]!.en).toBe(
      'The scale set aks-nodepool1-42862288-vmss has 3 instances, 5 wanted: scale nodepool1 with az aks nodepool scale.',
    );
  });

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

  it('scaling alone is not enough: the pools must be looked at with az', async () => {
    const { run, statusOf } = await start();
    await run('az aks nodepool scale --resource-group myResourceGroup --cluster-name myAKSCluster --name nodepool1 --node-count 5');
    const s = statusOf('scale-to-five');
    expect(s.state === 'open' && s.gaps[0]!.en).toBe('Run az network lb address-pool list in the terminal.');
  });

  it('typed answers: the right names pass, likely mistakes are explained', async () => {
    const { state, statusOf } = await start();
    state.answers['outbound-frontend'] = '20.185.78.214';
    let s = statusOf('outbound-frontend');
    expect(s.state === 'open' && s.gaps[0]!.en).toContain('is an IP address');
    state.answers['outbound-frontend'] = 'aksOutboundBackendPool';
    s = statusOf('outbound-frontend');
    expect(s.state === 'open' && s.gaps[0]!.en).toContain('is a backend pool');
    state.answers['outbound-frontend'] = '900B4359-00D5-4A48-876F-528208E75FB6';
    expect(statusOf('outbound-frontend').state).toBe('done');

    state.answers['scale-set-name'] = 'aks-nodepool1-42862288-vmss000001';
    s = statusOf('scale-set-name');
    expect(s.state === 'open' && s.gaps[0]!.en).toContain('is one node');
    state.answers['scale-set-name'] = 'aks-nodepool1-42862288-vmss';
    expect(statusOf('scale-set-name').state).toBe('done');
  });

  it('the quiz is complete', () => {
    expect(quizProblems(quiz)).toEqual([]);
    expect(quiz.questions.length).toBeGreaterThanOrEqual(3);
  });
});
