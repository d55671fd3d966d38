/** The AWS Load Balancer Controller in an EKS sandbox, from the outside: helm, kubectl, aws, curl (other-clouds §3.4). */
import { describe, expect, it } from 'vitest';
import { lbcBackendSgName, lbcFrontendSgName, lbcLoadBalancerName, lbcTargetGroupName } from '../../../../src/sim/clouds/eks/lbc-names';
import type { AwsStore } from '../../../../src/sim/clouds/eks/store';
import { sha256Hex } from '../../../../src/sim/clouds/sha256';
import { createSandbox, type Sandbox } from '../../../../src/sim/index';
import { applyYaml, eventRows, ok, P, serviceYaml } from '../helpers';

const INSTALL = [
  'helm repo add eks https://aws.github.io/eks-charts',
  'helm install aws-load-balancer-controller eks/aws-load-balancer-controller -n kube-system --set clusterName=my-cluster',
];

async function eks(install = true): Promise<Sandbox> {
  const sb = createSandbox({ cloud: 'eks' });
  await sb.cloud.ready;
  if (install) {
    for (const c of INSTALL) await ok(sb, c);
    await sb.settle();
  }
  return sb;
}
const aws = (sb: Sandbox) => sb.cloud.runtime!.store as AwsStore;
const svcJson = async (sb: Sandbox, name = 'web', ns = 'default') => JSON.parse(await ok(sb, `kubectl get svc ${name} -n ${ns} -o json`));
const eventsOf = (sb: Sandbox, name = 'web', kind = 'Service') => eventRows(sb, name, kind);
const EXTERNAL = { [P + 'aws-load-balancer-type']: 'external', [P + 'aws-load-balancer-nlb-target-type']: 'ip' };
const CLASS = '  loadBalancerClass: service.k8s.aws/nlb\n';

const WEB = 'kubectl create deployment web --image=nginx:1.27 --port=80 --replicas=2';
const lbs = (sb: Sandbox) => [...aws(sb).loadBalancers.values()];
const tgs = (sb: Sandbox) => [...aws(sb).targetGroups.values()];

describe('LBC names (upstream hash inputs)', () => {
  it('match the upstream test vector and the reference worked examples (cluster demo)', () => {
    const uid = '257b9655-5137-4ad2-b091-ef3f07043ad3';
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(lbcLoadBalancerName('', 'foo', 'bar', '', 'internet-facing')).toBe('k8s-foo-bar-e053368fb2');
    expect(lbcLoadBalancerName('demo', 'default', 'web', uid, 'internet-facing')).toBe('k8s-default-web-3a1f36d8d0');
    expect(lbcFrontendSgName('demo', 'default', 'web', uid)).toBe('k8s-default-web-b9ca5c1c0e');
    expect(lbcTargetGroupName('demo', 'default', 'web', uid, 31148, 80, 'instance', 'TCP', 'TCP', 10)).toBe('k8s-default-web-d1cd83a9ab');
    expect(lbcTargetGroupName('demo', 'default', 'web', uid, 8080, 80, 'ip', 'TCP', 'TCP', 10)).toBe('k8s-default-web-a16e290732');
    // Namespace and name: alphanumerics only, 8 characters each.
    expect(lbcLoadBalancerName('demo', 'kube-system', 'my-long-service', uid, 'internal')).toMatch(/^k8s-kubesyst-mylongse-[0-9a-f]{10}$/);
    expect(lbcBackendSgName('my-cluster')).toBe(`k8s-traffic-mycluster-${sha256Hex('my-cluster').slice(0, 10)}`);
  });
});

describe('installing the controller (helm, eks-charts)', () => {
  it('needs clusterName, runs two replicas in kube-system, shows in helm list, and uninstalls', async () => {
    const sb = await eks(false);
    await ok(sb, INSTALL[0]);
    const bare = await sb.exec('helm install aws-load-balancer-controller eks/aws-load-balancer-controller -n kube-system');
    expect([bare.exitCode, bare.stderr]).toEqual([
      1,
      'Error: INSTALLATION FAILED: execution error at (aws-load-balancer-controller/templates/deployment.yaml:67:28): Chart cannot be installed without a valid clusterName!\n',
    ]);
    expect(await ok(sb, INSTALL[1])).toContain('AWS Load Balancer controller installed!');
    await sb.settle();
    expect(await ok(sb, 'kubectl get deploy aws-load-balancer-controller -n kube-system --no-headers')).toMatch(
      /^aws-load-balancer-controller\s+2\/2\s+2\s+2\s/,
    );
    const dep = JSON.parse(await ok(sb, 'kubectl get deploy aws-load-balancer-controller -n kube-system -o json'));
    expect(dep.spec.template.spec.containers[0].image).toBe('public.ecr.aws/eks/aws-load-balancer-controller:v3.5.0');
    expect(dep.spec.template.spec.containers[0].args).toContain('--cluster-name=my-cluster');
    expect(await ok(sb, 'helm list -n kube-system')).toMatch(
      /aws-load-balancer-controller\s+kube-system\s+1\s+.*deployed\s+aws-load-balancer-controller-3\.5\.0\s+v3\.5\.0/,
    );
    expect(await ok(sb, 'kubectl get crd targetgroupbindings.elbv2.k8s.aws -o name')).toBe(
      'customresourcedefinition.apiextensions.k8s.io/targetgroupbindings.elbv2.k8s.aws\n',
    );
    expect(await ok(sb, 'helm uninstall aws-load-balancer-controller -n kube-system')).toBe('release "aws-load-balancer-controller" uninstalled\n');
    expect((await sb.exec('kubectl get deploy aws-load-balancer-controller -n kube-system')).exitCode).toBe(1);
    // helm keeps what crds/ installed.
    expect((await sb.exec('kubectl get targetgroupbindings')).stderr).toBe('No resources found in default namespace.\n');
  });
});

describe('without the controller', () => {
  it('a loadBalancerClass Service waits with no event and no AWS object', async () => {
    const sb = await eks(false);
    await applyYaml(sb, serviceYaml('web', { spec: CLASS }));
    await sb.settle();
    expect((await svcJson(sb)).status.loadBalancer).toEqual({});
    expect((await svcJson(sb)).metadata.finalizers).toBeUndefined();
    expect(await eventsOf(sb)).toEqual([]);
    expect(lbs(sb)).toEqual([]);
  });

  it('deleting a Service after the controller was uninstalled hangs on its finalizer', async () => {
    const sb = await eks();
    await applyYaml(sb, serviceYaml('web', { spec: CLASS }));
    await sb.settle();
    await ok(sb, 'helm uninstall aws-load-balancer-controller -n kube-system');
    await sb.settle();
    await ok(sb, 'kubectl delete svc web --wait=false');
    await sb.settle();
    const svc = await svcJson(sb);
    expect(svc.metadata.deletionTimestamp).toBeTruthy();
    expect(svc.metadata.finalizers).toEqual(['service.k8s.aws/resources']);
    expect(lbs(sb)).toHaveLength(1);
  });
});

describe('an NLB for loadBalancerClass service.k8s.aws/nlb', () => {
  it('finalizer, internal by default, names from the UID, tags, security groups, binding, event, status', async () => {
    const sb = await eks();
    await ok(sb, WEB);
    await applyYaml(sb, serviceYaml('web', { spec: CLASS }));
    await sb.settle();
    const svc = await svcJson(sb);
    const uid = svc.metadata.uid as string;
    const nodePort = svc.spec.ports[0].nodePort as number;
    expect(svc.metadata.finalizers).toEqual(['service.k8s.aws/resources']);
    const [lb] = lbs(sb);
    expect(lb.LoadBalancerName).toBe(lbcLoadBalancerName('my-cluster', 'default', 'web', uid, 'internal'));
    expect(lb.Scheme).toBe('internal');
    expect(lb.DNSName).toMatch(new RegExp(`^${lb.LoadBalancerName}-[0-9a-f]{16}\\.elb\\.us-west-2\\.amazonaws\\.com$`));
    // Internal: the private subnets (role tag internal-elb), one per zone.
    const privateIds = aws(sb)
      .subnets.filter((s) => !s.public)
      .map((s) => s.SubnetId);
    expect(lb.AvailabilityZones.every((z) => privateIds.includes(z.SubnetId))).toBe(true);
    expect(lb.Tags).toEqual({ 'elbv2.k8s.aws/cluster': 'my-cluster', 'service.k8s.aws/stack': 'default/web', 'service.k8s.aws/resource': 'LoadBalancer' });
    expect(svc.status.loadBalancer.ingress).toEqual([{ hostname: lb.DNSName.toLowerCase(), ports: [{ port: 80, protocol: 'TCP' }] }]);
    expect(await ok(sb, 'kubectl get svc web --no-headers')).toMatch(
      new RegExp(`^web\\s+LoadBalancer\\s+\\S+\\s+${lb.DNSName.replace(/\./g, '\\.')}\\s+80:${nodePort}/TCP`),
    );

    const [tg] = tgs(sb);
    expect(tg.TargetGroupName).toBe(lbcTargetGroupName('my-cluster', 'default', 'web', uid, nodePort, 80, 'instance', 'TCP', 'TCP', 10));
    expect([
      tg.TargetType,
      tg.Port,
      tg.Protocol,
      tg.HealthCheckProtocol,
      tg.HealthCheckPort,
      tg.HealthCheckIntervalSeconds,
      tg.HealthCheckTimeoutSeconds,
      tg.HealthyThresholdCount,
      tg.UnhealthyThresholdCount,
    ]).toEqual(['instance', nodePort, 'TCP', 'TCP', 'traffic-port', 10, 10, 3, 3]);
    expect(tg.Tags['service.k8s.aws/resource']).toBe('default/web:80');
    expect(tg.Targets.map((t) => t.Id).sort()).toEqual([...aws(sb).instances.values()].map((i) => i.InstanceId).sort());
    const [listener] = [...aws(sb).listeners.values()];
    expect([listener.Port, listener.DefaultActions[0].TargetGroupArn, listener.Tags['service.k8s.aws/resource']]).toEqual([80, tg.TargetGroupArn, '80']);

    const front = aws(sb).securityGroupByName(lbcFrontendSgName('my-cluster', 'default', 'web', uid))!;
    const back = aws(sb).securityGroupByName(lbcBackendSgName('my-cluster'))!;
    expect(front.Description).toBe('[k8s] Managed SecurityGroup for LoadBalancer');
    expect(front.Tags['service.k8s.aws/resource']).toBe('ManagedLBSecurityGroup');
    expect(front.IpPermissions).toEqual([{ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0' }], UserIdGroupPairs: [] }]);
    expect(back.Description).toBe('[k8s] Shared Backend SecurityGroup for LoadBalancer');
    expect(back.Tags).toEqual({ 'elbv2.k8s.aws/cluster': 'my-cluster', 'elbv2.k8s.aws/resource': 'backend-sg' });
    expect(lb.SecurityGroups).toEqual([front.GroupId, back.GroupId]);
    const nodeSg = aws(sb).securityGroups.get(aws(sb).nodeSecurityGroupId)!;
    expect(
      nodeSg.IpPermissions.filter((p) => p.UserIdGroupPairs.some((g) => g.GroupId === back.GroupId)).map((p) => [p.IpProtocol, p.FromPort, p.ToPort]),
    ).toEqual([['tcp', nodePort, nodePort]]);

    const tgb = JSON.parse(await ok(sb, `kubectl get targetgroupbindings ${tg.TargetGroupName} -o json`));
    expect(tgb.apiVersion).toBe('elbv2.k8s.aws/v1beta1');
    expect(tgb.metadata.labels).toEqual({ 'service.k8s.aws/stack-name': 'web', 'service.k8s.aws/stack-namespace': 'default' });
    expect(tgb.spec).toMatchObject({ targetGroupARN: tg.TargetGroupArn, targetType: 'instance', serviceRef: { name: 'web', port: 80 } });
    // The CRD's printer columns; ARN (priority 1) only with -o wide, in its place before AGE.
    const table = (await ok(sb, 'kubectl get targetgroupbindings')).split('\n');
    expect(table[0]).toMatch(/^NAME\s+SERVICE-NAME\s+SERVICE-PORT\s+TARGET-TYPE\s+AGE$/);
    expect(table[1]).toMatch(new RegExp(`^${tg.TargetGroupName}\\s+web\\s+80\\s+instance\\s+(\\d+m)?\\d+s$`));
    const wide = (await ok(sb, 'kubectl get targetgroupbindings -o wide')).split('\n');
    expect(wide[0]).toMatch(/^NAME\s+SERVICE-NAME\s+SERVICE-PORT\s+TARGET-TYPE\s+ARN\s+AGE$/);
    expect(wide[1]).toMatch(new RegExp(`\\s+instance\\s+${tg.TargetGroupArn.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\s+(\\d+m)?\\d+s$`));
    expect(await eventsOf(sb)).toEqual([['Normal', 'SuccessfullyReconciled', 'service', 'Successfully reconciled']]);
    expect((await eventsOf(sb, tg.TargetGroupName, 'TargetGroupBinding')).map((e) => e.slice(1, 3))).toEqual([
      ['SuccessfullyReconciled', 'targetGroupBinding'],
    ]);
  });

  it('ip targets: pod IPs on the targetPort, shown by describe-target-health', async () => {
    const sb = await eks();
    await ok(sb, WEB);
    await applyYaml(
      sb,
      serviceYaml('web', { annotations: { [P + 'aws-load-balancer-nlb-target-type']: 'ip' }, spec: CLASS, ports: '  - port: 80\n    targetPort: 80\n' }),
    );
    await sb.settle();
    const [tg] = tgs(sb);
    expect([tg.TargetType, tg.Port]).toEqual(['ip', 80]);
    const podIps = (await ok(sb, 'kubectl get pods -l app=web -o jsonpath={.items[*].status.podIP}')).split(' ').sort();
    expect(tg.Targets.map((t) => t.Id).sort()).toEqual(podIps);
    const health = JSON.parse(await ok(sb, `aws elbv2 describe-target-health --target-group-arn ${tg.TargetGroupArn}`));
    expect(health.TargetHealthDescriptions.map((d: { Target: { Id: string; Port: number } }) => `${d.Target.Id}:${d.Target.Port}`).sort()).toEqual(
      podIps.map((ip) => `${ip}:80`),
    );
    // A third replica becomes a third target.
    await ok(sb, 'kubectl scale deployment web --replicas=3');
    await sb.settle();
    expect(tgs(sb)[0].Targets).toHaveLength(3);
  });

  it('ip targets with a named targetPort: the target group port is 1, each target carries the pod port', async () => {
    const sb = await eks();
    await ok(sb, WEB);
    await ok(sb, `kubectl patch deployment web --type=json -p '[{"op":"add","path":"/spec/template/spec/containers/0/ports/0/name","value":"http"}]'`);
    await applyYaml(
      sb,
      serviceYaml('web', { annotations: { [P + 'aws-load-balancer-nlb-target-type']: 'ip' }, spec: CLASS, ports: '  - port: 80\n    targetPort: http\n' }),
    );
    await sb.settle();
    const [tg] = tgs(sb);
    expect(tg.Port).toBe(1);
    expect(tg.Targets.map((t) => t.Port)).toEqual([80, 80]);
    const nodeSg = aws(sb).securityGroups.get(aws(sb).nodeSecurityGroupId)!;
    const back = aws(sb).securityGroupByName(lbcBackendSgName('my-cluster'))!;
    expect(nodeSg.IpPermissions.filter((p) => p.UserIdGroupPairs.some((g) => g.GroupId === back.GroupId)).map((p) => p.FromPort)).toEqual([80]);
  });

  it('internet-facing with the scheme annotation: public subnets, and curl reaches nginx once the NLB is active', async () => {
    const sb = await eks();
    await ok(sb, WEB);
    await applyYaml(sb, serviceYaml('web', { annotations: { [P + 'aws-load-balancer-scheme']: 'internet-facing' }, spec: CLASS }));
    // A minute in: the hostname is there, the NLB still provisions (150 s).
    await sb.advance(60_000);
    const [lb] = lbs(sb);
    expect(lb.Scheme).toBe('internet-facing');
    const publicIds = aws(sb)
      .subnets.filter((s) => s.public)
      .map((s) => s.SubnetId);
    expect(lb.AvailabilityZones.every((z) => publicIds.includes(z.SubnetId))).toBe(true);
    const host = (await svcJson(sb)).status.loadBalancer.ingress[0].hostname;
    expect((await sb.exec(`curl -s http://${host}`)).exitCode).toBe(6);
    expect((await ok(sb, `aws elbv2 describe-load-balancers --query 'LoadBalancers[0].State.Code' --output text`)).trim()).toBe('provisioning');
    // "Skip waits" runs on to the activation.
    await sb.settle();
    expect((await ok(sb, `aws elbv2 describe-load-balancers --query 'LoadBalancers[0].State.Code' --output text`)).trim()).toBe('active');
    const r = await sb.exec(`curl -s --trace http://${host}`);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Welcome to nginx!');
    expect(r.stderr).toMatch(/security group k8s-default-web-[0-9a-f]{10} \(sg-0[0-9a-f]{16}\) on the NLB allows TCP 80 from /);
    expect(r.stderr).toMatch(/node security group \S+ allows TCP \d+ from k8s-traffic-mycluster-[0-9a-f]{10}/);
  });

  it('loadBalancerSourceRanges without the caller: both security groups named, neither allows it', async () => {
    const sb = await eks();
    await ok(sb, WEB);
    await applyYaml(
      sb,
      serviceYaml('web', {
        annotations: { [P + 'aws-load-balancer-scheme']: 'internet-facing' },
        spec: `${CLASS}  loadBalancerSourceRanges:\n  - 198.51.100.0/24\n`,
      }),
    );
    await sb.settle();
    const host = (await svcJson(sb)).status.loadBalancer.ingress[0].hostname;
    const r = await sb.exec(`curl -s --trace --connect-timeout 3 http://${host}`);
    expect(r.exitCode).toBe(28);
    const [front, back] = lbs(sb)[0].SecurityGroups.map((id) => aws(sb).securityGroups.get(id)!);
    expect(r.stderr).toContain(
      `security groups ${front.GroupName} (${front.GroupId}), ${back.GroupName} (${back.GroupId}) allow no TCP 80 from 203.0.113.10 → packet dropped`,
    );
  });

  it('internal by default: curl from the internet is dropped, a pod in the VPC gets through (ip targets reach the pod directly)', async () => {
    const sb = await eks();
    await ok(sb, WEB);
    await applyYaml(sb, serviceYaml('web', { annotations: { [P + 'aws-load-balancer-nlb-target-type']: 'ip' }, spec: CLASS }));
    await sb.settle();
    const host = (await svcJson(sb)).status.loadBalancer.ingress[0].hostname;
    const outside = await sb.exec(`curl -s --trace --connect-timeout 5 http://${host}`);
    expect(outside.exitCode).toBe(28);
    expect(outside.stderr).toMatch(/private address of Network Load Balancer k8s-default-web-[0-9a-f]{10} \(scheme internal/);
    const inside = await sb.exec(`kubectl exec deploy/web -- curl -s --trace http://${host}`);
    expect(inside.stdout).toContain('Welcome to nginx!');
  });

  it('changing the scheme replaces the NLB (new name and hostname); the old one is deleted', async () => {
    const sb = await eks();
    await applyYaml(sb, serviceYaml('web', { spec: CLASS }));
    await sb.settle();
    const [old] = lbs(sb);
    await ok(sb, `kubectl annotate svc web ${P}aws-load-balancer-scheme=internet-facing`);
    await sb.settle();
    const now = lbs(sb);
    expect(now).toHaveLength(1);
    expect(now[0].Scheme).toBe('internet-facing');
    expect(now[0].LoadBalancerName).not.toBe(old.LoadBalancerName);
    expect((await svcJson(sb)).status.loadBalancer.ingress[0].hostname).toBe(now[0].DNSName.toLowerCase());
    // The target group keeps its name, targets and binding, and serves the new NLB.
    expect(tgs(sb).map((t) => [t.LoadBalancerArns, t.Targets.length])).toEqual([[[now[0].LoadBalancerArn], 3]]);
    expect((await ok(sb, 'kubectl get targetgroupbindings -o name')).trim().split('\n')).toHaveLength(1);
    // Removing the annotation keeps the existing scheme.
    await ok(sb, `kubectl annotate svc web ${P}aws-load-balancer-scheme-`);
    await sb.settle();
    expect(lbs(sb).map((l) => l.LoadBalancerName)).toEqual([now[0].LoadBalancerName]);
  });

  it('type changed to ClusterIP: everything goes, status is cleared and the finalizer removed', async () => {
    const sb = await eks();
    await applyYaml(sb, serviceYaml('web', { spec: CLASS }));
    await sb.settle();
    expect((await svcJson(sb)).metadata.finalizers).toEqual(['service.k8s.aws/resources']);
    await ok(sb, `kubectl patch svc web --type=merge -p '{"spec":{"type":"ClusterIP","loadBalancerClass":null}}'`);
    await sb.settle();
    const svc = await svcJson(sb);
    expect([svc.spec.type, svc.metadata.finalizers, svc.status.loadBalancer]).toEqual(['ClusterIP', undefined, {}]);
    expect([lbs(sb).length, tgs(sb).length, aws(sb).listeners.size]).toEqual([0, 0, 0]);
  });

  it('a TargetGroupBinding deleted by hand comes back, its targets registered again', async () => {
    const sb = await eks();
    await applyYaml(sb, serviceYaml('web', { spec: CLASS }));
    await sb.settle();
    const [tg] = tgs(sb);
    await ok(sb, `kubectl delete targetgroupbinding ${tg.TargetGroupName}`);
    await sb.settle();
    expect(await ok(sb, 'kubectl get targetgroupbindings -o name')).toBe(`targetgroupbinding.elbv2.k8s.aws/${tg.TargetGroupName}\n`);
    expect(tgs(sb)[0].Targets).toHaveLength(3);
  });

  it('aws-load-balancer-name: used as is, and longer than 32 characters is a FailedBuildModel', async () => {
    const sb = await eks();
    await applyYaml(sb, serviceYaml('web', { annotations: { [P + 'aws-load-balancer-name']: 'my-web-nlb' }, spec: CLASS }));
    await applyYaml(sb, serviceYaml('api', { annotations: { [P + 'aws-load-balancer-name']: 'x'.repeat(33) }, spec: CLASS }));
    await sb.settle();
    expect(lbs(sb).map((l) => l.LoadBalancerName)).toEqual(['my-web-nlb']);
    expect((await eventsOf(sb, 'api'))[0]).toEqual([
      'Warning',
      'FailedBuildModel',
      'service',
      'Failed build model due to load balancer name cannot be longer than 32 characters',
    ]);
    expect((await svcJson(sb, 'api')).metadata.finalizers).toBeUndefined();
  });

  it('deletion removes the binding, listener, NLB, target group, both security groups and node rules, then the finalizer', async () => {
    const sb = await eks();
    await ok(sb, WEB);
    await applyYaml(sb, serviceYaml('web', { spec: CLASS }));
    await sb.settle();
    const nodeRulesBefore = aws(sb).securityGroups.get(aws(sb).nodeSecurityGroupId)!.IpPermissions.length;
    await ok(sb, 'kubectl delete svc web');
    await sb.settle();
    expect((await sb.exec('kubectl get svc web')).exitCode).toBe(1);
    expect(lbs(sb)).toEqual([]);
    expect(tgs(sb)).toEqual([]);
    expect(aws(sb).listeners.size).toBe(0);
    expect([...aws(sb).securityGroups.values()].filter((g) => g.GroupName.startsWith('k8s-'))).toEqual([]);
    expect(aws(sb).securityGroups.get(aws(sb).nodeSecurityGroupId)!.IpPermissions.length).toBe(nodeRulesBefore - 1);
    expect((await sb.exec('kubectl get targetgroupbindings -A')).stderr).toBe('No resources found\n');
  });
});

describe('the annotation path and the service mutator', () => {
  it('type external created before the controller: in-tree EnsuringLoadBalancer, then the controller takes it (two finalizers)', async () => {
    const sb = await eks(false);
    await applyYaml(sb, serviceYaml('web', { annotations: EXTERNAL }));
    await sb.settle();
    expect((await svcJson(sb)).status.loadBalancer).toEqual({});
    for (const c of INSTALL) await ok(sb, c);
    await sb.settle();
    const svc = await svcJson(sb);
    expect(svc.metadata.finalizers).toEqual(['service.kubernetes.io/load-balancer-cleanup', 'service.k8s.aws/resources']);
    expect(svc.spec.loadBalancerClass).toBeUndefined();
    expect(svc.status.loadBalancer.ingress[0].hostname).toMatch(/^k8s-default-web-[0-9a-f]{10}-[0-9a-f]{16}\.elb\.us-west-2\.amazonaws\.com$/);
    expect((await eventsOf(sb)).map((e) => e.slice(0, 3))).toEqual([
      ['Normal', 'EnsuringLoadBalancer', 'service-controller'],
      ['Normal', 'SuccessfullyReconciled', 'service'],
    ]);
    expect(tgs(sb)[0].TargetType).toBe('ip');
  });

  it('after install, a new plain LoadBalancer Service gets loadBalancerClass service.k8s.aws/nlb; one made before keeps its Classic ELB', async () => {
    const sb = await eks(false);
    await applyYaml(sb, serviceYaml('old'));
    await sb.settle();
    for (const c of INSTALL) await ok(sb, c);
    await applyYaml(sb, serviceYaml('web'));
    await sb.settle();
    expect((await svcJson(sb, 'old')).spec.loadBalancerClass).toBeUndefined();
    expect(aws(sb).classicLoadBalancers.size).toBe(1);
    expect((await svcJson(sb)).spec.loadBalancerClass).toBe('service.k8s.aws/nlb');
    expect(lbs(sb).map((l) => [l.Scheme, l.Tags['service.k8s.aws/stack']])).toEqual([['internal', 'default/web']]);
  });
});

describe("aws CLI shows the controller's objects", () => {
  it('describe-load-balancers, -target-groups, -listeners and ec2 describe-security-groups by tag', async () => {
    const sb = await eks();
    await applyYaml(sb, serviceYaml('web', { spec: CLASS }));
    await sb.settle();
    const [lb] = lbs(sb);
    const lbOut = JSON.parse(await ok(sb, `aws elbv2 describe-load-balancers --names ${lb.LoadBalancerName}`));
    expect(lbOut.LoadBalancers[0]).toMatchObject({
      LoadBalancerName: lb.LoadBalancerName,
      Scheme: 'internal',
      Type: 'network',
      SecurityGroups: lb.SecurityGroups,
    });
    const tgOut = JSON.parse(await ok(sb, `aws elbv2 describe-target-groups --load-balancer-arn ${lb.LoadBalancerArn}`));
    expect(tgOut.TargetGroups[0]).toMatchObject({
      TargetType: 'instance',
      HealthCheckIntervalSeconds: 10,
      HealthCheckTimeoutSeconds: 10,
      HealthyThresholdCount: 3,
    });
    const lOut = JSON.parse(await ok(sb, `aws elbv2 describe-listeners --load-balancer-arn ${lb.LoadBalancerArn}`));
    expect(lOut.Listeners[0]).toMatchObject({ Port: 80, Protocol: 'TCP' });
    const sgs = await ok(
      sb,
      "aws ec2 describe-security-groups --filters Name=tag:elbv2.k8s.aws/cluster,Values=my-cluster --query 'SecurityGroups[].GroupName' --output text",
    );
    expect(sgs.trim().split(/\s+/).sort()).toEqual(
      [lbcBackendSgName('my-cluster'), lbcFrontendSgName('my-cluster', 'default', 'web', (await svcJson(sb)).metadata.uid)].sort(),
    );
  });
});
