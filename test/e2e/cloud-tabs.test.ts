/**
 * Multi-cloud labs (issue 17): a lab with `clouds` shows a tab per cloud above its panes; each tab
 * is its own sandbox, built when first opened, with its own terminal; switching keeps each tab's
 * state; "Run in terminal" on a `data-cloud` block switches tab first; the save keeps every opened
 * tab. Lesson 1's lab is given two clouds through its serialised props (data-lab-config), exactly
 * what `<Lab clouds={…} cloudSetup={…}>` renders, so the test needs no page of its own.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launch, openPage, serious } from './browser';

const LESSON = 'where-does-external-ip-come-from';
const LAB_TEST_MS = 240_000;
const SHOTS = process.env.CLOUD_TABS_SHOTS;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Gives the page's lab two clouds, as a lesson's `clouds` / `cloudSetup` props would. */
async function makeMultiCloud(page: Page): Promise<void> {
  await page.evaluate(() => {
    const shell = document.querySelector<HTMLElement>('.lab-shell')!;
    const config = JSON.parse(shell.dataset.labConfig!);
    shell.dataset.labConfig = JSON.stringify({ ...config, clouds: ['aks', 'eks'], cloudSetup: { eks: ['kubectl create namespace eks-setup'] } });
  });
}

const panel = (page: Page, cloud: string): Locator => page.locator(`.lab-cloud-panel[id$="-cloud-panel-${cloud}"]`);

/** Runs a line in a tab's terminal and waits until its output shows `expect`. */
async function run(page: Page, cloud: string, line: string, output: RegExp): Promise<void> {
  const p = panel(page, cloud);
  await p.locator('.xterm-helper-textarea').focus();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await waitForText(p, output);
}

async function waitForText(p: Locator, pattern: RegExp): Promise<void> {
  await p.locator('.xterm-rows').waitFor({ timeout: 60_000 });
  await expect.poll(async () => (await p.locator('.xterm-rows').innerText()).replace(/\u00a0/g, ' '), { timeout: 30_000 }).toMatch(pattern);
}

describe('multi-cloud lab tabs', () => {
  it(
    'one sandbox per tab, built when opened, state kept across switches, keyboard and F6, Run in terminal by cloud, saved and resumed',
    async () => {
      const { page, context, errors } = await openPage(browser, `/en/lessons/${LESSON}/`, { viewport: { width: 1440, height: 900 } });
      await makeMultiCloud(page);
      await page.getByRole('button', { name: 'Start lab' }).first().click();
      const tabs = page.getByRole('tablist', { name: 'Clusters' });
      await tabs.waitFor();
      expect(await tabs.getByRole('tab').allInnerTexts()).toEqual(['AKS', 'EKS']);
      await expect.poll(() => tabs.getByRole('tab', { name: 'AKS' }).getAttribute('aria-selected')).toBe('true');
      // Only the first cloud is built at the start.
      expect(await page.locator('.lab-cloud-panel').count()).toBe(1);
      await run(page, 'aks', 'kubectl create namespace only-aks', /namespace\/only-aks created/);

      // Keyboard: the tabs are reachable, arrows move between them, Enter opens one.
      await tabs.getByRole('tab', { name: 'AKS' }).focus();
      await page.keyboard.press('ArrowRight');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('EKS');
      // Passing over a tab opens nothing (its sandbox is built only when chosen).
      expect(await page.locator('.lab-cloud-panel').count()).toBe(1);
      await page.keyboard.press('Enter');
      await expect.poll(() => tabs.getByRole('tab', { name: 'EKS' }).getAttribute('aria-selected')).toBe('true');
      expect(await panel(page, 'aks').isHidden()).toBe(true);
      // "Starting the EKS cluster…" until its terminal takes input, then only the lab.
      await expect.poll(() => panel(page, 'eks').locator(':scope > .lab-status').count(), { timeout: 60_000 }).toBe(0);
      // The EKS tab is its own cluster: its set-up ran, the AKS namespace is not there.
      await run(page, 'eks', 'kubectl get namespaces', /eks-setup/);
      expect(await panel(page, 'eks').locator('.xterm-rows').innerText()).not.toContain('only-aks');
      await run(page, 'eks', 'kubectl create namespace only-eks', /namespace\/only-eks created/);

      // F6 still cycles the parts of the lab shown: toolbar → side pane → terminal.
      await panel(page, 'eks').locator('.xterm-helper-textarea').focus();
      await page.keyboard.press('F6');
      await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.lab-cloud-panel:not([hidden]) .lab-toolbar'))).toBe(true);
      await page.keyboard.press('F6');
      await page.keyboard.press('F6');
      await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.lab-cloud-panel:not([hidden]) .lab-terminal'))).toBe(true);

      // Back to AKS: its terminal kept its scrollback; its cluster never saw the EKS namespace.
      await tabs.getByRole('tab', { name: 'AKS' }).click();
      await waitForText(panel(page, 'aks'), /namespace\/only-aks created/);
      await run(page, 'aks', 'kubectl get namespaces', /only-aks/);
      expect(await panel(page, 'aks').locator('.xterm-rows').innerText()).not.toContain('only-eks');

      // "Focus lab" is one state for the page: every tab's toggle shows it, whichever tab pressed it.
      const focusToggle = (cloud: string) => panel(page, cloud).getByRole('button', { name: 'Focus lab' });
      const focusOn = () => page.evaluate(() => document.documentElement.hasAttribute('data-lab-focus'));
      await focusToggle('aks').click();
      await expect.poll(() => focusToggle('aks').getAttribute('aria-pressed')).toBe('true');
      await tabs.getByRole('tab', { name: 'EKS' }).click();
      await expect.poll(() => focusToggle('eks').getAttribute('aria-pressed')).toBe('true');
      await focusToggle('eks').click();
      await expect.poll(focusOn).toBe(false);
      expect(await focusToggle('eks').getAttribute('aria-pressed')).toBe('false');
      await tabs.getByRole('tab', { name: 'AKS' }).click();
      await expect.poll(() => focusToggle('aks').getAttribute('aria-pressed')).toBe('false');
      // Esc leaves it from the tab shown; the hidden tab's toggle follows.
      await focusToggle('aks').click();
      await expect.poll(focusOn).toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(focusOn).toBe(false);
      expect(await focusToggle('aks').getAttribute('aria-pressed')).toBe('false');
      // (A hidden tab's button is out of the accessibility tree: found by its class.)
      expect(await panel(page, 'eks').locator('.lab-focus-toggle').getAttribute('aria-pressed')).toBe('false');

      // "Run in terminal" on a block marked for EKS switches to that tab and types it there.
      const block = page.locator('article .run-block').filter({ hasText: 'kubectl' }).first();
      const command = (await block.locator('pre').innerText()).trim().split('\n')[0]!;
      await block.locator('pre').evaluate((pre) => pre.setAttribute('data-cloud', 'eks'));
      await block.getByRole('button', { name: 'Run in terminal' }).click();
      await expect.poll(() => tabs.getByRole('tab', { name: 'EKS' }).getAttribute('aria-selected')).toBe('true');
      await waitForText(panel(page, 'eks'), new RegExp(command.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));

      expect(serious(await axeViolations(page))).toEqual([]);
      if (SHOTS) {
        mkdirSync(SHOTS, { recursive: true });
        for (const [width, height] of [
          [1440, 900],
          [390, 844],
        ] as const) {
          for (const theme of ['light', 'dark']) {
            await page.setViewportSize({ width, height });
            await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
            await page.waitForTimeout(400);
            await page.screenshot({ path: `${SHOTS}/cloud-tabs-${width}-${theme}.png` });
          }
        }
        await page.setViewportSize({ width: 1440, height: 900 });
      }

      // A reload offers to resume; both tabs come back with their own commands.
      await page.waitForTimeout(600);
      await page.reload();
      await makeMultiCloud(page);
      await page.getByRole('button', { name: 'Resume lab' }).first().click();
      await tabs.waitFor();
      await run(page, 'aks', 'kubectl get namespaces', /only-aks/);
      await tabs.getByRole('tab', { name: 'EKS' }).click();
      await run(page, 'eks', 'kubectl get namespaces', /only-eks/);
      expect(await panel(page, 'eks').locator('.xterm-rows').innerText()).not.toContain('only-aks');

      // Reset resets the tab shown: EKS forgets its namespace, AKS keeps its own.
      page.once('dialog', (d) => void d.accept());
      await panel(page, 'eks').getByRole('button', { name: 'Reset lab' }).click();
      await run(page, 'eks', 'kubectl get namespaces', /eks-setup/);
      expect(await panel(page, 'eks').locator('.xterm-rows').innerText()).not.toContain('only-eks');
      await tabs.getByRole('tab', { name: 'AKS' }).click();
      await run(page, 'aks', 'kubectl get namespace only-aks', /only-aks\s+Active/);

      expect(errors).toEqual([]);
      await context.close();
    },
    LAB_TEST_MS,
  );
});
