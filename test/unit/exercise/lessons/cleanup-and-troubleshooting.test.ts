import { describe, expect, it } from 'vitest';
import * as labModule from '../../../../content/labs/cleanup-and-troubleshooting';
import type { ExerciseDef } from '../../../../src/learn/exercise/types';
import { exerciseById, startLab } from '../../../support/lesson-lab';

const { exercises } = labModule;

/** The lab as the learner gets it, plus an exercise's own set-up and faults (as "Reset exercise" does). */
const lab = (reset?: ExerciseDef) => startLab(labModule, { reset });

const byId = (id: string) => exerciseById(exercises, id);

describe('lesson 10 exercises (cleanup-and-troubleshooting)', () => {
  it('start with mysql-lb and web pending, nothing solved', async () => {
    const { statusOf, sandbox } = await lab();
    expect(sandbox.kube.tryGet('Service', 'mysql-lb', 'qa')).toBeTruthy();
    const first = statusOf('free-a-slot');
    expect(first.state).toBe('open');
    expect(first.state === 'open' && first.gaps[0]!.en).toContain('demo/hello-lb is still a LoadBalancer Service');
    expect(statusOf('store-ip').state).toBe('locked');
    expect(statusOf('only-outbound').state).toBe('open');
    expect(statusOf('throttled').state).toBe('open');
  });

  it('the first three solutions solve their exercises in order, from the initial lab', async () => {
    const { statusOf, solve } = await lab();
    for (const id of ['free-a-slot', 'store-ip', 'only-outbound']) {
      expect(statusOf(id).state, `${id} before`).not.toBe('done');
      await solve(byId(id));
      expect(statusOf(id).state, id).toBe('done');
    }
  });

  it('deleting mysql-lb instead of the demo does not count', async () => {
    const { statusOf, run } = await lab();
    await run('kubectl delete service redis-lb -n qa');
    await run('sleep 300');
    const s = statusOf('free-a-slot');
    expect(s.state === 'open' && s.gaps[0]!.en).toContain('qa/redis-lb was deleted');
  });

  it('store-ip: a Public IP the provider made does not count, a user-created one does', async () => {
    const { statusOf, solve, run } = await lab();
    await solve(byId('free-a-slot'));
    const before = statusOf('store-ip');
    expect(before.state === 'open' && before.gaps[0]!.en).toContain('There is no Public IP named store-ip');
    await run('kubectl patch service redis-lb -n qa -p \'{"spec":{"type":"ClusterIP"}}\'');
    await run('az network public-ip create -g MC_myResourceGroup_myAKSCluster_eastus -n store-ip --sku Standard --allocation-method Static');
    await run('sleep 300');
    expect(statusOf('store-ip').state).toBe('done');
  });

  it('only-outbound wants the user-created store-ip gone too', async () => {
    const { statusOf, solve, run } = await lab();
    await solve(byId('free-a-slot'));
    await solve(byId('store-ip'));
    await run('kubectl delete service mysql-lb web -n qa');
    const s = statusOf('only-outbound');
    expect(s.state === 'open' && s.gaps[0]!.en).toContain('store-ip');
  });

  it('throttled needs the reset (the fault), then the wait, then the code', async () => {
    const plain = await lab();
    await plain.solve(byId('throttled'));
    const without = plain.statusOf('throttled');
    expect(without.state === 'open' && without.gaps[0]!.en).toContain('No throttled sync');

    const ex = byId('throttled');
    const { statusOf, run, state } = await lab(ex);
    expect(statusOf('throttled').state).toBe('open');
    await run(ex.solution[0]!);
    state.answers.throttled = 'PublicIPCountLimitReached';
    await run('sleep 90');
    const wrong = statusOf('throttled');
    expect(wrong.state === 'open' && wrong.gaps[0]!.en).toContain('That one is the quota');
    state.answers.throttled = 'TooManyRequests';
    expect(statusOf('throttled').state).toBe('done');
  });
});
