/** EKS's in-tree AWS provider from the outside: kubectl, and the AWS store where no CLI exists yet (other-clouds §3). */
import { describe, expect, it } from 'vitest';
import { targetGroupName } from '../../../../src/sim/clouds/eks/names';
import { sha1Hex } from '../../../../src/sim/clouds/eks/sha1';
import type { AwsStore } from '../../../../src/sim/clouds/eks/store';
import { createSandbox, type Sandbox } from '../../../../src/sim/index';
import { applyYaml, eventRows, ok, P, serviceYaml } from '../helpers';

async function eks(): Promise<Sandbox> {
  const sb = createSandbox({ cloud: 'eks' });
  await sb.cloud.ready;
  return sb;
}
const aws = (sb: Sandbox) => sb.cloud.runtime!.store as AwsStore;
const svcJson = async (sb: Sandbox, name = 'web') => JSON.parse(await ok(sb, `kubectl get svc ${name} -o json`));
const eventsOf = (sb: Sandbox, name = 'web') => eventRows(sb, name);
const lbName = (uid: string) => ('a' + uid.replace(/-/g, '')).slice(0, 32);

describe('names from upstream code', () => {
  it('sha1 and the NLB target group name match the reference worked example (cluster demo)', () => {
    expect(sha1Hex('abc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(sha1Hex('')).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
    expect(targetGroupName('demo', 'default', 'web', 80, 31148, 'TCP', 'instance', 'TCP', 30)).toBe('k8s-default-web-05b1bfbe6d');
  });
});

describe('EKS in-tree Classic ELB (default)', () => {
  it('creates ELB a<uid 31 hex>, its security group and node rule; EXTERNAL-IP is the hostname', async () => {
    const sb = await eks();
    await applyYaml(sb, serviceYaml('web'));
    await sb.settle();
    const svc = await svcJson(sb);
    const name = lbName(svc.metadata.uid);
    expect(name).toHaveLength(32);
    const lb = aws(sb).classicLoadBalancers.get(name)!;
    expect(lb.DNSName).toMatch(new RegExp(`^${name}-\\d{10}\\.us-west-2\\.elb\\.amazonaws\\.com$`));
    expect(svc.status.loadBalancer.ingress).toEqual([{ hostname: lb.DNSName }]);
    expect(await ok(sb, 'kubectl get svc web --no-headers')).toMatch(
      new RegExp(`^web\\s+LoadBalancer\\s+\\S+\\s+${lb.DNSName.replace(/\./g, '\\.')}\\s+80:${svc.spec.ports[0].nodePort}/TCP`),
    );
    expect(lb.Scheme).toBe('internet-facing');
    expect(lb.Listeners).toEqual([{ Protocol: 'TCP', LoadBalancerPort: 80, InstanceProtocol: 'TCP', InstancePort: svc.spec.ports[0].nodePort }]);
    expect(lb.HealthCheck).toEqual({ Target: `TCP:${svc.spec.ports[0].nodePort}`, Interval: 10, Timeout: 5, UnhealthyThreshold: 6, HealthyThreshold: 2 });
    expect(lb.Instances).toHaveLength(3);
    expect(lb.Tags).toEqual({ 'kubernetes.io/service-name': 'default/web', 'kubernetes.io/cluster/my-cluster': 'owned' });
    // One public subnet per zone.
    expect(lb.AvailabilityZones).toEqual(['us-west-2a', 'us-west-2b', 'us-west-2c']);
    const sg = aws(sb).securityGroupByName(`k8s-elb-${name}`)!;
    expect(sg.Description).toBe(`Security group for Kubernetes ELB ${name} (default/web)`);
    expect(lb.SecurityGroups).toEqual([sg.GroupId]);
    expect(sg.IpPermissions.map((p) => [p.IpProtocol, p.FromPort, p.ToPort, p.IpRanges.map((r) => r.CidrIp)])).toEqual([
      ['tcp', 80, 80, ['0.0.0.0/0']],
      ['icmp', 3, 4, ['0.0.0.0/0']],
    ]);
    const nodeSg = aws(sb).securityGroups.get(aws(sb).nodeSecurityGroupId)!;
    expect(nodeSg.IpPermissions).toContainEqual({ IpProtocol: '-1', IpRanges: [], UserIdGroupPairs: [{ GroupId: sg.GroupId }] });
    expect((await eventsOf(sb)).map((e) => e.slice(0, 3))).toEqual([
      ['Normal', 'EnsuringLoadBalancer', 'service-controller'],
      ['Normal', 'EnsuredLoadBalancer', 'service-controller'],
    ]);
  });

  it('the hostname appears within seconds of virtual time', async () => {
    const sb = await eks();
    await applyYaml(sb, serviceYaml('web'));
    await sb.advance(2000);
    expect((await svcJson(sb)).status.loadBalancer).toEqual({});
    await sb.advance(8000);
    expect((await svcJson(sb)).status.loadBalancer.ingress[0].hostname).toMatch(/\.elb\.amazonaws\.com$/);
  });

  it('deletion removes the node rule, the ELB and then its security group', async () => {
    const sb = await eks();
    await applyYaml(sb, serviceYaml('web'));
    await sb.settle();
    const name = lbName((await svcJson(sb)).metadata.uid);
    const sgId = aws(sb).securityGroupByName(`k8s-elb-${name}`)!.GroupId;
    await ok(sb, `kubectl patch svc web -p '{"spec":{"type":"ClusterIP"}}'`);
    await sb.settle();
    expect(aws(sb).classicLoadBalancers.size).toBe(0);
    expect(aws(sb).securityGroups.has(sgId)).toBe(false);
    expect(JSON.stringify(aws(sb).securityGroups.get(aws(sb).nodeSecurityGroupId)!.IpPermissions)).not.toContain(sgId);
    expect((await eventsOf(sb)).slice(2).map((e) => e[1])).toEqual(['DeletingLoadBalancer', 'DeletedLoadBalancer']);
    expect((await svcJson(sb)).status.loadBalancer).toEqual({});
  });

  it('rejects what a Classic ELB cannot do, as SyncLoadBalancerFailed', async () => {
    const sb = await eks();
    await applyYaml(sb, serviceYaml('udp', { ports: '  - port: 53\n    protocol: UDP\n' }));
    await applyYaml(sb, serviceYaml('pinned', { spec: '  loadBalancerIP: 1.2.3.4\n' }));
    await sb.settle();
    expect((await eventsOf(sb, 'udp'))[1]).toEqual([
      'Warning',
      'SyncLoadBalancerFailed',
      'service-controller',
      'Error syncing load balancer: failed to ensure load balancer: Protocol UDP not supported by LoadBalancer',
    ]);
    expect((await eventsOf(sb, 'pinned'))[1][3]).toBe(
      'Error syncing load balancer: failed to ensure load balancer: LoadBalancerIP cannot be specified for AWS ELB',
    );
    expect(aws(sb).classicLoadBalancers.size).toBe(0);
  });

  it('internal: scheme internal, private subnets, internal- DNS name', async () => {
    const sb = await eks();
    await applyYaml(sb, serviceYaml('web', { annotations: { [P + 'aws-load-balancer-internal']: 'true' } }));
    await sb.settle();
    const lb = [...aws(sb).classicLoadBalancers.values()][0];
    expect(lb.Scheme).toBe('internal');
    expect(lb.DNSName).toMatch(/^internal-a[0-9a-f]{31}-\d{10}\.us-west-2\.elb\.amazonaws\.com$/);
    const privateIds = aws(sb)
      .subnets.filter((s) => !s.public)
      .map((s) => s.SubnetId);
    expect(lb.Subnets.every((s) => privateIds.includes(s))).toBe(true);
  });

  it('no tagged subnet: <pending> with "could not find any suitable subnets"', async () => {
    const sb = await eks();
    for (const s of aws(sb).subnets) s.Tags = { 'kubernetes.io/cluster/other': 'owned' };
    await applyYaml(sb, serviceYaml('web'));
    await sb.settle();
    expect((await eventsOf(sb))[1][3]).toBe(
      'Error syncing load balancer: failed to ensure load balancer: could not find any suitable subnets for creating the ELB',
    );
    expect(await ok(sb, 'kubectl get svc web --no-headers')).toContain('<pending>');
  });
});

describe('EKS in-tree NLB (aws-load-balancer-type: nlb)', () => {
  it('creates an NLB, a target group and listener per port, node rules; hostname has the region after elb', async () => {
    const sb = await eks();
    await applyYaml(
      sb,
      serviceYaml('web', { annotations: { [P + 'aws-load-balancer-type']: 'nlb' }, ports: '  - port: 80\n    name: http\n  - port: 443\n    name: https\n' }),
    );
    // A minute in (settle would run on to the NLB's activation, 150 s after its creation).
    await sb.advance(60_000);
    const svc = await svcJson(sb);
    const name = lbName(svc.metadata.uid);
    const store = aws(sb);
    const lb = [...store.loadBalancers.values()][0];
    expect(lb.LoadBalancerName).toBe(name);
    const id = lb.LoadBalancerArn.split('/').pop()!;
    expect(lb.LoadBalancerArn).toBe(`arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/net/${name}/${id}`);
    expect(lb.DNSName).toBe(`${name}-${id}.elb.us-west-2.amazonaws.com`);
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(svc.status.loadBalancer.ingress).toEqual([{ hostname: lb.DNSName }]);
    // The hostname is written while the NLB is still provisioning.
    expect(store.stateOf(lb)).toBe('provisioning');
    await sb.advance(150_000);
    expect(store.stateOf(lb)).toBe('active');
    const tgs = [...store.targetGroups.values()];
    const nodePorts = svc.spec.ports.map((p: { nodePort: number }) => p.nodePort);
    expect(tgs.map((t) => t.TargetGroupName)).toEqual(
      svc.spec.ports.map((p: { port: number; nodePort: number }) =>
        targetGroupName('my-cluster', 'default', 'web', p.port, p.nodePort, 'TCP', 'instance', 'TCP', 30),
      ),
    );
    expect(tgs.map((t) => [t.Port, t.HealthCheckProtocol, t.HealthCheckPort, t.HealthCheckIntervalSeconds, t.HealthyThresholdCount, t.Targets.length])).toEqual(
      nodePorts.map((np: number) => [np, 'TCP', 'traffic-port', 30, 3, 3]),
    );
    const listeners = [...store.listeners.values()];
    expect(listeners.map((l) => [l.Port, l.DefaultActions[0].TargetGroupArn])).toEqual([
      [80, tgs[0].TargetGroupArn],
      [443, tgs[1].TargetGroupArn],
    ]);
    expect(lb.SecurityGroups).toEqual([]);
    const rules = store.securityGroups
      .get(store.nodeSecurityGroupId)!
      .IpPermissions.flatMap((p) => p.IpRanges.map((r) => [p.IpProtocol, p.FromPort, r.Description]));
    expect(rules).toEqual([
      ['tcp', nodePorts[0], `kubernetes.io/rule/nlb/client=${name}`],
      ['tcp', nodePorts[1], `kubernetes.io/rule/nlb/client=${name}`],
      ['icmp', 3, 'kubernetes.io/rule/nlb/mtu'],
    ]);
    // Deletion takes the NLB, its listeners, target groups and node rules.
    await ok(sb, 'kubectl delete svc web');
    await sb.settle();
    expect([store.loadBalancers.size, store.listeners.size, store.targetGroups.size]).toEqual([0, 0, 0]);
    expect(store.securityGroups.get(store.nodeSecurityGroupId)!.IpPermissions).toEqual([]);
  });

  it('changing the type annotation after creation is refused', async () => {
    const sb = await eks();
    await applyYaml(sb, serviceYaml('web'));
    await sb.settle();
    await applyYaml(sb, serviceYaml('web', { annotations: { [P + 'aws-load-balancer-type']: 'nlb' } }));
    await sb.settle();
    expect((await eventsOf(sb)).pop()![3]).toBe(
      'Error syncing load balancer: failed to ensure load balancer: cannot update Load Balancer Type annotation "service.beta.kubernetes.io/aws-load-balancer-type" after creation for Classic Load Balancer',
    );
  });
});

describe('EKS: Services meant for the AWS Load Balancer Controller (not installed)', () => {
  it('type external: EnsuringLoadBalancer and the finalizer, then nothing (ImplementedElsewhere)', async () => {
    const sb = await eks();
    await applyYaml(sb, serviceYaml('web', { annotations: { [P + 'aws-load-balancer-type']: 'external', [P + 'aws-load-balancer-nlb-target-type']: 'ip' } }));
    await sb.settle();
    const svc = await svcJson(sb);
    expect(svc.metadata.finalizers).toEqual(['service.kubernetes.io/load-balancer-cleanup']);
    expect(svc.status.loadBalancer).toEqual({});
    expect((await eventsOf(sb)).map((e) => e[1])).toEqual(['EnsuringLoadBalancer']);
    expect(aws(sb).loadBalancers.size + aws(sb).classicLoadBalancers.size).toBe(0);
  });

  it('loadBalancerClass: no event from service-controller at all', async () => {
    const sb = await eks();
    await applyYaml(sb, serviceYaml('web', { spec: '  loadBalancerClass: service.k8s.aws/nlb\n' }));
    await sb.settle();
    expect((await ok(sb, 'kubectl get events --field-selector involvedObject.name=web --no-headers -o name')).trim()).toBe('');
  });
});

describe('EKS egress', () => {
  it('nodes sit in private subnets behind a NAT gateway: egress is its Elastic IP, never the load balancer', async () => {
    const sb = await eks();
    const store = aws(sb);
    const nat = store.natGateway;
    expect(nat.PublicIp).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(store.subnets.find((s) => s.SubnetId === nat.SubnetId)!.public).toBe(true);
    for (const inst of store.instances.values()) expect(store.subnets.find((s) => s.SubnetId === inst.SubnetId)!.public).toBe(false);
  });
});
