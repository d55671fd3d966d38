import { describe, expect, it } from 'vitest';
import { allowRuleName, baseName, publicIpName, ruleName } from '../../../src/sim/cloud-provider/names';
import { createSandbox } from '../../../src/sim/index';
import { md5Hex } from '../../../src/sim/md5';

const svcYaml = (name: string, extra = '') => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: 'default' },
  spec: { type: 'LoadBalancer', ports: [{ port: 80 }], selector: { app: name } },
  ...JSON.parse(extra || '{}'),
});

describe('names', () => {
  it('derives the reference names from the worked-example UID', () => {
    const uid = '257b9655-5137-4ad2-b091-ef3f07043ad3';
    expect(baseName(uid)).toBe('a257b965551374ad2b091ef3f07043ad');
    expect(publicIpName(uid)).toBe('kubernetes-a257b965551374ad2b091ef3f07043ad');
    expect(ruleName(uid, 'TCP', 80)).toBe('a257b965551374ad2b091ef3f07043ad-TCP-80');
  });
  it('md5 vectors from the reference', () => {
    expect(md5Hex('Udp_src_baz,src_quo_53,56')).toBe('648b18e18a92d1a4b415033da37c79a5');
    expect(allowRuleName('Tcp', ['Internet'], [80, 443, 10254])).toBe('k8s-azure-lb_allow_IPv4_0e71c69d55927e99928ad7d522e5dd4f');
    expect(md5Hex('Tcp_Internet_80')).toBe('d39272f7f57ed937951650d93992ad77');
    expect(md5Hex('Tcp_Internet_443,80')).toBe('556f7044ec033071ec0dfcf7cd85bc93');
    expect(md5Hex('Tcp_1.2.3.4/32_80')).toBe('f5a4d9331e5959417df478e9e9b070a6');
    expect(md5Hex('Udp_Internet_53')).toBe('eacf5e21d4ad7b5345009ad51af9d388');
    expect(md5Hex('Tcp_AzureFrontDoor.Backend_80')).toBe('465c9cd4f09e4be21ec7e39f3ae2c518');
  });
});

describe('LoadBalancer service end to end (store API)', () => {
  it('creates PIP, frontend, rule, probe and NSG rule, then cleans up on delete', async () => {
    const sb = createSandbox();
    const nodeRg = 'MC_myResourceGroup_myAKSCluster_eastus';
    const svc = sb.kube.create(svcYaml('web'));
    expect((svc.spec as { clusterIP: string }).clusterIP).toMatch(/^10\.0\./);
    const base = baseName(svc.metadata.uid);
    await sb.advance(1000);
    expect(sb.kube.get('Service', 'web', 'default').status).toEqual({ loadBalancer: {} });
    await sb.settle();
    const live = sb.kube.get('Service', 'web', 'default') as unknown as {
      status: { loadBalancer: { ingress: { ip: string }[] } };
      metadata: { finalizers: string[] };
    };
    expect(live.metadata.finalizers).toEqual(['service.kubernetes.io/load-balancer-cleanup']);
    const ip = live.status.loadBalancer.ingress[0].ip;
    const pips = sb.arm.list({ type: 'Microsoft.Network/publicIPAddresses', resourceGroup: nodeRg });
    const pip = pips.find((p) => p.name === `kubernetes-${base}`)!;
    expect(pip.properties.ipAddress).toBe(ip);
    expect(pip.tags).toMatchObject({ 'k8s-azure-service': 'default/web', 'k8s-azure-cluster-name': 'kubernetes' });
    const lb = sb.arm.list({ type: 'Microsoft.Network/loadBalancers' })[0];
    const names = (k: string) => (lb.properties[k] as { name: string }[]).map((x) => x.name);
    expect(names('frontendIPConfigurations')).toContain(base);
    expect(names('loadBalancingRules')).toEqual([`${base}-TCP-80`]);
    expect(names('probes')).toEqual([`${base}-TCP-80`]);
    expect(names('outboundRules')).toEqual(['aksOutboundRule']);
    const nsg = sb.arm.list({ type: 'Microsoft.Network/networkSecurityGroups' })[0];
    const rules = nsg.properties.securityRules as { name: string; properties: Record<string, unknown> }[];
    expect(rules.map((r) => r.name)).toEqual(['k8s-azure-lb_allow_IPv4_d39272f7f57ed937951650d93992ad77']);
    expect(rules[0].properties).toMatchObject({ priority: 500, destinationAddressPrefix: ip, sourceAddressPrefix: 'Internet', destinationPortRanges: ['80'] });
    const events = sb.events.eventsFor(sb.kube.get('Service', 'web', 'default')).map((e) => e.reason);
    expect(events).toEqual(['EnsuringLoadBalancer', 'EnsuredLoadBalancer']);

    sb.kube.delete('Service', 'web', 'default');
    await sb.settle();
    expect(sb.kube.tryGet('Service', 'web', 'default')).toBeUndefined();
    expect(sb.arm.list({ type: 'Microsoft.Network/publicIPAddresses' }).map((p) => p.name)).not.toContain(`kubernetes-${base}`);
    const lb2 = sb.arm.list({ type: 'Microsoft.Network/loadBalancers' })[0];
    expect((lb2.properties.loadBalancingRules as unknown[]).length).toBe(0);
    expect((lb2.properties.frontendIPConfigurations as unknown[]).length).toBe(1);
    expect((sb.arm.list({ type: 'Microsoft.Network/networkSecurityGroups' })[0].properties.securityRules as unknown[]).length).toBe(0);
  });
});
