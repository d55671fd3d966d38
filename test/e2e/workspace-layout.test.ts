/**
 * The lab as a workspace (issue 12): its layout at each width, the keyboard path through it, and
 * "Run in terminal" wherever the learner is. Measured from the outside: sizes of what is on screen,
 * focus, accessible names, axe-core.
 */

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type AxeViolation, launch, openPage } from './browser';
import { runInTerminal as typeInTerminal, waitForTerminal } from './lab-helpers';

const LESSON = '/en/lessons/where-does-external-ip-come-from/';

interface Width {
  name: string;
  viewport: { width: number; height: number };
  touch?: boolean;
}

const WIDTHS: Width[] = [
  { name: '390 px (phone)', viewport: { width: 390, height: 844 }, touch: true },
  { name: '768 px', viewport: { width: 768, height: 1024 } },
  { name: '1024 px', viewport: { width: 1024, height: 768 } },
  { name: '1280 px', viewport: { width: 1280, height: 800 } },
  { name: '1440 px', viewport: { width: 1440, height: 900 } },
  { name: '1920 px', viewport: { width: 1920, height: 1080 } },
  // 200 % zoom of a 1440 × 900 screen.
  { name: '200 % zoom', viewport: { width: 720, height: 450 } },
];

const contextFor = (w: Width) => ({ viewport: w.viewport, deviceScaleFactor: 1, isMobile: !!w.touch, hasTouch: !!w.touch });

// Many labs start in this file, on a shared two-core machine: give each the time a slow start needs.
vi.setConfig({ testTimeout: 240_000 });

/**
 * Starts the lab and waits for the terminal's prompt. Unlike lab-helpers' startLab it does not wait
 * for the editor: below the docked width the terminal is the pane shown first.
 */
async function startLab(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Start lab' }).click();
  await page.locator('.lab-started .xterm-rows').waitFor({ timeout: 90_000 });
  await page.waitForFunction(() => /azureuser@lab/.test(document.querySelector('.xterm-rows')?.textContent ?? ''), undefined, { timeout: 30_000 });
}

const runInTerminal = (page: Page, line: string) => typeInTerminal(page, line, 30_000);

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core on the lab only (the lesson text has its own tests), serious and critical findings. */
async function seriousInLab(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Element) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run(document.querySelector('.lab-shell')!);
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

/** Elements that are shown and wider inside than their box: the page itself and the lab's parts. */
async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) out.push(`page ${root.scrollWidth} > ${root.clientWidth}`);
    const parts = [
      '.lab-shell',
      '.lab-app',
      '.lab-toolbar',
      '.lab-tabs',
      '.lab-split',
      '.lab-top',
      '.lab-region',
      '.lab-terminal',
      '.terminal-host',
      '.touch-keys',
    ];
    for (const sel of parts) {
      for (const el of document.querySelectorAll<HTMLElement>(sel)) {
        if (el.offsetParent === null && getComputedStyle(el).position !== 'fixed') continue; // not shown
        if (el.scrollWidth > el.clientWidth + 1) out.push(`${sel} ${el.scrollWidth} > ${el.clientWidth}`);
      }
    }
    return out;
  });
}

/** The terminal's character grid inside its pane, and the pane inside the window. */
async function terminalFits(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const pane = document.querySelector('.lab-terminal')!.getBoundingClientRect();
    const screen = document.querySelector('.xterm-screen')!.getBoundingClientRect();
    const host = document.querySelector('.terminal-host')!.getBoundingClientRect();
    if (screen.width < 100 || screen.height < 40) out.push(`grid too small: ${screen.width}×${screen.height}`);
    if (screen.right > host.right + 1) out.push(`grid ${Math.round(screen.right)} past its pane ${Math.round(host.right)}`);
    if (screen.bottom > host.bottom + 1) out.push(`rows ${Math.round(screen.bottom)} below their pane ${Math.round(host.bottom)}`);
    if (pane.right > innerWidth + 1 || pane.left < -1) out.push(`terminal pane outside the window: ${pane.left}–${pane.right}`);
    return out;
  });
}

const inViewport = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const r = document.querySelector(sel)!.getBoundingClientRect();
    return r.height > 0 && r.top >= -1 && r.bottom <= innerHeight + 1 && r.left >= -1 && r.right <= innerWidth + 1;
  }, selector);

const visibleTabs = (page: Page) => page.getByRole('tablist', { name: 'Lab views' }).getByRole('tab').allInnerTexts();

describe('the lab at each width', () => {
  it.each(WIDTHS)('$name: no sideways overflow, the terminal fits its pane, every pane passes axe', async (w) => {
    const { page, context, errors } = await openPage(browser, LESSON, contextFor(w));
    expect(await horizontalOverflow(page)).toEqual([]);
    await startLab(page);
    // Output wider than a phone: it must wrap inside the terminal, not run past the screen.
    await runInTerminal(page, 'kubectl get svc -A');
    await waitForTerminal(page, /metrics-server/, 30_000);
    expect(await horizontalOverflow(page)).toEqual([]);
    expect(await terminalFits(page)).toEqual([]);
    // The toolbar is one row (B30).
    const toolbar = await page.locator('.lab-toolbar').boundingBox();
    expect(toolbar!.height).toBeLessThan(56);

    for (const tab of await visibleTabs(page)) {
      await page.getByRole('tab', { name: tab.trim(), exact: true }).click();
      await page.waitForTimeout(250);
      expect(await horizontalOverflow(page), `${tab} pane`).toEqual([]);
      expect(await seriousInLab(page), `${tab} pane`).toEqual([]);
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('docks beside the text from 1280 px with a draggable split that is remembered', async () => {
    const { page, context } = await openPage(browser, LESSON, { viewport: { width: 1440, height: 900 } });
    await startLab(page);
    const lab = () => page.locator('.lab-shell').boundingBox();
    const before = (await lab())!;
    expect(before.height).toBeGreaterThan(800); // the window's height below the header
    const article = (await page.locator('article').boundingBox())!;
    expect(before.x).toBeGreaterThanOrEqual(article.x + article.width - 1);
    // Both the editor and the terminal are shown at once.
    expect(await page.getByRole('region', { name: 'YAML editor' }).isVisible()).toBe(true);
    expect(await page.getByRole('region', { name: 'Terminal' }).isVisible()).toBe(true);

    const handle = page.getByRole('separator', { name: 'Resize the lab beside the lesson' });
    const h = (await handle.boundingBox())!;
    await page.mouse.move(h.x + h.width / 2, h.y + 200);
    await page.mouse.down();
    await page.mouse.move(520, h.y + 220, { steps: 5 });
    await page.mouse.up();
    const dragged = (await lab())!;
    expect(dragged.width).toBeGreaterThan(before.width + 150);
    const text = (await page.locator('article').boundingBox())!;
    expect(text.x + text.width).toBeLessThanOrEqual(dragged.x + 1);
    expect(await horizontalOverflow(page)).toEqual([]);

    await page.reload();
    await startLab(page);
    expect(Math.abs((await lab())!.width - dragged.width)).toBeLessThan(3);
    await context.close();
  });

  it('below 1280 px the lab is a full-width sheet showing one pane at a time; the header stops sticking', async () => {
    const { page, context } = await openPage(browser, LESSON, { viewport: { width: 1024, height: 768 } });
    await startLab(page);
    const lab = (await page.locator('.lab-shell').boundingBox())!;
    expect(lab.x).toBe(0);
    expect(lab.width).toBe(1024);
    expect(lab.y + lab.height).toBeCloseTo(768, 0);
    expect(await visibleTabs(page)).toEqual(['Terminal', 'Editor', 'Portal', 'Diagram', 'Exercises']);
    expect(await page.getByRole('region', { name: 'Terminal' }).isVisible()).toBe(true);
    expect(await page.getByRole('region', { name: 'YAML editor' }).isVisible()).toBe(false);
    await page.getByRole('tab', { name: 'Editor' }).click();
    expect(await page.getByRole('region', { name: 'YAML editor' }).isVisible()).toBe(true);
    expect(await page.getByRole('region', { name: 'Terminal' }).isVisible()).toBe(false);
    // Apply from the editor: the terminal tab says it has new output.
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('tab', { name: 'Terminal (new output)' }).waitFor();
    await page.getByRole('tab', { name: /^Terminal/ }).click();
    await waitForTerminal(page, /service\/redis-lb created/);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')!).position)).toBe('static');
    // The end of the lesson scrolls clear of the sheet.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const footer = (await page.locator('.site-footer').boundingBox())!;
    expect(footer.y + footer.height).toBeLessThanOrEqual(lab.y + 1);
    await context.close();
  });

  it('at 200 % zoom and on a phone the header does not stick, and the phone folds the lesson list', async () => {
    for (const w of [WIDTHS[0]!, WIDTHS[6]!]) {
      const { page, context } = await openPage(browser, LESSON, contextFor(w));
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')!).position)).toBe('static');
      if (w.touch) {
        expect(await page.getByRole('link', { name: /2\. The load balancer AKS made for you/ }).isVisible()).toBe(false);
        expect(await inViewport(page, 'h1')).toBe(true);
      }
      // The start bar follows the reader down the lesson.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
      expect(await page.getByRole('button', { name: 'Start lab' }).isVisible()).toBe(true);
      expect(await inViewport(page, '.lab-bar')).toBe(true);
      await context.close();
    }
  });
});

describe('"Run in terminal" wherever the learner is (B4)', () => {
  it.each([WIDTHS[2]!, WIDTHS[0]!])('$name: starts the lab, and the terminal with the output is in view', async (w) => {
    const { page, context, errors } = await openPage(browser, LESSON, contextFor(w));
    const block = page.locator('.run-block', { has: page.locator('pre', { hasText: 'kubectl apply -f redis-lb.yaml' }) });
    const button = block.getByRole('button', { name: 'Run in terminal' });
    await button.scrollIntoViewIfNeeded();
    const scrolled = await page.evaluate(() => scrollY);
    await button.click();
    await page.waitForFunction(() => /service\/redis-lb created/.test(document.querySelector('.xterm-rows')?.textContent ?? ''), undefined, {
      timeout: 90_000,
    });
    expect(await inViewport(page, '.lab-terminal')).toBe(true);
    expect(await inViewport(page, '.xterm-screen')).toBe(true);
    // The reader's place in the text is kept.
    expect(Math.abs((await page.evaluate(() => scrollY)) - scrolled)).toBeLessThan(400);
    if (!w.touch) expect(await page.evaluate(() => document.activeElement?.classList.contains('xterm-helper-textarea'))).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the keyboard in the lab', () => {
  const focused = (page: Page) =>
    page.evaluate(() => {
      const a = document.activeElement;
      if (a?.closest('.monaco-editor')) return 'editor';
      if (a?.closest('.lab-terminal')) return 'terminal';
      if (a?.closest('.lab-toolbar')) return 'toolbar';
      return a?.tagName ?? 'none';
    });

  it.each([WIDTHS[4]!, WIDTHS[2]!])('$name: F6 and Shift+F6 move between the editor, the terminal and the toolbar, announced', async (w) => {
    const { page, context } = await openPage(browser, LESSON, contextFor(w));
    // A couple of Tabs reach the lab: the skip link, then the start button.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the lab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Start lab');
    await page.keyboard.press('Enter');
    await page.locator('.lab-started .xterm-rows').waitFor({ timeout: 90_000 });
    // After "Start lab" the keyboard is at the terminal's prompt (B11).
    await page.waitForFunction(() => document.activeElement?.classList.contains('xterm-helper-textarea'));

    await page.getByRole('tab', { name: 'Editor' }).click();
    await page.locator('.monaco-editor .view-lines').click();
    expect(await focused(page)).toBe('editor');
    await page.keyboard.press('F6');
    await page.waitForFunction(() => document.activeElement?.closest('.lab-terminal'));
    expect(await page.getByRole('region', { name: 'Terminal' }).isVisible()).toBe(true);
    expect(await page.locator('.lab-app [aria-live="polite"]:not([role])').innerText()).toContain('Terminal (F6: next part');
    await page.keyboard.press('Shift+F6');
    await page.waitForFunction(() => document.activeElement?.closest('.monaco-editor'));
    await page.keyboard.press('Shift+F6');
    await page.waitForFunction(() => document.activeElement?.closest('.lab-toolbar'));
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Apply');
    await page.keyboard.press('F6');
    await page.waitForFunction(() => document.activeElement?.closest('.monaco-editor'));
    await page.keyboard.press('F6');
    await page.waitForFunction(() => document.activeElement?.closest('.lab-terminal'));
    // F6 typed nothing into the terminal or the editor.
    expect(await page.locator('.monaco-editor .view-lines').innerText()).not.toMatch(/~|\[17/);
    // The hint says so on screen, with the editor's Ctrl+M (Tab moves focus).
    const hint = page.locator('.lab-hint');
    expect(await hint.isVisible()).toBe(true);
    expect(await hint.innerText()).toMatch(/F6.*Ctrl\+M/);
    // Three F6 presses within one frame (key repeat) go round once, back to the terminal: each
    // press moves on from the part the last one chose, not from where focus still was.
    await page.evaluate(() => {
      for (let i = 0; i < 3; i++) document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: 'F6', bubbles: true, cancelable: true }));
    });
    // Focus moves in the next frame: wait two, then look.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(await focused(page)).toBe('terminal');
    await context.close();
  });

  it("Ctrl+M lets Tab leave the YAML editor (Monaco's Tab moves focus), so it is no keyboard trap (B1)", async () => {
    const { page, context } = await openPage(browser, LESSON, { viewport: { width: 1440, height: 900 } });
    await startLab(page);
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+M');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('.monaco-editor'))).toBe(false);
    await context.close();
  });

  it('the terminal tells screen readers each command’s output once, not the whole screen', async () => {
    const { page, context } = await openPage(browser, LESSON, { viewport: { width: 1440, height: 900 } });
    await startLab(page);
    const log = page.getByRole('log', { name: 'Terminal output' });
    await runInTerminal(page, 'kubectl get ns');
    await page.waitForFunction(() => /kube-system/.test(document.querySelector('[role="log"]')?.textContent ?? ''));
    await runInTerminal(page, 'kubectl get svc -n kube-system');
    await page.waitForFunction(() => /kube-dns/.test(document.querySelector('[role="log"]')?.textContent ?? ''));
    const said = await log.textContent();
    expect(said).toContain('metrics-server');
    expect(said).not.toContain('kube-node-lease'); // the previous command's output
    expect(said).not.toContain('azureuser@lab'); // no prompts, no screen
    // xterm's own (assertive, cumulative) region is silenced in its favour.
    expect(await page.locator('.xterm-accessibility .live-region').getAttribute('aria-live')).toBe('off');
    await context.close();
  });
});

describe('focus mode', () => {
  it('on a phone the "Focus lab" button gives the lab the whole screen, and Esc returns to the text', async () => {
    const { page, context, errors } = await openPage(browser, LESSON, contextFor(WIDTHS[0]!));
    await page.evaluate(() => window.scrollTo(0, 3000));
    await startLab(page);
    const y = await page.evaluate(() => scrollY);
    await page.getByRole('button', { name: 'Focus lab' }).click();
    expect(await page.getByRole('button', { name: 'Focus lab' }).getAttribute('aria-pressed')).toBe('true');
    const full = (await page.locator('.lab-shell').boundingBox())!;
    expect(full).toEqual({ x: 0, y: 0, width: 390, height: 844 });
    expect(await horizontalOverflow(page)).toEqual([]);
    expect(await terminalFits(page)).toEqual([]);
    // The touch keys sit inside the screen, below the terminal (B2).
    const keys = (await page.locator('.touch-keys').boundingBox())!;
    expect(keys.x + keys.width).toBeLessThanOrEqual(390);
    await page.locator('.xterm-helper-textarea').focus();
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.documentElement.hasAttribute('data-lab-focus'))).toBe(false);
    const sheet = (await page.locator('.lab-shell').boundingBox())!;
    expect(sheet.height).toBeLessThan(844 * 0.6);
    expect(Math.abs((await page.evaluate(() => scrollY)) - y)).toBeLessThan(5);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('at 1440 px focus mode keeps the lesson in a narrow column and gives the lab the rest', async () => {
    const { page, context } = await openPage(browser, LESSON, { viewport: { width: 1440, height: 900 } });
    await startLab(page);
    await page.getByRole('button', { name: 'Focus lab' }).click();
    const lab = (await page.locator('.lab-shell').boundingBox())!;
    const article = (await page.locator('article').boundingBox())!;
    expect(lab.width).toBeGreaterThan(1440 * 0.65);
    expect(lab.height).toBe(900);
    expect(article.width).toBeLessThan(440);
    expect(article.x + article.width).toBeLessThanOrEqual(lab.x + 1);
    expect(await horizontalOverflow(page)).toEqual([]);
    await page.keyboard.press('Escape');
    expect(await page.getByRole('button', { name: 'Focus lab' }).getAttribute('aria-pressed')).toBe('false');
    await context.close();
  });
});

describe('small things from the audit', () => {
  it('a lab that starts without YAML opens its editor on a hint, not an empty page with a warning (B24)', async () => {
    const { page, context } = await openPage(browser, '/en/lessons/the-fourth-ip-egress/', { viewport: { width: 1440, height: 900 } });
    await startLab(page);
    const text = (await page.locator('.monaco-editor .view-lines').innerText()).replace(/\u00a0/g, ' ');
    expect(text).toMatch(/This lab starts without YAML/);
    await page.waitForTimeout(1500); // the YAML language server's first diagnostics
    expect(await page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error').count()).toBe(0);
    await context.close();
  });

  it('the welcome line wraps between words at every width (B22)', async () => {
    for (const w of [WIDTHS[0]!, WIDTHS[4]!]) {
      const { page, context } = await openPage(browser, LESSON, contextFor(w));
      await startLab(page);
      const rows = await page.locator('.xterm-rows > div').allInnerTexts();
      const welcome = rows
        .slice(
          0,
          rows.findIndex((r) => r.includes('azureuser@lab')),
        )
        .map((r) => r.replace(/\u00a0/g, ' ').trim());
      expect(welcome.join(' ').replace(/\s+/g, ' ')).toBe(
        'Simulated Azure Cloud Shell — the cluster myAKSCluster is ready and kubectl is connected. Try: kubectl get svc -A az network public-ip list -g MC_myResourceGroup_myAKSCluster_eastus -o table',
      );
      for (const row of welcome) expect(row).toMatch(/^\S.*\S$|^$/);
      expect(welcome.some((r) => /^(ted\.|e|onnected\.)$/.test(r))).toBe(false);
      await context.close();
    }
  });

  it('ships at most 20 KB (gzip) of JavaScript before "Start lab"', async () => {
    const { page, context } = await openPage(browser, LESSON, { viewport: { width: 1440, height: 900 } });
    await page.waitForLoadState('networkidle');
    const urls = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((n) => /\.m?js(\?|$)/.test(n) && !n.endsWith('/sw.js')),
    );
    const inline = await page.evaluate(() => [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? '').join('\n'));
    let gz = gzipSync(inline).length;
    for (const url of urls) gz += gzipSync(readFileSync(`dist${new URL(url).pathname}`)).length;
    expect(urls.some((u) => /boot|monaco|xterm/i.test(u))).toBe(false);
    expect(gz).toBeLessThanOrEqual(20 * 1024);
    await context.close();
  });
});

describe('the phone header', () => {
  const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
  it.each([
    ['en', 'Menu', 'Sandbox'],
    ['ko', '메뉴', '샌드박스'],
  ])('/%s/: one compact row; the links open from "%s", by touch and by keyboard; axe clean', async (lang, menu, sandbox) => {
    const { page, context, errors } = await openPage(browser, `/${lang}/lessons/where-does-external-ip-come-from/`, PHONE);
    const header = page.locator('.site-header');
    const box = (await header.boundingBox())!;
    expect(box.height).toBeLessThanOrEqual(56);
    // Every visible part of the header sits on the same row, and nothing sticks out sideways.
    const rows = await header.evaluate((h) =>
      [...h.children]
        .filter((c) => (c as HTMLElement).offsetParent !== null)
        .map((c) => Math.round(c.getBoundingClientRect().top + c.getBoundingClientRect().height / 2)),
    );
    expect(Math.max(...rows) - Math.min(...rows)).toBeLessThanOrEqual(6);
    expect(await header.evaluate((h) => h.scrollWidth <= h.clientWidth)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    // The lesson title is on the first screen.
    expect((await page.locator('h1').first().boundingBox())!.y).toBeLessThan(844);

    const nav = page.getByRole('navigation', { name: lang === 'ko' ? '주 메뉴' : 'Main' });
    const link = page.getByRole('link', { name: sandbox, exact: true });
    expect(await link.isVisible()).toBe(false);
    const button = page.getByRole('button', { name: menu, exact: true });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    await button.tap();
    expect(await link.isVisible()).toBe(true);
    // The state is reported from the <details> element's `toggle` event, which the browser fires as
    // a task of its own after the menu opens: on a busy machine it can come after this line.
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('true');
    expect(await nav.count()).toBe(1);
    // The open menu lies over the page and stays within the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await button.tap();
    expect(await link.isVisible()).toBe(false);

    // Keyboard: from the skip links, Tab reaches the menu; Enter opens it; the next Tab is its first link.
    await button.focus();
    await page.keyboard.press('Enter');
    expect(await link.isVisible()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('nav')?.classList.contains('site-nav-menu'))).toBe(true);
    // Escape closes it and gives the keyboard back to the button.
    await page.keyboard.press('Escape');
    expect(await link.isVisible()).toBe(false);
    expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');

    // axe on the header with the menu open: no serious or critical findings.
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Element) => Promise<{ violations: AxeViolation[] }> } }).axe;
      const r = await axe.run(document.querySelector('.site-header')!);
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    });
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
