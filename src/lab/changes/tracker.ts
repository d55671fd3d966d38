import type { ActivityLogEntry } from '../../sim/azure/types';
import type { LabStore } from '../store';
import type { LabSandbox } from '../types';
import { type Change, diffSnapshots, failuresSince } from './derive';
import { type Snapshot, takeSnapshot } from './snapshot';

/** The Azure changes that followed one command, up to the next command that changed the world. */
export interface ChangeBatch {
  /** The command line (`kubectl apply -f -` for the editor's Apply). */
  command: string;
  /** Virtual time the command ran. */
  at: number;
  changes: Change[];
}

export interface ChangeTracker {
  /** Newest first; batches whose command changed nothing in Azure (yet) have no changes. */
  batches(): ChangeBatch[];
  /** Lower-case ids of the parts added or changed after the latest command (the diagram's marks). */
  latestIds(): Set<string>;
}

interface OpenBatch {
  command: string;
  at: number;
  before: Snapshot;
  mark: ActivityLogEntry | undefined;
  /** Set when the next batch starts: this batch's changes are final. */
  frozen?: Change[];
}

/** Batches kept: enough for "what did my last few commands do", bounded in a long session. */
export const MAX_BATCHES = 5;

const trackers = new WeakMap<LabStore, ChangeTracker>();

/**
 * The change feed's source, one per lab store (the feed, the diagram and the portal share it).
 * It snapshots ARM when a command starts; a command that changed Kubernetes or Azure opens a batch,
 * and everything Azure does until the next such command (the cloud provider reconciles seconds
 * later, in virtual time) is that batch's changes. Must exist before the first command to see it.
 */
export function changeTracker(store: LabStore, sandbox: LabSandbox): ChangeTracker {
  let tracker = trackers.get(store);
  if (!tracker) trackers.set(store, (tracker = createTracker(store, sandbox)));
  return tracker;
}

function createTracker(store: LabStore, sandbox: LabSandbox): ChangeTracker {
  const arm = sandbox.arm;
  let open: OpenBatch[] = [];
  let pending: { before: Snapshot; mark: ActivityLogEntry | undefined; kube: number; arm: number; at: number } | null = null;
  // The live batch's changes, recomputed only when ARM moved.
  let cache: { version: number; log: ActivityLogEntry | undefined; batches: ChangeBatch[] } | null = null;

  store.subscribe((s, prev) => {
    if (s.busy && !prev.busy) {
      pending = { before: takeSnapshot(arm), mark: arm.activityLog.at(-1), kube: sandbox.kube.version, arm: arm.version, at: sandbox.clock.now() };
      return;
    }
    if (!s.busy && prev.busy && pending) {
      const p = pending;
      pending = null;
      if (sandbox.kube.version === p.kube && arm.version === p.arm && arm.activityLog.at(-1) === p.mark) return;
      const last = open.at(-1);
      // The previous batch ends where this command began.
      if (last && !last.frozen) last.frozen = [...failuresSince(arm.activityLog, last.mark, p.mark), ...diffSnapshots(last.before, p.before)];
      open = [...open.slice(-(MAX_BATCHES - 1)), { command: s.history.at(-1) ?? '', at: p.at, before: p.before, mark: p.mark }];
      cache = null;
    }
  });

  const batches = (): ChangeBatch[] => {
    const tip = arm.activityLog.at(-1);
    if (cache && cache.version === arm.version && cache.log === tip) return cache.batches;
    const now = takeSnapshot(arm);
    const list = open
      .map((b) => ({
        command: b.command,
        at: b.at,
        changes: b.frozen ?? [...failuresSince(arm.activityLog, b.mark), ...diffSnapshots(b.before, now)],
      }))
      .reverse();
    cache = { version: arm.version, log: tip, batches: list };
    return list;
  };

  return {
    batches,
    latestIds() {
      const latest = batches()[0];
      return new Set((latest?.changes ?? []).filter((c) => c.action === 'added' || c.action === 'changed').map((c) => c.id.toLowerCase()));
    },
  };
}
