/** GKE internal passthrough load balancer (the cloud provider's, no GKE subsetting) from the outside: kubectl, curl, the GCP store. */
import { describe, expect, it } from 'vitest';
import type { GcpStore } from '../../../../src/sim/clouds/gke/store';
import { createSandbox, type Sandbox } from '../../../../src/sim/index';
import { applyYaml, eventRows, ok, serviceYaml } from '../helpers';

async function gke(kubernetesVersion?: string): Promise<Sandbox> {
  const sb = createSandbox({ cloud: 'gke', ...(kubernetesVersion ? { kubernetesVersion } : {}) });
  await sb.cloud.ready;
  return sb;
}
const gcp = (sb: Sandbox) => sb.cloud.runtime!.store as GcpStore;
const svcJson = async (sb: Sandbox, name = 'web') => JSON.parse(await ok(sb, `kubectl get svc ${name} -o json`));
const eventsOf = (sb: Sandbox, name = 'web') => eventRows(sb, name);
const lbName = (uid: string) => ('a' + uid.replace(/-/g, '')).slice(0, 32);
const INTERNAL = { 'networking.gke.io/load-balancer-type': 'Internal' };
const inSubnet = (ip: string) => /^10\.128\.(\d|1[0-5])\.\d+$/.test(ip);
const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx
        ports:
        - containerPort: 80
`;

describe('GKE internal passthrough load balancer (cloud provider, instance groups)', () => {
  it('builds instance groups, health check, backend service and forwarding rule a<uid> with scheme INTERNAL and a subnet IP, then the two firewalls', async () => {
    const sb = await gke();
    await applyYaml(sb, serviceYaml('web', { annotations: INTERNAL, ports: '  - port: 80\n    name: http\n  - port: 443\n    name: https\n' }));
    await sb.settle();
    const svc = await svcJson(sb);
    const name = lbName(svc.metadata.uid);
    const g = gcp(sb);
    const fr = g.forwardingRules.get(name)!;
    expect(inSubnet(fr.IPAddress)).toBe(true);
    expect(svc.status.loadBalancer.ingress).toEqual([{ ip: fr.IPAddress, ipMode: 'VIP' }]);
    expect(fr).toMatchObject({
      loadBalancingScheme: 'INTERNAL',
      IPProtocol: 'TCP',
      ports: ['80', '443'],
      backendService: `https://www.googleapis.com/compute/v1/projects/my-project/regions/us-central1/backendServices/${name}`,
      subnetwork: 'https://www.googleapis.com/compute/v1/projects/my-project/regions/us-central1/subnetworks/default',
      description: '{"kubernetes.io/service-name":"default/web"}',
    });
    expect(fr.portRange).toBeUndefined();
    expect(fr.target).toBeUndefined();
    const bs = g.backendServices.get(name)!;
    expect(bs.loadBalancingScheme).toBe('INTERNAL');
    expect(bs.healthChecks).toEqual([`https://www.googleapis.com/compute/v1/projects/my-project/global/healthChecks/k8s-${g.clusterId}-node`]);
    expect(bs.backends.map((b) => b.group.split('/').slice(-3).join('/'))).toEqual(
      ['us-central1-a', 'us-central1-b', 'us-central1-c'].map((z) => `${z}/instanceGroups/k8s-ig--${g.clusterId}`),
    );
    expect([...g.instanceGroups.values()].flatMap((ig) => ig.instances)).toHaveLength(3);
    const hc = g.healthChecks.get(`k8s-${g.clusterId}-node`)!;
    expect([hc.region, hc.httpHealthCheck.port, hc.httpHealthCheck.requestPath, hc.checkIntervalSec, hc.timeoutSec]).toEqual([
      undefined,
      10256,
      '/healthz',
      8,
      1,
    ]);
    expect(g.firewalls.get(`k8s-fw-${name}`)).toMatchObject({
      allowed: [{ IPProtocol: 'tcp', ports: ['80', '443'] }],
      sourceRanges: ['0.0.0.0/0'],
      destinationRanges: [fr.IPAddress],
      targetTags: [g.nodeTag],
      description: `{"kubernetes.io/service-name":"default/web", "kubernetes.io/service-ip":"${fr.IPAddress}"}`,
    });
    const hcFw = g.firewalls.get(`k8s-${g.clusterId}-node-hc`)!;
    expect(hcFw.sourceRanges).toEqual(expect.arrayContaining(['35.191.0.0/16', '130.211.0.0/22']));
    expect(hcFw.allowed).toEqual([{ IPProtocol: 'tcp', ports: ['10256'] }]);
    // No target pool, no external address, no legacy HTTP health check; the held address was released.
    expect(g.targetPools.size + g.httpHealthChecks.size + g.addresses.size).toBe(0);
    expect(svc.metadata.finalizers).toEqual(['service.kubernetes.io/load-balancer-cleanup', 'gke.networking.io/l4-ilb-v1']);
    expect((await eventsOf(sb)).map((e) => e.slice(0, 3))).toEqual([
      ['Normal', 'EnsuringLoadBalancer', 'service-controller'],
      ['Normal', 'EnsuredLoadBalancer', 'service-controller'],
    ]);
  });

  it('the deprecated annotation with "internal" selects it too; allow-global-access reaches the rule; an unknown subnet fails', async () => {
    const sb = await gke();
    await applyYaml(
      sb,
      serviceYaml('web', {
        annotations: { 'cloud.google.com/load-balancer-type': 'internal', 'networking.gke.io/internal-load-balancer-allow-global-access': 'true' },
      }),
    );
    await applyYaml(sb, serviceYaml('api', { annotations: { ...INTERNAL, 'networking.gke.io/internal-load-balancer-subnet': 'ilb-subnet' } }));
    await sb.settle();
    const fr = gcp(sb).forwardingRules.get(lbName((await svcJson(sb)).metadata.uid))!;
    expect([fr.loadBalancingScheme, fr.allowGlobalAccess]).toEqual(['INTERNAL', true]);
    expect((await eventsOf(sb, 'api')).find((e) => e[1] === 'SyncLoadBalancerFailed')?.[3]).toBe(
      "Error syncing load balancer: failed to ensure load balancer: googleapi: Error 404: The resource 'projects/my-project/regions/us-central1/subnetworks/ilb-subnet' was not found, notFound",
    );
  });

  it('curl from outside the VPC times out and says why; from a pod it reaches the Service', async () => {
    const sb = await gke();
    await applyYaml(sb, deployment);
    await applyYaml(sb, serviceYaml('web', { annotations: INTERNAL }));
    await sb.settle();
    const ip = (await svcJson(sb)).status.loadBalancer.ingress[0].ip;
    const outside = await sb.exec(`curl -sS -m 5 http://${ip}/`);
    expect(outside.exitCode).toBe(28);
    const trace = await sb.exec(`curl -s --trace -m 5 http://${ip}/`);
    expect(trace.stderr).toMatch(
      /forwarding rule a[0-9a-f]{31} is INTERNAL, its address comes from subnet default \(10\.128\.0\.0\/20\).*not routable from outside the VPC/,
    );
    const pod = (await ok(sb, 'kubectl get pods -o name')).split('\n')[0];
    const inside = await sb.exec(`kubectl exec ${pod} -- curl -s http://${ip}/`);
    expect(inside.exitCode).toBe(0);
    expect(inside.stdout).toContain('Welcome to nginx!');
  });

  it('deletion removes rule, backend service, firewalls, health check and instance groups, then the finalizer', async () => {
    const sb = await gke();
    await applyYaml(sb, serviceYaml('web', { annotations: INTERNAL }));
    await sb.settle();
    await ok(sb, 'kubectl delete svc web');
    await sb.settle();
    const g = gcp(sb);
    expect(await ok(sb, 'kubectl get svc -o name')).not.toContain('service/web');
    expect(g.forwardingRules.size + g.backendServices.size + g.healthChecks.size + g.instanceGroups.size + g.addresses.size).toBe(0);
    expect([...g.firewalls.keys()].filter((n) => n.startsWith('k8s-'))).toEqual([]);
  });

  it('the shared health check and instance groups stay while another internal Service uses them', async () => {
    const sb = await gke();
    await applyYaml(sb, serviceYaml('web', { annotations: INTERNAL }));
    await applyYaml(sb, serviceYaml('api', { annotations: INTERNAL, ports: '  - port: 8080\n' }));
    await sb.settle();
    await ok(sb, 'kubectl delete svc web');
    await sb.settle();
    const g = gcp(sb);
    expect(g.forwardingRules.size).toBe(1);
    expect(g.healthChecks.has(`k8s-${g.clusterId}-node`)).toBe(true);
    expect(g.firewalls.has(`k8s-${g.clusterId}-node-hc`)).toBe(true);
    expect(g.instanceGroups.size).toBe(3);
  });

  it('switching external → internal deletes the target-pool LB and builds the internal one in one sync (new IP, same name); and back', async () => {
    const sb = await gke();
    await applyYaml(sb, serviceYaml('web'));
    await sb.settle();
    const g = gcp(sb);
    const name = lbName((await svcJson(sb)).metadata.uid);
    const externalIp = g.forwardingRules.get(name)!.IPAddress;
    await ok(sb, 'kubectl annotate svc web networking.gke.io/load-balancer-type=Internal');
    await sb.settle();
    const fr = g.forwardingRules.get(name)!;
    expect(fr.loadBalancingScheme).toBe('INTERNAL');
    expect(fr.IPAddress).not.toBe(externalIp);
    expect(inSubnet(fr.IPAddress)).toBe(true);
    expect(g.targetPools.size).toBe(0);
    expect(g.firewalls.has(`k8s-${g.clusterId}-node-http-hc`)).toBe(false);
    const svc = await svcJson(sb);
    expect(svc.status.loadBalancer.ingress[0].ip).toBe(fr.IPAddress);
    expect(svc.metadata.finalizers).toEqual(['service.kubernetes.io/load-balancer-cleanup', 'gke.networking.io/l4-ilb-v1']);
    // No Deleting/Deleted events: the provider swaps the scheme inside EnsureLoadBalancer (the two
    // events repeat, so the event recorder counts them up instead of adding rows).
    expect(await ok(sb, 'kubectl get events --field-selector involvedObject.name=web -o custom-columns=REASON:.reason,COUNT:.count --no-headers')).toMatch(
      /^EnsuringLoadBalancer\s+2\nEnsuredLoadBalancer\s+2\n$/,
    );

    await ok(sb, 'kubectl annotate svc web networking.gke.io/load-balancer-type-');
    await sb.settle();
    const back = g.forwardingRules.get(name)!;
    expect([back.loadBalancingScheme, back.target?.endsWith(`/targetPools/${name}`)]).toEqual(['EXTERNAL', true]);
    expect(g.backendServices.size + g.instanceGroups.size + g.healthChecks.size).toBe(0);
    expect((await svcJson(sb)).metadata.finalizers).toEqual(['service.kubernetes.io/load-balancer-cleanup', 'gke.networking.io/l4-netlb-v1']);
  });

  it("GKE 1.37: an internal Service is still the cloud provider's; an RBS Service switched to internal loses its k8s2 objects", async () => {
    const sb = await gke('1.37');
    await applyYaml(sb, serviceYaml('web'));
    await sb.settle();
    const g = gcp(sb);
    expect(g.backendServices.size).toBe(1);
    await ok(sb, 'kubectl annotate svc web networking.gke.io/load-balancer-type=Internal');
    await sb.settle();
    const name = lbName((await svcJson(sb)).metadata.uid);
    expect([...g.backendServices.keys()]).toEqual([name]);
    expect(g.forwardingRules.get(name)!.loadBalancingScheme).toBe('INTERNAL');
    expect(g.networkEndpointGroups.size).toBe(0);
    expect([...g.firewalls.keys()].filter((n) => n.startsWith('k8s2-'))).toEqual([]);
    expect((await svcJson(sb)).metadata.finalizers).toEqual(['service.kubernetes.io/load-balancer-cleanup', 'gke.networking.io/l4-ilb-v1']);
  });

  it('class l4-regional-external with the Internal annotation: ConflictingConfiguration, and an external load balancer', async () => {
    const sb = await gke();
    await applyYaml(sb, serviceYaml('web', { annotations: INTERNAL, spec: '  loadBalancerClass: networking.gke.io/l4-regional-external\n' }));
    await sb.settle();
    const ev = await eventsOf(sb);
    expect(ev[0]).toEqual([
      'Warning',
      'ConflictingConfiguration',
      'loadbalancer-controller',
      'loadBalancerClass conflicts with networking.gke.io/load-balancer-type: "Internal" annotation. External LoadBalancer Service provisioned.',
    ]);
    const fr = [...gcp(sb).forwardingRules.values()][0];
    expect(fr.loadBalancingScheme).toBe('EXTERNAL');
    expect(inSubnet(fr.IPAddress)).toBe(false);
  });

  it('static IPs: a reserved internal address is used by an internal Service; for an external Service it fails (S-G4)', async () => {
    const sb = await gke();
    const created = await sb.exec('gcloud compute addresses create web-ilb --region=us-central1 --subnet=default --addresses=10.128.0.50');
    expect([created.exitCode, created.stderr]).toEqual([
      0,
      'Created [https://www.googleapis.com/compute/v1/projects/my-project/regions/us-central1/addresses/web-ilb].\n',
    ]);
    await applyYaml(sb, serviceYaml('web', { annotations: INTERNAL, spec: '  loadBalancerIP: 10.128.0.50\n' }));
    await applyYaml(sb, serviceYaml('api', { spec: '  loadBalancerIP: 10.128.0.50\n' }));
    await sb.settle();
    expect((await svcJson(sb)).status.loadBalancer.ingress[0].ip).toBe('10.128.0.50');
    const apiName = lbName((await svcJson(sb, 'api')).metadata.uid);
    expect((await eventsOf(sb, 'api')).find((e) => e[1] === 'SyncLoadBalancerFailed')?.[3]).toBe(
      `Error syncing load balancer: failed to ensure load balancer: failed to create forwarding rule for load balancer (${apiName}(default/api)): googleapi: Error 400: Invalid value for field 'resource.IPAddress': '10.128.0.50'. Invalid IP address specified., invalid`,
    );
    expect(gcp(sb).addresses.get('web-ilb')!.status).toBe('IN_USE');
    // An internal Service asking for an address outside the subnet.
    await applyYaml(sb, serviceYaml('ext', { annotations: INTERNAL, spec: '  loadBalancerIP: 34.1.2.3\n' }));
    await sb.settle();
    expect((await eventsOf(sb, 'ext')).find((e) => e[1] === 'SyncLoadBalancerFailed')?.[3]).toContain(
      "Invalid value for field 'resource.IPAddress': '34.1.2.3'. Requested internal IP is outside the network/subnetwork range., invalid",
    );
  });

  it('class networking.gke.io/l4-regional-internal: ingress-gce builds k8s2-… objects with NEGs and an internal rule k8s2-tcp-…; the cloud provider stays out', async () => {
    const sb = await gke();
    await applyYaml(sb, serviceYaml('web', { spec: '  loadBalancerClass: networking.gke.io/l4-regional-internal\n' }));
    await sb.settle();
    const g = gcp(sb);
    const svc = await svcJson(sb);
    const backend = svc.metadata.annotations['service.kubernetes.io/backend-service'];
    expect(backend).toMatch(/^k8s2-[0-9a-z]{8}-default-web-[0-9a-z]{8}$/);
    const [uid8, hash8] = [backend.split('-')[1], backend.split('-').pop()];
    const frName = `k8s2-tcp-${uid8}-default-web-${hash8}`;
    expect(svc.metadata.annotations['service.kubernetes.io/tcp-forwarding-rule']).toBe(frName);
    const fr = g.forwardingRules.get(frName)!;
    expect([fr.loadBalancingScheme, fr.ports, inSubnet(fr.IPAddress)]).toEqual(['INTERNAL', ['80'], true]);
    expect(g.backendServices.get(backend)!.loadBalancingScheme).toBe('INTERNAL');
    expect(g.networkEndpointGroups.size).toBe(3);
    expect(g.instanceGroups.size + g.targetPools.size).toBe(0);
    expect(svc.metadata.finalizers).toEqual(['gke.networking.io/l4-ilb-v2']);
    expect(svc.status.loadBalancer.ingress[0].ip).toBe(fr.IPAddress);
    expect(await eventsOf(sb)).toEqual([
      ['Normal', 'ADD', 'loadbalancer-controller', 'default/web'],
      ['Normal', 'SyncLoadBalancerSuccessful', 'loadbalancer-controller', 'Successfully ensured load balancer resources'],
    ]);
    await applyYaml(sb, serviceYaml('web', { type: 'ClusterIP', spec: '  loadBalancerClass: null\n' }).replace('LoadBalancer', 'ClusterIP'));
    await sb.settle();
    expect(g.forwardingRules.size + g.backendServices.size + g.networkEndpointGroups.size).toBe(0);
    expect((await eventsOf(sb)).slice(2).map((e) => [e[1], e[3]])).toEqual([
      ['DeletingLoadBalancer', 'Deleting load balancer for default/web'],
      ['DeletedLoadBalancer', 'Deleted load balancer'],
    ]);
  });

  it('networking.gke.io/load-balancer-ip-addresses names reserved addresses for ingress-gce: internal for the ILB class, an internal one for an RBS Service fails', async () => {
    const sb = await gke('1.37');
    expect((await sb.exec('gcloud compute addresses create ilb-ip --region us-central1 --subnet default --addresses 10.128.3.3')).exitCode).toBe(0);
    const STATIC = 'networking.gke.io/load-balancer-ip-addresses';
    await applyYaml(
      sb,
      serviceYaml('web', {
        annotations: { [STATIC]: 'missing-ip,ilb-ip' },
        spec: '  loadBalancerClass: networking.gke.io/l4-regional-internal\n  loadBalancerIP: 10.128.9.9\n',
      }),
    );
    await sb.settle();
    expect((await svcJson(sb)).status.loadBalancer.ingress[0].ip).toBe('10.128.3.3');
    expect((await eventsOf(sb)).map((e) => e[1])).toContain('MixedStaticIP');
    expect(gcp(sb).addresses.get('ilb-ip')!.status).toBe('IN_USE');
    await ok(sb, 'kubectl delete svc web');
    await sb.settle();
    expect(gcp(sb).addresses.get('ilb-ip')!.status).toBe('RESERVED');
    await applyYaml(sb, serviceYaml('api', { annotations: { [STATIC]: 'ilb-ip' } }));
    await sb.settle();
    expect((await eventsOf(sb, 'api')).find((e) => e[1] === 'SyncExternalLoadBalancerFailed')?.[3]).toBe(
      "Error ensuring Resource for L4 External LoadBalancer, err: googleapi: Error 400: Invalid value for field 'resource.IPAddress': '10.128.3.3'. Invalid IP address specified., invalid",
    );
    expect(await ok(sb, 'kubectl get svc api --no-headers')).toContain('<pending>');
  });

  it("externalTrafficPolicy Local: the Service's own health check a<uid> on its healthCheckNodePort and firewall a<uid>-hc; six ports forward all ports", async () => {
    const sb = await gke();
    const ports = [80, 81, 82, 83, 84, 85].map((p) => `  - port: ${p}\n    name: p${p}\n`).join('');
    await applyYaml(sb, serviceYaml('web', { annotations: INTERNAL, ports, spec: '  externalTrafficPolicy: Local\n' }));
    await sb.settle();
    const svc = await svcJson(sb);
    const name = lbName(svc.metadata.uid);
    const g = gcp(sb);
    const hc = g.healthChecks.get(name)!;
    expect([hc.httpHealthCheck.port, hc.description]).toEqual([svc.spec.healthCheckNodePort, '{"kubernetes.io/service-name":"default/web"}']);
    expect(g.firewalls.get(`${name}-hc`)!.allowed).toEqual([{ IPProtocol: 'tcp', ports: [String(svc.spec.healthCheckNodePort)] }]);
    expect(g.healthChecks.has(`k8s-${g.clusterId}-node`)).toBe(false);
    const fr = g.forwardingRules.get(name)!;
    expect([fr.allPorts, fr.ports]).toEqual([true, undefined]);
    // The firewall merges consecutive ports into a range (getPortRanges).
    expect(g.firewalls.get(`k8s-fw-${name}`)!.allowed).toEqual([{ IPProtocol: 'tcp', ports: ['80-85'] }]);
    // Back to Cluster: the shared check replaces the Service's own, which goes with its firewall.
    await ok(sb, `kubectl patch svc web -p '{"spec":{"externalTrafficPolicy":"Cluster"}}'`);
    await sb.settle();
    expect(g.backendServices.get(name)!.healthChecks[0]).toMatch(/\/global\/healthChecks\/k8s-[0-9a-f]{16}-node$/);
    expect(g.healthChecks.has(name) || g.firewalls.has(`${name}-hc`)).toBe(false);
  });
});
