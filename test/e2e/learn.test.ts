import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launch, openPage, serious } from './browser';

const slug = 'where-does-external-ip-come-from';
const lessonPath = (lang: string) => `/${lang}/lessons/${slug}/`;
const KEY = 'eil:progress';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The quiz grader loads when the quiz nears the screen: bring it there and wait for it. */
async function openQuiz(page: Page) {
  await page.locator('.quiz').scrollIntoViewIfNeeded();
  await page.waitForSelector('.quiz[data-ready]');
}
const question = (page: Page, id: string) => page.locator(`form.quiz-q[data-q="${id}"]`);
const choice = (page: Page, q: string, c: string) => page.locator(`#quiz-${slug}-${q}-${c}`);
const saved = (page: Page) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null'), KEY);

describe('quiz markup at load', () => {
  it('the questions come into the page at idle up to the first text box, the rest as the quiz nears, without loading the grader early', async () => {
    const { page, context, errors } = await openPage(browser, lessonPath('en'), { viewport: { width: 390, height: 844 } });
    // Parsed in a <template> (not laid out at load), then moved in: find in page and screen readers see them.
    // The third question has a text box (autofill lays out the section around a new one): it waits.
    await expect.poll(() => page.locator('.quiz form.quiz-q').count(), { timeout: 10_000 }).toBe(2);
    await page.waitForTimeout(1500);
    expect(await page.locator('.quiz form.quiz-q').count()).toBe(2);
    expect(await page.locator('.quiz template').count()).toBe(1);
    expect(await page.locator('.quiz[data-ready]').count()).toBe(0);
    await page.locator('.quiz').scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('.quiz form.quiz-q').count()).toBe(4);
    expect(await page.locator('.quiz template').count()).toBe(0);
    // In their written order, before the score line.
    const order = await page.locator('.quiz > *').evaluateAll((els) => els.map((e) => e.getAttribute('data-q') ?? (e.className || e.localName)));
    expect(order).toEqual(['noscript', 'who-creates-pip', 'fourth-ip', 'pip-name', 'lb-survives', 'quiz-score', 'quiz-score-note']);
    await expect.poll(() => page.locator('.quiz[data-ready]').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a link to a quiz choice finds it at once', async () => {
    const { page, context, errors } = await openPage(browser, `${lessonPath('ko')}#quiz-${slug}-who-creates-pip-ccm`);
    const target = page.locator(`#quiz-${slug}-who-creates-pip-ccm`);
    await expect.poll(() => target.isVisible()).toBe(true);
    // On screen, below the sticky header.
    const top = () => target.evaluate((el) => el.getBoundingClientRect().top - document.querySelector('.site-header')!.getBoundingClientRect().bottom);
    await expect.poll(top).toBeGreaterThan(0);
    expect(await target.evaluate((el) => el.getBoundingClientRect().bottom)).toBeLessThan(await page.evaluate(() => innerHeight));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('without JavaScript the quiz says it needs it', async () => {
    const { page, context } = await openPage(browser, lessonPath('en'), { javaScriptEnabled: false });
    expect(await page.locator('.quiz').textContent()).toContain('Turn on JavaScript to see the questions and check your answers.');
    expect(await page.locator('.quiz form').count()).toBe(0);
    await context.close();
  });
});

describe.each(['en', 'ko'])('quiz (%s)', (lang) => {
  it('wrong → explanation → retry → right, with results announced politely', async () => {
    const { page, context, errors } = await openPage(browser, lessonPath(lang));
    await openQuiz(page);
    const q = question(page, 'who-creates-pip');
    const result = q.locator('.quiz-result');
    expect(await result.getAttribute('aria-live')).toBe('polite');
    // No explanation shows before a check, and picking a choice does not check it.
    await choice(page, 'who-creates-pip', 'kube-proxy').check();
    expect(await q.locator('.quiz-why:visible').count()).toBe(0);
    expect(await result.innerText()).toBe('');

    await q.locator('.quiz-check').click();
    expect(await q.getAttribute('data-state')).toBe('wrong');
    expect(await page.locator(`#quiz-${slug}-who-creates-pip-kube-proxy-why`).isVisible()).toBe(true);
    expect(await q.locator('.quiz-explain').isVisible()).toBe(false);
    expect(await result.innerText()).not.toBe('');
    // Focus lands on Retry, so the keyboard user can go on at once.
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('quiz-retry');
    await page.keyboard.press('Enter');

    await choice(page, 'who-creates-pip', 'ccm').check();
    await q.locator('.quiz-check').click();
    expect(await q.getAttribute('data-state')).toBe('right');
    expect(await q.locator('.quiz-explain').isVisible()).toBe(true);
    // The score counts the first check: this question was wrong then.
    expect(await page.locator('.quiz-score').innerText()).toMatch(/0\D+4|4\D+0/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('"Show answer" appears only after an attempt, and a short answer can be checked from the keyboard', async () => {
    const { page, context, errors } = await openPage(browser, lessonPath(lang));
    await openQuiz(page);
    const q = question(page, 'fourth-ip');
    expect(await q.locator('.quiz-show').isVisible()).toBe(false);
    await q.locator('.quiz-check').click(); // nothing chosen: not an attempt
    expect(await q.locator('.quiz-show').isVisible()).toBe(false);
    expect(await q.getAttribute('data-state')).toBe('');
    await choice(page, 'fourth-ip', 'tag').check();
    await q.locator('.quiz-check').click();
    expect(await q.getAttribute('data-state')).toBe('wrong');
    await q.locator('.quiz-show').click();
    expect(await q.getAttribute('data-state')).toBe('revealed');
    expect(await q.locator('.quiz-choice[data-reveal][data-correct]').count()).toBe(2);
    expect(await q.locator('.quiz-why:visible').count()).toBe(4);

    const s = question(page, 'pip-name');
    await s.locator('input[type="text"]').focus();
    await page.keyboard.type('kubernetes-b94d0a6c3e754b129f8d2c61e7a05b34');
    await page.keyboard.press('Enter');
    expect(await s.getAttribute('data-state')).toBe('wrong');
    expect(await s.locator('.quiz-why').isVisible()).toBe(true);
    await s.locator('.quiz-retry').click();
    await s.locator('input[type="text"]').fill('  KUBERNETES-AB94D0A6C3E754B129F8D2C61E7A05B3 ');
    await page.keyboard.press('Enter');
    expect(await s.getAttribute('data-state')).toBe('right');

    expect(serious(await axeViolations(page))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

/** Answers one question right, reaches the end of the lesson, and waits until both are saved. */
async function makeProgress(page: Page) {
  await openQuiz(page);
  await choice(page, 'who-creates-pip', 'ccm').check();
  await question(page, 'who-creates-pip').locator('.quiz-check').click();
  await page.locator('.read-marker').scrollIntoViewIfNeeded();
  await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k) ?? '{}')?.state?.lessons?.['where-does-external-ip-come-from']?.read === true, KEY);
}

describe('progress', () => {
  it.each(['en', 'ko'])('survives a reload and shows on the home page with "continue" (%s)', async (lang) => {
    const { page, context, errors } = await openPage(browser, lessonPath(lang));
    await makeProgress(page);
    await page.reload();
    expect((await saved(page)).state.lessons[slug].quiz.first).toEqual({ 'who-creates-pip': true });
    await page.goto(`/${lang}/`);
    const line = page.locator(`[data-progress-lesson="${slug}"]`);
    await page.waitForSelector('.progress-panel:not([hidden])');
    expect(await line.getAttribute('data-read')).toBe('true');
    expect(await line.innerText()).toContain('1/4');
    // Lesson 1 was read to the end: "continue" goes on to the next lesson, not back to the one just finished.
    const cont = page.locator('a.progress-continue');
    expect(await cont.getAttribute('href')).toBe(`/${lang}/lessons/the-load-balancer-aks-made/`);
    expect(await cont.isVisible()).toBe(true);
    expect(serious(await axeViolations(page))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('exports to a file that restores the progress in a fresh profile; a bad file is refused and changes nothing', async () => {
    const a = await openPage(browser, lessonPath('en'), { acceptDownloads: true });
    await makeProgress(a.page);
    await a.page.goto('/en/');
    const [download] = await Promise.all([a.page.waitForEvent('download'), a.page.locator('.progress-export').click()]);
    const dir = mkdtempSync(join(tmpdir(), 'eil-progress-'));
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    expect(JSON.parse(readFileSync(file, 'utf8')).format).toBe('external-ip-lab-progress');
    await a.context.close();

    const b = await openPage(browser, '/en/');
    const line = b.page.locator(`[data-progress-lesson="${slug}"]`);
    await b.page.waitForSelector('.progress-panel:not([hidden])');
    expect(await line.getAttribute('data-read')).toBe('false');
    await b.page.locator('.progress-file').setInputFiles(file);
    await b.page.waitForFunction(() => document.querySelector('.progress-status')?.textContent === 'Progress imported.');
    expect(await line.getAttribute('data-read')).toBe('true');

    // A damaged file: refused with a message, progress untouched.
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, readFileSync(file, 'utf8').slice(0, 60));
    const before = await b.page.evaluate((k) => localStorage.getItem(k), KEY);
    await b.page.locator('.progress-file').setInputFiles(bad);
    await b.page.waitForFunction(() => /Nothing was changed/.test(document.querySelector('.progress-status')?.textContent ?? ''));
    expect(await b.page.evaluate((k) => localStorage.getItem(k), KEY)).toBe(before);
    expect(await line.getAttribute('data-read')).toBe('true');
    expect(b.errors).toEqual([]);
    await b.context.close();
  });

  it('reset asks first, and does nothing when the learner says no', async () => {
    const { page, context } = await openPage(browser, lessonPath('ko'));
    await makeProgress(page);
    await page.goto('/ko/');
    const line = page.locator(`[data-progress-lesson="${slug}"]`);
    await page.waitForSelector('.progress-panel:not([hidden])');
    const messages: string[] = [];
    page.once('dialog', (d) => (messages.push(d.message()), void d.dismiss()));
    await page.locator('.progress-reset').click();
    expect(messages.length).toBe(1);
    expect(await line.getAttribute('data-read')).toBe('true');
    page.once('dialog', (d) => void d.accept());
    await page.locator('.progress-reset').click();
    expect(await line.getAttribute('data-read')).toBe('false');
    expect(await page.locator('a.progress-continue').isVisible()).toBe(false);
    await context.close();
  });

  it.each([
    ['en', 'home', '/en/'],
    ['ko', 'lesson', lessonPath('ko')],
  ])('corrupt saved progress shows a notice and the page still works (%s %s)', async (_lang, _kind, path) => {
    const { page, context, errors } = await openPage(browser, path);
    // A lesson page saves "last visited" once idle: let it, so it cannot overwrite the bad value.
    if (path.includes('lessons')) await page.waitForFunction((k) => localStorage.getItem(k) !== null, KEY);
    await page.evaluate((k) => localStorage.setItem(k, '{"state": {"lessons": tru'), KEY);
    await page.reload();
    const notice = page.locator('.progress-notice');
    await notice.waitFor({ state: 'visible' });
    expect(await notice.innerText()).not.toBe('');
    // The unreadable value is kept aside, not lost.
    expect(await page.evaluate(() => localStorage.getItem('eil:progress:backup'))).toBe('{"state": {"lessons": tru');
    if (path.includes('lessons')) {
      await openQuiz(page);
      await choice(page, 'who-creates-pip', 'ccm').check();
      await question(page, 'who-creates-pip').locator('.quiz-check').click();
      expect(await question(page, 'who-creates-pip').getAttribute('data-state')).toBe('right');
    } else {
      expect(await page.locator('.progress-panel').isVisible()).toBe(true);
    }
    await notice.locator('button').click();
    expect(await notice.isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });
});
