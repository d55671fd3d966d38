/**
 * Replays upstream cloud-provider-azure test cases against a fresh sandbox, only through `exec`:
 * `kubectl apply`, `sleep` (virtual time), `az network … -o json`, `kubectl get … -o json`.
 *
 * Upstream's fixtures use a Service whose UID is its name (`test1` → resource prefix `atest1`) and
 * nodePorts `port + 10000`. A real API server assigns both, so the harness reads them back and
 * renames the outputs into upstream's terms before comparing: the sandbox's `a<uid>` prefix becomes
 * `atest1`, a port's nodePort becomes `port + 10000` and the health check node port `34567`.
 */
import { expect } from 'vitest';
import { createSandbox, type Sandbox } from '../../../src/sim/index';
import { UPSTREAM, type UpstreamRef } from './upstream';

export const NODE_RG = 'MC_myResourceGroup_myAKSCluster_eastus';
const P = 'service.beta.kubernetes.io/';

/** `azure_loadbalancer_test.go TestX "case" @0479db5`: where the case comes from, in the test name. */
export function title(ref: UpstreamRef): string {
  return `${ref.file} ${ref.func} "${ref.name}" @${UPSTREAM.commit.slice(0, 7)}`;
}

/** A Service as upstream's getTestService builds it: ports named `port-tcp-<port>`, one protocol. */
export interface ServiceInput {
  name?: string;
  ports?: number[];
  protocol?: 'TCP' | 'UDP' | 'SCTP';
  /** Mixed protocols: overrides `ports`/`protocol`. */
  portList?: { port: number; protocol: 'TCP' | 'UDP' | 'SCTP' }[];
  annotations?: Record<string, string>;
  /** `spec.ports[0].appProtocol` (upstream's `probeProtocol` table column). */
  appProtocol?: string;
  externalTrafficPolicy?: 'Local';
  loadBalancerSourceRanges?: string[];
  loadBalancerIP?: string;
  internal?: boolean;
}

export function serviceYaml(input: ServiceInput): string {
  const name = input.name ?? 'test1';
  const annotations = { ...(input.annotations ?? {}) };
  if (input.internal) annotations[P + 'azure-load-balancer-internal'] = 'true';
  const ports = input.portList ?? (input.ports ?? [80]).map((port) => ({ port, protocol: input.protocol ?? 'TCP' }));
  const lines = [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    `  name: ${name}`,
    ...(Object.keys(annotations).length ? ['  annotations:', ...Object.entries(annotations).map(([k, v]) => `    ${k}: ${JSON.stringify(v)}`)] : []),
    'spec:',
    '  type: LoadBalancer',
    '  selector:',
    `    app: ${name}`,
    ...(input.externalTrafficPolicy ? [`  externalTrafficPolicy: ${input.externalTrafficPolicy}`] : []),
    ...(input.loadBalancerIP ? [`  loadBalancerIP: ${JSON.stringify(input.loadBalancerIP)}`] : []),
    ...(input.loadBalancerSourceRanges ? ['  loadBalancerSourceRanges:', ...input.loadBalancerSourceRanges.map((r) => `  - ${JSON.stringify(r)}`)] : []),
    '  ports:',
    ...ports.flatMap((p, i) => [
      `  - name: port-${p.protocol.toLowerCase()}-${p.port}`,
      `    port: ${p.port}`,
      `    protocol: ${p.protocol}`,
      ...(i === 0 && input.appProtocol !== undefined ? [`    appProtocol: ${JSON.stringify(input.appProtocol)}`] : []),
    ]),
  ];
  return lines.join('\n') + '\n';
}

export interface KubeEvent {
  type: string;
  count?: number;
  reason: string;
  message: string;
  involvedObject: { name: string };
}

/** One sandbox, driven as a learner drives it. */
export class Lab {
  readonly sb: Sandbox = createSandbox();

  async run(line: string, stdin?: string): Promise<{ stdout: string; stderr: string; exitCode: number }> {
    return this.sb.exec(line, stdin === undefined ? {} : { stdin });
  }

  async ok(line: string, stdin?: string): Promise<string> {
    const r = await this.run(line, stdin);
    expect(r.stderr + `[exit ${r.exitCode}]`, line).toBe('[exit 0]');
    return r.stdout;
  }

  async json<T>(line: string): Promise<T> {
    return JSON.parse(await this.ok(`${line} -o json`)) as T;
  }

  /** `kubectl apply`, then let the service controller work for `seconds` of virtual time. */
  async apply(input: ServiceInput | string, seconds = 120): Promise<void> {
    const r = await this.run('kubectl apply -f -', typeof input === 'string' ? input : serviceYaml(input));
    expect(r.stderr, 'kubectl apply').toBe('');
    await this.ok(`sleep ${seconds}`);
  }

  async delete(name = 'test1', seconds = 120): Promise<void> {
    await this.ok(`kubectl delete svc ${name}`);
    await this.ok(`sleep ${seconds}`);
  }

  async service(name = 'test1'): Promise<ServiceView> {
    return this.json<ServiceView>(`kubectl get svc ${name}`);
  }

  async events(name = 'test1'): Promise<KubeEvent[]> {
    const list = await this.json<{ items: KubeEvent[] }>('kubectl get events --field-selector involvedObject.kind=Service');
    return list.items.filter((e) => e.involvedObject.name === name);
  }

  /** The upstream error text the service controller reported (SyncLoadBalancerFailed), without its prefix. */
  async syncError(name = 'test1'): Promise<string | undefined> {
    const prefix = 'Error syncing load balancer: failed to ensure load balancer: ';
    const failed = (await this.events(name)).filter((e) => e.reason === 'SyncLoadBalancerFailed');
    const last = failed[failed.length - 1];
    if (!last) return undefined;
    expect(last.message.startsWith(prefix), last.message).toBe(true);
    return last.message.slice(prefix.length);
  }

  async lbRules(lb = 'kubernetes'): Promise<AzRule[]> {
    return this.json<AzRule[]>(`az network lb rule list -g ${NODE_RG} --lb-name ${lb}`);
  }

  async lbProbes(lb = 'kubernetes'): Promise<AzProbe[]> {
    return this.json<AzProbe[]>(`az network lb probe list -g ${NODE_RG} --lb-name ${lb}`);
  }

  async nsgRules(): Promise<AzSecurityRule[]> {
    const [nsg] = await this.json<{ name: string }[]>(`az network nsg list -g ${NODE_RG}`);
    return this.json<AzSecurityRule[]>(`az network nsg rule list -g ${NODE_RG} --nsg-name ${nsg.name}`);
  }

  /** The base name `a` + UID (32 characters) the provider derives every name from. */
  async baseName(name = 'test1'): Promise<string> {
    return ('a' + (await this.service(name)).metadata.uid.replace(/-/g, '')).slice(0, 32);
  }

  async nodeIps(): Promise<string[]> {
    const nodes = await this.json<{ items: { status: { addresses: { type: string; address: string }[] } }[] }>('kubectl get nodes');
    return nodes.items.map((n) => n.status.addresses.find((a) => a.type === 'InternalIP')!.address);
  }
}

export interface ServiceView {
  metadata: { uid: string; name: string };
  spec: { ports: { port: number; nodePort?: number; protocol?: string }[]; healthCheckNodePort?: number };
  status: { loadBalancer: { ingress?: { ip: string }[] } };
}

export interface AzRule {
  name: string;
  protocol: string;
  frontendPort: number;
  backendPort: number;
  enableFloatingIP: boolean;
  enableTcpReset?: boolean;
  idleTimeoutInMinutes: number;
  loadDistribution: string;
  probe?: { id: string };
}

export interface AzProbe {
  name: string;
  protocol: string;
  port: number;
  intervalInSeconds: number;
  probeThreshold: number;
  requestPath?: string;
}

export interface AzSecurityRule {
  name: string;
  priority: number;
  access: string;
  direction: string;
  protocol: string;
  sourcePortRange?: string;
  sourceAddressPrefix?: string;
  sourceAddressPrefixes?: string[];
  destinationAddressPrefix?: string;
  destinationAddressPrefixes?: string[];
  destinationPortRange?: string;
  destinationPortRanges?: string[];
}

/** Renames a sandbox's generated values into upstream's fixture terms (see the file comment). */
export class UpstreamTerms {
  private readonly prefix: string;
  private readonly ports = new Map<number, number>();

  constructor(svc: ServiceView, upstreamName = 'test1') {
    this.prefix = ('a' + svc.metadata.uid.replace(/-/g, '')).slice(0, 32);
    this.upstreamPrefix = 'a' + upstreamName;
    for (const p of svc.spec.ports) if (p.nodePort) this.ports.set(p.nodePort, p.port + 10000);
    if (svc.spec.healthCheckNodePort) {
      this.ports.set(svc.spec.healthCheckNodePort, 34567);
      this.healthCheckSuffix = `-TCP-${svc.spec.healthCheckNodePort}`;
    }
  }

  /** The ETP Local probe is named after the health check node port. */
  private healthCheckSuffix?: string;

  private readonly upstreamPrefix: string;

  name(n: string): string {
    let out = n.startsWith(this.prefix) ? this.upstreamPrefix + n.slice(this.prefix.length) : n;
    if (this.healthCheckSuffix && out.endsWith(this.healthCheckSuffix)) out = out.slice(0, -this.healthCheckSuffix.length) + '-TCP-34567';
    return out;
  }

  port(p: number): number {
    return this.ports.get(p) ?? p;
  }

  rule(r: AzRule): UpstreamRule {
    return {
      name: this.name(r.name),
      protocol: r.protocol,
      frontendPort: r.frontendPort,
      backendPort: this.port(r.backendPort),
      enableFloatingIP: r.enableFloatingIP,
      enableTcpReset: r.enableTcpReset ?? false,
      idleTimeoutInMinutes: r.idleTimeoutInMinutes,
      loadDistribution: r.loadDistribution,
      probe: r.probe ? this.name(r.probe.id.slice(r.probe.id.lastIndexOf('/') + 1)) : null,
    };
  }

  probe(p: AzProbe): UpstreamProbe {
    return {
      name: this.name(p.name),
      protocol: p.protocol,
      port: this.port(p.port),
      intervalInSeconds: p.intervalInSeconds,
      probeThreshold: p.probeThreshold,
      requestPath: p.requestPath ?? null,
    };
  }
}

/** The fields of armnetwork.LoadBalancingRule the upstream cases assert, in upstream's terms. */
export interface UpstreamRule {
  name: string;
  protocol: string;
  frontendPort: number;
  backendPort: number;
  enableFloatingIP: boolean;
  enableTcpReset: boolean;
  idleTimeoutInMinutes: number;
  loadDistribution: string;
  /** Name of the probe the rule points at. */
  probe: string | null;
}

export interface UpstreamProbe {
  name: string;
  protocol: string;
  port: number;
  intervalInSeconds: number;
  probeThreshold: number;
  requestPath: string | null;
}
