import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage } from './browser';
import { checkQuiz, LESSON, useLessonLab } from './course-helpers';
import { runInTerminal, startLab, waitForTerminal } from './lab-helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const lessonPath = (lang: string) => `/${lang}/lessons/${LESSON}/`;

/** Progress saved on an earlier visit: lesson read, first quiz question right. */
const EARLIER = JSON.stringify({
  state: {
    lessons: { [LESSON]: { read: true, quiz: { total: 4, first: { 'who-creates-pip': true }, last: { 'who-creates-pip': true } }, exercises: {} } },
    last: LESSON,
  },
  version: 1,
});

/**
 * Every page of the context sees a localStorage that is full: each setItem throws QuotaExceededError,
 * as a browser does when the origin's quota is used up. Progress from an earlier visit is in it.
 */
async function fullStorage(page: Page): Promise<void> {
  await page.context().addInitScript((earlier) => {
    const setItem = Storage.prototype.setItem;
    if (localStorage.getItem('eil:progress') === null) setItem.call(localStorage, 'eil:progress', earlier);
    Storage.prototype.setItem = function (this: Storage) {
      if (this === window.localStorage) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  }, EARLIER);
}

/** localStorage disabled, as with blocked site data: merely reading `window.localStorage` throws. */
async function blockedStorage(page: Page): Promise<void> {
  await page.context().addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException("Failed to read the 'localStorage' property from 'Window': Access is denied for this document.", 'SecurityError');
      },
    });
  });
}

const notices = (page: Page) => page.locator('.storage-notice .storage-notice-box');

/** Toggles the theme and checks the page follows, stored or not. */
async function toggleTheme(page: Page): Promise<void> {
  const before = await page.evaluate(() => document.documentElement.dataset.theme ?? 'system');
  await page.locator('.theme-toggle').first().click();
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).not.toBe(before);
}

describe('storage full', () => {
  it('the lesson, quiz, theme and lab work; one notice says so; earlier progress is kept', async () => {
    const { page, context, errors } = await openPage(browser, 'about:blank', { viewport: { width: 1440, height: 900 } });
    await fullStorage(page);
    await page.goto(lessonPath('en'));
    // Nothing failed yet: no notice before the first write.
    expect(await notices(page).count()).toBe(0);

    await toggleTheme(page);
    await expect.poll(() => notices(page).count()).toBe(1);
    const region = page.locator('.storage-notice');
    expect(await region.getAttribute('role')).toBe('status');
    expect(await notices(page).innerText()).toContain('no room left');

    // Many more failed writes (quiz, lab draft and history, more theme changes): still one notice.
    await checkQuiz(page);
    await useLessonLab(page, 'en');
    await runInTerminal(page, 'kubectl get ns');
    await toggleTheme(page);
    expect(await notices(page).count()).toBe(1);

    // Dismissed, it stays gone for this page; focus is not left on a removed button.
    await notices(page).getByRole('button', { name: 'Dismiss' }).click();
    expect(await notices(page).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await toggleTheme(page);
    // One more terminal line (its history write fails too); its output alone on a line shows it ran.
    await page.locator('.xterm-helper-textarea').focus();
    await page.keyboard.type('echo after-dismiss');
    await page.keyboard.press('Enter');
    await waitForTerminal(page, /^after-dismiss\s*$/m);
    await toggleTheme(page);
    expect(await notices(page).count()).toBe(0);

    // The earlier visit's progress was never overwritten or dropped.
    expect(await page.evaluate(() => localStorage.getItem('eil:progress'))).toBe(EARLIER);
    await page.goto('/en/');
    await page.waitForSelector('.progress-panel:not([hidden])');
    expect(await page.locator(`[data-progress-lesson="${LESSON}"]`).count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('storage disabled', () => {
  it.each(['en', 'ko'])('the lesson (%s), quiz, theme and lab (reset included) work, with one notice from the start', async (lang) => {
    const { page, context, errors } = await openPage(browser, 'about:blank', { viewport: { width: 1440, height: 900 } });
    await blockedStorage(page);
    await page.goto(lessonPath(lang));
    await expect.poll(() => notices(page).count()).toBe(1);
    expect(await notices(page).innerText()).toMatch(lang === 'en' ? /does not let the site save/ : /저장을 허용하지 않아/);

    await toggleTheme(page);
    await checkQuiz(page);
    // Progress lives for the page: the quiz's score line counts the answer.
    expect(await page.locator('.quiz-score').innerText()).toMatch(/1\D+4|4\D+1/);
    await useLessonLab(page, lang as 'en' | 'ko');
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: lang === 'en' ? 'Reset lab' : '실습 초기화' }).click();
    await waitForTerminal(page, /azureuser@lab/);
    expect(await notices(page).count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the home page and the sandbox work too', async () => {
    const { page, context, errors } = await openPage(browser, 'about:blank');
    await blockedStorage(page);
    await page.goto('/en/');
    await expect.poll(() => notices(page).count()).toBe(1);
    await page.goto('/en/sandbox/');
    await startLab(page);
    await runInTerminal(page, 'kubectl get svc -A');
    expect(await notices(page).count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('unreadable and future data under every key', () => {
  it('the site starts clean where it must, keeps the originals aside and still works', async () => {
    const seeded = {
      'eil:progress': JSON.stringify({ state: { lessons: { x: { read: true } } }, version: 99 }),
      'eil:theme': '{"mode":"dark"}',
      [`eil:lab:${LESSON}:draft`]: '{"v":2,"text":"apiVersion: v1',
      [`eil:lab:${LESSON}:history`]: JSON.stringify({ v: 2, lines: ['kubectl get svc'] }),
    };
    const { page, context, errors } = await openPage(browser, 'about:blank', { viewport: { width: 1440, height: 900 } });
    await page.context().addInitScript((values) => {
      // Seed once per tab, before any page script runs.
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      for (const [k, v] of Object.entries(values)) localStorage.setItem(k, v);
    }, seeded);
    await page.goto(lessonPath('en'));
    // The newer progress is announced by the progress notice; storage itself works, so no storage notice.
    await page.locator('.progress-notice:not([hidden])').waitFor();
    expect(await page.locator('.progress-notice').innerText()).toContain('newer version');
    expect(await notices(page).count()).toBe(0);

    await toggleTheme(page);
    await checkQuiz(page);
    const ip = await useLessonLab(page, 'en');
    expect(ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    // The lab started from the lesson's own YAML (the draft was unreadable) and saved new history.
    const stored = await page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
    expect(stored['eil:progress:backup']).toBe(seeded['eil:progress']);
    expect(stored[`eil:lab:${LESSON}:draft:backup`]).toBe(seeded[`eil:lab:${LESSON}:draft`]);
    expect(stored[`eil:lab:${LESSON}:history:backup`]).toBe(seeded[`eil:lab:${LESSON}:history`]);
    expect(JSON.parse(stored[`eil:lab:${LESSON}:history`]!)).toContain(`kubectl get svc redis-lb -n qa`);
    expect(JSON.parse(stored['eil:progress']!).state.lessons[LESSON].quiz.first).toEqual({ 'who-creates-pip': true });
    expect(errors).toEqual([]);
    await context.close();
  });
});
