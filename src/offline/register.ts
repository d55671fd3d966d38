/**
 * Registers the course's service worker (dist/sw.js, written after the build) once the page has
 * loaded and the browser is idle (it never competes with the page the learner asked for), and
 * drives what it keeps offline beyond the visited pages:
 * - the lab's files (about 7 MB) once a lab starts on this page, unless the browser asks to save
 *   data (Save-Data / `navigator.connection.saveData`);
 * - the whole course when the learner turns on "Available offline" (an explicit choice, so it is
 *   honoured under Save-Data too).
 * Not in `astro dev`: there is no sw.js there, and a worker would serve stale dev modules.
 */

import { whenIdle } from '../site/idle';

type Group = 'lab' | 'all';
interface Status {
  type: 'eil-offline-status';
  groups: Group[];
  have: Record<Group, [number, number]>;
  bytes: Record<Group, number>;
}
type WorkerNews = Status | { type: 'eil-offline-progress'; group: Group; done: number; total: number } | { type: 'eil-offline-error'; group: Group };

const supported = () => import.meta.env.PROD && 'serviceWorker' in navigator;

export function registerServiceWorker(): void {
  if (!supported()) return;
  const register = () =>
    navigator.serviceWorker
      // updateViaCache 'none': a new build's sw.js is seen on the next visit, whatever the HTTP cache says.
      .register('/sw.js', { scope: '/', updateViaCache: 'none' })
      .catch(() => {
        /* private mode, blocked storage or an old browser: the site works online as before */
      });
  // After load, at the first idle moment: the worker's install fetches this page's files, and on a
  // phone that competes with the page's last scripts and layouts if it starts at the load event.
  const later = () => whenIdle(() => void register(), 3000);
  if (document.readyState === 'complete') later();
  else addEventListener('load', later, { once: true });
}

function saveData(): boolean {
  return (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData === true;
}

async function activeWorker(): Promise<ServiceWorker | null> {
  return (await navigator.serviceWorker.ready).active;
}

async function askStatus(): Promise<Status | undefined> {
  const worker = await activeWorker();
  if (!worker) return undefined;
  const channel = new MessageChannel();
  const answer = new Promise<Status>((ok) => (channel.port1.onmessage = (e) => ok(e.data as Status)));
  worker.postMessage({ type: 'eil-offline-status' }, [channel.port2]);
  return answer;
}

async function send(message: { type: 'eil-offline-add'; group: Group } | { type: 'eil-offline-drop' }): Promise<void> {
  (await activeWorker())?.postMessage(message);
}

/** Asks the worker for the lab's files once a lab has started here (Lab.astro marks <html> when its terminal takes input). */
function precacheLabWhenStarted(): void {
  const html = document.documentElement;
  const ask = () => {
    if (!saveData()) void send({ type: 'eil-offline-add', group: 'lab' });
  };
  if (html.hasAttribute('data-lab-ready')) {
    ask();
    return;
  }
  const watch = new MutationObserver(() => {
    if (!html.hasAttribute('data-lab-ready')) return;
    watch.disconnect();
    ask();
  });
  watch.observe(html, { attributes: true, attributeFilter: ['data-lab-ready'] });
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

export function mountOfflineControl(): void {
  if (!supported()) return;
  precacheLabWhenStarted();
  const box = document.querySelector<HTMLElement>('[data-offline-control]');
  const toggle = box?.querySelector<HTMLInputElement>('[data-offline-toggle]');
  const line = box?.querySelector<HTMLElement>('[data-offline-status]');
  if (!box || !toggle || !line) return;
  // Wired at idle: the first use of navigator.serviceWorker sets up its container, work the page's
  // load need not wait for (issue 18). The switch stays hidden until the worker answers anyway.
  whenIdle(() => wireOfflineSwitch(box, toggle, line));
}

function wireOfflineSwitch(box: HTMLElement, toggle: HTMLInputElement, line: HTMLElement): void {
  const texts = JSON.parse(box.dataset.texts ?? '{}') as Record<'progress' | 'ready' | 'off' | 'failed', string>;
  let total = 0;
  const show = (s: Status) => {
    total = s.bytes.all;
    const [have, of] = s.have.all;
    toggle.checked = s.groups.includes('all');
    box.dataset.state = !toggle.checked ? 'off' : have === of ? 'ready' : 'downloading';
    line.textContent = !toggle.checked
      ? texts.off.replace('{mb}', mb(total))
      : have === of
        ? texts.ready.replace('{mb}', mb(total))
        : texts.progress.replace('{pct}', String(Math.floor((100 * have) / of)));
  };
  navigator.serviceWorker.addEventListener('message', (e: MessageEvent<WorkerNews>) => {
    const news = e.data;
    if (news?.type === 'eil-offline-status') show(news);
    else if (news?.type === 'eil-offline-progress' && news.group === 'all' && toggle.checked) {
      box.dataset.state = 'downloading';
      line.textContent = texts.progress.replace('{pct}', String(Math.floor((100 * news.done) / news.total)));
    } else if (news?.type === 'eil-offline-error' && news.group === 'all') {
      box.dataset.state = 'failed';
      line.textContent = texts.failed;
    }
  });
  toggle.addEventListener('change', () => {
    if (toggle.checked) {
      box.dataset.state = 'downloading';
      line.textContent = texts.progress.replace('{pct}', '0');
      void send({ type: 'eil-offline-add', group: 'all' });
    } else void send({ type: 'eil-offline-drop' });
  });
  void askStatus().then((s) => {
    if (!s) return;
    box.hidden = false;
    show(s);
  });
}
