/** Ingress routing through ingress-nginx installed by helm (issue #4, Ingress). */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../src/sim/index';
import { applyYaml, ok, sandbox } from './helpers';

const NOT_FOUND =
  '<html>\n<head><title>404 Not Found</title></head>\n<body>\n<center><h1>404 Not Found</h1></center>\n<hr><center>nginx</center>\n</body>\n</html>\n';
const UNAVAILABLE =
  '<html>\n<head><title>503 Service Temporarily Unavailable</title></head>\n<body>\n<center><h1>503 Service Temporarily Unavailable</h1></center>\n<hr><center>nginx</center>\n</body>\n</html>\n';

function app(name: string, image: string, ns = 'default', replicas = 1): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
      - name: web
        image: ${image}
        ports:
        - containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  selector:
    app: ${name}
  ports:
  - port: 80
`;
}

const INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: routes
  namespace: default
spec:
  ingressClassName: nginx
  rules:
  - host: hello.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: hello
            port:
              number: 80
      - path: /web
        pathType: Prefix
        backend:
          service:
            name: web
            port:
              number: 80
      - path: /web/exact
        pathType: Exact
        backend:
          service:
            name: empty
            port:
              number: 80
  - host: web.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: web
            port:
              number: 80
  - host: down.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: empty
            port:
              number: 80
  - host: alias.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: alias
            port:
              number: 80
  - host: alias2.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: alias-short
            port:
              number: 80
  - host: outside.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: outside
            port:
              number: 80
`;

describe('Ingress routing through one ingress-nginx Public IP', () => {
  let sb: Sandbox;
  let ip: string;
  const curl = async (host: string, path = '/') => sb.exec(`curl -s -H 'Host: ${host}' http://${ip}${path}`);

  beforeAll(async () => {
    sb = sandbox();
    await ok(sb, 'helm repo add ingress-nginx https://kubernetes.github.io/ingress-nginx');
    await ok(
      sb,
      'helm install ingress-nginx ingress-nginx/ingress-nginx -n ingress-basic --create-namespace --set controller.service.annotations."service\\.beta\\.kubernetes\\.io/azure-load-balancer-health-probe-request-path"=/healthz',
    );
    await applyYaml(sb, app('hello', 'mcr.microsoft.com/azuredocs/aks-helloworld:v1'));
    await applyYaml(sb, app('web', 'nginx:1.27'));
    await applyYaml(sb, app('empty', 'nginx:1.27', 'default', 0));
    await ok(sb, 'kubectl create ns apps');
    await applyYaml(sb, app('store', 'nginx:1.27', 'apps'));
    await ok(sb, 'kubectl create service externalname alias --external-name store.apps.svc.cluster.local');
    await ok(sb, 'kubectl create service externalname alias-short --external-name store.apps');
    await ok(sb, 'kubectl create service externalname outside --external-name www.example.org');
    await applyYaml(sb, INGRESS);
    await sb.settle();
    ip = await ok(sb, 'kubectl get svc ingress-nginx-controller -n ingress-basic -o jsonpath={.status.loadBalancer.ingress[0].ip}');
  });

  it('routes by host: two hosts, one IP, two apps', async () => {
    expect(ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect((await curl('hello.example.com')).stdout).toContain('<title>Welcome to Azure Kubernetes Service (AKS)</title>');
    expect((await curl('web.example.com')).stdout).toContain('<title>Welcome to nginx!</title>');
  });

  it('routes by longest Prefix and Exact path', async () => {
    // /web → nginx, which has no /web page: its own 404 comes back, its version in the page's last line.
    const r = await sb.exec(`curl -sI -H 'Host: hello.example.com' http://${ip}/web`);
    expect(r.stdout.split('\n')[0]).toBe('HTTP/1.1 404 Not Found');
    expect((await curl('hello.example.com', '/web')).stdout).toBe(NOT_FOUND.replace('<center>nginx</center>', '<center>nginx/1.27.4</center>'));
    expect((await curl('hello.example.com', '/webby')).stdout).toContain('Welcome to Azure Kubernetes Service');
    expect((await curl('hello.example.com', '/web/exact')).stdout).toBe(UNAVAILABLE);
    expect((await curl('hello.example.com', '/web/exact/more')).stdout).not.toBe(UNAVAILABLE);
  });

  it('like ingress-nginx by default, no response through the controller carries a Server header', async () => {
    // The chart's defaults: server-tokens false (more_clear_headers Server) and
    // allow-backend-server-header false, so neither the app's 404 nor the controller's own names a server.
    for (const [host, path] of [
      ['hello.example.com', '/web'],
      ['web.example.com', '/'],
      ['nobody.example.com', '/'],
      ['down.example.com', '/'],
    ] as const) {
      const head = (await sb.exec(`curl -sI -H 'Host: ${host}' http://${ip}${path}`)).stdout;
      expect(head, `${host}${path}`).toMatch(/^HTTP\/1\.1 \d{3} /);
      expect(head.toLowerCase(), `${host}${path}`).not.toContain('server:');
    }
  });

  it('the nginx pod itself still names its version (header and page) when reached without the controller', async () => {
    const podIp = await ok(sb, 'kubectl get pod -n apps -l app=store -o jsonpath={.items[0].status.podIP}');
    const head = (await sb.exec(`kubectl run probe --rm -i --restart=Never --image=curlimages/curl -- curl -sI http://${podIp}/missing`)).stdout;
    expect(head).toContain('Server: nginx/1.27.4');
  });

  it('no matching rule → the controller default backend 404 page', async () => {
    const r = await sb.exec(`curl -sI -H 'Host: nobody.example.com' http://${ip}/`);
    expect(r.stdout.split('\n')[0]).toBe('HTTP/1.1 404 Not Found');
    expect((await curl('nobody.example.com')).stdout).toBe(NOT_FOUND);
    expect((await sb.exec(`curl -s http://${ip}/`)).stdout).toBe(NOT_FOUND);
  });

  it('backend Service without endpoints → 503 Service Temporarily Unavailable', async () => {
    const r = await sb.exec(`curl -sI -H 'Host: down.example.com' http://${ip}/`);
    expect(r.stdout.split('\n')[0]).toBe('HTTP/1.1 503 Service Temporarily Unavailable');
    expect((await curl('down.example.com')).stdout).toBe(UNAVAILABLE);
    const t = await sb.exec(`curl -s --trace -H 'Host: down.example.com' http://${ip}/`);
    expect(t.stderr).toContain('ingress-nginx: Service default/empty has no ready endpoints → 503');
  });

  it('ExternalName backend proxies to the named in-cluster Service', async () => {
    expect((await curl('alias.example.com')).stdout).toContain('<title>Welcome to nginx!</title>');
    expect((await curl('alias2.example.com')).stdout).toContain('<title>Welcome to nginx!</title>');
    const t = await sb.exec(`curl -s --trace -H 'Host: alias.example.com' http://${ip}/`);
    expect(t.stderr).toContain('ingress-nginx: ExternalName default/alias → store.apps.svc.cluster.local resolves to Service apps/store');
  });

  it('ExternalName outside the cluster → 504 after the proxy connect timeout', async () => {
    const before = sb.clock.now();
    const r = await sb.exec(`curl -sI -H 'Host: outside.example.com' http://${ip}/`);
    expect(r.stdout.split('\n')[0]).toBe('HTTP/1.1 504 Gateway Time-out');
    expect(sb.clock.now() - before).toBe(5000);
  });

  it('an Ingress of another class is ignored', async () => {
    await applyYaml(
      sb,
      INGRESS.replace('name: routes', 'name: other')
        .replace('ingressClassName: nginx', 'ingressClassName: traefik')
        .replace('hello.example.com', 'traefik.example.com'),
    );
    expect((await curl('traefik.example.com')).stdout).toBe(NOT_FOUND);
  });
});
