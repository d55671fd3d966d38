/** Lesson 7's exercises, solved headless with their own solutions (in `needs` order). */
import { describe, expect, it } from 'vitest';
import { exercises, setup } from '../../../../content/labs/internal-load-balancer';
import { choiceKey } from '../../../../src/learn/exercise/engine';
import { exerciseById, solve, startLab } from '../../../support/lesson-lab';

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
    expect(gaps('public-to-private')[0]).toBe(
      'qa/web-public has no annotation service.beta.kubernetes.io/azure-load-balancer-internal: "true", so it is public.',
    );
    await run('kubectl annotate service web-public -n qa service.beta.kubernetes.io/azure-load-balancer-internal=True');
    expect(gaps('public-to-private')[0]).toContain('the provider wants exactly "true"');
  });

  it('the static address needs the subnet first', async () => {
    const { run, gaps } = await lab();
    for (const line of byId('make-it-internal').solution) await run(line);
    expect(gaps('pin-static-ip')[0]).toContain('has no subnet ilb-subnet yet');
  });
  it('inside-and-outside: the terminal’s curl fails, the pod’s gets the page, and the reason is asked', async () => {
    // The terminal's curl to a private address times out (exit 28), so this lab does not insist on exit 0.
    const { run, state, statusOf, gaps } = await startLab({ setup, exercises }, { settle: false });
    await solve(run, state, byId('make-it-internal'));
    expect(statusOf('inside-and-outside').state).toBe('open');
    expect(gaps('inside-and-outside')[0]).toMatch(
      /^Call it from the terminal first, which sits on the Internet: curl --connect-timeout 5 http:\/\/10\.224\.\d+\.\d+\/$/,
    );
    const ip = (await run("kubectl get service web-ilb -n qa -o jsonpath='{.status.loadBalancer.ingress[0].ip}'")).stdout;
    const outside = await run(`curl --connect-timeout 5 http://${ip}/`);
    expect(outside.exitCode).toBe(28);
    expect(gaps('inside-and-outside')[0]).toContain('Now from inside: kubectl run tmp');
    const inside = await run(`kubectl run tmp --image=curlimages/curl --rm -it --restart=Never -- curl -s http://${ip}/`);
    expect(inside.stdout).toContain('<title>Welcome to nginx!</title>');
    expect(gaps('inside-and-outside')).toEqual(['Why does only the pod get the page?']);
    state.answers[choiceKey('inside-and-outside')] = 'nsg';
    expect(gaps('inside-and-outside')[0]).toContain('an internal Service gets no NSG rule at all');
    state.answers[choiceKey('inside-and-outside')] = 'not-routable';
    expect(statusOf('inside-and-outside').state).toBe('done');
  });

  it('inside-and-outside is solved by its written solution', async () => {
    const { run, state, statusOf } = await startLab({ setup, exercises }, { settle: false });
    await solve(run, state, byId('make-it-internal'));
    await solve(run, state, byId('inside-and-outside'));
    expect(statusOf('inside-and-outside').state).toBe('done');
  });
});
