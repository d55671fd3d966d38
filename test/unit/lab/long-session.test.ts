/**
 * Long sessions stay bounded: the lab's command log (undo window + compacted checkpoint), the
 * simulator's activity log, the transcript and history, and the terminal's scrollback.
 */

import headless from '@xterm/headless';
import { describe, expect, it } from 'vitest';
import {
  append,
  CHECKPOINT_MAX_CHARS,
  CHECKPOINT_MAX_ENTRIES,
  type CommandLog,
  fromEntries,
  isReadOnlyLine,
  replayOrder,
  UNDO_STEPS,
} from '../../../src/lab/command-log';
import { replay } from '../../../src/lab/replay';
import { createLabStore } from '../../../src/lab/store';
import { SCROLLBACK_LINES } from '../../../src/lab/terminal/limits';
import type { LabSandbox } from '../../../src/lab/types';
import { ACTIVITY_LOG_LIMIT, ArmStore } from '../../../src/sim/azure/store';
import { VirtualClock } from '../../../src/sim/clock';
import { createSandbox } from '../../../src/sim/index';
import { SeededRandom } from '../../../src/sim/random';

const { Terminal } = headless as unknown as typeof import('@xterm/headless');
const NODE_RG = 'MC_myResourceGroup_myAKSCluster_eastus';

describe('the command log', () => {
  it('keeps the newest UNDO_STEPS commands undoable and freezes only state-changing older ones', () => {
    let log = fromEntries([]);
    for (let i = 0; i < 300; i++) log = append(log, { t: i, line: i % 3 === 0 ? `kubectl create ns n${i}` : 'kubectl get svc' }, i % 3 !== 0);
    expect(log.recent).toHaveLength(UNDO_STEPS);
    expect(log.recent.at(-1)).toEqual({ t: 299, line: 'kubectl get svc' });
    // Older reads are gone; every older write is there, in order.
    const older = Array.from({ length: 300 - UNDO_STEPS }, (_, i) => i).filter((i) => i % 3 === 0);
    expect(log.checkpoint.map((e) => e.t)).toEqual(older);
    expect(replayOrder(log).map((e) => e.t)).toEqual([...older, ...Array.from({ length: UNDO_STEPS }, (_, i) => 250 + i)]);
    expect(log.rebuildable).toBe(true);
  });

  it('a share link longer than the undo window starts with its older part as checkpoint', () => {
    const entries = Array.from({ length: 120 }, (_, i) => ({ t: i, line: `echo ${i}` }));
    const log = fromEntries(entries);
    expect(log.recent).toEqual(entries.slice(-UNDO_STEPS));
    expect(log.checkpoint).toEqual(entries.slice(0, 120 - UNDO_STEPS));
  });

  it('switches rebuilding off (and holds nothing) once the checkpoint outgrows its entry limit', () => {
    let log: CommandLog = fromEntries([]);
    for (let i = 0; i < CHECKPOINT_MAX_ENTRIES + UNDO_STEPS; i++) log = append(log, { t: i, line: `kubectl create ns n${i}` }, false);
    expect(log.rebuildable).toBe(true);
    expect(log.checkpoint).toHaveLength(CHECKPOINT_MAX_ENTRIES);
    log = append(log, { t: 99_999, line: 'kubectl create ns one-more' }, false);
    expect(log).toEqual({ checkpoint: [], recent: [], checkpointChars: 0, rebuildable: false });
    expect(append(log, { t: 100_000, line: 'kubectl create ns after' }, false)).toBe(log);
  });

  it('and once it outgrows its character limit (big applies)', () => {
    const yaml = 'x'.repeat(100_000);
    let log: CommandLog = fromEntries([]);
    let i = 0;
    while (log.rebuildable && i < 1000) log = append(log, { t: i++, line: 'kubectl apply -f -', stdin: yaml }, false);
    expect(log.rebuildable).toBe(false);
    // It held up to the limit and no further.
    expect(i).toBe(UNDO_STEPS + Math.floor(CHECKPOINT_MAX_CHARS / (yaml.length + 'kubectl apply -f -'.length)) + 1);
  });

  it.each([
    ['kubectl get svc -A', true],
    ['kubectl describe svc redis-lb -n qa | grep -i ip', true],
    [`az network public-ip list -g ${NODE_RG} -o table`, true],
    ['az aks show -g myResourceGroup -n myAKSCluster --query networkProfile', true],
    ['helm list -A', true],
    ['echo hello && kubectl get pods', true],
    ['kubectl apply -f redis-lb.yaml', false],
    ['kubectl get svc -w', false],
    ['kubectl get svc > out.txt', false],
    ['export NS=qa', false],
    ['NS=qa kubectl get svc', false],
    ['cd /tmp', false],
    ['helm repo add ingress-nginx https://kubernetes.github.io/ingress-nginx', false],
    [`az network public-ip create -g ${NODE_RG} -n ip1`, false],
    ['az login', false],
    ['echo $(kubectl delete svc x)', false],
    ["cat <<'EOF'\nx\nEOF", false],
    ['sleep 30', false],
  ])('isReadOnlyLine(%j) → %s', (line, expected) => {
    expect(isReadOnlyLine(line)).toBe(expected);
  });
});

describe('a 2,000-command session', () => {
  it('stays bounded and still rebuilds to the same world from its compacted log', async () => {
    const sandbox = createSandbox({}) as unknown as LabSandbox;
    await sandbox.settle();
    const startedAt = sandbox.clock.now();
    const store = createLabStore(sandbox, { startedAt });
    for (let i = 0; i < 2000; i++) {
      const line =
        i % 100 === 0
          ? `kubectl create namespace ns-${i}`
          : i % 10 === 0
            ? `kubectl create configmap cm-${i} -n default --from-literal=k=${i}`
            : i % 2 === 0
              ? 'kubectl get ns'
              : `echo step ${i}`;
      await store.getState().exec(line);
      if (i % 50 === 0) await store.getState().tick(10_000);
    }
    const { commands, transcript, history } = store.getState();
    expect(commands.rebuildable).toBe(true);
    expect(commands.recent).toHaveLength(UNDO_STEPS);
    // Only the writes outside the undo window are kept (configmap creation may fail: it still counts as a write).
    expect(commands.checkpoint.every((e) => !isReadOnlyLine(e.line))).toBe(true);
    expect(commands.checkpoint.length).toBeLessThanOrEqual(200);
    expect(transcript.length).toBeLessThanOrEqual(200);
    expect(history.length).toBeLessThanOrEqual(1000);

    // Replaying checkpoint + recent on a fresh sandbox gives the same world.
    const again = createSandbox({}) as unknown as LabSandbox;
    await again.settle();
    await replay(again, replayOrder(commands), again.clock.now());
    const show = async (sb: LabSandbox) => (await sb.exec('kubectl get ns,cm -A -o name')).stdout;
    expect(await show(again)).toBe(await show(sandbox));
  });

  it('keeps the activity log at ACTIVITY_LOG_LIMIT entries, newest last', () => {
    const arm = new ArmStore(new VirtualClock(), new SeededRandom('t'));
    const id = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/publicIPAddresses/ip';
    for (let i = 0; i < ACTIVITY_LOG_LIMIT * 3; i++) arm.log(`op-${i}`, id, 'Succeeded', { caller: 'test' });
    expect(arm.activityLog.length).toBeLessThanOrEqual(ACTIVITY_LOG_LIMIT);
    expect(arm.activityLog.length).toBeGreaterThan(ACTIVITY_LOG_LIMIT * 0.8);
    expect(arm.activityLog.at(-1)!.operationName).toBe(`op-${ACTIVITY_LOG_LIMIT * 3 - 1}`);
    const ops = arm.activityLog.map((e) => Number(e.operationName.slice(3)));
    expect(ops).toEqual([...ops].sort((a, b) => a - b));
  });

  it("keeps the terminal's scrollback at SCROLLBACK_LINES lines", async () => {
    const term = new Terminal({ cols: 80, rows: 24, scrollback: SCROLLBACK_LINES, allowProposedApi: true });
    const out = Array.from({ length: 2000 }, (_, i) => `azureuser@lab:~$ kubectl get svc\r\nNAME  TYPE  CLUSTER-IP  EXTERNAL-IP  ${i}\r\n`).join('');
    await new Promise<void>((ok) => term.write(out, ok));
    expect(term.buffer.active.length).toBe(24 + SCROLLBACK_LINES);
    term.dispose();
  });
});
