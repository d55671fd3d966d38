/**
 * The AWS console's EC2 › Load Balancing and Security groups pages, read from the sandbox's
 * AwsStore: one list of load balancers (Classic and Network together, as the console lists them),
 * target groups with their targets' health, and security groups with their inbound rules.
 */
import type { AwsStore, IpPermission, TargetGroup } from '../../../sim/clouds/eks/store';

export interface LbRow {
  key: string;
  name: string;
  dnsName: string;
  /** `provisioning` / `active` for a Network Load Balancer; Classic ones have no state. */
  state?: 'provisioning' | 'active';
  vpcId: string;
  zones: string[];
  subnets: string[];
  type: 'network' | 'classic';
  scheme: string;
  createdAt: number;
  securityGroups: string[];
  listeners: { protocol: string; port: number; forward: string }[];
  /** Classic only: the health check target and the registered instances. */
  healthCheck?: string;
  instances?: string[];
}

export function loadBalancers(aws: AwsStore): LbRow[] {
  const rows: LbRow[] = [];
  for (const lb of aws.loadBalancers.values()) {
    const listeners = [...aws.listeners.values()]
      .filter((l) => l.LoadBalancerArn === lb.LoadBalancerArn)
      .sort((a, b) => a.Port - b.Port)
      .map((l) => ({
        protocol: l.Protocol,
        port: l.Port,
        forward: l.DefaultActions.map((a) => aws.targetGroups.get(a.TargetGroupArn)?.TargetGroupName ?? a.TargetGroupArn).join(', '),
      }));
    rows.push({
      key: lb.LoadBalancerArn,
      name: lb.LoadBalancerName,
      dnsName: lb.DNSName,
      state: aws.stateOf(lb),
      vpcId: lb.VpcId,
      zones: lb.AvailabilityZones.map((z) => z.ZoneName),
      subnets: lb.AvailabilityZones.map((z) => z.SubnetId),
      type: 'network',
      scheme: lb.Scheme,
      createdAt: lb.createdAt,
      securityGroups: lb.SecurityGroups,
      listeners,
    });
  }
  for (const lb of aws.classicLoadBalancers.values()) {
    rows.push({
      key: `classic/${lb.LoadBalancerName}`,
      name: lb.LoadBalancerName,
      dnsName: lb.DNSName,
      vpcId: aws.vpcId,
      zones: lb.AvailabilityZones,
      subnets: lb.Subnets,
      type: 'classic',
      scheme: lb.Scheme,
      createdAt: lb.createdAt,
      securityGroups: lb.SecurityGroups,
      listeners: lb.Listeners.map((l) => ({ protocol: l.Protocol, port: l.LoadBalancerPort, forward: `${l.InstanceProtocol}:${l.InstancePort}` })),
      healthCheck: lb.HealthCheck.Target,
      instances: lb.Instances,
    });
  }
  return rows.sort((a, b) => a.name.localeCompare(b.name));
}

export type TargetState = 'initial' | 'healthy' | 'unused';

export interface TargetRow {
  id: string;
  node: string;
  port: number;
  zone: string;
  state: TargetState;
}

/**
 * A target's health now: `unused` while no load balancer uses the group, `initial` until the
 * healthy threshold of checks has passed since registration (interval × threshold), then healthy.
 */
export function targets(aws: AwsStore, tg: TargetGroup, now: number): TargetRow[] {
  const byId = new Map([...aws.instances.values()].map((i) => [i.InstanceId, i]));
  const zoneOf = (subnet: string | undefined) => aws.subnets.find((s) => s.SubnetId === subnet)?.AvailabilityZone ?? '';
  const passedAfter = tg.HealthCheckIntervalSeconds * tg.HealthyThresholdCount * 1000;
  return tg.Targets.map((t) => {
    // An ip target is a pod: its node's instance gives the zone.
    const inst = byId.get(t.Id) ?? (t.node ? aws.instances.get(t.node) : undefined);
    const state: TargetState = tg.LoadBalancerArns.length === 0 ? 'unused' : now - t.registeredAt >= passedAfter ? 'healthy' : 'initial';
    return { id: t.Id, node: inst?.nodeName ?? t.node ?? '', port: t.Port, zone: zoneOf(inst?.SubnetId), state };
  });
}

export function targetGroups(aws: AwsStore): TargetGroup[] {
  return [...aws.targetGroups.values()].sort((a, b) => a.TargetGroupName.localeCompare(b.TargetGroupName));
}

export function loadBalancerNames(aws: AwsStore, tg: TargetGroup): string[] {
  return tg.LoadBalancerArns.map((arn) => aws.loadBalancers.get(arn)?.LoadBalancerName ?? arn);
}

export interface RuleRow {
  key: string;
  /** The console's Type column: `Custom TCP`, `All traffic`, `Custom ICMP - IPv4` … */
  type: 'tcp' | 'udp' | 'all' | 'icmp';
  protocol: string;
  portRange: string;
  source: string;
  description: string;
}

/** ICMP type 3 code 4, what the controllers open for path MTU discovery. */
const ICMP_FRAG = { type: 3, code: 4 };

/** One row per source, as the console splits a permission with several ranges or groups. */
export function inboundRules(perms: IpPermission[]): RuleRow[] {
  const rows: RuleRow[] = [];
  for (const p of perms) {
    const type: RuleRow['type'] = p.IpProtocol === '-1' ? 'all' : p.IpProtocol === 'icmp' ? 'icmp' : p.IpProtocol === 'udp' ? 'udp' : 'tcp';
    const icmpFrag = type === 'icmp' && p.FromPort === ICMP_FRAG.type && p.ToPort === ICMP_FRAG.code;
    const protocol = type === 'all' ? 'All' : type === 'icmp' ? (icmpFrag ? 'Destination Unreachable' : 'ICMP') : type.toUpperCase();
    const portRange =
      type === 'all'
        ? 'All'
        : icmpFrag
          ? 'fragmentation required, and DF flag set'
          : p.FromPort === p.ToPort
            ? String(p.FromPort ?? 'All')
            : `${p.FromPort} - ${p.ToPort}`;
    const sources = [
      ...p.IpRanges.map((r) => ({ source: r.CidrIp, description: r.Description ?? '' })),
      ...p.UserIdGroupPairs.map((g) => ({ source: g.GroupId, description: g.Description ?? '' })),
    ];
    for (const s of sources) rows.push({ key: `${p.IpProtocol}/${portRange}/${s.source}/${s.description}`, type, protocol, portRange, ...s });
  }
  return rows;
}

/** Every resource key, for the "new" marks (fresh.ts). */
export function awsKeys(aws: AwsStore): string[] {
  return [
    ...loadBalancers(aws).map((r) => r.key),
    ...[...aws.targetGroups.keys()],
    ...[...aws.securityGroups.values()].flatMap((sg) => [sg.GroupId, ...inboundRules(sg.IpPermissions).map((r) => `${sg.GroupId}/${r.key}`)]),
  ];
}
