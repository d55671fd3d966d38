/** MetalLB (L2) from the outside: kubectl against a `cloud: 'metallb'` sandbox (other-clouds §5). */
import { describe, expect, it } from 'vitest';
import type { MetalLbStore } from '../../../../src/sim/clouds/metallb/store';
import { createSandbox, type Sandbox } from '../../../../src/sim/index';
import { applyYaml, ok, serviceYaml } from '../helpers';

const POOL = `apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata:
  name: first-pool
  namespace: metallb-system
spec:
  addresses:
  - 192.168.1.240-192.168.1.241
`;
const L2 = `apiVersion: metallb.io/v1beta1
kind: L2Advertisement
metadata:
  name: example
  namespace: metallb-system
`;

async function metallb(): Promise<Sandbox> {
  const sb = createSandbox({ cloud: 'metallb' });
  await sb.cloud.ready;
  return sb;
}

const svcJson = async (sb: Sandbox, name = 'web') => JSON.parse(await ok(sb, `kubectl get svc ${name} -o json`));
const events = async (sb: Sandbox) =>
  ok(sb, 'kubectl get events --field-selector involvedObject.name=web -o custom-columns=REASON:.reason,FROM:.source.component,MESSAGE:.message --no-headers');
const store = (sb: Sandbox) => sb.cloud.runtime!.store as MetalLbStore;

describe('MetalLB L2', () => {
  it('serves IPAddressPool and L2Advertisement as metallb.io/v1beta1 kinds', async () => {
    const sb = await metallb();
    expect(await applyYaml(sb, POOL)).toBe('ipaddresspool.metallb.io/first-pool created\n');
    expect(await applyYaml(sb, L2)).toBe('l2advertisement.metallb.io/example created\n');
    expect(await ok(sb, 'kubectl get ipaddresspools -n metallb-system -o name')).toBe('ipaddresspool.metallb.io/first-pool\n');
    expect(await ok(sb, 'kubectl get crd -o name')).toContain('customresourcedefinition.apiextensions.k8s.io/ipaddresspools.metallb.io');
  });

  it('stays <pending> without a pool, silently: no event, no finalizer', async () => {
    const sb = await metallb();
    await applyYaml(sb, serviceYaml('web'));
    await sb.settle();
    const svc = await svcJson(sb);
    expect(svc.status.loadBalancer).toEqual({});
    expect(svc.metadata.finalizers).toBeUndefined();
    expect((await events(sb)).trim()).toBe('');
    expect(await ok(sb, 'kubectl get svc web')).toMatch(/web\s+LoadBalancer\s+\S+\s+<pending>\s+80:\d+\/TCP/);
  });

  it('a pool gives the Service the first free IP, then the speaker announces it from one node', async () => {
    const sb = await metallb();
    await applyYaml(sb, serviceYaml('web'));
    await sb.settle();
    await applyYaml(sb, POOL);
    await applyYaml(sb, L2);
    await sb.settle();
    const svc = await svcJson(sb);
    expect(svc.status.loadBalancer.ingress).toEqual([{ ip: '192.168.1.240', ipMode: 'VIP' }]);
    expect(svc.metadata.annotations['metallb.io/ip-allocated-from-pool']).toBe('first-pool');
    const node = store(sb).announcements.get('default/web')!.node;
    expect(await ok(sb, 'kubectl get nodes -o name')).toContain(`node/${node}\n`);
    expect((await events(sb)).split('\n').filter(Boolean)).toEqual([
      'IPAllocated    metallb-controller   Assigned IP ["192.168.1.240"]',
      `nodeAssigned   metallb-speaker      announcing from node "${node}" with protocol "layer2"`,
    ]);
    const status = JSON.parse(await ok(sb, 'kubectl get servicel2statuses -n metallb-system -o json')).items;
    expect(status.map((s: { status: { node: string; serviceName: string } }) => [s.status.node, s.status.serviceName])).toEqual([[node, 'web']]);
    expect(status[0].metadata.name).toMatch(/^l2-[a-z0-9]{5}$/);
  });

  it('without an L2Advertisement the IP is assigned but nobody announces it', async () => {
    const sb = await metallb();
    await applyYaml(sb, POOL);
    await applyYaml(sb, serviceYaml('web'));
    await sb.settle();
    expect((await svcJson(sb)).status.loadBalancer.ingress[0].ip).toBe('192.168.1.240');
    expect(store(sb).announcements.size).toBe(0);
    expect(await events(sb)).not.toContain('nodeAssigned');
  });

  it('honours metallb.io/loadBalancerIPs and reports AllocationFailed for an IP outside every pool', async () => {
    const sb = await metallb();
    await applyYaml(sb, POOL);
    await applyYaml(sb, serviceYaml('web', { annotations: { 'metallb.io/loadBalancerIPs': '192.168.1.241' } }));
    await applyYaml(sb, serviceYaml('api', { annotations: { 'metallb.universe.tf/loadBalancerIPs': '10.9.9.9' } }));
    await sb.settle();
    expect((await svcJson(sb)).status.loadBalancer.ingress[0].ip).toBe('192.168.1.241');
    expect((await svcJson(sb, 'api')).status.loadBalancer).toEqual({});
    expect(await ok(sb, 'kubectl get events --field-selector involvedObject.name=api -o custom-columns=T:.type,R:.reason,M:.message --no-headers')).toBe(
      'Warning   AllocationFailed   Failed to allocate IP for "default/api": "10.9.9.9" is not allowed in config\n',
    );
  });

  it('an exhausted pool fails with no available IPs; deleting a Service frees its IP for the next', async () => {
    const sb = await metallb();
    await applyYaml(sb, POOL);
    for (const name of ['a', 'b', 'c']) await applyYaml(sb, serviceYaml(name));
    await sb.settle();
    expect((await svcJson(sb, 'c')).status.loadBalancer).toEqual({});
    expect(await ok(sb, 'kubectl get events --field-selector involvedObject.name=c -o custom-columns=M:.message --no-headers')).toBe(
      'Failed to allocate IP for "default/c": no available IPs\n',
    );
    const freed = (await svcJson(sb, 'a')).status.loadBalancer.ingress[0].ip;
    await ok(sb, 'kubectl delete svc a');
    await sb.settle();
    expect(store(sb).allocations.has('default/a')).toBe(false);
    // A released IP makes the controller look at the Services still waiting.
    expect((await svcJson(sb, 'c')).status.loadBalancer.ingress[0].ip).toBe(freed);
  });

  it('deletion releases the IP and stops the announcement (ServiceL2Status removed)', async () => {
    const sb = await metallb();
    await applyYaml(sb, POOL);
    await applyYaml(sb, L2);
    await applyYaml(sb, serviceYaml('web'));
    await sb.settle();
    expect(await ok(sb, 'kubectl get servicel2statuses -n metallb-system -o name')).toMatch(/^servicel2status.metallb.io\/l2-/);
    await ok(sb, 'kubectl delete svc web');
    await sb.settle();
    expect(store(sb).allocations.size).toBe(0);
    expect(await ok(sb, 'kubectl get servicel2statuses -n metallb-system -o name')).toBe('');
  });
});
