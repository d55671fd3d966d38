/** AKS-side resources (domain §3–§4): outbound types, managed outbound IPs, node pool scaling; determinism. */
import { describe, expect, it } from 'vitest';
import type { OutboundType } from '../../../src/sim/index';
import { applyYaml, baseOf, children, eventsOf, externalIp, lb, NODE_RG, names, ok, pips, sandbox, serviceYaml } from './helpers';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const AKS_TAGS = { 'aks-managed-cluster-name': 'myAKSCluster', 'aks-managed-cluster-rg': 'myResourceGroup' };

describe('outbound types', () => {
  it('loadBalancer (default): GUID outbound PIP, its frontend, both pools and aksOutboundRule', () => {
    const sb = sandbox();
    const [pip] = pips(sb, NODE_RG);
    expect(pip.name).toMatch(GUID);
    expect(pip.tags).toEqual({ ...AKS_TAGS, 'aks-managed-type': 'aks-slb-managed-outbound-ip' });
    const publicLb = lb(sb)!;
    expect(publicLb.tags).toEqual(AKS_TAGS);
    expect(names(publicLb, 'frontendIPConfigurations')).toEqual([pip.name]);
    expect(names(publicLb, 'backendAddressPools')).toEqual(['kubernetes', 'aksOutboundBackendPool']);
    const [rule] = children(publicLb, 'outboundRules');
    expect(rule.name).toBe('aksOutboundRule');
    expect(rule.properties).toMatchObject({ protocol: 'All', enableTcpReset: true, idleTimeoutInMinutes: 30, allocatedOutboundPorts: 0 });
    expect(children(publicLb, 'loadBalancingRules')).toEqual([]);
    expect(children(publicLb, 'probes')).toEqual([]);
  });

  it('managedNATGateway: a NAT gateway with a managed GUID PIP on the subnet, no LB until a public Service', async () => {
    const sb = sandbox({ outboundType: 'managedNATGateway' });
    const [nat] = sb.arm.list({ type: 'Microsoft.Network/natGateways' });
    expect(nat.name).toBe('aks-nat-gateway');
    const natPips = (nat.properties.publicIpAddresses as { id: string }[]).map((x) => x.id.split('/').pop());
    expect(natPips).toEqual(pips(sb, NODE_RG).map((p) => p.name));
    expect(natPips[0]).toMatch(GUID);
    const subnet = children(sb.arm.list({ type: 'Microsoft.Network/virtualNetworks' })[0], 'subnets')[0];
    expect((subnet.properties.natGateway as { id: string }).id).toBe(nat.id);
    expect(lb(sb)).toBeUndefined();
    await applyYaml(sb, serviceYaml('web'));
    await sb.settle();
    expect(names(lb(sb), 'outboundRules')).toEqual([]);
    expect(names(lb(sb), 'frontendIPConfigurations')).toEqual([await baseOf(sb, 'web')]);
  });

  it.each<OutboundType>(['userDefinedRouting', 'userAssignedNATGateway', 'managedNATGateway'])(
    '%s: LB kubernetes is created with the first public Service and deleted with the last',
    async (outboundType) => {
      const sb = sandbox({ outboundType });
      if (outboundType !== 'managedNATGateway') expect(pips(sb, NODE_RG)).toEqual([]);
      expect(lb(sb)).toBeUndefined();
      await applyYaml(sb, serviceYaml('a'));
      await applyYaml(sb, serviceYaml('b'));
      await sb.settle();
      expect(lb(sb)!.tags).toEqual({});
      expect(names(lb(sb), 'backendAddressPools')).toEqual(['kubernetes']);
      await ok(sb, 'kubectl delete svc a');
      await sb.settle();
      expect(lb(sb)).toBeDefined();
      await ok(sb, 'kubectl delete svc b');
      await sb.settle();
      expect(lb(sb)).toBeUndefined();
    },
  );
});

describe('az aks update --load-balancer-managed-outbound-ip-count', () => {
  it('adds GUID PIPs + frontends to aksOutboundRule, logs the writes, and scales back down', async () => {
    const sb = sandbox();
    await applyYaml(sb, serviceYaml('web'));
    await sb.settle();
    const logBefore = sb.arm.activityLog.length;
    sb.aks.setManagedOutboundIPCount(3);
    const outbound = pips(sb, NODE_RG).filter((p) => p.tags?.['aks-managed-type'] === 'aks-slb-managed-outbound-ip');
    expect(outbound.map((p) => p.name)).toHaveLength(3);
    for (const p of outbound) expect(p.name).toMatch(GUID);
    const [rule] = children(lb(sb), 'outboundRules');
    expect((rule.properties.frontendIPConfigurations as { id: string }[]).map((f) => f.id.split('/').pop())).toEqual(outbound.map((p) => p.name));
    const base = await baseOf(sb, 'web');
    expect(names(lb(sb), 'frontendIPConfigurations')).toEqual([...outbound.map((p) => p.name), base]);
    const ops = sb.arm.activityLog
      .slice(logBefore)
      .filter((e) => e.status === 'Succeeded')
      .map((e) => `${e.operationName} ${e.caller}`);
    expect(ops).toEqual([
      'Microsoft.Network/publicIPAddresses/write AzureContainerService',
      'Microsoft.Network/publicIPAddresses/write AzureContainerService',
      'Microsoft.Network/loadBalancers/write AzureContainerService',
      'Microsoft.ContainerService/ManagedClusters/write azureuser@contoso.com',
    ]);
    const mc = sb.arm.list({ type: 'Microsoft.ContainerService/managedClusters' })[0];
    expect(
      (mc.properties.networkProfile as { loadBalancerProfile: { managedOutboundIPs: { count: number } } }).loadBalancerProfile.managedOutboundIPs.count,
    ).toBe(3);
    // The Service keeps its own frontend and IP throughout.
    expect(await externalIp(sb, 'web')).toBe(pips(sb).find((p) => p.name === `kubernetes-${base}`)!.properties.ipAddress);

    sb.aks.setManagedOutboundIPCount(1);
    expect(pips(sb, NODE_RG).filter((p) => p.tags?.['aks-managed-type'])).toHaveLength(1);
    expect(names(lb(sb), 'frontendIPConfigurations')).toEqual([outbound[0].name, base]);
    expect(() => sb.aks.setManagedOutboundIPCount(101)).toThrow(/managedOutboundIPs.count is invalid/);
  });
});

describe('node pool scaling', () => {
  it('new Nodes, backend pool membership, UpdatedLoadBalancer on each LB Service', async () => {
    const sb = sandbox();
    await applyYaml(sb, serviceYaml('web'));
    await sb.settle();
    sb.aks.scaleNodePool('nodepool1', 5);
    await sb.settle();
    const nodes = (await ok(sb, 'kubectl get nodes -o name')).trim().split('\n');
    expect(nodes).toHaveLength(5);
    expect(nodes[4]).toBe(`node/${sb.cluster.layout.vmssName}000004`);
    for (const pool of children(lb(sb), 'backendAddressPools')) expect((pool.properties.backendIPConfigurations as unknown[]).length).toBe(5);
    expect(eventsOf(sb, 'web')).toEqual([
      'EnsuringLoadBalancer: Ensuring load balancer',
      'EnsuredLoadBalancer: Ensured load balancer',
      'UpdatedLoadBalancer: Updated load balancer with new hosts',
    ]);
    sb.aks.scaleNodePool('nodepool1', 2);
    await sb.settle();
    expect((children(lb(sb), 'backendAddressPools')[0].properties.backendIPConfigurations as unknown[]).length).toBe(2);
    expect(() => sb.aks.scaleNodePool('other', 2)).toThrow('Could not find agent pool other in managed cluster myAKSCluster.');
  });

  it('puts a new instance in both pools at once on a cluster without LoadBalancer Services (the scale set names both)', async () => {
    const sb = sandbox();
    sb.aks.scaleNodePool('nodepool1', 4);
    await sb.settle();
    const members = Object.fromEntries(
      children(lb(sb), 'backendAddressPools').map((p) => [p.name, (p.properties.backendIPConfigurations as unknown[]).length]),
    );
    expect(members).toEqual({ kubernetes: 4, aksOutboundBackendPool: 4 });
  });
});

describe('determinism', () => {
  const script = async (seed: number): Promise<string> => {
    const sb = sandbox({ seed });
    let out = '';
    for (const line of ['kubectl get nodes -o wide', 'az network public-ip list -o json', 'kubectl get svc -A']) out += (await sb.exec(line)).stdout;
    out += await applyYaml(sb, serviceYaml('web', { ports: '  - name: a\n    port: 80\n  - name: b\n    port: 443\n' }));
    await sb.advance(3500);
    out += (await sb.exec('kubectl get svc web -o yaml')).stdout;
    await sb.settle();
    for (const line of [
      'kubectl describe svc web',
      'az network lb show -g ' + NODE_RG + ' -n kubernetes -o json',
      'az network nsg rule list -g ' + NODE_RG + ' --nsg-name ' + sb.cluster.layout.nsgName + ' -o table',
      'az monitor activity-log list -o json',
      'kubectl get events -A',
    ]) {
      out += (await sb.exec(line)).stdout;
    }
    return out;
  };

  it('same seed + same commands ⇒ byte-identical output; another seed differs', async () => {
    const a = await script(1);
    expect(a.length).toBeGreaterThan(5000);
    expect(await script(1)).toBe(a);
    expect(await script(2)).not.toBe(a);
  });
});

describe('virtual clock', () => {
  it('advance() takes any finite number: fractions are rounded, negative / NaN / Infinity count as 0', async () => {
    const sb = sandbox();
    const t0 = sb.clock.now();
    await applyYaml(sb, serviceYaml('web'));
    await sb.advance(1500.7);
    expect(sb.clock.now() - t0).toBe(1501);
    for (const bad of [-5, Number.NaN, Number.POSITIVE_INFINITY]) await sb.advance(bad);
    expect(sb.clock.now() - t0).toBe(1501);
    await sb.advance(0.4);
    await sb.settle();
    // Events (named from virtual nanoseconds via BigInt) still work after fractional steps.
    expect(eventsOf(sb, 'web')).toEqual(['EnsuringLoadBalancer: Ensuring load balancer', 'EnsuredLoadBalancer: Ensured load balancer']);
    expect(Number.isInteger(sb.clock.now())).toBe(true);
  });
});
