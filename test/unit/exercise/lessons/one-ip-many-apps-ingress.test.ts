/** Lesson 6's exercises, solved headless with their own solutions (in `needs` order). */
import { describe, expect, it } from 'vitest';
import { exerciseById, startLab } from '../../../support/lesson-lab';
import { exercises, setup } from '../../../../content/labs/one-ip-many-apps-ingress';

/** Every command must exit 0, and the sandbox is not settled after each one. */
const lab = () => startLab({ setup, exercises }, { strictRun: true, settle: false });

const byId = (id: string) => exerciseById(exercises, id);

describe('lesson 6 (one-ip-many-apps-ingress) exercises', () => {
  it('start open or locked, with the gap in words', async () => {
    const { statusOf } = await lab();
    const first = statusOf('install-controller');
    expect(first.state === 'open' && first.gaps[0]!.en).toBe('There is no Service ingress-basic/ingress-nginx-controller yet: apply it first.');
    expect(statusOf('route-two-apps').state).toBe('locked');
    expect(statusOf('three-services-four-ips').state).toBe('locked');
  });

  it('each solution solves its exercise, and nothing is solved before', async () => {
    const { run, statusOf } = await lab();
    for (const id of ['install-controller', 'route-two-apps', 'three-services-four-ips']) {
      expect(statusOf(id).state, id).not.toBe('done');
      for (const line of byId(id).solution) await run(line);
      expect(statusOf(id), id).toEqual({ id, state: 'done' });
    }
  });

  it('the routing goal says what came back instead', async () => {
    const { run, statusOf } = await lab();
    for (const line of byId('install-controller').solution) await run(line);
    const open = statusOf('route-two-apps');
    expect(open.state === 'open' && open.gaps[0]!.en).toMatch(/^curl -H 'Host: apps\.example\.com' http:\/\/[\d.]+\/ should reach nginx's welcome page \(ingress-basic\/web\), but gets HTTP 404 “404 Not Found”\.$/);
    // Routes without the ExternalName bridge: / works, /hello gets a 503 from the controller.
    await run('kubectl create deployment web --image=nginx:1.27 --port=80 -n ingress-basic');
    await run('kubectl expose deployment web --port=80 -n ingress-basic');
    await run('kubectl apply -f apps.yaml');
    await run('sleep 5');
    const half = statusOf('route-two-apps');
    expect(half.state === 'open' && half.gaps[0]!.en).toContain('/hello should reach the AKS hello-world page (test/aks-helloworld-one), but gets HTTP 503');
  });

  it('the final state wants the outbound IP as the fourth and three Services', async () => {
    const { run, statusOf } = await lab();
    for (const line of byId('install-controller').solution) await run(line);
    await run('az network public-ip list -g MC_myResourceGroup_myAKSCluster_eastus -o table');
    const open = statusOf('three-services-four-ips');
    expect(open.state === 'open' && open.gaps[0]!.en).toBe('There is no Service qa/mysql-lb yet.');
  });
});
