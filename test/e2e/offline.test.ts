import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precacheManifest as manifestOf, writeServiceWorker as rewriteServiceWorker } from '../../build/precache.mjs';
import { startStaticServer } from '../support/static-server';
import { launch } from './browser';
import { LESSON, searchFindsLesson, useLessonLab } from './course-helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Stops a test server for good, open keep-alive connections included: the site is then really gone. */
function stop(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((ok) => server.close(() => ok()));
}

/** Waits until the page is controlled by an active service worker; returns ms from navigation start. */
function controlled(page: Page): Promise<number> {
  return page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
    }
    return performance.now();
  });
}

const cacheNames = (page: Page) => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('eil-offline-')));

/**
 * Every request a page (or its workers) could not complete, and every error response. The service
 * worker's own network attempts are left out: failing over to the cache is its job.
 */
function watchFailures(context: BrowserContext, allow: RegExp = /^$/): string[] {
  const failures: string[] = [];
  context.on('requestfailed', (r) => {
    // ERR_ABORTED: the test moved on to the next page while the favicon was still on its way.
    if (!r.serviceWorker() && r.failure()?.errorText !== 'net::ERR_ABORTED') failures.push(`${r.url()} ${r.failure()?.errorText}`);
  });
  context.on('response', (r) => void (!r.request().serviceWorker() && r.status() >= 400 && !allow.test(r.url()) && failures.push(`${r.url()} ${r.status()}`)));
  return failures;
}

const lessons = (lang: string) => readdirSync(join('dist', lang, 'lessons')).map((slug) => `/${lang}/lessons/${slug}/`);

/** Every path this build's cache holds. */
const cachedPaths = (page: Page, version: string) =>
  page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname).sort(), `eil-offline-${version}`);

/** Every page of the course, each served by the worker from its cache, laid out with its stylesheet. */
async function everyPageOffline(page: Page): Promise<void> {
  for (const path of [
    '/en/',
    '/ko/',
    '/en/sandbox/',
    '/ko/sandbox/',
    '/en/sandbox/?outboundType=userDefinedRouting&nodes=2',
    ...lessons('en'),
    ...lessons('ko'),
  ]) {
    await pageOffline(page, path);
  }
}

async function pageOffline(page: Page, path: string): Promise<void> {
  const res = await page.goto(path);
  expect(res?.status(), path).toBe(200);
  expect(res?.fromServiceWorker(), path).toBe(true);
  expect((await page.locator('h1').first().innerText()).length, path).toBeGreaterThan(0);
  // The page's stylesheet came along: the header is laid out, not raw HTML.
  expect(await page.locator('.site-header').evaluate((e) => getComputedStyle(e).display), path).not.toBe('inline');
}

describe('offline', () => {
  it('a first visit keeps only the visited pages (no lab download): they open with the site gone', async () => {
    const { url, server } = await startStaticServer('dist');
    const context = await browser.newContext({ baseURL: url, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const load = await page.goto('/en/');
    expect(load?.ok()).toBe(true);
    const loadEnd = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
    const readyAt = await controlled(page);
    const manifest = await manifestOf('dist');
    expect(await cacheNames(page)).toEqual([`eil-offline-${manifest.version}`]);
    // The first page and the files it loads, nothing more: not the editor, not the other pages.
    await page.goto(`/en/lessons/${LESSON}/`);
    await page.locator('h1').first().waitFor();
    const lessonFiles = [`/en/lessons/${LESSON}/`, ...manifest.pages[`/en/lessons/${LESSON}/`]!];
    await expect.poll(() => cachedPaths(page, manifest.version), { timeout: 10_000 }).toEqual(expect.arrayContaining(lessonFiles));
    const cached = await cachedPaths(page, manifest.version);
    const sizes = new Map(
      await page.evaluate(async (name) => {
        const cache = await caches.open(name);
        return Promise.all(
          (await cache.keys()).map(async (r) => [new URL(r.url).pathname, (await (await cache.match(r))!.arrayBuffer()).byteLength] as [string, number]),
        );
      }, `eil-offline-${manifest.version}`),
    );
    const bytes = [...sizes.values()].reduce((n, b) => n + b, 0);
    console.info(
      `[offline] first visit: ${cached.length} files, ${Math.round(bytes / 1024)} KB cached (whole course ${manifest.files.length} files, ${Math.round(manifest.bytes / 1024)} KB); worker active ${Math.round(readyAt - loadEnd)} ms after load`,
    );
    expect(cached).toContain('/en/');
    expect(cached.some((p) => /\/_astro\/boot\./.test(p))).toBe(false);
    expect(cached).not.toContain('/ko/');
    expect(bytes).toBeLessThan(1024 * 1024);
    // The switch is there, off, with its size, in the page's language.
    const toggle = page.getByRole('checkbox', { name: 'Available offline' });
    await expect.poll(() => toggle.isVisible()).toBe(true);
    expect(await toggle.isChecked()).toBe(false);

    await stop(server);
    await context.setOffline(true);
    const failures = watchFailures(context, /\/ko\/$/);
    await pageOffline(page, '/en/');
    await pageOffline(page, `/en/lessons/${LESSON}/`);
    // A page never visited is not there: the worker answers with the site's own "not found" page.
    const unvisited = await page.goto('/ko/');
    expect(unvisited?.status()).toBe(404);
    expect(unvisited?.fromServiceWorker()).toBe(true);
    expect(failures).toEqual([]);
    await context.close();
  });

  it('a started lab is kept for offline use, but not under Save-Data', async () => {
    const manifest = await manifestOf('dist');
    for (const saveData of [true, false]) {
      const { url, server } = await startStaticServer('dist');
      const context = await browser.newContext({ baseURL: url, viewport: { width: 1440, height: 900 } });
      if (saveData) {
        await context.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true }, configurable: true }));
      }
      const page = await context.newPage();
      await page.goto(`/en/lessons/${LESSON}/`);
      await controlled(page);
      await useLessonLab(page, 'en');
      const labFiles = new Set(manifest.lab);
      const labCached = async () => (await cachedPaths(page, manifest.version)).filter((p) => labFiles.has(p)).length;
      // What the worker was asked to keep, as it records it next to the files.
      const groups = () =>
        page.evaluate(
          async (name) => ((await (await (await caches.open(name)).match('/__eil-precache.json'))!.json()) as { groups: string[] }).groups,
          `eil-offline-${manifest.version}`,
        );
      if (saveData) {
        // The lab is in use (its chunks came and are kept), but the rest of its files were never asked for.
        expect(await groups()).toEqual([]);
        expect(await labCached()).toBeLessThan(manifest.lab.length);
        await stop(server);
        await context.close();
        continue;
      }
      expect(await groups()).toEqual(['lab']);
      await expect.poll(labCached, { timeout: 30_000 }).toBe(manifest.lab.length);
      await stop(server);
      await context.setOffline(true);
      const failures = watchFailures(context);
      const errors: string[] = [];
      page.on('pageerror', (e) => void errors.push(e.message));
      await page.reload();
      const ip = await useLessonLab(page, 'en');
      expect(ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
      expect(failures).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('after turning on "Available offline", every page, the lab and search work with the site gone', async () => {
    const { url, server } = await startStaticServer('dist');
    const context = await browser.newContext({ baseURL: url, viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto('/ko/');
    await controlled(page);
    const manifest = await manifestOf('dist');
    const toggle = page.getByRole('checkbox', { name: '오프라인에서 사용' });
    await toggle.check();
    await page.getByRole('status').filter({ hasText: '모든 강의와 실습을 오프라인에서 사용할 수 있습니다' }).waitFor({ timeout: 60_000 });

    // Exactly this build's files are cached, in one cache named after the build.
    expect(await cacheNames(page)).toEqual([`eil-offline-${manifest.version}`]);
    expect(await cachedPaths(page, manifest.version)).toEqual([...manifest.files.map(([u]) => u), '/__eil-precache.json'].sort());
    // The choice is remembered: the next page shows the switch on.
    await page.goto('/en/');
    await expect.poll(() => page.getByRole('checkbox', { name: 'Available offline' }).isChecked()).toBe(true);

    await stop(server);
    await context.setOffline(true);
    const failures = watchFailures(context, /\/en\/no-such-page\/$/);
    const errors: string[] = [];
    page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    page.on('pageerror', (e) => void errors.push(e.message));

    await page.goto('/');
    await page.waitForURL('**/en/');
    await everyPageOffline(page);
    const missing = await page.goto('/en/no-such-page/');
    expect(missing?.status()).toBe(404);
    await page.locator('h1').first().waitFor();

    for (const lang of ['en', 'ko'] as const) {
      await page.goto(`/${lang}/lessons/${LESSON}/`);
      await searchFindsLesson(page, lang);
      const ip = await useLessonLab(page, lang);
      expect(ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    }
    expect(failures).toEqual([]);
    // The one console error allowed is the 404 page's own status, once.
    expect(errors).toEqual(['Failed to load resource: the server responded with a status of 404 ()']);
    await context.close();
  }, 240_000);

  it('a new build takes over on the next load, with no request for a file the server no longer has', async () => {
    const root = mkdtempSync(join(tmpdir(), 'eil-sw-update-'));
    try {
      const a = join(root, 'a');
      const b = join(root, 'b');
      cpSync('dist', a, { recursive: true });
      cpSync('dist', b, { recursive: true });
      // Build B: changed lesson text, and a page script under a new hashed name (the old one is gone).
      // (The pages' CSS is inlined since issue 18, so the hashed file is the site's one load-time
      // script (BaseLayout's, which registers the service worker): every page loads it and no
      // other file imports it.)
      const lessonFile = join(b, 'en', 'lessons', LESSON, 'index.html');
      const asset = /\/_astro\/(BaseLayout[^"]+)\.js/.exec(readFileSync(lessonFile, 'utf8'))![1]!;
      const renamed = `${asset}-b`;
      cpSync(join(b, '_astro', `${asset}.js`), join(b, '_astro', `${renamed}.js`));
      rmSync(join(b, '_astro', `${asset}.js`));
      for (const f of readdirSync(b, { recursive: true, encoding: 'utf8' }).filter((p) => p.endsWith('.html'))) {
        const html = readFileSync(join(b, f), 'utf8').replaceAll(`/_astro/${asset}.js`, `/_astro/${renamed}.js`);
        writeFileSync(join(b, f), f === join('en', 'lessons', LESSON, 'index.html') ? html.replace(/(<h1[^>]*>)/, '$1Build B: ') : html);
      }
      const versionA = (await manifestOf(a)).version;
      const versionB = (await rewriteServiceWorker(b)).version;
      expect(versionB).not.toBe(versionA);

      const current = join(root, 'current');
      symlinkSync(a, current);
      const { url, server } = await startStaticServer(current);
      const context = await browser.newContext({ baseURL: url });
      const failures = watchFailures(context);
      const page = await context.newPage();
      await page.goto(`/en/lessons/${LESSON}/`);
      await controlled(page);
      expect(await cacheNames(page)).toEqual([`eil-offline-${versionA}`]);

      // Deploy B, as a host swapping the site folder does.
      rmSync(current);
      symlinkSync(b, current);
      await page.reload();
      expect(await page.locator('h1').first().innerText()).toMatch(/^Build B: /);
      expect(await page.evaluate((n) => performance.getEntriesByType('resource').some((e) => e.name.endsWith(`/_astro/${n}.js`)), renamed)).toBe(true);
      expect(failures).toEqual([]);

      // B's worker installs beside A's (A's pages may still need A's lazy chunks) ...
      await page.evaluate(async () => {
        const reg = (await navigator.serviceWorker.getRegistration())!;
        await reg.update();
        const next = reg.installing ?? reg.waiting;
        if (next && next.state !== 'installed') {
          await new Promise<void>((ok) => next.addEventListener('statechange', () => void (next.state === 'installed' && ok())));
        }
      });
      expect((await cacheNames(page)).sort()).toEqual([`eil-offline-${versionA}`, `eil-offline-${versionB}`].sort());

      // ... and takes over once no page uses A any more; only then is A's cache deleted.
      await page.close();
      const next = await context.newPage();
      await next.goto(`/en/lessons/${LESSON}/`);
      await controlled(next);
      await expect.poll(() => cacheNames(next), { timeout: 10_000 }).toEqual([`eil-offline-${versionB}`]);

      // Offline, B is what the cache holds: the changed text with its renamed script.
      await stop(server);
      await context.setOffline(true);
      await next.reload();
      expect(await next.locator('h1').first().innerText()).toMatch(/^Build B: /);
      expect(await next.evaluate((n) => performance.getEntriesByType('resource').some((e) => e.name.endsWith(`/_astro/${n}.js`)), renamed)).toBe(true);
      expect(failures).toEqual([]);
      await context.close();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('a half-finished deploy (new sw.js, old pages) is refused: the old build keeps serving, whole', async () => {
    const root = mkdtempSync(join(tmpdir(), 'eil-sw-half-'));
    try {
      const a = join(root, 'a');
      const b = join(root, 'b');
      const half = join(root, 'half');
      cpSync('dist', a, { recursive: true });
      cpSync('dist', b, { recursive: true });
      const lessonFile = join('en', 'lessons', LESSON, 'index.html');
      writeFileSync(join(b, lessonFile), readFileSync(join(b, lessonFile), 'utf8').replace(/(<h1[^>]*>)/, '$1Build B: '));
      const versionB = (await rewriteServiceWorker(b)).version;
      // The host has B's worker already but still A's lesson page.
      cpSync(a, half, { recursive: true });
      cpSync(join(b, 'sw.js'), join(half, 'sw.js'));
      const versionA = (await manifestOf(a)).version;

      const current = join(root, 'current');
      symlinkSync(a, current);
      const { url, server } = await startStaticServer(current);
      const context = await browser.newContext({ baseURL: url });
      const page = await context.newPage();
      await page.goto(`/en/lessons/${LESSON}/`);
      await controlled(page);
      rmSync(current);
      symlinkSync(half, current);
      const outcome = await page.evaluate(async () => {
        const reg = (await navigator.serviceWorker.getRegistration())!;
        await reg.update();
        const next = reg.installing;
        if (!next) return 'no update seen';
        await new Promise<void>((ok) => next.addEventListener('statechange', () => void ((next.state === 'redundant' || next.state === 'installed') && ok())));
        return next.state;
      });
      expect(outcome).toBe('redundant');
      // A's complete cache is untouched; B's partial one is never used for pages and goes with the next good install.
      expect(await cacheNames(page)).toContain(`eil-offline-${versionA}`);
      expect(versionB).not.toBe(versionA);

      await stop(server);
      await context.setOffline(true);
      await page.reload();
      expect(await page.locator('h1').first().innerText()).not.toMatch(/^Build B/);
      expect(await page.locator('.site-header').evaluate((e) => getComputedStyle(e).display)).not.toBe('inline');
      await context.close();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
