/**
 * Lesson 5's exercises against the simulator: each written solution, played in `needs` order from
 * the lab's initial state, solves its exercise, and no exercise is done before its solution ran.
 */
import { describe, expect, it } from 'vitest';
import { exercises, setup } from '../../../../content/labs/the-fourth-ip-egress';
import { egressIps } from '../../../../src/learn/exercise/predicates';
import { startLab } from '../../../support/lesson-lab';

const lab = () => startLab({ setup, exercises });

describe('lesson 5 exercises (the-fourth-ip-egress)', () => {
  it('start undone: the first open, the others locked', async () => {
    const { statusOf } = await lab();
    const first = statusOf('egress-from-pod');
    expect(first.state).toBe('open');
    expect(first.state === 'open' && first.gaps[0]!.en).toBe('Run kubectl exec <pod> -n qa -- curl -s ifconfig.me in the terminal.');
    expect(statusOf('two-outbound-ips').state).toBe('locked');
    expect(statusOf('snat-ports').state).toBe('locked');
    expect(statusOf('new-egress-ip').state).toBe('locked');
  });

  it('32,000 ports per node are refused with one outbound IP and accepted with two', async () => {
    const { run, statusOf } = await lab();
    for (const line of exercises[0]!.solution) await run(line);
    const refused = await run(exercises[2]!.solution[0]!);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain('InvalidLoadBalancerProfileAllocatedOutboundPorts');
    for (const line of exercises[1]!.solution) await run(line);
    const s = statusOf('snat-ports');
    expect(s.state === 'open' && s.gaps[0]!.en).toBe(
      'aksOutboundRule allocates ports automatically (0), 32000 expected: az aks update --load-balancer-outbound-ports 32000.',
    );
    await run(exercises[2]!.solution[0]!);
    expect(statusOf('snat-ports').state).toBe('done');
  });

  it('each solution solves its exercise, in order, and only then', async () => {
    const { state, run, statusOf } = await lab();
    for (const ex of exercises) {
      expect(statusOf(ex.id).state, `${ex.id} before its solution`).not.toBe('done');
      let last = '';
      for (const line of ex.solution) {
        const r = await run(line);
        expect(r.exitCode, line).toBe(0);
        last = r.stdout;
      }
      if (ex.answer) state.answers[ex.id] = last.trim();
      expect(statusOf(ex.id).state, ex.id).toBe('done');
    }
  });

  it('the first exercise’s curl really prints the managed outbound IP, not the Service IP', async () => {
    const { sandbox, run } = await lab();
    await run(exercises[0]!.solution[0]!);
    const out = (await run(exercises[0]!.solution[1]!)).stdout.trim();
    expect(out).toBe(egressIps(sandbox)[0]);
  });

  it('the typed answer refuses the original outbound IP', async () => {
    const { sandbox, state, run, statusOf } = await lab();
    for (const ex of exercises.slice(0, 2)) for (const line of ex.solution) await run(line);
    state.answers['new-egress-ip'] = egressIps(sandbox)[0]!;
    const s = statusOf('new-egress-ip');
    expect(s.state === 'open' && s.gaps[0]!.en).toContain('is the original outbound IP');
  });
});
