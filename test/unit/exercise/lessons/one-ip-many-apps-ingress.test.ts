/** Lesson 6's exercises, solved headless with their own solutions (in `needs` order). */
import { describe, expect, it } from 'vitest';
import { exercises, setup } from '../../../../content/labs/one-ip-many-apps-ingress';
import { choiceKey } from '../../../../src/learn/exercise/engine';
import { exerciseById, solve, startLab } from '../../../support/lesson-lab';

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
    const { run, state, statusOf } = await lab();
    for (const id of ['install-controller', 'route-two-apps', 'which-404', 'three-services-four-ips']) {
      expect(statusOf(id).state, id).not.toBe('done');
      await solve(run, state, byId(id));
      expect(statusOf(id), id).toEqual({ id, state: 'done' });
    }
  });

  it('the routing goal says what came back instead', async () => {
    const { run, statusOf } = await lab();
    for (const line of byId('install-controller').solution) await run(line);
    const open = statusOf('route-two-apps');
    expect(open.state === 'open' && open.gaps[0]!.en).toMatch(
      /^curl -H 'Host: apps\.example\.com' http:\/\/[\d.]+\/ should reach nginx's welcome page \(ingress-basic\/web\), but gets HTTP 404 “404 Not Found”\.$/,
    );
    // Routes without the ExternalName bridge: / works, /hello gets a 503 from the controller.
    await run('kubectl create deployment web --image=nginx:1.27 --port=80 -n ingress-basic');
    await run('kubectl expose deployment web --port=80 -n ingress-basic');
    await run('kubectl apply -f apps.yaml');
    await run('sleep 5');
    const half = statusOf('route-two-apps');
    expect(half.state === 'open' && half.gaps[0]!.en).toContain('/hello should reach the AKS hello-world page (test/aks-helloworld-one), but gets HTTP 503');
  });

  it('route-two-apps wants the Host header sent with curl once the routes work', async () => {
    const { run, statusOf } = await lab();
    for (const line of byId('install-controller').solution) await run(line);
    for (const line of byId('route-two-apps').solution.slice(0, -1)) await run(line);
    const s = statusOf('route-two-apps');
    expect(s.state === 'open' && s.gaps[0]!.en).toBe("Run curl -H 'Host: apps.example.com' http://<controller IP>/hello in the terminal.");
  });

  it('which-404: the web pod’s 404 is told by its page, not by a Server header', async () => {
    const { run, state, statusOf, gaps } = await lab();
    for (const id of ['install-controller', 'route-two-apps']) await solve(run, state, byId(id));
    const ip = (await run("kubectl get service ingress-nginx-controller -n ingress-basic -o jsonpath='{.status.loadBalancer.ingress[0].ip}'")).stdout;
    const head = (await run(`curl -sI -H 'Host: apps.example.com' http://${ip}/helloworld`)).stdout;
    expect(head).toMatch(/^HTTP\/1\.1 404 Not Found/);
    expect(head).not.toMatch(/^Server:/m);
    expect((await run(`curl -s -H 'Host: apps.example.com' http://${ip}/helloworld | tail -n 3`)).stdout).toBe(
      '<hr><center>nginx/1.27.4</center>\n</body>\n</html>\n',
    );
    expect(statusOf('which-404')).toMatchObject({ state: 'open' });
    expect(gaps('which-404')[0]).toContain('shop.example.com');
    expect((await run(`curl -s -H 'Host: shop.example.com' http://${ip}/ | tail -n 3`)).stdout).toBe('<hr><center>nginx</center>\n</body>\n</html>\n');
    expect(gaps('which-404')).toEqual(['Which 404 came from the web pod, and how can you tell?']);
    state.answers[choiceKey('which-404')] = 'server-header';
    expect(gaps('which-404')[0]).toContain('removes the Server header from every response');
    state.answers[choiceKey('which-404')] = 'body-signature';
    expect(statusOf('which-404').state).toBe('done');
    // Without the routes, /helloworld no longer reaches the pod: the exercise follows the state.
    await run('kubectl delete ingress --all -n ingress-basic');
    expect(statusOf('which-404').state).toBe('locked');
  });

  it('the final state wants the outbound IP as the fourth and three Services', async () => {
    const { run, statusOf } = await lab();
    for (const line of byId('install-controller').solution) await run(line);
    await run('az network public-ip list -g MC_myResourceGroup_myAKSCluster_eastus -o table');
    const open = statusOf('three-services-four-ips');
    expect(open.state === 'open' && open.gaps[0]!.en).toBe('There is no Service qa/mysql-lb yet.');
  });
});
