/** Lesson 9's exercises, headless: not done at the start, each solved by its written solution in order. */
import { describe, expect, it } from 'vitest';
import { startLab } from '../../../support/lesson-lab';
import { exercises, setup } from '../../../../content/labs/locking-it-down';
import { quiz } from '../../../../content/quizzes/locking-it-down';
import { quizProblems } from '../../../../src/learn/quiz/grade';

const lab = () => startLab({ setup, exercises }, { strictSetup: true });

describe('lesson 9 exercises (locking-it-down)', () => {
  it('none is done at the start; the first is open and says what is missing', async () => {
    const { statusOf } = await lab();
    const first = statusOf('office-only');
    expect(first.state === 'open' && first.gaps[0]!.en).toContain('no spec.loadBalancerSourceRanges yet');
    expect(statusOf('api-local').state).toBe('locked');
    expect(statusOf('api-probe-port').state).toBe('locked');
  });

  it('each written solution solves its exercise, in order, and not before', async () => {
    const { state, run, statusOf, sandbox } = await lab();
    for (const ex of exercises) {
      expect(statusOf(ex.id).state, `${ex.id} before`).not.toBe('done');
      let last = '';
      for (const line of ex.solution) {
        const r = await run(line);
        // The curl of the first exercise is meant to time out (exit 28): the range excludes the lab's caller.
        if (/^curl/.test(line)) expect(r.exitCode, line).toBe(28);
        else expect(r.exitCode, line).toBe(0);
        last = r.stdout;
      }
      if (ex.answer) {
        const nodePort = (sandbox.kube.tryGet('Service', 'api', 'api') as unknown as { spec: { ports: { nodePort: number }[] } }).spec.ports[0]!.nodePort;
        state.answers[ex.id] = String(nodePort);
        const wrong = statusOf(ex.id);
        expect(wrong.state === 'open' && wrong.gaps[0]!.en).toContain('is the Service’s nodePort');
        state.answers[ex.id] = last.trim();
      }
      expect(statusOf(ex.id).state, ex.id).toBe('done');
    }
  });

  it('the quiz is complete', () => {
    expect(quizProblems(quiz)).toEqual([]);
    expect(quiz.questions.length).toBeGreaterThanOrEqual(3);
  });
});
