/**
 * A pod's connection to a Service's load balancer IP is handled by kube-proxy on the pod's node
 * (it programs every status.loadBalancer.ingress IP), so a pod reaches an internal (private)
 * frontend, which the internet cannot.
 */
import { describe, expect, it } from 'vitest';
import { applyYaml, ok, P, sandbox, serviceYaml } from './helpers';

describe('curl from a pod to a Service load balancer IP', () => {
  it('reaches an internal frontend from inside, times out from the internet', async () => {
    const sb = sandbox();
    await ok(sb, 'kubectl create deployment web --image=nginx:1.27 --port=80');
    await applyYaml(sb, serviceYaml('web', { annotations: { [`${P}azure-load-balancer-internal`]: 'true' } }));
    await sb.settle();
    const ip = await ok(sb, 'kubectl get svc web -o jsonpath={.status.loadBalancer.ingress[0].ip}');
    expect(ip).toMatch(/^10\.224\.0\.\d+$/);

    const outside = await sb.exec(`curl --connect-timeout 5 http://${ip}/`);
    expect(outside.exitCode).toBe(28);

    const pod = (await ok(sb, 'kubectl get pods -l app=web -o jsonpath={.items[0].metadata.name}')).trim();
    const inside = await sb.exec(`kubectl exec ${pod} -- curl -s --trace http://${ip}/`);
    expect(inside.exitCode).toBe(0);
    expect(inside.stdout).toContain('<title>Welcome to nginx!</title>');
    expect(inside.stderr).toContain(`kube-proxy on that node holds ${ip} as the load balancer IP of Service default/web`);
    // A port the Service does not have, or an address nobody owns, still goes nowhere.
    expect((await sb.exec(`kubectl exec ${pod} -- curl -s --connect-timeout 2 http://${ip}:8080/`)).exitCode).toBe(28);
    expect((await sb.exec(`kubectl exec ${pod} -- curl -s --connect-timeout 2 http://10.224.0.200/`)).exitCode).toBe(28);
  });

  it('kubectl run reaches it too, and the internet path is unchanged', async () => {
    const sb = sandbox();
    await ok(sb, 'kubectl create deployment web --image=nginx:1.27 --port=80');
    await applyYaml(sb, serviceYaml('web', { annotations: { [`${P}azure-load-balancer-internal`]: 'true' } }));
    await ok(sb, 'kubectl create deployment pub --image=nginx:1.27 --port=80');
    await applyYaml(sb, serviceYaml('pub'));
    await sb.settle();
    const ip = await ok(sb, 'kubectl get svc web -o jsonpath={.status.loadBalancer.ingress[0].ip}');
    const r = await ok(sb, `kubectl run tmp --image=curlimages/curl --rm -it --restart=Never -- curl -s http://${ip}/`);
    expect(r).toContain('<title>Welcome to nginx!</title>');
    const pub = await ok(sb, 'kubectl get svc pub -o jsonpath={.status.loadBalancer.ingress[0].ip}');
    const t = await sb.exec(`curl -s --trace http://${pub}/`);
    expect(t.stdout).toContain('Welcome to nginx!');
    expect(t.stderr).toContain('[trace] 1. Public IP');
    expect(t.stderr).toContain('(externalTrafficPolicy Cluster) → endpoint');
  });
});
