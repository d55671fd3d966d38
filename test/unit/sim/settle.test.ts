/**
 * settle() always ends (issue 15): retries nothing can help (a limit, a quota, a missing PIP, a
 * permission, throttling that lets nothing through) count as idle even while other Services keep
 * failing beside them. The tests bound timer rounds, never wall time.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../src/sim/index';
import { eventsOf, externalIp, P, sandbox } from './helpers';

function servicesYaml(n: number, opts: { ports?: number; prefix?: string; extra?: (i: number) => string } = {}): string {
  const docs: string[] = [];
  for (let i = 0; i < n; i++) {
    const ports = Array.from({ length: opts.ports ?? 1 }, (_, p) => `  - name: p${p}\n    port: ${80 + p}\n`).join('');
    docs.push(
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${opts.prefix ?? 'svc'}-${i}\n${opts.extra?.(i) ?? ''}spec:\n  type: LoadBalancer\n  ports:\n${ports}  selector:\n    app: app-${i}\n`,
    );
  }
  return docs.join('---\n');
}

async function apply(sb: Sandbox, yaml: string): Promise<void> {
  const r = await sb.exec('kubectl apply -f -', { stdin: yaml });
  expect(r.stderr).toBe('');
}

function withIp(sb: Sandbox): number {
  let n = 0;
  for (const s of sb.kube.scan('Service')) if ((s.status as { loadBalancer?: { ingress?: unknown[] } })?.loadBalancer?.ingress?.length) n++;
  return n;
}

describe('settle() ends when only hopeless retries remain', () => {
  it('the default sandbox with 1,000 LoadBalancer Services applied through exec settles', async () => {
    const sb = sandbox();
    await apply(sb, servicesYaml(1000));
    // About 4 timer rounds per sync: 1,000 first syncs plus a retry or two of the 700 that fail.
    const bound = 20_000;
    const rounds = sb.settleSync(bound);
    expect(rounds).toBeLessThan(bound);
    expect(sb.clock.hasBusyTimers()).toBe(false);
    // Every node NIC carries every rule: 300 rules per NIC is reached after 300 one-port Services.
    expect(withIp(sb)).toBe(300);
    expect(eventsOf(sb, 'svc-500').some((e) => e.startsWith('SyncLoadBalancerFailed') && e.includes('cannot have more than 300'))).toBe(true);
    // The 1,000th: the outbound IP and 999 Service IPs use up the regional Public IP quota.
    expect(eventsOf(sb, 'svc-999').some((e) => e.startsWith('SyncLoadBalancerFailed') && e.includes('PublicIPCountLimitReached'))).toBe(true);
    // The settled state is stable: a second settle has nothing to do.
    expect(sb.settleSync(bound)).toBe(0);
  });

  it('raising the limits wakes the idle retries and every Service gets its IP', async () => {
    const sb = sandbox();
    await apply(sb, servicesYaml(400));
    expect(sb.settleSync(20_000)).toBeLessThan(20_000);
    expect(withIp(sb)).toBe(300);
    sb.setFaults({ limits: { rulesPerNic: 1000 } });
    expect(sb.settleSync(40_000)).toBeLessThan(40_000);
    expect(withIp(sb)).toBe(400);
  });

  it('a Service failing at a limit does not keep a missing-PIP retry (or the limit ones) awake', async () => {
    const sb = sandbox({ faults: { limits: { rulesPerNic: 5 } } });
    await apply(sb, servicesYaml(1, { prefix: 'named', extra: () => `  annotations:\n    ${P}azure-pip-name: later\n` }));
    await apply(sb, servicesYaml(40));
    const start = sb.clock.now();
    expect(sb.settleSync(5_000)).toBeLessThan(5_000);
    // Backoff of the last failures is 5-10 s; nothing should run on for virtual hours.
    expect(sb.clock.now() - start).toBeLessThan(30 * 60_000);
    expect(withIp(sb)).toBe(5);
    const failures = eventsOf(sb, 'named-0').filter((e) => e.startsWith('SyncLoadBalancerFailed'));
    expect(failures.length).toBeGreaterThan(0);
    // Nothing new happens between two settles.
    const before = sb.worldVersion();
    expect(sb.settleSync(5_000)).toBe(0);
    expect(sb.worldVersion()).toBe(before);
  });

  it('throttling that lets no write through ends settle; lifting it lets the Service through', async () => {
    const sb = sandbox({ faults: { armThrottling: { writesPerWindow: 0, windowSeconds: 60 } } });
    await apply(sb, servicesYaml(3));
    expect(sb.settleSync(5_000)).toBeLessThan(5_000);
    expect(withIp(sb)).toBe(0);
    expect(eventsOf(sb, 'svc-0').some((e) => e.includes('HTTPStatusCode: 429'))).toBe(true);
    sb.setFaults({ armThrottling: undefined });
    expect(sb.settleSync(5_000)).toBeLessThan(5_000);
    expect(await externalIp(sb, 'svc-2')).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it('throttling that lets some writes through still gets every Service its IP', async () => {
    const sb = sandbox({ faults: { armThrottling: { writesPerWindow: 4, windowSeconds: 60 } } });
    await apply(sb, servicesYaml(6));
    expect(sb.settleSync(20_000)).toBeLessThan(20_000);
    expect(withIp(sb)).toBe(6);
  });
});

describe('property: settle ends past every Azure limit', () => {
  const limitCase = fc.record({
    services: fc.integer({ min: 1, max: 40 }),
    ports: fc.integer({ min: 1, max: 3 }),
    internalEvery: fc.integer({ min: 0, max: 4 }),
    missingPipEvery: fc.integer({ min: 0, max: 6 }),
    frontends: fc.integer({ min: 1, max: 12 }),
    rulesPerNic: fc.integer({ min: 1, max: 30 }),
    nsgRules: fc.integer({ min: 1, max: 30 }),
    pipQuota: fc.integer({ min: 1, max: 20 }),
    throttle: fc.option(fc.record({ writesPerWindow: fc.integer({ min: 0, max: 6 }), windowSeconds: fc.integer({ min: 1, max: 300 }) }), { nil: undefined }),
    raiseAfter: fc.boolean(),
  });

  it('for random manifests and limits, settle ends within a bounded number of rounds (and again after a change)', async () => {
    await fc.assert(
      fc.asyncProperty(limitCase, async (c) => {
        const sb = sandbox({
          faults: {
            publicIPQuota: c.pipQuota,
            armThrottling: c.throttle,
            limits: { frontendIPConfigurationsPerLoadBalancer: c.frontends, rulesPerNic: c.rulesPerNic, securityRulesPerNsg: c.nsgRules },
          },
        });
        const annotate = (i: number) => {
          const lines: string[] = [];
          if (c.internalEvery && i % c.internalEvery === 0) lines.push(`    ${P}azure-load-balancer-internal: "true"`);
          else if (c.missingPipEvery && i % c.missingPipEvery === 0) lines.push(`    ${P}azure-pip-name: missing-${i}`);
          return lines.length ? `  annotations:\n${lines.join('\n')}\n` : '';
        };
        await apply(sb, servicesYaml(c.services, { ports: c.ports, extra: annotate }));
        // A generous linear bound: ~10 rounds per sync, a few attempts per Service.
        const bound = 2_000 + 300 * c.services * c.ports;
        expect(sb.settleSync(bound)).toBeLessThan(bound);
        expect(sb.clock.hasBusyTimers()).toBe(false);
        if (c.raiseAfter) {
          sb.setFaults({
            publicIPQuota: 1000,
            armThrottling: undefined,
            limits: { frontendIPConfigurationsPerLoadBalancer: 600, rulesPerNic: 300, securityRulesPerNsg: 1000 },
          });
          expect(sb.settleSync(bound)).toBeLessThan(bound);
          expect(sb.clock.hasBusyTimers()).toBe(false);
        }
      }),
      { numRuns: 25 },
    );
  });
});

describe('settle() in slices (the lab\'s "Skip waits")', () => {
  it('gives the caller a turn between slices and ends in the same state as one settle', async () => {
    const yaml = servicesYaml(350);
    const whole = sandbox();
    await apply(whole, yaml);
    const one = await whole.settle();
    const sliced = sandbox();
    await apply(sliced, yaml);
    let pauses = 0;
    const r = await sliced.settle({ pause: async () => void pauses++, sliceMs: 0 });
    expect(pauses).toBeGreaterThan(10);
    expect(r).toEqual(one);
    expect(r.settled).toBe(true);
    expect(r.waiting).toHaveLength(50);
    expect(r.waiting[0]).toMatch(/^service-controller:default\/svc-\d+$/);
    expect(sliced.clock.now()).toBe(whole.clock.now());
    expect((await sliced.exec('kubectl get svc -A')).stdout).toBe((await whole.exec('kubectl get svc -A')).stdout);
  });

  it('stops between slices when asked, and a later settle finishes the work', async () => {
    const sb = sandbox();
    await apply(sb, servicesYaml(5));
    const first = await sb.settle({ pause: async () => {}, sliceMs: 0, shouldStop: () => true });
    expect(first.settled).toBe(false);
    expect(first.waiting).toEqual([]);
    const rest = await sb.settle();
    expect(rest).toMatchObject({ settled: true, waiting: [] });
    expect(withIp(sb)).toBe(5);
  });
});
