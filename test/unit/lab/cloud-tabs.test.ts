/**
 * Multi-cloud labs: each tab's part of one save (saved lab version 2, version 1 still loads), share
 * links that carry every opened tab's log, and exercises checked in their own cloud's sandbox.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { inTheirTabs } from '../../../src/lab/clouds/exercises';
import { checkSharedTabs, savedFromTabs, tabLabId, tabsFromSaved } from '../../../src/lab/clouds/saved-tabs';
import { DEFAULT_PAGE_OPTIONS } from '../../../src/lab/sandbox-options';
import { parseSavedLab, readSavedLab, SAVED_LAB_VERSION, type SavedTab } from '../../../src/lab/saved-lab';
import { labKey } from '../../../src/lab/storage';
import type { LabConfig, LabSandbox } from '../../../src/lab/types';
import { availableHints, evaluate } from '../../../src/learn/exercise/engine';
import { serviceExists } from '../../../src/learn/exercise/predicates';
import type { ExerciseDef, ExerciseState } from '../../../src/learn/exercise/types';
import { checkEntry, decodeLab, encodeLab, LIMITS, type SharedLab } from '../../../src/learn/share/codec';
import { createSandbox } from '../../../src/sim/index';
import type { CloudName } from '../../../src/sim/options';
import { resetSiteStorage } from '../../../src/site/storage';
import { type MemoryStorage, memoryStorage } from '../../support/memory-storage';

let storage: MemoryStorage;
beforeEach(() => {
  resetSiteStorage();
  storage = memoryStorage();
  vi.stubGlobal('window', { localStorage: storage });
});
afterEach(() => {
  vi.unstubAllGlobals();
  resetSiteStorage();
});

const tab = (line: string, t = 0): SavedTab => ({ checkpoint: [], recent: [{ t, line }], history: [line], answers: {} });

describe('saved multi-cloud labs', () => {
  it('a version 1 save (before tabs) still loads, as version 2 with the same lab', () => {
    const v1 = {
      v: 1,
      options: DEFAULT_PAGE_OPTIONS,
      reset: 'fix-quota',
      checkpoint: [{ t: 0, line: 'kubectl create ns a' }],
      recent: [{ t: 10, line: 'kubectl get svc' }],
      history: ['kubectl create ns a', 'kubectl get svc'],
      answers: { 'count-ips': '2' },
      redo: [{ t: 20, line: 'kubectl create ns b' }],
    };
    storage.setItem(labKey('lesson', 'state'), JSON.stringify(v1));
    expect(readSavedLab('lesson')).toEqual({ ...v1, v: SAVED_LAB_VERSION });
    expect(SAVED_LAB_VERSION).toBe(2);
    // Tabs only exist from version 2 on: a version 1 value that has them is read without them.
    expect(parseSavedLab({ ...v1, tabs: { eks: tab('x') } })?.tabs).toBeUndefined();
  });

  it('keeps every opened tab: the first as the lab itself, the others under tabs, and gives each back', () => {
    const clouds = ['aks', 'eks', 'gke'] as const;
    const parts = { eks: tab('kubectl get svc -o wide', 5), aks: tab('kubectl apply -f -') };
    const saved = savedFromTabs(DEFAULT_PAGE_OPTIONS, [...clouds], parts)!;
    expect(saved.recent).toEqual(parts.aks.recent);
    expect(saved.tabs).toEqual({ eks: parts.eks });
    storage.setItem(labKey('lesson', 'state'), JSON.stringify(saved));
    const read = readSavedLab('lesson')!;
    expect(tabsFromSaved(read, [...clouds], parseSavedLab)).toEqual(parts);
    // A lab whose first tab was never used still keeps the others; nothing at all is no save.
    const onlyEks = savedFromTabs(DEFAULT_PAGE_OPTIONS, [...clouds], { eks: parts.eks })!;
    expect(onlyEks.recent).toEqual([]);
    expect(tabsFromSaved(parseSavedLab(JSON.parse(JSON.stringify(onlyEks)))!, [...clouds], parseSavedLab)?.eks).toEqual(parts.eks);
    expect(savedFromTabs(DEFAULT_PAGE_OPTIONS, [...clouds], {})).toBeNull();
    // A tab of a cloud the lab no longer has is dropped, not replayed somewhere else.
    expect(tabsFromSaved(read, ['aks', 'gke'], parseSavedLab)).toEqual({ aks: parts.aks });
  });

  it('a save whose tabs are damaged or name an unknown cloud is not used at all; a cloud the lab lacks is dropped', () => {
    const ok = { v: 2, options: DEFAULT_PAGE_OPTIONS, checkpoint: [], recent: [], history: [], answers: {} };
    const clouds: CloudName[] = ['aks', 'eks'];
    const parts = (value: unknown) => tabsFromSaved(parseSavedLab(JSON.parse(JSON.stringify(value)))!, clouds, parseSavedLab);
    expect(parts({ ...ok, tabs: { eks: tab('a') } })).toEqual({ aks: { checkpoint: [], recent: [], history: [], answers: {} }, eks: tab('a') });
    expect(parts({ ...ok, tabs: { gke: tab('a') } })).toEqual({ aks: { checkpoint: [], recent: [], history: [], answers: {} } });
    expect(parts({ ...ok, tabs: { azure: tab('a') } })).toBeNull();
    expect(
      parts(JSON.parse(`{"v":2,"options":{},"checkpoint":[],"recent":[],"history":[],"answers":{},"tabs":{"__proto__":${JSON.stringify(tab('a'))}}}`)),
    ).toBeNull();
    expect(
      parts({
        ...ok,
        tabs: {
          eks: {
            ...tab('a'),
            recent: [
              { t: 5, line: 'a' },
              { t: 1, line: 'b' },
            ],
          },
        },
      }),
    ).toBeNull();
    expect(parts({ ...ok, tabs: { eks: 'kubectl get ns' } })).toBeNull();
    expect(parts({ ...ok, tabs: [tab('a')] })).toBeNull();
  });

  it('gives each tab its own storage keys, the first keeping the lab id', () => {
    const config = { id: 'one-service', clouds: ['aks', 'eks'] } as LabConfig;
    expect(tabLabId(config, 'aks')).toBe('one-service');
    expect(tabLabId(config, 'eks')).toBe('one-service-eks');
  });
});

describe('multi-cloud share links', () => {
  const lab: SharedLab = {
    v: 1,
    lab: 'one-service',
    options: DEFAULT_PAGE_OPTIONS,
    log: [{ t: 0, line: 'kubectl apply -f -', stdin: 'kind: Namespace' }],
    tabs: { eks: [{ t: 0, line: 'kubectl get svc' }], metallb: [{ t: 3, line: 'kubectl get ipaddresspools -A' }] },
  };
  const clouds: CloudName[] = ['aks', 'eks', 'metallb'];
  /** What the lab opens from a link: the checked first log, and the other tabs once the multi-cloud lab checked them. */
  async function open(shared: SharedLab) {
    const r = await decodeLab(await encodeLab(shared));
    if (!r.ok) return r;
    return { ok: true, log: r.lab.log, tabs: checkSharedTabs(r.tabs, clouds, r.lab.log.length, checkEntry, LIMITS.entries) };
  }

  it('carry every tab', async () => {
    expect(await open(lab)).toEqual({ ok: true, log: lab.log, tabs: lab.tabs });
    const { tabs: _, ...plain } = lab;
    expect(await open(plain)).toEqual({ ok: true, log: lab.log, tabs: {} });
  });

  it('drop all their tabs when one names a cloud the lab lacks, is damaged, or the tabs hold more commands than a link may', async () => {
    expect((await open({ ...lab, tabs: { gke: [] } })) as unknown).toMatchObject({ tabs: null });
    expect((await open({ ...lab, tabs: { azure: [] } as SharedLab['tabs'] })) as unknown).toMatchObject({ tabs: null });
    expect(
      (await open({
        ...lab,
        tabs: {
          eks: [
            { t: 9, line: 'a' },
            { t: 1, line: 'b' },
          ],
        },
      })) as unknown,
    ).toMatchObject({ tabs: null });
    expect((await open({ ...lab, tabs: { eks: [{ t: -1, line: 'a' }] } })) as unknown).toMatchObject({ tabs: null });
    const half = Array.from({ length: LIMITS.entries / 2 + 1 }, (_, t) => ({ t, line: 'kubectl get ns' }));
    expect((await open({ ...lab, log: half, tabs: { eks: half } })) as unknown).toMatchObject({ ok: true, tabs: null });
    expect(checkSharedTabs([], clouds, 0, checkEntry, LIMITS.entries)).toBeNull();
  });
});

describe('exercises of a multi-cloud lab', () => {
  const ex = (id: string, cloud?: ExerciseDef['cloud'], needs?: string[]): ExerciseDef => ({
    id,
    title: { en: id, ko: id },
    task: { en: id, ko: id },
    ...(cloud ? { cloud } : {}),
    ...(needs ? { needs } : {}),
    goals: [serviceExists('default', 'web')],
    hints: [{ text: { en: 'expose it', ko: '노출하세요' }, when: ({ sandbox }) => !sandbox.kube.tryGet('Service', 'web', 'default') }],
    solution: [],
    answer: {
      prompt: { en: 'Its type?', ko: '유형은?' },
      check: ({ sandbox }, typed) =>
        (sandbox.kube.tryGet('Service', 'web', 'default') as { spec: { type: string } } | undefined)?.spec.type === typed ? { ok: true } : { ok: false },
    },
  });
  const exercises = [ex('aks-web'), ex('eks-web', 'eks', ['aks-web']), ex('gke-web', 'gke')];
  const clouds: CloudName[] = ['aks', 'eks', 'gke'];

  async function sandboxOf(cloud: 'aks' | 'eks') {
    const sandbox = createSandbox({ cloud }) as unknown as LabSandbox & { cloud: { ready: Promise<void> } };
    await sandbox.cloud.ready;
    await sandbox.exec('kubectl create deployment web --image=nginx');
    return sandbox;
  }

  it('are checked in their own cloud’s sandbox from any tab; a tab not opened is not done and says to open it', async () => {
    const aks = await sandboxOf('aks');
    const eks = await sandboxOf('eks');
    const open: Partial<Record<CloudName, ExerciseState>> = { aks: { sandbox: aks, history: [], answers: {} } };
    const defs = inTheirTabs(exercises, clouds, (c) => open[c]);
    // The panel of whichever tab is shown checks them with its own state; typed answers are the panel's.
    const answers: Record<string, string> = {};
    const panel: ExerciseState = { sandbox: aks, history: [], answers };
    const states = () => evaluate(defs, panel).map((s) => s.state);

    expect(states()).toEqual(['open', 'locked', 'open']);
    expect(evaluate(defs, panel)[2]).toEqual({
      id: 'gke-web',
      state: 'open',
      gaps: [{ en: 'Open the GKE tab: this exercise is checked in its cluster.', ko: 'GKE 탭을 여세요. 이 연습 문제는 그 클러스터에서 확인합니다.' }],
    });
    await aks.exec('kubectl expose deployment web --port=80 --type=LoadBalancer');
    answers['aks-web'] = 'LoadBalancer';
    expect(states()).toEqual(['done', 'open', 'open']);
    expect(evaluate(defs, panel)[1]).toMatchObject({ state: 'open', gaps: [{ en: 'Open the EKS tab: this exercise is checked in its cluster.' }] });
    // A hint's condition reads the exercise's tab too: none while it is closed.
    expect(availableHints(defs[1]!, panel)).toEqual([]);
    open.eks = { sandbox: eks, history: [], answers: {} };
    // Opened, it is checked in EKS: the AKS Service does not count there, and the hint applies.
    expect(evaluate(defs, panel)[1]).toMatchObject({ state: 'open', gaps: [{ en: 'There is no Service default/web yet: apply it first.' }] });
    expect(availableHints(defs[1]!, panel)).toHaveLength(1);
    await eks.exec('kubectl expose deployment web --port=80 --type=ClusterIP');
    answers['eks-web'] = 'LoadBalancer';
    // The typed answer is checked against the EKS Service (ClusterIP there), not the AKS one.
    expect(states()).toEqual(['done', 'open', 'open']);
    answers['eks-web'] = 'ClusterIP';
    expect(states()).toEqual(['done', 'done', 'open']);
    // Solved before (progress) but its tab not open now: solved before, not locked again.
    expect(evaluate(defs, panel, new Set(['gke-web']))[2]).toMatchObject({ state: 'open', solvedBefore: true });
  });
});
