import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../../src/sim/index';
import { evaluate, solvedCount } from '../../../src/learn/exercise/engine';
import { egressIps, publicIps } from '../../../src/learn/exercise/predicates';
import type { ExerciseState } from '../../../src/learn/exercise/types';
import type { LabSandbox } from '../../../src/lab/types';
import { exercises, setup } from '../../../content/labs/where-does-external-ip-come-from';

async function lab() {
  const sandbox = createSandbox() as unknown as LabSandbox;
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

describe('lesson 1 exercises, checked against the simulator', () => {
  it('start open or locked by their needs, with the gap in words', async () => {
    const { statusOf } = await lab();
    const first = statusOf('expose-redis');
    expect(first.state).toBe('open');
    expect(first.state === 'open' && first.gaps[0]!.en).toBe('There is no Service qa/redis-lb yet: apply it first.');
    expect(statusOf('count-public-ips')).toEqual({ id: 'count-public-ips', state: 'locked', missing: ['expose-redis'] });
  });

  it('tick when solved, in order, and the egress answer is checked against the outbound IP', async () => {
    const { state, run, statusOf, sandbox } = await lab();
    await run('kubectl apply -f redis-lb.yaml');
    expect(statusOf('expose-redis').state).toBe('done');
    const count = statusOf('count-public-ips');
    expect(count.state === 'open' && count.gaps.map((g) => g.en)).toEqual(['Run az network public-ip list in the terminal.']);
    await run('az network public-ip list -g MC_myResourceGroup_myAKSCluster_eastus -o table');
    expect(statusOf('count-public-ips').state).toBe('done');

    const serviceIp = String((publicIps(sandbox).find((p) => p.tags?.['k8s-azure-service'])!.properties as { ipAddress: string }).ipAddress);
    state.answers['egress-ip'] = serviceIp;
    const wrong = statusOf('egress-ip');
    expect(wrong.state === 'open' && wrong.gaps[0]!.en).toContain('belongs to a Service');
    state.answers['egress-ip'] = egressIps(sandbox)[0]!;
    expect(statusOf('egress-ip').state).toBe('done');
  });

  it('un-tick when a later change breaks a goal', async () => {
    const { run, statusOf } = await lab();
    await run('kubectl apply -f redis-lb.yaml');
    await run('az network public-ip list -g MC_myResourceGroup_myAKSCluster_eastus');
    expect(statusOf('count-public-ips').state).toBe('done');
    await run('kubectl delete svc redis-lb -n qa');
    expect(statusOf('expose-redis').state).toBe('open');
    expect(statusOf('count-public-ips').state).toBe('locked');
  });

  it('the written solutions solve each exercise', async () => {
    const { state, run, statusOf } = await lab();
    for (const ex of exercises) {
      let last = '';
      for (const line of ex.solution) last = (await run(line)).stdout;
      if (ex.answer) state.answers[ex.id] = last.trim();
      expect(statusOf(ex.id).state, ex.id).toBe('done');
    }
  });
});

describe('exercises solved before (progress)', () => {
  it('unlock the exercises after them and still count, while the live check says what is missing now', async () => {
    const { state } = await lab();
    const statuses = evaluate(exercises, state, new Set(['expose-redis']));
    expect(statuses[0]).toMatchObject({ id: 'expose-redis', state: 'open', solvedBefore: true });
    expect(statuses[1]!.state).toBe('open');
    expect(solvedCount(statuses)).toBe(1);
    expect(solvedCount(evaluate(exercises, state))).toBe(0);
  });
});
