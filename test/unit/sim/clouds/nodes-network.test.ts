/**
 * Each cloud's nodes as `kubectl get nodes -o wide` shows them, and the path `curl` takes to a
 * Service's EXTERNAL-IP (or hostname) and back out from a pod, checked from the outside.
 */
import { describe, expect, it } from 'vitest';
import type { AwsStore } from '../../../../src/sim/clouds/eks/store';
import type { GcpStore } from '../../../../src/sim/clouds/gke/store';
import { createSandbox, type Sandbox } from '../../../../src/sim/index';
import type { CloudName } from '../../../../src/sim/options';
import { applyYaml, ok, serviceYaml } from '../helpers';

async function cloud(name: CloudName): Promise<Sandbox> {
  const sb = createSandbox({ cloud: name });
  await sb.cloud.ready;
  return sb;
}

type Row = Record<string, string>;
/** `kubectl get nodes -o wide` as rows keyed by header (columns split on 2+ spaces). */
async function wideNodes(sb: Sandbox): Promise<Row[]> {
  const [head, ...rows] = (await ok(sb, 'kubectl get nodes -o wide')).trim().split('\n');
  const keys = head.split(/\s{2,}/);
  return rows.map((r) => Object.fromEntries(r.split(/\s{2,}/).map((v, i) => [keys[i], v])));
}

async function web(sb: Sandbox, extra = ''): Promise<void> {
  await ok(sb, 'kubectl create deployment web --image=nginx:1.27 --port=80 --replicas=3');
  await applyYaml(sb, serviceYaml('web', { spec: extra }));
  await sb.settle();
}

const target = (sb: Sandbox) => ok(sb, `kubectl get svc web -o jsonpath='{.status.loadBalancer.ingress[0].ip}{.status.loadBalancer.ingress[0].hostname}'`);
const podEgress = (sb: Sandbox) => ok(sb, 'kubectl exec deploy/web -- curl -s ifconfig.me');

describe('nodes look like their cloud', () => {
  it('AKS is unchanged: vmss names, 10.224.0.x, no external IP', async () => {
    const rows = await wideNodes(await cloud('aks'));
    expect(rows.map((r) => [r.NAME, r['INTERNAL-IP'], r['EXTERNAL-IP']])).toEqual(
      [0, 1, 2].map((i) => [expect.stringMatching(new RegExp(`^aks-nodepool1-\\d{8}-vmss00000${i}$`)), `10.224.0.${4 + i}`, '<none>']),
    );
  });

  it('EKS: ip-<private IP>.<region>.compute.internal in the VPC private subnets, no external IP, the instance behind each', async () => {
    const sb = await cloud('eks');
    const rows = await wideNodes(sb);
    const aws = sb.cloud.runtime!.store as AwsStore;
    expect(rows).toHaveLength(3);
    for (const r of rows) {
      expect(r.NAME).toBe(`ip-${r['INTERNAL-IP'].replace(/\./g, '-')}.us-west-2.compute.internal`);
      expect(r['INTERNAL-IP']).toMatch(/^192\.168\.(9[6-9]|1[0-8]\d|19[01])\.\d+$/);
      expect(r['EXTERNAL-IP']).toBe('<none>');
      expect(r.VERSION).toMatch(/^v1\.33\.2-eks-[0-9a-f]{7}$/);
      expect(r['OS-IMAGE']).toMatch(/^Amazon Linux 2023/);
      expect(aws.instances.get(r.NAME)?.PrivateIpAddress).toBe(r['INTERNAL-IP']);
    }
    const node = JSON.parse(await ok(sb, `kubectl get node ${rows[0].NAME} -o json`));
    expect(node.spec.providerID).toMatch(/^aws:\/\/\/us-west-2[abc]\/i-0[0-9a-f]{16}$/);
    expect(node.metadata.labels['eks.amazonaws.com/nodegroup']).toBe('ng-1');
  });

  it('GKE: gke-cluster-1-default-pool-<8 hex>-<4> with 10.128.0.x and the VM external IP', async () => {
    const sb = await cloud('gke');
    const gcp = sb.cloud.runtime!.store as GcpStore;
    for (const r of await wideNodes(sb)) {
      expect(r.NAME).toMatch(/^gke-cluster-1-default-pool-[0-9a-f]{8}-[0-9a-z]{4}$/);
      expect(r['INTERNAL-IP']).toMatch(/^10\.128\.0\.\d+$/);
      const vm = gcp.instances.get(r.NAME)!;
      expect([r['INTERNAL-IP'], r['EXTERNAL-IP']]).toEqual([vm.networkIP, vm.natIP]);
      expect(r['OS-IMAGE']).toBe('Container-Optimized OS from Google');
    }
  });

  it('k3s: server (control-plane,master) and agents on the LAN; MetalLB: LAN hosts without a provider ID', async () => {
    const k3s = await wideNodes(await cloud('k3s'));
    expect(k3s.map((r) => [r.NAME, r.ROLES, r['INTERNAL-IP'], r.VERSION])).toEqual([
      ['agent-1', '<none>', '192.168.1.11', 'v1.33.2+k3s1'],
      ['agent-2', '<none>', '192.168.1.12', 'v1.33.2+k3s1'],
      ['server', 'control-plane,master', '192.168.1.10', 'v1.33.2+k3s1'],
    ]);
    const sb = await cloud('metallb');
    expect((await wideNodes(sb)).map((r) => [r.NAME, r['INTERNAL-IP']])).toEqual([
      ['k8s-node-1', '192.168.1.11'],
      ['k8s-node-2', '192.168.1.12'],
      ['k8s-node-3', '192.168.1.13'],
    ]);
    expect(await ok(sb, `kubectl get node k8s-node-1 -o jsonpath='{.spec.providerID}'`)).toBe('');
  });

  it('pods take the node address as hostIP and the node pod CIDR (EKS: the node subnet)', async () => {
    for (const [name, podNet] of [
      ['gke', /^10\.4\.\d\.\d+$/],
      ['k3s', /^10\.42\.\d\.\d+$/],
      ['eks', /^192\.168\.\d+\.\d+$/],
    ] as const) {
      const sb = await cloud(name);
      await ok(sb, 'kubectl create deployment web --image=nginx:1.27 --replicas=3');
      await sb.settle();
      const pods = JSON.parse(await ok(sb, 'kubectl get pods -o json')).items;
      const nodes = JSON.parse(await ok(sb, 'kubectl get nodes -o json')).items;
      for (const p of pods) {
        const node = nodes.find((n: { metadata: { name: string } }) => n.metadata.name === p.spec.nodeName);
        expect(p.status.hostIP).toBe(node.status.addresses.find((a: { type: string }) => a.type === 'InternalIP').address);
        expect(p.status.podIP).toMatch(podNet);
        expect(p.status.podIP).not.toBe(p.status.hostIP);
      }
    }
  });
});

describe('curl follows each cloud', () => {
  it('EKS: the ELB hostname resolves after about a minute (settle waits for it), through the ELB to a pod; egress is the NAT gateway', async () => {
    const sb = await cloud('eks');
    await ok(sb, 'kubectl create deployment web --image=nginx:1.27 --port=80 --replicas=3');
    await applyYaml(sb, serviceYaml('web'));
    // The hostname is written seconds after the ELB is created; its DNS name answers a minute later.
    await sb.advance(10_000);
    const host = await target(sb);
    expect(host).toMatch(/^a[0-9a-f]{31}-\d{10}\.us-west-2\.elb\.amazonaws\.com$/);
    const early = await sb.exec(`curl -s -S http://${host}`);
    expect([early.exitCode, early.stderr]).toEqual([6, `curl: (6) Could not resolve host: ${host}\n`]);
    // "Skip waits" runs on to the moment the name resolves (a timer at it, as for the NLB's activation).
    const before = sb.clock.now();
    await sb.settle();
    expect(sb.clock.now() - before).toBeGreaterThanOrEqual(45_000);
    const r = await sb.exec(`curl -s --trace http://${host}`);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('<title>Welcome to nginx!</title>');
    expect(r.stderr).toMatch(/Classic Load Balancer a[0-9a-f]{31} \(internet-facing\)/);
    expect(r.stderr).toMatch(/security group k8s-elb-a[0-9a-f]{31} \(sg-0[0-9a-f]{16}\) allows TCP 80 from 203\.0\.113\.10/);
    const aws = sb.cloud.runtime!.store as AwsStore;
    expect(await podEgress(sb)).toBe(aws.natGateway.PublicIp);
  });

  it('EKS Classic ELB with loadBalancerSourceRanges: its security group allows no one else', async () => {
    const sb = await cloud('eks');
    await web(sb, '  loadBalancerSourceRanges:\n  - 198.51.100.0/24\n');
    const r = await sb.exec(`curl -s --trace --connect-timeout 3 http://${await target(sb)}`);
    expect(r.exitCode).toBe(28);
    expect(r.stderr).toMatch(/security group k8s-elb-a[0-9a-f]{31} \(sg-0[0-9a-f]{16}\) allows no TCP 80 from 203\.0\.113\.10 → packet dropped/);
  });

  it('EKS internal ELB: unreachable from the internet, reachable from a pod in the VPC', async () => {
    const sb = await cloud('eks');
    await ok(sb, 'kubectl create deployment web --image=nginx:1.27 --port=80');
    await applyYaml(sb, serviceYaml('web', { annotations: { 'service.beta.kubernetes.io/aws-load-balancer-internal': 'true' } }));
    await sb.settle();
    await sb.advance(60_000);
    const host = await target(sb);
    expect(host).toMatch(/^internal-a[0-9a-f]{31}-\d{10}\.us-west-2\.elb\.amazonaws\.com$/);
    const outside = await sb.exec(`curl -s --trace --connect-timeout 5 http://${host}`);
    expect(outside.exitCode).toBe(28);
    expect(outside.stderr).toMatch(/Internet → 192\.168\.\d+\.\d+: private address of Classic Load Balancer a[0-9a-f]{31} \(scheme internal/);
    expect(await ok(sb, `kubectl exec deploy/web -- curl -s http://${host}`)).toContain('Welcome to nginx!');
  });

  it('EKS NLB: no answer while provisioning, then straight through the node security group', async () => {
    const sb = await cloud('eks');
    await ok(sb, 'kubectl create deployment web --image=nginx:1.27 --port=80');
    await applyYaml(sb, serviceYaml('web', { annotations: { 'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb' } }));
    // A minute in: the hostname is there, the NLB provisions for 150 s.
    await sb.advance(60_000);
    const host = await target(sb);
    expect(host).toMatch(/\.elb\.us-west-2\.amazonaws\.com$/);
    expect((await sb.exec(`curl -s http://${host}`)).exitCode).toBe(6);
    // "Skip waits" runs on to the NLB's activation.
    await sb.settle();
    const r = await sb.exec(`curl -s --trace http://${host}`);
    expect(r.stdout).toContain('Welcome to nginx!');
    expect(r.stderr).toMatch(/listener TCP:80 → target group k8s-default-web-[0-9a-f]{10}/);
  });

  it('GKE: forwarding rule, the k8s-fw firewall rule, a node; egress is that node external IP, not the rule IP', async () => {
    const sb = await cloud('gke');
    await web(sb);
    const ip = await target(sb);
    const r = await sb.exec(`curl -s --trace http://${ip}`);
    expect(r.stdout).toContain('Welcome to nginx!');
    expect(r.stderr).toMatch(/VPC firewall rule k8s-fw-a[0-9a-f]{31} allows tcp:80 from 0\.0\.0\.0\/0/);
    const egress = await podEgress(sb);
    const nodeIps = (await wideNodes(sb)).map((n) => n['EXTERNAL-IP']);
    expect(nodeIps).toContain(egress);
    expect(egress).not.toBe(ip);
    // loadBalancerSourceRanges shrink the firewall rule: the lab terminal is no longer let in.
    await ok(sb, `kubectl patch svc web -p '{"spec":{"loadBalancerSourceRanges":["198.51.100.0/24"]}}'`);
    await sb.settle();
    const denied = await sb.exec(`curl -s --trace --connect-timeout 3 http://${ip}`);
    expect(denied.exitCode).toBe(28);
    expect(denied.stderr).toMatch(/VPC firewall: no rule for tag gke-cluster-1-[0-9a-f]{8}-node allows tcp:80 from 203\.0\.113\.10/);
  });

  it('MetalLB: the announcing node answers ARP from the LAN; without an L2Advertisement nobody does', async () => {
    const sb = await cloud('metallb');
    await web(sb);
    await applyYaml(
      sb,
      'apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata:\n  name: lan\n  namespace: metallb-system\nspec:\n  addresses:\n  - 192.168.1.240-192.168.1.250\n',
    );
    await sb.settle();
    expect(await target(sb)).toBe('192.168.1.240');
    const silent = await sb.exec('curl -s --trace --connect-timeout 2 http://192.168.1.240');
    expect(silent.exitCode).toBe(28);
    expect(silent.stderr).toContain('no speaker announces it');
    await applyYaml(sb, 'apiVersion: metallb.io/v1beta1\nkind: L2Advertisement\nmetadata:\n  name: lan\n  namespace: metallb-system\n');
    await sb.settle();
    const r = await sb.exec('curl -s --trace http://192.168.1.240');
    expect(r.stdout).toContain('Welcome to nginx!');
    expect(r.stderr).toMatch(/ARP who-has 192\.168\.1\.240: metallb-speaker on k8s-node-\d answers/);
    expect(await podEgress(sb)).toBe('198.51.100.23');
  });

  it('k3s: every node IP answers through its svclb pod; a node without one refuses', async () => {
    const sb = await cloud('k3s');
    await web(sb);
    expect(await target(sb)).toBe('192.168.1.10');
    for (const ip of ['192.168.1.10', '192.168.1.11', '192.168.1.12']) {
      const r = await sb.exec(`curl -s --trace http://${ip}`);
      expect(r.stdout).toContain('Welcome to nginx!');
      expect(r.stderr).toMatch(/svclb pod svclb-web-[0-9a-f]{8}-\w{5} holds hostPort 80/);
    }
    const other = await sb.exec('curl -s -S http://192.168.1.11:8080');
    expect([other.exitCode, other.stderr]).toEqual([7, "curl: (7) Failed to connect to 192.168.1.11 port 8080 after 1 ms: Couldn't connect to server\n"]);
    expect(await podEgress(sb)).toBe('198.51.100.23');
  });
});
