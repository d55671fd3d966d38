/**
 * Multi-cloud labs: each tab's part of one save (saved lab version 2, version 1 still loads), share
 * links that carry every opened tab's log, and exercises checked in their own cloud's sandbox.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { savedFromTabs, tabLabId, tabsFromSaved } from '../../../src/lab/clouds/saved-tabs';
import { DEFAULT_PAGE_OPTIONS } from '../../../src/lab/sandbox-options';
import { parseSavedLab, readSavedLab, SAVED_LAB_VERSION, type SavedTab } from '../../../src/lab/saved-lab';
import { labKey } from '../../../src/lab/storage';
import type { LabConfig, LabSandbox } from '../../../src/lab/types';
import { evaluate } from '../../../src/learn/exercise/engine';
import { serviceExists } from '../../../src/learn/exercise/predicates';
import type { ExerciseDef, ExerciseState, Localized } from '../../../src/learn/exercise/types';
import { decodeLab, encodeLab, LIMITS, type SharedLab } from '../../../src/learn/share/codec';
import { createSandbox } from '../../../src/sim/index';
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
    expect(tabsFromSaved(read, [...clouds])).toEqual(parts);
    // A lab whose first tab was never used still keeps the others; nothing at all is no save.
    const onlyEks = savedFromTabs(DEFAULT_PAGE_OPTIONS, [...clouds], { eks: parts.eks })!;
    expect(onlyEks.recent).toEqual([]);
    expect(tabsFromSaved(parseSavedLab(JSON.parse(JSON.stringify(onlyEks)))!, [...clouds]).eks).toEqual(parts.eks);
    expect(savedFromTabs(DEFAULT_PAGE_OPTIONS, [...clouds], {})).toBeNull();
    // A tab of a cloud the lab no longer has is dropped, not replayed somewhere else.
    expect(tabsFromSaved(read, ['aks', 'gke'])).toEqual({ aks: parts.aks });
  });

  it('refuses a save whose tabs are damaged or name an unknown cloud', () => {
    const ok = { v: 2, options: DEFAULT_PAGE_OPTIONS, checkpoint: [], recent: [], history: [], answers: {} };
    expect(parseSavedLab({ ...ok, tabs: { eks: tab('a') } })?.tabs).toEqual({ eks: tab('a') });
    expect(parseSavedLab({ ...ok, tabs: { azure: tab('a') } })).toBeNull();
    expect(parseSavedLab({ ...ok, tabs: { ['__proto__']: tab('a') } })).toBeNull();
    expect(
      parseSavedLab({
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
    expect(parseSavedLab({ ...ok, tabs: [tab('a')] })).toBeNull();
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

  it('round-trip every tab', async () => {
    expect(await decodeLab(await encodeLab(lab))).toEqual({ ok: true, lab });
    const { tabs: _, ...plain } = lab;
    expect(await decodeLab(await encodeLab(plain))).toEqual({ ok: true, lab: plain });
  });

  it('refuse an unknown cloud, a damaged tab, and more commands than a link holds across all tabs', async () => {
    expect(await decodeLab(await encodeLab({ ...lab, tabs: { azure: [] } as SharedLab['tabs'] }))).toEqual({
      ok: false,
      error: 'The shared lab link names an unknown cloud.',
    });
    expect(
      (
        await decodeLab(
          await encodeLab({
            ...lab,
            tabs: {
              eks: [
                { t: 9, line: 'a' },
                { t: 1, line: 'b' },
              ],
            },
          }),
        )
      ).ok,
    ).toBe(false);
    const half = Array.from({ length: LIMITS.entries / 2 + 1 }, (_, t) => ({ t, line: 'kubectl get ns' }));
    expect(await decodeLab(await encodeLab({ ...lab, log: half, tabs: { eks: half } }))).toEqual({ ok: false, error: 'The shared lab has too many commands.' });
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
    hints: [],
    solution: [],
  });
  const exercises = [ex('aks-web'), ex('eks-web', 'eks', ['aks-web']), ex('gke-web', 'gke')];

  async function sandboxOf(cloud: 'aks' | 'eks') {
    const sandbox = createSandbox({ cloud }) as unknown as LabSandbox & { cloud: { ready: Promise<void> } };
    await sandbox.cloud.ready;
    await sandbox.exec('kubectl create deployment web --image=nginx');
    return sandbox;
  }

  it('are checked in their own cloud’s sandbox; a tab not opened is not done and says to open it', async () => {
    const aks = await sandboxOf('aks');
    const eks = await sandboxOf('eks');
    const open: Partial<Record<string, ExerciseState>> = { aks: { sandbox: aks, history: [], answers: {} } };
    const openTab = (name: string): Localized => ({ en: `Open the ${name} tab`, ko: `${name} 탭을 여세요` });
    const stateOf = (e: ExerciseDef) => open[e.cloud ?? 'aks'] ?? openTab((e.cloud ?? 'aks').toUpperCase());

    expect(evaluate(exercises, stateOf).map((s) => s.state)).toEqual(['open', 'locked', 'open']);
    await aks.exec('kubectl expose deployment web --port=80 --type=LoadBalancer');
    let statuses = evaluate(exercises, stateOf);
    expect(statuses[0]!.state).toBe('done');
    // The EKS exercise is unlocked but its tab is closed: open, with the gap naming the tab.
    expect(statuses[1]).toEqual({ id: 'eks-web', state: 'open', gaps: [openTab('EKS')] });
    open.eks = { sandbox: eks, history: [], answers: {} };
    // Opened, it is checked in EKS: the AKS Service does not count there.
    expect(evaluate(exercises, stateOf)[1]!.state).toBe('open');
    await eks.exec('kubectl expose deployment web --port=80 --type=LoadBalancer');
    statuses = evaluate(exercises, stateOf);
    expect(statuses.map((s) => s.state)).toEqual(['done', 'done', 'open']);
    // Solved before (progress) but its tab not open now: shown as solved before, not locked again.
    expect(evaluate(exercises, stateOf, new Set(['gke-web']))[2]).toEqual({ id: 'gke-web', state: 'open', gaps: [openTab('GKE')], solvedBefore: true });
  });
});
