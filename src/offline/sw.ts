/**
 * The course's service worker. build/precache.mjs compiles this file into dist/sw.js with the
 * build's file list (path + SHA-256) in __PRECACHE__, each page's own files, and the lab's files.
 *
 * What it stores, so a first visit costs the learner nothing extra:
 * - The pages the learner visits, each with the files it loads (its stylesheets, scripts and
 *   islands), and any other file of the build the pages fetch later (search, a started lab).
 * - A whole group only when asked by a page: `lab` (the editor, terminal and workers: most of the
 *   10 MB) when a lab starts, `all` (every page in both languages, search, the lab) when the
 *   learner turns on "Available offline". The page does not ask for `lab` under Save-Data.
 *   The groups asked for are remembered in the cache, so the next build's worker fetches them too.
 *
 * The rules that keep a learner from ever seeing a mix of two builds:
 * - One cache per build (`eil-offline-<version>`). Every file put in it, at any time, is checked
 *   against this build's SHA-256 first; a file of another build is never stored.
 * - A new build's worker installs by fetching, and checking, everything the learner had offline
 *   with the previous one (the same pages, the same groups) before it may take over; a file that
 *   changed under us fails the install, and the previous worker keeps serving its own build.
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
interface ExtendableMessageEvent extends ExtendableEvent {
  readonly data: unknown;
  readonly ports: readonly MessagePort[];
}
interface WindowClient {
  readonly url: string;
  postMessage(message: unknown): void;
}
interface WorkerScope {
  readonly location: Location;
  readonly clients: { claim(): Promise<void>; matchAll(o?: { type?: 'window'; includeUncontrolled?: boolean }): Promise<WindowClient[]> };
  addEventListener(type: 'install' | 'activate', fn: (e: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', fn: (e: FetchEvent) => void): void;
  addEventListener(type: 'message', fn: (e: ExtendableMessageEvent) => void): void;
}

export {};

type Group = 'lab' | 'all';
declare const __PRECACHE__: {
  version: string;
  files: [url: string, sha256: string][];
  pages: Record<string, string[]>;
  lab: string[];
  bytes: Record<Group, number>;
};
declare const self: WorkerScope;

const PREFIX = 'eil-offline-';
const CACHE = PREFIX + __PRECACHE__.version;
/** Written last at install: its presence means the install set is in and verified; it also holds the groups asked for. */
const COMPLETE = '/__eil-precache.json';
const HASHES = new Map(__PRECACHE__.files);
const GROUPS: Record<Group, readonly string[]> = { lab: __PRECACHE__.lab, all: __PRECACHE__.files.map(([url]) => url) };
/** Always kept: what a navigation to a page not stored yet is answered with. */
const SHELL = ['/404.html', ...(__PRECACHE__.pages['/404.html'] ?? [])].filter((u) => HASHES.has(u));
/** Parallel downloads: enough to be quick, few enough not to starve the page. */
const PARALLEL = 4;

interface Marker {
  version: string;
  files: [string, string][];
  groups: Group[];
}

const isHashed = (path: string) => path.startsWith('/_astro/') || /^\/pagefind\/(?:index|fragment)\/|\.pf_meta$/.test(path);
const isGroup = (g: unknown): g is Group => g === 'lab' || g === 'all';

async function sha256(body: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', body));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A page and the files it loads, as far as this build knows them. */
function withDeps(url: string): string[] {
  return [url, ...(__PRECACHE__.pages[url] ?? [])].filter((u) => HASHES.has(u));
}

/** The build's URL for a page address (`/en` and `/en/index.html` are `/en/`), or undefined. */
function buildUrl(path: string): string | undefined {
  if (HASHES.has(path)) return path;
  if (path.endsWith('/index.html') && HASHES.has(path.slice(0, -'index.html'.length))) return path.slice(0, -'index.html'.length);
  if (!path.endsWith('/') && HASHES.has(path + '/')) return path + '/';
  return undefined;
}

/** Stores `body` as `url` if it is this build's content; returns whether it was. */
async function storeVerified(cache: Cache, url: string, res: Response): Promise<boolean> {
  if (!res.ok) return false;
  const body = await res.arrayBuffer();
  if ((await sha256(body)) !== HASHES.get(url)) return false;
  await cache.put(url, new Response(body, { status: 200, headers: res.headers }));
  return true;
}

/** Fills `cache` with `urls`: kept if already there, copied from an earlier build's cache if identical, else downloaded and checked. */
async function fillUrls(cache: Cache, urls: Iterable<string>, copies: Map<string, Cache>, progress?: (done: number, total: number) => void): Promise<void> {
  const queue = [...new Set(urls)].filter((u) => HASHES.has(u));
  const total = queue.length;
  let done = 0;
  const one = async (url: string) => {
    const hash = HASHES.get(url)!;
    const have = await cache.match(url);
    if (!have || (await sha256(await have.clone().arrayBuffer())) !== hash) {
      const old = await copies.get(url)?.match(url);
      const res = old ?? (await fetch(url, { cache: 'no-cache', credentials: 'same-origin', redirect: 'error' }));
      if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
      // The server may already be on another build (a deploy in progress): refuse to mix.
      if (!(await storeVerified(cache, url, res))) throw new Error(`${url}: not the content this build expects`);
    }
    progress?.(++done, total);
  };
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await one(next);
    }),
  );
}

interface Earlier {
  cache: Cache;
  urls: string[];
  groups: Group[];
  hashes: Map<string, string>;
}

/** Every earlier build's complete cache: what the learner had offline, and the files that can be copied. */
async function earlierCaches(): Promise<Earlier[]> {
  const found: Earlier[] = [];
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === CACHE) continue;
    const cache = await caches.open(name);
    const done = await cache.match(COMPLETE);
    if (!done) continue;
    const marker = (await done.json()) as Partial<Marker>;
    const urls = (await cache.keys()).map((r) => new URL(r.url).pathname).filter((u) => u !== COMPLETE);
    found.push({ cache, urls, groups: (marker.groups ?? []).filter(isGroup), hashes: new Map(marker.files ?? []) });
  }
  return found;
}

async function readMarker(cache: Cache): Promise<Marker | undefined> {
  return (await (await cache.match(COMPLETE))?.json()) as Marker | undefined;
}

async function writeMarker(cache: Cache, groups: Iterable<Group>): Promise<void> {
  const marker: Marker = { version: __PRECACHE__.version, files: __PRECACHE__.files, groups: [...new Set(groups)] };
  await cache.put(COMPLETE, new Response(JSON.stringify(marker), { headers: { 'content-type': 'application/json' } }));
}

async function install(): Promise<void> {
  const cache = await caches.open(CACHE);
  if (await cache.match(COMPLETE)) return;
  const earlier = await earlierCaches();
  const copies = new Map<string, Cache>();
  const want = new Set<string>(SHELL);
  const groups = new Set<Group>();
  for (const e of earlier) {
    for (const [url, hash] of e.hashes) if (HASHES.get(url) === hash && !copies.has(url)) copies.set(url, e.cache);
    for (const g of e.groups) groups.add(g);
    // What the learner had offline, in this build's version: each page with what it now loads.
    for (const url of e.urls) for (const u of withDeps(url)) want.add(u);
  }
  // The page that registered this worker (the first visit) and any other open page.
  for (const client of await self.clients.matchAll({ type: 'window', includeUncontrolled: true })) {
    const url = buildUrl(new URL(client.url).pathname);
    if (url) for (const u of withDeps(url)) want.add(u);
  }
  for (const g of groups) for (const u of GROUPS[g]) want.add(u);
  await fillUrls(cache, want, copies);
  await writeMarker(cache, groups);
}

self.addEventListener('install', (e) => e.waitUntil(install()));

self.addEventListener('activate', (e) =>
  e.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      // Pages opened before the first install start using the cache without a reload.
      await self.clients.claim();
    })(),
  ),
);

async function broadcast(message: unknown): Promise<void> {
  for (const client of await self.clients.matchAll({ type: 'window' })) client.postMessage(message);
}

/** How much of each group this build's cache holds. */
async function status(): Promise<{ type: 'eil-offline-status'; groups: Group[]; have: Record<Group, [number, number]>; bytes: Record<Group, number> }> {
  const cache = await caches.open(CACHE);
  const stored = new Set((await cache.keys()).map((r) => new URL(r.url).pathname));
  const count = (g: Group) => [GROUPS[g].filter((u) => stored.has(u)).length, GROUPS[g].length] as [number, number];
  return {
    type: 'eil-offline-status',
    groups: (await readMarker(cache))?.groups ?? [],
    have: { lab: count('lab'), all: count('all') },
    bytes: __PRECACHE__.bytes,
  };
}

let filling: Promise<void> = Promise.resolve();

/** Adds a group (remembered first, so a fill cut short is finished by the next build's install). */
function addGroup(group: Group): Promise<void> {
  filling = filling.then(async () => {
    const cache = await caches.open(CACHE);
    await writeMarker(cache, [...((await readMarker(cache))?.groups ?? []), group]);
    let last = 0;
    await fillUrls(cache, GROUPS[group], new Map(), (done, total) => {
      // Progress at most every 5 %, so a page's live region is not flooded.
      if (done === total || done - last >= total / 20) (last = done), void broadcast({ type: 'eil-offline-progress', group, done, total });
    });
    await broadcast(await status());
  });
  return filling.catch(() => broadcast({ type: 'eil-offline-error', group }));
}

/** Turns "Available offline" off: keeps the shell and the lab if one was started; pages come back as they are visited. */
function dropAll(): Promise<void> {
  filling = filling.then(async () => {
    const cache = await caches.open(CACHE);
    const groups = ((await readMarker(cache))?.groups ?? []).filter((g) => g !== 'all');
    const keep = new Set<string>([...SHELL, COMPLETE, ...groups.flatMap((g) => GROUPS[g])]);
    for (const request of await cache.keys()) if (!keep.has(new URL(request.url).pathname)) await cache.delete(request);
    await writeMarker(cache, groups);
    await broadcast(await status());
  });
  return filling.catch(() => undefined);
}

self.addEventListener('message', (e) => {
  const msg = e.data as { type?: string; group?: unknown } | null;
  if (msg?.type === 'eil-offline-add' && isGroup(msg.group)) e.waitUntil(addGroup(msg.group));
  else if (msg?.type === 'eil-offline-drop') e.waitUntil(dropAll());
  else if (msg?.type === 'eil-offline-status') e.waitUntil(status().then((s) => e.ports[0]?.postMessage(s)));
});

/** This build's copy of a request; Pagefind adds `?ts=…` and the sandbox takes options in the query. */
async function fromThisBuild(request: Request, path: string): Promise<Response | undefined> {
  const cache = await caches.open(CACHE);
  const hit = (await cache.match(request, { ignoreSearch: true })) ?? (!path.endsWith('/') && !path.includes('.') ? await cache.match(path + '/') : undefined);
  if (hit || request.mode !== 'navigate') return hit;
  const notFound = await cache.match('/404.html');
  return notFound && new Response(notFound.body, { status: 404, headers: notFound.headers });
}

/**
 * Keeps what the network just gave a page, if it is this build's file: a visited page (with the
 * files it loads, mostly already in the HTTP cache) or a file a page fetched later.
 */
async function keep(url: string, res: Response, isPage: boolean): Promise<void> {
  const cache = await caches.open(CACHE);
  if (!(await cache.match(COMPLETE))) return;
  if (!(await storeVerified(cache, url, res)) || !isPage) return;
  for (const dep of withDeps(url).slice(1)) {
    if (await cache.match(dep)) continue;
    try {
      await storeVerified(cache, dep, await fetch(dep, { credentials: 'same-origin', redirect: 'error' }));
    } catch {
      /* offline again: the page is kept, its file comes with the next visit */
    }
  }
}

async function networkFirst(e: FetchEvent, path: string): Promise<Response> {
  const { request } = e;
  try {
    const res = await fetch(request);
    const url = buildUrl(path);
    if (url && res.ok) e.waitUntil(keep(url, res.clone(), request.mode === 'navigate').catch(() => undefined));
    return res;
  } catch (error) {
    const cached = await fromThisBuild(request, path);
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(e: FetchEvent, path: string): Promise<Response> {
  const { request } = e;
  const cached = (await fromThisBuild(request, path)) ?? (await caches.match(path));
  if (cached) return cached;
  const res = await fetch(request);
  if (res.ok && HASHES.has(path)) e.waitUntil(keep(path, res.clone(), false).catch(() => undefined));
  return res;
}

self.addEventListener('fetch', (e) => {
  const { request } = e;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const path = url.pathname;
  if (request.mode === 'navigate') e.respondWith(networkFirst(e, path));
  else if (isHashed(path)) e.respondWith(cacheFirst(e, path));
  else if (HASHES.has(path)) e.respondWith(networkFirst(e, path));
});
