import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisLbYaml } from '../../content/labs/where-does-external-ip-come-from';
import { baseURL, launch } from './browser';
import { checkQuiz, type Lang, LESSON, searchFindsLesson, useLessonLab } from './course-helpers';
import { startLab, waitForTerminal } from './lab-helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Watched {
  page: Page;
  context: BrowserContext;
  violations: string[];
  errors: string[];
  /** Scripts that started as workers in the page. */
  workers: string[];
}

/**
 * A fresh profile whose every document reports its CSP violations to the test (through a binding,
 * so reports survive navigations), plus console errors and every request URL.
 */
async function watched(): Promise<Watched> {
  const context = await browser.newContext({ baseURL: baseURL(), viewport: { width: 1440, height: 900 } });
  const violations: string[] = [];
  await context.exposeBinding('__reportCsp', (_source, v: string) => void violations.push(v));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCsp(v: string): void }).__reportCsp(
        `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} in ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const workers: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  page.on('pageerror', (e) => void errors.push(e.message));
  page.on('worker', (w) => void workers.push(w.url()));
  return { page, context, violations, errors, workers };
}

const policyOf = (page: Page) => page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');

describe('Content-Security-Policy', () => {
  it('every page carries one strict policy, first in <head>, before any script or style', async () => {
    const { page, context } = await watched();
    for (const path of ['/en/', '/ko/', `/en/lessons/${LESSON}/`, `/ko/lessons/${LESSON}/`, '/en/sandbox/', '/ko/sandbox/', '/no-such-page/']) {
      await page.goto(path);
      const head = await page.evaluate(() => [...document.head.children].map((e) => e.outerHTML.slice(0, 60)));
      expect(head[0], path).toMatch(/^<meta charset="utf-8">/);
      expect(head[1], path).toMatch(/^<meta http-equiv="content-security-policy"/);
      expect(await page.locator('meta[http-equiv="content-security-policy"]').count()).toBe(1);
      const policy = (await policyOf(page))!;
      const directives = new Map(
        policy
          .split(';')
          .map((d) => d.trim())
          .filter(Boolean)
          .map((d) => [d.split(/\s+/)[0]!, d.split(/\s+/).slice(1)]),
      );
      expect(directives.get('default-src')).toEqual(["'none'"]);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(directives.get('base-uri')).toEqual(["'none'"]);
      expect(directives.get('form-action')).toEqual(["'self'"]);
      expect(directives.get('worker-src')).toEqual(["'self'"]);
      const scriptSrc = directives.get('script-src')!;
      expect(scriptSrc).toContain("'self'");
      expect(scriptSrc).not.toContain("'unsafe-inline'");
      expect(scriptSrc).not.toContain("'unsafe-eval'");
      // No remote origin anywhere, in any directive; data: only for images (Monaco's squiggles).
      expect(policy).not.toMatch(/https?:|\*|blob:/);
      expect(directives.get('img-src')).toEqual(["'self'", 'data:']);
      for (const [name, values] of directives) if (name !== 'img-src') expect(values, name).not.toContain('data:');
    }
    await context.close();
  });

  it('is in force: an injected inline script, an inline handler and a remote script do not run', async () => {
    const { page, context, violations } = await watched();
    await page.goto(`/en/lessons/${LESSON}/`);
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = "inline"';
      document.body.append(s);
      const img = document.createElement('img');
      img.setAttribute('onerror', 'window.__injected = "handler"');
      img.src = '/no-such-image.png';
      document.body.append(img);
      const remote = document.createElement('script');
      remote.src = 'https://attacker.invalid/x.js';
      document.body.append(remote);
    });
    await expect.poll(() => violations.length).toBeGreaterThanOrEqual(3);
    expect(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected)).toBeUndefined();
    expect(violations.some((v) => v.startsWith('script-src-elem blocked inline'))).toBe(true);
    expect(violations.some((v) => v.startsWith('script-src-attr blocked inline'))).toBe(true);
    expect(violations.some((v) => v.startsWith('script-src-elem blocked https://attacker.invalid/x.js'))).toBe(true);
    await context.close();
  });

  it('"/" (whose inline script picks a language) and the 404 page run with no violation', async () => {
    const { page, context, violations, errors } = await watched();
    await page.goto('/');
    await page.waitForURL('**/en/');
    await page.goto('/no-such-page/');
    await page.locator('h1').waitFor();
    expect(violations).toEqual([]);
    // The 404 page's own status is the only console error a learner's browser reports.
    expect(errors.filter((e) => !/404 \(Not Found\)/.test(e))).toEqual([]);
    await context.close();
  });

  it.each(['en', 'ko'] as Lang[])('the home page (%s): theme toggle and search, no violation', async (lang) => {
    const { page, context, violations, errors } = await watched();
    await page.goto(`/${lang}/`);
    await page.locator('.theme-toggle').click();
    await searchFindsLesson(page, lang);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it.each(['en', 'ko'] as Lang[])('a lesson (%s) with the lab started and used, search and quiz: no violation', async (lang) => {
    const { page, context, violations, errors, workers } = await watched();
    await page.goto(`/${lang}/lessons/${LESSON}/`);
    await searchFindsLesson(page, lang);
    await checkQuiz(page);
    // The editor's text pasted in: the YAML language server starts on the editor's first use.
    await useLessonLab(page, lang, redisLbYaml);
    // The YAML language server and Pagefind's search really ran as workers (same-origin files,
    // allowed by worker-src 'self'; none comes from blob:).
    expect(workers.some((r) => r.endsWith('/pagefind/pagefind-worker.js'))).toBe(true);
    expect(workers.some((r) => /\/_astro\/yaml\.worker-[^/]+\.js$/.test(r))).toBe(true);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the sandbox with the lab started and its options form submitted: no violation', async () => {
    const { page, context, violations, errors } = await watched();
    await page.goto('/en/sandbox/');
    await startLab(page);
    await page.getByRole('button', { name: 'Apply' }).click();
    await waitForTerminal(page, /service\/\S+ created/);
    // Replacing a running lab asks first; the new page builds the new cluster at once.
    await page.locator('select[name="outboundType"]').selectOption('managedNATGateway');
    page.once('dialog', (d) => void d.accept());
    await page.locator('.sandbox-options').evaluate((f: HTMLFormElement) => f.requestSubmit());
    await page.waitForURL(/\?outboundType=managedNATGateway/);
    await page.locator('.lab-shell.lab-started .monaco-editor .view-lines').waitFor({ timeout: 20_000 });
    await page.locator('.xterm-rows').waitFor();
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
