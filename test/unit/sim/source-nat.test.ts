/**
 * curl --trace says which source address the pod sees: with externalTrafficPolicy Cluster kube-proxy
 * masquerades external traffic to the receiving node's IP; with Local the client's address is kept
 * (domain reference §5, "client IP preserved").
 */
import { describe, expect, it } from 'vitest';
import { applyYaml, ok, sandbox, serviceYaml } from './helpers';

describe('source address seen by the pod (curl --trace)', () => {
  it('Cluster: SNAT to the IP of the node the load balancer chose', async () => {
    const sb = sandbox();
    await applyYaml(sb, serviceYaml('web'));
    await ok(sb, 'kubectl create deployment web --image=nginx');
    await sb.settle();
    const ip = await ok(sb, 'kubectl get svc web -o jsonpath={.status.loadBalancer.ingress[0].ip}');
    const t = (await sb.exec(`curl -s --trace ${ip}`)).stderr.split('\n');
    const node = /→ node (\S+) \((10\.\d+\.\d+\.\d+)\)/.exec(t.find((l) => l.includes('Backend pool'))!)!;
    expect(t.find((l) => l.includes('kube-proxy:'))).toMatch(
      new RegExp(`\\(externalTrafficPolicy Cluster\\) → endpoint .*, source 203\\.0\\.113\\.10 SNAT'd to node IP ${node[2]!.replace(/\./g, '\\.')}$`),
    );
  });

  it('Local: the client address reaches the pod', async () => {
    const sb = sandbox();
    await applyYaml(sb, serviceYaml('web', { spec: '  externalTrafficPolicy: Local\n' }));
    await ok(sb, 'kubectl create deployment web --image=nginx');
    await sb.settle();
    const ip = await ok(sb, 'kubectl get svc web -o jsonpath={.status.loadBalancer.ingress[0].ip}');
    const t = (await sb.exec(`curl -s --trace ${ip}`)).stderr.split('\n');
    expect(t.find((l) => l.includes('kube-proxy:'))).toMatch(/\(externalTrafficPolicy Local\) → endpoint .*, source 203\.0\.113\.10 kept \(no SNAT\)$/);
  });
});
