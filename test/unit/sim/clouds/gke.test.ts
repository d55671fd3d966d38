/** GKE's legacy target-pool NetLB from the outside: kubectl, and the GCP store where no CLI exists yet (other-clouds §4.2). */
import { describe, expect, it } from 'vitest';
import type { GcpStore } from '../../../../src/sim/clouds/gke/store';
import { createSandbox, type Sandbox } from '../../../../src/sim/index';
import { applyYaml, eventRows, ok, serviceYaml } from '../helpers';

async function gke(): Promise<Sandbox> {
  const sb = createSandbox({ cloud: 'gke' });
  await sb.cloud.ready;
  return sb;
}
const gcp = (sb: Sandbox) => sb.cloud.runtime!.store as GcpStore;
const svcJson = async (sb: Sandbox, name = 'web') => JSON.parse(await ok(sb, `kubectl get svc ${name} -o json`));
const eventsOf = (sb: Sandbox, name = 'web') => eventRows(sb, name);
const lbName = (uid: string) => ('a' + uid.replace(/-/g, '')).slice(0, 32);

describe('GKE legacy target-pool NetLB', () => {
  it('builds firewall, shared health check + its firewall, target pool and forwarding rule named a<uid>; EXTERNAL-IP is an IP', async () => {
    const sb = await gke();
    await applyYaml(sb, serviceYaml('web', { ports: '  - port: 80\n    name: http\n  - port: 443\n    name: https\n' }));
    await sb.settle();
    const svc = await svcJson(sb);
    const name = lbName(svc.metadata.uid);
    const g = gcp(sb);
    const fr = g.forwardingRules.get(name)!;
    expect(svc.status.loadBalancer.ingress).toEqual([{ ip: fr.IPAddress, ipMode: 'VIP' }]);
    expect(fr).toMatchObject({
      IPProtocol: 'TCP',
      portRange: '80-443',
      target: `https://www.googleapis.com/compute/v1/projects/my-project/regions/us-central1/targetPools/${name}`,
      description: '{"kubernetes.io/service-name":"default/web"}',
    });
    const fw = g.firewalls.get(`k8s-fw-${name}`)!;
    expect(fw).toMatchObject({
      allowed: [{ IPProtocol: 'tcp', ports: ['80', '443'] }],
      sourceRanges: ['0.0.0.0/0'],
      destinationRanges: [fr.IPAddress],
      targetTags: [g.nodeTag],
      priority: 1000,
    });
    expect(fw.description).toBe(`{"kubernetes.io/service-name":"default/web", "kubernetes.io/service-ip":"${fr.IPAddress}"}`);
    expect(g.nodeTag).toMatch(/^gke-cluster-1-[0-9a-f]{8}-node$/);
    const hc = g.httpHealthChecks.get(`k8s-${g.clusterId}-node`)!;
    expect([hc.port, hc.requestPath, hc.checkIntervalSec, hc.timeoutSec, hc.healthyThreshold, hc.unhealthyThreshold]).toEqual([10256, '/healthz', 8, 1, 1, 3]);
    expect(g.firewalls.get(`k8s-${g.clusterId}-node-http-hc`)!.sourceRanges).toEqual(['130.211.0.0/22', '35.191.0.0/16', '209.85.152.0/22', '209.85.204.0/22']);
    expect(g.targetPools.get(name)!.instances).toHaveLength(3);
    // The temporary address reservation is released: nothing left in `addresses list`.
    expect(g.addresses.size).toBe(0);
    expect(svc.metadata.finalizers).toEqual(['service.kubernetes.io/load-balancer-cleanup', 'gke.networking.io/l4-netlb-v1']);
    expect((await eventsOf(sb)).map((e) => e[1])).toEqual(['EnsuringLoadBalancer', 'EnsuredLoadBalancer']);
  });

  it('takes tens of seconds of virtual time (<pending> at 20 s, an IP within 60 s)', async () => {
    const sb = await gke();
    await applyYaml(sb, serviceYaml('web'));
    await sb.advance(20_000);
    expect(await ok(sb, 'kubectl get svc web --no-headers')).toContain('<pending>');
    await sb.advance(40_000);
    expect((await svcJson(sb)).status.loadBalancer.ingress[0].ip).toMatch(/^34\./);
  });

  it("externalTrafficPolicy Local: the Service's own HTTP health check a<uid> and its firewall k8s-a<uid>-http-hc, described with the service IP", async () => {
    const sb = await gke();
    await applyYaml(sb, serviceYaml('web', { spec: '  externalTrafficPolicy: Local\n' }));
    await sb.settle();
    const svc = await svcJson(sb);
    const name = lbName(svc.metadata.uid);
    const g = gcp(sb);
    const ip = g.forwardingRules.get(name)!.IPAddress;
    expect(g.httpHealthChecks.get(name)!.port).toBe(svc.spec.healthCheckNodePort);
    expect(g.firewalls.get(`k8s-${name}-http-hc`)).toMatchObject({
      allowed: [{ IPProtocol: 'tcp', ports: [String(svc.spec.healthCheckNodePort)] }],
      priority: 1000,
      targetTags: [g.nodeTag],
      description: `{"kubernetes.io/service-name":"default/web", "kubernetes.io/service-ip":"${ip}"}`,
    });
    expect(g.firewalls.has(`k8s-${g.clusterId}-node-http-hc`)).toBe(false);
  });

  it('deletion removes firewalls, rule, pool; the shared health check stays while another pool uses it', async () => {
    const sb = await gke();
    await applyYaml(sb, serviceYaml('web'));
    await applyYaml(sb, serviceYaml('api', { ports: '  - port: 8080\n' }));
    await sb.settle();
    const g = gcp(sb);
    const web = lbName((await svcJson(sb)).metadata.uid);
    await ok(sb, 'kubectl delete svc web');
    await sb.settle();
    expect(await ok(sb, 'kubectl get svc -o name')).not.toContain('service/web');
    expect([g.forwardingRules.has(web), g.targetPools.has(web), g.firewalls.has(`k8s-fw-${web}`)]).toEqual([false, false, false]);
    expect(g.httpHealthChecks.has(`k8s-${g.clusterId}-node`)).toBe(true);
    await ok(sb, 'kubectl delete svc api');
    await sb.settle();
    expect(g.httpHealthChecks.size).toBe(0);
    expect([...g.firewalls.keys()].filter((n) => n.startsWith('k8s-'))).toEqual([]);
  });

  it('a loadBalancerIP that is not a reserved regional address is refused', async () => {
    const sb = await gke();
    await applyYaml(sb, serviceYaml('web', { spec: '  loadBalancerIP: 35.1.2.3\n' }));
    await sb.settle();
    expect((await eventsOf(sb))[1]).toEqual([
      'Warning',
      'SyncLoadBalancerFailed',
      'service-controller',
      'Error syncing load balancer: failed to ensure load balancer: requested ip "35.1.2.3" is neither static nor assigned to the LB',
    ]);
    gcp(sb).addresses.set('web-ip', {
      name: 'web-ip',
      address: '35.1.2.3',
      addressType: 'EXTERNAL',
      region: 'us-central1',
      status: 'RESERVED',
      description: '',
      networkTier: 'PREMIUM',
    });
    await ok(sb, `kubectl annotate svc web retry=1`);
    await sb.settle();
    expect((await svcJson(sb)).status.loadBalancer.ingress[0].ip).toBe('35.1.2.3');
    expect(gcp(sb).addresses.get('web-ip')!.status).toBe('IN_USE');
  });

  it('egress leaves with the node external IP, never the forwarding rule IP', async () => {
    const sb = await gke();
    await applyYaml(sb, serviceYaml('web'));
    await sb.settle();
    const ip = (await svcJson(sb)).status.loadBalancer.ingress[0].ip;
    const natIps = [...gcp(sb).instances.values()].map((i) => i.natIP);
    expect(natIps).toHaveLength(3);
    expect(natIps).not.toContain(ip);
  });
});

describe('GKE backend-service NetLB (RBS, ingress-gce)', () => {
  it('L4 names match upstream test vectors (first bytes of sha256 mod 36)', async () => {
    const { contentHash, L4Namer } = await import('../../../../src/sim/clouds/gke/l4-names');
    expect(contentHash('kubesystem-uid1', 8)).toBe('7kpbhpki');
    expect(new L4Namer('kubesystem-uid1').backend('namespace', 'name')).toBe('k8s2-7kpbhpki-namespace-name-956p2p7x');
  });

  it('GKE 1.37 default: backend service, NEGs, shared health check, names written back; the CCM only says EnsuringLoadBalancer', async () => {
    const sb = createSandbox({ cloud: 'gke', kubernetesVersion: '1.37' });
    await sb.cloud.ready;
    await applyYaml(sb, serviceYaml('web'));
    await sb.settle();
    const svc = await svcJson(sb);
    const g = gcp(sb);
    const { L4Namer } = await import('../../../../src/sim/clouds/gke/l4-names');
    const namer = new L4Namer(JSON.parse(await ok(sb, 'kubectl get ns kube-system -o json')).metadata.uid);
    const backend = namer.backend('default', 'web');
    expect(backend).toMatch(/^k8s2-[0-9a-z]{8}-default-web-[0-9a-z]{8}$/);
    const fr = g.forwardingRules.get(lbName(svc.metadata.uid))!;
    expect(fr.backendService).toBe(`https://www.googleapis.com/compute/v1/projects/my-project/regions/us-central1/backendServices/${backend}`);
    expect(fr.target).toBeUndefined();
    expect(svc.status.loadBalancer.ingress).toEqual([{ ip: fr.IPAddress, ipMode: 'VIP' }]);
    expect(g.targetPools.size).toBe(0);
    expect(g.backendServices.get(backend)!.healthChecks).toEqual([
      `https://www.googleapis.com/compute/v1/projects/my-project/regions/us-central1/healthChecks/${namer.sharedHealthCheck()}`,
    ]);
    expect([...g.networkEndpointGroups.values()].every((n) => n.name === backend && n.networkEndpointType === 'GCE_VM_IP')).toBe(true);
    expect(g.firewalls.get(backend)!.destinationRanges).toEqual([fr.IPAddress]);
    expect(g.firewalls.has(namer.sharedHealthCheckFirewall())).toBe(true);
    expect(svc.metadata.annotations).toMatchObject({
      'service.kubernetes.io/backend-service': backend,
      'service.kubernetes.io/firewall-rule': backend,
      'service.kubernetes.io/healthcheck': namer.sharedHealthCheck(),
      'service.kubernetes.io/firewall-rule-for-hc': namer.sharedHealthCheckFirewall(),
      'service.kubernetes.io/tcp-forwarding-rule': fr.name,
    });
    expect(svc.metadata.finalizers).toEqual(['service.kubernetes.io/load-balancer-cleanup', 'gke.networking.io/l4-netlb-v3']);
    expect((await eventsOf(sb)).map((e) => [e[1], e[2]])).toEqual([
      ['EnsuringLoadBalancer', 'service-controller'],
      ['ADD', 'loadbalancer-controller'],
      ['SyncLoadBalancerSuccessful', 'loadbalancer-controller'],
    ]);

    await ok(sb, 'kubectl delete svc web');
    await sb.settle();
    expect(await ok(sb, 'kubectl get svc -o name')).not.toContain('service/web');
    expect([g.forwardingRules.size, g.backendServices.size, g.networkEndpointGroups.size, g.healthChecks.size]).toEqual([0, 0, 0, 0]);
    expect([...g.firewalls.keys()].filter((n) => n.startsWith('k8s'))).toEqual([]);
  });

  it('before 1.37 the cloud.google.com/l4-rbs annotation opts in; legacy stays the default', async () => {
    const sb = await gke();
    await applyYaml(sb, serviceYaml('web', { annotations: { 'cloud.google.com/l4-rbs': 'enabled' } }));
    await applyYaml(sb, serviceYaml('old'));
    await sb.settle();
    expect(gcp(sb).backendServices.size).toBe(1);
    expect(gcp(sb).targetPools.size).toBe(1);
  });
});
