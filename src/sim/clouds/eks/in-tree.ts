/**
 * The AWS cloud provider's load balancer code as EKS runs it in its control plane (in-tree,
 * other-clouds §3.1–3.3): a Classic ELB by default, an NLB with
 * `service.beta.kubernetes.io/aws-load-balancer-type: nlb`, and ImplementedElsewhere for the
 * AWS Load Balancer Controller's `external` / `nlb-ip` (not installed here: such a Service waits).
 */

import type { LoadBalancer } from '../../cloud-provider/load-balancer';
import type { Flow } from '../../flow';
import type { KubeStore } from '../../kube/store';
import type { LoadBalancerIngress, Service, ServicePort } from '../../kube/types';
import { defaultLoadBalancerName, lib, readyNodes, wait as sleep } from '../common';
import { elbSecurityGroupName, nlbRuleDescription, targetGroupName } from './names';
import { type AwsStore, CLB_DNS_DELAY_MS, type IpPermission, type NetworkLoadBalancer, type Subnet, type Tags, type TargetGroup } from './store';

const P = 'service.beta.kubernetes.io/';
export const AWS = {
  type: P + 'aws-load-balancer-type',
  internal: P + 'aws-load-balancer-internal',
  subnets: P + 'aws-load-balancer-subnets',
  additionalTags: P + 'aws-load-balancer-additional-resource-tags',
  targetType: P + 'aws-load-balancer-nlb-target-type',
};

/** AWS API latencies on the virtual clock (INFERRED; the hostname is written as soon as the create call returns). */
export const AWS_TIMING = {
  apiCallMs: 1000,
  createLoadBalancerMs: 3000,
  /** NLB `provisioning` → `active`. */
  nlbActiveAfterMs: 150_000,
  /** Deleting an ELB's security group retries while the ELB still references it. */
  securityGroupRetryMs: 5000,
};

/**
 * The target group named `TargetGroupName`, created (one API call) when no group has that name yet.
 * Both the in-tree NLB and the AWS Load Balancer Controller name their groups after what they
 * hold, so an existing one is kept as it is: a changed setting comes with a new name.
 */
export function* ensureTargetGroup(aws: AwsStore, desired: Omit<TargetGroup, 'TargetGroupArn'>): Flow<TargetGroup> {
  const existing = [...aws.targetGroups.values()].find((t) => t.TargetGroupName === desired.TargetGroupName);
  if (existing) return existing;
  yield* sleep(AWS_TIMING.apiCallMs);
  const tg: TargetGroup = { TargetGroupArn: aws.targetGroupArn(desired.TargetGroupName), ...desired };
  aws.targetGroups.set(tg.TargetGroupArn, tg);
  return tg;
}

const annotation = (svc: Service, key: string) => svc.metadata.annotations?.[key];
const isInternal = (svc: Service) => {
  const v = annotation(svc, AWS.internal);
  return v !== undefined && v !== 'false';
};
const sourceRanges = (svc: Service) =>
  (svc.spec as { loadBalancerSourceRanges?: string[] }).loadBalancerSourceRanges?.length
    ? (svc.spec as { loadBalancerSourceRanges: string[] }).loadBalancerSourceRanges
    : ['0.0.0.0/0'];

/** What the in-tree provider does with the Service, from the type annotation (§3.1). */
export function loadBalancerKind(svc: Service): 'classic' | 'nlb' | 'external' {
  const t = annotation(svc, AWS.type);
  if (t === 'external' || t === 'nlb-ip') return 'external';
  return t === 'nlb' ? 'nlb' : 'classic';
}

/** `aws-load-balancer-additional-resource-tags`: `k1=v1,k2=v2`, blank keys skipped. */
export function parseTags(value: string | undefined): Tags {
  const out: Tags = {};
  for (const pair of (value ?? '').split(',')) {
    const [k, ...v] = pair.split('=');
    if (k.trim()) out[k.trim()] = v.join('=').trim();
  }
  return out;
}

export class AwsInTreeLoadBalancer implements LoadBalancer {
  constructor(
    private readonly aws: AwsStore,
    private readonly kube: KubeStore,
  ) {}

  private get clusterId(): string {
    return this.aws.clusterName;
  }

  private tags(svc: Service): Tags {
    return {
      ...parseTags(annotation(svc, AWS.additionalTags)),
      'kubernetes.io/service-name': `${svc.metadata.namespace}/${svc.metadata.name}`,
      [`kubernetes.io/cluster/${this.clusterId}`]: 'owned',
    };
  }

  private instances(): string[] {
    return readyNodes(this.kube).map((n, i) => this.aws.instanceFor(n.metadata.name, i).InstanceId);
  }

  /** findELBSubnets: one subnet per zone, public for internet-facing (role tag first), private for internal. */
  private subnets(svc: Service): Subnet[] {
    const internal = isInternal(svc);
    const explicit = annotation(svc, AWS.subnets);
    if (explicit) {
      const wanted = explicit.split(',').map((s) => s.trim());
      return this.aws.subnets.filter((s) => wanted.includes(s.SubnetId) || wanted.includes(s.Tags.Name ?? ''));
    }
    const clusterTag = `kubernetes.io/cluster/${this.clusterId}`;
    const role = internal ? 'kubernetes.io/role/internal-elb' : 'kubernetes.io/role/elb';
    const candidates = this.aws.subnets.filter((s) => {
      const clusterTags = Object.keys(s.Tags).filter((k) => k.startsWith('kubernetes.io/cluster/'));
      return (clusterTags.length === 0 || clusterTags.includes(clusterTag)) && (internal || s.public);
    });
    const byZone = new Map<string, Subnet>();
    for (const s of candidates) {
      const cur = byZone.get(s.AvailabilityZone);
      const score = (x: Subnet) => (role in x.Tags ? 2 : 0) + (clusterTag in x.Tags ? 1 : 0);
      if (!cur || score(s) > score(cur) || (score(s) === score(cur) && s.SubnetId < cur.SubnetId)) byZone.set(s.AvailabilityZone, s);
    }
    return [...byZone.values()].sort((a, b) => a.AvailabilityZone.localeCompare(b.AvailabilityZone));
  }

  /** Checks the in-tree code makes before creating anything. */
  private validate(svc: Service, kind: 'classic' | 'nlb'): ServicePort[] {
    if (svc.spec.loadBalancerIP) throw new Error('LoadBalancerIP cannot be specified for AWS ELB');
    const ports = (svc.spec.ports ?? []).filter((p) => p.nodePort);
    const protocols = new Set(ports.map((p) => p.protocol ?? 'TCP'));
    if (protocols.size > 1) throw new Error('mixed protocol is not supported for LoadBalancer');
    for (const p of ports) {
      const proto = p.protocol ?? 'TCP';
      if (proto !== 'TCP' && !(kind === 'nlb' && proto === 'UDP')) throw new Error(`Protocol ${proto} not supported by LoadBalancer`);
    }
    if (svc.spec.sessionAffinity && svc.spec.sessionAffinity !== 'None') throw new Error(`unsupported load balancer affinity: ${svc.spec.sessionAffinity}`);
    const name = defaultLoadBalancerName(svc);
    const other = kind === 'nlb' ? this.aws.classicLoadBalancers.has(name) : [...this.aws.loadBalancers.values()].some((l) => l.LoadBalancerName === name);
    if (other)
      throw new Error(`cannot update Load Balancer Type annotation "${AWS.type}" after creation for ${kind === 'nlb' ? 'Classic Load Balancer' : 'NLB'}`);
    return ports;
  }

  *ensure(svc: Service): Flow<LoadBalancerIngress[]> {
    const kind = loadBalancerKind(svc);
    if (kind === 'external') throw new (lib().ImplementedElsewhere)();
    const ports = this.validate(svc, kind);
    const subnets = this.subnets(svc);
    if (!subnets.length) throw new Error('could not find any suitable subnets for creating the ELB');
    const hostname = kind === 'classic' ? yield* this.ensureClassic(svc, ports, subnets) : yield* this.ensureNetwork(svc, ports, subnets);
    return [{ hostname }];
  }

  private *ensureClassic(svc: Service, ports: ServicePort[], subnets: Subnet[]): Flow<string> {
    const aws = this.aws;
    const name = defaultLoadBalancerName(svc);
    const ranges = sourceRanges(svc);
    // The per-Service security group, its rules: every port, plus ICMP fragmentation-needed for MTU discovery.
    yield* sleep(AWS_TIMING.apiCallMs);
    const sgName = elbSecurityGroupName(name);
    const sg =
      aws.securityGroupByName(sgName) ??
      aws.createSecurityGroup(sgName, `Security group for Kubernetes ELB ${name} (${svc.metadata.namespace}/${svc.metadata.name})`, {
        [`kubernetes.io/cluster/${this.clusterId}`]: 'owned',
        ...parseTags(annotation(svc, AWS.additionalTags)),
      });
    const wanted: IpPermission[] = [
      ...ports.map((p) => ({ IpProtocol: 'tcp', FromPort: p.port, ToPort: p.port, IpRanges: ranges.map((CidrIp) => ({ CidrIp })), UserIdGroupPairs: [] })),
      { IpProtocol: 'icmp', FromPort: 3, ToPort: 4, IpRanges: ranges.map((CidrIp) => ({ CidrIp })), UserIdGroupPairs: [] },
    ];
    aws.revoke(sg.GroupId, (p) => !wanted.some((w) => JSON.stringify(w) === JSON.stringify(p)));
    for (const perm of wanted) aws.authorize(sg.GroupId, perm);
    const listeners = ports.map((p) => ({ Protocol: 'TCP', LoadBalancerPort: p.port, InstanceProtocol: 'TCP', InstancePort: p.nodePort! }));
    let lb = aws.classicLoadBalancers.get(name);
    if (!lb) {
      yield* sleep(AWS_TIMING.createLoadBalancerMs);
      lb = {
        LoadBalancerName: name,
        DNSName: aws.classicDnsName(name, isInternal(svc)),
        Scheme: isInternal(svc) ? 'internal' : 'internet-facing',
        Listeners: listeners,
        HealthCheck: { Target: '', Interval: 10, Timeout: 5, UnhealthyThreshold: 6, HealthyThreshold: 2 },
        Subnets: subnets.map((s) => s.SubnetId),
        AvailabilityZones: subnets.map((s) => s.AvailabilityZone),
        SecurityGroups: [sg.GroupId],
        Instances: [],
        Attributes: { CrossZoneLoadBalancing: false, ConnectionDrainingEnabled: false, IdleTimeout: 60, AccessLogEnabled: false },
        Tags: this.tags(svc),
        createdAt: aws.clock.now(),
      };
      aws.classicLoadBalancers.set(name, lb);
      const created = lb;
      aws.touchAt(CLB_DNS_DELAY_MS, `clb-dns:${name}`, () => aws.classicLoadBalancers.get(name) === created);
    } else {
      lb.Listeners = listeners;
      lb.Subnets = subnets.map((s) => s.SubnetId);
      lb.AvailabilityZones = subnets.map((s) => s.AvailabilityZone);
    }
    aws.touch();
    // Health check: TCP to the first port's nodePort, or kube-proxy's health check for ETP Local.
    yield* sleep(AWS_TIMING.apiCallMs);
    const hcPort = (svc.spec as { healthCheckNodePort?: number }).healthCheckNodePort;
    lb.HealthCheck.Target = svc.spec.externalTrafficPolicy === 'Local' && hcPort ? `HTTP:${hcPort}/healthz` : `TCP:${ports[0]?.nodePort}`;
    yield* sleep(AWS_TIMING.apiCallMs);
    lb.Instances = this.instances();
    // Node side: one all-traffic rule from the ELB's security group.
    aws.authorize(aws.nodeSecurityGroupId, { IpProtocol: '-1', IpRanges: [], UserIdGroupPairs: [{ GroupId: sg.GroupId }] });
    aws.touch();
    return lb.DNSName;
  }

  private *ensureNetwork(svc: Service, ports: ServicePort[], subnets: Subnet[]): Flow<string> {
    const aws = this.aws;
    const name = defaultLoadBalancerName(svc);
    const tags = this.tags(svc);
    let lb = [...aws.loadBalancers.values()].find((l) => l.LoadBalancerName === name);
    if (!lb) {
      yield* sleep(AWS_TIMING.createLoadBalancerMs);
      const ids = aws.networkIds(name);
      const now = aws.clock.now();
      lb = {
        LoadBalancerArn: ids.arn,
        LoadBalancerName: name,
        DNSName: ids.dns,
        Scheme: isInternal(svc) ? 'internal' : 'internet-facing',
        Type: 'network',
        IpAddressType: 'ipv4',
        VpcId: aws.vpcId,
        AvailabilityZones: subnets.map((s) => ({ ZoneName: s.AvailabilityZone, SubnetId: s.SubnetId })),
        SecurityGroups: [],
        Tags: tags,
        createdAt: now,
        activeAt: now + AWS_TIMING.nlbActiveAfterMs,
      };
      aws.addNetworkLoadBalancer(lb);
    }
    const local = svc.spec.externalTrafficPolicy === 'Local';
    const hcNodePort = (svc.spec as { healthCheckNodePort?: number }).healthCheckNodePort;
    const hc = local
      ? {
          HealthCheckProtocol: 'HTTP',
          HealthCheckPort: String(hcNodePort),
          HealthCheckPath: '/healthz',
          HealthCheckIntervalSeconds: 10,
          HealthCheckTimeoutSeconds: 10,
          HealthyThresholdCount: 2,
          UnhealthyThresholdCount: 2,
        }
      : {
          HealthCheckProtocol: 'TCP',
          HealthCheckPort: 'traffic-port',
          HealthCheckIntervalSeconds: 30,
          HealthCheckTimeoutSeconds: 10,
          HealthyThresholdCount: 3,
          UnhealthyThresholdCount: 3,
        };
    const keep = new Set<string>();
    for (const p of ports) {
      const protocol = p.protocol ?? 'TCP';
      const tgName = targetGroupName(
        this.clusterId,
        svc.metadata.namespace!,
        svc.metadata.name,
        p.port,
        p.nodePort!,
        protocol,
        'instance',
        hc.HealthCheckProtocol,
        hc.HealthCheckIntervalSeconds,
      );
      const tg = yield* ensureTargetGroup(aws, {
        TargetGroupName: tgName,
        Protocol: protocol,
        Port: p.nodePort!,
        VpcId: aws.vpcId,
        TargetType: 'instance',
        ...hc,
        LoadBalancerArns: [lb.LoadBalancerArn],
        Targets: [],
        Tags: tags,
      });
      keep.add(tg.TargetGroupArn);
      yield* sleep(AWS_TIMING.apiCallMs);
      this.registerTargets(tg.TargetGroupArn);
      let listener = [...aws.listeners.values()].find((l) => l.LoadBalancerArn === lb!.LoadBalancerArn && l.Port === p.port);
      if (!listener) {
        yield* sleep(AWS_TIMING.apiCallMs);
        listener = { ListenerArn: aws.listenerArn(lb), LoadBalancerArn: lb.LoadBalancerArn, Port: p.port, Protocol: protocol, DefaultActions: [], Tags: tags };
        aws.listeners.set(listener.ListenerArn, listener);
      }
      listener.DefaultActions = [{ Type: 'forward', TargetGroupArn: tg.TargetGroupArn }];
      aws.touch();
    }
    // Target groups of ports that went away (or were recreated under a new name).
    for (const tg of [...aws.targetGroups.values()])
      if (tg.LoadBalancerArns.includes(lb.LoadBalancerArn) && !keep.has(tg.TargetGroupArn)) aws.targetGroups.delete(tg.TargetGroupArn);
    for (const l of [...aws.listeners.values()])
      if (l.LoadBalancerArn === lb.LoadBalancerArn && !ports.some((p) => p.port === l.Port)) aws.listeners.delete(l.ListenerArn);
    // Node security group: client traffic to the nodePorts, ICMP for MTU discovery (the health
    // rule is skipped: the traffic-port health check is covered by the client rule).
    yield* sleep(AWS_TIMING.apiCallMs);
    this.revokeNlbRules(name);
    const ranges = sourceRanges(svc);
    const proto = (ports[0]?.protocol ?? 'TCP').toLowerCase();
    for (const p of ports)
      aws.authorize(aws.nodeSecurityGroupId, {
        IpProtocol: proto,
        FromPort: p.nodePort,
        ToPort: p.nodePort,
        IpRanges: ranges.map((CidrIp) => ({ CidrIp, Description: nlbRuleDescription.client(name) })),
        UserIdGroupPairs: [],
      });
    if (local && hcNodePort) {
      const cidrs = subnets.map((s) => s.CidrBlock);
      aws.authorize(aws.nodeSecurityGroupId, {
        IpProtocol: 'tcp',
        FromPort: hcNodePort,
        ToPort: hcNodePort,
        IpRanges: cidrs.map((CidrIp) => ({ CidrIp, Description: nlbRuleDescription.health(name) })),
        UserIdGroupPairs: [],
      });
    }
    aws.authorize(aws.nodeSecurityGroupId, {
      IpProtocol: 'icmp',
      FromPort: 3,
      ToPort: 4,
      IpRanges: ranges.map((CidrIp) => ({ CidrIp, Description: nlbRuleDescription.mtu })),
      UserIdGroupPairs: [],
    });
    return lb.DNSName;
  }

  private registerTargets(tgArn: string): void {
    const tg = this.aws.targetGroups.get(tgArn);
    if (!tg) return;
    const ids = this.instances();
    const now = this.aws.clock.now();
    tg.Targets = ids.map((Id) => tg.Targets.find((t) => t.Id === Id) ?? { Id, Port: tg.Port, registeredAt: now });
    this.aws.touch();
  }

  /** Removes this NLB's client/health rules from the node security group (the MTU rule is shared). */
  private revokeNlbRules(name: string): void {
    const mine = [nlbRuleDescription.client(name), nlbRuleDescription.health(name)];
    this.aws.revoke(this.aws.nodeSecurityGroupId, (p) => p.IpRanges.some((r) => r.Description !== undefined && mine.includes(r.Description)));
  }

  private nlbOf(svc: Service): NetworkLoadBalancer | undefined {
    const name = defaultLoadBalancerName(svc);
    return [...this.aws.loadBalancers.values()].find((l) => l.LoadBalancerName === name);
  }

  *ensureDeleted(svc: Service): Flow<void> {
    const aws = this.aws;
    const name = defaultLoadBalancerName(svc);
    const clb = aws.classicLoadBalancers.get(name);
    if (clb) {
      yield* sleep(AWS_TIMING.apiCallMs);
      for (const groupId of clb.SecurityGroups) aws.revoke(aws.nodeSecurityGroupId, (p) => p.UserIdGroupPairs.some((g) => g.GroupId === groupId));
      yield* sleep(AWS_TIMING.apiCallMs);
      aws.classicLoadBalancers.delete(name);
      aws.touch();
      // The owned group goes once the ELB no longer references it (DependencyViolation until then).
      yield* sleep(AWS_TIMING.securityGroupRetryMs);
      for (const groupId of clb.SecurityGroups)
        if (aws.securityGroups.get(groupId)?.Tags[`kubernetes.io/cluster/${this.clusterId}`] === 'owned') aws.deleteSecurityGroup(groupId);
    }
    const nlb = this.nlbOf(svc);
    if (nlb) {
      yield* sleep(AWS_TIMING.apiCallMs);
      aws.loadBalancers.delete(nlb.LoadBalancerArn);
      for (const l of [...aws.listeners.values()]) if (l.LoadBalancerArn === nlb.LoadBalancerArn) aws.listeners.delete(l.ListenerArn);
      aws.touch();
      yield* sleep(AWS_TIMING.apiCallMs);
      for (const tg of [...aws.targetGroups.values()]) if (tg.LoadBalancerArns.includes(nlb.LoadBalancerArn)) aws.targetGroups.delete(tg.TargetGroupArn);
      this.revokeNlbRules(name);
      // The MTU rule is shared by every NLB: it goes with the last one.
      if (!aws.loadBalancers.size) aws.revoke(aws.nodeSecurityGroupId, (p) => p.IpRanges.some((r) => r.Description === nlbRuleDescription.mtu));
      aws.touch();
    }
  }

  *updateHosts(svc: Service): Flow<void> {
    yield* sleep(AWS_TIMING.apiCallMs);
    const clb = this.aws.classicLoadBalancers.get(defaultLoadBalancerName(svc));
    if (clb) clb.Instances = this.instances();
    const nlb = this.nlbOf(svc);
    if (nlb) for (const tg of this.aws.targetGroups.values()) if (tg.LoadBalancerArns.includes(nlb.LoadBalancerArn)) this.registerTargets(tg.TargetGroupArn);
    this.aws.touch();
  }

  exists(svc: Service): boolean {
    return this.aws.classicLoadBalancers.has(defaultLoadBalancerName(svc)) || !!this.nlbOf(svc);
  }
}
