/** Load-balancing rules and health probes of one Service (domain §1.5, §1.6, §5), through exec. */
import { describe, expect, it } from 'vitest';
import { applyYaml, azJson, baseOf, type Child, eventsOf, lb, NODE_RG, ok, P, sandbox, serviceYaml } from './helpers';

const probes = (sb: ReturnType<typeof sandbox>) => azJson<Record<string, unknown>[]>(sb, `az network lb probe list -g ${NODE_RG} --lb-name kubernetes`);
const rules = (sb: ReturnType<typeof sandbox>) => azJson<Record<string, unknown>[]>(sb, `az network lb rule list -g ${NODE_RG} --lb-name kubernetes`);

describe('health probes', () => {
  it('ETP Cluster, TCP: a Tcp probe on the nodePort named like the rule (5 s, threshold 2)', async () => {
    const sb = sandbox();
    await applyYaml(sb, serviceYaml('web'));
    await sb.settle();
    const base = await baseOf(sb, 'web');
    const nodePort = Number(await ok(sb, 'kubectl get svc web -o jsonpath={.spec.ports[0].nodePort}'));
    const [probe] = await probes(sb);
    expect(probe).toMatchObject({ name: `${base}-TCP-80`, protocol: 'Tcp', port: nodePort, intervalInSeconds: 5, numberOfProbes: 2, probeThreshold: 2 });
    expect(probe.requestPath).toBeUndefined();
    const [rule] = await rules(sb);
    expect(rule).toMatchObject({
      name: `${base}-TCP-80`,
      protocol: 'Tcp',
      frontendPort: 80,
      backendPort: 80,
      enableFloatingIP: true,
      idleTimeoutInMinutes: 4,
      loadDistribution: 'Default',
      enableTcpReset: true,
      disableOutboundSnat: true,
    });
    expect((rule.probe as { id: string }).id).toMatch(new RegExp(`/probes/${base}-TCP-80$`));
  });

  it('ETP Local: one shared Http /healthz probe <base>-TCP-<healthCheckNodePort> for every rule', async () => {
    const sb = sandbox();
    await applyYaml(
      sb,
      serviceYaml('web', { ports: '  - name: http\n    port: 80\n  - name: https\n    port: 443\n', spec: '  externalTrafficPolicy: Local\n' }),
    );
    await sb.settle();
    const base = await baseOf(sb, 'web');
    const hc = Number(await ok(sb, 'kubectl get svc web -o jsonpath={.spec.healthCheckNodePort}'));
    expect(hc).toBeGreaterThanOrEqual(30000);
    const ps = await probes(sb);
    expect(ps.map((p) => [p.name, p.protocol, p.port, p.requestPath])).toEqual([[`${base}-TCP-${hc}`, 'Http', hc, '/healthz']]);
    const rs = await rules(sb);
    expect(rs.map((r) => r.name)).toEqual([`${base}-TCP-80`, `${base}-TCP-443`]);
    for (const r of rs) expect((r.probe as { id: string }).id).toMatch(new RegExp(`/probes/${base}-TCP-${hc}$`));
  });

  it('probe protocol: port annotation > appProtocol > service annotation > Tcp; request path defaults to /', async () => {
    const sb = sandbox();
    const ports = '  - name: a\n    port: 80\n    appProtocol: http\n  - name: b\n    port: 81\n  - name: c\n    port: 82\n    appProtocol: http\n';
    await applyYaml(
      sb,
      serviceYaml('web', {
        ports,
        annotations: {
          [P + 'azure-load-balancer-health-probe-protocol']: 'Https',
          [P + 'azure-load-balancer-health-probe-request-path']: '/ready',
          [P + 'port_82_health-probe_protocol']: 'Tcp',
        },
      }),
    );
    await sb.settle();
    const base = await baseOf(sb, 'web');
    const byName = Object.fromEntries((await probes(sb)).map((p) => [p.name, [p.protocol, p.requestPath ?? null]]));
    expect(byName).toEqual({ [`${base}-TCP-80`]: ['Http', '/ready'], [`${base}-TCP-81`]: ['Https', '/ready'], [`${base}-TCP-82`]: ['Tcp', null] });

    const sb2 = sandbox();
    await applyYaml(sb2, serviceYaml('api', { ports: '  - port: 8080\n    appProtocol: http\n' }));
    await sb2.settle();
    const [p2] = await probes(sb2);
    expect([p2.protocol, p2.requestPath]).toEqual(['Http', '/']);
  });

  it('probe interval/count annotations; interval × count ≥ 120 is an error', async () => {
    const sb = sandbox();
    await applyYaml(
      sb,
      serviceYaml('web', {
        annotations: { [P + 'azure-load-balancer-health-probe-interval']: '10', [P + 'azure-load-balancer-health-probe-num-of-probe']: '3' },
      }),
    );
    await applyYaml(
      sb,
      serviceYaml('bad', {
        annotations: { [P + 'azure-load-balancer-health-probe-interval']: '30', [P + 'azure-load-balancer-health-probe-num-of-probe']: '4' },
      }),
    );
    await sb.settle();
    const [p] = await probes(sb);
    expect([p.intervalInSeconds, p.numberOfProbes, p.probeThreshold]).toEqual([10, 3, 3]);
    expect(eventsOf(sb, 'bad')).toContain(
      // Upstream wraps the per-port error (buildHealthProbeRulesForPort, v1.33.17).
      'SyncLoadBalancerFailed: Error syncing load balancer: failed to ensure load balancer: failed to parse health probe config for port 80: total probe should be less than 120, please adjust interval and number of probe accordingly',
    );
  });
});

describe('rules', () => {
  it('UDP: Udp rule without probe and without TCP reset', async () => {
    const sb = sandbox();
    await applyYaml(sb, serviceYaml('dns', { ports: '  - port: 53\n    protocol: UDP\n' }));
    await sb.settle();
    const base = await baseOf(sb, 'dns');
    const [rule] = await rules(sb);
    expect(rule).toMatchObject({ name: `${base}-UDP-53`, protocol: 'Udp', frontendPort: 53, enableTcpReset: false });
    expect(rule.probe).toBeUndefined();
    expect(await probes(sb)).toEqual([]);
  });

  it('idle timeout and TCP reset annotations; sessionAffinity ClientIP → SourceIP', async () => {
    const sb = sandbox();
    await applyYaml(
      sb,
      serviceYaml('web', {
        annotations: { [P + 'azure-load-balancer-tcp-idle-timeout']: '30', [P + 'azure-load-balancer-disable-tcp-reset']: 'true' },
        spec: '  sessionAffinity: ClientIP\n',
      }),
    );
    await sb.settle();
    const [rule] = await rules(sb);
    expect([rule.idleTimeoutInMinutes, rule.enableTcpReset, rule.loadDistribution]).toEqual([30, false, 'SourceIP']);
  });

  it('idle timeout out of range: the exact error event, no rule', async () => {
    const sb = sandbox();
    await applyYaml(sb, serviceYaml('web', { annotations: { [P + 'azure-load-balancer-tcp-idle-timeout']: '200' } }));
    await sb.settle();
    expect(eventsOf(sb, 'web')).toContain(
      // Wrapped twice upstream (getExpectedLoadBalancingRulePropertiesForPort, getExpectedLBRules, v1.33.17).
      'SyncLoadBalancerFailed: Error syncing load balancer: failed to ensure load balancer: error generate lb rule for ha mod loadbalancer. err: error parsing idle timeout key: service.beta.kubernetes.io/azure-load-balancer-tcp-idle-timeout, err: error parsing value: idle timeout value must be a whole number representing minutes between 4 and 100, actual value: 200',
    );
    expect(lb(sb)!.properties.loadBalancingRules).toEqual([]);
    expect(await ok(sb, 'kubectl get svc web')).toContain('<pending>');
  });

  it('floating IP disabled: backend port is the nodePort', async () => {
    const sb = sandbox();
    await applyYaml(sb, serviceYaml('web', { annotations: { [P + 'azure-disable-load-balancer-floating-ip']: 'true' } }));
    await sb.settle();
    const nodePort = Number(await ok(sb, 'kubectl get svc web -o jsonpath={.spec.ports[0].nodePort}'));
    const [rule] = await rules(sb);
    expect([rule.frontendPort, rule.backendPort, rule.enableFloatingIP]).toEqual([80, nodePort, false]);
  });

  it('a change to the Service updates its rules in place (one LB PUT, same names)', async () => {
    const sb = sandbox();
    await applyYaml(sb, serviceYaml('web'));
    await sb.settle();
    const base = await baseOf(sb, 'web');
    await applyYaml(sb, serviceYaml('web', { ports: '  - name: http\n    port: 80\n  - name: https\n    port: 443\n' }));
    await sb.settle();
    expect((lb(sb)!.properties.loadBalancingRules as Child[]).map((r) => r.name)).toEqual([`${base}-TCP-80`, `${base}-TCP-443`]);
    expect(eventsOf(sb, 'web')).toEqual(['EnsuringLoadBalancer: Ensuring load balancer', 'EnsuredLoadBalancer: Ensured load balancer']);
    const count = sb.events.eventsFor(sb.kube.get('Service', 'web', 'default')).map((e) => e.count);
    expect(count).toEqual([2, 2]);
  });
});
