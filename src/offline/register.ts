/**
 * Registers the course's service worker (dist/sw.js, written after the build) once the page has
 * loaded and the browser is idle, so precaching the course never competes with the page the learner asked for.
 * Not in `astro dev`: there is no sw.js there, and a worker would serve stale dev modules.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () =>
    navigator.serviceWorker
      // updateViaCache 'none': a new build's sw.js is seen on the next visit, whatever the HTTP cache says.
      .register('/sw.js', { scope: '/', updateViaCache: 'none' })
      .catch(() => {
        /* private mode, blocked storage or an old browser: the site works online as before */
      });
  // After load, at the first idle moment: the worker's install fetches the whole course, and on a
  // phone that competes with the page's last scripts and layouts if it starts at the load event.
  const whenIdle = () => ('requestIdleCallback' in window ? requestIdleCallback(() => void register(), { timeout: 3000 }) : setTimeout(() => void register(), 200));
  if (document.readyState === 'complete') whenIdle();
  else addEventListener('load', whenIdle, { once: true });
}
