/** Lesson 7's exercises, solved headless with their own solutions (in `needs` order). */
import { describe, expect, it } from 'vitest';
import { exerciseById, startLab } from '../../../support/lesson-lab';
import { exercises, setup } from '../../../../content/labs/internal-load-balancer';

/** Every command must exit 0, and the sandbox is not settled after each one. */
const lab = () => startLab({ setup, exercises }, { strictRun: true, settle: false });

const byId = (id: string) => exerciseById(exercises, id);

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
