import { readdirSync, readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launch, openPage, serious } from './browser';

const slugs = readdirSync('content/lessons/en')
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => f.replace(/\.mdx$/, ''))
  .sort();
const first = 'where-does-external-ip-come-from';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('home pages', () => {
  it.each([
    ['en', 'Where does EXTERNAL-IP come from?'],
    ['ko', 'EXTERNAL-IP'],
  ])('/%s/ lists the first lesson with a link to it', async (lang, titlePart) => {
    const { page, context, errors } = await openPage(browser, `/${lang}/`);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    const link = page.locator(`.outline a[href="/${lang}/lessons/${first}/"]`);
    await expect(link.count()).resolves.toBe(1);
    expect(await link.innerText()).toContain(titlePart);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the root page sends a Korean browser to /ko/ and an English one to /en/', async () => {
    for (const [locale, expected] of [
      ['ko-KR', '/ko/'],
      ['en-US', '/en/'],
    ] as const) {
      const { page, context } = await openPage(browser, '/', { locale });
      await page.waitForURL(`**${expected}`);
      expect(new URL(page.url()).pathname).toBe(expected);
      await context.close();
    }
  });
});

describe('lesson page', () => {
  it.each(['en', 'ko'])('renders lesson 1 in %s with sidebar, contents, time and objectives', async (lang) => {
    const { page, context, errors } = await openPage(browser, `/${lang}/lessons/${first}/`);
    const h1 = await page.locator('main h1').innerText();
    expect(h1).toContain('EXTERNAL-IP');
    // The sidebar marks the current lesson; the table of contents links to headings that exist.
    await expect(page.locator('nav.sidebar a[aria-current="page"]').count()).resolves.toBe(1);
    const tocLinks = await page.locator('nav.toc a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(tocLinks.length).toBeGreaterThan(2);
    for (const href of tocLinks) {
      await expect(page.locator(`[id="${href!.slice(1)}"]`).count()).resolves.toBe(1);
    }
    expect(await page.locator('.eyebrow').innerText()).toMatch(lang === 'en' ? /\d+ min/ : /\d+분/);
    expect(await page.locator('.objectives li').count()).toBeGreaterThan(0);
    // The lesson names the outbound IP's tag: the puzzle the course is built on.
    expect(await page.locator('article').innerText()).toContain('aks-slb-managed-outbound-ip');
    // Output from the example cluster says so; a file the commands use is captioned with its name.
    const caption = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((pre) => getComputedStyle(pre, '::before').content);
    expect(await caption('pre[data-illustration]')).toContain(lang === 'en' ? 'Example cluster output' : '예제 클러스터의 출력');
    expect(await caption('pre[data-file]')).toBe('"redis-lb.yaml"');
    expect(await page.title()).toContain(h1.trim());
    expect(await page.getAttribute('meta[name="description"]', 'content')).toBeTruthy();
    expect(await page.getAttribute('meta[property="og:title"]', 'content')).toBeTruthy();
    expect(errors).toEqual([]);
    await context.close();
  });

  it.each([
    ['en', 'keep-your-ip-static-and-dns', 'Tags'],
    ['ko', 'one-service-five-clusters', 'EKS'],
  ])('a %s comparison table (%s) labels its rows for screen readers', async (lang, slug, label) => {
    const { page, context } = await openPage(browser, `/${lang}/lessons/${slug}/`);
    const table = page.locator('article table').first();
    const rows = await table.locator('tbody tr').count();
    expect(await table.getByRole('rowheader').count()).toBe(rows);
    expect(await table.getByRole('rowheader', { name: label, exact: true }).count()).toBe(1);
    // The empty corner is a plain cell, not a header with no text.
    expect(await table.locator('thead th:empty').count()).toBe(0);
    await context.close();
  });

  it('the language switch keeps the learner on the same lesson, both ways', async () => {
    const { page, context } = await openPage(browser, `/en/lessons/${first}/`);
    await page.getByRole('link', { name: '한국어' }).click();
    await page.waitForURL(`**/ko/lessons/${first}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('ko');
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(`**/en/lessons/${first}/`);
    await context.close();
  });

  it('every lesson links to the next one and back, in course order', async () => {
    const order = (slug: string) => Number(/^order:\s*(\d+)/m.exec(readFileSync(`content/lessons/en/${slug}.mdx`, 'utf8'))![1]);
    const course = [...slugs].sort((a, b) => order(a) - order(b));
    for (const [i, slug] of course.entries()) {
      const { page, context } = await openPage(browser, `/en/lessons/${slug}/`);
      const href = (rel: string) => page.locator(`a[rel="${rel}"]`).evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(await href('next')).toEqual(i + 1 < course.length ? [`/en/lessons/${course[i + 1]}/`] : []);
      expect(await href('prev')).toEqual(i > 0 ? [`/en/lessons/${course[i - 1]}/`] : []);
      await context.close();
    }
    // One page per lesson (twelve now): the default 60 s was too close on a busy machine.
  }, 120_000);
});

describe('course outline', () => {
  it.each([
    ['en', 'Lesson 1', 'Challenge'],
    ['ko', '1단원', '도전 과제'],
  ])('/%s/ numbers the lessons and labels the challenge', async (lang, firstLabel, challengeLabel) => {
    const { page, context } = await openPage(browser, `/${lang}/`);
    const labels = await page.locator('.outline .num').allInnerTexts();
    expect(labels[0]).toBe(firstLabel);
    expect(labels.at(-1)).toBe(challengeLabel);
    expect(labels.filter((l) => l === challengeLabel)).toHaveLength(1);
    await context.close();
  });
});

describe('annotation reference', () => {
  it.each([
    ['en', 'Annotations', 'Simulated', 'Accepted, no effect'],
    ['ko', '어노테이션', '재현됨', '받기만 하고 효과 없음'],
  ])('/%s/: the header leads to it, and it says what the lab simulates', async (lang, navName, yes, no) => {
    const { page, context, errors } = await openPage(browser, `/${lang}/`);
    const nav = () => page.getByRole('navigation', { name: lang === 'en' ? 'Main' : '주 메뉴' }).getByRole('link', { name: navName });
    await nav().click();
    await page.waitForURL(`**/${lang}/reference/`);
    expect(await nav().getAttribute('aria-current')).toBe('page');
    const row = (key: string) => page.getByRole('row', { name: new RegExp(`^service\\.beta\\.kubernetes\\.io/\\s*${key}\\s`) });
    expect(await row('azure-pip-name').locator('td').last().innerText()).toBe(yes);
    expect(await row('azure-pls-create').locator('td').last().innerText()).toBe(no);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('search', () => {
  it.each([
    ['en', 'outbound'],
    ['ko', '공용 IP'],
  ])('on /%s/ finds lesson 1 for "%s"', async (lang, query) => {
    const { page, context, errors } = await openPage(browser, `/${lang}/`);
    await page.locator('.search-open').click();
    const input = page.getByRole('searchbox');
    await input.fill(query);
    const hit = page.locator(`.search-results a[href="/${lang}/lessons/${first}/"]`);
    await hit.waitFor({ timeout: 10_000 });
    expect(await page.locator('.search-results mark').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('snippets are prose: no YAML, JSON or command lines from the code blocks', async () => {
    const { page, context } = await openPage(browser, '/en/');
    await page.locator('.search-open').click();
    const input = page.getByRole('searchbox');
    for (const query of ['outbound', 'public ip', 'loadBalancerIP', 'annotation']) {
      await input.fill(query);
      await page.locator('.search-results > li > p').first().waitFor({ timeout: 10_000 });
      const snippets = await page.locator('.search-results > li > p').allInnerTexts();
      for (const snippet of snippets) {
        // Code-block material: YAML keys, JSON members, shell prompts, table/tsv output flags.
        expect(snippet, `"${query}": ${snippet}`).not.toMatch(
          /apiVersion:|kind: Service|"\w+": |\$ (?:kubectl|az) |azureuser@|\s-o (?:table|tsv|json|wide)\b|--query /,
        );
      }
    }
    await context.close();
  });

  it('opens with the "/" key and says when nothing matches', async () => {
    const { page, context } = await openPage(browser, '/en/');
    await page.keyboard.press('/');
    await page.getByRole('searchbox').fill('zzzqqqxxyy');
    await page.getByText('No lessons match').waitFor();
    await context.close();
  });
});

describe('dark mode', () => {
  it('follows the system first, then a stored choice survives a reload without flashing', async () => {
    const { page, context } = await openPage(browser, `/en/lessons/${first}/`, { colorScheme: 'light' });
    const bg = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const light = await bg();
    const toggle = page.getByRole('button', { name: 'Dark mode' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const dark = await bg();
    expect(dark).not.toBe(light);
    // On reload the stored choice must be in force before any deferred script runs.
    await page.reload({ waitUntil: 'commit' });
    await page.waitForSelector('html[data-theme="dark"]', { timeout: 5000 });
    expect(await bg()).toBe(dark);
    await context.close();
  });

  it('a dark system gets the dark theme with no stored choice', async () => {
    const { page, context } = await openPage(browser, '/ko/', { colorScheme: 'dark' });
    const toggle = page.getByRole('button', { name: '다크 모드' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await context.close();
  });
});

describe('accessibility and errors on every page', () => {
  const pages = [
    '/',
    '/en/',
    '/ko/',
    '/en/sandbox/',
    '/ko/sandbox/',
    '/en/reference/',
    '/ko/reference/',
    '/404.html',
    ...slugs.flatMap((s) => [`/en/lessons/${s}/`, `/ko/lessons/${s}/`]),
  ];
  it.each(pages)('%s has no serious axe violations and no console errors (light and dark)', async (path) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, context, errors } = await openPage(browser, path, { colorScheme, locale: 'en-US' });
      await page.waitForLoadState('load');
      if (path === '/') await page.waitForURL('**/en/');
      const bad = serious(await axeViolations(page));
      expect(bad, JSON.stringify(bad, null, 2)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('an unknown address shows the 404 page', async () => {
    const { page, context } = await openPage(browser, '/en/no-such-page/');
    expect(await page.locator('h1').innerText()).toBe('Page not found');
    await context.close();
  });
});
