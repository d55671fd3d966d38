/**
 * "One Service, five clusters": each exercise checked in its own cloud's sandbox, as the lab's tab
 * for that cloud starts (setup + cloudSetup). Every written solution solves its exercise from the
 * tab's initial state, and nothing is done before its solution ran.
 */
import { describe, expect, it } from 'vitest';
import { cloudSetup, clouds, exercises, setup } from '../../../../content/labs/one-service-five-clusters';
import type { CloudName } from '../../../../src/sim/options';
import { startLab } from '../../../support/lesson-lab';

/** The tab of one cloud: its sandbox and the exercises checked against it. */
const tab = (cloud: CloudName) =>
  startLab({ setup: [...setup, ...(cloudSetup[cloud] ?? [])], exercises: exercises.filter((e) => e.cloud === cloud), sandbox: { cloud } });
const byId = (id: string) => exercises.find((e) => e.id === id)!;

describe('one-service-five-clusters exercises', () => {
  it('every exercise names a tab of the lab; the tabs are the five clusters, AKS first', () => {
    expect(clouds).toEqual(['aks', 'eks', 'gke', 'metallb', 'k3s']);
    for (const ex of exercises) expect(clouds, ex.id).toContain(ex.cloud);
    // The course browser test types the first exercise's solution into the tab the lab opens on.
    expect(exercises[0]!.cloud).toBe(clouds[0]);
    expect(exercises[0]!.answer).toBeUndefined();
  });

  for (const cloud of clouds) {
    it(`${cloud}: each solution solves its exercise, in order, and only then`, async () => {
      const { state, run, statusOf } = await tab(cloud);
      const mine = exercises.filter((e) => e.cloud === cloud);
      expect(mine.length).toBeGreaterThan(0);
      for (const ex of mine) {
        expect(statusOf(ex.id).state, `${ex.id} before its solution`).not.toBe('done');
        let last = '';
        for (const line of ex.solution) {
          const r = await run(line);
          expect(r.exitCode, `${line}\n${r.stderr}`).toBe(0);
          last = r.stdout;
        }
        if (ex.answer) state.answers[ex.id] = last.trim();
        expect(statusOf(ex.id).state, `${ex.id}: ${JSON.stringify(statusOf(ex.id))}`).toBe('done');
      }
    });
  }

  it('MetalLB: a pool alone gives web an IP, but the exercise waits for the L2Advertisement', async () => {
    const { run, gaps } = await tab('metallb');
    await run('kubectl apply -f web-svc.yaml');
    expect(gaps('metallb-pool')[0]).toBe('web still shows <pending>: nothing has given it an address yet.');
    await run(
      "kubectl apply -f - <<'EOF'\napiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata:\n  name: lan\n  namespace: metallb-system\nspec:\n  addresses:\n  - 192.168.1.240-192.168.1.250\nEOF",
    );
    expect((await run("kubectl get svc web -o jsonpath='{.status.loadBalancer.ingress[0].ip}'")).stdout).toBe('192.168.1.240');
    expect(gaps('metallb-pool')[0]).toMatch(/^web has an address, but no L2Advertisement/);
  });

  it('EKS: annotating the existing Service leaves the ELB internet-facing; recreating it makes it internal', async () => {
    const { run, gaps, statusOf } = await tab('eks');
    await run('kubectl apply -f web-svc.yaml');
    await run('kubectl annotate svc web service.beta.kubernetes.io/aws-load-balancer-internal=true');
    await run('sleep 30');
    expect(gaps('eks-internal')[0]).toMatch(/^a[0-9a-f]{31}-\d{10}\.us-west-2\.elb\.amazonaws\.com is still internet-facing/);
    await byId('eks-internal').solution.reduce((p, line) => p.then(() => run(line).then(() => undefined)), Promise.resolve());
    expect(statusOf('eks-internal').state).toBe('done');
  });

  it('EKS egress: the load balancer hostname is refused with a reason, the NAT gateway address accepted', async () => {
    const { state, run, statusOf, gaps } = await tab('eks');
    await run('kubectl apply -f web-svc.yaml');
    const host = (await run("kubectl get svc web -o jsonpath='{.status.loadBalancer.ingress[0].hostname}'")).stdout;
    state.answers['eks-egress'] = host;
    expect(gaps('eks-egress')[0]).toMatch(/^That is web’s load balancer/);
    state.answers['eks-egress'] = (await run('kubectl exec deploy/web -- curl -s ifconfig.me')).stdout.trim();
    expect(statusOf('eks-egress').state).toBe('done');
  });

  it('GKE: the firewall rule answer is checked against web’s UID', async () => {
    const { state, run, gaps } = await tab('gke');
    await run('kubectl apply -f web-svc.yaml');
    state.answers['gke-firewall'] = 'k8s-fw-web';
    expect(gaps('gke-firewall')[0]).toMatch(/^Right prefix; the rest is the load balancer name/);
  });

  it('k3s: api on port 80 leaves its svclb pods Pending beside web’s', async () => {
    const { run, gaps } = await tab('k3s');
    await run('kubectl apply -f web-svc.yaml');
    await run('kubectl expose deployment api --type=LoadBalancer --port=80');
    await run('kubectl get pods -n kube-system');
    expect(gaps('k3s-hostport')[0]).toBe('api still shows <pending>: nothing has given it an address yet.');
    const pods = (await run('kubectl get pods -n kube-system -l svccontroller.k3s.cattle.io/svcname=api')).stdout;
    expect(pods.match(/\bPending\b/g)).toHaveLength(3);
  });
});
