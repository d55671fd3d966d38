/**
 * Service DNS names from inside pods (CoreDNS behind the pod's resolv.conf: search
 * `<ns>.svc.cluster.local svc.cluster.local cluster.local`, ndots:5), and the ClusterIP data
 * path through kube-proxy. From the lab terminal (the internet) these names do not resolve.
 */
import { describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../src/sim/index';
import { candidateNames } from '../../../src/sim/network/dns';
import { applyYaml, ok, sandbox, serviceYaml } from './helpers';

const RUN = 'kubectl run tmp --rm -it --image=curlimages/curl --restart=Never';
const CODE = `-s -o /dev/null -w '%{http_code} %{remote_ip}:%{remote_port}\\n'`;
const deleted = (_ns = 'default') => `pod "tmp" deleted\n`;

async function cluster(): Promise<{ sb: Sandbox; clusterIp: string; pod: string; podIp: string; node: string; client: string }> {
  const sb = sandbox();
  await ok(sb, 'kubectl create namespace shop');
  await ok(sb, 'kubectl create namespace qa');
  await ok(sb, 'kubectl create deployment web --image=nginx -n shop');
  await applyYaml(sb, serviceYaml('web', { type: 'ClusterIP', namespace: 'shop' }));
  await sb.settle();
  const clusterIp = await ok(sb, 'kubectl get svc web -n shop -o jsonpath={.spec.clusterIP}');
  const pod = await ok(sb, 'kubectl get pods -n shop -l app=web -o jsonpath={.items[0].metadata.name}');
  const podIp = await ok(sb, 'kubectl get pods -n shop -l app=web -o jsonpath={.items[0].status.podIP}');
  const node = await ok(sb, 'kubectl get pods -n shop -l app=web -o jsonpath={.items[0].spec.nodeName}');
  const client = await ok(sb, 'kubectl get nodes -o jsonpath={.items[0].metadata.name}');
  return { sb, clusterIp, pod, podIp, node, client };
}

describe('resolv.conf search list', () => {
  it('short names get the search suffixes first (ndots:5); a trailing dot is absolute', () => {
    expect(candidateNames('web', 'shop')).toEqual(['web.shop.svc.cluster.local', 'web.svc.cluster.local', 'web.cluster.local', 'web']);
    expect(candidateNames('Web.Shop.svc.cluster.local.', 'qa')).toEqual(['web.shop.svc.cluster.local']);
    expect(candidateNames('a.b.c.d.e.f', 'qa')[0]).toBe('a.b.c.d.e.f');
  });
});

describe('Service names from a pod', () => {
  it('<svc>, <svc>.<ns>, <svc>.<ns>.svc, <svc>.<ns>.svc.cluster.local reach the ClusterIP and an endpoint', async () => {
    const { sb, clusterIp } = await cluster();
    for (const name of ['web', 'web.shop', 'web.shop.svc', 'web.shop.svc.cluster.local', 'web.shop.svc.cluster.local.']) {
      expect(await sb.exec(`${RUN} -n shop -- curl ${CODE} http://${name}/`)).toEqual({
        stdout: `200 ${clusterIp}:80\n${deleted('shop')}`,
        stderr: '',
        exitCode: 0,
      });
    }
    // From another namespace the short name is looked up in that namespace: not found.
    expect(await sb.exec(`${RUN} -n qa -- curl -sS http://web/`)).toEqual({
      stdout: deleted('qa'),
      stderr: 'curl: (6) Could not resolve host: web\n',
      exitCode: 6,
    });
    expect(await sb.exec(`${RUN} -n qa -- curl ${CODE} http://web.shop`)).toEqual({ stdout: `200 ${clusterIp}:80\n${deleted('qa')}`, stderr: '', exitCode: 0 });
    // The ClusterIP itself works too, and so does kubectl exec, and wget.
    const [pod] = (await ok(sb, 'kubectl get pods -n shop -o name')).trim().split('\n');
    expect((await sb.exec(`kubectl exec -n shop ${pod} -- curl -s http://${clusterIp}/`)).stdout).toContain('<title>Welcome to nginx!</title>');
    expect((await sb.exec(`kubectl exec -n shop ${pod} -- wget -qO- http://web.shop.svc.cluster.local`)).stdout).toContain('<title>Welcome to nginx!</title>');
    expect(await sb.exec(`kubectl exec -n shop ${pod} -- wget -qO- http://nosuch`)).toEqual({
      stdout: '',
      stderr: "wget: bad address 'nosuch'\ncommand terminated with exit code 1\n",
      exitCode: 1,
    });
  });

  it('--trace: search list, CoreDNS answer, kube-proxy, the pod', async () => {
    const { sb, clusterIp, pod, podIp, node, client } = await cluster();
    const r = await sb.exec(`${RUN} -n qa -- curl -s --trace -o /dev/null http://web.shop/`);
    expect(r).toEqual({
      stdout: deleted('qa'),
      stderr: [
        '[trace] 1. Pod resolv.conf (search qa.svc.cluster.local svc.cluster.local cluster.local, ndots:5): web.shop → web.shop.svc.cluster.local',
        `[trace] 2. CoreDNS: web.shop.svc.cluster.local is Service shop/web → A ${clusterIp} (ClusterIP)`,
        `[trace] 3. Pod on node ${client} → ${clusterIp}:80: ClusterIP of Service shop/web; kube-proxy on that node DNATs it to an endpoint`,
        `[trace] 4. kube-proxy: Service shop/web port 80 (internalTrafficPolicy Cluster) → endpoint ${podIp}:80 (pod ${pod}, node ${node})`,
        `[trace] 5. Pod shop/${pod} (image nginx) answered: HTTP 200`,
        '',
      ].join('\n'),
      exitCode: 0,
    });
    expect((await sb.exec(`${RUN} -n qa -- curl -s --trace http://web/`)).stderr).toBe(
      '[trace] 1. CoreDNS: NXDOMAIN for web.qa.svc.cluster.local, web.svc.cluster.local, web.cluster.local (pod resolv.conf search list, ndots:5); web is forwarded upstream to Azure DNS\n[trace] 2. Azure DNS: no record for web (NXDOMAIN)\n',
    );
  });

  it('ClusterIP edge cases: no endpoints → (7); a port the Service lacks → dropped (28)', async () => {
    const { sb, clusterIp, client } = await cluster();
    expect(await sb.exec(`${RUN} -n shop -- curl -sS -m 3 -w '%{http_code}\\n' http://web:8080/`)).toEqual({
      stdout: `000\n${deleted('shop')}`,
      stderr: 'curl: (28) Failed to connect to web port 8080 after 3000 ms: Timeout was reached\n',
      exitCode: 28,
    });
    expect((await sb.exec(`${RUN} -n shop -- curl -s --trace -m 3 http://web:8080/`)).stderr).toContain(
      `[trace] 3. Pod on node ${client} → ${clusterIp}:8080: ${clusterIp} is the ClusterIP of Service shop/web, which has no TCP port 8080; kube-proxy has no rule for it, and nothing else owns a ClusterIP → packet dropped\n`,
    );
    await ok(sb, 'kubectl scale deployment web -n shop --replicas=0');
    await sb.settle();
    expect(await sb.exec(`${RUN} -n shop -- curl http://web.shop.svc.cluster.local/`)).toEqual({
      stdout: deleted('shop'),
      stderr: "curl: (7) Failed to connect to web.shop.svc.cluster.local port 80 after 1 ms: Couldn't connect to server\n",
      exitCode: 7,
    });
    expect((await sb.exec(`${RUN} -n shop -- curl -s --trace http://${clusterIp}/`)).stderr).toContain(
      'kube-proxy: Service shop/web port 80 has no ready endpoints → REJECT (connection refused)\n',
    );
  });

  it('headless Service: an A record per ready pod, straight to the pod; no endpoints → no answer (6)', async () => {
    const sb = sandbox();
    await ok(sb, 'kubectl create deployment db --image=nginx --replicas=2');
    await applyYaml(sb, serviceYaml('db', { type: 'ClusterIP', spec: '  clusterIP: None\n' }));
    await sb.settle();
    const ips = (await ok(sb, `kubectl get pods -l app=db -o jsonpath='{.items[*].status.podIP}'`)).split(' ');
    const r = await sb.exec(`${RUN} -- curl ${CODE} --trace http://db/`);
    expect(r.exitCode).toBe(0);
    const ip = /^200 (\S+):80\n/.exec(r.stdout)?.[1];
    expect(ips).toContain(ip);
    expect(r.stderr).toContain(`(no ClusterIP: straight to a pod, no kube-proxy); curl uses ${ip}\n`);
    expect(r.stderr).toContain('routed pod to pod (no kube-proxy)');
    await ok(sb, 'kubectl scale deployment db --replicas=0');
    await sb.settle();
    expect(await sb.exec(`${RUN} -- curl -sS http://db.default.svc.cluster.local/`)).toEqual({
      stdout: deleted(),
      stderr: 'curl: (6) Could not resolve host: db.default.svc.cluster.local\n',
      exitCode: 6,
    });
  });

  it('ExternalName: CNAME to another Service is followed; to a name nobody knows → (6)', async () => {
    const { sb, clusterIp } = await cluster();
    await applyYaml(
      sb,
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: shop-alias\n  namespace: qa\nspec:\n  type: ExternalName\n  externalName: web.shop.svc.cluster.local\n',
    );
    await applyYaml(
      sb,
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: partner\n  namespace: qa\nspec:\n  type: ExternalName\n  externalName: api.partner.example\n',
    );
    const r = await sb.exec(`${RUN} -n qa -- curl ${CODE} --trace http://shop-alias/`);
    expect(r.stdout).toBe(`200 ${clusterIp}:80\n${deleted('qa')}`);
    expect(r.stderr.split('\n').slice(0, 3)).toEqual([
      '[trace] 1. Pod resolv.conf (search qa.svc.cluster.local svc.cluster.local cluster.local, ndots:5): shop-alias → shop-alias.qa.svc.cluster.local',
      '[trace] 2. CoreDNS: shop-alias.qa.svc.cluster.local is ExternalName Service qa/shop-alias → CNAME web.shop.svc.cluster.local',
      `[trace] 3. CoreDNS: web.shop.svc.cluster.local is Service shop/web → A ${clusterIp} (ClusterIP)`,
    ]);
    expect(await sb.exec(`${RUN} -n qa -- curl http://partner/`)).toEqual({
      stdout: deleted('qa'),
      stderr: 'curl: (6) Could not resolve host: partner\n',
      exitCode: 6,
    });
  });

  it("ExternalName to a Public IP's DNS label resolves through Azure DNS", async () => {
    const sb = sandbox();
    await ok(sb, 'kubectl create deployment web --image=nginx');
    await applyYaml(sb, serviceYaml('web', { annotations: { 'service.beta.kubernetes.io/azure-dns-label-name': 'shop-demo' } }));
    await applyYaml(
      sb,
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: front\nspec:\n  type: ExternalName\n  externalName: shop-demo.eastus.cloudapp.azure.com\n',
    );
    await sb.settle();
    const ip = await ok(sb, 'kubectl get svc web -o jsonpath={.status.loadBalancer.ingress[0].ip}');
    expect(await sb.exec(`${RUN} -- curl ${CODE} http://front/`)).toEqual({ stdout: `200 ${ip}:80\n${deleted()}`, stderr: '', exitCode: 0 });
  });
});

describe('localhost', () => {
  it('in a pod is the pod itself; in the terminal nothing listens', async () => {
    const { sb, pod } = await cluster();
    expect(await sb.exec(`kubectl exec -n shop ${pod} -- curl -s -o /dev/null -w '%{http_code} %{remote_ip}' localhost`)).toEqual({
      stdout: '200 127.0.0.1',
      stderr: '',
      exitCode: 0,
    });
    expect((await sb.exec(`kubectl exec -n shop ${pod} -- curl -s --trace http://127.0.0.1:8080/`)).stderr).toBe(
      `[trace] 1. 127.0.0.1 is loopback: pod shop/${pod}'s own network namespace (its containers share it)\n[trace] 2. nothing in pod shop/${pod} listens on port 8080 → RST (connection refused)\ncommand terminated with exit code 7\n`,
    );
    expect(await sb.exec(`${RUN} -- curl http://localhost/`)).toEqual({
      stdout: deleted(),
      stderr: "curl: (7) Failed to connect to localhost port 80 after 1 ms: Couldn't connect to server\n",
      exitCode: 7,
    });
    expect(await sb.exec('curl localhost')).toEqual({
      stdout: '',
      stderr: "curl: (7) Failed to connect to localhost port 80 after 0 ms: Couldn't connect to server\n",
      exitCode: 7,
    });
  });
});

describe('from the lab terminal (the internet)', () => {
  it('cluster names do not resolve; a ClusterIP is not routable', async () => {
    const { sb, clusterIp } = await cluster();
    for (const name of ['web', 'web.shop', 'web.shop.svc', 'web.shop.svc.cluster.local']) {
      expect(await sb.exec(`curl http://${name}/`)).toEqual({ stdout: '', stderr: `curl: (6) Could not resolve host: ${name}\n`, exitCode: 6 });
    }
    expect(await sb.exec(`curl -s -w '%{http_code}' http://web.shop/`)).toEqual({ stdout: '000', stderr: '', exitCode: 6 });
    expect((await sb.exec(`curl --trace http://web.shop/`)).stderr).toBe(
      "[trace] 1. DNS: no record for web.shop (NXDOMAIN). From the lab terminal only Azure DNS labels of Public IPs resolve; Service names exist only in the cluster's DNS, for pods\ncurl: (6) Could not resolve host: web.shop\n",
    );
    expect((await sb.exec(`curl -m 2 http://${clusterIp}/`)).exitCode).toBe(28);
  });
});
