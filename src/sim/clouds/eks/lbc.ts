/**
 * The AWS Load Balancer Controller (LBC, other-clouds §3.4), as its Helm chart installs it: it
 * runs only while a Deployment labelled `app.kubernetes.io/name=aws-load-balancer-controller` has
 * an available replica, with the cluster name from its `--cluster-name` flag. Its service
 * reconciler builds one NLB per Service it supports (class `service.k8s.aws/nlb`, or `nlb-ip`, or
 * `external` with a target type), with a target group, listener and TargetGroupBinding per port, a
 * managed frontend security group and the cluster's shared backend one; its TargetGroupBinding
 * reconciler registers the targets (node instances on the nodePort, or pod IPs on the targetPort).
 * Events come from `service` and `targetGroupBinding`; the Service's finalizer is `service.k8s.aws/resources`.
 */

import type { VirtualClock } from '../../clock';
import type { Flow } from '../../flow';
import type { EventRecorder } from '../../kube/events';
import type { KubeStore } from '../../kube/store';
import type { KubeObject, Service, ServicePort } from '../../kube/types';
import { lib, readyNodes, serviceKey, wait as sleep, unchangedForController } from '../common';
import { AWS, AWS_TIMING, ensureTargetGroup, parseTags } from './in-tree';
import { lbcBackendSgName, lbcFrontendSgName, lbcLoadBalancerName, lbcTargetGroupName } from './lbc-names';
import type { AwsStore, IpPermission, NetworkLoadBalancer, Subnet, Tags, TargetGroup } from './store';

const P = 'service.beta.kubernetes.io/';
export const LBC = {
  /** The chart's selector label: whatever the release is called, this finds the controller. */
  appLabel: 'aws-load-balancer-controller',
  version: 'v3.5.0',
  loadBalancerClass: 'service.k8s.aws/nlb',
  finalizer: 'service.k8s.aws/resources',
  tgbFinalizer: 'elbv2.k8s.aws/resources',
  /** The chart's mutating webhook that hands every new LoadBalancer Service to the controller. */
  webhookConfig: 'aws-load-balancer-webhook',
  serviceMutator: 'mservice.elbv2.k8s.aws',
  annotations: {
    scheme: P + 'aws-load-balancer-scheme',
    name: P + 'aws-load-balancer-name',
    targetType: AWS.targetType,
    type: AWS.type,
    internal: AWS.internal,
    additionalTags: AWS.additionalTags,
  },
};
const SERVICE = 'service';
const TGB = 'targetGroupBinding';

type Scheme = 'internal' | 'internet-facing';
type TargetType = 'instance' | 'ip';

interface TgbSpec {
  targetGroupARN: string;
  targetGroupName: string;
  targetType: TargetType;
  serviceRef: { name: string; port: number };
  ipAddressType: 'ipv4';
  vpcID: string;
  targetGroupProtocol: string;
  /** A named targetPort stays a name here; the rule opens the port the pods resolve it to. */
  networking?: { ingress: { from: { securityGroup: { groupID: string } }[]; ports: { protocol: string; port: number | string }[] }[] };
}
type TargetGroupBinding = KubeObject & { spec: TgbSpec };

const annotation = (svc: Service, key: string) => svc.metadata.annotations?.[key];

/** IsServiceSupported: the controller's class, or (no class) `nlb-ip`, or `external` with a target type. */
export function lbcSupports(svc: Service): boolean {
  if (svc.spec?.type !== 'LoadBalancer') return false;
  const cls = svc.spec.loadBalancerClass;
  if (cls) return cls === LBC.loadBalancerClass;
  const type = annotation(svc, AWS.type);
  if (type === 'nlb-ip') return true;
  return type === 'external' && ['ip', 'instance'].includes(annotation(svc, AWS.targetType) ?? '');
}

/** Installed = the chart's Deployment has an available pod; its `--cluster-name` flag names the cluster. */
export function lbcInstalled(kube: KubeStore): { clusterName: string } | undefined {
  for (const d of kube.select('Deployment')) {
    if (d.metadata.labels?.['app.kubernetes.io/name'] !== LBC.appLabel) continue;
    const available = (d.status as { availableReplicas?: number } | undefined)?.availableReplicas ?? 0;
    if (!available || d.metadata.deletionTimestamp) continue;
    const args = ((d.spec as { template?: { spec?: { containers?: { args?: string[] }[] } } }).template?.spec?.containers?.[0]?.args ?? []) as string[];
    const flag = args.find((a) => a.startsWith('--cluster-name='));
    if (flag) return { clusterName: flag.slice('--cluster-name='.length) };
  }
  return undefined;
}

/** The chart's service mutator is registered: new LoadBalancer Services without a class get the controller's. */
export function serviceMutatorActive(kube: KubeStore): boolean {
  const cfg = kube.peek('MutatingWebhookConfiguration', LBC.webhookConfig) as (KubeObject & { webhooks?: { name: string }[] }) | undefined;
  return !!cfg?.webhooks?.some((w) => w.name === LBC.serviceMutator);
}

export interface LbcDeps {
  kube: KubeStore;
  events: EventRecorder;
  clock: VirtualClock;
  aws: AwsStore;
  worldVersion: () => number;
}

export function startLoadBalancerController(deps: LbcDeps) {
  const { kube, events, clock, aws } = deps;
  const { WorkQueue } = lib();

  const stackTags = (cluster: string, svc: { namespace: string; name: string }, resource: string): Tags => ({
    'elbv2.k8s.aws/cluster': cluster,
    'service.k8s.aws/stack': `${svc.namespace}/${svc.name}`,
    'service.k8s.aws/resource': resource,
  });
  const ofStack = (tags: Tags, stack: string) => tags['service.k8s.aws/stack'] === stack;

  // ---- model -----------------------------------------------------------------------------

  function scheme(svc: Service, existing: NetworkLoadBalancer | undefined): Scheme {
    const explicit = annotation(svc, LBC.annotations.scheme);
    if (explicit !== undefined) {
      if (explicit === 'internal' || explicit === 'internet-facing') return explicit;
      throw new Error(`unknown scheme: ${explicit}`);
    }
    const legacy = annotation(svc, LBC.annotations.internal);
    if (legacy !== undefined) {
      if (!/^(1|t|T|TRUE|true|True|0|f|F|FALSE|false|False)$/.test(legacy))
        throw new Error(`failed to parse bool annotation, ${LBC.annotations.internal}: ${legacy}: strconv.ParseBool: parsing "${legacy}": invalid syntax`);
      return /^(1|t|T|TRUE|true|True)$/.test(legacy) ? 'internal' : 'internet-facing';
    }
    // An existing load balancer keeps its scheme; a new one is internal ("secure by default").
    return existing?.Scheme ?? 'internal';
  }

  function targetType(svc: Service): TargetType {
    if (annotation(svc, AWS.type) === 'nlb-ip') return 'ip';
    const t = annotation(svc, LBC.annotations.targetType);
    if (t === undefined) return 'instance';
    if (t === 'ip' || t === 'instance') return t;
    throw new Error(`unsupported targetType: ${t}`);
  }

  /** Subnet discovery: the scheme's role tag, no other cluster's tag; one per zone. */
  function subnets(cluster: string, s: Scheme): Subnet[] {
    const role = s === 'internal' ? 'kubernetes.io/role/internal-elb' : 'kubernetes.io/role/elb';
    const mine = `kubernetes.io/cluster/${cluster}`;
    const byZone = new Map<string, Subnet>();
    for (const sub of [...aws.subnets].sort((a, b) => a.SubnetId.localeCompare(b.SubnetId))) {
      if (!(role in sub.Tags)) continue;
      if (Object.keys(sub.Tags).some((k) => k.startsWith('kubernetes.io/cluster/') && k !== mine)) continue;
      if (!byZone.has(sub.AvailabilityZone)) byZone.set(sub.AvailabilityZone, sub);
    }
    const out = [...byZone.values()].sort((a, b) => a.AvailabilityZone.localeCompare(b.AvailabilityZone));
    if (!out.length) throw new Error(`couldn't auto-discover subnets: unable to resolve at least one subnet (0 match VPC and tags: [${role}])`);
    return out;
  }

  function healthCheck(svc: Service, tt: TargetType) {
    const hcNodePort = (svc.spec as { healthCheckNodePort?: number }).healthCheckNodePort;
    if (tt === 'instance' && svc.spec.externalTrafficPolicy === 'Local' && hcNodePort)
      return {
        HealthCheckProtocol: 'HTTP',
        HealthCheckPort: String(hcNodePort),
        HealthCheckPath: '/healthz',
        HealthCheckIntervalSeconds: 10,
        HealthCheckTimeoutSeconds: 6,
        HealthyThresholdCount: 2,
        UnhealthyThresholdCount: 2,
      };
    return {
      HealthCheckProtocol: 'TCP',
      HealthCheckPort: 'traffic-port',
      HealthCheckIntervalSeconds: 10,
      HealthCheckTimeoutSeconds: 10,
      HealthyThresholdCount: 3,
      UnhealthyThresholdCount: 3,
    };
  }

  /**
   * buildTargetGroupPort: the nodePort for instance targets; for ip targets a numeric targetPort, or a
   * fixed 1 for a named one ("not in the data path": each target carries its pod's own port).
   */
  const tgPortOf = (p: ServicePort, tt: TargetType): number =>
    tt === 'instance' ? p.nodePort! : typeof p.targetPort === 'number' ? p.targetPort : p.targetPort === undefined ? p.port : 1;

  // ---- deploy ----------------------------------------------------------------------------

  function* ensureBackendSg(cluster: string): Flow<string> {
    const name = lbcBackendSgName(cluster);
    const found = aws.securityGroupByName(name);
    if (found) return found.GroupId;
    yield* sleep(AWS_TIMING.apiCallMs);
    return aws.createSecurityGroup(name, '[k8s] Shared Backend SecurityGroup for LoadBalancer', {
      'elbv2.k8s.aws/cluster': cluster,
      'elbv2.k8s.aws/resource': 'backend-sg',
    }).GroupId;
  }

  function* ensureFrontendSg(cluster: string, svc: Service, ports: ServicePort[], extra: Tags): Flow<string> {
    const ns = svc.metadata.namespace!;
    const name = lbcFrontendSgName(cluster, ns, svc.metadata.name, svc.metadata.uid);
    let sg = aws.securityGroupByName(name);
    if (!sg) {
      yield* sleep(AWS_TIMING.apiCallMs);
      sg = aws.createSecurityGroup(name, '[k8s] Managed SecurityGroup for LoadBalancer', {
        ...extra,
        ...stackTags(cluster, { namespace: ns, name: svc.metadata.name }, 'ManagedLBSecurityGroup'),
      });
    }
    const ranges = (svc.spec as { loadBalancerSourceRanges?: string[] }).loadBalancerSourceRanges?.length
      ? (svc.spec as { loadBalancerSourceRanges: string[] }).loadBalancerSourceRanges
      : ['0.0.0.0/0'];
    const wanted: IpPermission[] = ports.map((p) => ({
      IpProtocol: (p.protocol ?? 'TCP').toLowerCase(),
      FromPort: p.port,
      ToPort: p.port,
      IpRanges: ranges.map((CidrIp) => ({ CidrIp })),
      UserIdGroupPairs: [],
    }));
    aws.revoke(sg.GroupId, (p) => !wanted.some((w) => JSON.stringify(w) === JSON.stringify(p)));
    for (const perm of wanted) aws.authorize(sg.GroupId, perm);
    return sg.GroupId;
  }

  /** Backend SG → node SG, one rule per target port, described so each Service's rules can be found. */
  const ruleDescription = (tgArnOrName: string) => `elbv2.k8s.aws/targetGroupBinding=shared:${tgArnOrName}`;

  function deleteLoadBalancer(lb: NetworkLoadBalancer): void {
    for (const l of [...aws.listeners.values()]) if (l.LoadBalancerArn === lb.LoadBalancerArn) aws.listeners.delete(l.ListenerArn);
    aws.loadBalancers.delete(lb.LoadBalancerArn);
    for (const tg of aws.targetGroups.values()) tg.LoadBalancerArns = tg.LoadBalancerArns.filter((a) => a !== lb.LoadBalancerArn);
    aws.touch();
  }

  function deleteTargetGroup(tg: TargetGroup): void {
    aws.revoke(aws.nodeSecurityGroupId, (p) => p.UserIdGroupPairs.some((g) => g.Description === ruleDescription(tg.TargetGroupName)));
    aws.targetGroups.delete(tg.TargetGroupArn);
    aws.touch();
  }

  function tgbsOf(ns: string, name: string): TargetGroupBinding[] {
    if (!kube.discovery.forKind('TargetGroupBinding')) return [];
    return kube
      .select('TargetGroupBinding', { namespace: ns })
      .filter((t) => t.metadata.labels?.['service.k8s.aws/stack-name'] === name) as TargetGroupBinding[];
  }

  function* deploy(cluster: string, svc: Service): Flow<NetworkLoadBalancer> {
    const ns = svc.metadata.namespace!;
    const name = svc.metadata.name;
    const stack = `${ns}/${name}`;
    const existing = [...aws.loadBalancers.values()].find((l) => ofStack(l.Tags, stack));
    const s = scheme(svc, existing);
    const tt = targetType(svc);
    const override = annotation(svc, LBC.annotations.name);
    if (override !== undefined && override.length > 32) throw new Error('load balancer name cannot be longer than 32 characters');
    const lbName = override ?? lbcLoadBalancerName(cluster, ns, name, svc.metadata.uid, s);
    const nets = subnets(cluster, s);
    const ports = (svc.spec.ports ?? []).filter((p) => tt === 'ip' || p.nodePort);
    const extra = parseTags(annotation(svc, LBC.annotations.additionalTags));

    const backendSg = yield* ensureBackendSg(cluster);
    const frontendSg = yield* ensureFrontendSg(cluster, svc, ports, extra);

    // Scheme and name cannot change on a load balancer: a different one replaces it.
    let lb = existing;
    if (lb && (lb.LoadBalancerName !== lbName || lb.Scheme !== s)) {
      // Target groups (named without the scheme) and their bindings stay and join the new one.
      yield* sleep(AWS_TIMING.apiCallMs);
      deleteLoadBalancer(lb);
      lb = undefined;
    }
    if (!lb) {
      yield* sleep(AWS_TIMING.createLoadBalancerMs);
      const ids = aws.networkIds(lbName);
      const now = clock.now();
      lb = {
        LoadBalancerArn: ids.arn,
        LoadBalancerName: lbName,
        DNSName: ids.dns,
        Scheme: s,
        Type: 'network',
        IpAddressType: 'ipv4',
        VpcId: aws.vpcId,
        AvailabilityZones: nets.map((n) => ({ ZoneName: n.AvailabilityZone, SubnetId: n.SubnetId })),
        SecurityGroups: [frontendSg, backendSg],
        Tags: { ...extra, ...stackTags(cluster, { namespace: ns, name }, 'LoadBalancer') },
        createdAt: now,
        activeAt: now + AWS_TIMING.nlbActiveAfterMs,
      };
      aws.addNetworkLoadBalancer(lb);
    }

    const keep = new Set<string>();
    for (const p of ports) {
      const protocol = p.protocol ?? 'TCP';
      const hc = healthCheck(svc, tt);
      const tgPort = tgPortOf(p, tt);
      const tgName = lbcTargetGroupName(
        cluster,
        ns,
        name,
        svc.metadata.uid,
        tgPort,
        p.port,
        tt,
        protocol,
        hc.HealthCheckProtocol,
        hc.HealthCheckIntervalSeconds,
      );
      const tg = yield* ensureTargetGroup(aws, {
        TargetGroupName: tgName,
        Protocol: protocol,
        Port: tgPort,
        VpcId: aws.vpcId,
        TargetType: tt,
        ...hc,
        LoadBalancerArns: [],
        Targets: [],
        Tags: { ...extra, ...stackTags(cluster, { namespace: ns, name }, `${ns}/${name}:${p.port}`) },
      });
      keep.add(tg.TargetGroupArn);
      let listener = [...aws.listeners.values()].find((l) => l.LoadBalancerArn === lb.LoadBalancerArn && l.Port === p.port);
      if (!listener) {
        yield* sleep(AWS_TIMING.apiCallMs);
        listener = {
          ListenerArn: aws.listenerArn(lb),
          LoadBalancerArn: lb.LoadBalancerArn,
          Port: p.port,
          Protocol: protocol,
          DefaultActions: [],
          Tags: { ...extra, ...stackTags(cluster, { namespace: ns, name }, String(p.port)) },
        };
        aws.listeners.set(listener.ListenerArn, listener);
      }
      listener.DefaultActions = [{ Type: 'forward', TargetGroupArn: tg.TargetGroupArn }];
      if (!tg.LoadBalancerArns.includes(lb.LoadBalancerArn)) tg.LoadBalancerArns = [lb.LoadBalancerArn];
      aws.touch();
      ensureBinding(svc, tg, p, tt === 'ip' && typeof p.targetPort === 'string' ? p.targetPort : tgPort, backendSg);
    }
    // Ports that went away (or target groups replaced under a new name).
    for (const l of [...aws.listeners.values()])
      if (l.LoadBalancerArn === lb.LoadBalancerArn && !ports.some((p) => p.port === l.Port)) aws.listeners.delete(l.ListenerArn);
    for (const t of tgbsOf(ns, name)) if (![...keep].some((arn) => t.spec.targetGroupARN === arn)) kube.delete('TargetGroupBinding', t.metadata.name, ns);
    for (const tg of [...aws.targetGroups.values()]) if (ofStack(tg.Tags, stack) && !keep.has(tg.TargetGroupArn)) deleteTargetGroup(tg);
    aws.touch();
    return lb;
  }

  function ensureBinding(svc: Service, tg: TargetGroup, p: ServicePort, tgPort: number | string, backendSg: string): void {
    const ns = svc.metadata.namespace!;
    const spec: TgbSpec = {
      targetGroupARN: tg.TargetGroupArn,
      targetGroupName: tg.TargetGroupName,
      targetType: tg.TargetType,
      serviceRef: { name: svc.metadata.name, port: p.port },
      ipAddressType: 'ipv4',
      vpcID: aws.vpcId,
      targetGroupProtocol: tg.Protocol,
      networking: {
        ingress: [{ from: [{ securityGroup: { groupID: backendSg } }], ports: [{ protocol: tg.Protocol === 'UDP' ? 'UDP' : 'TCP', port: tgPort }] }],
      },
    };
    const live = kube.peek('TargetGroupBinding', tg.TargetGroupName, ns) as TargetGroupBinding | undefined;
    // Equal, or still going away (the next reconcile makes it again).
    if (live && (live.metadata.deletionTimestamp || JSON.stringify(live.spec) === JSON.stringify(spec))) return;
    kube.putSystem({
      apiVersion: 'elbv2.k8s.aws/v1beta1',
      kind: 'TargetGroupBinding',
      metadata: live
        ? { ...live.metadata }
        : {
            name: tg.TargetGroupName,
            namespace: ns,
            uid: '',
            resourceVersion: '',
            creationTimestamp: clock.nowIso(),
            generation: 1,
            labels: { 'service.k8s.aws/stack-name': svc.metadata.name, 'service.k8s.aws/stack-namespace': ns },
            finalizers: [LBC.tgbFinalizer],
          },
      spec,
    } as unknown as KubeObject);
  }

  /** Deploys the empty stack: bindings, listeners and NLB, target groups, the managed SG; then the backend SG if unused. */
  function* cleanup(cluster: string | undefined, ns: string, name: string): Flow<void> {
    const stack = `${ns}/${name}`;
    for (const t of tgbsOf(ns, name)) kube.delete('TargetGroupBinding', t.metadata.name, ns);
    const lb = [...aws.loadBalancers.values()].find((l) => ofStack(l.Tags, stack));
    if (lb) {
      yield* sleep(AWS_TIMING.apiCallMs);
      deleteLoadBalancer(lb);
    }
    for (const tg of [...aws.targetGroups.values()]) if (ofStack(tg.Tags, stack)) deleteTargetGroup(tg);
    const sgs = [...aws.securityGroups.values()].filter((g) => ofStack(g.Tags, stack));
    if (sgs.length) {
      yield* sleep(AWS_TIMING.apiCallMs);
      for (const g of sgs) aws.deleteSecurityGroup(g.GroupId);
    }
    // Release: the shared backend group goes when no load balancer of the cluster needs it.
    if (cluster) {
      const backend = aws.securityGroupByName(lbcBackendSgName(cluster));
      const used = [...aws.loadBalancers.values()].some((l) => backend && l.SecurityGroups.includes(backend.GroupId));
      if (backend && !used) {
        aws.revoke(aws.nodeSecurityGroupId, (p) => p.UserIdGroupPairs.some((g) => g.GroupId === backend.GroupId));
        aws.deleteSecurityGroup(backend.GroupId);
      }
    }
    aws.touch();
  }

  // ---- reconcilers -------------------------------------------------------------------------

  function* reconcileService(key: string): Flow<void> {
    const installed = lbcInstalled(kube);
    if (!installed) return;
    const cluster = installed.clusterName;
    const [ns, name] = key.split('/');
    const svc = kube.peek('Service', name, ns) as Service | undefined;
    const hasFinalizer = !!svc?.metadata.finalizers?.includes(LBC.finalizer);
    if (!svc || svc.metadata.deletionTimestamp || !lbcSupports(svc)) {
      if (svc && !hasFinalizer) return;
      yield* cleanup(cluster, ns, name);
      const cur = kube.peek('Service', name, ns) as Service | undefined;
      if (!cur) return;
      if (cur.status?.loadBalancer?.ingress?.length) kube.updateStatus('Service', name, ns, { ...(cur.status as object), loadBalancer: {} });
      kube.updateMetadata('Service', name, ns, (meta) => {
        const finalizers = (meta.finalizers ?? []).filter((f) => f !== LBC.finalizer);
        const out = { ...meta, finalizers };
        if (!finalizers.length) delete (out as { finalizers?: string[] }).finalizers;
        return out;
      });
      return;
    }
    // Build the model first: its errors come before any finalizer or AWS call.
    const existing = [...aws.loadBalancers.values()].find((l) => ofStack(l.Tags, key));
    try {
      scheme(svc, existing);
      targetType(svc);
      const override = annotation(svc, LBC.annotations.name);
      if (override !== undefined && override.length > 32) throw new Error('load balancer name cannot be longer than 32 characters');
      subnets(cluster, scheme(svc, existing));
    } catch (e) {
      events.record(svc, 'Warning', 'FailedBuildModel', `Failed build model due to ${(e as Error).message}`, SERVICE);
      throw e;
    }
    if (!hasFinalizer) kube.updateMetadata('Service', name, ns, (meta) => ({ ...meta, finalizers: [...(meta.finalizers ?? []), LBC.finalizer] }));
    let lb: NetworkLoadBalancer;
    try {
      lb = yield* deploy(cluster, svc);
    } catch (e) {
      events.record(svc, 'Warning', 'FailedDeployModel', `Failed deploy model due to ${(e as Error).message}`, SERVICE);
      throw e;
    }
    const cur = kube.peek('Service', name, ns) as Service | undefined;
    if (!cur) return;
    const hostname = lb.DNSName.toLowerCase();
    const ports = (cur.spec.ports ?? []).map((p) => ({ port: p.port, protocol: p.protocol ?? 'TCP' }));
    const want = [{ hostname, ports }];
    if (JSON.stringify(cur.status?.loadBalancer?.ingress ?? []) !== JSON.stringify(want))
      kube.updateStatus('Service', name, ns, { ...(cur.status as object), loadBalancer: { ingress: want } });
    events.record(cur, 'Normal', 'SuccessfullyReconciled', 'Successfully reconciled', SERVICE);
  }

  /** Registers the binding's targets and opens the node security group to the backend group on its port. */
  function* reconcileBinding(key: string): Flow<void> {
    if (!lbcInstalled(kube) || !kube.discovery.forKind('TargetGroupBinding')) return;
    const [ns, name] = key.split('/');
    const tgb = kube.peek('TargetGroupBinding', name, ns) as TargetGroupBinding | undefined;
    if (!tgb) return;
    const tg = aws.targetGroups.get(tgb.spec.targetGroupARN);
    if (tgb.metadata.deletionTimestamp) {
      yield* sleep(AWS_TIMING.apiCallMs);
      if (tg) {
        tg.Targets = [];
        aws.revoke(aws.nodeSecurityGroupId, (p) => p.UserIdGroupPairs.some((g) => g.Description === ruleDescription(tg.TargetGroupName)));
        aws.touch();
      }
      kube.updateMetadata('TargetGroupBinding', name, ns, (meta) => ({ ...meta, finalizers: (meta.finalizers ?? []).filter((f) => f !== LBC.tgbFinalizer) }));
      return;
    }
    if (!tg) return;
    const svc = kube.peek('Service', tgb.spec.serviceRef.name, ns) as Service | undefined;
    const port = svc?.spec.ports?.find((p) => p.port === tgb.spec.serviceRef.port);
    const now = clock.now();
    let wanted: { Id: string; Port: number; node?: string }[] = [];
    if (svc && port && tgb.spec.targetType === 'instance') {
      wanted = readyNodes(kube).map((n, i) => ({ Id: aws.instanceFor(n.metadata.name, i).InstanceId, Port: port.nodePort! }));
    } else if (svc && port) {
      for (const slice of kube.select('EndpointSlice', { namespace: ns })) {
        if (slice.metadata.labels?.['kubernetes.io/service-name'] !== svc.metadata.name) continue;
        const s = slice as unknown as {
          endpoints?: { addresses: string[]; nodeName?: string; conditions?: { ready?: boolean } }[];
          ports?: { name?: string; port: number }[];
        };
        const sp = s.ports?.find((x) => (x.name ?? '') === (port.name ?? ''));
        if (!sp) continue;
        for (const ep of s.endpoints ?? []) if (ep.conditions?.ready) wanted.push({ Id: ep.addresses[0], Port: sp.port, node: ep.nodeName });
      }
    }
    const same = (a: { Id: string; Port: number }, b: { Id: string; Port: number }) => a.Id === b.Id && a.Port === b.Port;
    const changed = wanted.length !== tg.Targets.length || wanted.some((w) => !tg.Targets.some((t) => same(t, w)));
    const backend = tgb.spec.networking?.ingress[0];
    const declared = backend?.ports[0]?.port;
    const rulePort = typeof declared === 'string' ? wanted[0]?.Port : declared;
    const ruleMissing =
      !!backend &&
      !aws.securityGroups
        .get(aws.nodeSecurityGroupId)
        ?.IpPermissions.some((p) => p.FromPort === rulePort && p.UserIdGroupPairs.some((g) => g.Description === ruleDescription(tg.TargetGroupName)));
    if (!changed && !ruleMissing) return;
    yield* sleep(AWS_TIMING.apiCallMs);
    tg.Targets = wanted.map((w) => ({ ...(tg.Targets.find((t) => same(t, w)) ?? { ...w, registeredAt: now }), ...(w.node ? { node: w.node } : {}) }));
    if (backend && rulePort !== undefined)
      aws.authorize(aws.nodeSecurityGroupId, {
        IpProtocol: (backend.ports[0].protocol ?? 'TCP').toLowerCase(),
        FromPort: rulePort,
        ToPort: rulePort,
        IpRanges: [],
        UserIdGroupPairs: [{ GroupId: backend.from[0].securityGroup.groupID, Description: ruleDescription(tg.TargetGroupName) }],
      });
    aws.touch();
    const cur = kube.peek('TargetGroupBinding', name, ns);
    if (cur) events.record(cur, 'Normal', 'SuccessfullyReconciled', 'Successfully reconciled', TGB);
  }

  const services = new WorkQueue('aws-load-balancer-controller', clock, deps.worldVersion, reconcileService);
  const bindings = new WorkQueue('aws-load-balancer-controller:targetGroupBinding', clock, deps.worldVersion, reconcileBinding);

  const enqueueServices = () => {
    for (const s of kube.scan('Service')) if (lbcSupports(s as Service) || s.metadata.finalizers?.includes(LBC.finalizer)) services.enqueue(serviceKey(s));
  };
  const enqueueBindings = (ns?: string, svcName?: string) => {
    if (!kube.discovery.forKind('TargetGroupBinding')) return;
    for (const t of kube.select('TargetGroupBinding', ns ? { namespace: ns } : {}))
      if (!svcName || (t as TargetGroupBinding).spec?.serviceRef?.name === svcName) bindings.enqueue(serviceKey(t));
  };

  kube.watch('Service', (ev) => {
    if (unchangedForController(ev)) return;
    const svc = ev.object as Service;
    if (lbcSupports(svc) || svc.metadata.finalizers?.includes(LBC.finalizer) || (ev.old && lbcSupports(ev.old as Service))) services.enqueue(serviceKey(svc));
  });
  // The controller starting (or coming back) reconciles everything it owns.
  let wasInstalled = false;
  kube.watch('Deployment', () => {
    const now = !!lbcInstalled(kube);
    if (now && !wasInstalled) {
      enqueueServices();
      enqueueBindings();
    }
    wasInstalled = now;
  });
  kube.watch('EndpointSlice', (ev) => {
    const svcName = ev.object.metadata.labels?.['kubernetes.io/service-name'];
    if (svcName) enqueueBindings(ev.object.metadata.namespace, svcName);
  });
  kube.watch('Node', () => enqueueBindings());
  kube.watch('TargetGroupBinding', (ev) => {
    if (ev.type !== 'DELETED') bindings.enqueue(serviceKey(ev.object));
    else {
      // A binding gone while its Service still wants it: the service reconciler makes it again.
      const stack = ev.object.metadata.labels?.['service.k8s.aws/stack-name'];
      if (stack) services.enqueue(`${ev.object.metadata.namespace}/${stack}`);
    }
  });
  return { queues: [services, bindings] };
}
