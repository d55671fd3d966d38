/**
 * Helpers for `npm run bench` (bench/sim.bench.ts): apply+settle of N LoadBalancer Services.
 * The Azure limits (600 frontends per LB, 300 rules per NIC) would reject most of 1,000
 * services, which would measure the failure path; the bench raises them so every service goes
 * through the full PIP → LB → NSG path (the expensive case). `limits: 'azure'` keeps the real ones.
 */
import { createSandbox, type Sandbox } from './index';

export interface BenchResult {
  services: number;
  ms: number;
  heapBytes?: number;
  servicesWithIp: number;
  virtualSeconds: number;
  sandbox: Sandbox;
}

export function serviceManifest(i: number) {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name: `svc-${i}`, namespace: 'default' }, spec: { type: 'LoadBalancer', ports: [{ port: 80 }], selector: { app: `app-${i}` } } };
}

export function runLoadBalancerBench(n: number, limits: 'raised' | 'azure' = 'raised'): BenchResult {
  const big = { frontendIPConfigurationsPerLoadBalancer: 100_000, rulesPerNic: 100_000, securityRulesPerNsg: 100_000 };
  const sandbox = createSandbox({ faults: limits === 'raised' ? { publicIPQuota: 100_000, limits: big } : {} });
  const start = sandbox.clock.now();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) sandbox.kube.apply(serviceManifest(i));
  sandbox.settleSync();
  const ms = performance.now() - t0;
  let withIp = 0;
  for (const s of sandbox.kube.scan('Service')) if ((s.status as { loadBalancer?: { ingress?: unknown[] } })?.loadBalancer?.ingress?.length) withIp++;
  return { services: n, ms, servicesWithIp: withIp, virtualSeconds: (sandbox.clock.now() - start) / 1000, sandbox };
}
