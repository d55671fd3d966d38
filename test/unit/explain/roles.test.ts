import { describe, expect, it } from 'vitest';
import { explain } from '../../../src/explain/index';
import { apply, NODE_RG, outputs, run, sandbox, svcYaml } from './fixtures';

const P = 'service.beta.kubernetes.io/';

describe('owners, shared IPs, internal Services and your own Public IPs', () => {
  it('two Services on one Public IP you created: role user, both owners, one shared-IP finding', async () => {
    const sb = sandbox();
    await run(sb, ['kubectl create namespace shop', `az network public-ip create -g ${NODE_RG} -n shop-ip --sku Standard`]);
    await apply(sb, svcYaml('web', 'shop', [80], { [`${P}azure-pip-name`]: 'shop-ip' }));
    await apply(sb, svcYaml('api', 'shop', [443], { [`${P}azure-pip-name`]: 'shop-ip' }));
    const o = await outputs(sb);
    const x = explain([o.services, o.publicIps, o.lb]);
    const pip = x.publicIps.find((p) => p.name === 'shop-ip')!;
    expect(pip.role).toBe('user');
    expect(pip.services.sort()).toEqual(['shop/api', 'shop/web']);
    expect(pip.evidence.map((e) => e.code)).toContain('ev.no-service-tag');
    expect(pip.evidence.find((e) => e.code === 'ev.used-by-name')!.text).toContain('azure-pip-name');
    const web = x.services.find((s) => s.name === 'web')!;
    const api = x.services.find((s) => s.name === 'api')!;
    expect(web.externalIp).toBe(api.externalIp);
    expect(web.publicIp).toBe('shop-ip');
    expect(api.frontend).toBe(web.frontend);
    // Each keeps its own rule on the shared frontend.
    expect(api.rules.map((r) => r.frontendPort)).toEqual([443]);
    expect(web.rules.map((r) => r.frontendPort)).toEqual([80]);
    const shared = x.findings.filter((f) => f.code === 'f.shared-ip');
    expect(shared).toHaveLength(1);
    expect(shared[0]!.params).toMatchObject({ ip: web.externalIp!, services: 'shop/api, shop/web', count: 2 });
    expect(shared[0]!.lesson).toBe('many-services-shared-ips');
    expect(x.findings.find((f) => f.code === 'f.user-ip')!.message).toContain('shop-ip');
  });

  it('an internal Service: private address on kubernetes-internal, no Public IP, an info finding', async () => {
    const sb = sandbox();
    await run(sb, ['kubectl create namespace data']);
    await apply(sb, svcYaml('db', 'data', [5432], { [`${P}azure-load-balancer-internal`]: 'true' }));
    const o = await outputs(sb);
    const x = explain([o.services, o.publicIps, o.lb, o.lbInternal]);
    const db = x.services.find((s) => s.name === 'db')!;
    expect(db).toMatchObject({ internal: true, state: 'has-ip', loadBalancer: 'kubernetes-internal' });
    expect(db.externalIp).toMatch(/^10\./);
    expect(db.publicIp).toBeUndefined();
    expect(x.publicIps.map((p) => p.role)).toEqual(['outbound']);
    const f = x.findings.find((f) => f.code === 'f.internal')!;
    expect(f.params).toMatchObject({ service: 'data/db', ip: db.externalIp!, lb: 'kubernetes-internal' });
    expect(f.lesson).toBe('internal-load-balancer');
    // Internal on a database port is not "open to the Internet".
    expect(x.findings.some((f) => f.code.startsWith('f.db-open') || f.code === 'f.nsg-open-db')).toBe(false);
  });

  it('an orphan: a Public IP still tagged for a Service that no longer exists', async () => {
    const sb = sandbox();
    await run(sb, [
      'kubectl create namespace qa',
      `az network public-ip create -g ${NODE_RG} -n kubernetes-a0123456789abcdef0123456789abcde --sku Standard --tags k8s-azure-service=qa/old-api k8s-azure-cluster-name=kubernetes`,
    ]);
    await apply(sb, svcYaml('web', 'qa', [80]));
    const o = await outputs(sb);
    const x = explain([o.services, o.publicIps, o.lb]);
    const orphan = x.publicIps.find((p) => p.role === 'orphan')!;
    expect(orphan.name).toBe('kubernetes-a0123456789abcdef0123456789abcde');
    expect(orphan.services).toEqual(['qa/old-api']);
    expect(orphan.evidence.map((e) => e.code)).toEqual(['ev.tag-service', 'ev.service-missing', 'ev.not-attached']);
    const f = x.findings.find((f) => f.code === 'f.orphan-ip')!;
    expect(f.severity).toBe('warning');
    expect(f.message).toContain(`az network public-ip delete -g ${NODE_RG} -n kubernetes-a0123456789abcdef0123456789abcde`);
    expect(f.lesson).toBe('cleanup-and-troubleshooting');
    // The live Service's own IP is still a Service IP.
    expect(x.publicIps.find((p) => p.role === 'service')!.service).toBe('qa/web');
  });

  it('a tagged Public IP whose namespace was not pasted is not called an orphan', async () => {
    const sb = sandbox();
    await run(sb, ['kubectl create namespace qa', 'kubectl create namespace prod']);
    await apply(sb, svcYaml('web', 'qa', [80]));
    await apply(sb, svcYaml('shop', 'prod', [80]));
    const o = await outputs(sb);
    const qaOnly = (await sb.exec('kubectl get svc -n qa -o json')).stdout;
    const x = explain([qaOnly, o.publicIps]);
    const shop = x.publicIps.find((p) => p.services.includes('prod/shop'))!;
    expect(shop.role).toBe('service');
    expect(shop.evidence.map((e) => e.code)).toContain('ev.namespace-not-pasted');
    expect(x.publicIps.some((p) => p.role === 'orphan')).toBe(false);
  });

  it('older clusters: the legacy `type` and `service` tags still decide the role', () => {
    const pips = JSON.stringify([
      {
        name: '1f2e3d4c-0000-4000-8000-000000000001',
        type: 'Microsoft.Network/publicIPAddresses',
        ipAddress: '52.1.1.1',
        tags: { type: 'aks-slb-managed-outbound-ip' },
      },
      {
        name: 'kubernetes-a11112222333344445555666677778888',
        type: 'Microsoft.Network/publicIPAddresses',
        ipAddress: '52.1.1.2',
        tags: { service: 'kube-system/addon-http-application-routing-nginx-ingress' },
      },
    ]);
    const x = explain([pips]);
    expect(x.publicIps.map((p) => `${p.role}:${p.service ?? ''}`)).toEqual(['outbound:', 'service:kube-system/addon-http-application-routing-nginx-ingress']);
    expect(x.findings.some((f) => f.code === 'f.legacy-tags')).toBe(true);
  });

  it('the portal JSON View shape (properties nested) reads the same as az output', async () => {
    const sb = sandbox();
    const o = await outputs(sb);
    const list = JSON.parse(o.publicIps) as Record<string, unknown>[];
    const portal = list.map(({ name, id, type, location, tags, ...properties }) => ({ name, id, type, location, tags, properties }));
    const x = explain([JSON.stringify(portal[0], null, 4)]);
    expect(x.publicIps.map((p) => [p.role, p.ipAddress])).toEqual([['outbound', list[0]!.ipAddress]]);
  });
});

describe('why a Service is <pending>', () => {
  const pendingOf = async (setup: (sb: ReturnType<typeof sandbox>) => Promise<void>, opts = {}) => {
    const sb = sandbox(opts);
    await setup(sb);
    const o = await outputs(sb);
    return explain([o.services, o.events, o.publicIps]);
  };

  it('out of Public IPs (PublicIPCountLimitReached)', async () => {
    const x = await pendingOf(
      async (sb) => {
        await run(sb, ['kubectl create namespace qa']);
        await apply(sb, svcYaml('one', 'qa', [80]));
        await apply(sb, svcYaml('two', 'qa', [80]));
      },
      { faults: { publicIPQuota: 2 } },
    );
    const two = x.services.find((s) => s.name === 'two')!;
    expect(two.state).toBe('pending');
    expect(two.pending).toMatchObject({
      cause: 'public-ip-quota',
      reason: 'SyncLoadBalancerFailed',
      lesson: { slug: 'cleanup-and-troubleshooting', section: 'quota' },
    });
    expect(two.pending!.message).toContain('PublicIPCountLimitReached');
    const f = x.findings.find((f) => f.code === 'f.pending')!;
    expect(f).toMatchObject({ severity: 'problem', lesson: 'cleanup-and-troubleshooting', section: 'quota', subject: 'qa/two' });
    expect(f.message).toMatch(/^qa\/two is <pending>\. The subscription is out of Public IPs/);
  });

  it.each([
    ['a missing azure-pip-name', { [`${P}azure-pip-name`]: 'nope' }, '', 'pip-name-not-found'],
    ['a loadBalancerIP no Public IP has', {}, '  loadBalancerIP: 20.1.2.3\n', 'ip-not-found'],
    [
      'a subnet that does not exist',
      { [`${P}azure-load-balancer-internal`]: 'true', [`${P}azure-load-balancer-internal-subnet`]: 'nope' },
      '',
      'subnet-not-found',
    ],
    [
      'a Public IP in a resource group the cluster may not read',
      { [`${P}azure-load-balancer-resource-group`]: 'other-rg', [`${P}azure-pip-name`]: 'ip' },
      '',
      'authorization-failed',
    ],
    [
      'an impossible probe',
      { [`${P}azure-load-balancer-health-probe-interval`]: '60', [`${P}azure-load-balancer-health-probe-num-of-probe`]: '3' },
      '',
      'invalid-probe',
    ],
  ])('%s', async (_, annotations, extra, cause) => {
    const x = await pendingOf(async (sb) => {
      await run(sb, ['kubectl create namespace qa', 'az group create -n other-rg -l eastus']);
      await apply(sb, svcYaml('svc', 'qa', [80], annotations, extra));
    });
    const svc = x.services.find((s) => s.name === 'svc')!;
    expect(svc.state).toBe('pending');
    expect(svc.pending!.cause).toBe(cause);
  });

  it('two Services want the same port on a shared IP', async () => {
    const x = await pendingOf(async (sb) => {
      await run(sb, ['kubectl create namespace qa', `az network public-ip create -g ${NODE_RG} -n shared --sku Standard`]);
      await apply(sb, svcYaml('a', 'qa', [80], { [`${P}azure-pip-name`]: 'shared' }));
      await apply(sb, svcYaml('b', 'qa', [80], { [`${P}azure-pip-name`]: 'shared' }));
    });
    expect(x.services.find((s) => s.name === 'b')!.pending).toMatchObject({ cause: 'port-conflict', lesson: { slug: 'many-services-shared-ips' } });
  });

  it('still being built: EnsuringLoadBalancer and nothing else yet', async () => {
    const sb = sandbox();
    await run(sb, ['kubectl create namespace qa']);
    await sb.exec('kubectl apply -f -', { stdin: svcYaml('new', 'qa', [80]) });
    await sb.advance(1000);
    const o = await outputs(sb);
    const x = explain([o.services, o.events]);
    expect(x.services[0]!.pending!.cause).toBe('in-progress');
  });

  it('without events pasted, asks for them', async () => {
    const sb = sandbox();
    await run(sb, ['kubectl create namespace qa']);
    await apply(sb, svcYaml('svc', 'qa', [80], { [`${P}azure-pip-name`]: 'nope' }));
    const o = await outputs(sb);
    const noEvents = explain([o.services]);
    expect(noEvents.services[0]!.pending).toMatchObject({ cause: 'events-not-pasted' });
    expect(noEvents.services[0]!.pending!.text).toContain('kubectl get events -A -o json');
    expect(noEvents.missing).toContain('events');
  });
});

describe('SNAT headroom', () => {
  it('fixed ports per node: used against 64,000 per outbound IP, and the room left for nodes', async () => {
    const sb = sandbox();
    sb.aks.updateLoadBalancerProfile({ allocatedOutboundPorts: 16000 });
    await sb.settle();
    const o = await outputs(sb);
    const x = explain([o.aks, o.lb]);
    const f = x.findings.find((f) => f.code === 'f.snat-fixed')!;
    expect(f.params).toMatchObject({ nodes: 3, perNode: 16000, used: 48000, capacity: 64000, free: 16000, moreNodes: 1 });
    expect(f.severity).toBe('info');
    expect(f.message).toBe('SNAT ports: 3 nodes × 16,000 ports = 48,000 of 64,000 on 1 outbound IP: room for 1 more node.');
    // No room for one more node (an upgrade adds one): a warning.
    const tight = explain([o.aks.replace('"allocatedOutboundPorts": 16000', '"allocatedOutboundPorts": 21000')]);
    expect(tight.findings.find((f) => f.code === 'f.snat-fixed')).toMatchObject({ severity: 'warning', params: { moreNodes: 0 } });
  });

  it('above 50 nodes the automatic share drops to 512 ports per node', () => {
    const aks = JSON.stringify({
      type: 'Microsoft.ContainerService/ManagedClusters',
      name: 'big',
      agentPoolProfiles: [{ count: 60 }],
      networkProfile: { outboundType: 'loadBalancer', loadBalancerProfile: { managedOutboundIPs: { count: 2 } } },
    });
    const f = explain([aks]).findings.find((f) => f.code === 'f.snat-auto')!;
    expect(f).toMatchObject({ severity: 'warning', params: { nodes: 60, perNode: 512, used: 30720, capacity: 128000 } });
  });
});
