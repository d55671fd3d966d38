/** Public IPs of Services (domain §1.4, §2, §5, §6.5): names, tags, sharing, user PIPs, errors. */
import { describe, expect, it } from 'vitest';
import { applyYaml, azJson, baseOf, children, eventsOf, eventsWithReason, externalIp, lb, NODE_RG, ok, P, pips, sandbox, serviceYaml } from './helpers';

type Pip = {
  name: string;
  ipAddress: string;
  tags?: Record<string, string>;
  dnsSettings?: { domainNameLabel: string; fqdn: string };
  ipConfiguration?: { id: string };
};
const FAILED = 'SyncLoadBalancerFailed: Error syncing load balancer: failed to ensure load balancer: ';

async function userPip(sb: ReturnType<typeof sandbox>, name: string, rg = NODE_RG): Promise<string> {
  const out = await azJson<{ publicIp: { ipAddress: string } }>(
    sb,
    `az network public-ip create -g ${rg} -n ${name} --sku Standard --allocation-method Static`,
  );
  return out.publicIp.ipAddress;
}

describe('managed public IP', () => {
  it('kubernetes-<base>, Standard/Static/zonal, tagged with service and cluster, linked to the frontend', async () => {
    const sb = sandbox();
    await applyYaml(sb, serviceYaml('web', { annotations: { [P + 'azure-pip-tags']: 'env=prod,team=net' } }));
    await sb.settle();
    const base = await baseOf(sb, 'web');
    const pip = await azJson<Pip & Record<string, unknown>>(sb, `az network public-ip show -g ${NODE_RG} -n kubernetes-${base}`);
    expect(pip).toMatchObject({
      name: `kubernetes-${base}`,
      publicIPAllocationMethod: 'Static',
      publicIPAddressVersion: 'IPv4',
      sku: { name: 'Standard', tier: 'Regional' },
      zones: ['1', '2', '3'],
      idleTimeoutInMinutes: 4,
      tags: { 'k8s-azure-cluster-name': 'kubernetes', 'k8s-azure-service': 'default/web', env: 'prod', team: 'net' },
    });
    expect(pip.ipConfiguration!.id).toMatch(new RegExp(`/loadBalancers/kubernetes/frontendIPConfigurations/${base}$`));
    expect(await externalIp(sb, 'web')).toBe(pip.ipAddress);
  });

  it('DNS label: FQDN <label>.<region>.cloudapp.azure.com and the dns-label tag; empty value removes it', async () => {
    const sb = sandbox();
    await applyYaml(sb, serviceYaml('web', { annotations: { [P + 'azure-dns-label-name']: 'myshop' } }));
    await sb.settle();
    const base = await baseOf(sb, 'web');
    const pip = await azJson<Pip>(sb, `az network public-ip show -g ${NODE_RG} -n kubernetes-${base}`);
    expect(pip.dnsSettings).toEqual({ domainNameLabel: 'myshop', fqdn: 'myshop.eastus.cloudapp.azure.com' });
    expect(pip.tags!['k8s-azure-dns-label-service']).toBe('default/web');
    await ok(sb, `kubectl annotate svc web --overwrite ${P}azure-dns-label-name=`);
    await sb.settle();
    const after = await azJson<Pip>(sb, `az network public-ip show -g ${NODE_RG} -n kubernetes-${base}`);
    expect(after.dnsSettings).toBeUndefined();
    expect(after.tags!['k8s-azure-dns-label-service']).toBeUndefined();
  });
});

describe('user-created public IPs', () => {
  it('azure-pip-name uses that PIP (no service tags added) and never deletes it', async () => {
    const sb = sandbox();
    const ip = await userPip(sb, 'my-ip');
    await applyYaml(sb, serviceYaml('web', { annotations: { [P + 'azure-pip-name']: 'my-ip' } }));
    await sb.settle();
    expect(await externalIp(sb, 'web')).toBe(ip);
    const base = await baseOf(sb, 'web');
    expect(pips(sb).map((p) => p.name)).not.toContain(`kubernetes-${base}`);
    expect(pips(sb).find((p) => p.name === 'my-ip')!.tags ?? {}).toEqual({});
    await ok(sb, 'kubectl delete svc web');
    await sb.settle();
    const kept = pips(sb).find((p) => p.name === 'my-ip')!;
    expect(kept.properties.ipAddress).toBe(ip);
    expect(kept.properties.ipConfiguration).toBeUndefined();
  });

  it('azure-pip-name naming a missing PIP: the exact error event, stays <pending>', async () => {
    const sb = sandbox();
    await applyYaml(sb, serviceYaml('web', { annotations: { [P + 'azure-pip-name']: 'nope' } }));
    await sb.settle();
    expect(eventsOf(sb, 'web')).toContain(
      // Upstream's text names both annotations (azure_loadbalancer.go, v1.33.17).
      `${FAILED}PublicIP from annotation azure-pip-name(-IPv6)=nope for service default/web doesn't exist`,
    );
    expect(await ok(sb, 'kubectl get svc web')).toMatch(/web\s+LoadBalancer\s+\S+\s+<pending>\s+80:\d+\/TCP/);
  });

  it('loadBalancerIP not found in the node RG: findMatchedPIPByLoadBalancerIP error', async () => {
    const sb = sandbox();
    await applyYaml(sb, serviceYaml('web', { spec: '  loadBalancerIP: 40.121.183.52\n' }));
    await sb.settle();
    expect(eventsOf(sb, 'web')).toContain(
      `${FAILED}findMatchedPIPByLoadBalancerIP: cannot find public IP with IP address 40.121.183.52 in resource group ${NODE_RG}: getExpectedPIPFromListByIPAddress: cannot find public IP with IP address 40.121.183.52`,
    );
  });

  it('IP sharing: two Services on one user PIP (ipv4 annotation and loadBalancerIP) share one frontend', async () => {
    const sb = sandbox();
    const ip = await userPip(sb, 'shared');
    await applyYaml(sb, serviceYaml('a', { annotations: { [P + 'azure-load-balancer-ipv4']: ip } }));
    await sb.settle();
    await applyYaml(sb, serviceYaml('b', { ports: '  - port: 443\n', spec: `  loadBalancerIP: ${ip}\n` }));
    await sb.settle();
    const [ba, bb] = [await baseOf(sb, 'a'), await baseOf(sb, 'b')];
    expect([await externalIp(sb, 'a'), await externalIp(sb, 'b')]).toEqual([ip, ip]);
    const fronts = children(lb(sb), 'frontendIPConfigurations').map((f) => f.name);
    expect(fronts.filter((n) => n.startsWith('a'))).toEqual([ba]);
    expect(children(lb(sb), 'loadBalancingRules').map((r) => r.name)).toEqual([`${ba}-TCP-80`, `${bb}-TCP-443`]);
    // The same port on the shared frontend is a conflict.
    await applyYaml(sb, serviceYaml('c', { annotations: { [P + 'azure-load-balancer-ipv4']: ip } }));
    await sb.settle();
    expect(eventsOf(sb, 'c').find((e) => e.includes('checkLoadBalancerResourcesConflicts'))).toContain(
      `service port  is trying to consume the port 80 which is being referenced by an existing loadBalancing rule ${ba}-TCP-80 with the same protocol Tcp`,
    );
    await ok(sb, 'kubectl delete svc c');
    // Deleting the frontend's owner while b still uses it keeps the frontend, with a warning.
    await ok(sb, 'kubectl delete svc a');
    await sb.settle();
    expect(children(lb(sb), 'frontendIPConfigurations').map((f) => f.name)).toContain(ba);
    expect(eventsWithReason(sb, 'DeletingFrontendIPConfiguration')[0]).toMatch(
      new RegExp(
        `^isFrontendIPConfigUnsafeToDelete: frontend IP configuration with ID \\S+/frontendIPConfigurations/${ba} cannot be deleted because it is being referenced by load balancing rules of other services$`,
      ),
    );
    await ok(sb, 'kubectl delete svc b');
    await sb.settle();
    expect(children(lb(sb), 'frontendIPConfigurations').map((f) => f.name)).not.toContain(ba);
    expect(pips(sb).find((p) => p.name === 'shared')!.properties.ipAddress).toBe(ip);
  });
});

describe('azure-load-balancer-resource-group', () => {
  it('without a role assignment: 403 AuthorizationFailed; after granting Network Contributor it works', async () => {
    const sb = sandbox();
    await ok(sb, 'az group create -n other-rg -l eastus -o none');
    const ip = await userPip(sb, 'other-ip', 'other-rg');
    await applyYaml(sb, serviceYaml('web', { annotations: { [P + 'azure-load-balancer-resource-group']: 'other-rg', [P + 'azure-load-balancer-ipv4']: ip } }));
    await sb.settle();
    const { clusterClientId, clusterPrincipalId, subscriptionId } = sb.cluster.layout;
    const scope = `/subscriptions/${subscriptionId}/resourceGroups/other-rg/providers/Microsoft.Network`;
    const message = `The client '${clusterClientId}' with object id '${clusterPrincipalId}' does not have authorization to perform action 'Microsoft.Network/publicIPAddresses/read' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`;
    expect(eventsOf(sb, 'web')).toContain(
      `${FAILED}Retriable: false, RetryAfter: 0s, HTTPStatusCode: 403, RawError: ${JSON.stringify({ error: { code: 'AuthorizationFailed', message } })}`,
    );
    sb.aks.grantNetworkContributor(`/subscriptions/${subscriptionId}/resourceGroups/other-rg`);
    await sb.settle();
    expect(await externalIp(sb, 'web')).toBe(ip);
  });
});
