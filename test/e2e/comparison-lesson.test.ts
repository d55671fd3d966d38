/**
 * "One Service, five clusters" (issue 17) in the browser: in each cloud's tab, the lesson's own
 * "Run in terminal" on its `kubectl apply -f web-svc.yaml` block switches to that tab and applies
 * the same file; then that tab's portal pane shows what the provider made — the Azure portal for
 * AKS, the AWS console's load balancer and security group, the Google Cloud console's load balancer
 * and `k8s-fw-…` rule, MetalLB's "no cloud console" view, k3s' svclb DaemonSet.
 */

import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { axeViolations, launch, openPage, serious } from './browser';

vi.setConfig({ testTimeout: 240_000 });

let browser: Awaited<ReturnType<typeof launch>>;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const panel = (page: Page, cloud: string): Locator => page.locator(`.lab-cloud-panel[id$="-cloud-panel-${cloud}"]`);
const TAB_NAME: Record<string, string> = { aks: 'AKS', eks: 'EKS', gke: 'GKE', metallb: 'MetalLB', k3s: 'k3s' };
const UID_NAME = /\ba[0-9a-f]{31}\b/;

async function terminalShows(p: Locator, pattern: RegExp): Promise<void> {
  await expect.poll(async () => (await p.locator('.xterm-rows').innerText()).replace(/\u00a0/g, ' '), { timeout: 60_000 }).toMatch(pattern);
}

/** The rows of the table a caption names, as text. */
async function rows(region: Locator, caption: string): Promise<string[]> {
  const table = region.getByRole('table', { name: caption });
  await table.waitFor({ timeout: 30_000 });
  return table.locator('tbody tr').allInnerTexts();
}

/** Opens the cloud's tab, skips its waits, and runs the lesson's apply block for that cloud from the text. */
async function applyFromLesson(page: Page, cloud: string): Promise<Locator> {
  const tabs = page.getByRole('tablist', { name: 'Clusters' });
  await tabs.getByRole('tab', { name: TAB_NAME[cloud] }).click();
  const p = panel(page, cloud);
  await p.locator('.xterm-rows').waitFor({ timeout: 60_000 });
  await p.getByRole('radio', { name: 'Skip waits' }).check();
  // Scroll back to the text and use its own button, as a learner reading along would.
  const block = page
    .locator('article .run-block')
    .filter({ has: page.locator(`pre[data-cloud="${cloud}"]`), hasText: 'kubectl apply -f web-svc.yaml' })
    .first();
  await block.getByRole('button', { name: 'Run in terminal' }).click();
  await expect.poll(() => tabs.getByRole('tab', { name: TAB_NAME[cloud] }).getAttribute('aria-selected')).toBe('true');
  await terminalShows(p, /service\/web created/);
  return p;
}

async function portalOf(p: Locator, name: string): Promise<Locator> {
  await p.getByRole('tab', { name: 'Portal' }).click();
  const region = p.getByRole('region', { name, exact: true });
  await region.waitFor({ timeout: 30_000 });
  return region;
}

describe('One Service, five clusters', () => {
  it('the same file applied in each tab from the lesson text; each provider’s console lists what it made', async () => {
    const { page, context, errors } = await openPage(browser, '/en/lessons/one-service-five-clusters/', { viewport: { width: 1440, height: 900 } });
    await page.getByRole('button', { name: 'Start lab' }).first().click();
    await panel(page, 'aks').locator('.xterm-rows').waitFor({ timeout: 60_000 });

    const aks = await applyFromLesson(page, 'aks');
    await terminalShows(aks, /web\s+LoadBalancer\s+10\.0\.\d+\.\d+\s+<pending>/);
    const azure = await portalOf(aks, 'Azure portal');
    await expect.poll(() => azure.innerText(), { timeout: 30_000 }).toMatch(/kubernetes-a[0-9a-f]{31}/);

    const eks = await applyFromLesson(page, 'eks');
    // EKS's ClusterIPs come from its own range; the AKS tab's cluster never saw this Service.
    await terminalShows(eks, /web\s+LoadBalancer\s+10\.100\.\d+\.\d+/);
    const aws = await portalOf(eks, 'Portal');
    await expect.poll(async () => (await rows(aws, 'Load balancers')).join('\n'), { timeout: 30_000 }).toMatch(UID_NAME);
    await aws.getByRole('navigation', { name: 'EC2 navigation' }).getByRole('button', { name: 'Security groups' }).click();
    expect((await rows(aws, 'Security groups')).join('\n')).toMatch(/k8s-elb-a[0-9a-f]{31}/);

    const gke = await applyFromLesson(page, 'gke');
    await terminalShows(gke, /web\s+LoadBalancer\s+34\.118\.\d+\.\d+/);
    const gcp = await portalOf(gke, 'Portal');
    await expect.poll(async () => (await rows(gcp, 'Load balancing')).join('\n'), { timeout: 30_000 }).toMatch(UID_NAME);
    await gcp.getByRole('navigation', { name: 'Google Cloud navigation' }).getByRole('button', { name: 'Firewall' }).click();
    expect((await rows(gcp, 'Firewall rules')).join('\n')).toMatch(/k8s-fw-a[0-9a-f]{31}/);

    // MetalLB without a pool: no cloud console, and the Service waits without a word.
    const metallb = await applyFromLesson(page, 'metallb');
    const bare = await portalOf(metallb, 'Portal');
    await bare.getByRole('heading', { name: 'No cloud console' }).waitFor();

    const k3s = await applyFromLesson(page, 'k3s');
    const k3sView = await portalOf(k3s, 'Portal');
    await expect.poll(async () => (await rows(k3sView, 'svclb DaemonSet')).join('\n'), { timeout: 30_000 }).toMatch(/svclb-web-[0-9a-f]{8}/);

    // Every tab kept its own cluster: back in AKS, only AKS's web exists and it has its IP now.
    await page.getByRole('tablist', { name: 'Clusters' }).getByRole('tab', { name: 'AKS' }).click();
    expect(await panel(page, 'eks').isHidden()).toBe(true);

    const found = serious(await axeViolations(page));
    expect(found, JSON.stringify(found, null, 2)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
