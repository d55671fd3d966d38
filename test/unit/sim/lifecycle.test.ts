/** Internal LBs, type changes, internal↔public flips, loadBalancerClass, deletion (domain §1.3, §5, §6). */
import { describe, expect, it } from 'vitest';
import {
  applyYaml,
  baseOf,
  children,
  eventsOf,
  eventsWithReason,
  externalIp,
  lb,
  NODE_RG,
  names,
  nsgRules,
  ok,
  P,
  pips,
  sandbox,
  serviceYaml,
} from './helpers';

const INTERNAL = { [P + 'azure-load-balancer-internal']: 'true' };

describe('internal load balancer', () => {
  it('kubernetes-internal with a private frontend from the node subnet, no PIP; deleted with its last service', async () => {
    const sb = sandbox();
    await applyYaml(sb, serviceYaml('int', { annotations: INTERNAL }));
    await sb.settle();
    const base = await baseOf(sb, 'int');
    const ilb = lb(sb, 'kubernetes-internal')!;
    expect(ilb.sku).toEqual({ name: 'Standard', tier: 'Regional' });
    const [front] = children(ilb, 'frontendIPConfigurations');
    expect(front.name).toBe(base);
    expect(front.properties).toMatchObject({ privateIPAllocationMethod: 'Dynamic', privateIPAddressVersion: 'IPv4' });
    const ip = front.properties.privateIPAddress as string;
    expect(ip).toMatch(/^10\.224\.0\.\d+$/);
    expect(await externalIp(sb, 'int')).toBe(ip);
    expect(names(ilb, 'loadBalancingRules')).toEqual([`${base}-TCP-80`]);
    expect(pips(sb).map((p) => p.name)).not.toContain(`kubernetes-${base}`);
    expect(await ok(sb, 'kubectl get svc int')).toMatch(new RegExp(`int\\s+LoadBalancer\\s+10\\.0\\.\\S+\\s+${ip.replace(/\./g, '\\.')}\\s+80:\\d+/TCP`));

    await ok(sb, 'kubectl delete svc int');
    await sb.settle();
    expect(lb(sb, 'kubernetes-internal')).toBeUndefined();
    expect(lb(sb, 'kubernetes')).toBeDefined();
  });

  it('a requested private IP is used as a Static frontend', async () => {
    const sb = sandbox();
    await applyYaml(sb, serviceYaml('int', { annotations: { ...INTERNAL, [P + 'azure-load-balancer-ipv4']: '10.224.0.50' } }));
    await sb.settle();
    const [front] = children(lb(sb, 'kubernetes-internal'), 'frontendIPConfigurations');
    expect([front.properties.privateIPAddress, front.properties.privateIPAllocationMethod]).toEqual(['10.224.0.50', 'Static']);
  });

  it('a requested private IP outside the subnet: ARM rejects the LB PUT (PrivateIPAddressNotInSubnet)', async () => {
    const sb = sandbox();
    await applyYaml(sb, serviceYaml('int', { annotations: { ...INTERNAL, [P + 'azure-load-balancer-ipv4']: '10.0.0.50' } }));
    await sb.settle();
    const raw = JSON.stringify({
      error: {
        code: 'PrivateIPAddressNotInSubnet',
        message: 'Private static IP address 10.0.0.50 does not belong to the range of subnet prefix 10.224.0.0/16.',
      },
    });
    expect(eventsOf(sb, 'int')).toContain(
      `SyncLoadBalancerFailed: Error syncing load balancer: failed to ensure load balancer: Retriable: false, RetryAfter: 0s, HTTPStatusCode: 400, RawError: ${raw}`,
    );
    expect(lb(sb, 'kubernetes-internal')).toBeUndefined();
    expect(sb.arm.activityLog.filter((e) => e.status === 'Failed').map((e) => e.operationName)).toEqual(['Microsoft.Network/loadBalancers/write']);
  });

  it('subnet annotation: <base>-<subnet> names; a missing subnet is the exact error', async () => {
    const sb = sandbox();
    const vnet = sb.cluster.layout.vnetName;
    await applyYaml(sb, serviceYaml('bad', { annotations: { ...INTERNAL, [P + 'azure-load-balancer-internal-subnet']: 'ilb-subnet' } }));
    await sb.settle();
    expect(eventsOf(sb, 'bad')).toContain(
      `SyncLoadBalancerFailed: Error syncing load balancer: failed to ensure load balancer: ensure(default/bad): lb(kubernetes-internal) - failed to get subnet: ${vnet}/ilb-subnet`,
    );
    await ok(sb, `az network vnet subnet create -g ${NODE_RG} --vnet-name ${vnet} -n ilb-subnet --address-prefixes 10.225.0.0/24 -o none`);
    await sb.settle();
    const base = await baseOf(sb, 'bad');
    const ilb = lb(sb, 'kubernetes-internal')!;
    expect(names(ilb, 'frontendIPConfigurations')).toEqual([`${base}-ilb-subnet`]);
    expect(names(ilb, 'loadBalancingRules')).toEqual([`${base}-ilb-subnet-TCP-80`]);
    expect(await externalIp(sb, 'bad')).toMatch(/^10\.225\.0\.\d+$/);
  });
});

describe('type changes and flips', () => {
  it('LoadBalancer → ClusterIP: Deleting/DeletedLoadBalancer, finalizer and status cleared, Azure cleaned up', async () => {
    const sb = sandbox();
    await applyYaml(sb, serviceYaml('web'));
    await sb.settle();
    const base = await baseOf(sb, 'web');
    expect(await ok(sb, 'kubectl get svc web -o jsonpath={.metadata.finalizers}')).toBe('["service.kubernetes.io/load-balancer-cleanup"]');
    await ok(sb, `kubectl patch svc web -p '{"spec":{"type":"ClusterIP"}}'`);
    await sb.settle();
    expect(eventsOf(sb, 'web')).toEqual([
      'EnsuringLoadBalancer: Ensuring load balancer',
      'EnsuredLoadBalancer: Ensured load balancer',
      'DeletingLoadBalancer: Deleting load balancer',
      'DeletedLoadBalancer: Deleted load balancer',
    ]);
    expect(await ok(sb, 'kubectl get svc web -o jsonpath={.metadata.finalizers}')).toBe('');
    expect(await ok(sb, 'kubectl get svc web -o jsonpath={.status}')).toBe('{"loadBalancer":{}}');
    expect(await ok(sb, 'kubectl get svc web')).toMatch(/web\s+ClusterIP\s+\S+\s+<none>\s+80\/TCP/);
    expect(pips(sb).map((p) => p.name)).not.toContain(`kubernetes-${base}`);
    expect(names(lb(sb), 'frontendIPConfigurations').filter((n) => n.startsWith(base))).toEqual([]);
    expect(nsgRules(sb)).toEqual([]);
  });

  it('public → internal → public moves the frontend between LBs, releases and re-creates the PIP', async () => {
    const sb = sandbox();
    await applyYaml(sb, serviceYaml('web'));
    await sb.settle();
    const base = await baseOf(sb, 'web');
    await ok(sb, `kubectl annotate svc web ${P}azure-load-balancer-internal=true`);
    await sb.settle();
    expect(names(lb(sb, 'kubernetes-internal'), 'frontendIPConfigurations')).toEqual([base]);
    expect(names(lb(sb), 'frontendIPConfigurations').filter((n) => n.startsWith(base))).toEqual([]);
    expect(pips(sb).map((p) => p.name)).not.toContain(`kubernetes-${base}`);
    expect(await externalIp(sb, 'web')).toMatch(/^10\.224\.0\./);
    expect(nsgRules(sb)).toEqual([]);

    await ok(sb, `kubectl annotate svc web --overwrite ${P}azure-load-balancer-internal=false`);
    await sb.settle();
    expect(lb(sb, 'kubernetes-internal')).toBeUndefined();
    expect(names(lb(sb), 'frontendIPConfigurations')).toContain(base);
    const pip = pips(sb).find((p) => p.name === `kubernetes-${base}`)!;
    expect(await externalIp(sb, 'web')).toBe(pip.properties.ipAddress);
    expect(nsgRules(sb).map((r) => r.properties.destinationAddressPrefix)).toEqual([pip.properties.ipAddress]);
  });

  it('only the exact value "true" makes a Service internal', async () => {
    const sb = sandbox();
    await applyYaml(sb, serviceYaml('web', { annotations: { [P + 'azure-load-balancer-internal']: 'True' } }));
    await sb.settle();
    const base = await baseOf(sb, 'web');
    expect(lb(sb, 'kubernetes-internal')).toBeUndefined();
    const pip = pips(sb).find((p) => p.name === `kubernetes-${base}`);
    expect(await externalIp(sb, 'web')).toBe(pip!.properties.ipAddress);
  });

  it('loadBalancerClass: the Azure provider ignores the Service (no events, stays <pending>)', async () => {
    const sb = sandbox();
    await applyYaml(sb, serviceYaml('web', { spec: '  loadBalancerClass: example.com/other\n' }));
    await sb.settle();
    expect(eventsOf(sb, 'web')).toEqual([]);
    expect(await ok(sb, 'kubectl get svc web')).toContain('<pending>');
    expect(await ok(sb, 'kubectl get svc web -o jsonpath={.metadata.finalizers}')).toBe('');
    expect(names(lb(sb), 'loadBalancingRules')).toEqual([]);
  });
});

describe('deletion', () => {
  it('<pending> is observable, then the IP; deletion waits for the finalizer and keeps the LB kubernetes', async () => {
    const sb = sandbox();
    await applyYaml(sb, serviceYaml('web'));
    await sb.advance(5000);
    expect(await ok(sb, 'kubectl get svc web')).toContain('<pending>');
    await sb.advance(4000);
    expect(await externalIp(sb, 'web')).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    await ok(sb, 'kubectl delete svc web --wait=false');
    expect(await ok(sb, 'kubectl get svc web -o jsonpath={.metadata.deletionTimestamp}')).not.toBe('');
    await sb.settle();
    expect((await sb.exec('kubectl get svc web')).stderr).toBe('Error from server (NotFound): services "web" not found\n');
    expect(eventsWithReason(sb, 'DeletedLoadBalancer')).toEqual(['Deleted load balancer']);
    const publicLb = lb(sb)!;
    expect(names(publicLb, 'outboundRules')).toEqual(['aksOutboundRule']);
    expect(names(publicLb, 'backendAddressPools')).toEqual(['kubernetes', 'aksOutboundBackendPool']);
    expect(children(publicLb, 'frontendIPConfigurations').length).toBe(1);
  });
});
