/**
 * The course's service worker. build/precache.mjs compiles this file into dist/sw.js with the
 * build's file list (path + SHA-256) in __PRECACHE__.
 *
 * The rules that keep a learner from ever seeing a mix of two builds:
 * - One cache per build (`eil-offline-<version>`), filled completely and verified against the
 *   hashes before this worker may take over; a file that changed under us fails the install,
 *   and the previous worker keeps serving its own complete build.
 * - The cache is only written during install. Pages fetched later over the network are not put
 *   in it, so it never holds another build's HTML.
 * - Pages and other files without a content hash in their name: network first (an update shows on
 *   the next load), this build's cache when the network fails.
 * - Content-hashed files (/_astro/, Pagefind's index parts): cache first, from any complete build's
 *   cache, since the same name always means the same bytes.
 * - No skipWaiting: a new worker activates only once no page uses the old one, so deleting the old
 *   caches in `activate` can never pull a lazily loaded chunk out from under an open page.
 */

// The DOM library is in scope for the whole project; these are the few worker types it lacks.
interface ExtendableEvent extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(r: Response | Promise<Response>): void;
}
interface WorkerScope {
  readonly location: Location;
  readonly clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', fn: (e: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', fn: (e: FetchEvent) => void): void;
}

export {};

declare const __PRECACHE__: { version: string; files: [url: string, sha256: string][] };
declare const self: WorkerScope;

const PREFIX = 'eil-offline-';
const CACHE = PREFIX + __PRECACHE__.version;
/** Written last into a cache: its presence means every file is in and verified. */
const COMPLETE = '/__eil-precache.json';
const HASHES = new Map(__PRECACHE__.files);
/** Parallel downloads during install: enough to be quick, few enough not to starve the page. */
const PARALLEL = 4;

const isHashed = (path: string) => path.startsWith('/_astro/') || /^\/pagefind\/(?:index|fragment)\/|\.pf_meta$/.test(path);

async function sha256(body: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', body));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Files with the same path and hash in an earlier complete build's cache: copied, not downloaded. */
async function earlierCopies(): Promise<Map<string, Cache>> {
  const found = new Map<string, Cache>();
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === CACHE) continue;
    const cache = await caches.open(name);
    const done = await cache.match(COMPLETE);
    if (!done) continue;
    const { files } = (await done.json()) as typeof __PRECACHE__;
    for (const [url, hash] of files) if (HASHES.get(url) === hash && !found.has(url)) found.set(url, cache);
  }
  return found;
}

async function fill(): Promise<void> {
  const cache = await caches.open(CACHE);
  if (await cache.match(COMPLETE)) return;
  const copies = await earlierCopies();
  const queue = [...HASHES];
  const one = async ([url, hash]: [string, string]) => {
    // A retried install keeps what an interrupted one already stored and verified.
    const have = await cache.match(url);
    if (have && (await sha256(await have.clone().arrayBuffer())) === hash) return;
    const old = await copies.get(url)?.match(url);
    const res = old ?? (await fetch(url, { cache: 'no-cache', credentials: 'same-origin', redirect: 'error' }));
    if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
    const body = await res.arrayBuffer();
    // The server may already be on another build (a deploy in progress): refuse to mix.
    if ((await sha256(body)) !== hash) throw new Error(`${url}: not the content this build expects`);
    await cache.put(url, new Response(body, { status: 200, headers: res.headers }));
  };
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await one(next);
    }),
  );
  await cache.put(COMPLETE, new Response(JSON.stringify(__PRECACHE__), { headers: { 'content-type': 'application/json' } }));
}

self.addEventListener('install', (e) => e.waitUntil(fill()));

self.addEventListener('activate', (e) =>
  e.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      // Pages opened before the first install start using the cache without a reload.
      await self.clients.claim();
    })(),
  ),
);

/** This build's copy of a request; Pagefind adds `?ts=…` and the sandbox takes options in the query. */
async function fromThisBuild(request: Request, path: string): Promise<Response | undefined> {
  const cache = await caches.open(CACHE);
  const hit = (await cache.match(request, { ignoreSearch: true })) ?? (!path.endsWith('/') && !path.includes('.') ? await cache.match(path + '/') : undefined);
  if (hit || request.mode !== 'navigate') return hit;
  const notFound = await cache.match('/404.html');
  return notFound && new Response(notFound.body, { status: 404, headers: notFound.headers });
}

async function networkFirst(request: Request, path: string): Promise<Response> {
  try {
    return await fetch(request);
  } catch (error) {
    const cached = await fromThisBuild(request, path);
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request: Request, path: string): Promise<Response> {
  const cached = (await fromThisBuild(request, path)) ?? (await caches.match(path));
  return cached ?? fetch(request);
}

self.addEventListener('fetch', (e) => {
  const { request } = e;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const path = url.pathname;
  if (request.mode === 'navigate') e.respondWith(networkFirst(request, path));
  else if (isHashed(path)) e.respondWith(cacheFirst(request, path));
  else if (HASHES.has(path)) e.respondWith(networkFirst(request, path));
});
