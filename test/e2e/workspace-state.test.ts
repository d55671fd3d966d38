/**
 * The lab as a workspace that is never lost (issue 12): a started lab survives a reload, the
 * language switch and Undo; "Resume lab" / "Start fresh"; sandbox options that hold; shared links
 * and search results that land where they point.
 */

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_OPTIONS } from '../../src/lab/sandbox-options';
import { encodeLab } from '../../src/learn/share/codec';
import { launch, openPage } from './browser';
import { runInTerminal, terminalText, waitForChangeFeed, waitForTerminal } from './lab-helpers';

const LESSON = 'where-does-external-ip-come-from';
const NODE_RG = 'MC_myResourceGroup_myAKSCluster_eastus';
const WIDE = { viewport: { width: 1440, height: 900 } };
/** Each test starts a lab (some two) and runs several commands: more than the default minute on a busy machine. */
const LAB_TEST_MS = 240_000;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Starts (or resumes) the lab and waits for the editor and terminal; generous, for a busy machine. */
async function startLab(page: Page, buttonName = 'Start lab'): Promise<void> {
  await page.getByRole('button', { name: buttonName }).click();
  // Below 1280 px the lab shows one pane at a time (the terminal first), so the editor may be hidden.
  await page.locator('.monaco-editor .view-lines').waitFor({ state: 'attached', timeout: 60_000 });
  await page.locator('.xterm-rows').waitFor({ timeout: 30_000 });
}

/** Runs a command whose output ends without a newline (jsonpath, tsv) and returns that last output line. */
async function lastLine(page: Page, line: string): Promise<string> {
  await runInTerminal(page, line);
  const rows = (await terminalText(page))
    .replace(/\u00a0/g, ' ')
    .trimEnd()
    .split('\n');
  const strip = (row: string | undefined) => (row ?? '').replace(/azureuser@lab[^$]*\$\s*$/, '').trim();
  // Output that ends with a newline leaves the prompt alone on the last row.
  return strip(rows.at(-1)) || strip(rows.at(-2));
}

const redisIp = (page: Page) => lastLine(page, 'kubectl get svc redis-lb -n qa -o jsonpath={.status.loadBalancer.ingress[0].ip}');

/** Names of the Public IPs the portal lists in the node resource group. */
async function portalPublicIps(page: Page): Promise<string[]> {
  await page.getByRole('tab', { name: 'Portal' }).click();
  const portal = page.getByRole('region', { name: 'Azure portal' });
  const rows = portal.locator('table.resource-list tbody tr:not(.row-removed)', { has: page.locator('td:nth-child(2)', { hasText: /^Public IP address$/ }) });
  await rows.first().waitFor();
  // The name's own button (an "added" badge may sit beside it).
  return (await rows.locator('td:first-child button.link-button').allInnerTexts()).map((n) => n.trim()).sort();
}

async function exercisesSummary(page: Page): Promise<string> {
  await page.getByRole('tab', { name: 'Exercises' }).click();
  return page.getByRole('region', { name: 'Exercises' }).getByRole('status').first().innerText();
}

/** Lesson 1 with the redis Service applied, its IP assigned, the Public IPs listed and counted (two exercises solved). */
async function lessonWithWork(page: Page): Promise<{ ip: string; pips: string[] }> {
  await startLab(page);
  await page.getByRole('radio', { name: 'Skip waits' }).check();
  await page.getByRole('button', { name: 'Apply' }).click();
  await waitForTerminal(page, /service\/redis-lb created/);
  // Provisioned (waits skipped): waited for without a command, so the scrollback holds only the test's own.
  await waitForChangeFeed(page, 5);
  const ip = await redisIp(page);
  expect(ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  await runInTerminal(page, `az network public-ip list -g ${NODE_RG} -o table`);
  // "Count the Public IPs" wants the count and the reason.
  await exercisesSummary(page);
  const panel = page.getByRole('region', { name: 'Exercises' });
  await panel.getByRole('textbox', { name: 'How many Public IPs are in the node resource group?' }).fill('2');
  await panel.getByRole('radio', { name: /^One is redis-lb/ }).check();
  await expect.poll(() => exercisesSummary(page), { timeout: 10_000 }).toBe('2 of 4 exercises done');
  return { ip, pips: await portalPublicIps(page) };
}

describe('a started lab is never lost', () => {
  it(
    'a reload offers Resume lab / Start fresh; Resume rebuilds the same Services, Public IPs and solved exercises, and shows the replayed commands',
    async () => {
      const { page, context, errors } = await openPage(browser, `/en/lessons/${LESSON}/`, WIDE);
      const before = await lessonWithWork(page);
      await page.reload();
      expect(await page.getByRole('button', { name: 'Start lab' }).isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Start fresh' }).isVisible()).toBe(true);
      // Before the lab starts, the lesson's exercise cards already say what was solved (read where
      // the learner reads them: the lab's section is laid out only near the screen).
      const status = page.locator('.exercise-card[data-exercise="expose-redis"] .exercise-card-status');
      await status.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await expect.poll(() => status.innerText()).toContain('Solved earlier');
      await startLab(page, 'Resume lab');
      await waitForTerminal(page, /commands? replayed/);
      expect(await terminalText(page)).toMatch(/kubectl apply -f -\s+service\/redis-lb created/);
      expect(await redisIp(page)).toBe(before.ip);
      expect(await portalPublicIps(page)).toEqual(before.pips);
      expect(await exercisesSummary(page)).toBe('2 of 4 exercises done');
      const third = page.getByRole('region', { name: 'Exercises' }).locator('li.exercise').nth(2);
      expect(await third.getAttribute('class')).not.toContain('exercise-locked');
      expect(errors).toEqual([]);
      await context.close();
    },
    LAB_TEST_MS,
  );

  it(
    'Start fresh gives a fresh cluster; solved exercises stay solved and unlocked, as the home page says',
    async () => {
      const { page, context, errors } = await openPage(browser, `/en/lessons/${LESSON}/`, WIDE);
      await lessonWithWork(page);
      await page.reload();
      await startLab(page, 'Start fresh');
      await runInTerminal(page, 'kubectl get svc -n qa');
      expect(await terminalText(page)).toContain('No resources found in qa namespace.');
      expect(await exercisesSummary(page)).toBe('2 of 4 exercises done');
      const panel = page.getByRole('region', { name: 'Exercises' });
      expect(await panel.locator('li.exercise').nth(2).getAttribute('class')).not.toContain('exercise-locked');
      await page.goto('/en/');
      await page.waitForSelector('.progress-panel:not([hidden])');
      expect(await page.locator(`[data-progress-lesson="${LESSON}"]`).innerText()).toContain('Exercises 2/4');
      expect(errors).toEqual([]);
      await context.close();
    },
    LAB_TEST_MS,
  );

  it(
    'Undo keeps the terminal scrollback and the exercises',
    async () => {
      const { page, context, errors } = await openPage(browser, `/en/lessons/${LESSON}/`, WIDE);
      await lessonWithWork(page);
      await runInTerminal(page, 'kubectl create namespace scratch');
      await page.getByRole('button', { name: 'Undo' }).click();
      await waitForTerminal(page, /commands replayed/);
      expect(await terminalText(page)).toMatch(/service\/redis-lb created/);
      expect(await exercisesSummary(page)).toBe('2 of 4 exercises done');
      await runInTerminal(page, 'kubectl get ns scratch');
      expect(await terminalText(page)).toContain('Error from server (NotFound): namespaces "scratch" not found');
      expect(errors).toEqual([]);
      await context.close();
    },
    LAB_TEST_MS,
  );

  it(
    'Undo, then a reload: Redo is still offered and brings the command back',
    async () => {
      const { page, context, errors } = await openPage(browser, `/en/lessons/${LESSON}/`, WIDE);
      await startLab(page);
      await runInTerminal(page, 'kubectl create namespace kept');
      await runInTerminal(page, 'kubectl create namespace undone');
      await page.getByRole('button', { name: 'Undo' }).click();
      await waitForTerminal(page, /commands? replayed/);
      const redo = page.getByRole('button', { name: 'Redo' });
      await expect.poll(() => redo.isEnabled()).toBe(true);
      // The save follows each change within a moment; a reload then finds the Redo stack with it.
      await page.waitForTimeout(600);
      await page.reload();
      await startLab(page, 'Resume lab');
      await waitForTerminal(page, /commands? replayed/);
      await expect.poll(() => redo.isEnabled(), { timeout: 10_000 }).toBe(true);
      await redo.click();
      await waitForTerminal(page, /commands? replayed/);
      await runInTerminal(page, 'kubectl get ns undone -o name');
      expect(await terminalText(page)).toContain('namespace/undone');
      // Redone, nothing is left to redo, also after another reload.
      await expect.poll(() => redo.isEnabled()).toBe(false);
      await page.waitForTimeout(600);
      await page.reload();
      await startLab(page, 'Resume lab');
      await waitForTerminal(page, /commands? replayed/);
      expect(await redo.isEnabled()).toBe(false);
      expect(errors).toEqual([]);
      await context.close();
    },
    LAB_TEST_MS,
  );

  it(
    'the language switch keeps the section and the running lab',
    async () => {
      const { page, context, errors } = await openPage(browser, `/en/lessons/${LESSON}/`, WIDE);
      const before = await lessonWithWork(page);
      // Read the fourth section, then switch language.
      const ids = await page.locator('.prose :is(h2, h3)[id]').evaluateAll((hs) => hs.map((h) => h.id));
      await page.locator(`[id="${ids[3]}"]`).evaluate((h) => h.scrollIntoView({ block: 'start' }));
      await page.waitForTimeout(200);
      await page.locator('.lang-switch a[hreflang="ko"]').click();
      await page.waitForURL(new RegExp(`/ko/lessons/${LESSON}/#`));
      const koIds = await page.locator('.prose :is(h2, h3)[id]').evaluateAll((hs) => hs.map((h) => h.id));
      expect(decodeURIComponent(new URL(page.url()).hash.slice(1))).toBe(koIds[3]);
      const top = await page.locator(`[id="${koIds[3]}"]`).boundingBox();
      expect(top!.y).toBeGreaterThanOrEqual(0);
      expect(top!.y).toBeLessThan(300);
      // The lab starts by itself on the Korean page, rebuilt from the same saved state.
      await page.locator('.lab-shell.lab-started .xterm-rows').waitFor({ timeout: 60_000 });
      await waitForTerminal(page, /service\/redis-lb created/);
      expect(await redisIp(page)).toBe(before.ip);
      expect(errors).toEqual([]);
      await context.close();
    },
    LAB_TEST_MS,
  );

  it(
    'a lab handed on by the last page starts only on a page reached from this site',
    async () => {
      const { page, context, errors } = await openPage(browser, `/en/lessons/${LESSON}/`, WIDE);
      const url = page.url();
      await page.evaluate((id) => sessionStorage.setItem('eil:lab:handoff', JSON.stringify({ labId: id, mode: 'fresh' })), LESSON);
      // Opened from elsewhere (no referrer): no hand-off is looked for, so the lab waits for a click.
      await page.goto(url);
      await page.waitForTimeout(1500);
      expect(await page.locator('.lab-shell.lab-started').count()).toBe(0);
      // From a page of this site the same hand-off starts the lab by itself.
      await page.goto(url, { referer: new URL('/en/', url).href });
      await page.locator('.lab-shell.lab-started .xterm-rows').waitFor({ timeout: 60_000 });
      expect(errors).toEqual([]);
      await context.close();
    },
    LAB_TEST_MS,
  );

  it(
    'a damaged saved lab is set aside and never crashes: the lab starts fresh',
    async () => {
      const { page, context, errors } = await openPage(browser, `/en/lessons/${LESSON}/`, WIDE);
      const key = `eil:lab:${LESSON}:state`;
      await page.evaluate((k) => localStorage.setItem(k, '{"v":1,"checkpoint":[{"t":'), key);
      await page.reload();
      await startLab(page, 'Resume lab');
      await runInTerminal(page, 'kubectl get svc -n qa');
      expect(await terminalText(page)).toContain('No resources found in qa namespace.');
      expect(await page.evaluate((k) => localStorage.getItem(`${k}:backup`), key)).toBe('{"v":1,"checkpoint":[{"t":');
      expect(errors).toEqual([]);
      await context.close();
    },
    LAB_TEST_MS,
  );

  it(
    'a shared link lands on the lab and its replayed commands show in the terminal',
    async () => {
      const code = await encodeLab({ v: 1, lab: LESSON, options: DEFAULT_PAGE_OPTIONS, log: [{ t: 0, line: 'kubectl create namespace shared-ns' }] });
      const { page, context, errors } = await openPage(browser, `/en/lessons/${LESSON}/#lab=${code}`, { viewport: { width: 1200, height: 800 } });
      const button = page.getByRole('button', { name: 'Start lab' });
      // The link's notice says it is a shared lab once the link is decoded; by then the lab is in view.
      await page.waitForFunction(() => /shared lab/.test(document.querySelector('.lab-status')?.textContent ?? ''));
      expect((await button.boundingBox())!.y).toBeGreaterThan(0);
      expect((await button.boundingBox())!.y).toBeLessThan(800);
      await startLab(page);
      await waitForTerminal(page, /kubectl create namespace shared-ns\s+namespace\/shared-ns created/);
      expect(errors).toEqual([]);
      await context.close();
    },
    LAB_TEST_MS,
  );

  it(
    'a shared link over a saved lab asks first: "Keep my lab" keeps it, "Open shared lab" opens the link (both languages)',
    async () => {
      const code = await encodeLab({ v: 1, lab: LESSON, options: DEFAULT_PAGE_OPTIONS, log: [{ t: 0, line: 'kubectl create namespace shared-ns' }] });
      const { page, context, errors } = await openPage(browser, `/en/lessons/${LESSON}/`, { viewport: { width: 1200, height: 800 } });
      await startLab(page);
      await runInTerminal(page, 'kubectl create namespace mine');
      await page.waitForTimeout(600);

      await page.goto('/en/');
      await page.goto(`/en/lessons/${LESSON}/#lab=${code}`);
      const ask = page.getByRole('group', { name: 'Shared lab' });
      await ask.waitFor();
      expect(await ask.innerText()).toContain('replaces the lab you saved here');
      // The question is in view, and nothing starts or is thrown away before the answer.
      expect(await page.getByRole('button', { name: 'Open shared lab' }).isVisible()).toBe(true);
      expect(await page.getByRole('button', { name: 'Start lab' }).isVisible()).toBe(false);
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Open shared lab');
      expect(await page.locator('.lab-shell.lab-started').count()).toBe(0);
      await page.getByRole('button', { name: 'Keep my lab' }).click();
      expect(await ask.isVisible()).toBe(false);
      expect(new URL(page.url()).hash).toBe('');
      await startLab(page, 'Resume lab');
      await runInTerminal(page, 'kubectl get ns mine shared-ns -o name');
      expect(await terminalText(page)).toContain('namespace/mine');
      expect(await terminalText(page)).toContain('namespaces "shared-ns" not found');

      await page.waitForTimeout(600);
      await page.goto('/ko/');
      await page.goto(`/ko/lessons/${LESSON}/#lab=${code}`);
      await page.getByRole('group', { name: '공유된 실습' }).waitFor();
      await page.getByRole('button', { name: '공유된 실습 열기' }).click();
      // Chosen, the shared lab starts by itself.
      await page.locator('.lab-shell.lab-started .xterm-rows').waitFor({ timeout: 60_000 });
      await waitForTerminal(page, /kubectl create namespace shared-ns\s+namespace\/shared-ns created/);
      await runInTerminal(page, 'kubectl get ns mine -o name');
      expect(await terminalText(page)).toContain('namespaces "mine" not found');
      expect(errors).toEqual([]);
      await context.close();
    },
    LAB_TEST_MS,
  );
});

describe('sandbox options that hold', () => {
  const aksShow = `az aks show -g myResourceGroup -n myAKSCluster --query "[networkProfile.outboundType, networkProfile.natGatewayProfile.managedOutboundIPProfile.count, agentPoolProfiles[0].count, kubernetesVersion, networkProfile.networkPlugin]" -o tsv | tr '\\n' ' '`;

  it(
    'Start lab builds what the form shows (without "Use these options"): az aks show and the portal agree',
    async () => {
      const { page, context, errors } = await openPage(browser, '/en/sandbox/', WIDE);
      await page.locator('select[name="outboundType"]').selectOption('managedNATGateway');
      await page.getByLabel('Managed outbound IPs', { exact: true }).fill('2');
      await page.getByLabel('Kubernetes version').selectOption('1.29');
      await page.getByLabel('Nodes').fill('2');
      await page.getByLabel('Network plugin').selectOption('kubenet');
      await page.getByLabel('Network plugin').dispatchEvent('change');
      await startLab(page);
      expect(await lastLine(page, aksShow)).toBe('managedNATGateway 2 2 1.29 kubenet');
      const pips = await portalPublicIps(page);
      expect(pips).toHaveLength(2);
      const portal = page.getByRole('region', { name: 'Azure portal' });
      expect(await portal.innerText()).toContain('aks-nat-gateway');
      expect(await portal.innerText()).toContain('aks-agentpool-');
      expect(errors).toEqual([]);
      await context.close();
    },
    LAB_TEST_MS,
  );

  it(
    'the outbound IP count: 3 on a load balancer; disabled with a reason where it does not apply',
    async () => {
      const { page, context, errors } = await openPage(browser, '/en/sandbox/', WIDE);
      const ips = page.getByLabel('Managed outbound IPs', { exact: true });
      await page.locator('select[name="outboundType"]').selectOption('userDefinedRouting');
      expect(await ips.isDisabled()).toBe(true);
      expect(await page.locator('#sandbox-ips-reason').innerText()).toMatch(/Not used with this outbound type/);
      await page.locator('select[name="outboundType"]').selectOption('loadBalancer');
      expect(await ips.isDisabled()).toBe(false);
      await ips.fill('3');
      await ips.dispatchEvent('change');
      expect(page.url()).toContain('outboundIPs=3');
      await startLab(page);
      expect(
        await lastLine(page, 'az aks show -g myResourceGroup -n myAKSCluster --query "length(networkProfile.loadBalancerProfile.effectiveOutboundIPs)" -o tsv'),
      ).toBe('3');
      expect(await portalPublicIps(page)).toHaveLength(3);
      expect(errors).toEqual([]);
      await context.close();
    },
    LAB_TEST_MS,
  );

  it(
    'replacing a running lab asks first; no keeps it, yes builds the new cluster',
    async () => {
      const { page, context, errors } = await openPage(browser, '/en/sandbox/', WIDE);
      await startLab(page);
      await runInTerminal(page, 'kubectl create namespace keep-me');
      await page.locator('select[name="outboundType"]').selectOption('managedNATGateway');
      const asked: string[] = [];
      page.once('dialog', (d) => (asked.push(d.message()), void d.dismiss()));
      await page.getByRole('button', { name: 'Use these options' }).click();
      expect(asked).toHaveLength(1);
      expect(asked[0]).toMatch(/Replace the running lab/);
      await runInTerminal(page, 'kubectl get ns keep-me -o name');
      expect(await terminalText(page)).toContain('namespace/keep-me');

      page.once('dialog', (d) => void d.accept());
      await page.getByRole('button', { name: 'Use these options' }).click();
      await page.waitForURL(/outboundType=managedNATGateway/);
      await page.locator('.lab-shell.lab-started .xterm-rows').waitFor({ timeout: 60_000 });
      await page.waitForFunction(() => /azureuser@lab/.test(document.querySelector('.xterm-rows')?.textContent ?? ''));
      expect(await lastLine(page, 'az aks show -g myResourceGroup -n myAKSCluster --query networkProfile.outboundType -o tsv')).toBe('managedNATGateway');
      await runInTerminal(page, 'kubectl get ns keep-me -o name');
      expect(await terminalText(page)).toContain('namespaces "keep-me" not found');
      expect(errors).toEqual([]);
      await context.close();
    },
    LAB_TEST_MS,
  );
});

describe('search lands where it points', () => {
  it(
    'an annotation name finds the reference page; lesson results link to the sections they found',
    async () => {
      const { page, context, errors } = await openPage(browser, '/en/', WIDE);
      await page.locator('.search-open').click();
      await page.getByRole('searchbox').fill('azure-pip-name');
      await page.locator('.search-results a[href^="/en/reference/"]').first().waitFor({ timeout: 10_000 });
      await page.getByRole('searchbox').fill('outbound');
      const section = page.locator('.search-results .search-sections a[href*="/en/lessons/"][href*="#"]').first();
      await section.waitFor({ timeout: 10_000 });
      const href = (await section.getAttribute('href'))!;
      await section.click();
      await page.waitForURL((u) => u.hash.length > 1);
      const id = decodeURIComponent(new URL(href, 'http://x').hash.slice(1));
      const box = await page.locator(`[id="${id}"]`).boundingBox();
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.y).toBeLessThan(400);
      expect(errors).toEqual([]);
      await context.close();
    },
    LAB_TEST_MS,
  );
});
