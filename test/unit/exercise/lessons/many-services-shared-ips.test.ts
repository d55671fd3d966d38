/**
 * Lesson 4's exercises against the simulator: each written solution, played in `needs` order from
 * the lab's initial state, solves its exercise, and no exercise is done before its solution ran.
 */
import { describe, expect, it } from 'vitest';
import { exercises, setup } from '../../../../content/labs/many-services-shared-ips';
import { startLab } from '../../../support/lesson-lab';

const lab = () => startLab({ setup, exercises });

describe('lesson 4 exercises (many-services-shared-ips)', () => {
  it('start undone: the first open, the others locked', async () => {
    const { statusOf } = await lab();
    const first = statusOf('three-services');
    expect(first.state).toBe('open');
    expect(first.state === 'open' && first.gaps[0]!.en).toBe('There is no Service qa/redis-lb yet.');
    expect(statusOf('share-web-ip').state).toBe('locked');
    expect(statusOf('port-conflict').state).toBe('locked');
  });

  it('each solution solves its exercise, in order, and only then', async () => {
    const { run, statusOf } = await lab();
    for (const ex of exercises) {
      expect(statusOf(ex.id).state, `${ex.id} before its solution`).not.toBe('done');
      for (const line of ex.solution) await run(line);
      expect(statusOf(ex.id).state, ex.id).toBe('done');
    }
    for (const ex of exercises) expect(statusOf(ex.id).state, `${ex.id} at the end`).toBe('done');
  });

  it('a web-admin without the annotation gets its own Public IP and is not accepted', async () => {
    const { run, statusOf } = await lab();
    for (const line of exercises[0]!.solution) await run(line);
    await run('kubectl create service loadbalancer web-admin --tcp=8080:80 -n qa');
    await run('sleep 10');
    const s = statusOf('share-web-ip');
    expect(s.state).toBe('open');
    expect(s.state === 'open' && s.gaps[0]!.en).toContain('does not ask for an address');
  });

  it('the conflict exercise needs the learner to read the events', async () => {
    const { run, statusOf } = await lab();
    for (const ex of exercises.slice(0, 2)) for (const line of ex.solution) await run(line);
    const solution = exercises[2]!.solution.filter((l) => !l.startsWith('kubectl describe'));
    for (const line of solution) await run(line);
    const s = statusOf('port-conflict');
    expect(s.state === 'open' && s.gaps[0]!.en).toBe('Run kubectl describe service web-canary -n qa in the terminal.');
  });

  it('following the text: deleting web-lb re-opens the exercises with a way back, bringing it back on the shared address ticks them all', async () => {
    const { run, statusOf } = await lab();
    const withIp = (name: string, ports: string) =>
      `cat <<EOF | kubectl apply -f -\napiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  namespace: qa\n  annotations:\n    service.beta.kubernetes.io/azure-load-balancer-ipv4: $WEB_IP\nspec:\n  type: LoadBalancer\n  selector:\n    app: web\n  ports:\n${ports}EOF`;
    const http = '    - name: http\n      port: 80\n      targetPort: 80\n';
    for (const line of [
      'kubectl apply -f redis-lb.yaml -f mysql-lb.yaml',
      'sleep 20',
      'az network public-ip list --resource-group MC_myResourceGroup_myAKSCluster_eastus --output table',
      'kubectl apply -f web-lb.yaml',
      'sleep 10',
      "WEB_IP=$(kubectl get service web-lb --namespace qa -o jsonpath='{.status.loadBalancer.ingress[0].ip}')",
      withIp('web-admin', '    - port: 8080\n      targetPort: 80\n'),
      'sleep 10',
      withIp('web-canary', http),
      'sleep 10',
      'kubectl describe service web-canary --namespace qa | tail -n 4',
      `kubectl patch service web-canary --namespace qa --type=json -p '[{"op":"replace","path":"/spec/ports/0/port","value":8081}]'`,
      'sleep 10',
    ])
      await run(line);
    for (const ex of exercises) expect(statusOf(ex.id).state, `${ex.id} after the text's steps`).toBe('done');

    await run('kubectl delete service web-lb --namespace qa');
    const gone = statusOf('three-services');
    expect(gone.state === 'open' && gone.gaps[0]!.en).toContain('qa/web-lb is gone');

    await run(withIp('web-lb', http + '    - name: https\n      port: 443\n      targetPort: 443\n'));
    await run('sleep 10');
    for (const ex of exercises) expect(statusOf(ex.id).state, `${ex.id} after web-lb is back`).toBe('done');
  });
});
