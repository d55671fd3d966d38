import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Server } from 'node:http';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from './browser';
import { LESSON, searchFindsLesson, useLessonLab } from './course-helpers';
import { startStaticServer } from '../support/static-server';
import { precacheManifest as manifestOf, writeServiceWorker as rewriteServiceWorker } from '../../build/precache.mjs';

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

describe('offline', () => {
  it('after one visit, every page, the lab and search work with the site gone', async () => {
    const { url, server } = await startStaticServer('dist');
    const context = await browser.newContext({ baseURL: url, viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const load = await page.goto('/en/');
    expect(load?.ok()).toBe(true);
    const loadEnd = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
    const readyAt = await controlled(page);
    const manifest = await manifestOf('dist');
    console.info(`[offline] precache ${manifest.files.length} files, ${Math.round(manifest.bytes / 1024)} KB; worker active ${Math.round(readyAt - loadEnd)} ms after load`);

    // Exactly this build's files are cached, in one cache named after the build.
    expect(await cacheNames(page)).toEqual([`eil-offline-${manifest.version}`]);
    const cached = await page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname), `eil-offline-${manifest.version}`);
    expect(cached.sort()).toEqual([...manifest.files.map(([u]) => u), '/__eil-precache.json'].sort());

    await stop(server);
    await context.setOffline(true);
    const failures = watchFailures(context, /\/en\/no-such-page\/$/);
    const errors: string[] = [];
    page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    page.on('pageerror', (e) => void errors.push(e.message));

    await page.goto('/');
    await page.waitForURL('**/en/');
    for (const path of ['/en/', '/ko/', '/en/sandbox/', '/ko/sandbox/', '/en/sandbox/?outboundType=userDefinedRouting&nodes=2', ...lessons('en'), ...lessons('ko')]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(200);
      expect(res?.fromServiceWorker(), path).toBe(true);
      expect((await page.locator('h1').first().innerText()).length, path).toBeGreaterThan(0);
      // The page's stylesheet came along: the header is laid out, not raw HTML.
      expect(await page.locator('.site-header').evaluate((e) => getComputedStyle(e).display), path).not.toBe('inline');
    }
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
  });

  it('a new build takes over on the next load, with no request for a file the server no longer has', async () => {
    const root = mkdtempSync(join(tmpdir(), 'eil-sw-update-'));
    try {
      const a = join(root, 'a');
      const b = join(root, 'b');
      cpSync('dist', a, { recursive: true });
      cpSync('dist', b, { recursive: true });
      // Build B: changed lesson text, and a page script under a new hashed name (the old one is gone).
      // (The pages' CSS is inlined since issue 18, so the hashed file is the service worker's
      // registration script, which every page loads and no other file imports.)
      const lessonFile = join(b, 'en', 'lessons', LESSON, 'index.html');
      const asset = /\/_astro\/(OfflineSupport[^"]+)\.js/.exec(readFileSync(lessonFile, 'utf8'))![1]!;
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
