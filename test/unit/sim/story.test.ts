/**
 * Issue #4 scenario: three Services, four Public IPs. Traffic comes in through each Service's
 * IP and leaves through the fourth (the AKS-managed outbound IP). Driven only through exec.
 */
import { describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../src/sim/index';
import { NODE_RG, ok, sandbox } from './helpers';

const deployment = (name: string, ns: string, image: string, port: number) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  replicas: 1
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
      - name: ${name}
        image: ${image}
        ports:
        - containerPort: ${port}
`;

const lbService = (name: string, ns: string, app: string, ports: string) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  type: LoadBalancer
  selector:
    app: ${app}
  ports:
${ports}`;

async function story(): Promise<Sandbox> {
  const sb = sandbox();
  await ok(sb, 'kubectl create namespace ingress-basic');
  await ok(sb, 'kubectl create namespace qa');
  // The ingress controller comes from the chart, as on the real cluster the course grew from.
  await ok(sb, 'helm repo add ingress-nginx https://kubernetes.github.io/ingress-nginx');
  await ok(sb, 'helm install nginx-ingress ingress-nginx/ingress-nginx -n ingress-basic');
  await ok(sb, 'kubectl apply -f -', deployment('mysql', 'qa', 'mysql:8.0', 3306));
  await ok(sb, 'kubectl apply -f -', lbService('mysql-lb', 'qa', 'mysql', '  - port: 30000\n    targetPort: 3306\n'));
  await ok(sb, 'kubectl apply -f -', deployment('redis', 'qa', 'redis:7', 6379));
  await ok(sb, 'kubectl apply -f -', lbService('redis-lb', 'qa', 'redis', '  - port: 6379\n    targetPort: 6379\n'));
  await sb.settle();
  return sb;
}

const ipOf = async (sb: Sandbox, ns: string, name: string) => ok(sb, `kubectl get svc ${name} -n ${ns} -o jsonpath={.status.loadBalancer.ingress[0].ip}`);

describe('story: three Services, four Public IPs', () => {
  it('shows three EXTERNAL-IPs and four Public IPs, the fourth the managed outbound IP', async () => {
    const sb = await story();
    const svcs = (await ok(sb, 'kubectl get svc -A')).split('\n').filter((l) => / LoadBalancer /.test(l));
    expect(svcs).toHaveLength(3);
    for (const l of svcs) expect(l).toMatch(/LoadBalancer\s+\S+\s+\d+\.\d+\.\d+\.\d+\s/);
    const table = (await ok(sb, `az network public-ip list -g ${NODE_RG} -o table`)).trim().split('\n');
    expect(table).toHaveLength(2 + 4);
    const outbound = (
      await ok(sb, `az network public-ip list -g ${NODE_RG} --query "[?tags.\\"aks-managed-type\\"=='aks-slb-managed-outbound-ip'].ipAddress" -o tsv`)
    ).trim();
    expect(outbound).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const serviceIps = await Promise.all([
      ipOf(sb, 'ingress-basic', 'nginx-ingress-ingress-nginx-controller'),
      ipOf(sb, 'qa', 'mysql-lb'),
      ipOf(sb, 'qa', 'redis-lb'),
    ]);
    expect(serviceIps).not.toContain(outbound);

    // Egress from a pod: the fourth IP, never a Service's own.
    const pod = (await ok(sb, 'kubectl get pods -n qa -l app=redis -o jsonpath={.items[0].metadata.name}')).trim();
    expect(await ok(sb, `kubectl exec ${pod} -n qa -- curl -s ifconfig.me`)).toBe(outbound);
    expect(await ok(sb, `kubectl exec -n qa ${pod} -- wget -qO- api.ipify.org`)).toBe(outbound);
    expect(await ok(sb, 'kubectl run tmp --image=curlimages/curl --rm -it --restart=Never -- curl -s ifconfig.me')).toBe(`${outbound}pod "tmp" deleted\n`);
    expect(await ok(sb, 'curl -s ifconfig.me')).toBe('203.0.113.10');

    // Inbound: each Service answers as its app would.
    const [ingress, mysql, redis] = serviceIps;
    const r404 = await sb.exec(`curl -s http://${ingress}/`);
    expect(r404.stdout).toContain('<title>404 Not Found</title>');
    const r443 = await sb.exec(`curl -s http://${ingress}:443/`);
    expect(r443.stdout).toContain('The plain HTTP request was sent to HTTPS port');
    expect(await sb.exec(`curl http://${mysql}:30000`)).toEqual({ stdout: '', stderr: 'curl: (1) Received HTTP/0.9 when not allowed\n', exitCode: 1 });
    expect(await sb.exec(`curl ${redis}:6379`)).toEqual({ stdout: '', stderr: 'curl: (1) Received HTTP/0.9 when not allowed\n', exitCode: 1 });
    // The outbound IP takes no inbound connections.
    const t0 = sb.clock.now();
    expect(await sb.exec(`curl --connect-timeout 5 http://${outbound}/`)).toEqual({
      stdout: '',
      stderr: `curl: (28) Failed to connect to ${outbound} port 80 after 5000 ms: Timeout was reached\n`,
      exitCode: 28,
    });
    expect(sb.clock.now() - t0).toBe(5000);
  });
});
