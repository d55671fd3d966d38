/**
 * The lab as a workspace (issue 12): a portal readable in the docked pane, a change feed that says
 * what the last command did in Azure and opens the blades, a diagram that fits, and pages without
 * serious accessibility findings. Checked from outside: roles, names, geometry.
 */

import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { axeViolations, launch, openPage, serious } from './browser';
import { runInTerminal, waitForChangeFeed, waitForTerminal } from './lab-helpers';

const LESSON_1 = '/en/lessons/where-does-external-ip-come-from/';
const LESSON_EGRESS = '/en/lessons/the-fourth-ip-egress/';
const DOCKED = { viewport: { width: 1440, height: 900 } };

// Each test starts a lab and walks several views; give them room on a loaded machine.
vi.setConfig({ testTimeout: 120_000 });

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** As lab-helpers' startLab, with the patience a machine shared by many test runs needs. */
async function startLab(page: Page, buttonName = 'Start lab'): Promise<void> {
  await page.getByRole('button', { name: buttonName }).click();
  await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 60_000 });
  await page.locator('.xterm-rows').waitFor({ timeout: 30_000 });
}

/** Lesson 1's lab after Apply of its redis-lb Service, provisioning done (Skip waits). */
async function appliedLesson(page: Page): Promise<Locator> {
  await startLab(page);
  await page.getByRole('radio', { name: 'Skip waits' }).check();
  await page.getByRole('button', { name: 'Apply' }).click();
  await waitForTerminal(page, /service\/redis-lb created/);
  const feed = await waitForChangeFeed(page, 5);
  await page.locator('.lab-shell').scrollIntoViewIfNeeded();
  return feed;
}

/** The section of the resource blade that is open (its menu item is aria-current). */
const currentSection = (portal: Locator) => portal.locator('.blade-menu [aria-current="page"]').innerText();

describe('the change feed', () => {
  it('lists the Public IP, frontend, rule, probe and NSG rule after Apply; each entry opens its blade', async () => {
    const { page, context, errors } = await openPage(browser, LESSON_1, DOCKED);
    expect(await page.getByRole('region', { name: 'What just happened' }).count()).toBe(0);
    const feed = await appliedLesson(page);
    const entries = await feed.getByRole('listitem').allInnerTexts();
    expect(entries.map((e) => e.replace(/^\s*·\s*/, '').trim())).toEqual([
      expect.stringMatching(/^Public IP kubernetes-a\S+ created$/),
      'frontend added to kubernetes',
      'rule …-TCP-6379 added',
      'health probe …-TCP-6379 added',
      'NSG rule added',
    ]);
    expect(await feed.innerText()).toContain('after kubectl apply -f -');

    const portal = page.getByRole('region', { name: 'Azure portal' });
    // The Public IP entry opens the Public IP's blade, on the Portal tab.
    await feed.getByRole('button', { name: /^Public IP/ }).click();
    expect(await page.getByRole('tab', { name: 'Portal' }).getAttribute('aria-selected')).toBe('true');
    const pipTitle = await feed.getByRole('button', { name: /^Public IP/ }).getAttribute('title');
    const pipName = /Public IP (\S+) created/.exec(pipTitle ?? '')?.[1];
    expect(pipName).toMatch(/^kubernetes-a[0-9a-f]{31}$/);
    expect(await portal.getByRole('heading', { level: 3 }).innerText()).toBe(pipName);
    expect(await portal.innerText()).toContain('Public IP address');

    // Sub-resources open their load balancer's section, the new row highlighted.
    for (const [entry, section] of [
      ['frontend added to kubernetes', 'Frontend IP configuration'],
      ['rule …-TCP-6379 added', 'Load balancing rules'],
      ['health probe …-TCP-6379 added', 'Health probes'],
    ] as const) {
      await feed.getByRole('button', { name: entry }).click();
      expect(await portal.getByRole('heading', { level: 3 }).innerText()).toBe('kubernetes');
      expect(await currentSection(portal)).toBe(section);
      expect(await portal.locator('.blade-content tbody tr.row-new').count()).toBe(1);
    }
    await feed.getByRole('button', { name: 'NSG rule added' }).click();
    expect(await portal.getByRole('heading', { level: 3 }).innerText()).toMatch(/^aks-agentpool-\d+-nsg$/);
    expect(await currentSection(portal)).toBe('Inbound security rules');
    const newRule = portal.locator('.blade-content tbody tr.row-new');
    expect(await newRule.count()).toBe(1);
    // Scrolled into view inside the pane.
    const rowBox = (await newRule.boundingBox())!;
    const paneBox = (await portal.boundingBox())!;
    expect(rowBox.y).toBeGreaterThanOrEqual(paneBox.y - 1);
    expect(rowBox.y + rowBox.height).toBeLessThanOrEqual(paneBox.y + paneBox.height + 1);

    // The feed folds away to give the panes its lines, and unfolds on demand.
    await feed.getByRole('button', { name: 'Hide' }).click();
    expect(await feed.getByRole('listitem').count()).toBe(0);
    await feed.getByRole('button', { name: 'Show 5 changes' }).click();
    expect(await feed.getByRole('listitem').count()).toBe(5);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the Korean lab words the feed with the Korean portal’s terms', async () => {
    const { page, context } = await openPage(browser, '/ko/lessons/where-does-external-ip-come-from/', DOCKED);
    await startLab(page, '실습 시작');
    await page.getByRole('radio', { name: '대기 건너뛰기' }).check();
    await page.getByRole('button', { name: '적용' }).click();
    const feed = page.getByRole('region', { name: '방금 일어난 일' });
    await expect.poll(() => feed.getByRole('listitem').count(), { timeout: 60_000 }).toBe(5);
    const text = await feed.innerText();
    for (const term of ['공용 IP 주소', 'kubernetes에 프런트 엔드 IP 구성 추가됨', '부하 분산 규칙', '상태 프로브', '인바운드 보안 규칙 추가됨'])
      expect(text).toContain(term);
    await context.close();
  });
});

describe('the portal in the docked pane (1440×900)', () => {
  it('shows the activity log’s Why column in the viewport, IPs and names on one line, and a stacked log when narrow', async () => {
    const { page, context } = await openPage(browser, LESSON_1, DOCKED);
    await appliedLesson(page);
    await page.getByRole('tab', { name: 'Portal' }).click();
    const portal = page.getByRole('region', { name: 'Azure portal' });

    // Resource list: every name on one line, the new Public IP row and its badge inside the pane.
    const names = portal.locator('table.resource-list tbody td:first-child .mid');
    for (const rects of await names.evaluateAll((els) => els.map((e) => e.getClientRects().length))) expect(rects).toBe(1);
    const fresh = portal.locator('table.resource-list tr.row-fresh');
    expect(await fresh.count()).toBe(1);
    const badge = (await fresh.locator('.badge-added').boundingBox())!;
    const pane = (await portal.boundingBox())!;
    expect(badge.y + badge.height).toBeLessThanOrEqual(pane.y + pane.height + 1);
    expect(badge.x + badge.width).toBeLessThanOrEqual(pane.x + pane.width + 1);

    // Frontends: each IP address is one line box (never `20.185.7` / `8.214`).
    await portal.getByRole('button', { name: 'kubernetes', exact: true }).click();
    await portal.getByRole('button', { name: 'Frontend IP configuration' }).click();
    const ips = portal.locator('.blade-content tbody code', { hasText: /^\d+\.\d+\.\d+\.\d+$/ });
    expect(await ips.count()).toBe(2);
    for (const rects of await ips.evaluateAll((els) => els.map((e) => e.getClientRects().length))) expect(rects).toBe(1);
    // The name column stays while the table scrolls sideways inside the pane, not the page.
    const wrap = portal.locator('.blade-content .portal-table-wrap');
    await wrap.evaluate((w) => (w.scrollLeft = w.scrollWidth));
    const nameCell = (await portal.locator('.blade-content tbody td.col-sticky').first().boundingBox())!;
    const wrapBox = (await wrap.boundingBox())!;
    expect(nameCell.x).toBeGreaterThanOrEqual(wrapBox.x - 1);
    expect(nameCell.x).toBeLessThan(wrapBox.x + 8);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);

    // Activity log: "Why (Kubernetes cause)" is inside the pane and the viewport.
    await portal.getByRole('button', { name: 'Activity log', exact: true }).first().click();
    const why = portal.getByRole('columnheader', { name: 'Why (Kubernetes cause)' });
    const whyBox = (await why.boundingBox())!;
    expect(whyBox.x + whyBox.width).toBeLessThanOrEqual(pane.x + pane.width);
    expect(whyBox.x + whyBox.width).toBeLessThanOrEqual(1440);
    expect(whyBox.y).toBeGreaterThanOrEqual(0);
    expect(whyBox.y + whyBox.height).toBeLessThanOrEqual(900);
    expect(await portal.getByRole('cell', { name: /Service qa\/redis-lb/ }).count()).toBeGreaterThan(0);

    // Narrow (a phone): each event is a card; nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('.lab-shell').scrollIntoViewIfNeeded();
    const log = portal.locator('.activity-log');
    await expect.poll(() => log.evaluate((t) => getComputedStyle(t).display), { timeout: 20_000 }).toBe('block');
    const logWrap = portal.locator('.portal-table-wrap').first();
    expect(await logWrap.evaluate((w) => w.scrollWidth <= w.clientWidth + 1)).toBe(true);
    expect(
      await portal
        .getByRole('cell', { name: /Service qa\/redis-lb/ })
        .first()
        .isVisible(),
    ).toBe(true);
    await context.close();
  });

  it('Home and Resource groups are different views, as in the real portal', async () => {
    const { page, context } = await openPage(browser, LESSON_1, DOCKED);
    await appliedLesson(page);
    await page.getByRole('tab', { name: 'Portal' }).click();
    const portal = page.getByRole('region', { name: 'Azure portal' });
    const crumbs = portal.getByRole('navigation', { name: 'Breadcrumb' });
    await crumbs.getByRole('button', { name: 'Resource groups' }).click();
    expect(await portal.getByRole('heading', { level: 3 }).innerText()).toBe('Resource groups');
    expect(await portal.getByRole('button', { name: /^MC_myResourceGroup_myAKSCluster_eastus$/ }).count()).toBe(1);
    await crumbs.getByRole('button', { name: 'Home' }).click();
    expect(await portal.getByRole('heading', { level: 3 }).innerText()).toBe('Azure services');
    // Home lists the services and the resources that just changed.
    await portal.getByRole('button', { name: 'Public IP address' }).click();
    const listed = await portal.locator('table.resource-list tbody td:first-child').allInnerTexts();
    expect(listed.some((n) => /^kubernetes-a[0-9a-f]{31}/.test(n))).toBe(true);
    expect(listed.length).toBe(2);
    await context.close();
  });
});

describe('the lab diagram', () => {
  it('fits the docked pane at 11 px or more, and draws two outbound Public IPs as two boxes, the new one marked', async () => {
    const { page, context, errors } = await openPage(browser, LESSON_EGRESS, DOCKED);
    await startLab(page);
    await page.getByRole('radio', { name: 'Skip waits' }).check();
    // Lesson 5's own command.
    await runInTerminal(
      page,
      'az aks update --resource-group myResourceGroup --name myAKSCluster --load-balancer-managed-outbound-ip-count 2 --query networkProfile.loadBalancerProfile.managedOutboundIPs',
    );
    const feed = page.getByRole('region', { name: 'What just happened' });
    await expect.poll(() => feed.innerText(), { timeout: 60_000 }).toMatch(/Public IP \S+ created/);
    await page.getByRole('tab', { name: 'Diagram' }).click();
    const container = page.locator('.lab-diagram');
    const svg = container.locator('svg.dg-svg');
    await expect.poll(() => svg.locator('.dg-pip-out').count(), { timeout: 20_000 }).toBe(2);
    expect(await svg.locator('.dg-pip-out.dg-new').count()).toBe(1);

    // Not boxed by the lesson figures' 30rem rule, and not clipped: the picture is inside its container.
    const box = (await svg.boundingBox())!;
    const outer = (await container.boundingBox())!;
    expect(box.width).toBeGreaterThan(600);
    expect(box.x).toBeGreaterThanOrEqual(outer.x - 0.5);
    expect(box.x + box.width).toBeLessThanOrEqual(outer.x + outer.width + 0.5);
    expect(await container.locator('.dg-scroll').evaluate((s) => s.scrollWidth <= s.clientWidth)).toBe(true);

    // Every label at least 11 px on screen, and inside its box.
    const checks = await svg.evaluate((node) => {
      const el = node as unknown as SVGSVGElement;
      const scale = el.getBoundingClientRect().width / el.viewBox.baseVal.width;
      return [...el.querySelectorAll('g.dg-box')].flatMap((g) => {
        const rect = g.querySelector('rect')!.getBoundingClientRect();
        return [...g.querySelectorAll('text')].map((t) => {
          const r = t.getBoundingClientRect();
          return {
            px: parseFloat(getComputedStyle(t).fontSize) * scale,
            inside: r.left >= rect.left - 0.5 && r.right <= rect.right + 0.5,
            text: t.textContent,
            full: g.querySelector('title')?.textContent ?? '',
          };
        });
      });
    });
    expect(checks.length).toBeGreaterThan(10);
    for (const c of checks) {
      expect(c.px, c.text ?? '').toBeGreaterThanOrEqual(11);
      expect(c.inside, `${c.text} runs out of its box`).toBe(true);
      // A shortened label keeps its whole value in the box's <title>.
      if (c.text?.includes('…')) expect(c.full.length).toBeGreaterThan(c.text.length);
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('accessibility', () => {
  it('the reference page has no serious violations and unique landmarks', async () => {
    const { page, context } = await openPage(browser, '/en/reference/', DOCKED);
    const all = await axeViolations(page);
    expect(serious(all), JSON.stringify(serious(all), null, 2)).toEqual([]);
    expect(all.filter((v) => v.id === 'landmark-unique')).toEqual([]);
    // The annotation key is one code box holding prefix and name (B17).
    const key = page.locator('code.annotation-key').first();
    expect(await key.evaluate((c) => c.getClientRects().length)).toBe(1);
    expect(await key.innerText()).toMatch(/^service\.beta\.kubernetes\.io\/\s*azure-/);
    await context.close();
  });

  it('the lab with the change feed, the portal’s blades and log, and the exercises has no serious violations', async () => {
    const { page, context } = await openPage(browser, LESSON_1, DOCKED);
    await appliedLesson(page);
    await page.getByRole('tab', { name: 'Portal' }).click();
    const portal = page.getByRole('region', { name: 'Azure portal' });
    const check = async (what: string) => {
      const found = await axeViolations(page);
      expect(serious(found), `${what}: ${JSON.stringify(serious(found), null, 2)}`).toEqual([]);
      return found;
    };
    await check('resource list and feed');
    await portal.getByRole('button', { name: 'kubernetes', exact: true }).click();
    await portal.getByRole('button', { name: 'Load balancing rules' }).click();
    await check('load balancer blade');
    await portal.getByRole('button', { name: 'Activity log', exact: true }).first().click();
    await check('activity log');
    await page.getByRole('tab', { name: 'Diagram' }).click();
    await check('diagram');
    await page.getByRole('tab', { name: 'Exercises' }).click();
    const found = await check('exercises');
    expect(found.filter((v) => v.id === 'heading-order' || v.id === 'color-contrast')).toEqual([]);
    await context.close();
    // Five axe runs over a started lab: slow on a busy machine.
  }, 180_000);
});
