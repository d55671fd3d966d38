import type { LabStore } from './store';

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
