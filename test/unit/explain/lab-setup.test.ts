import { describe, expect, it } from 'vitest';
import { explain, labSetup } from '../../../src/explain/index';
import { decodeLab, encodeLab } from '../../../src/learn/share/codec';
import { createSandbox } from '../../../src/sim/index';
import { apply, NODE_RG, outputs, run, sandbox, storySandbox, svcYaml } from './fixtures';

const P = 'service.beta.kubernetes.io/';

async function rebuild(setup: ReturnType<typeof labSetup>) {
  // What the sandbox page does with a share link: options, then the log replayed.
  const encoded = await encodeLab({ v: 1, lab: 'sandbox', options: setup.options, log: setup.log });
  const decoded = await decodeLab(encoded);
  if (!decoded.ok) throw new Error(decoded.error);
  const sb = createSandbox(decoded.lab.options);
  for (const e of decoded.lab.log) {
    const r = await sb.exec(e.line, e.stdin === undefined ? undefined : { stdin: e.stdin });
    if (r.exitCode !== 0) throw new Error(`${e.line}: ${r.stderr}`);
  }
  await sb.settle();
  return sb;
}

describe('"Open in the lab": a sandbox built from what was pasted', () => {
  it("rebuilds the story's namespaces, Services, ports and the three-plus-one Public IPs", async () => {
    const o = await outputs(await storySandbox());
    const x = explain([o.services, o.publicIps, o.lb, o.aks]);
    const setup = labSetup(x);
    expect(setup.options).toEqual({
      cloud: 'aks',
      outboundType: 'loadBalancer',
      managedOutboundIPCount: 1,
      kubernetesVersion: '1.33',
      nodeCount: 3,
      networkPlugin: 'azure',
    });
    expect(setup.log.map((e) => e.line)).toEqual(['kubectl create namespace ingress-basic', 'kubectl create namespace qa', 'kubectl apply -f -']);
    const lab = await rebuild(setup);
    const again = explain([(await lab.exec('kubectl get svc -A -o json')).stdout, (await lab.exec(`az network public-ip list -g ${NODE_RG} -o json`)).stdout]);
    const shape = (e: typeof x) => e.services.map((s) => `${s.namespace}/${s.name} ${s.ports.map((p) => `${p.port}/${p.protocol}`).join(',')} ${s.state}`);
    expect(shape(again)).toEqual(shape(x));
    expect(again.publicIps.map((p) => p.role).sort()).toEqual(['outbound', 'service', 'service', 'service']);
  });

  it('keeps annotations, node count and outbound IP count; says what it could not carry over', async () => {
    const sb = sandbox({ nodeCount: 5, managedOutboundIPCount: 2, kubernetesVersion: '1.30' });
    await run(sb, ['kubectl create namespace data', `az network public-ip create -g ${NODE_RG} -n my-ip --sku Standard`]);
    await apply(sb, svcYaml('db', 'data', [5432], { [`${P}azure-load-balancer-internal`]: 'true' }));
    await apply(sb, svcYaml('web', 'data', [80], { [`${P}azure-pip-name`]: 'my-ip', [`${P}azure-load-balancer-health-probe-request-path`]: '/healthz' }));
    const ip = JSON.parse((await sb.exec(`az network public-ip show -g ${NODE_RG} -n my-ip -o json`)).stdout).ipAddress as string;
    await apply(sb, svcYaml('pinned', 'data', [8080], {}, `  loadBalancerIP: ${ip}\n`));
    const o = await outputs(sb);
    const x = explain([o.services, o.publicIps, o.aks]);
    const setup = labSetup(x);
    expect(setup.options).toMatchObject({ nodeCount: 5, managedOutboundIPCount: 2, kubernetesVersion: '1.30' });
    expect(setup.log.map((e) => e.line)).toContain(`az network public-ip create -g ${NODE_RG} -n my-ip --sku Standard`);
    expect(setup.notes.map((n) => n.code)).toEqual(['lab.ips']);
    const lab = await rebuild(setup);
    const back = explain([(await lab.exec('kubectl get svc -A -o json')).stdout]);
    expect(back.services.find((s) => s.name === 'web')!.annotations).toMatchObject({
      [`${P}azure-pip-name`]: 'my-ip',
      [`${P}azure-load-balancer-health-probe-request-path`]: '/healthz',
    });
    expect(back.services.find((s) => s.name === 'db')!.internal).toBe(true);
    expect(back.services.every((s) => s.state === 'has-ip')).toBe(true);
    expect(lab.options.nodeCount).toBe(5);
  });

  it('a very large paste stays within what a share link carries', async () => {
    const big = {
      apiVersion: 'v1',
      kind: 'List',
      items: Array.from({ length: 1000 }, (_, i) => ({
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: `svc-${i}`, namespace: `ns-${i % 20}`, uid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` },
        spec: { type: 'LoadBalancer', ports: [{ port: 80, protocol: 'TCP', nodePort: 30000 + i }], selector: { app: `a${i}` } },
        status: { loadBalancer: {} },
      })),
    };
    const setup = labSetup(explain([JSON.stringify(big)]));
    expect(setup.services).toBe(400);
    expect(setup.notes.map((n) => n.code)).toContain('lab.too-many');
    const encoded = await encodeLab({ v: 1, lab: 'sandbox', options: setup.options, log: setup.log });
    expect((await decodeLab(encoded)).ok).toBe(true);
  });
});
