/**
 * Helpers for `npm run bench` (bench/sim.bench.ts): apply+settle of N LoadBalancer Services.
 * The Azure limits (600 frontends per LB, 300 rules per NIC) would reject most of 1,000
 * services, which would measure the failure path; the bench raises them so every service goes
 * through the full PIP → LB → NSG path (the expensive case). `limits: 'azure'` keeps the real ones.
 */
import { createSandbox, type Sandbox } from './index';
import type { CloudName } from './options';

export interface BenchResult {
  services: number;
  ms: number;
  heapBytes?: number;
  servicesWithIp: number;
  virtualSeconds: number;
  sandbox: Sandbox;
}

/** The same Service as YAML, as a learner pastes it. */
export function serviceYamlDoc(i: number): string {
  return `apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-${i}\n  namespace: default\nspec:\n  type: LoadBalancer\n  ports:\n  - port: 80\n  selector:\n    app: app-${i}\n`;
}

/** N Services as one multi-document YAML stream. */
export function servicesYaml(n: number): string {
  const docs: string[] = [];
  for (let i = 0; i < n; i++) docs.push(serviceYamlDoc(i));
  return docs.join('---\n');
}

/** A pool big enough for every bench Service (/20: 4,094 addresses) and its layer-2 announcement. */
const METALLB_POOL = `apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata:
  name: bench
  namespace: metallb-system
spec:
  addresses:
  - 10.200.0.0/20
---
apiVersion: metallb.io/v1beta1
kind: L2Advertisement
metadata:
  name: bench
  namespace: metallb-system
`;

const RAISED = { frontendIPConfigurationsPerLoadBalancer: 100_000, rulesPerNic: 100_000, securityRulesPerNsg: 100_000 };

/**
 * The learner's path (issue 15): one `kubectl apply -f -` of a multi-document YAML through `exec`
 * (parse, strict decoding, last-applied annotation, watch fan-out), then `settle()`. With
 * `'azure'` limits about 700 of 1,000 fail (rules per NIC, PIP quota) and must settle as idle.
 */
export async function runExecBench(
  n: number,
  limits: 'raised' | 'azure' = 'raised',
  yaml = servicesYaml(n),
  cloud: CloudName = 'aks',
): Promise<BenchResult & { applyMs: number; rounds: number }> {
  const faults = cloud === 'aks' && limits === 'raised' ? { publicIPQuota: 100_000, limits: RAISED } : {};
  const sandbox = createSandbox({ faults, cloud });
  await sandbox.cloud.ready;
  // MetalLB gives nothing without a pool (silent <pending>): the learner's first step there.
  if (cloud === 'metallb') await sandbox.exec('kubectl apply -f -', { stdin: METALLB_POOL });
  const start = sandbox.clock.now();
  const t0 = performance.now();
  const r = await sandbox.exec('kubectl apply -f -', { stdin: yaml });
  const applyMs = performance.now() - t0;
  if (r.exitCode !== 0) throw new Error(`apply failed: ${r.stderr.slice(0, 300)}`);
  const { rounds } = await sandbox.settle();
  const ms = performance.now() - t0;
  let withIp = 0;
  for (const s of sandbox.kube.scan('Service')) if ((s.status as { loadBalancer?: { ingress?: unknown[] } })?.loadBalancer?.ingress?.length) withIp++;
  return { services: n, ms, applyMs, rounds, servicesWithIp: withIp, virtualSeconds: (sandbox.clock.now() - start) / 1000, sandbox };
}

export function serviceManifest(i: number) {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: `svc-${i}`, namespace: 'default' },
    spec: { type: 'LoadBalancer', ports: [{ port: 80 }], selector: { app: `app-${i}` } },
  };
}

export function runLoadBalancerBench(n: number, limits: 'raised' | 'azure' = 'raised'): BenchResult {
  const sandbox = createSandbox({ faults: limits === 'raised' ? { publicIPQuota: 100_000, limits: RAISED } : {} });
  const start = sandbox.clock.now();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) sandbox.kube.apply(serviceManifest(i));
  sandbox.settleSync();
  const ms = performance.now() - t0;
  let withIp = 0;
  for (const s of sandbox.kube.scan('Service')) if ((s.status as { loadBalancer?: { ingress?: unknown[] } })?.loadBalancer?.ingress?.length) withIp++;
  return { services: n, ms, servicesWithIp: withIp, virtualSeconds: (sandbox.clock.now() - start) / 1000, sandbox };
}
