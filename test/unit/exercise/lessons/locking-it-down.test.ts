/** Lesson 9's exercises, headless: not done at the start, each solved by its written solution in order. */
import { describe, expect, it } from 'vitest';
import { exercises, setup } from '../../../../content/labs/locking-it-down';
import { quiz } from '../../../../content/quizzes/locking-it-down';
import { choiceKey } from '../../../../src/learn/exercise/engine';
import { quizProblems } from '../../../../src/learn/quiz/grade';
import { exerciseById, solve, startLab } from '../../../support/lesson-lab';

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
      if (ex.choice) state.answers[choiceKey(ex.id)] = ex.choice.correct;
      expect(statusOf(ex.id).state, ex.id).toBe('done');
    }
  });

  it('dashboard-deny-all: the rule must be in the NSG for the dashboard’s IP, and the precondition is asked', async () => {
    const { state, run, gaps, statusOf } = await lab();
    await solve(run, state, exerciseById(exercises, 'office-only'));
    expect(gaps('dashboard-deny-all')[0]).toMatch(/^No k8s-azure-lb_deny-all rule names [\d.]+ yet/);
    await run('kubectl annotate service dashboard -n admin service.beta.kubernetes.io/azure-deny-all-except-load-balancer-source-ranges=true');
    await run('sleep 10');
    expect(gaps('dashboard-deny-all')).toEqual(['The same annotation on a Service without source ranges adds…']);
    state.answers[choiceKey('dashboard-deny-all')] = 'deny-anyway';
    expect(gaps('dashboard-deny-all')[0]).toContain('only when ranges are set');
    state.answers[choiceKey('dashboard-deny-all')] = 'nothing';
    expect(statusOf('dashboard-deny-all').state).toBe('done');
    // Dropping the ranges leaves the exercise open again: the requirement is the office range.
    await run(`kubectl patch service dashboard -n admin --type=json -p '[{"op":"remove","path":"/spec/loadBalancerSourceRanges"}]'`);
    await run('sleep 10');
    expect(statusOf('dashboard-deny-all').state).not.toBe('done');
  });

  it('front-door-only: the tag must be the only source, ranges are refused, and the X-Azure-FDID caveat is asked', async () => {
    const { state, run, gaps, statusOf } = await lab();
    expect(gaps('front-door-only')[0]).toMatch(/^The NSG lets Internet reach [\d.]+; only the service tag AzureFrontDoor\.Backend should/);
    await run(`kubectl patch service web -n shop -p '{"spec":{"loadBalancerSourceRanges":["198.51.100.0/24"]}}'`);
    await run('kubectl annotate service web -n shop service.beta.kubernetes.io/azure-allowed-service-tags=AzureFrontDoor.Backend');
    await run('sleep 10');
    expect(gaps('front-door-only')[0]).toContain('still has spec.loadBalancerSourceRanges');
    await run(`kubectl patch service web -n shop --type=json -p '[{"op":"remove","path":"/spec/loadBalancerSourceRanges"}]'`);
    await run('sleep 10');
    expect(gaps('front-door-only')).toEqual(['Does the service tag alone keep everyone else out?']);
    state.answers[choiceKey('front-door-only')] = 'enough';
    expect(gaps('front-door-only')[0]).toContain('other customers’ too');
    state.answers[choiceKey('front-door-only')] = 'check-fdid';
    expect(statusOf('front-door-only').state).toBe('done');
  });

  it('the quiz is complete', () => {
    expect(quizProblems(quiz)).toEqual([]);
    expect(quiz.questions.length).toBeGreaterThanOrEqual(3);
  });
});
