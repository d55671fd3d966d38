/** Fidelity fixes from review: each asserts the exact text the real API server / CLI prints. */
import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../../src/sim/index';

const svc = (name: string, spec: string, ports = '  - port: 80\n') =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n${spec}  selector:\n    app: ${name}\n  ports:\n${ports}`;

async function fails(yaml: string, line = 'kubectl apply -f -') {
  const sb = createSandbox();
  const r = await sb.exec(line, { stdin: yaml });
  expect(r.exitCode).toBe(1);
  return r.stderr;
}

describe('mistyped enum values are validation errors (Unsupported value), not decode errors', () => {
  it('spec.type', async () => {
    expect(await fails(svc('bt', '  type: Loadbalancer\n'))).toBe(
      'The Service "bt" is invalid: spec.type: Unsupported value: "Loadbalancer": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"\n',
    );
  });
  it('spec.ports[0].protocol', async () => {
    expect(await fails(svc('bt', '  type: LoadBalancer\n', '  - port: 80\n    protocol: tcp\n'))).toBe(
      'The Service "bt" is invalid: spec.ports[0].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"\n',
    );
  });
  it('spec.externalTrafficPolicy', async () => {
    expect(await fails(svc('bt', '  type: LoadBalancer\n  externalTrafficPolicy: local\n'))).toBe(
      'The Service "bt" is invalid: spec.externalTrafficPolicy: Unsupported value: "local": supported values: "Cluster", "Local"\n',
    );
  });
  it('spec.sessionAffinity', async () => {
    expect(await fails(svc('bt', '  sessionAffinity: Sticky\n'))).toBe(
      'The Service "bt" is invalid: spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"\n',
    );
  });
  it('spec.internalTrafficPolicy, spec.ipFamilyPolicy, spec.ipFamilies', async () => {
    expect(await fails(svc('bt', '  internalTrafficPolicy: local\n'))).toBe(
      'The Service "bt" is invalid: spec.internalTrafficPolicy: Unsupported value: "local": supported values: "Cluster", "Local"\n',
    );
    expect(await fails(svc('bt', '  ipFamilyPolicy: singlestack\n'))).toBe(
      'The Service "bt" is invalid: spec.ipFamilyPolicy: Unsupported value: "singlestack": supported values: "PreferDualStack", "RequireDualStack", "SingleStack"\n',
    );
    expect(await fails(svc('bt', '  ipFamilies: [ipv4]\n'))).toBe(
      'The Service "bt" is invalid: spec.ipFamilies[0]: Unsupported value: "ipv4": supported values: "IPv4", "IPv6"\n',
    );
  });
  it('two mistyped enums are both reported; a later type error is still a decode error', async () => {
    expect(await fails(svc('bt', '  type: Loadbalancer\n  sessionAffinity: Sticky\n'))).toBe(
      'The Service "bt" is invalid: \n* spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"\n* spec.type: Unsupported value: "Loadbalancer": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"\n',
    );
    expect(await fails(svc('bt', '  type: Loadbalancer\n', '  - port: "80x"\n'))).toContain(
      'json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32',
    );
  });
  it('a kind without its own enum validation still gets Unsupported value (Pod restartPolicy)', async () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  restartPolicy: always\n  containers:\n  - name: c\n    image: nginx\n';
    expect(await fails(pod)).toMatch(
      /^The Pod "p" is invalid: spec.restartPolicy: Unsupported value: "always": supported values: "Always", "Never", "OnFailure"\n$/,
    );
  });
  it('on update too: kubectl patch and a re-apply', async () => {
    const sb = createSandbox();
    await sb.exec('kubectl apply -f -', { stdin: svc('web', '  type: ClusterIP\n') });
    const p = await sb.exec(`kubectl patch svc web -p '{"spec":{"type":"Nodeport"}}'`);
    expect(p.stderr).toBe(
      'The Service "web" is invalid: spec.type: Unsupported value: "Nodeport": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"\n',
    );
    const a = await sb.exec('kubectl apply -f -', { stdin: svc('web', '  type: ClusterIP\n', '  - port: 80\n    protocol: udp\n') });
    expect(a.stderr).toBe('The Service "web" is invalid: spec.ports[0].protocol: Unsupported value: "udp": supported values: "SCTP", "TCP", "UDP"\n');
    expect((await sb.exec('kubectl get svc web -o jsonpath={.spec.type}/{.spec.ports[0].protocol}')).stdout).toBe('ClusterIP/TCP');
  });
  it('a well-typed Service still applies', async () => {
    const sb = createSandbox();
    const r = await sb.exec('kubectl apply -f -', { stdin: svc('ok', '  type: LoadBalancer\n  externalTrafficPolicy: Local\n') });
    expect(r.stderr + r.stdout).toBe('service/ok created\n');
  });
});

describe('duplicate Service ports', () => {
  it('two (TCP, 80) entries: Duplicate value with the Go %#v of the ServicePort key', async () => {
    const ports = '  - name: a\n    port: 80\n  - name: b\n    port: 80\n    targetPort: 8080\n';
    expect(await fails(svc('a5', '  type: ClusterIP\n', ports))).toBe(
      'The Service "a5" is invalid: spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}\n',
    );
  });
  it('the same port on TCP and UDP is fine', async () => {
    const sb = createSandbox();
    const ports = '  - name: a\n    port: 53\n  - name: b\n    port: 53\n    protocol: UDP\n';
    const r = await sb.exec('kubectl apply -f -', { stdin: svc('dns', '  type: ClusterIP\n', ports) });
    expect(r.stderr + r.stdout).toBe('service/dns created\n');
  });
});

describe('system namespaces may not be deleted', () => {
  it.each(['default', 'kube-system', 'kube-public'])('kubectl delete ns %s is Forbidden', async (ns) => {
    const sb = createSandbox();
    const r = await sb.exec(`kubectl delete ns ${ns}`);
    expect(r.stderr).toBe(`Error from server (Forbidden): namespaces "${ns}" is forbidden: this namespace may not be deleted\n`);
    expect(r.exitCode).toBe(1);
    expect((await sb.exec(`kubectl get ns ${ns} -o jsonpath={.status.phase}`)).stdout).toBe('Active');
  });
  it('other namespaces still delete', async () => {
    const sb = createSandbox();
    await sb.exec('kubectl create ns scratch');
    const r = await sb.exec('kubectl delete ns scratch');
    expect(r.stderr + r.stdout).toBe('namespace "scratch" deleted\n');
  });
});

describe('negative replicas', () => {
  const workload = (kind: string, name: string) =>
    `apiVersion: apps/v1\nkind: ${kind}\nmetadata:\n  name: ${name}\nspec:\n  replicas: -1\n  selector:\n    matchLabels:\n      app: ${name}\n  template:\n    metadata:\n      labels:\n        app: ${name}\n    spec:\n      containers:\n      - name: c\n        image: nginx\n`;
  it('Deployment', async () => {
    expect(await fails(workload('Deployment', 'd2'))).toBe(
      'The Deployment "d2" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n',
    );
  });
  it('StatefulSet', async () => {
    expect(await fails(workload('StatefulSet', 's2'))).toBe(
      'The StatefulSet "s2" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n',
    );
  });
  it('scaling to 0 is still fine', async () => {
    const sb = createSandbox();
    await sb.exec('kubectl create deployment web --image=nginx');
    expect((await sb.exec('kubectl scale deployment web --replicas=0')).stdout).toBe('deployment.apps/web scaled\n');
  });
});

describe('Azure network resources', () => {
  const RG = 'MC_myResourceGroup_myAKSCluster_eastus';
  const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  const json = async (sb: ReturnType<typeof createSandbox>, line: string) => {
    const r = await sb.exec(`${line} -o json`);
    expect(r.stderr).toBe('');
    return JSON.parse(r.stdout);
  };
  type Pool = { name: string; loadBalancerBackendAddresses: { name: string; networkInterfaceIPConfiguration: { id: string } }[] };

  it('backend pool addresses: one GUID name per node, the same in every sandbox with that seed', async () => {
    const sb = createSandbox({ nodeCount: 3 });
    const pools = (await json(sb, `az network lb show -g ${RG} -n kubernetes`)).backendAddressPools as Pool[];
    for (const pool of pools) {
      const names = pool.loadBalancerBackendAddresses.map((a) => a.name);
      expect(names).toHaveLength(3);
      for (const n of names) expect(n).toMatch(GUID);
      expect(new Set(names).size).toBe(3);
    }
    const again = (await json(createSandbox({ nodeCount: 3 }), `az network lb show -g ${RG} -n kubernetes`)).backendAddressPools as Pool[];
    expect(again.map((p) => p.loadBalancerBackendAddresses.map((a) => a.name))).toEqual(pools.map((p) => p.loadBalancerBackendAddresses.map((a) => a.name)));
  });

  it('resourceGuid: a GUID on the LB, PIPs, NSG and VNet, distinct, kept across updates', async () => {
    const sb = createSandbox();
    await sb.exec('kubectl apply -f -', { stdin: svc('web', '  type: LoadBalancer\n') });
    await sb.settle();
    const lb = await json(sb, `az network lb show -g ${RG} -n kubernetes`);
    const pips = (await json(sb, `az network public-ip list -g ${RG}`)) as { name: string; resourceGuid: string }[];
    const nsgs = (await json(sb, `az network nsg list -g ${RG}`)) as { resourceGuid: string }[];
    const vnets = (await json(sb, `az network vnet list -g ${RG}`)) as { resourceGuid: string }[];
    const guids = [lb.resourceGuid, ...pips.map((p) => p.resourceGuid), ...nsgs.map((n) => n.resourceGuid), ...vnets.map((v) => v.resourceGuid)];
    expect(pips.length).toBe(2);
    expect(guids.length).toBe(5);
    for (const g of guids) expect(g).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(new Set(guids).size).toBe(guids.length);
    // A second Service rewrites the LB (new rules) and the NSG: their GUIDs stay.
    await sb.exec('kubectl apply -f -', { stdin: svc('api', '  type: LoadBalancer\n', '  - port: 443\n') });
    await sb.settle();
    expect((await json(sb, `az network lb show -g ${RG} -n kubernetes`)).resourceGuid).toBe(lb.resourceGuid);
    expect(((await json(sb, `az network nsg list -g ${RG}`)) as { resourceGuid: string }[])[0].resourceGuid).toBe(nsgs[0].resourceGuid);
  });

  it('the internal LB the CCM creates gets a resourceGuid too', async () => {
    const sb = createSandbox();
    const yaml = svc('ilb', '  type: LoadBalancer\n').replace(
      'metadata:\n',
      'metadata:\n  annotations:\n    service.beta.kubernetes.io/azure-load-balancer-internal: "true"\n',
    );
    const r = await sb.exec('kubectl apply -f -', { stdin: yaml });
    expect(r.stderr).toBe('');
    await sb.settle();
    const ilb = await json(sb, `az network lb show -g ${RG} -n kubernetes-internal`);
    expect(ilb.resourceGuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});
