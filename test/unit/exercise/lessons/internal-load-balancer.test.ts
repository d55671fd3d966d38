/** Lesson 7's exercises, solved headless with their own solutions (in `needs` order). */
import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../../../src/sim/index';
import { evaluate } from '../../../../src/learn/exercise/engine';
import type { ExerciseState } from '../../../../src/learn/exercise/types';
import type { LabSandbox } from '../../../../src/lab/types';
import { exercises, setup } from '../../../../content/labs/internal-load-balancer';

async function lab() {
  const sandbox = createSandbox() as unknown as LabSandbox;
  for (const line of setup) await sandbox.exec(line);
  await sandbox.settle();
  const state: ExerciseState = { sandbox, history: [], answers: {} };
  const run = async (line: string) => {
    state.history.push(line);
    const r = await sandbox.exec(line);
    expect(r.exitCode, `${line}\n${r.stderr}`).toBe(0);
    return r;
  };
  const statusOf = (id: string) => evaluate(exercises, state).find((s) => s.id === id)!;
  const gaps = (id: string) => {
    const s = statusOf(id);
    return s.state === 'open' ? s.gaps.map((g) => g.en) : [];
  };
  return { sandbox, state, run, statusOf, gaps };
}

const byId = (id: string) => exercises.find((e) => e.id === id)!;

describe('lesson 7 (internal-load-balancer) exercises', () => {
  it('start open or locked, with the gap in words', async () => {
    const { statusOf, gaps } = await lab();
    expect(gaps('make-it-internal')[0]).toBe('There is no Service qa/web-ilb yet: apply it first.');
    expect(statusOf('public-to-private').state).toBe('locked');
    expect(statusOf('pin-static-ip').state).toBe('locked');
  });

  it('each solution solves its exercise, and nothing is solved before', async () => {
    const { run, statusOf } = await lab();
    for (const id of ['make-it-internal', 'public-to-private', 'pin-static-ip']) {
      expect(statusOf(id).state, id).not.toBe('done');
      for (const line of byId(id).solution) await run(line);
      expect(statusOf(id), id).toEqual({ id, state: 'done' });
    }
  });

  it('a public Service is told apart, and a wrong annotation value is named', async () => {
    const { run, gaps } = await lab();
    for (const line of byId('make-it-internal').solution) await run(line);
    await run('kubectl expose deployment web --name=web-public --type=LoadBalancer --port=80 -n qa');
    await run('sleep 30');
    expect(gaps('public-to-private')[0]).toBe('qa/web-public has no annotation service.beta.kubernetes.io/azure-load-balancer-internal: "true", so it is public.');
    await run('kubectl annotate service web-public -n qa service.beta.kubernetes.io/azure-load-balancer-internal=True');
    expect(gaps('public-to-private')[0]).toContain('the provider wants exactly "true"');
  });

  it('the static address needs the subnet first', async () => {
    const { run, gaps } = await lab();
    for (const line of byId('make-it-internal').solution) await run(line);
    expect(gaps('pin-static-ip')[0]).toContain('has no subnet ilb-subnet yet');
  });
});
