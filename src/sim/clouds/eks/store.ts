/**
 * The AWS account behind an EKS sandbox: VPC, subnets, instances, security groups, Classic ELBs,
 * NLBs with their target groups and listeners, and the NAT gateway egress leaves through. Field
 * names follow the AWS API (what `aws … describe-*` prints), so the CLIs can show them as stored.
 */
import type { VirtualClock } from '../../clock';
import type { SeededRandom } from '../../random';

const US_WEST_2_EIP_FIRST_OCTETS = [34, 35, 44, 52, 54] as const;

/**
 * A new Classic ELB's DNS name answers about a minute after creation (the reference's "~1–3 min",
 * INFERRED midpoint kept short); an NLB's once it is `active`.
 */
export const CLB_DNS_DELAY_MS = 60_000;

export type Tags = Record<string, string>;
export const tagList = (tags: Tags) => Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));

export interface Subnet {
  SubnetId: string;
  AvailabilityZone: string;
  CidrBlock: string;
  /** Route table has an internet gateway (public) or only the NAT gateway (private). */
  public: boolean;
  Tags: Tags;
}

export interface Instance {
  InstanceId: string;
  nodeName: string;
  PrivateIpAddress: string;
  SubnetId: string;
  /** The node security group (tagged kubernetes.io/cluster/<id>=owned). */
  SecurityGroupId: string;
}

export interface IpPermission {
  IpProtocol: string;
  FromPort?: number;
  ToPort?: number;
  IpRanges: { CidrIp: string; Description?: string }[];
  UserIdGroupPairs: { GroupId: string; Description?: string }[];
}

export interface SecurityGroup {
  GroupId: string;
  GroupName: string;
  Description: string;
  VpcId: string;
  IpPermissions: IpPermission[];
  Tags: Tags;
}

export interface ClassicListener {
  Protocol: string;
  LoadBalancerPort: number;
  InstanceProtocol: string;
  InstancePort: number;
}

export interface ClassicLoadBalancer {
  LoadBalancerName: string;
  DNSName: string;
  Scheme: 'internet-facing' | 'internal';
  Listeners: ClassicListener[];
  HealthCheck: { Target: string; Interval: number; Timeout: number; UnhealthyThreshold: number; HealthyThreshold: number };
  Subnets: string[];
  AvailabilityZones: string[];
  SecurityGroups: string[];
  Instances: string[];
  Attributes: { CrossZoneLoadBalancing: boolean; ConnectionDrainingEnabled: boolean; IdleTimeout: number; AccessLogEnabled: boolean };
  Tags: Tags;
  createdAt: number;
}

export interface NetworkLoadBalancer {
  LoadBalancerArn: string;
  LoadBalancerName: string;
  DNSName: string;
  Scheme: 'internet-facing' | 'internal';
  Type: 'network';
  IpAddressType: 'ipv4';
  VpcId: string;
  AvailabilityZones: { ZoneName: string; SubnetId: string }[];
  SecurityGroups: string[];
  Tags: Tags;
  createdAt: number;
  /** `provisioning` until then, `active` after (the in-tree code writes the hostname at once). */
  activeAt: number;
}

export interface TargetGroup {
  TargetGroupArn: string;
  TargetGroupName: string;
  Protocol: string;
  Port: number;
  VpcId: string;
  /** `instance`: node instance IDs on the nodePort; `ip` (AWS Load Balancer Controller): pod IPs on the targetPort. */
  TargetType: 'instance' | 'ip';
  HealthCheckProtocol: string;
  HealthCheckPort: string;
  HealthCheckPath?: string;
  HealthCheckIntervalSeconds: number;
  HealthCheckTimeoutSeconds: number;
  HealthyThresholdCount: number;
  UnhealthyThresholdCount: number;
  LoadBalancerArns: string[];
  /** `node`: where an ip target (a pod) runs, for the console's zone column and the data path. */
  Targets: { Id: string; Port: number; registeredAt: number; node?: string }[];
  Tags: Tags;
}

export interface Listener {
  ListenerArn: string;
  LoadBalancerArn: string;
  Port: number;
  Protocol: string;
  DefaultActions: { Type: 'forward'; TargetGroupArn: string }[];
  Tags: Tags;
}

export interface NatGateway {
  NatGatewayId: string;
  SubnetId: string;
  PublicIp: string;
  AllocationId: string;
}

export class AwsStore {
  readonly region: string;
  readonly accountId = '123456789012';
  readonly clusterName: string;
  readonly vpcId: string;
  readonly vpcCidr = '192.168.0.0/16';
  readonly subnets: Subnet[] = [];
  readonly instances = new Map<string, Instance>();
  readonly securityGroups = new Map<string, SecurityGroup>();
  readonly classicLoadBalancers = new Map<string, ClassicLoadBalancer>();
  readonly loadBalancers = new Map<string, NetworkLoadBalancer>();
  readonly targetGroups = new Map<string, TargetGroup>();
  readonly listeners = new Map<string, Listener>();
  readonly natGateway: NatGateway;
  readonly nodeSecurityGroupId: string;
  /** Bumped on every write: the CLIs and consoles redraw on change. */
  version = 0;

  constructor(
    readonly clock: VirtualClock,
    private readonly random: SeededRandom,
    opts: { region: string; clusterName: string },
  ) {
    this.region = opts.region;
    this.clusterName = opts.clusterName;
    this.vpcId = `vpc-0${random.hex(16)}`;
    // eksctl's layout: a public and a private subnet in three zones, tagged for load balancers.
    const clusterTag = `kubernetes.io/cluster/${this.clusterName}`;
    ['a', 'b', 'c'].forEach((z, i) => {
      const AvailabilityZone = `${this.region}${z}`;
      this.subnets.push({
        SubnetId: `subnet-0${random.hex(16)}`,
        AvailabilityZone,
        CidrBlock: `192.168.${i * 32}.0/19`,
        public: true,
        Tags: { [clusterTag]: 'shared', 'kubernetes.io/role/elb': '1' },
      });
      this.subnets.push({
        SubnetId: `subnet-0${random.hex(16)}`,
        AvailabilityZone,
        CidrBlock: `192.168.${96 + i * 32}.0/19`,
        public: false,
        Tags: { [clusterTag]: 'shared', 'kubernetes.io/role/internal-elb': '1' },
      });
    });
    const natSubnet = this.subnets[0];
    this.natGateway = {
      NatGatewayId: `nat-0${random.hex(16)}`,
      SubnetId: natSubnet.SubnetId,
      // An Elastic IP from blocks AWS announces in us-west-2 (a bare 3–54 range also gave private 10.x and non-AWS addresses).
      PublicIp: `${US_WEST_2_EIP_FIRST_OCTETS[random.int(0, US_WEST_2_EIP_FIRST_OCTETS.length - 1)]}.${random.int(1, 254)}.${random.int(1, 254)}.${random.int(1, 254)}`,
      AllocationId: `eipalloc-0${random.hex(16)}`,
    };
    const nodeSg = this.createSecurityGroup(
      `eks-cluster-sg-${this.clusterName}-${random.digits(9)}`,
      'EKS created security group applied to ENI that is attached to EKS Control Plane master nodes, as well as any managed workloads.',
      {
        [clusterTag]: 'owned',
        'aws:eks:cluster-name': this.clusterName,
      },
    );
    this.nodeSecurityGroupId = nodeSg.GroupId;
  }

  /** The instance behind a Node (created on first sight, in a private subnet like managed node groups). */
  instanceFor(nodeName: string, index: number, privateIp?: string): Instance {
    let inst = this.instances.get(nodeName);
    if (!inst) {
      const privateSubnets = this.subnets.filter((s) => !s.public);
      const subnet = privateSubnets[index % privateSubnets.length];
      const base = subnet.CidrBlock.split('.').slice(0, 3).join('.');
      inst = {
        InstanceId: `i-0${this.random.hex(16)}`,
        nodeName,
        PrivateIpAddress: privateIp ?? `${base}.${10 + index}`,
        SubnetId: subnet.SubnetId,
        SecurityGroupId: this.nodeSecurityGroupId,
      };
      this.instances.set(nodeName, inst);
      this.version++;
    }
    return inst;
  }

  /** The private subnet the index-th node lands in (managed node groups spread over the zones). */
  nodeSubnet(index: number): Subnet {
    const privateSubnets = this.subnets.filter((s) => !s.public);
    return privateSubnets[index % privateSubnets.length];
  }

  createSecurityGroup(GroupName: string, Description: string, tags: Tags): SecurityGroup {
    const sg: SecurityGroup = { GroupId: `sg-0${this.random.hex(16)}`, GroupName, Description, VpcId: this.vpcId, IpPermissions: [], Tags: tags };
    this.securityGroups.set(sg.GroupId, sg);
    this.version++;
    return sg;
  }

  securityGroupByName(name: string): SecurityGroup | undefined {
    for (const sg of this.securityGroups.values()) if (sg.GroupName === name) return sg;
    return undefined;
  }

  authorize(groupId: string, perm: IpPermission): void {
    const sg = this.securityGroups.get(groupId)!;
    const same = (p: IpPermission) => JSON.stringify(p) === JSON.stringify(perm);
    if (!sg.IpPermissions.some(same)) sg.IpPermissions.push(perm);
    this.version++;
  }

  /** Revokes the permissions `match` selects; returns how many went. */
  revoke(groupId: string, match: (p: IpPermission) => boolean): number {
    const sg = this.securityGroups.get(groupId);
    if (!sg) return 0;
    const before = sg.IpPermissions.length;
    sg.IpPermissions = sg.IpPermissions.filter((p) => !match(p));
    this.version++;
    return before - sg.IpPermissions.length;
  }

  deleteSecurityGroup(groupId: string): void {
    this.securityGroups.delete(groupId);
    this.version++;
  }

  /** `<name>-<decimal id>.<region>.elb.amazonaws.com` (CLB; `internal-` first when internal). */
  classicDnsName(name: string, internal: boolean): string {
    return `${internal ? 'internal-' : ''}${name}-${this.random.digits(10)}.${this.region}.elb.amazonaws.com`;
  }

  /** ARN id part and `<name>-<16 hex>.elb.<region>.amazonaws.com` (NLB: region after `elb`). */
  networkIds(name: string): { arn: string; dns: string } {
    const id = this.random.hex(16);
    return {
      arn: `arn:aws:elasticloadbalancing:${this.region}:${this.accountId}:loadbalancer/net/${name}/${id}`,
      dns: `${name}-${id}.elb.${this.region}.amazonaws.com`,
    };
  }

  targetGroupArn(name: string): string {
    return `arn:aws:elasticloadbalancing:${this.region}:${this.accountId}:targetgroup/${name}/${this.random.hex(16)}`;
  }

  listenerArn(lb: NetworkLoadBalancer): string {
    return lb.LoadBalancerArn.replace(':loadbalancer/', ':listener/') + `/${this.random.hex(16)}`;
  }

  /** Does a Classic ELB's DNS name resolve yet? */
  classicDnsAnswers(lb: ClassicLoadBalancer): boolean {
    return this.clock.now() >= lb.createdAt + CLB_DNS_DELAY_MS;
  }

  /**
   * Some states are read from the clock and change with no write (an NLB turning `active`, a
   * Classic ELB's name starting to resolve). A timer at that moment is what makes settle ("Skip
   * waits") run the clock up to it instead of stopping before; its touch redraws CLIs and consoles.
   */
  touchAt(delayMs: number, label: string, stillThere: () => boolean): void {
    this.clock.schedule(delayMs, () => stillThere() && this.touch(), { label });
  }

  /**
   * Stores a new NLB and wakes the store again when it turns `active`, so settle (Skip waits) runs
   * on to that moment as it would to any other change.
   */
  addNetworkLoadBalancer(lb: NetworkLoadBalancer): void {
    this.loadBalancers.set(lb.LoadBalancerArn, lb);
    this.touch();
    this.touchAt(lb.activeAt - this.clock.now(), `nlb-active:${lb.LoadBalancerName}`, () => this.loadBalancers.get(lb.LoadBalancerArn) === lb);
  }

  /** `State.Code` of an NLB now. */
  stateOf(lb: NetworkLoadBalancer): 'provisioning' | 'active' {
    return this.clock.now() >= lb.activeAt ? 'active' : 'provisioning';
  }

  touch(): void {
    this.version++;
  }
}
