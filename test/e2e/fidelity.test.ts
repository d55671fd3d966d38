/** The fidelity ledger page: reachable from the footer and the sandbox, numbers from the suites, accessible. */

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledger } from '../conformance/cloud-provider/cases';
import { axeViolations, launch, openPage, serious } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('fidelity ledger', () => {
  it.each([
    ['en', 'How the lab was checked'],
    ['ko', '실습 환경을 어떻게 검증했나'],
  ])("/%s/: the footer leads to it and its counts are the cloud-provider suite's", async (lang, name) => {
    const { page, context, errors } = await openPage(browser, `/${lang}/`);
    await page.locator('footer').getByRole('link', { name }).click();
    await page.waitForURL(`**/${lang}/fidelity/`);
    const suite = page.locator('[data-suite="cloud-provider"]');
    expect(await suite.locator('[data-count="suite-cases"]').innerText()).toContain(String(ledger.cases.length));
    expect(await suite.locator('[data-count="suite-skipped"]').innerText()).toContain(String(ledger.skipped.length));
    const nsgCases = ledger.cases.filter((c) => c.areas.includes('nsg')).length;
    expect(await page.locator('tr[data-area="nsg"] [data-count="cases"]').innerText()).toBe(String(nsgCases));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the sandbox page links to it', async () => {
    const { page, context } = await openPage(browser, '/en/sandbox/');
    await page.locator('main').getByRole('link', { name: 'How the lab was checked' }).click();
    await page.waitForURL('**/en/fidelity/');
    await context.close();
  });

  it.each(['/en/fidelity/', '/ko/fidelity/'])('%s has no serious axe violations (light and dark)', async (path) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, context, errors } = await openPage(browser, path, { colorScheme, locale: 'en-US' });
      await page.waitForLoadState('load');
      const bad = serious(await axeViolations(page));
      expect(bad, JSON.stringify(bad, null, 2)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});
