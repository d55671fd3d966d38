import type { Page } from 'playwright-core';
import { setEditorText, startLab, waitForExternalIp, waitForTerminal } from './lab-helpers';

export const LESSON = 'where-does-external-ip-come-from';
export const LANGS = ['en', 'ko'] as const;
export type Lang = (typeof LANGS)[number];

const TEXT = {
  en: {
    start: 'Start lab',
    fresh: 'Start fresh',
    apply: 'Apply',
    skip: 'Skip waits',
    portalTab: 'Portal',
    portal: 'Azure portal',
    frontends: 'Frontend IP configuration',
    search: 'outbound',
  },
  ko: {
    start: '실습 시작',
    fresh: '새로 시작',
    apply: '적용',
    skip: '대기 건너뛰기',
    portalTab: '포털',
    portal: 'Azure Portal',
    frontends: '프런트 엔드 IP 구성',
    search: '공용 IP',
  },
} as const;

/** Opens search, finds the first lesson and closes the dialog again. */
export async function searchFindsLesson(page: Page, lang: Lang): Promise<void> {
  await page.locator('.search-open').click();
  await page.getByRole('searchbox').fill(TEXT[lang].search);
  await page.locator(`.search-results a[href="/${lang}/lessons/${LESSON}/"]`).waitFor({ timeout: 10_000 });
  // A search field takes the first Escape to clear itself; the dialog closes on the next.
  const dialog = page.locator('.search-dialog');
  for (let i = 0; i < 3 && (await dialog.evaluate((d: HTMLDialogElement) => d.open)); i++) await page.keyboard.press('Escape');
  if (await dialog.evaluate((d: HTMLDialogElement) => d.open)) throw new Error('the search dialog did not close on Escape');
}

/** Answers the lesson's first quiz question and waits for the verdict. */
export async function checkQuiz(page: Page): Promise<void> {
  await page.locator('.quiz').scrollIntoViewIfNeeded();
  await page.waitForSelector('.quiz[data-ready]');
  await page.locator(`#quiz-${LESSON}-who-creates-pip-ccm`).check();
  const q = page.locator('form.quiz-q[data-q="who-creates-pip"]');
  await q.locator('.quiz-check').click();
  await q.locator('.quiz-result:not(:empty)').waitFor();
}

/**
 * Starts the lesson's lab and uses every part of it: Apply from the editor, a terminal command that
 * shows the EXTERNAL-IP, and a portal blade. Returns the IP.
 */
export async function useLessonLab(page: Page, lang: Lang, editorText?: string): Promise<string> {
  const t = TEXT[lang];
  // Both languages share a lesson's lab: after the other language's page it is offered to resume.
  const fresh = page.getByRole('button', { name: t.fresh });
  await page.getByRole('button', { name: t.start }).or(fresh).first().waitFor();
  await startLab(page, (await fresh.isVisible()) ? t.fresh : t.start);
  await page.getByRole('radio', { name: t.skip }).check();
  if (editorText) await setEditorText(page, editorText);
  await page.getByRole('button', { name: t.apply }).click();
  await waitForTerminal(page, /service\/redis-lb created/);
  const ip = await waitForExternalIp(page, 'redis-lb', 'qa');
  await page.getByRole('tab', { name: t.portalTab }).click();
  const portal = page.getByRole('region', { name: t.portal });
  await portal.getByRole('button', { name: 'kubernetes', exact: true }).click();
  await portal.getByRole('button', { name: t.frontends }).click();
  await portal.getByText(ip).first().waitFor();
  return ip;
}
