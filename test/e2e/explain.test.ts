import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LESSON_SECTIONS } from '../../src/explain/lessons';
import { type Outputs, outputs, storySandbox } from '../unit/explain/fixtures';
import { axeViolations, launch, openPage, serious } from './browser';
import { runInTerminal, terminalText } from './lab-helpers';

let browser: Browser;
let o: Outputs;
beforeAll(async () => {
  browser = await launch();
  o = await outputs(await storySandbox());
});
afterAll(async () => {
  await browser?.close();
});

const words = {
  en: {
    title: 'Explain my cluster',
    nav: 'My cluster',
    add: 'Add a box',
    box: (n: number) => `Output ${n}`,
    count: '3 public LoadBalancer Services and 4 Public IPs: 3 for Services, 1 outbound.',
    mask: 'Mask subscription ids',
    prepare: 'Prepare the lab link',
    open: 'Open in the lab',
    start: 'Start lab',
    table: 'This is table output',
  },
  ko: {
    title: '내 클러스터 설명',
    nav: '내 클러스터',
    add: '칸 추가',
    box: (n: number) => `출력 ${n}`,
    count: '공용 LoadBalancer 서비스 3개, 공용 IP 주소 4개: 서비스용 3개, 아웃바운드용 1개.',
    mask: '구독 ID 가리기',
    prepare: '실습 링크 만들기',
    open: '실습에서 열기',
    start: '실습 시작',
    table: '표 형식 출력',
  },
};

/** Pastes each text into its box through the clipboard, as a learner does. */
async function paste(page: Page, lang: 'en' | 'ko', texts: string[]) {
  const w = words[lang];
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  for (let i = 3; i < texts.length; i++) await page.getByRole('button', { name: w.add }).click();
  for (const [i, text] of texts.entries()) {
    const box = page.getByLabel(w.box(i + 1), { exact: true });
    if (!text) continue;
    await page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await box.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('ControlOrMeta+V');
    await page.waitForFunction(([n, len]) => (document.getElementById(`ex-box-${n}`) as HTMLTextAreaElement).value.length === len, [i, text.length] as const);
  }
}

describe.each(['en', 'ko'] as const)('the explain page in %s', (lang) => {
  const w = words[lang];

  it('is in the header navigation and says nothing leaves the browser', async () => {
    const { page, context, errors } = await openPage(browser, `/${lang}/`);
    await page.locator('.site-nav').getByRole('link', { name: w.nav }).click();
    await page.waitForURL(`**/${lang}/explain/`);
    expect(await page.locator('main h1').innerText()).toBe(w.title);
    // The label keeps its words together with a no-break space.
    expect((await page.locator('.site-nav:visible a[aria-current="page"]').innerText()).replace(/\u00a0/g, ' ')).toBe(w.nav);
    expect(await page.locator('.explain-privacy').innerText()).toMatch(lang === 'en' ? /nothing you paste is sent anywhere/ : /어디로도 전송되지 않습니다/);
    // Commands with copy buttons; the node resource group is found with az aks show first.
    const commands = await page.locator('.ex-command-list code').allInnerTexts();
    expect(commands[0]).toContain('--query nodeResourceGroup');
    expect(commands).toContain('kubectl get svc -A -o json');
    expect(await page.locator('.ex-command-list button').count()).toBe(commands.length);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('explains the first lesson\u2019s story: diagram, findings with lesson links, tables, mask switch; axe clean', async () => {
    const { page, context, errors } = await openPage(browser, `/${lang}/explain/`);
    await paste(page, lang, [o.services, o.publicIps, o.lb, o.aks, o.nsgs]);
    const count = page.locator('.ex-finding[data-code="f.ip-count"] .ex-msg');
    await count.waitFor();
    expect(await count.innerText()).toBe(w.count);
    // Each box says what it was recognised as.
    for (let i = 1; i <= 5; i++) expect(await page.locator(`#ex-box-${i - 1}-status`).innerText()).not.toBe('');
    // The diagram uses the real names: four Public IPs, one of them on the way out.
    const svg = page.locator('.ex-svg');
    const pips = JSON.parse(o.publicIps) as { name: string; ipAddress: string }[];
    const svgText = await svg.evaluate((el) => [...el.querySelectorAll('title')].map((t) => t.textContent).join('\n'));
    for (const p of pips) expect(svgText).toContain(p.name);
    expect(await page.locator('.ex-svg [data-row="outbound"]').count()).toBe(1);
    expect(await page.locator('.ex-svg [data-row^="pip:"]').count()).toBe(3);
    // The table twin holds the same answer.
    expect(await page.locator('.ex-table tr[data-role="service"]').count()).toBe(3);
    expect(await page.locator('.ex-table tr[data-role="outbound"]').count()).toBe(1);
    // Findings link to lesson sections that exist.
    const link = page.locator('.ex-finding[data-code="f.ip-count"] a');
    const href = (await link.getAttribute('href'))!;
    expect(href).toBe(`/${lang}/lessons/where-does-external-ip-come-from/#${encodeURIComponent(LESSON_SECTIONS.puzzle.anchor[lang])}`);
    expect(await page.locator('.ex-finding[data-code="f.nsg-open-db"]').count()).toBe(2);
    // Subscription ids masked by default, shown with one switch.
    const sub = page.locator('.ex-sub-id');
    expect(await sub.innerText()).toBe('xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx');
    await page.getByRole('switch', { name: w.mask }).uncheck();
    expect(await sub.innerText()).toBe('9b2e5a1c-4f7d-4c3a-8e6b-2d1f0a9c8b7e');
    await page.getByRole('switch', { name: w.mask }).check();
    expect(serious(await axeViolations(page))).toEqual([]);
    await page.goto(href);
    await expect(page.locator(`[id="${LESSON_SECTIONS.puzzle.anchor[lang]}"]`).count()).resolves.toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  it('recognises table output by its shape, names the command to run, and keeps the text', async () => {
    const { page, context } = await openPage(browser, `/${lang}/explain/`);
    await paste(page, lang, ['', o.publicIpTable]);
    const status = page.locator('#ex-box-1-status');
    await status.getByText(w.table).waitFor();
    expect(await status.innerText()).toContain('az network public-ip list -g <node-resource-group> -o json');
    // The node resource group, once pasted, fills in the commands (and the message).
    await paste(page, lang, [o.nodeRg]);
    await page.locator('.ex-command-list code', { hasText: 'az network public-ip list -g MC_myResourceGroup_myAKSCluster_eastus -o json' }).waitFor();
    // Text stays in the boxes (also across a reload in this tab) until cleared.
    await page.reload();
    expect(await page.getByLabel(w.box(2), { exact: true }).inputValue()).toBe(o.publicIpTable);
    await page.getByRole('button', { name: lang === 'en' ? 'Clear output 2' : '출력 2 지우기' }).click();
    expect(await page.getByLabel(w.box(2), { exact: true }).inputValue()).toBe('');
    await context.close();
  }, 120_000);

  it('opens the pasted cluster in the lab: same namespaces and Services', async () => {
    const { page, context, errors } = await openPage(browser, `/${lang}/explain/`);
    await paste(page, lang, [o.services, o.publicIps, o.aks]);
    await page.getByRole('button', { name: w.prepare }).click();
    const ready = page.locator('.ex-lab-ready');
    await ready.waitFor();
    // The learner sees what the link carries before opening it.
    expect(await ready.locator('pre').textContent()).toContain('kubectl create namespace qa');
    await ready.getByRole('link', { name: w.open }).click();
    await page.waitForURL(`**/${lang}/sandbox/#lab=*`);
    await page.locator('.lab-status').getByText(/3/).waitFor();
    await page.getByRole('button', { name: w.start }).click();
    await page.locator('.xterm-rows').waitFor({ timeout: 30_000 });
    await runInTerminal(page, 'kubectl get svc -A | grep LoadBalancer | wc -l', 20_000);
    await page.waitForFunction(() => /\n\s*3\s*\n/.test(`\n${(document.querySelector('.xterm-rows') as HTMLElement).innerText}\n`), undefined, {
      timeout: 10_000,
    });
    await runInTerminal(page, 'kubectl get svc -n qa', 20_000);
    const text = await terminalText(page);
    expect(text).toContain('redis-lb');
    expect(text).toContain('mysql-lb');
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});

it('every lesson section a finding links to exists in the built lessons', () => {
  for (const [key, s] of Object.entries(LESSON_SECTIONS)) {
    for (const lang of ['en', 'ko'] as const) {
      const html = readFileSync(`dist/${lang}/lessons/${s.slug}/index.html`, 'utf8');
      expect(html.includes(`id="${s.anchor[lang]}"`), `${key} (${lang}): #${s.anchor[lang]}`).toBe(true);
    }
  }
});
