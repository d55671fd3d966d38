/**
 * A started lab survives a reload: it is saved as its options, command log, history and answers,
 * and rebuilt by replaying the log. Damaged saves are set aside and never crash; a full storage is
 * reported and keeps the previous save.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { replayOrder } from '../../../src/lab/command-log';
import { replay } from '../../../src/lab/replay';
import { DEFAULT_PAGE_OPTIONS, toSandboxOptions } from '../../../src/lab/sandbox-options';
import { forgetLab, parseSavedLab, readSavedLab, SAVED_LAB_VERSION, type SavedLab, saveLab, worthSaving } from '../../../src/lab/saved-lab';
import { labKey, writeJson } from '../../../src/lab/storage';
import { createLabStore } from '../../../src/lab/store';
import type { LabSandbox } from '../../../src/lab/types';
import { createSandbox } from '../../../src/sim/index';
import { hasSavedLab } from '../../../src/site/lab-resume';
import { resetSiteStorage, storageProblem } from '../../../src/site/storage';
import { type MemoryStorage, memoryStorage } from '../../support/memory-storage';

const NODE_RG = 'MC_myResourceGroup_myAKSCluster_eastus';
const SVC = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: LoadBalancer
  ports:
  - port: 80
  selector:
    app: web
`;

let storage: MemoryStorage;
function useStorage(s: MemoryStorage) {
  storage = s;
  vi.stubGlobal('window', { localStorage: s });
}
beforeEach(() => {
  resetSiteStorage();
  useStorage(memoryStorage());
});
afterEach(() => {
  vi.unstubAllGlobals();
  resetSiteStorage();
});

/** What the lab boot does on start: set-up, then the saved log replayed at its virtual times. */
async function build(options: Record<string, unknown>, saved?: SavedLab) {
  const sandbox = createSandbox(options) as unknown as LabSandbox;
  await sandbox.exec('kubectl create deployment web --image=nginx');
  await sandbox.settle();
  const startedAt = sandbox.clock.now();
  const results = saved ? await replay(sandbox, [...saved.checkpoint, ...saved.recent], startedAt) : [];
  await sandbox.settle();
  const store = createLabStore(
    sandbox,
    saved ? { log: saved.recent, checkpoint: saved.checkpoint, startedAt, history: saved.history, answers: saved.answers } : { startedAt },
  );
  return { sandbox, store, results };
}

const view = async (sandbox: LabSandbox) => [
  (await sandbox.exec('kubectl get svc -A')).stdout,
  (await sandbox.exec(`az network public-ip list -g ${NODE_RG} --query "[].{n:name, ip:ipAddress}" -o tsv`)).stdout,
];

function saveOf(store: ReturnType<typeof createLabStore>): SavedLab {
  const { commands, history, answers } = store.getState();
  return { v: SAVED_LAB_VERSION, options: DEFAULT_PAGE_OPTIONS, checkpoint: commands.checkpoint, recent: commands.recent, history, answers };
}

describe('saving and resuming a lab', () => {
  it('rebuilds the same Services, Public IPs, history and answers from what was saved (through JSON)', async () => {
    const first = await build(toSandboxOptions(DEFAULT_PAGE_OPTIONS));
    await first.store.getState().apply(SVC);
    await first.sandbox.advance(12_000);
    await first.store.getState().exec(`az network public-ip list -g ${NODE_RG} -o table`);
    await first.store.getState().exec('kubectl annotate svc web note=kept');
    first.store.getState().setAnswer('egress-ip', '1.2.3.4');
    await first.sandbox.settle();
    expect(saveLab('lesson', saveOf(first.store))).toBe(true);
    expect(hasSavedLab('lesson')).toBe(true);

    const saved = readSavedLab('lesson')!;
    expect(saved.history).toEqual(['kubectl apply -f -', `az network public-ip list -g ${NODE_RG} -o table`, 'kubectl annotate svc web note=kept']);
    const again = await build(toSandboxOptions(saved.options), saved);
    expect(await view(again.sandbox)).toEqual(await view(first.sandbox));
    expect((await view(again.sandbox))[0]).toMatch(/web\s+LoadBalancer\s+10\.0\.\d+\.\d+\s+\d+\.\d+\.\d+\.\d+/);
    expect(again.store.getState().answers).toEqual({ 'egress-ip': '1.2.3.4' });
    expect(again.store.getState().history).toEqual(saved.history);
    // The terminal shows what each replayed command printed the first time.
    expect(again.results.map((r) => r.stdout.split('\n')[0])).toEqual([
      'service/web created',
      expect.stringMatching(/^Name\s+ResourceGroup/),
      'service/web annotated',
    ]);
    // Its log carries on where the first one stopped (Undo still works after a resume).
    expect(replayOrder(again.store.getState().commands)).toEqual(replayOrder(first.store.getState().commands));
  });

  it('shows replayed commands in the terminal transcript after a note, without running them again', async () => {
    const { store, sandbox } = await build({});
    const version = sandbox.kube.version;
    store.getState().showReplayed('# rebuilt', [{ line: 'kubectl get ns', result: { stdout: 'NAME\n', stderr: '', exitCode: 0 } }]);
    expect(store.getState().transcript.map((e) => [e.command, e.stdout])).toEqual([
      ['# rebuilt', ''],
      ['kubectl get ns', 'NAME\n'],
    ]);
    expect(sandbox.kube.version).toBe(version);
    // Later commands get later sequence numbers (the terminal prints each entry once, in order).
    await store.getState().exec('kubectl get ns', { echo: true });
    const seqs = store.getState().transcript.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
  });

  it('a damaged save is set aside once and read as absent; the next save replaces it', () => {
    const key = labKey('lesson', 'state');
    for (const bad of [
      '{not json',
      JSON.stringify({ v: 99 }),
      JSON.stringify({
        v: SAVED_LAB_VERSION,
        options: {},
        checkpoint: [],
        recent: [
          { t: 5, line: 'a' },
          { t: 1, line: 'b' },
        ],
        history: [],
        answers: {},
      }),
    ]) {
      resetSiteStorage();
      useStorage(memoryStorage());
      storage.setItem(key, bad);
      expect(readSavedLab('lesson')).toBeUndefined();
      expect(storage.getItem(`${key}:backup`)).toBe(bad);
    }
    expect(
      saveLab('lesson', {
        v: SAVED_LAB_VERSION,
        options: DEFAULT_PAGE_OPTIONS,
        checkpoint: [],
        recent: [{ t: 0, line: 'kubectl get ns' }],
        history: ['kubectl get ns'],
        answers: {},
      }),
    ).toBe(true);
    expect(readSavedLab('lesson')?.recent).toEqual([{ t: 0, line: 'kubectl get ns' }]);
  });

  it('refuses shapes that would rebuild a different lab or hold too much', () => {
    const ok = { v: SAVED_LAB_VERSION, options: DEFAULT_PAGE_OPTIONS, checkpoint: [], recent: [], history: [], answers: {} };
    expect(parseSavedLab(ok)).not.toBeNull();
    expect(parseSavedLab({ ...ok, recent: Array.from({ length: 51 }, (_, t) => ({ t, line: 'x' })) })).toBeNull();
    expect(parseSavedLab({ ...ok, history: Array.from({ length: 1001 }, () => 'x') })).toBeNull();
    expect(parseSavedLab({ ...ok, answers: { a: 'x'.repeat(201) } })).toBeNull();
    expect(parseSavedLab({ ...ok, reset: '__proto__' })).toBeNull();
    expect(parseSavedLab({ ...ok, checkpoint: [{ t: 9, line: 'a' }], recent: [{ t: 1, line: 'b' }] })).toBeNull();
    expect(parseSavedLab([ok])).toBeNull();
    // Options go through the sandbox page's whitelist.
    expect(parseSavedLab({ ...ok, options: { outboundType: '<img>', nodeCount: 1e9 } })?.options).toEqual(DEFAULT_PAGE_OPTIONS);
  });

  it('a full storage: the save fails, the page is told, and the previous save is kept', () => {
    useStorage(memoryStorage({}, 400));
    const small: SavedLab = {
      v: SAVED_LAB_VERSION,
      options: DEFAULT_PAGE_OPTIONS,
      checkpoint: [],
      recent: [{ t: 0, line: 'kubectl create ns a' }],
      history: ['kubectl create ns a'],
      answers: {},
    };
    expect(saveLab('lesson', small)).toBe(true);
    const big: SavedLab = { ...small, recent: [{ t: 0, line: 'kubectl apply -f -', stdin: 'x'.repeat(1000) }] };
    expect(saveLab('lesson', big)).toBe(false);
    expect(storageProblem()).toBe('full');
    expect(readSavedLab('lesson')).toEqual(small);
  });

  it('Start fresh forgets the saved lab, its draft and its terminal history; nothing worth saving is not saved', () => {
    writeJson(labKey('lesson', 'draft'), 'kind: Service');
    writeJson(labKey('lesson', 'history'), ['kubectl get svc']);
    saveLab('lesson', {
      v: SAVED_LAB_VERSION,
      options: DEFAULT_PAGE_OPTIONS,
      checkpoint: [],
      recent: [{ t: 0, line: 'kubectl create ns a' }],
      history: [],
      answers: {},
    });
    forgetLab('lesson');
    expect([...storage.map.keys()]).toEqual([]);
    expect(hasSavedLab('lesson')).toBe(false);
    expect(worthSaving({ checkpoint: [], recent: [], answers: {} })).toBe(false);
    expect(worthSaving({ checkpoint: [], recent: [], answers: {}, reset: 'fix-quota' })).toBe(true);
    // Undo of the only command leaves something to Redo: still worth keeping.
    expect(worthSaving({ checkpoint: [], recent: [], answers: {}, redo: [{ t: 0, line: 'kubectl create ns a' }] })).toBe(true);
  });

  it('keeps the commands Undo took back, so Redo works after a reload; a redo stack that could not have come from Undo is refused', () => {
    const ok: SavedLab = {
      v: SAVED_LAB_VERSION,
      options: DEFAULT_PAGE_OPTIONS,
      checkpoint: [],
      recent: [{ t: 10, line: 'kubectl create ns a' }],
      history: [],
      answers: {},
    };
    // Undo twice: the newest command is taken back first, so the stack runs newest-undone last (older times).
    const redo = [
      { t: 30, line: 'kubectl create ns c' },
      { t: 20, line: 'kubectl create ns b' },
    ];
    expect(saveLab('lesson', { ...ok, redo })).toBe(true);
    expect(readSavedLab('lesson')?.redo).toEqual(redo);
    expect(parseSavedLab({ ...ok, redo: [] })?.redo).toBeUndefined();
    // Earlier than the log it would be appended to, out of order, too many, or not a log entry.
    expect(parseSavedLab({ ...ok, redo: [{ t: 5, line: 'x' }] })).toBeNull();
    expect(parseSavedLab({ ...ok, redo: [...redo].reverse() })).toBeNull();
    expect(parseSavedLab({ ...ok, redo: Array.from({ length: 51 }, () => ({ t: 40, line: 'x' })) })).toBeNull();
    expect(parseSavedLab({ ...ok, redo: [{ line: 'x' }] })).toBeNull();
    expect(parseSavedLab({ ...ok, redo: 'kubectl create ns c' })).toBeNull();
  });
});
