/**
 * The change feed ("What just happened", issue 12): after a command that changed the world, the
 * Azure changes the cloud provider made in answer, as lines that open the portal where they show.
 */
import { describe, expect, it } from 'vitest';
import type { Change } from '../../../src/lab/changes/derive';
import { changeText } from '../../../src/lab/changes/strings';
import { changeTracker, MAX_BATCHES } from '../../../src/lab/changes/tracker';
import { createLabStore } from '../../../src/lab/store';
import type { LabSandbox } from '../../../src/lab/types';
import { createSandbox } from '../../../src/sim/index';

const SERVICE = (name: string, port: number) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  type: LoadBalancer
  ports:
  - port: ${port}
  selector:
    app: ${name}
`;

async function lab(options: Record<string, unknown> = {}) {
  const sandbox = createSandbox(options) as unknown as LabSandbox;
  const store = createLabStore(sandbox);
  const tracker = changeTracker(store, sandbox);
  const settle = async () => {
    store.getState().setSpeed('skip');
    await store.getState().tick(0);
  };
  return { sandbox, store, tracker, settle };
}

const summary = (changes: Change[]) => changes.map((c) => `${c.action} ${c.kind} ${c.name}`);

describe('the change feed', () => {
  it('is empty until a command changes something, and a read-only command opens no batch', async () => {
    const { store, tracker } = await lab();
    expect(tracker.batches()).toEqual([]);
    await store.getState().exec('kubectl get svc -A');
    expect(tracker.batches()).toEqual([]);
  });

  it('after Apply of a LoadBalancer Service: the Public IP, the frontend, the rule, the probe and the NSG rule', async () => {
    const { store, tracker, settle, sandbox } = await lab();
    await store.getState().apply(SERVICE('web', 80));
    // Kubernetes changed at once; Azure has not answered yet.
    expect(tracker.batches()).toHaveLength(1);
    expect(tracker.batches()[0]!.command).toBe('kubectl apply -f -');
    expect(tracker.batches()[0]!.changes).toEqual([]);

    await settle();
    const [batch] = tracker.batches();
    const svc = sandbox.kube.list('Service').find((s) => s.metadata.name === 'web')!;
    const uid = `a${svc.metadata.uid!.replace(/-/g, '')}`.slice(0, 32);
    expect(summary(batch!.changes).slice(0, 4)).toEqual([
      `added publicIp kubernetes-${uid}`,
      `added frontend ${uid}`,
      `added rule ${uid}-TCP-80`,
      `added probe ${uid}-TCP-80`,
    ]);
    expect(batch!.changes.map((c) => c.kind)).toEqual(['publicIp', 'frontend', 'rule', 'probe', 'securityRule']);
    const nsgRule = batch!.changes[4]!;
    expect(nsgRule.parentName).toMatch(/^aks-agentpool-\d+-nsg$/);
    expect(nsgRule.name).toMatch(/^k8s-azure-lb_allow_IPv4_[0-9a-f]{32}$/);

    // Each line opens the portal where the part shows.
    const [pip, frontend, rule, probe] = batch!.changes;
    expect(pip!.path).toEqual(['resource', pip!.id]);
    expect(sandbox.arm.get(pip!.id)?.type).toBe('Microsoft.Network/publicIPAddresses');
    expect(frontend!.path).toEqual(['resource', frontend!.parentId, 'frontends']);
    expect(rule!.path.at(-1)).toBe('rules');
    expect(probe!.path.at(-1)).toBe('probes');
    expect(nsgRule.path.at(-1)).toBe('inbound');
    expect(sandbox.arm.get(frontend!.parentId!)?.name).toBe('kubernetes');

    // Worded for a learner, in both languages.
    expect(changeText(pip!, 'en')).toBe(`Public IP kubernetes-${uid} created`);
    expect(changeText(frontend!, 'en')).toBe(`frontend ${uid} added to kubernetes`);
    expect(changeText(rule!, 'ko')).toBe(`kubernetes에 부하 분산 규칙 ${uid}-TCP-80 추가됨`);
    expect(changeText(pip!, 'ko')).toBe(`공용 IP 주소 kubernetes-${uid} 생성됨`);

    // The diagram marks the same parts.
    const marked = tracker.latestIds();
    for (const c of batch!.changes) expect(marked.has(c.id.toLowerCase())).toBe(true);
  });

  it('deleting the Service lists the removals and keeps the earlier batch, frozen', async () => {
    const { store, tracker, settle } = await lab();
    await store.getState().apply(SERVICE('web', 80));
    await settle();
    const added = tracker.batches()[0]!.changes.length;
    await store.getState().exec('kubectl delete svc web');
    await settle();
    const [removal, apply] = tracker.batches();
    expect(removal!.command).toBe('kubectl delete svc web');
    expect(new Set(removal!.changes.map((c) => c.action))).toEqual(new Set(['removed']));
    expect(removal!.changes.map((c) => c.kind)).toEqual(['publicIp', 'frontend', 'rule', 'probe', 'securityRule']);
    // A removed rule opens its load balancer; a removed Public IP its resource group's list (with the "removed" row).
    expect(removal!.changes[0]!.path[0]).toBe('rg');
    expect(removal!.changes[2]!.path).toEqual(['resource', removal!.changes[2]!.parentId, 'rules']);
    expect(apply!.changes).toHaveLength(added);
    expect(tracker.latestIds().size).toBe(0);
  });

  it('a second managed outbound IP: a new Public IP, a new frontend and the outbound rule changed', async () => {
    const { store, tracker, settle } = await lab();
    await store.getState().exec('az aks update -g myResourceGroup -n myAKSCluster --load-balancer-managed-outbound-ip-count 2');
    await settle();
    const [batch] = tracker.batches();
    expect(summary(batch!.changes).map((s) => s.split(' ').slice(0, 2).join(' '))).toEqual(
      expect.arrayContaining(['added publicIp', 'added frontend', 'changed outboundRule']),
    );
    const rule = batch!.changes.find((c) => c.kind === 'outboundRule')!;
    expect(changeText(rule, 'en')).toBe('outbound rule aksOutboundRule changed in kubernetes');
  });

  it('a failed Azure call is a line of its own (Public IP quota)', async () => {
    const { store, tracker, settle } = await lab({ faults: { publicIPQuota: 1 } });
    await store.getState().apply(SERVICE('web', 80));
    await settle();
    const failed = tracker.batches()[0]!.changes.filter((c) => c.action === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.kind).toBe('publicIp');
    expect(failed[0]!.path).toEqual(['activity']);
    expect(changeText(failed[0]!, 'en')).toMatch(/^Public IP kubernetes-a[0-9a-f]{31}: call failed \(\w+\)$/);
  });

  it(`keeps the last ${MAX_BATCHES} batches`, async () => {
    const { store, tracker } = await lab();
    for (let i = 0; i < MAX_BATCHES + 3; i++) await store.getState().exec(`kubectl create namespace n${i}`);
    expect(tracker.batches()).toHaveLength(MAX_BATCHES);
    expect(tracker.batches()[0]!.command).toBe(`kubectl create namespace n${MAX_BATCHES + 2}`);
  });
});

describe('compact feed lines', () => {
  it('show a rule by its port, a frontend by its load balancer, an NSG rule by its kind', async () => {
    const { compactChange } = await import('../../../src/lab/changes/strings');
    const { store, tracker, settle } = await lab();
    await store.getState().apply(SERVICE('web', 80));
    await settle();
    const text = (c: Change, l: 'en' | 'ko') =>
      compactChange(c, l)
        .map((s) => (typeof s === 'string' ? s : s.name))
        .join('');
    const lines = tracker.batches()[0]!.changes;
    expect(lines.map((c) => text(c, 'en'))).toEqual([
      `Public IP ${lines[0]!.name} created`,
      'frontend added to kubernetes',
      'rule …-TCP-80 added',
      'health probe …-TCP-80 added',
      'NSG rule added',
    ]);
    expect(lines.map((c) => text(c, 'ko'))).toEqual([
      `공용 IP 주소 ${lines[0]!.name} 생성됨`,
      'kubernetes에 프런트 엔드 IP 구성 추가됨',
      '부하 분산 규칙 …-TCP-80 추가됨',
      '상태 프로브 …-TCP-80 추가됨',
      '인바운드 보안 규칙 추가됨',
    ]);
  });
});
