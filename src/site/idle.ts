/**
 * Runs `fn` when the browser is idle (at the latest after `timeout` ms): for work a page needs
 * soon but not before its first screen is painted and answering, so it does not lengthen the
 * page's load-time tasks.
 */
export function whenIdle(fn: () => void, timeout = 2000): void {
  if ('requestIdleCallback' in window) requestIdleCallback(() => fn(), { timeout });
  else setTimeout(fn, 200);
}
