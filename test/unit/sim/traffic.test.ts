/**
 * Issue #4 traffic paths through `exec`: curl from the internet into a Service's Public IP (each
 * hop and each way it fails, exact lines), and egress from pods for every outboundType.
 */
import { describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../src/sim/index';
import { applyYaml, ok, P, sandbox, serviceYaml } from './helpers';

const ipOf = async (sb: Sandbox, name: string) => ok(sb, `kubectl get svc ${name} -o jsonpath={.status.loadBalancer.ingress[0].ip}`);
const timeout = (ip: string, port: number, ms: number) => ({
  stdout: '',
  stderr: `curl: (28) Failed to connect to ${ip} port ${port} after ${ms} ms: Timeout was reached\n`,
  exitCode: 28,
});

async function web(sb = sandbox()): Promise<{ sb: Sandbox; ip: string }> {
  await applyYaml(sb, serviceYaml('web'));
  await ok(sb, 'kubectl create deployment web --image=nginx');
  await sb.settle();
  return { sb, ip: await ipOf(sb, 'web') };
}

describe('curl from the internet (inbound path)', () => {
  it('reaches nginx through PIP → rule → NSG → node → pod', async () => {
    const { sb, ip } = await web();
    const r = await sb.exec(`curl http://${ip}/`);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.split('\n').slice(0, 4)).toEqual(['<!DOCTYPE html>', '<html>', '<head>', '<title>Welcome to nginx!</title>']);
    expect((await sb.exec(`curl -s ${ip}/missing`)).stdout).toContain('<center><h1>404 Not Found</h1></center>');
  });

  it('-I prints the status line and headers; -v the exchange on stderr', async () => {
    const { sb, ip } = await web();
    const head = await ok(sb, `curl -I ${ip}`);
    expect(head.split('\n').filter((l) => !l.startsWith('Date:'))).toEqual([
      'HTTP/1.1 200 OK',
      'Server: nginx/1.27.4',
      'Content-Type: text/html',
      'Content-Length: 288',
      'Connection: keep-alive',
      '',
      '',
    ]);
    const v = await sb.exec(`curl -v -H 'Host: shop.example.com' http://${ip}/`);
    const lines = v.stderr.split('\n');
    expect(lines.slice(0, 7)).toEqual([
      `*   Trying ${ip}:80...`,
      `* Connected to ${ip} (${ip}) port 80`,
      '> GET / HTTP/1.1',
      '> Host: shop.example.com',
      '> User-Agent: curl/8.5.0',
      '> Accept: */*',
      '> ',
    ]);
    expect(lines).toContain('< HTTP/1.1 200 OK');
    expect(lines.at(-2)).toBe(`* Connection #0 to host ${ip} left intact`);
  });

  it('--trace names the object that decided each hop', async () => {
    const { sb, ip } = await web();
    const r = await sb.exec(`curl -s --trace ${ip}`);
    const t = r.stderr.split('\n').filter(Boolean);
    expect(t).toHaveLength(7);
    expect(t[0]).toMatch(new RegExp(`^\\[trace\\] 1\\. Public IP ${ip.replace(/\./g, '\\.')} is publicIPAddresses/kubernetes-a[0-9a-f]{31} `));
    expect(t[1]).toMatch(/^\[trace\] 2\. Frontend a[0-9a-f]{31} on loadBalancers\/kubernetes$/);
    expect(t[2]).toMatch(/Load-balancing rule a[0-9a-f]{31}-TCP-80: Tcp 80 → backend port 80 \(floating IP/);
    expect(t[3]).toMatch(
      /NSG aks-agentpool-\d{8}-nsg: rule k8s-azure-lb_allow_IPv4_d39272f7f57ed937951650d93992ad77 \(priority 500\) allows 203\.0\.113\.10 → /,
    );
    expect(t[4]).toMatch(/Backend pool kubernetes: probe a[0-9a-f]{31}-TCP-80 \(Tcp :\d+\) up on 3\/3 nodes → node aks-nodepool1-\d{8}-vmss00000\d/);
    expect(t[5]).toMatch(/kube-proxy: Service default\/web port 80 \(externalTrafficPolicy Cluster\) → endpoint 10\.244\.\d+\.\d+:80/);
    expect(t[6]).toMatch(/Pod default\/web-\S+ \(image nginx\) answered: HTTP 200$/);
  });

  it('a port with no LB rule times out after the default 127 s, or --connect-timeout / -m', async () => {
    const { sb, ip } = await web();
    const t0 = sb.clock.now();
    // No curl timer below the kernel's: Linux gives up (ETIMEDOUT), curl 8 words it "Couldn't connect to server", exit 28.
    expect(await sb.exec(`curl ${ip}:8080`)).toEqual({
      ...timeout(ip, 8080, 127000),
      stderr: `curl: (28) Failed to connect to ${ip} port 8080 after 127000 ms: Couldn't connect to server\n`,
    });
    expect(sb.clock.now() - t0).toBe(127000);
    expect(await sb.exec(`curl --connect-timeout 5 ${ip}:8080`)).toEqual(timeout(ip, 8080, 5000));
    expect(await sb.exec(`curl -m 3 ${ip}:8080`)).toEqual(timeout(ip, 8080, 3000));
    expect(await sb.exec(`curl -s -m 3 ${ip}:8080`)).toEqual({ stdout: '', stderr: '', exitCode: 28 });
    const tr = await sb.exec(`curl --trace -m 1 ${ip}:8080`);
    expect(tr.stderr).toMatch(/\[trace\] 3\. No load-balancing rule on a[0-9a-f]{31} for TCP port 8080 → Azure LB drops the SYN\n/);
  });

  it("no endpoints: kube-proxy rejects → (7) Couldn't connect", async () => {
    const sb = sandbox();
    await applyYaml(sb, serviceYaml('empty'));
    await sb.settle();
    const ip = await ipOf(sb, 'empty');
    expect(await sb.exec(`curl ${ip}`)).toEqual({
      stdout: '',
      stderr: `curl: (7) Failed to connect to ${ip} port 80 after 1 ms: Couldn't connect to server\n`,
      exitCode: 7,
    });
    expect((await sb.exec(`curl --trace ${ip}`)).stderr).toContain(
      'kube-proxy: Service default/empty port 80 has no ready endpoints → REJECT (connection refused)\n',
    );
  });

  it('loadBalancerSourceRanges that exclude the caller: NSG default deny → timeout', async () => {
    const sb = sandbox();
    await applyYaml(sb, serviceYaml('locked', { spec: '  loadBalancerSourceRanges:\n  - 198.51.100.0/24\n' }));
    await ok(sb, 'kubectl create deployment locked --image=nginx');
    await sb.settle();
    const ip = await ipOf(sb, 'locked');
    const r = await sb.exec(`curl --trace --connect-timeout 2 ${ip}`);
    expect(r.stderr).toContain(`NSG `);
    expect(r.stderr).toContain(
      `: rule DenyAllInBound (priority 65500) denies 203.0.113.10 → ${ip}:80 → packet dropped\ncurl: (28) Failed to connect to ${ip} port 80 after 2000 ms: Timeout was reached\n`,
    );
  });

  it('ETP Local: only nodes with a ready pod pass the /healthz probe; none → timeout', async () => {
    const sb = sandbox();
    await applyYaml(sb, serviceYaml('hello', { spec: '  externalTrafficPolicy: Local\n' }));
    await sb.settle();
    const ip = await ipOf(sb, 'hello');
    const down = await sb.exec(`curl --trace -m 2 ${ip}`);
    expect(down.stderr).toMatch(
      /probe a[0-9a-f]{31}-TCP-\d+ \(Http :\d+\/healthz\) is down on all 3 nodes \(externalTrafficPolicy Local: no ready pod on any node\) → Azure LB drops the SYN\n/,
    );
    expect(down.exitCode).toBe(28);
    await ok(sb, 'kubectl create deployment hello --image=mcr.microsoft.com/azuredocs/aks-helloworld:v1');
    await sb.settle();
    const up = await sb.exec(`curl --trace ${ip}`);
    expect(up.stdout).toContain('<h1>Welcome to Azure Kubernetes Service (AKS)</h1>');
    expect(up.stderr).toMatch(/up on 1\/3 nodes/);
  });

  it('an internal LB IP, the outbound IP and an unknown IP all time out from the internet', async () => {
    const sb = sandbox();
    await applyYaml(sb, serviceYaml('intl', { annotations: { [P + 'azure-load-balancer-internal']: 'true' } }));
    await sb.settle();
    const ip = await ipOf(sb, 'intl');
    expect(ip).toMatch(/^10\./);
    const r = await sb.exec(`curl --trace -m 2 ${ip}`);
    expect(r.stderr).toMatch(
      /^\[trace\] 1\. Internet → 10\.\S+: private frontend a[0-9a-f]{31} of loadBalancers\/kubernetes-internal; a private address is not routable from the internet \(no Public IP\) → packet dropped\n/,
    );
    expect(await sb.exec(`curl -m 2 1.2.3.4`)).toEqual(timeout('1.2.3.4', 80, 2000));
    const outbound = await ok(sb, 'curl -s ifconfig.me');
    expect(outbound).toBe('203.0.113.10');
  });

  it('errors curl itself reports', async () => {
    const sb = sandbox();
    expect(await sb.exec('curl nosuch.example')).toEqual({ stdout: '', stderr: 'curl: (6) Could not resolve host: nosuch.example\n', exitCode: 6 });
    expect((await sb.exec('curl')).exitCode).toBe(2);
    expect(await ok(sb, 'curl --help')).toContain('--trace');
  });
});

describe('egress from pods (outbound path)', () => {
  const outboundIp = async (sb: Sandbox, tagOrType: string) =>
    (await ok(sb, `az network public-ip list -g MC_myResourceGroup_myAKSCluster_eastus --query "[?${tagOrType}].ipAddress" -o tsv`)).trim().split('\n');

  it('loadBalancer: one of the managed outbound IPs, stable per node, never the Service IP', async () => {
    const { sb, ip } = await web();
    const pod = await ok(sb, 'kubectl get pods -l app=web -o jsonpath={.items[0].metadata.name}');
    const out = await ok(sb, `kubectl exec ${pod} -- curl -s ifconfig.me`);
    expect(await outboundIp(sb, 'tags.\\"aks-managed-type\\"==\'aks-slb-managed-outbound-ip\'')).toEqual([out]);
    expect(out).not.toBe(ip);
    expect(await ok(sb, `kubectl exec ${pod} -- curl -s icanhazip.com`)).toBe(`${out}\n`);
    expect(await ok(sb, `kubectl exec -it ${pod} -- wget -qO- ifconfig.me`)).toBe(out);
    expect(await ok(sb, 'kubectl run tmp --image=curlimages/curl --rm -it --restart=Never -- curl -s ifconfig.me')).toBe(`${out}pod "tmp" deleted\n`);
    expect((await sb.exec('kubectl get pod tmp')).exitCode).toBe(1);
  });

  it('several outbound IPs: each node keeps its own', async () => {
    const sb = sandbox({ managedOutboundIPCount: 3 });
    await ok(sb, 'kubectl create deployment web --image=nginx --replicas=6');
    await sb.settle();
    const pods = (await ok(sb, `kubectl get pods -o 'jsonpath={range .items[*]}{.metadata.name} {.spec.nodeName}{"\\n"}{end}'`))
      .trim()
      .split('\n')
      .map((l) => l.split(' '));
    const byNode = new Map<string, Set<string>>();
    for (const [pod, node] of pods) {
      const ip = await ok(sb, `kubectl exec ${pod} -- curl -s ifconfig.me`);
      byNode.set(node, (byNode.get(node) ?? new Set()).add(ip));
    }
    for (const ips of byNode.values()) expect(ips.size).toBe(1);
    const all = await outboundIp(sb, 'tags.\\"aks-managed-type\\"==\'aks-slb-managed-outbound-ip\'');
    for (const ips of byNode.values()) expect(all).toContain([...ips][0]);
  });

  it('managedNATGateway: the NAT gateway PIP; userDefinedRouting: the appliance IP', async () => {
    const nat = sandbox({ outboundType: 'managedNATGateway' });
    await ok(nat, 'kubectl create deployment web --image=nginx');
    await nat.settle();
    const pod = await ok(nat, 'kubectl get pods -o jsonpath={.items[0].metadata.name}');
    const natIps = (await ok(nat, 'az network nat gateway list -g MC_myResourceGroup_myAKSCluster_eastus --query "[].publicIpAddresses[].id" -o tsv'))
      .trim()
      .split('\n');
    const egress = await ok(nat, `kubectl exec ${pod} -- curl -s ifconfig.me`);
    const natIp = (await ok(nat, `az network public-ip show --ids ${natIps[0]} --query ipAddress -o tsv`)).trim();
    expect(egress).toBe(natIp);

    const udr = sandbox({ outboundType: 'userDefinedRouting' });
    await ok(udr, 'kubectl create deployment web --image=nginx');
    await udr.settle();
    const p2 = await ok(udr, 'kubectl get pods -o jsonpath={.items[0].metadata.name}');
    expect(await ok(udr, `kubectl exec ${p2} -- curl -s ifconfig.me`)).toBe('20.62.146.250');
  });

  it('kubectl exec errors', async () => {
    const { sb } = await web();
    expect(await sb.exec('kubectl exec web')).toEqual({ stdout: '', stderr: 'error: you must specify at least one command for the container\n', exitCode: 1 });
    expect(await sb.exec('kubectl exec nope -- ls')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n', exitCode: 1 });
    const pod = await ok(sb, 'kubectl get pods -o jsonpath={.items[0].metadata.name}');
    const r = await sb.exec(`kubectl exec ${pod} -- curl -s -m 2 1.2.3.4`);
    expect(r).toEqual({ stdout: '', stderr: 'command terminated with exit code 28\n', exitCode: 28 });
  });
});
