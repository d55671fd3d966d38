import { describe, expect, it } from 'vitest';
import { runLoadBalancerBench } from '../../../src/sim/bench';
import { createSandbox } from '../../../src/sim/index';

describe('exec delegates to the CLI', () => {
  it('applies a Service and shows <pending> then an IP', async () => {
    const sb = createSandbox();
    const yaml = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: LoadBalancer\n  ports:\n  - port: 80\n  selector:\n    app: web\n';
    const r = await sb.exec('kubectl apply -f -', { stdin: yaml });
    expect(r.stdout).toContain('service/web created');
    const before = await sb.exec('kubectl get svc web');
    expect(before.stdout).toContain('<pending>');
    await sb.settle();
    const ip = (sb.kube.get('Service', 'web', 'default').status as { loadBalancer: { ingress: { ip: string }[] } }).loadBalancer.ingress[0].ip;
    const after = await sb.exec('kubectl get svc web');
    expect(after.stdout).toContain(ip);
  });
});

describe('bench helper', () => {
  it('runs 200 services with raised limits and all get an IP', () => {
    const r = runLoadBalancerBench(200);
    expect(r.servicesWithIp).toBe(200);
  });
  it('with the real Azure limits a few services still take the full path', () => {
    const r = runLoadBalancerBench(20, 'azure');
    expect(r.servicesWithIp).toBe(20);
    expect(r.virtualSeconds).toBe(160);
  });
});
