import { describe, expect, it } from 'vitest';
import { exercises, setup } from '../../../../content/labs/challenge-rebuild-the-cluster';
import { availableHints } from '../../../../src/learn/exercise/engine';
import type { ExerciseStatus } from '../../../../src/learn/exercise/types';
import { exerciseById, startLab } from '../../../support/lesson-lab';

/** Every line of a written solution must succeed here. */
const lab = () => startLab({ setup, exercises }, { strictSolve: true });

const byId = (id: string) => exerciseById(exercises, id);
const gapOf = (s: ExerciseStatus) => (s.state === 'open' ? s.gaps[0]!.en : s.state);

describe('challenge exercises (challenge-rebuild-the-cluster)', () => {
  it('nothing is solved in the initial lab', async () => {
    const { statusOf } = await lab();
    expect(gapOf(statusOf('redis-office-only'))).toBe('No LoadBalancer Service in qa selects app=redis yet.');
    expect(statusOf('redis-kept-ip').state).toBe('locked');
    for (const id of ['mysql-private', 'two-hosts', 'two-egress-ips']) expect(statusOf(id).state, id).toBe('open');
  });

  it('each written solution solves its exercise, in order, from the initial lab', async () => {
    const { statusOf, solve } = await lab();
    for (const ex of exercises) {
      expect(statusOf(ex.id).state, `${ex.id} before`).not.toBe('done');
      await solve(ex);
      expect(statusOf(ex.id).state, ex.id).toBe('done');
    }
    // Later steps did not break earlier ones.
    for (const ex of exercises) expect(statusOf(ex.id).state, `${ex.id} at the end`).toBe('done');
  });

  it('redis open to the whole Internet is caught', async () => {
    const { statusOf, run } = await lab();
    await run('kubectl expose deployment redis --name=redis-lb --type=LoadBalancer --port=6379 -n qa');
    expect(gapOf(statusOf('redis-office-only'))).toContain('Anyone on the Internet');
  });

  it('a kept IP without the DNS label does not count', async () => {
    const { statusOf, run, solve } = await lab();
    await solve(byId('redis-office-only'));
    await run('az network public-ip create -g myResourceGroup -n qa-redis-ip --sku Standard --allocation-method Static');
    expect(gapOf(statusOf('redis-kept-ip'))).toContain('no DNS label');
  });

  it('a kept IP in the node resource group does not count: it would die with the cluster (lesson 8)', async () => {
    const { statusOf, run, solve } = await lab();
    await solve(byId('redis-office-only'));
    await run(
      'az network public-ip create -g MC_myResourceGroup_myAKSCluster_eastus -n qa-redis-ip --sku Standard --allocation-method Static --dns-name qa-redis',
    );
    expect(gapOf(statusOf('redis-kept-ip'))).toBe(
      'qa-redis-ip is in MC_myResourceGroup_myAKSCluster_eastus, which is deleted with the cluster: the ticket wants it in myResourceGroup.',
    );
  });

  it('without the role assignment the Service cannot use the kept IP, and the hint says what to grant', async () => {
    const { state, statusOf, run, solve } = await lab();
    await solve(byId('redis-office-only'));
    await run('az network public-ip create -g myResourceGroup -n qa-redis-ip --sku Standard --allocation-method Static --dns-name qa-redis');
    await run(
      'kubectl annotate service redis-lb -n qa service.beta.kubernetes.io/azure-load-balancer-resource-group=myResourceGroup service.beta.kubernetes.io/azure-pip-name=qa-redis-ip',
    );
    await run('sleep 20');
    expect(gapOf(statusOf('redis-kept-ip'))).toMatch(/^qa\/redis-lb shows .*, not qa-redis-ip's address/);
    const hints = availableHints(byId('redis-kept-ip'), state).map((h) => h.text.en);
    expect(hints.at(-1)).toContain('Network Contributor on myResourceGroup');
  });

  it('a public MySQL is caught', async () => {
    const { statusOf, run } = await lab();
    await run('kubectl expose deployment mysql --name=mysql-lb --type=LoadBalancer --port=3306 -n qa');
    expect(gapOf(statusOf('mysql-private'))).toContain('must be reachable on 10.224.0.100 only');
  });

  it('an Ingress with swapped backends is caught', async () => {
    const { statusOf, run, solve } = await lab();
    const ex = byId('two-hosts');
    for (const line of ex.solution.slice(0, 4)) await run(line);
    const swapped = ex.solution[4]!.replace(/aks-helloworld-one/g, 'X')
      .replace(/aks-helloworld-two/g, 'aks-helloworld-one')
      .replace(/X/g, 'aks-helloworld-two');
    await run(swapped);
    expect(gapOf(statusOf('two-hosts'))).toContain('must reach aks-helloworld-one');
    await solve({ ...ex, solution: [ex.solution[4]!] });
    expect(statusOf('two-hosts').state).toBe('done');
  });
});
