/**
 * The path of `curl http://<hostname>` on EKS (other-clouds §3): the ELB's DNS name resolves to
 * addresses in its subnets, the load balancer's listener and security group, the instances its
 * health check finds healthy, then kube-proxy. Egress leaves through the VPC's NAT gateway.
 */
import type { KubeStore } from '../../kube/store';
import { flowHash, healthyNodes, inCidr, serviceWithIngress } from '../common';
import type { CloudInbound, CloudNetwork } from '../types';
import type { AwsStore, ClassicLoadBalancer, NetworkLoadBalancer, SecurityGroup, TargetGroup } from './store';

/**
 * The first of a load balancer's security groups with an inbound rule for TCP `port` from the
 * caller, or why the packet is dropped, naming every group (one for a Classic ELB, the frontend
 * and backend ones for an NLB of the AWS Load Balancer Controller).
 */
function admittingGroup(aws: AwsStore, groupIds: string[], req: { port: number; callerIp: string }): SecurityGroup | string {
  const sgs = groupIds.map((id) => aws.securityGroups.get(id)).filter((g) => !!g);
  const allowing = sgs.find((g) =>
    g.IpPermissions.some(
      (p) =>
        (p.IpProtocol === 'tcp' || p.IpProtocol === '-1') &&
        (p.FromPort === undefined || (p.FromPort <= req.port && req.port <= (p.ToPort ?? p.FromPort))) &&
        p.IpRanges.some((r) => inCidr(r.CidrIp, req.callerIp)),
    ),
  );
  if (allowing) return allowing;
  const names = sgs.map((g) => `${g.GroupName} (${g.GroupId})`).join(', ');
  return `${sgs.length === 1 ? `security group ${names} allows` : `security groups ${names} allow`} no TCP ${req.port} from ${req.callerIp} → packet dropped`;
}

type AnyLb = { kind: 'classic'; lb: ClassicLoadBalancer } | { kind: 'network'; lb: NetworkLoadBalancer };

export function eksNetwork(aws: AwsStore, kube: KubeStore): CloudNetwork {
  /**
   * An LBC NLB's way in: its frontend security group must allow the caller on the listener port,
   * and the node security group must allow the NLB's backend group on the target port.
   */
  const lbcFrontDoor = (
    lb: NetworkLoadBalancer,
    req: { port: number; callerIp: string },
    tg: TargetGroup,
    trace: string[],
    drop: (why: string) => CloudInbound,
  ): CloudInbound | undefined => {
    const allowing = admittingGroup(aws, lb.SecurityGroups, req);
    if (typeof allowing === 'string') return drop(allowing);
    const nodeSg = aws.securityGroups.get(aws.nodeSecurityGroupId);
    const rule = nodeSg?.IpPermissions.find(
      (p) =>
        p.FromPort !== undefined &&
        p.FromPort <= tg.Port &&
        tg.Port <= (p.ToPort ?? p.FromPort) &&
        p.UserIdGroupPairs.some((g) => lb.SecurityGroups.includes(g.GroupId)),
    );
    if (!rule)
      return drop(`node security group ${nodeSg?.GroupName ?? '?'} allows no TCP ${tg.Port} from the load balancer's backend security group → packet dropped`);
    const backend = aws.securityGroups.get(rule.UserIdGroupPairs.find((g) => lb.SecurityGroups.includes(g.GroupId))!.GroupId);
    trace.push(`security group ${allowing.GroupName} (${allowing.GroupId}) on the NLB allows TCP ${req.port} from ${req.callerIp}`);
    trace.push(`listener TCP:${req.port} → target group ${tg.TargetGroupName} (${tg.TargetType} targets on port ${tg.Port})`);
    trace.push(
      `node security group ${nodeSg!.GroupName} allows TCP ${tg.Port} from ${backend?.GroupName ?? 'the backend group'} (the NLB's backend security group)`,
    );
    return undefined;
  };

  const all = (): AnyLb[] => [
    ...[...aws.classicLoadBalancers.values()].map((lb) => ({ kind: 'classic' as const, lb })),
    ...[...aws.loadBalancers.values()].map((lb) => ({ kind: 'network' as const, lb })),
  ];
  /** The address the name resolves to: a public one in a public subnet, or a private one for `internal`. */
  const addressOf = (x: AnyLb): string => {
    const h = flowHash(x.lb.DNSName);
    if (x.lb.Scheme === 'internal') {
      const subnet = aws.subnets.find((s) => !s.public)!;
      const [a, b, c] = subnet.CidrBlock.split('.').map(Number);
      return `${a}.${b}.${c + (h % 32)}.${4 + ((h >>> 8) % 250)}`;
    }
    const first = [3, 18, 34, 35, 44, 52, 54][h % 7];
    return `${first}.${(h >>> 3) % 256}.${(h >>> 11) % 256}.${1 + ((h >>> 19) % 254)}`;
  };
  const answers = (x: AnyLb): boolean => (x.kind === 'classic' ? aws.classicDnsAnswers(x.lb) : aws.stateOf(x.lb) === 'active');

  return {
    resolve(host) {
      const x = all().find((l) => l.lb.DNSName.toLowerCase() === host);
      return x && answers(x) ? addressOf(x) : undefined;
    },

    inbound(req): CloudInbound {
      const trace: string[] = [];
      const drop = (why: string): CloudInbound => (trace.push(why), { kind: 'drop', trace });
      const from = req.fromNode ? `Pod on node ${req.fromNode}` : 'Internet';
      const x = all().find((l) => addressOf(l) === req.ip);
      if (!x) {
        if (inCidr(aws.vpcCidr, req.ip) && !req.fromNode)
          return drop(`${from} → ${req.ip}: a private address of VPC ${aws.vpcId} (${aws.vpcCidr}); not routable from the internet → packet dropped`);
        return drop(`${from} → ${req.ip}: no load balancer in ${aws.region} has this address → packet dropped`);
      }
      const { lb } = x;
      const type = x.kind === 'classic' ? 'Classic Load Balancer' : 'Network Load Balancer';
      if (lb.Scheme === 'internal' && !req.fromNode)
        return drop(
          `${from} → ${req.ip}: private address of ${type} ${lb.LoadBalancerName} (scheme internal, in the VPC's private subnets); not reachable from the internet → packet dropped`,
        );
      trace.push(`${from} → ${req.ip}: ${type} ${lb.LoadBalancerName} (${lb.Scheme})`);
      const svc = serviceWithIngress(kube, { hostname: lb.DNSName });
      if (!svc) return drop(`no Service has ${lb.DNSName} in its status → nothing behind it, packet dropped`);
      const byId = new Map([...aws.instances.values()].map((i) => [i.InstanceId, i]));

      let instances: string[];
      let nodePort: number;
      if (x.kind === 'classic') {
        const listener = x.lb.Listeners.find((l) => l.LoadBalancerPort === req.port);
        if (!listener) return drop(`${lb.LoadBalancerName} has no listener for TCP ${req.port} → the ELB drops the SYN`);
        nodePort = listener.InstancePort;
        const allowing = admittingGroup(aws, x.lb.SecurityGroups, req);
        if (typeof allowing === 'string') return drop(allowing);
        trace.push(`security group ${allowing.GroupName} (${allowing.GroupId}) allows TCP ${req.port} from ${req.callerIp}`);
        trace.push(`listener TCP:${req.port} → instance port TCP:${nodePort}; health check ${x.lb.HealthCheck.Target}`);
        instances = x.lb.Instances;
      } else {
        if (aws.stateOf(x.lb) !== 'active') return drop(`${lb.LoadBalancerName} is still provisioning → packet dropped`);
        const listener = [...aws.listeners.values()].find((l) => l.LoadBalancerArn === x.lb.LoadBalancerArn && l.Port === req.port);
        if (!listener) return drop(`${lb.LoadBalancerName} has no listener for port ${req.port} → the NLB drops the SYN`);
        const tg = aws.targetGroups.get(listener.DefaultActions[0]?.TargetGroupArn ?? '');
        if (!tg) return drop(`listener ${req.port} forwards to a target group that is gone → packet dropped`);
        nodePort = tg.Port;
        if (x.lb.SecurityGroups.length) {
          // AWS Load Balancer Controller: a frontend security group on the NLB, then the backend group's rule on the nodes.
          const stopped = lbcFrontDoor(x.lb, req, tg, trace, drop);
          if (stopped) return stopped;
          if (tg.TargetType === 'ip') {
            const svcForPod = serviceWithIngress(kube, { hostname: lb.DNSName });
            if (!svcForPod) return drop(`no Service has ${lb.DNSName} in its status → nothing behind it, packet dropped`);
            if (!tg.Targets.length) return drop(`target group ${tg.TargetGroupName} has no registered targets (no ready pod) → packet dropped`);
            const t = tg.Targets[flowHash(`${req.callerIp}->${req.ip}:${req.port}`) % tg.Targets.length];
            const pod = kube
              .select('Pod', { namespace: svcForPod.metadata.namespace })
              .find((p) => (p.status as { podIP?: string } | undefined)?.podIP === t.Id);
            if (!pod) return drop(`target ${t.Id}:${t.Port} answers nothing: no pod has this address any more → packet dropped`);
            trace.push(
              `ip target ${t.Id}:${t.Port} (pod ${pod.metadata.name} on node ${t.node ?? '?'}): the NLB sends to the pod itself, no nodePort or kube-proxy; client IP preservation is off for ip targets, so the pod sees the NLB's private address`,
            );
            return { kind: 'pod', trace, svc: svcForPod, pod: pod.metadata.name, port: t.Port };
          }
          instances = tg.Targets.map((t) => t.Id);
        } else {
          trace.push(`listener TCP:${req.port} → target group ${tg.TargetGroupName} (instance targets on port ${tg.Port}); the NLB keeps the client address`);
          // No security group on the NLB: the node security group's client rule decides (other-clouds §3.3).
          const nodeSg = aws.securityGroups.get(aws.nodeSecurityGroupId);
          const rule = nodeSg?.IpPermissions.find(
            (p) =>
              p.FromPort !== undefined &&
              p.FromPort <= nodePort &&
              nodePort <= (p.ToPort ?? p.FromPort) &&
              p.IpRanges.some((r) => inCidr(r.CidrIp, req.callerIp)),
          );
          if (!rule) return drop(`node security group ${nodeSg?.GroupName ?? '?'} allows no TCP ${nodePort} from ${req.callerIp} → packet dropped`);
          trace.push(`node security group ${nodeSg!.GroupName} allows TCP ${nodePort} from ${req.callerIp}`);
          instances = tg.Targets.map((t) => t.Id);
        }
      }
      const nodes = instances.map((id) => byId.get(id)?.nodeName).filter((n): n is string => !!n);
      const healthy = healthyNodes(kube, svc, nodes);
      if (!healthy.length)
        return drop(
          `health check: 0/${nodes.length} instances healthy${svc.spec.externalTrafficPolicy === 'Local' ? ' (externalTrafficPolicy Local: no ready pod on any node)' : ''} → packet dropped`,
        );
      const node = healthy[flowHash(`${req.callerIp}->${req.ip}:${req.port}`) % healthy.length];
      const inst = [...aws.instances.values()].find((i) => i.nodeName === node)!;
      trace.push(`health check: ${healthy.length}/${nodes.length} instances healthy → ${inst.InstanceId} (node ${node}, ${inst.PrivateIpAddress}:${nodePort})`);
      if (x.kind === 'classic') {
        // A Classic ELB in TCP mode is a proxy: the node sees the ELB's own private address.
        const subnet = aws.subnets.find((s) => s.public && x.lb.Subnets.includes(s.SubnetId)) ?? aws.subnets[0];
        const [a, b, c] = subnet.CidrBlock.split('.').map(Number);
        const elbIp = `${a}.${b}.${c + (flowHash(x.lb.LoadBalancerName) % 32)}.${4 + (flowHash(subnet.SubnetId) % 250)}`;
        trace.push(`the Classic ELB proxies TCP: a new connection from its own address ${elbIp} reaches the node`);
        return { kind: 'node', trace, svc, node, clientIp: elbIp };
      }
      return { kind: 'node', trace, svc, node, clientIp: req.callerIp };
    },

    egress() {
      const nat = aws.natGateway;
      return { ip: nat.PublicIp, via: `NAT gateway ${nat.NatGatewayId} (Elastic IP ${nat.PublicIp}), from the node's private subnet` };
    },
  };
}
