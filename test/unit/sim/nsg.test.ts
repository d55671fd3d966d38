/** NSG rules for Services (domain §1.7): consolidated md5 names (≥ 1.29) and legacy names (≤ 1.28). */
import { describe, expect, it } from 'vitest';
import type { Sandbox, SandboxOptions } from '../../../src/sim/index';
import { md5Hex as md5 } from '../../../src/sim/md5';
import { applyYaml, azJson, baseOf, externalIp, NODE_RG, ok, P, sandbox, serviceYaml } from './helpers';

type Rule = Record<string, unknown> & { name: string };
const rules = (sb: Sandbox) => azJson<Rule[]>(sb, `az network nsg rule list -g ${NODE_RG} --nsg-name ${sb.cluster.layout.nsgName}`);

async function withServices(opts: SandboxOptions, ...yamls: string[]): Promise<Sandbox> {
  const sb = sandbox(opts);
  for (const y of yamls) await applyYaml(sb, y);
  await sb.settle();
  return sb;
}

describe('consolidated rules (Kubernetes ≥ 1.29)', () => {
  it('Internet → k8s-azure-lb_allow_IPv4_<md5(Tcp_Internet_80)>, priority 500, shared by services with the same ports', async () => {
    const sb = await withServices({}, serviceYaml('a'), serviceYaml('b'));
    const ips = [await externalIp(sb, 'a'), await externalIp(sb, 'b')].sort();
    expect(await rules(sb)).toEqual([
      expect.objectContaining({
        name: 'k8s-azure-lb_allow_IPv4_d39272f7f57ed937951650d93992ad77',
        priority: 500,
        access: 'Allow',
        direction: 'Inbound',
        protocol: 'Tcp',
        sourcePortRange: '*',
        sourceAddressPrefix: 'Internet',
        destinationAddressPrefixes: ips,
        destinationPortRanges: ['80'],
      }),
    ]);
    // Deleting one service leaves the other's IP as the single destination.
    await ok(sb, 'kubectl delete svc a');
    await sb.settle();
    const [rule] = await rules(sb);
    expect([rule.destinationAddressPrefix, rule.destinationAddressPrefixes]).toEqual([await externalIp(sb, 'b'), undefined]);
  });

  it('ports 80+443 → md5(Tcp_Internet_443,80); UDP → md5(Udp_Internet_53); next free priority', async () => {
    const sb = await withServices(
      {},
      serviceYaml('web', { ports: '  - name: h\n    port: 80\n  - name: s\n    port: 443\n' }),
      serviceYaml('dns', { ports: '  - port: 53\n    protocol: UDP\n' }),
    );
    const rs = await rules(sb);
    expect(rs.map((r) => [r.name, r.priority, r.protocol, r.destinationPortRanges])).toEqual([
      ['k8s-azure-lb_allow_IPv4_556f7044ec033071ec0dfcf7cd85bc93', 500, 'Tcp', ['443', '80']],
      ['k8s-azure-lb_allow_IPv4_eacf5e21d4ad7b5345009ad51af9d388', 501, 'Udp', ['53']],
    ]);
  });

  it('loadBalancerSourceRanges replace Internet: md5(Tcp_1.2.3.4/32_80)', async () => {
    const sb = await withServices({}, serviceYaml('web', { spec: '  loadBalancerSourceRanges:\n  - 1.2.3.4/32\n' }));
    const [rule] = await rules(sb);
    expect(rule).toMatchObject({
      name: 'k8s-azure-lb_allow_IPv4_f5a4d9331e5959417df478e9e9b070a6',
      sourceAddressPrefix: '1.2.3.4/32',
      destinationAddressPrefix: await externalIp(sb, 'web'),
    });
  });

  it('azure-allowed-service-tags: one rule per tag, no Internet rule', async () => {
    const sb = await withServices({}, serviceYaml('web', { annotations: { [P + 'azure-allowed-service-tags']: 'AzureFrontDoor.Backend' } }));
    expect((await rules(sb)).map((r) => [r.name, r.sourceAddressPrefix])).toEqual([
      ['k8s-azure-lb_allow_IPv4_465c9cd4f09e4be21ec7e39f3ae2c518', 'AzureFrontDoor.Backend'],
    ]);
  });

  it('the API server takes IPv6 CIDRs in loadBalancerSourceRanges (ParseCIDRSloppy); an IPv4 cluster writes only the IPv4 ones', async () => {
    const sb = await withServices({}, serviceYaml('web', { spec: '  loadBalancerSourceRanges:\n  - 2001:db8::/64\n  - 1.2.3.4/32\n  - fd00::/8\n' }));
    expect(await ok(sb, 'kubectl get svc web -o jsonpath={.spec.loadBalancerSourceRanges}')).toBe('["2001:db8::/64","1.2.3.4/32","fd00::/8"]');
    expect((await rules(sb)).map((r) => [r.sourceAddressPrefix, r.sourceAddressPrefixes])).toEqual([['1.2.3.4/32', undefined]]);
    for (const bad of ['10.0.0.0/33', '2001:db8::/129', '2001:db8::1::/64', 'fe80::1', '1.2.3.4/x']) {
      const r = await sb.exec('kubectl apply -f -', { stdin: serviceYaml('bad', { spec: `  loadBalancerSourceRanges:\n  - ${bad}\n` }) });
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toContain(`spec.LoadBalancerSourceRanges[0]: Invalid value: "${bad}": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)`);
    }
  });

  it('spec.loadBalancerSourceRanges with azure-allowed-ip-ranges is an error', async () => {
    const sb = await withServices(
      {},
      serviceYaml('web', { annotations: { [P + 'azure-allowed-ip-ranges']: '10.0.0.0/8' }, spec: '  loadBalancerSourceRanges:\n  - 1.2.3.4/32\n' }),
    );
    const events = await ok(sb, 'kubectl get events');
    expect(events).toContain(
      'Error syncing load balancer: failed to ensure load balancer: cannot set both spec.LoadBalancerSourceRanges and service annotation service.beta.kubernetes.io/azure-allowed-ip-ranges',
    );
  });

  it('internal Services add no NSG rule; azure-disable-load-balancer-nsg-rule leaves the NSG alone', async () => {
    const sb = await withServices(
      {},
      serviceYaml('int', { annotations: { [P + 'azure-load-balancer-internal']: 'true' } }),
      serviceYaml('raw', { annotations: { [P + 'azure-disable-load-balancer-nsg-rule']: 'true' } }),
    );
    expect(await rules(sb)).toEqual([]);
    expect(await externalIp(sb, 'raw')).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });
});

describe('shared IPs', () => {
  it("a Service leaving a shared IP keeps it in the other sharers' rules", async () => {
    const sb = sandbox();
    const { publicIp } = await azJson<{ publicIp: { ipAddress: string } }>(sb, `az network public-ip create -g ${NODE_RG} -n shared --sku Standard`);
    const ip = publicIp.ipAddress;
    await applyYaml(sb, serviceYaml('a', { annotations: { [P + 'azure-load-balancer-ipv4']: ip } }));
    await applyYaml(sb, serviceYaml('b', { annotations: { [P + 'azure-load-balancer-ipv4']: ip }, ports: '  - port: 443\n' }));
    await sb.settle();
    const byName = async () => Object.fromEntries((await rules(sb)).map((r) => [r.name, r.destinationAddressPrefix]));
    expect(await byName()).toEqual({
      'k8s-azure-lb_allow_IPv4_d39272f7f57ed937951650d93992ad77': ip,
      [`k8s-azure-lb_allow_IPv4_${md5('Tcp_Internet_443')}`]: ip,
    });
    await ok(sb, 'kubectl delete svc b');
    await sb.settle();
    expect(await byName()).toEqual({ 'k8s-azure-lb_allow_IPv4_d39272f7f57ed937951650d93992ad77': ip });
  });
});

describe('legacy per-service rules (Kubernetes ≤ 1.28)', () => {
  it('<base>-TCP-80-Internet, destinationPortRange, priorities 500, 501 …; removed with the service', async () => {
    const sb = await withServices({ kubernetesVersion: '1.28' }, serviceYaml('a'), serviceYaml('b', { spec: '  loadBalancerSourceRanges:\n  - 1.2.3.4/32\n' }));
    const [ba, bb] = [await baseOf(sb, 'a'), await baseOf(sb, 'b')];
    expect((await rules(sb)).map((r) => [r.name, r.priority, r.sourceAddressPrefix, r.destinationAddressPrefix, r.destinationPortRange])).toEqual([
      [`${ba}-TCP-80-Internet`, 500, 'Internet', await externalIp(sb, 'a'), '80'],
      [`${bb}-TCP-80-1.2.3.4_32`, 501, '1.2.3.4/32', await externalIp(sb, 'b'), '80'],
    ]);
    await ok(sb, 'kubectl delete svc a');
    await sb.settle();
    expect((await rules(sb)).map((r) => r.name)).toEqual([`${bb}-TCP-80-1.2.3.4_32`]);
  });

  it('1.29 is the first version with consolidated names', async () => {
    const sb = await withServices({ kubernetesVersion: '1.29' }, serviceYaml('a'));
    expect((await rules(sb)).map((r) => r.name)).toEqual(['k8s-azure-lb_allow_IPv4_d39272f7f57ed937951650d93992ad77']);
  });
});
