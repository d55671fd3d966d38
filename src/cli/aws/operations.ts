/**
 * The describe operations `aws` answers, each with its parameters (as argparse sees them) and its
 * API behaviour over the AwsStore: filters, not-found errors in the services' own codes and words.
 */
import type { AwsStore } from '../../sim/clouds/eks/store';
import { addressView, classicView, instanceView, listenerView, natGatewayView, nlbView, securityGroupView, targetGroupView } from './views';

/** A service's error (botocore ClientError): printed as `An error occurred (Code) when calling …`. */
export class ServiceError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A parameter value the CLI cannot parse (shorthand syntax, JSON): exit 252. */
export class ParamParseError extends Error {}

type Params = Record<string, string[] | true>;
type Item = Record<string, unknown>;

export interface OpSpec {
  /** The API operation name: error messages and the table title. */
  name: string;
  summary: string;
  params: Record<string, 'value' | 'list' | 'flag'>;
  required?: string[];
  run(store: AwsStore, p: Params, region: string): unknown;
}

const list = (p: Params, name: string) => (Array.isArray(p[name]) ? (p[name] as string[]) : undefined);
const one = (p: Params, name: string) => list(p, name)?.[0];
/** botocore prints a list of names the way Python prints a list of str without quotes. */
const pyList = (xs: string[]) => `[${xs.join(', ')}]`;

// --- EC2 filters (`--filters Name=vpc-id,Values=vpc-1,vpc-2` or JSON) ---

interface Filter {
  Name: string;
  Values: string[];
}

function parseFilters(raw: string[] | undefined, param: string): Filter[] {
  if (!raw) return [];
  const out: Filter[] = [];
  for (const word of raw) {
    const t = word.trim();
    if (t.startsWith('[') || t.startsWith('{')) {
      let v: unknown;
      try {
        v = JSON.parse(t);
      } catch (e) {
        throw new ParamParseError(`Error parsing parameter '${param}': Invalid JSON: ${(e as Error).message}\nJSON received: ${t}`);
      }
      for (const f of Array.isArray(v) ? v : [v]) {
        if (!f || typeof f !== 'object' || typeof (f as Filter).Name !== 'string')
          throw new ParamParseError(`Parameter validation failed:\nMissing required parameter in Filters[0]: "Name"`);
        const values = (f as Filter).Values;
        out.push({ Name: (f as Filter).Name, Values: Array.isArray(values) ? values.map(String) : [] });
      }
      continue;
    }
    const m = /^Name=([^,]*),Values=(.*)$/.exec(t);
    if (!m) {
      throw new ParamParseError(
        `Error parsing parameter '${param}': Expected: '${t.includes('=') ? ',' : '='}', received: 'EOF' for input:\n${t}\n${' '.repeat(t.length)}^`,
      );
    }
    out.push({ Name: m[1], Values: m[2].replace(/^\[|\]$/g, '').split(',') });
  }
  return out;
}

/** EC2 filter values take `*` and `?` wildcards. */
const globMatch = (pattern: string, value: string) =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    's',
  ).test(value);

/** `fields` answers a filter's values for an item, or undefined for a filter name the API does not know. */
function applyFilters<T extends Item>(items: T[], filters: Filter[], fields: (item: T, name: string) => string[] | undefined): T[] {
  for (const f of filters) if (fields({} as T, f.Name) === undefined) throw new ServiceError('InvalidParameterValue', `The filter '${f.Name}' is invalid`);
  return items.filter((it) => filters.every((f) => (fields(it, f.Name) ?? []).some((v) => f.Values.some((p) => globMatch(p, v)))));
}

const tagFilter = (tags: { Key: string; Value: string }[] | undefined, name: string): string[] | undefined => {
  if (name.startsWith('tag:')) return (tags ?? []).filter((t) => t.Key === name.slice(4)).map((t) => t.Value);
  if (name === 'tag-key') return (tags ?? []).map((t) => t.Key);
  if (name === 'tag-value') return (tags ?? []).map((t) => t.Value);
  return undefined;
};

const str = (v: unknown) => (v === undefined || v === null ? [] : [String(v)]);

// --- elbv2 ---

function describeLoadBalancers(store: AwsStore, p: Params, region: string): unknown {
  const names = list(p, '--names');
  const arns = list(p, '--load-balancer-arns');
  if (names && arns) throw new ServiceError('ValidationError', 'Load balancer names and load balancer ARNs cannot be specified at the same time');
  const all = region === store.region ? [...store.loadBalancers.values()] : [];
  if (arns) {
    for (const a of arns) if (!a.startsWith('arn:')) throw new ServiceError('ValidationError', `'${a}' is not a valid load balancer ARN`);
    const missing = arns.filter((a) => !all.some((lb) => lb.LoadBalancerArn === a));
    if (missing.length) throw new ServiceError('LoadBalancerNotFound', `Load balancers '${pyList(missing)}' not found`);
  }
  if (names) {
    const missing = names.filter((n) => !all.some((lb) => lb.LoadBalancerName === n));
    if (missing.length) throw new ServiceError('LoadBalancerNotFound', `Load balancers '${pyList(missing)}' not found`);
  }
  const picked = all.filter((lb) => (!names || names.includes(lb.LoadBalancerName)) && (!arns || arns.includes(lb.LoadBalancerArn)));
  return { LoadBalancers: picked.map((lb) => nlbView(store, lb)) };
}

function lbByArn(store: AwsStore, arn: string, region: string) {
  const lb = region === store.region ? [...store.loadBalancers.values()].find((l) => l.LoadBalancerArn === arn) : undefined;
  if (!arn.startsWith('arn:')) throw new ServiceError('ValidationError', `'${arn}' is not a valid load balancer ARN`);
  if (!lb) throw new ServiceError('LoadBalancerNotFound', `Load balancer '${arn}' not found`);
  return lb;
}

function describeTargetGroups(store: AwsStore, p: Params, region: string): unknown {
  const lbArn = one(p, '--load-balancer-arn');
  const arns = list(p, '--target-group-arns');
  const names = list(p, '--names');
  let all = region === store.region ? [...store.targetGroups.values()] : [];
  if (lbArn) {
    lbByArn(store, lbArn, region);
    all = all.filter((tg) => tg.LoadBalancerArns.includes(lbArn));
  }
  if (arns) {
    const missing = arns.filter((a) => !all.some((tg) => tg.TargetGroupArn === a));
    if (missing.length) throw new ServiceError('TargetGroupNotFound', 'One or more target groups not found');
    all = all.filter((tg) => arns.includes(tg.TargetGroupArn));
  }
  if (names) {
    const missing = names.filter((n) => !all.some((tg) => tg.TargetGroupName === n));
    if (missing.length) throw new ServiceError('TargetGroupNotFound', 'One or more target groups not found');
    all = all.filter((tg) => names.includes(tg.TargetGroupName));
  }
  return { TargetGroups: all.map(targetGroupView) };
}

function describeListeners(store: AwsStore, p: Params, region: string): unknown {
  const lbArn = one(p, '--load-balancer-arn');
  const arns = list(p, '--listener-arns');
  if (!lbArn && !arns) throw new ServiceError('ValidationError', 'You must specify either listener ARNs or a load balancer ARN');
  if (lbArn && arns) throw new ServiceError('ValidationError', 'Listener ARNs and a load balancer ARN cannot be specified at the same time');
  let picked = region === store.region ? [...store.listeners.values()] : [];
  if (lbArn) {
    lbByArn(store, lbArn, region);
    picked = picked.filter((l) => l.LoadBalancerArn === lbArn);
  }
  if (arns) {
    if (arns.some((a) => !picked.some((l) => l.ListenerArn === a))) throw new ServiceError('ListenerNotFound', 'One or more listeners not found');
    picked = picked.filter((l) => arns.includes(l.ListenerArn));
  }
  return { Listeners: picked.map((l) => listenerView(store, l.ListenerArn)) };
}

/** Targets are `initial` until the NLB is active and they passed HealthyThresholdCount checks (INFERRED timing). */
function describeTargetHealth(store: AwsStore, p: Params, region: string): unknown {
  const arn = one(p, '--target-group-arn') ?? '';
  const tg = region === store.region ? store.targetGroups.get(arn) : undefined;
  if (!tg) throw new ServiceError('TargetGroupNotFound', `Target groups '${arn}' not found`);
  const lb = [...store.loadBalancers.values()].find((l) => tg.LoadBalancerArns.includes(l.LoadBalancerArn));
  const now = store.clock.now();
  return {
    TargetHealthDescriptions: tg.Targets.map((t) => {
      const ready = Math.max(lb?.activeAt ?? 0, t.registeredAt + tg.HealthCheckIntervalSeconds * tg.HealthyThresholdCount * 1000);
      return {
        Target: { Id: t.Id, Port: t.Port },
        HealthCheckPort: tg.HealthCheckPort === 'traffic-port' ? String(t.Port) : tg.HealthCheckPort,
        TargetHealth:
          now >= ready ? { State: 'healthy' } : { State: 'initial', Reason: 'Elb.RegistrationInProgress', Description: 'Target registration is in progress' },
      };
    }),
  };
}

// --- elb (Classic) ---

function describeClassic(store: AwsStore, p: Params, region: string): unknown {
  const names = list(p, '--load-balancer-names');
  const all = region === store.region ? [...store.classicLoadBalancers.values()] : [];
  for (const n of names ?? [])
    if (!all.some((lb) => lb.LoadBalancerName === n)) throw new ServiceError('LoadBalancerNotFound', `There is no ACTIVE Load Balancer named '${n}'`);
  const picked = names ? all.filter((lb) => names.includes(lb.LoadBalancerName)) : all;
  return { LoadBalancerDescriptions: picked.map((lb) => classicView(store, lb)) };
}

// --- ec2 ---

function describeSecurityGroups(store: AwsStore, p: Params, region: string): unknown {
  const ids = list(p, '--group-ids');
  const names = list(p, '--group-names');
  const filters = parseFilters(list(p, '--filters'), '--filters');
  if (p['--dry-run']) throw new ServiceError('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.');
  const all = region === store.region ? [...store.securityGroups.values()] : [];
  for (const id of ids ?? []) {
    if (!/^sg-[0-9a-f]{8}([0-9a-f]{9})?$/.test(id)) throw new ServiceError('InvalidGroupId.Malformed', `Invalid id: "${id}" (expecting "sg-...")`);
    if (!all.some((g) => g.GroupId === id)) throw new ServiceError('InvalidGroup.NotFound', `The security group '${id}' does not exist`);
  }
  // --group-names only looks in the default VPC; the cluster's groups live in the EKS VPC (use a group-name filter).
  if (names?.length) throw new ServiceError('InvalidGroup.NotFound', `The security group '${names[0]}' does not exist in default VPC '${defaultVpc(store)}'`);
  let views = all.filter((g) => !ids || ids.includes(g.GroupId)).map((g) => securityGroupView(store, g));
  views = applyFilters(views, filters, (g, name) => {
    const t = tagFilter(g.Tags as { Key: string; Value: string }[] | undefined, name);
    if (t) return t;
    const perms = () => (g.IpPermissions ?? []) as Item[];
    switch (name) {
      case 'group-id':
        return str(g.GroupId);
      case 'group-name':
        return str(g.GroupName);
      case 'vpc-id':
        return str(g.VpcId);
      case 'description':
        return str(g.Description);
      case 'owner-id':
        return str(g.OwnerId);
      case 'ip-permission.protocol':
        return perms().map((x) => String(x.IpProtocol));
      case 'ip-permission.from-port':
        return perms().flatMap((x) => str(x.FromPort));
      case 'ip-permission.to-port':
        return perms().flatMap((x) => str(x.ToPort));
      case 'ip-permission.cidr':
        return perms().flatMap((x) => (x.IpRanges as { CidrIp: string }[]).map((r) => r.CidrIp));
      case 'ip-permission.group-id':
        return perms().flatMap((x) => (x.UserIdGroupPairs as { GroupId: string }[]).map((r) => r.GroupId));
      default:
        return undefined;
    }
  });
  return { SecurityGroups: views };
}

/** The account's default VPC (not in the store; a stable id derived from the cluster VPC's). */
const defaultVpc = (store: AwsStore) => `vpc-0${store.vpcId.slice(5).split('').reverse().join('')}`;

function describeInstances(store: AwsStore, p: Params, region: string): unknown {
  const ids = list(p, '--instance-ids');
  const filters = parseFilters(list(p, '--filters'), '--filters');
  const all = region === store.region ? [...store.instances.values()] : [];
  for (const id of ids ?? []) {
    if (!/^i-[0-9a-f]{8}([0-9a-f]{9})?$/.test(id)) throw new ServiceError('InvalidInstanceID.Malformed', `Invalid id: "${id}"`);
    if (!all.some((i) => i.InstanceId === id)) throw new ServiceError('InvalidInstanceID.NotFound', `The instance ID '${id}' does not exist`);
  }
  let views = all
    .filter((i) => !ids || ids.includes(i.InstanceId))
    .map((i) => instanceView(store, i.nodeName))
    .filter((v): v is Item => !!v);
  views = applyFilters(views, filters, (i, name) => {
    const t = tagFilter(i.Tags as { Key: string; Value: string }[] | undefined, name);
    if (t) return t;
    const fields: Record<string, unknown> = {
      'instance-id': i.InstanceId,
      'private-ip-address': i.PrivateIpAddress,
      'private-dns-name': i.PrivateDnsName,
      'subnet-id': i.SubnetId,
      'vpc-id': i.VpcId,
      'instance-state-name': (i.State as { Name: string } | undefined)?.Name,
      'instance-type': i.InstanceType,
      'availability-zone': (i.Placement as { AvailabilityZone: string } | undefined)?.AvailabilityZone,
    };
    return name in fields ? str(fields[name]) : undefined;
  });
  // One reservation per instance, as a managed node group's Auto Scaling group launches them.
  return {
    Reservations: views.map((inst) => ({
      ReservationId: `r-0${String(inst.InstanceId).slice(3)}`,
      OwnerId: store.accountId,
      Groups: [],
      Instances: [inst],
    })),
  };
}

function describeNatGateways(store: AwsStore, p: Params, region: string): unknown {
  const ids = list(p, '--nat-gateway-ids');
  const filters = parseFilters(list(p, '--filter'), '--filter');
  const all = region === store.region ? [natGatewayView(store)] : [];
  for (const id of ids ?? []) if (!all.some((n) => n.NatGatewayId === id)) throw new ServiceError('NatGatewayNotFound', `The Nat Gateway ${id} was not found`);
  let picked = all.filter((n) => !ids || ids.includes(String(n.NatGatewayId)));
  picked = applyFilters(picked, filters, (n, name) => {
    const t = tagFilter(n.Tags as { Key: string; Value: string }[] | undefined, name);
    if (t) return t;
    const fields: Record<string, unknown> = { 'nat-gateway-id': n.NatGatewayId, state: n.State, 'subnet-id': n.SubnetId, 'vpc-id': n.VpcId };
    return name in fields ? str(fields[name]) : undefined;
  });
  return { NatGateways: picked };
}

function describeAddresses(store: AwsStore, p: Params, region: string): unknown {
  const allocs = list(p, '--allocation-ids');
  const ips = list(p, '--public-ips');
  const filters = parseFilters(list(p, '--filters'), '--filters');
  const all = region === store.region ? [addressView(store)] : [];
  for (const id of allocs ?? [])
    if (!all.some((a) => a.AllocationId === id)) throw new ServiceError('InvalidAllocationID.NotFound', `The allocation ID '${id}' does not exist`);
  for (const ip of ips ?? []) if (!all.some((a) => a.PublicIp === ip)) throw new ServiceError('InvalidAddress.NotFound', `Address '${ip}' not found.`);
  let picked = all.filter((a) => (!allocs || allocs.includes(String(a.AllocationId))) && (!ips || ips.includes(String(a.PublicIp))));
  picked = applyFilters(picked, filters, (a, name) => {
    const t = tagFilter(a.Tags as { Key: string; Value: string }[] | undefined, name);
    if (t) return t;
    const fields: Record<string, unknown> = {
      'allocation-id': a.AllocationId,
      'association-id': a.AssociationId,
      domain: a.Domain,
      'network-interface-id': a.NetworkInterfaceId,
      'private-ip-address': a.PrivateIpAddress,
      'public-ip': a.PublicIp,
    };
    return name in fields ? str(fields[name]) : undefined;
  });
  return { Addresses: picked };
}

const FILTERED = { '--filters': 'list', '--dry-run': 'flag', '--no-dry-run': 'flag' } as const;

export const OPERATIONS: Record<string, Record<string, OpSpec>> = {
  elbv2: {
    'describe-load-balancers': {
      name: 'DescribeLoadBalancers',
      summary: 'Describes the specified load balancers or all of your load balancers.',
      params: { '--load-balancer-arns': 'list', '--names': 'list' },
      run: describeLoadBalancers,
    },
    'describe-target-groups': {
      name: 'DescribeTargetGroups',
      summary: 'Describes the specified target groups or all of your target groups.',
      params: { '--load-balancer-arn': 'value', '--target-group-arns': 'list', '--names': 'list' },
      run: describeTargetGroups,
    },
    'describe-listeners': {
      name: 'DescribeListeners',
      summary: 'Describes the specified listeners or the listeners for the specified load balancer.',
      params: { '--load-balancer-arn': 'value', '--listener-arns': 'list' },
      run: describeListeners,
    },
    'describe-target-health': {
      name: 'DescribeTargetHealth',
      summary: 'Describes the health of the specified targets or all of your targets.',
      params: { '--target-group-arn': 'value' },
      required: ['--target-group-arn'],
      run: describeTargetHealth,
    },
  },
  elb: {
    'describe-load-balancers': {
      name: 'DescribeLoadBalancers',
      summary: 'Describes the specified the load balancers. If no load balancers are specified, the call describes all of your load balancers.',
      params: { '--load-balancer-names': 'list' },
      run: describeClassic,
    },
  },
  ec2: {
    'describe-security-groups': {
      name: 'DescribeSecurityGroups',
      summary: 'Describes the specified security groups or all of your security groups.',
      params: { '--group-ids': 'list', '--group-names': 'list', ...FILTERED },
      run: describeSecurityGroups,
    },
    'describe-instances': {
      name: 'DescribeInstances',
      summary: 'Describes the specified instances or all instances.',
      params: { '--instance-ids': 'list', ...FILTERED },
      run: describeInstances,
    },
    'describe-nat-gateways': {
      name: 'DescribeNatGateways',
      summary: 'Describes your NAT gateways.',
      params: { '--nat-gateway-ids': 'list', '--filter': 'list', '--dry-run': 'flag', '--no-dry-run': 'flag' },
      run: describeNatGateways,
    },
    'describe-addresses': {
      name: 'DescribeAddresses',
      summary: 'Describes the specified Elastic IP addresses or all of your Elastic IP addresses.',
      params: { '--allocation-ids': 'list', '--public-ips': 'list', ...FILTERED },
      run: describeAddresses,
    },
  },
};
