/** Faults a lesson can turn on (issue #3): PIP quota, ARM throttling, slow provisioning; settle() on errors. */
import { describe, expect, it } from 'vitest';
import { applyYaml, eventsOf, externalIp, ok, P, sandbox, serviceYaml } from './helpers';

const FAILED = 'SyncLoadBalancerFailed: Error syncing load balancer: failed to ensure load balancer: ';

describe('public IP quota', () => {
  it('PublicIPCountLimitReached: CreateOrUpdatePublicIPAddress warning + SyncLoadBalancerFailed; recovers when an IP is freed', async () => {
    // The outbound IP already counts: quota 2 leaves room for one Service.
    const sb = sandbox({ faults: { publicIPQuota: 2 } });
    await applyYaml(sb, serviceYaml('a'));
    await sb.settle();
    await applyYaml(sb, serviceYaml('b'));
    await sb.settle();
    const raw = `Retriable: false, RetryAfter: 0s, HTTPStatusCode: 400, RawError: ${JSON.stringify({
      error: { code: 'PublicIPCountLimitReached', message: 'Cannot create more than 2 public IP addresses for this subscription in this region.' },
    })}`;
    expect(eventsOf(sb, 'b')).toEqual(['EnsuringLoadBalancer: Ensuring load balancer', `CreateOrUpdatePublicIPAddress: ${raw}`, `${FAILED}${raw}`]);
    expect(await ok(sb, 'kubectl get svc b')).toContain('<pending>');
    const failed = sb.arm.activityLog.filter((e) => e.status === 'Failed');
    expect(failed.map((e) => [e.operationName, e.subStatus])).toEqual([['Microsoft.Network/publicIPAddresses/write', 'BadRequest']]);

    await ok(sb, 'kubectl delete svc a');
    await sb.settle();
    expect(await externalIp(sb, 'b')).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it('raising the quota at run time (setFaults) lets the retry succeed', async () => {
    const sb = sandbox({ faults: { publicIPQuota: 1 } });
    await applyYaml(sb, serviceYaml('a'));
    await sb.settle();
    expect(await ok(sb, 'kubectl get svc a')).toContain('<pending>');
    sb.setFaults({ publicIPQuota: 10 });
    await sb.settle();
    expect(await externalIp(sb, 'a')).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });
});

describe('Azure limits (domain §8), lowered so a lesson can hit them', () => {
  const raw = (code: string, message: string) =>
    `Retriable: false, RetryAfter: 0s, HTTPStatusCode: 400, RawError: ${JSON.stringify({ error: { code, message } })}`;

  it('frontend IP configurations per LB: LoadBalancerFrontendIPConfigurationCountLimitReached', async () => {
    // The outbound frontend counts: a limit of 2 leaves room for one Service.
    const sb = sandbox({ faults: { limits: { frontendIPConfigurationsPerLoadBalancer: 2 } } });
    await applyYaml(sb, serviceYaml('a'));
    await applyYaml(sb, serviceYaml('b'));
    await sb.settle();
    expect(await externalIp(sb, 'a')).not.toBe('');
    expect(eventsOf(sb, 'b')).toContain(
      `${FAILED}${raw('LoadBalancerFrontendIPConfigurationCountLimitReached', 'A load balancer cannot have more than 2 FrontendIPConfigurations.')}`,
    );
  });

  it('rules per NIC: RulesPerIpConfigurationLimitReached names the node NIC ip configuration', async () => {
    const sb = sandbox({ faults: { limits: { rulesPerNic: 2 } } });
    await applyYaml(sb, serviceYaml('a', { ports: '  - name: h\n    port: 80\n  - name: s\n    port: 443\n' }));
    await applyYaml(sb, serviceYaml('b'));
    await sb.settle();
    const nic = `/subscriptions/${sb.cluster.layout.subscriptionId}/resourceGroups/${sb.cluster.layout.nodeResourceGroup}/providers/Microsoft.Compute/virtualMachineScaleSets/${sb.cluster.layout.vmssName}/virtualMachines/0/networkInterfaces/${sb.cluster.layout.vmssName}/ipConfigurations/ipconfig1`;
    expect(eventsOf(sb, 'b')).toContain(
      `${FAILED}${raw('RulesPerIpConfigurationLimitReached', `IpConfiguration ${nic} cannot have more than 2 NAT or load balancing rules combined.`)}`,
    );
    // The failed PUT left the LB as it was.
    expect(await externalIp(sb, 'a')).not.toBe('');
  });
});

describe('ARM throttling', () => {
  it('429 TooManyRequests is retried after Retry-After until the Service gets its IP', async () => {
    const sb = sandbox({ faults: { armThrottling: { writesPerWindow: 2, windowSeconds: 60 } } });
    await applyYaml(sb, serviceYaml('web'));
    await sb.settle();
    const events = eventsOf(sb, 'web');
    const throttled = events.find((e) => e.includes('HTTPStatusCode: 429'))!;
    expect(throttled).toMatch(
      /^SyncLoadBalancerFailed: Error syncing load balancer: failed to ensure load balancer: Retriable: true, RetryAfter: \d+s, HTTPStatusCode: 429, RawError: /,
    );
    expect(throttled).toContain('"code":"TooManyRequests"');
    expect(throttled).toContain('Write_ObservationWindow_00:05:00');
    expect(events[events.length - 1]).toBe('EnsuredLoadBalancer: Ensured load balancer');
    expect(await externalIp(sb, 'web')).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(sb.arm.activityLog.some((e) => e.status === 'Failed' && e.subStatus === 'TooManyRequests')).toBe(true);
  });
});

describe('provisioning time', () => {
  it('default: <pending> for ~8 s of virtual time; provisioningDelayFactor 3 stretches it to ~24 s', async () => {
    const fast = sandbox();
    await applyYaml(fast, serviceYaml('web'));
    await fast.advance(7000);
    expect(await ok(fast, 'kubectl get svc web')).toContain('<pending>');
    await fast.advance(1500);
    expect(await externalIp(fast, 'web')).not.toBe('');

    const slow = sandbox({ faults: { provisioningDelayFactor: 3 } });
    await applyYaml(slow, serviceYaml('web'));
    await slow.advance(20_000);
    expect(await ok(slow, 'kubectl get svc web')).toContain('<pending>');
    await slow.advance(5_000);
    expect(await externalIp(slow, 'web')).not.toBe('');
  });

  it('services get their IPs one after another (one worker)', async () => {
    const sb = sandbox();
    for (const n of ['a', 'b', 'c']) await applyYaml(sb, serviceYaml(n));
    const start = sb.clock.now();
    const seen: Record<string, number> = {};
    for (let t = 0; t < 30 && Object.keys(seen).length < 3; t++) {
      await sb.advance(1000);
      for (const n of ['a', 'b', 'c']) if (!(n in seen) && (await externalIp(sb, n))) seen[n] = (sb.clock.now() - start) / 1000;
    }
    expect(seen).toEqual({ a: 8, b: 16, c: 24 });
  });
});

describe('settle()', () => {
  it('terminates on a permanent error (only idle retries left) and resumes when something changes', async () => {
    const sb = sandbox();
    await applyYaml(sb, serviceYaml('web', { annotations: { [P + 'azure-pip-name']: 'later' } }));
    const start = sb.clock.now();
    await sb.settle();
    expect(sb.clock.now() - start).toBeLessThan(60_000);
    const count = sb.events.eventsFor(sb.kube.get('Service', 'web', 'default')).find((e) => e.reason === 'SyncLoadBalancerFailed')!.count;
    expect(count).toBeLessThanOrEqual(2);
    await ok(sb, `az network public-ip create -g ${sb.cluster.layout.nodeResourceGroup} -n later --sku Standard -o none`);
    await sb.settle();
    expect(await externalIp(sb, 'web')).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it('advance() keeps retrying with backoff 5 s → 10 s → 20 s … regardless of idleness', async () => {
    const sb = sandbox();
    await applyYaml(sb, serviceYaml('web', { annotations: { [P + 'azure-pip-name']: 'nope' } }));
    await sb.advance(36_000);
    // Attempts at 0, 5, 15, 35 s.
    expect(sb.events.eventsFor(sb.kube.get('Service', 'web', 'default')).find((e) => e.reason === 'SyncLoadBalancerFailed')!.count).toBe(4);
  });
});
