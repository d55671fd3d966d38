/**
 * Lesson 2's exercises against the simulator: each written solution solves its exercise from the
 * lab's starting state (setup only), none is solved before, and the typed-answer checks explain
 * the likely wrong answers. The quiz passes the build-time check.
 */
import { describe, expect, it } from 'vitest';
import * as lab from '../../../../content/labs/the-load-balancer-aks-made';
import { quiz } from '../../../../content/quizzes/the-load-balancer-aks-made';
import { quizProblems } from '../../../../src/learn/quiz/grade';
import { itSolvesWithTheWrittenSolutions, startLab } from '../../../support/lesson-lab';

const { exercises } = lab;

const start = () => startLab(lab);

describe('lesson 2 exercises (the-load-balancer-aks-made)', () => {
  it('none is done in the fresh lab', async () => {
    const { statusOf } = await start();
    for (const ex of exercises) expect(statusOf(ex.id).state, ex.id).not.toBe('done');
    const first = statusOf('scale-to-five');
    expect(first.state === 'open' && first.gaps[0]!.en).toBe(
      'The scale set aks-nodepool1-42862288-vmss has 3 instances, 5 wanted: scale nodepool1 with az aks nodepool scale.',
    );
  });

  itSolvesWithTheWrittenSolutions(exercises, start);

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
