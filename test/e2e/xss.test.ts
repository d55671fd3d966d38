/**
 * Untrusted strings everywhere: classic XSS payloads go in through every door a learner (or a
 * stranger's share link or progress file) has — editor → Apply, the terminal, az, helm, exercise
 * answers, `#lab=` links, an imported progress file — and come out in the terminal, the portal's
 * blades, tags, JSON view and activity log, the diagram and the exercises panel.
 *
 * Passing means no payload ran (no dialog, `window.__xss` still undefined, no element the payloads
 * would create) and the samples we look at are shown as the literal text that went in.
 */

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, launch, openPage } from './browser';
import { runInTerminal, startLab, terminalText, waitForTerminal } from './lab-helpers';
import { TAG_PAYLOADS, XSS_PAYLOADS } from './xss-payloads';

const LESSON = '/en/lessons/where-does-external-ip-come-from/';
const NODE_RG = 'MC_myResourceGroup_myAKSCluster_eastus';
/** A Public IP name az accepts as is (no slash: it becomes part of the resource id). */
const PIP_NAME = '<img src=x onerror=window.__xss=900 id=xss900>';
const TAGGED_PIP = 'xss-tagged-pip';
/** Short enough for one terminal row, free of single quotes (they travel inside '…' on the command line). */
const SHORT = XSS_PAYLOADS.filter((p) => p.length <= 40 && !p.includes("'") && !/[\u200b\u202c\u202e\ufeff]/.test(p));
const J = JSON.stringify;

/**
 * Every payload in Service annotations, azure-pip-tags (→ Azure tags; the cloud provider's own
 * k8s-azure-service tag is not the learner's to set, as upstream), ConfigMap data, and an Ingress
 * host and path (last, so a simulator that starts refusing them still applies the rest).
 */
function payloadYaml(): string {
  const notes = XSS_PAYLOADS.map((p, i) => `    xss.example.com/p${i}: ${J(p)}`).join('\n');
  const tags = TAG_PAYLOADS.map((p, i) => `t${i}=${p}`).join(',');
  const data = XSS_PAYLOADS.map((p, i) => `  p${i}: ${J(p)}`).join('\n');
  return `apiVersion: v1
kind: Service
metadata:
  name: xss-svc
  annotations:
${notes}
    service.beta.kubernetes.io/azure-pip-tags: ${J(tags)}
spec:
  type: LoadBalancer
  selector:
    app: xss
  ports:
  - port: 80
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: xss-data
data:
${data}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: xss-ing
spec:
  ingressClassName: nginx
  rules:
  - host: ${J(XSS_PAYLOADS[12])}
    http:
      paths:
      - path: ${J('/' + XSS_PAYLOADS[9])}
        pathType: ImplementationSpecific
        backend:
          service:
            name: xss-svc
            port:
              number: 80
`;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Fails the test on any alert/confirm/prompt a payload could open. */
function watchDialogs(page: Page, dialogs: string[]): void {
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
}

/** No payload ran and none was parsed into an element. */
async function expectClean(page: Page, dialogs: string[], where: string): Promise<void> {
  const found = await page.evaluate(() => ({
    marker: (window as unknown as { __xss?: unknown }).__xss ?? null,
    elements: [...document.querySelectorAll('[id^="xss"], [data-xss]')].map((e) => e.outerHTML.slice(0, 120)),
    frames: [...document.querySelectorAll('iframe, object, embed')].map((e) => e.outerHTML.slice(0, 120)),
  }));
  expect({ where, ...found, dialogs }).toEqual({ where, marker: null, elements: [], frames: [], dialogs: [] });
}

const text = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((e) => (e as HTMLElement).innerText.replace(/\u00a0/g, ' '));

/** A paste as the browser delivers it to xterm (a paste event carrying the text). */
async function pasteIntoTerminal(page: Page, data: string): Promise<void> {
  await page.locator('.lab-terminal').scrollIntoViewIfNeeded();
  await page.locator('.xterm-helper-textarea').evaluate((el, t) => {
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', t);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
  }, data);
}

/** runInTerminal on a cleared screen: it counts prompts on screen, which stops working once the screen is full. */
async function run(page: Page, line: string): Promise<void> {
  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.press('Control+L');
  await page.waitForFunction(() => (document.querySelector('.xterm-rows')?.textContent ?? '').split('azureuser@lab').length === 2);
  await runInTerminal(page, line).catch(async (err: unknown) => {
    // A stuck terminal is easier to diagnose with what it shows.
    throw new Error(`${String(err)}\nterminal:\n${await terminalText(page)}`);
  });
}

/** Like setEditorText, for a text longer than the editor shows (Monaco only renders visible lines). */
async function pasteIntoEditor(page: Page, data: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  await page.evaluate((t) => navigator.clipboard.writeText(t), data);
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  // The paste leaves the cursor (and the view) at the end, where the Ingress host shows a payload as typed.
  await page.waitForFunction(
    (line) => ((document.querySelector('.monaco-editor .view-lines') as HTMLElement | null)?.innerText ?? '').replace(/\u00a0/g, ' ').includes(line),
    `host: ${J(XSS_PAYLOADS[12])}`,
  );
}

describe('untrusted strings are shown as text, never run', () => {
  it('payloads through the editor, terminal, az, helm, exercises, portal, diagram and a share link', async () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(50);
    const dialogs: string[] = [];
    const { page, context } = await openPage(browser, LESSON, { viewport: { width: 1440, height: 900 } });
    watchDialogs(page, dialogs);
    await startLab(page);
    await page.getByRole('radio', { name: 'Skip waits' }).check();

    // Exercises: solve the first so the second takes a typed answer (the count), then type payloads into it.
    await runInTerminal(page, 'kubectl apply -f redis-lb.yaml');
    await runInTerminal(page, `az network public-ip list -g ${NODE_RG} -o table`);
    await page.getByRole('tab', { name: 'Exercises' }).click();
    const answer = page.getByRole('textbox', { name: 'How many Public IPs are in the node resource group?' });
    await answer.waitFor({ timeout: 15_000 });
    for (const p of SHORT.slice(0, 5)) {
      await answer.fill(p);
      expect(await answer.inputValue()).toBe(p);
    }
    await answer.fill('');
    await answer.pressSequentially(SHORT[1]!);
    expect(await answer.inputValue()).toBe(SHORT[1]);
    await expectClean(page, dialogs, 'exercise answer');

    // Editor → Apply: every payload in annotations, tags and ConfigMap data, in one apply.
    await page.getByRole('tab', { name: 'Editor' }).click();
    await pasteIntoEditor(page, payloadYaml());
    await page.getByRole('button', { name: 'Apply' }).click();
    await waitForTerminal(page, /configmap\/xss-data created/);
    await expectClean(page, dialogs, 'editor and Apply');

    // Terminal: a heredoc of every payload (pasted), typed input, az and helm with payloads.
    const samples = SHORT.slice(-3);
    await page.locator('.xterm-helper-textarea').focus();
    await page.keyboard.press('Control+L');
    await pasteIntoTerminal(page, `cat <<'EOF'\n${[...XSS_PAYLOADS, ...samples].join('\n')}\nEOF\n`);
    // cat's output ends with the last sample on a row of its own (typed lines follow a prompt), right above a new prompt.
    await page.waitForFunction((last) => {
      const rows = ((document.querySelector('.xterm-rows') as HTMLElement | null)?.innerText ?? '').replace(/\u00a0/g, ' ').split('\n');
      return rows.some((row, i) => row.trim() === last && rows[i + 1]?.startsWith('azureuser@lab'));
    }, samples.at(-1)!);
    const afterCat = await terminalText(page);
    for (const s of samples) expect(afterCat.replace(/\u00a0/g, ' ')).toContain(s);
    await run(page, `echo '${SHORT[2]}'`);
    const afterEcho = (await terminalText(page)).replace(/\u00a0/g, ' ');
    // Once as typed after the prompt, once as echo's output.
    expect(afterEcho.split(SHORT[2]!).length - 1).toBeGreaterThanOrEqual(2);
    // Azure refuses the payload as a resource name (InvalidResourceName), quoting it back; the failed
    // write still reaches the activity log. A valid name carries the payload in a tag value instead.
    await run(page, `az network public-ip create -g ${NODE_RG} -n '${PIP_NAME}' -o none`);
    // Compared without white space: the message wraps across terminal rows wherever the width puts it.
    const squeeze = (t: string) => t.replace(/[\s\u00a0]+/g, '');
    expect(squeeze(await terminalText(page))).toContain(squeeze(`(InvalidResourceName) Resource name ${PIP_NAME} is invalid.`));
    await run(page, `az network public-ip create -g ${NODE_RG} -n ${TAGGED_PIP} --tags 'note=${SHORT[3]}' -o none`);
    await run(page, 'helm repo add ingress-nginx https://kubernetes.github.io/ingress-nginx');
    await run(page, `helm install xss ingress-nginx/ingress-nginx --set-string 'controller.service.annotations.note=${SHORT[4]}' | head -1`);
    await run(page, `az network public-ip list -g ${NODE_RG} --query "[?tags.t0].name" -o tsv`);
    const svcPip = /kubernetes-a[0-9a-f]{31,32}/.exec((await terminalText(page)).split('tags.t0').at(-1) ?? '')?.[0];
    expect(svcPip).toBeDefined();
    await expectClean(page, dialogs, 'terminal');

    // Portal: resource list, the payload-named Public IP's blade, its Tags and JSON view, the activity log.
    await page.getByRole('tab', { name: 'Portal' }).click();
    const portal = page.getByRole('region', { name: 'Azure portal' });
    await portal.getByRole('button', { name: TAGGED_PIP, exact: true }).click();
    expect(await text(page, '.blade-header h3')).toBe(TAGGED_PIP);
    await portal.getByRole('button', { name: 'Tags' }).click();
    expect(await portal.locator('.blade-content table code').allInnerTexts()).toEqual(['note', SHORT[3]]);
    await portal.getByRole('button', { name: 'JSON View' }).click();
    const json = await text(page, '.blade-content');
    expect(json).toContain(J(SHORT[3]!).slice(1, -1));
    await portal.locator('.blade-menu').getByRole('button', { name: 'Activity log' }).click();
    expect(await portal.locator('.activity-log').innerText()).toContain(`publicIPAddresses/${TAGGED_PIP}`);
    await expectClean(page, dialogs, 'portal: a Public IP with a payload tag, a failed write named by a payload');

    // The Service's Public IP: every tag came from azure-pip-tags.
    await portal.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('button', { name: /^MC_/ }).click();
    await portal.getByRole('button', { name: svcPip!, exact: true }).click();
    await portal.getByRole('button', { name: 'Tags' }).click();
    const cells = await portal.locator('.blade-content table code').allInnerTexts();
    for (const p of TAG_PAYLOADS.slice(0, 8)) expect(cells).toContain(p.trim());
    await portal.getByRole('button', { name: 'JSON View' }).click();
    await portal.locator('.blade-menu').getByRole('button', { name: 'Activity log' }).click();
    await portal.locator('.activity-log').waitFor();
    // The subscription-wide activity log lists both.
    await portal.getByRole('button', { name: 'Activity log', exact: true }).first().click();
    expect(await portal.locator('.activity-log').innerText()).toContain(`publicIPAddresses/${PIP_NAME}`);
    await expectClean(page, dialogs, 'portal: the Service Public IP');

    // Diagram: the frontend of the Service whose annotations and Public IP tags are all payloads.
    await page.getByRole('tab', { name: 'Diagram' }).click();
    await page.locator('.dg-svg').waitFor();
    expect(await page.locator('.lab-panel-diagram svg.dg-svg').textContent()).toContain('xss-svc');
    expect(await page.locator('.lab-panel-diagram table').textContent()).toContain('xss-svc');
    await expectClean(page, dialogs, 'diagram');

    // Share link: the command log (payload stdin, heredoc, az, helm) rebuilds in a fresh profile.
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByText('Link copied').waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/#lab=[A-Za-z0-9_-]+$/);
    await context.close();

    const fresh: BrowserContext = await browser.newContext({ baseURL: baseURL(), viewport: { width: 1440, height: 900 } });
    const other = await fresh.newPage();
    watchDialogs(other, dialogs);
    await other.goto(link);
    await other.getByText(/This link opens a shared lab/).waitFor();
    await startLab(other);
    await other.getByRole('tab', { name: 'Portal' }).click();
    await other.getByRole('region', { name: 'Azure portal' }).getByRole('button', { name: TAGGED_PIP, exact: true }).waitFor({ timeout: 15_000 });
    await other.getByRole('tab', { name: 'Diagram' }).click();
    await other.locator('.dg-svg').waitFor();
    expect(await other.locator('.lab-panel-diagram table').textContent()).toContain('xss-svc');
    await expectClean(other, dialogs, 'share link');
    await fresh.close();
  });

  it('a share link and a progress file whose fields are payloads are refused as text; a payload search shows as text', async () => {
    const dialogs: string[] = [];
    const lab = XSS_PAYLOADS.slice(0, 10).join('');
    const hash = `#lab=${encodeURIComponent(lab)}`;
    const { page, context } = await openPage(browser, `${LESSON}${hash}`);
    watchDialogs(page, dialogs);
    await page.getByText(/shared lab link is damaged/).waitFor();
    await expectClean(page, dialogs, 'damaged share link');
    await context.close();

    const dir = mkdtempSync(join(tmpdir(), 'eil-xss-'));
    const files = {
      fields: J({
        format: 'external-ip-lab-progress',
        version: 1,
        exportedAt: XSS_PAYLOADS[8],
        progress: { lessons: Object.fromEntries(XSS_PAYLOADS.map((p) => [p, { read: true, exercises: { [p]: true } }])), last: XSS_PAYLOADS[0] },
      }),
      last: J({ format: 'external-ip-lab-progress', version: 1, exportedAt: '2026-01-01T00:00:00Z', progress: { lessons: {}, last: XSS_PAYLOADS[9] } }),
      text: XSS_PAYLOADS.join('\n'),
    };
    const home = await openPage(browser, '/en/');
    watchDialogs(home.page, dialogs);
    await home.page.waitForSelector('.progress-panel:not([hidden])');
    for (const [name, content] of Object.entries(files)) {
      const file = join(dir, `${name}.json`);
      writeFileSync(file, content);
      await home.page.evaluate(() => {
        document.querySelector('.progress-status')!.textContent = '';
      });
      await home.page.locator('.progress-file').setInputFiles(file);
      await home.page.waitForFunction(() => (document.querySelector('.progress-status')?.textContent ?? '') !== '');
      const status = await home.page.locator('.progress-status').innerText();
      expect(status, name).not.toContain('<');
      await expectClean(home.page, dialogs, `progress file: ${name}`);
    }
    expect(await home.page.locator('a.progress-continue').isVisible()).toBe(false);

    // The search box: "no results for …" repeats the query, as text; results are built as DOM.
    await home.page.locator('.search-open').click();
    for (const p of [XSS_PAYLOADS[0]!, XSS_PAYLOADS[8]!, XSS_PAYLOADS[32]!]) {
      await home.page.locator('.search-input').fill(p);
      // Done when the status is neither empty nor "searching…": "no results for <query>" or a count.
      await home.page.waitForFunction(() => {
        const status = document.querySelector('.search-status')?.textContent ?? '';
        return status !== '' && status !== (document.querySelector<HTMLElement>('.search-dialog')?.dataset.loading ?? '');
      });
      const status = await home.page.locator('.search-status').innerText();
      if (status.includes('<')) expect(status).toContain(p);
      await expectClean(home.page, dialogs, `search: ${p}`);
    }
    await home.context.close();
  });
});
