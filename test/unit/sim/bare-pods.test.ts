import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../../src/sim/index';

describe('pods nobody else schedules', () => {
  it('kubectl run gets a node, an IP and Running; exec and egress work in it', async () => {
    const sb = createSandbox();
    expect((await sb.exec('kubectl run tmp --image=busybox -- sleep infinity')).stdout).toBe('pod/tmp created\n');
    await sb.settle();
    const wide = (await sb.exec('kubectl get pod tmp -o wide --no-headers')).stdout;
    expect(wide).toMatch(/^tmp\s+1\/1\s+Running\s+0\s+\S+\s+10\.244\.\d+\.\d+\s+aks-nodepool1-\d+-vmss00000\d\s/);
    const events = (await sb.exec('kubectl get events --field-selector involvedObject.name=tmp -o custom-columns=REASON:.reason --no-headers')).stdout;
    expect(events).toContain('Scheduled');
    const egress = await sb.exec('kubectl exec tmp -- wget -qO- ifconfig.me');
    expect(egress.exitCode, egress.stderr).toBe(0);
    expect(egress.stdout.trim()).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it('a Pod manifest is scheduled the same way', async () => {
    const sb = createSandbox();
    await sb.exec('kubectl apply -f -', {
      stdin: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n',
    });
    await sb.settle();
    expect((await sb.exec(`kubectl get pod web -o jsonpath='{.status.phase} {.spec.nodeName}'`)).stdout).toMatch(/^Running aks-nodepool1-\d+-vmss00000\d$/);
  });

  it('stays Pending with FailedScheduling when every node is full, and starts when room appears', async () => {
    const sb = createSandbox();
    await sb.exec('kubectl create deployment filler --image=nginx --replicas=750');
    await sb.settle();
    await sb.exec('kubectl run late --image=busybox -- sleep infinity');
    await sb.settle();
    expect((await sb.exec(`kubectl get pod late -o jsonpath='{.status.phase}'`)).stdout).toBe('Pending');
    const events = (
      await sb.exec('kubectl get events --field-selector involvedObject.name=late -o custom-columns=REASON:.reason,MESSAGE:.message --no-headers')
    ).stdout;
    expect(events).toMatch(/FailedScheduling\s+0\/3 nodes are available: 3 Too many pods\./);
    await sb.exec('kubectl scale deployment filler --replicas=10');
    await sb.settle();
    expect((await sb.exec(`kubectl get pod late -o jsonpath='{.status.phase}'`)).stdout).toBe('Running');
  });
});
