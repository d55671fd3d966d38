/** k3s ServiceLB from the outside: kubectl against a `cloud: 'k3s'` sandbox (other-clouds §6). */
import { describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../../../src/sim/index';
import { applyYaml, ok, serviceYaml } from '../helpers';

async function k3s(): Promise<Sandbox> {
  const sb = createSandbox({ cloud: 'k3s' });
  await sb.cloud.ready;
  return sb;
}

const svcJson = async (sb: Sandbox, name = 'web') => JSON.parse(await ok(sb, `kubectl get svc ${name} -o json`));
const eventsOf = async (sb: Sandbox, name = 'web') =>
  (
    await ok(
      sb,
      `kubectl get events --field-selector involvedObject.name=${name} -o custom-columns=REASON:.reason,FROM:.source.component,MESSAGE:.message --no-headers`,
    )
  )
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split(/\s{2,}/));
const nodeIps = async (sb: Sandbox) =>
  JSON.parse(await ok(sb, 'kubectl get nodes -o json'))
    .items.map((n: { status: { addresses: { type: string; address: string }[] } }) => n.status.addresses.find((a) => a.type === 'InternalIP')!.address)
    .sort();

describe('k3s ServiceLB', () => {
  it('applies svclb-<svc>-<uid8> in kube-system, one Running pod per node, and the node IPs become EXTERNAL-IP', async () => {
    const sb = await k3s();
    await applyYaml(sb, serviceYaml('web'));
    await sb.settle();
    const svc = await svcJson(sb);
    const ds = `svclb-web-${svc.metadata.uid.slice(0, 8)}`;
    expect(await ok(sb, 'kubectl get ds -n kube-system -o name')).toBe(`daemonset.apps/${ds}\n`);
    const pods = JSON.parse(await ok(sb, 'kubectl get pods -n kube-system -o json')).items.filter((p: { metadata: { name: string } }) =>
      p.metadata.name.startsWith(ds),
    );
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(new RegExp(`^${ds}-[a-z0-9]{5}$`));
      expect(p.status.phase).toBe('Running');
      expect(p.metadata.labels).toMatchObject({ app: ds, 'svccontroller.k3s.cattle.io/svcname': 'web', 'svccontroller.k3s.cattle.io/svcnamespace': 'default' });
      expect(p.spec.containers.map((c: { name: string; image: string; ports: { hostPort: number }[] }) => [c.name, c.image, c.ports[0].hostPort])).toEqual([
        ['lb-tcp-80', 'rancher/klipper-lb:v0.4.9', 80],
      ]);
      expect(p.spec.serviceAccountName).toBe('svclb');
    }
    const ips = await nodeIps(sb);
    expect(svc.status.loadBalancer.ingress.map((i: { ip: string }) => i.ip)).toEqual(ips);
    expect(svc.metadata.finalizers).toEqual(['service.kubernetes.io/load-balancer-cleanup']);
    // Several node IPs: kubectl shows them comma-joined.
    expect(await ok(sb, 'kubectl get svc web --no-headers')).toContain(` ${ips.join(',')} `);
    expect(await eventsOf(sb)).toEqual([
      ['EnsuringLoadBalancer', 'service-controller', 'Ensuring load balancer'],
      ['AppliedDaemonSet', 'service-lb-controller', `Applied LoadBalancer DaemonSet kube-system/${ds}`],
      ['UpdatedLoadBalancer', 'service-lb-controller', `Updated LoadBalancer with new IPs: [] -> [${ips.join(' ')}]`],
    ]);
  });

  it('shows <pending> until the svclb pods run (seconds on the virtual clock)', async () => {
    const sb = await k3s();
    await applyYaml(sb, serviceYaml('web'));
    await sb.advance(1000);
    expect((await svcJson(sb)).status.loadBalancer).toEqual({});
    await sb.advance(3000);
    expect((await svcJson(sb)).status.loadBalancer.ingress).toHaveLength(3);
  });

  it('a second LoadBalancer on the same port: its svclb pods stay Pending (host port taken), the Service stays <pending>', async () => {
    const sb = await k3s();
    await applyYaml(sb, serviceYaml('web'));
    await sb.settle();
    await applyYaml(sb, serviceYaml('api'));
    await sb.settle();
    const api = await svcJson(sb, 'api');
    expect(api.status.loadBalancer).toEqual({});
    const ds = `svclb-api-${api.metadata.uid.slice(0, 8)}`;
    const out = await ok(sb, 'kubectl get pods -n kube-system --no-headers');
    const apiPods = out.split('\n').filter((l) => l.startsWith(ds));
    expect(apiPods).toHaveLength(3);
    for (const l of apiPods) expect(l).toMatch(/0\/1\s+Pending/);
    const first = apiPods[0].split(/\s+/)[0];
    const events = await ok(
      sb,
      `kubectl get events -n kube-system --field-selector involvedObject.name=${first} -o custom-columns=R:.reason,M:.message --no-headers`,
    );
    expect(events).toBe(
      "FailedScheduling   0/3 nodes are available: 1 node(s) didn't have free ports for the requested pod ports, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.\n",
    );
    // Freeing port 80 lets them run.
    await ok(sb, 'kubectl delete svc web');
    await sb.settle();
    expect((await svcJson(sb, 'api')).status.loadBalancer.ingress).toHaveLength(3);
  });

  it('deleting the Service deletes the DaemonSet and its pods, with the events in order', async () => {
    const sb = await k3s();
    await applyYaml(sb, serviceYaml('web'));
    await sb.settle();
    const uid = (await svcJson(sb)).metadata.uid as string;
    const ds = `svclb-web-${uid.slice(0, 8)}`;
    // Keep the events: change the type instead of deleting the object.
    await ok(sb, `kubectl patch svc web -p '{"spec":{"type":"ClusterIP"}}'`);
    await sb.settle();
    expect(await ok(sb, 'kubectl get ds -n kube-system -o name')).toBe('');
    expect((await ok(sb, 'kubectl get pods -n kube-system -o name')).includes(ds)).toBe(false);
    const svc = await svcJson(sb);
    expect(svc.status.loadBalancer).toEqual({});
    expect(svc.metadata.finalizers).toBeUndefined();
    expect((await eventsOf(sb)).slice(3)).toEqual([
      ['DeletingLoadBalancer', 'service-controller', 'Deleting load balancer'],
      ['DeletedDaemonSet', 'service-lb-controller', `Deleted LoadBalancer DaemonSet kube-system/${ds}`],
      ['DeletedLoadBalancer', 'service-controller', 'Deleted load balancer'],
    ]);
  });

  it('port 80 freed: the first Pending Service by name takes it, the next stays Pending; pods deleted by hand come back', async () => {
    const sb = await k3s();
    for (const name of ['web', 'api', 'blog']) {
      await applyYaml(sb, serviceYaml(name));
      await sb.settle();
    }
    const ingressOf = async (name: string) => ((await svcJson(sb, name)).status.loadBalancer.ingress ?? []).length;
    expect([await ingressOf('web'), await ingressOf('api'), await ingressOf('blog')]).toEqual([3, 0, 0]);
    await ok(sb, 'kubectl delete svc web');
    await sb.settle();
    // svclb-api-… sorts before svclb-blog-…: api's pods bind first, blog's still find port 80 taken.
    expect([await ingressOf('api'), await ingressOf('blog')]).toEqual([3, 0]);
    const podsOf = async (name: string) =>
      (await ok(sb, 'kubectl get pods -n kube-system --no-headers -o custom-columns=N:.metadata.name,P:.status.phase'))
        .split('\n')
        .filter((l) => l.startsWith(`svclb-${name}-`))
        .map((l) => l.split(/\s+/));
    // A Pending pod deleted by hand: the DaemonSet makes another, Pending again.
    const [pendingName] = (await podsOf('blog'))[0];
    await ok(sb, `kubectl delete pod -n kube-system ${pendingName}`);
    await sb.settle();
    const blog = await podsOf('blog');
    expect(blog).toHaveLength(3);
    expect(blog.map(([n]) => n)).not.toContain(pendingName);
    expect(blog.map(([, phase]) => phase)).toEqual(['Pending', 'Pending', 'Pending']);
    // A Running one: its replacement binds (port 80 is free again on that node for api's own pod only).
    const [runningName] = (await podsOf('api'))[0];
    await ok(sb, `kubectl delete pod -n kube-system ${runningName}`);
    await sb.settle();
    const api = await podsOf('api');
    expect(api.map(([n]) => n)).not.toContain(runningName);
    expect(api.map(([, phase]) => phase)).toEqual(['Running', 'Running', 'Running']);
    expect(await ingressOf('api')).toBe(3);
  });
});
