/**
 * Pods per node (issue 8): a node takes at most its allocatable `pods` (AKS: 250 with Azure CNI
 * overlay, 110 with kubenet); the rest stay Pending with the scheduler's FailedScheduling event,
 * and a huge replica count settles without creating every unschedulable pod.
 */
import { describe, expect, it } from 'vitest';
import { ok, sandbox } from './helpers';

const TOO_MANY = (n: number) =>
  `0/${n} nodes are available: ${n} Too many pods. preemption: 0/${n} nodes are available: ${n} No preemption victims found for incoming pod.`;

describe('pod capacity per node', () => {
  it('kubenet nodes take 110 pods each; the rest are Pending with FailedScheduling', async () => {
    const sb = sandbox({ networkPlugin: 'kubenet' });
    const nodes = (await ok(sb, 'kubectl get nodes --no-headers')).trim().split('\n').length;
    await ok(sb, `kubectl create deployment web --image=nginx --replicas=${nodes * 110 + 5}`);
    await sb.settle();
    const pods = (await ok(sb, 'kubectl get pods --no-headers')).trim().split('\n');
    expect(pods.filter((l) => /\sRunning\s/.test(l)).length).toBe(nodes * 110);
    const pending = pods.filter((l) => /\sPending\s/.test(l));
    expect(pending.length).toBe(5);
    const name = pending[0].split(/\s+/)[0];
    const describe = await ok(sb, `kubectl describe pod ${name}`);
    expect(describe).toMatch(new RegExp(`Warning\\s+FailedScheduling\\s+.*default-scheduler\\s+${TOO_MANY(nodes).replace(/[.()]/g, '\\$&')}`));
    expect(await ok(sb, 'kubectl get deploy web --no-headers')).toMatch(new RegExp(`^web\\s+${nodes * 110}/${nodes * 110 + 5}\\s`));
  });

  it('200,000 replicas settle quickly: full nodes, a bounded number of Pending pods', async () => {
    const sb = sandbox();
    await ok(sb, 'kubectl create deployment web --image=nginx --replicas=200000');
    await sb.settle();
    const pods = (await ok(sb, 'kubectl get pods --no-headers')).trim().split('\n');
    const nodes = (await ok(sb, 'kubectl get nodes --no-headers')).trim().split('\n').length;
    expect(pods.filter((l) => /\sRunning\s/.test(l)).length).toBe(nodes * 250);
    expect(pods.filter((l) => /\sPending\s/.test(l)).length).toBe(100);
    expect(await ok(sb, 'kubectl get deploy web -o jsonpath={.status.conditions[0].reason}')).toBe('MinimumReplicasUnavailable');
  });

  it('scaling another deployment down lets Pending pods in', async () => {
    const sb = sandbox({ networkPlugin: 'kubenet' });
    const nodes = (await ok(sb, 'kubectl get nodes --no-headers')).trim().split('\n').length;
    await ok(sb, `kubectl create deployment big --image=nginx --replicas=${nodes * 110}`);
    await sb.settle();
    await ok(sb, 'kubectl create deployment late --image=nginx --replicas=3');
    await sb.settle();
    expect((await ok(sb, 'kubectl get pods -l app=late --no-headers')).match(/Pending/g)?.length).toBe(3);
    await ok(sb, `kubectl scale deployment big --replicas=${nodes * 110 - 3}`);
    await sb.settle();
    expect((await ok(sb, 'kubectl get pods -l app=late --no-headers')).match(/Running/g)?.length).toBe(3);
    expect(await ok(sb, 'kubectl get deploy late -o jsonpath={.status.readyReplicas}')).toBe('3');
  });
});
