/**
 * The AWS account of an EKS sandbox as the APIs answer: members in the order of botocore's
 * output shapes (what `--output json` prints), absent members left out as the APIs do.
 */
import type { AwsStore, ClassicLoadBalancer, IpPermission, NetworkLoadBalancer, SecurityGroup, TargetGroup } from '../../sim/clouds/eks/store';

/** Route 53 hosted zones of load balancers in us-west-2 (AWS's published table); other regions reuse them. */
const ZONE_ID = { network: 'Z18D5FSROUN65G', classic: 'Z1H1FL5HABSF5' };

/** botocore prints timestamps as ISO 8601 with microseconds and an offset. */
export const awsTime = (ms: number) => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000+00:00');

const tags = (t: Record<string, string>) => Object.entries(t).map(([Key, Value]) => ({ Key, Value }));

export function nlbView(store: AwsStore, lb: NetworkLoadBalancer): Record<string, unknown> {
  return {
    LoadBalancerArn: lb.LoadBalancerArn,
    DNSName: lb.DNSName,
    CanonicalHostedZoneId: ZONE_ID.network,
    CreatedTime: awsTime(lb.createdAt),
    LoadBalancerName: lb.LoadBalancerName,
    Scheme: lb.Scheme,
    VpcId: lb.VpcId,
    State: { Code: store.stateOf(lb) },
    Type: lb.Type,
    AvailabilityZones: lb.AvailabilityZones.map((z) => ({ ZoneName: z.ZoneName, SubnetId: z.SubnetId, LoadBalancerAddresses: [] })),
    ...(lb.SecurityGroups.length ? { SecurityGroups: [...lb.SecurityGroups] } : {}),
    IpAddressType: lb.IpAddressType,
  };
}

export function targetGroupView(tg: TargetGroup): Record<string, unknown> {
  const http = tg.HealthCheckProtocol.startsWith('HTTP');
  return {
    TargetGroupArn: tg.TargetGroupArn,
    TargetGroupName: tg.TargetGroupName,
    Protocol: tg.Protocol,
    Port: tg.Port,
    VpcId: tg.VpcId,
    HealthCheckProtocol: tg.HealthCheckProtocol,
    HealthCheckPort: tg.HealthCheckPort,
    HealthCheckEnabled: true,
    HealthCheckIntervalSeconds: tg.HealthCheckIntervalSeconds,
    HealthCheckTimeoutSeconds: tg.HealthCheckTimeoutSeconds,
    HealthyThresholdCount: tg.HealthyThresholdCount,
    UnhealthyThresholdCount: tg.UnhealthyThresholdCount,
    ...(tg.HealthCheckPath ? { HealthCheckPath: tg.HealthCheckPath } : {}),
    ...(http ? { Matcher: { HttpCode: '200-399' } } : {}),
    LoadBalancerArns: [...tg.LoadBalancerArns],
    TargetType: tg.TargetType,
    IpAddressType: 'ipv4',
  };
}

export function listenerView(store: AwsStore, arn: string): Record<string, unknown> | undefined {
  const l = store.listeners.get(arn);
  if (!l) return undefined;
  return {
    ListenerArn: l.ListenerArn,
    LoadBalancerArn: l.LoadBalancerArn,
    Port: l.Port,
    Protocol: l.Protocol,
    DefaultActions: l.DefaultActions.map((a) => ({
      Type: a.Type,
      TargetGroupArn: a.TargetGroupArn,
      ForwardConfig: { TargetGroups: [{ TargetGroupArn: a.TargetGroupArn, Weight: 1 }], TargetGroupStickinessConfig: { Enabled: false } },
    })),
  };
}

export function classicView(store: AwsStore, lb: ClassicLoadBalancer): Record<string, unknown> {
  const sg = lb.SecurityGroups.map((id) => store.securityGroups.get(id)).find(Boolean);
  return {
    LoadBalancerName: lb.LoadBalancerName,
    DNSName: lb.DNSName,
    CanonicalHostedZoneName: lb.DNSName,
    CanonicalHostedZoneNameID: ZONE_ID.classic,
    ListenerDescriptions: lb.Listeners.map((l) => ({
      Listener: {
        Protocol: l.Protocol.toUpperCase(),
        LoadBalancerPort: l.LoadBalancerPort,
        InstanceProtocol: l.InstanceProtocol.toUpperCase(),
        InstancePort: l.InstancePort,
      },
      PolicyNames: [],
    })),
    Policies: { AppCookieStickinessPolicies: [], LBCookieStickinessPolicies: [], OtherPolicies: [] },
    BackendServerDescriptions: [],
    AvailabilityZones: [...lb.AvailabilityZones],
    Subnets: [...lb.Subnets],
    VPCId: store.vpcId,
    Instances: lb.Instances.map((InstanceId) => ({ InstanceId })),
    HealthCheck: { ...lb.HealthCheck },
    SourceSecurityGroup: { OwnerAlias: store.accountId, GroupName: sg?.GroupName ?? 'default' },
    SecurityGroups: [...lb.SecurityGroups],
    CreatedTime: awsTime(lb.createdAt),
    Scheme: lb.Scheme,
  };
}

function permissionView(store: AwsStore, p: IpPermission): Record<string, unknown> {
  return {
    IpProtocol: p.IpProtocol,
    ...(p.FromPort !== undefined ? { FromPort: p.FromPort } : {}),
    ...(p.ToPort !== undefined ? { ToPort: p.ToPort } : {}),
    UserIdGroupPairs: p.UserIdGroupPairs.map((g) => ({
      ...(g.Description ? { Description: g.Description } : {}),
      UserId: store.accountId,
      GroupId: g.GroupId,
    })),
    IpRanges: p.IpRanges.map((r) => ({ ...(r.Description ? { Description: r.Description } : {}), CidrIp: r.CidrIp })),
    Ipv6Ranges: [],
    PrefixListIds: [],
  };
}

export function securityGroupView(store: AwsStore, sg: SecurityGroup): Record<string, unknown> {
  return {
    GroupId: sg.GroupId,
    // Every new group has AWS's default egress rule (all traffic to anywhere).
    IpPermissionsEgress: [{ IpProtocol: '-1', UserIdGroupPairs: [], IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [] }],
    ...(Object.keys(sg.Tags).length ? { Tags: tags(sg.Tags) } : {}),
    VpcId: sg.VpcId,
    SecurityGroupArn: `arn:aws:ec2:${store.region}:${store.accountId}:security-group/${sg.GroupId}`,
    OwnerId: store.accountId,
    GroupName: sg.GroupName,
    Description: sg.Description,
    IpPermissions: sg.IpPermissions.map((p) => permissionView(store, p)),
  };
}

/** The NAT gateway's ENI address in its public subnet (not in the store: .200 of the subnet, INFERRED). */
function natPrivateIp(store: AwsStore): string {
  const subnet = store.subnets.find((s) => s.SubnetId === store.natGateway.SubnetId);
  return `${(subnet?.CidrBlock ?? '192.168.0.0/19').split('.').slice(0, 3).join('.')}.200`;
}

export function natGatewayView(store: AwsStore): Record<string, unknown> {
  const n = store.natGateway;
  return {
    CreateTime: awsTime(store.clock.now() - 86_400_000),
    NatGatewayAddresses: [
      {
        AllocationId: n.AllocationId,
        NetworkInterfaceId: `eni-0${n.NatGatewayId.slice(5)}`,
        PrivateIp: natPrivateIp(store),
        PublicIp: n.PublicIp,
        AssociationId: `eipassoc-0${n.AllocationId.slice(10)}`,
        IsPrimary: true,
        Status: 'succeeded',
      },
    ],
    NatGatewayId: n.NatGatewayId,
    State: 'available',
    SubnetId: n.SubnetId,
    VpcId: store.vpcId,
    Tags: tags({ Name: `eksctl-${store.clusterName}-cluster/NATGateway` }),
    ConnectivityType: 'public',
  };
}

export function addressView(store: AwsStore): Record<string, unknown> {
  const n = store.natGateway;
  return {
    AllocationId: n.AllocationId,
    AssociationId: `eipassoc-0${n.AllocationId.slice(10)}`,
    Domain: 'vpc',
    NetworkInterfaceId: `eni-0${n.NatGatewayId.slice(5)}`,
    NetworkInterfaceOwnerId: store.accountId,
    PrivateIpAddress: natPrivateIp(store),
    Tags: tags({ Name: `eksctl-${store.clusterName}-cluster/NATIP` }),
    PublicIpv4Pool: 'amazon',
    NetworkBorderGroup: store.region,
    PublicIp: n.PublicIp,
  };
}

export function instanceView(store: AwsStore, nodeName: string): Record<string, unknown> | undefined {
  const i = store.instances.get(nodeName);
  if (!i) return undefined;
  const subnet = store.subnets.find((s) => s.SubnetId === i.SubnetId);
  const sg = store.securityGroups.get(i.SecurityGroupId);
  return {
    InstanceId: i.InstanceId,
    InstanceType: 'm5.large',
    PrivateDnsName: `ip-${i.PrivateIpAddress.replace(/\./g, '-')}.${store.region}.compute.internal`,
    PublicDnsName: '',
    State: { Code: 16, Name: 'running' },
    Placement: { AvailabilityZone: subnet?.AvailabilityZone ?? `${store.region}a`, Tenancy: 'default' },
    SubnetId: i.SubnetId,
    VpcId: store.vpcId,
    PrivateIpAddress: i.PrivateIpAddress,
    SecurityGroups: sg ? [{ GroupId: sg.GroupId, GroupName: sg.GroupName }] : [],
    Tags: tags({ 'eks:cluster-name': store.clusterName, [`kubernetes.io/cluster/${store.clusterName}`]: 'owned', 'eks:nodegroup-name': 'ng-1' }),
  };
}
