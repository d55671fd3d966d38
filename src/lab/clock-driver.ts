import type { SettleReport } from '../sim/index';
import type { LabStore } from './store';
import type { LabSandbox } from './types';
import { yieldToEventLoop } from './yield';

/**
 * "Skip waits" settles in slices of at most this many ms of work, the browser getting a turn in
 * between (one slice plus a view update stays under the 50 ms of a long task).
 */
export const SKIP_SLICE_MS = 25;

/**
 * One "Skip waits" step: settles the sandbox in slices and stops early when the learner pauses,
 * changes speed or runs a command. The report's `waiting` lists what only retries a failure
 * nothing has changed since (a limit, a quota, a missing Public IP, a permission): the lab shows it.
 */
export function skipWaits(sandbox: LabSandbox, shouldStop: () => boolean): Promise<SettleReport> {
  return sandbox.settle({ pause: yieldToEventLoop, sliceMs: SKIP_SLICE_MS, shouldStop });
}

/**
 * Runs the virtual clock in real time while the page is visible (×1 or ×4, or "skip waits"),
 * so `<pending>` turns into an IP on screen as it would in a real cluster. Hidden tabs pause it.
 */
export function startClock(store: LabStore, intervalMs = 250): () => void {
  let last = performance.now();
  let ticking = false;
  const timer = setInterval(async () => {
    const now = performance.now();
    const elapsed = Math.min(now - last, 2000); // a stalled tab must not jump minutes ahead
    last = now;
    // A sliced "Skip waits" may outlast one interval: `ticking` keeps ticks from overlapping.
    if (document.hidden || ticking || store.getState().busy) return;
    ticking = true;
    try {
      await store.getState().tick(elapsed);
    } finally {
      ticking = false;
    }
  }, intervalMs);
  const onVisibility = () => {
    last = performance.now();
  };
  document.addEventListener('visibilitychange', onVisibility);
  return () => {
    clearInterval(timer);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
