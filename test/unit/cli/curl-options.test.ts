/**
 * curl's output options through `sandbox.exec`, exact output: -o/--output, -w/--write-out,
 * -I/-i, -f/--fail, -m/--connect-timeout, in the terminal and inside pods.
 */
import { describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../src/sim/index';
import { applyYaml, ok, sandbox, serviceYaml } from '../sim/helpers';

const NGINX_BYTES = 288;

async function web(): Promise<{ sb: Sandbox; ip: string; pod: string }> {
  const sb = sandbox();
  await applyYaml(sb, serviceYaml('web'));
  await ok(sb, 'kubectl create deployment web --image=nginx');
  await sb.settle();
  const ip = await ok(sb, 'kubectl get svc web -o jsonpath={.status.loadBalancer.ingress[0].ip}');
  const pod = (await ok(sb, 'kubectl get pods -l app=web -o jsonpath={.items[0].metadata.name}')).trim();
  return { sb, ip, pod };
}

describe('curl -o / -w', () => {
  it('curl -s -o /dev/null -w "%{http_code}" prints the status code only', async () => {
    const { sb, ip } = await web();
    expect(await sb.exec(`curl -s -o /dev/null -w "%{http_code}" http://${ip}/`)).toEqual({ stdout: '200', stderr: '', exitCode: 0 });
    expect(await sb.exec(`curl -s -o /dev/null -w '%{http_code}\\n' http://${ip}/missing`)).toEqual({ stdout: '404\n', stderr: '', exitCode: 0 });
    // Short options in one word, the value glued on or in the next word.
    expect(await sb.exec(`curl -so /dev/null -w%{response_code} ${ip}`)).toEqual({ stdout: '200', stderr: '', exitCode: 0 });
    expect(await sb.exec(`curl -sSo/dev/null --write-out '%{http_code}' ${ip}`)).toEqual({ stdout: '200', stderr: '', exitCode: 0 });
  });

  it('-w variables: remote_ip, remote_port, url_effective, size_download, exitcode, time_total, escapes', async () => {
    const { sb, ip } = await web();
    const r = await sb.exec(
      `curl -s -o /dev/null -w '%{remote_ip}:%{remote_port} %{url_effective} %{size_download} %{exitcode} %{time_total} %{content_type}\\t100%%\\n' ${ip}`,
    );
    expect(r).toEqual({ stdout: `${ip}:80 http://${ip}/ ${NGINX_BYTES} 0 0.000000 text/html\t100%\n`, stderr: '', exitCode: 0 });
    // The body and then the write-out, on stdout.
    const both = await sb.exec(`curl -s -w '\\n%{http_code}\\n' http://${ip}:80/index.html`);
    expect(both.stdout.endsWith('</html>\n\n200\n')).toBe(true);
    expect((await sb.exec(`curl -s -o /dev/null -w '%{url_effective}' http://${ip}:80/a?b=1`)).stdout).toBe(`http://${ip}:80/a?b=1`);
    expect(await sb.exec(`curl -s -o /dev/null -w '%{nope}%{http_code}' ${ip}`)).toEqual({
      stdout: '200',
      stderr: "curl: unknown --write-out variable: 'nope'\n",
      exitCode: 0,
    });
  });

  it('a timeout: -w prints 000, exit 28, time_total is the virtual wait', async () => {
    const { sb, ip } = await web();
    const t0 = sb.clock.now();
    expect(await sb.exec(`curl -s -o /dev/null -w "%{http_code}" --connect-timeout 5 http://${ip}:8080/`)).toEqual({ stdout: '000', stderr: '', exitCode: 28 });
    expect(sb.clock.now() - t0).toBe(5000);
    expect(
      await sb.exec(`curl -sS -o /dev/null -w '%{http_code} %{exitcode} %{time_total} [%{remote_ip}] %{remote_port}\\n' -m 2.5 http://${ip}:8080/`),
    ).toEqual({
      stdout: '000 28 2.500000 [] 0\n',
      stderr: `curl: (28) Failed to connect to ${ip} port 8080 after 2500 ms: Timeout was reached\n`,
      exitCode: 28,
    });
    expect(await sb.exec(`curl -w '%{http_code}' --connect-timeout=5 ${ip}`)).toEqual({
      stdout: '',
      stderr: "curl: option --connect-timeout=5: is unknown\ncurl: try 'curl --help' for more information\n",
      exitCode: 2,
    });
    expect(await sb.exec(`curl -m abc ${ip}`)).toEqual({
      stdout: '',
      stderr: "curl: option -m: expected a proper numerical parameter\ncurl: try 'curl --help' for more information\n",
      exitCode: 2,
    });
    expect(await sb.exec(`curl ${ip} -o`)).toEqual({
      stdout: '',
      stderr: "curl: option -o: requires parameter\ncurl: try 'curl --help' for more information\n",
      exitCode: 2,
    });
  });

  it('the default wait: the kernel gives up after 127 s (curl 8: "Couldn\'t connect to server", exit 28)', async () => {
    const { sb, ip } = await web();
    expect(await sb.exec(`curl -w '%{http_code}\\n' --connect-timeout 200 ${ip}:8080`)).toEqual({
      stdout: '000\n',
      stderr: `curl: (28) Failed to connect to ${ip} port 8080 after 127000 ms: Couldn't connect to server\n`,
      exitCode: 28,
    });
  });

  it("-o FILE writes to the terminal's files; cat reads it back", async () => {
    const { sb, ip } = await web();
    expect(await sb.exec(`curl -s -o page.html http://${ip}/`)).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(await ok(sb, 'grep title page.html')).toBe('<title>Welcome to nginx!</title>\n');
    await ok(sb, `curl -s --output ~/head.txt -I http://${ip}/`);
    expect(await ok(sb, 'head -1 /home/azureuser/head.txt')).toBe('HTTP/1.1 200 OK\n');
    expect((await ok(sb, `curl -s -o - -w '%{size_download}' http://${ip}/`)).endsWith(`</html>\n${NGINX_BYTES}`)).toBe(true);
  });
});

describe('curl -I / -i / -f', () => {
  it('-i prints the headers, a blank line, then the body; -I the headers only', async () => {
    const { sb, ip } = await web();
    const r = await ok(sb, `curl -si http://${ip}/`);
    const lines = r.split('\n').filter((l) => !l.startsWith('Date:'));
    expect(lines.slice(0, 6)).toEqual([
      'HTTP/1.1 200 OK',
      'Server: nginx/1.27.4',
      'Content-Type: text/html',
      `Content-Length: ${NGINX_BYTES}`,
      'Connection: keep-alive',
      '',
    ]);
    expect(lines[6]).toBe('<!DOCTYPE html>');
    expect((await ok(sb, `curl --include -s ${ip}/missing`)).split('\n')[0]).toBe('HTTP/1.1 404 Not Found');
    const head = await ok(sb, `curl -sI -w '%{http_code} %{size_download}\\n' http://${ip}/`);
    expect(head.split('\n').filter((l) => !l.startsWith('Date:'))).toEqual([
      'HTTP/1.1 200 OK',
      'Server: nginx/1.27.4',
      'Content-Type: text/html',
      `Content-Length: ${NGINX_BYTES}`,
      'Connection: keep-alive',
      '',
      '200 0',
      '',
    ]);
  });

  it('-f: an HTTP error is exit 22 with no body', async () => {
    const { sb, ip } = await web();
    expect(await sb.exec(`curl -f http://${ip}/missing`)).toEqual({ stdout: '', stderr: 'curl: (22) The requested URL returned error: 404\n', exitCode: 22 });
    expect(await sb.exec(`curl -fs http://${ip}/missing`)).toEqual({ stdout: '', stderr: '', exitCode: 22 });
    expect(await sb.exec(`curl -fsS -o /dev/null -w '%{http_code}' http://${ip}/missing`)).toEqual({
      stdout: '404',
      stderr: 'curl: (22) The requested URL returned error: 404\n',
      exitCode: 22,
    });
    expect(await sb.exec(`curl --fail -s -o /dev/null -w '%{http_code}' http://${ip}/`)).toEqual({ stdout: '200', stderr: '', exitCode: 0 });
    expect((await sb.exec(`curl -f http://${ip}/missing || echo down`)).stdout).toBe('down\n');
  });

  it('-m cuts off an answer that comes too late (ingress-nginx waiting on an upstream)', async () => {
    const sb = sandbox();
    await ok(sb, 'helm repo add ingress-nginx https://kubernetes.github.io/ingress-nginx');
    await ok(sb, 'helm install ingress-nginx ingress-nginx/ingress-nginx --namespace ingress-basic --create-namespace');
    await applyYaml(sb, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: far\nspec:\n  type: ExternalName\n  externalName: example.com\n');
    await applyYaml(
      sb,
      'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: far\nspec:\n  ingressClassName: nginx\n  rules:\n  - http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend:\n          service:\n            name: far\n            port:\n              number: 80\n',
    );
    await sb.settle();
    const ip = await ok(sb, 'kubectl get svc ingress-nginx-controller -n ingress-basic -o jsonpath={.status.loadBalancer.ingress[0].ip}');
    expect(await sb.exec(`curl -s -o /dev/null -w '%{http_code} %{time_total}\\n' http://${ip}/`)).toEqual({
      stdout: '504 5.000000\n',
      stderr: '',
      exitCode: 0,
    });
    expect(await sb.exec(`curl -m 2 -w '%{http_code}\\n' http://${ip}/`)).toEqual({
      stdout: '000\n',
      stderr: 'curl: (28) Operation timed out after 2000 milliseconds with 0 bytes received\n',
      exitCode: 28,
    });
  });
});

describe('the same options inside pods', () => {
  it('kubectl exec and kubectl run: -s -o /dev/null -w, -f, -m', async () => {
    const { sb, ip, pod } = await web();
    expect(await sb.exec(`kubectl exec ${pod} -- curl -s -o /dev/null -w "%{http_code}" http://${ip}/`)).toEqual({ stdout: '200', stderr: '', exitCode: 0 });
    expect(await sb.exec(`kubectl exec ${pod} -- curl -s -o /dev/null -w "%{http_code}" -m 3 http://${ip}:8080/`)).toEqual({
      stdout: '000',
      stderr: 'command terminated with exit code 28\n',
      exitCode: 28,
    });
    expect(await sb.exec(`kubectl exec ${pod} -- curl -sf http://${ip}/missing`)).toEqual({
      stdout: '',
      stderr: 'command terminated with exit code 22\n',
      exitCode: 22,
    });
    // -o FILE inside a pod writes into the container (not modelled): the terminal gets no file.
    expect(await sb.exec(`kubectl exec ${pod} -- curl -s -o /tmp/x.html http://${ip}/`)).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect((await sb.exec('cat /tmp/x.html')).exitCode).toBe(1);
    expect(await sb.exec(`kubectl run tmp --rm -it --image=curlimages/curl --restart=Never -- curl -s -o /dev/null -w "%{http_code}" http://${ip}/`)).toEqual({
      stdout: '200pod "tmp" deleted\n',
      stderr: '',
      exitCode: 0,
    });
    expect(await sb.exec(`kubectl run tmp --rm -it --image=curlimages/curl --restart=Never -- curl -sS -m 2 -w "%{http_code}\\n" http://${ip}:8080/`)).toEqual({
      stdout: '000\npod "tmp" deleted\n',
      stderr: `curl: (28) Failed to connect to ${ip} port 8080 after 2000 ms: Timeout was reached\n`,
      exitCode: 28,
    });
  });
});
