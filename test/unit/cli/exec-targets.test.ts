import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../../src/sim/index';

async function lab() {
  const sb = createSandbox();
  await sb.exec('kubectl create deployment web --image=nginx:1.27 --replicas=2');
  await sb.exec('kubectl expose deployment web --port=80');
  await sb.exec('kubectl apply -f -', { stdin: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: b\n' });
  await sb.settle();
  return sb;
}

describe('kubectl exec TYPE/NAME picks one of the pods behind it', () => {
  it('deploy/, deployment/ and svc/ reach a running pod of the workload', async () => {
    const sb = await lab();
    const pods = (await sb.exec('kubectl get pods -l app=web -o name')).stdout.trim().split('\n');
    expect(pods).toHaveLength(2);
    for (const target of ['deploy/web', 'deployment/web', 'svc/web']) {
      const r = await sb.exec(`kubectl exec ${target} -- hostname`);
      expect(r.exitCode, r.stderr).toBe(0);
      expect(pods).toContain(`pod/${r.stdout.trim()}`);
    }
  });

  it('refuses kinds without a selector and workloads without pods, in kubectl’s words', async () => {
    const sb = await lab();
    expect((await sb.exec('kubectl exec configmap/settings -- hostname')).stderr).toBe(
      'error: cannot attach to *v1.ConfigMap: selector for *v1.ConfigMap not implemented\n',
    );
    await sb.exec('kubectl scale deployment web --replicas=0');
    await sb.settle();
    expect((await sb.exec('kubectl exec deploy/web -- hostname')).stderr).toBe('error: timed out waiting for the condition\n');
    expect((await sb.exec('kubectl exec deploy/nope -- hostname')).stderr).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
  });

  it('kubectl run --command puts the words in command, otherwise in args', async () => {
    const sb = await lab();
    await sb.exec('kubectl run a --image=busybox -- sleep 3600');
    await sb.exec('kubectl run b --image=busybox --command -- sleep 3600');
    expect((await sb.exec(`kubectl get pod a -o jsonpath='{.spec.containers[0].args}'`)).stdout).toBe('["sleep","3600"]');
    expect((await sb.exec(`kubectl get pod b -o jsonpath='{.spec.containers[0].command}'`)).stdout).toBe('["sleep","3600"]');
  });
});

describe('kubectl exec into a shell', () => {
  it('says that interactive shells are not simulated (not that sh is missing), and what works instead', async () => {
    const sb = await lab();
    const pod = (await sb.exec('kubectl get pods -l app=web -o jsonpath={.items[0].metadata.name}')).stdout;
    for (const line of [
      `kubectl exec -it ${pod} -- sh`,
      `kubectl exec -it deploy/web -- /bin/bash`,
      `kubectl exec ${pod} -- sh -c 'curl -s ifconfig.me | head'`,
    ]) {
      const r = await sb.exec(line);
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toMatch(/^error: interactive shells are not simulated in this lab/);
      expect(r.stderr).not.toMatch(/executable file not found/);
      expect(r.stderr).toContain(`kubectl exec ${pod} -- curl -s ifconfig.me`);
    }
  });
  it('runs the one command of sh -c like the command itself', async () => {
    const sb = await lab();
    const direct = await sb.exec('kubectl exec deploy/web -- curl -s ifconfig.me');
    expect(await sb.exec(`kubectl exec deploy/web -- sh -c 'curl -s ifconfig.me'`)).toEqual(direct);
    expect(direct.exitCode).toBe(0);
  });
});
