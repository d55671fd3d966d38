/**
 * The other clouds' consoles (issue 17) read from the sandbox's cloud stores: what each list shows
 * after a LoadBalancer Service is applied on EKS, GKE, MetalLB and k3s, and which rows are "new".
 * The DOM side (roles, names, keyboard) is checked in test/e2e/other-clouds.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { loadBalancers as awsLoadBalancers, inboundRules, targetGroups, targets } from '../../../src/lab/portal/consoles/aws-model';
import { metalLbServices, pools, svclbDaemonSets, svclbPods } from '../../../src/lab/portal/consoles/bare-metal-model';
import { FRESH_MS, isFresh, observe } from '../../../src/lab/portal/consoles/fresh';
import { firewalls, loadBalancers as gcpLoadBalancers, protocolsPorts } from '../../../src/lab/portal/consoles/gcp-model';
import { consoleStrings, formatDate } from '../../../src/lab/portal/consoles/strings';
import type { AwsStore } from '../../../src/sim/clouds/eks/store';
import type { GcpStore } from '../../../src/sim/clouds/gke/store';
import type { MetalLbStore } from '../../../src/sim/clouds/metallb/store';
import { createSandbox } from '../../../src/sim/index';
import type { CloudName } from '../../../src/sim/options';

const SERVICE = (name: string, annotations = '') => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
${annotations ? `  annotations:\n${annotations}` : ''}
spec:
  type: LoadBalancer
  ports:
  - port: 80
    targetPort: 8080
  selector:
    app: web
`;

/** `runFor`: advance that long instead of settling (to see a state settle would run past). */
async function sandboxWith(cloud: CloudName, yaml: string, runFor?: number) {
  const sb = createSandbox({ cloud });
  await sb.cloud.ready;
  const r = await sb.exec('kubectl apply -f -', { stdin: yaml });
  expect(r.exitCode, r.stderr).toBe(0);
  if (runFor === undefined) await sb.settle();
  else await sb.advance(runFor);
  return sb;
}

describe('AWS console (EKS)', () => {
  it('lists the Classic and the Network Load Balancer, the NLB target group with healthy targets, and the security group rules', async () => {
    const sb = await sandboxWith('eks', `${SERVICE('web')}---\n${SERVICE('web-nlb', '    service.beta.kubernetes.io/aws-load-balancer-type: nlb\n')}`, 60_000);
    const aws = sb.cloud.runtime!.store as AwsStore;
    const lbs = awsLoadBalancers(aws);
    expect(lbs.map((l) => l.type).sort()).toEqual(['classic', 'network']);
    const clb = lbs.find((l) => l.type === 'classic')!;
    expect(clb.name).toMatch(/^a[0-9a-f]{31}$/);
    expect(clb.dnsName).toMatch(new RegExp(`^${clb.name}-\\d+\\.${aws.region}\\.elb\\.amazonaws\\.com$`));
    expect(clb.state).toBeUndefined();
    expect(clb.listeners).toEqual([{ protocol: 'TCP', port: 80, forward: expect.stringMatching(/^TCP:3\d{4}$/) }]);
    const nlb = lbs.find((l) => l.type === 'network')!;
    // The hostname is written at once; the NLB itself provisions for 150 s, and "Skip waits" (settle) waits for it.
    expect(nlb.state).toBe('provisioning');
    await sb.settle();
    expect(awsLoadBalancers(aws).find((l) => l.type === 'network')!.state).toBe('active');
    const [tg] = targetGroups(aws);
    expect(nlb.listeners).toEqual([{ protocol: 'TCP', port: 80, forward: tg!.TargetGroupName }]);
    const health = targets(aws, tg!, sb.clock.now());
    expect(health.length).toBeGreaterThan(0);
    expect(new Set(health.map((t) => t.state))).toEqual(new Set(['healthy']));
    // Registered a moment ago, a target is still `initial`.
    expect(targets(aws, tg!, tg!.Targets[0]!.registeredAt + 1000)[0]!.state).toBe('initial');

    const elbSg = [...aws.securityGroups.values()].find((g) => g.GroupName === `k8s-elb-${clb.name}`)!;
    const rules = inboundRules(elbSg.IpPermissions);
    expect(rules).toContainEqual(expect.objectContaining({ type: 'tcp', protocol: 'TCP', portRange: '80', source: '0.0.0.0/0' }));
    expect(rules).toContainEqual(
      expect.objectContaining({ type: 'icmp', protocol: 'Destination Unreachable', portRange: 'fragmentation required, and DF flag set' }),
    );
    const nodeRules = inboundRules(aws.securityGroups.get(aws.nodeSecurityGroupId)!.IpPermissions);
    expect(nodeRules).toContainEqual(expect.objectContaining({ type: 'all', portRange: 'All', source: elbSg.GroupId }));
  });
});

describe('AWS console: the AWS Load Balancer Controller', () => {
  it('lists its internal NLB with two security groups; ip targets are pod IPs with their node and zone', async () => {
    const sb = createSandbox({ cloud: 'eks' });
    await sb.cloud.ready;
    for (const c of [
      'kubectl create deployment web --image=nginx:1.27 --port=80 --replicas=2',
      'helm repo add eks https://aws.github.io/eks-charts',
      'helm install aws-load-balancer-controller eks/aws-load-balancer-controller -n kube-system --set clusterName=my-cluster',
    ]) {
      const r = await sb.exec(c);
      expect(r.exitCode, r.stderr).toBe(0);
    }
    await sb.settle();
    const r = await sb.exec('kubectl apply -f -', {
      stdin: SERVICE('web', '    service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip\n').replace('targetPort: 8080', 'targetPort: 80'),
    });
    expect(r.exitCode, r.stderr).toBe(0);
    await sb.settle();
    const aws = sb.cloud.runtime!.store as AwsStore;
    const [nlb] = awsLoadBalancers(aws);
    expect(nlb).toMatchObject({ type: 'network', scheme: 'internal' });
    expect(nlb!.name).toMatch(/^k8s-default-web-[0-9a-f]{10}$/);
    expect(nlb!.securityGroups).toHaveLength(2);
    const [tg] = targetGroups(aws);
    const rows = targets(aws, tg!, sb.clock.now());
    const pods = sb.kube.select('Pod', { namespace: 'default' });
    expect(rows.map((t) => t.id).sort()).toEqual(pods.map((p) => (p.status as { podIP: string }).podIP).sort());
    for (const row of rows) {
      const pod = pods.find((p) => (p.status as { podIP: string }).podIP === row.id)!;
      expect(row.node).toBe((pod.spec as { nodeName: string }).nodeName);
      expect(row.zone).toMatch(/^us-west-2[abc]$/);
      expect(row.port).toBe(80);
    }
  });
});

describe('Google Cloud console (GKE)', () => {
  it('lists the target-pool load balancer with its frontend IP and backends, and the k8s-fw rule', async () => {
    const sb = await sandboxWith('gke', SERVICE('web'));
    const gcp = sb.cloud.runtime!.store as GcpStore;
    const [lb] = gcpLoadBalancers(gcp);
    expect(lb).toMatchObject({ kind: 'targetPool', protocol: 'TCP', region: 'us-central1' });
    const ip = JSON.parse((await sb.exec('kubectl get svc web -o json')).stdout).status.loadBalancer.ingress[0].ip;
    expect(lb!.frontends).toEqual([expect.objectContaining({ rule: lb!.name, ip, portRange: '80-80', tier: 'PREMIUM' })]);
    expect(lb!.backends.length).toBeGreaterThan(0);
    expect(lb!.healthChecks).toEqual([`k8s-${gcp.clusterId}-node`]);
    const fw = firewalls(gcp).find((f) => f.name === `k8s-fw-${lb!.name}`)!;
    expect(protocolsPorts(fw)).toBe('tcp:80');
    expect(fw.targetTags).toEqual([gcp.nodeTag]);
    expect(firewalls(gcp).map((f) => f.name)).toContain(`k8s-${gcp.clusterId}-node-http-hc`);
  });

  it('an internal Service: access type Internal (내부), frontend in subnet default with its port list, instance-group backends', async () => {
    const sb = await sandboxWith('gke', SERVICE('web', '    networking.gke.io/load-balancer-type: "Internal"\n'));
    const gcp = sb.cloud.runtime!.store as GcpStore;
    const [lb] = gcpLoadBalancers(gcp);
    expect(lb).toMatchObject({ kind: 'backendService', scheme: 'INTERNAL', backendKind: 'instanceGroups' });
    expect(lb!.frontends).toEqual([expect.objectContaining({ portRange: '80', subnetwork: 'default', ip: expect.stringMatching(/^10\.128\./) })]);
    expect(lb!.backends).toEqual(['a', 'b', 'c'].map((z) => `us-central1-${z}/k8s-ig--${gcp.clusterId}`));
    expect(lb!.healthChecks).toEqual([`k8s-${gcp.clusterId}-node`]);
    // The strings the list's Access type and Backends cells use.
    expect([consoleStrings('en').internal, consoleStrings('ko').internal]).toEqual(['Internal', '내부']);
    expect(consoleStrings('en').instanceGroupBackends(3)).toBe('1 backend service (3 instance groups)');
    expect(consoleStrings('ko').instanceGroupBackends(3)).toBe('백엔드 서비스 1개(인스턴스 그룹 3개)');
  });
});

describe('bare-metal view', () => {
  it('MetalLB: the pool, the IP the Service got from it and the node announcing it', async () => {
    const pool = `apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata:
  name: lan
  namespace: metallb-system
spec:
  addresses:
  - 192.168.1.240-192.168.1.250
---
apiVersion: metallb.io/v1beta1
kind: L2Advertisement
metadata:
  name: l2
  namespace: metallb-system
`;
    const sb = await sandboxWith('metallb', `${pool}---\n${SERVICE('web')}`);
    const metallb = sb.cloud.runtime!.store as MetalLbStore;
    expect(pools(sb.kube, metallb)).toEqual([{ name: 'lan', addresses: ['192.168.1.240-192.168.1.250'], autoAssign: true, l2: true }]);
    const [svc] = metalLbServices(sb.kube, metallb);
    expect(svc).toMatchObject({ key: 'default/web', ip: '192.168.1.240', pool: 'lan', externalIps: ['192.168.1.240'] });
    expect(svc!.node).toBeTruthy();
  });

  it('MetalLB without a pool: the Service is listed with no IP', async () => {
    const sb = await sandboxWith('metallb', SERVICE('web'));
    const [svc] = metalLbServices(sb.kube, sb.cloud.runtime!.store as MetalLbStore);
    expect(svc).toMatchObject({ key: 'default/web', externalIps: [] });
    expect(svc!.ip).toBeUndefined();
  });

  it('k3s: the svclb DaemonSet, one pod per node with the host port, and the node IPs as EXTERNAL-IP', async () => {
    const sb = await sandboxWith('k3s', SERVICE('web'));
    const [ds] = svclbDaemonSets(sb.kube);
    expect(ds).toMatchObject({ name: expect.stringMatching(/^svclb-web-[0-9a-f]{8}$/), service: 'default/web' });
    const pods = svclbPods(sb.kube);
    const nodes = sb.kube.select('Node').length;
    expect(pods).toHaveLength(nodes);
    for (const p of pods)
      expect(p).toMatchObject({ daemonSet: ds!.name, hostPorts: '80/TCP', ready: true, nodeIp: expect.stringMatching(/^\d+\.\d+\.\d+\.\d+$/) });
    const external = JSON.parse((await sb.exec('kubectl get svc web -o json')).stdout).status.loadBalancer.ingress.map((i: { ip: string }) => i.ip);
    expect(external.sort()).toEqual([...new Set(pods.map((p) => p.nodeIp))].sort());
  });
});

describe('new rows', () => {
  it('what exists when the console first looks is not new; what appears later is, for FRESH_MS; a creation time counts from itself', () => {
    const owner = {};
    observe(owner, ['a'], 1000);
    expect(isFresh(owner, 'a', 1000)).toBe(false);
    expect(isFresh(owner, 'a', 1000, 900)).toBe(true);
    observe(owner, ['a', 'b'], 5000);
    expect(isFresh(owner, 'b', 5000)).toBe(true);
    expect(isFresh(owner, 'b', 5000 + FRESH_MS - 1)).toBe(true);
    expect(isFresh(owner, 'b', 5000 + FRESH_MS)).toBe(false);
  });
});

describe('console strings', () => {
  it('Korean has every English key, none empty where English has text', () => {
    const en = consoleStrings('en') as Record<string, unknown>;
    const ko = consoleStrings('ko') as Record<string, unknown>;
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
    for (const [k, v] of Object.entries(en)) {
      if (typeof v === 'string' && v) expect(ko[k], k).toBeTruthy();
      if (typeof v === 'function') expect((ko[k] as (n: number) => string)(2), k).toMatch(/2/);
      if (v && typeof v === 'object') expect(Object.keys(ko[k] as object).sort(), k).toEqual(Object.keys(v).sort());
    }
    expect(consoleStrings('ko')).toMatchObject({
      loadBalancers: '로드 밸런서',
      targetGroups: '대상 그룹',
      securityGroups: '보안 그룹',
      gcpLoadBalancing: '부하 분산',
      firewallRules: '방화벽 규칙',
    });
  });

  it('dates read as the consoles print them, in UTC', () => {
    const t = Date.UTC(2025, 5, 2, 9, 1, 0);
    expect(formatDate(t, 'en')).toBe('June 2, 2025, 09:01 (UTC+00:00)');
    expect(formatDate(t, 'ko')).toBe('2025년 6월 2일 09:01 (UTC+00:00)');
  });
});
