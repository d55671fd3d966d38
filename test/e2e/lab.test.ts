import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, baseURL, launch, openPage, serious } from './browser';
import { runInTerminal, setEditorText, startLab, terminalText, waitForExternalIp, waitForTerminal } from './lab-helpers';

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: shop
spec:
  type: LoadBalancer
  ports:
  - port: 80
    targetPort: 8080
  selector:
    app: shop
`;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('the lab on the sandbox page', () => {
  it('ships almost no JavaScript before "Start lab" and loads the lab on demand', async () => {
    const { page, context } = await openPage(browser, '/en/sandbox/');
    const scripts = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.name.endsWith('.js'))
        .map((e) => e.name),
    );
    expect(scripts.some((s) => /boot|editor|xterm/i.test(s))).toBe(false);
    expect(await page.getByRole('region', { name: 'YAML editor' }).count()).toBe(0);
    await startLab(page);
    expect(await page.getByRole('region', { name: 'YAML editor' }).count()).toBe(1);
    expect(await page.getByRole('region', { name: 'Terminal' }).count()).toBe(1);
    await context.close();
  });

  it('Apply creates the Service; kubectl shows <pending> then an IP; the portal gains the Public IP and frontend; delete removes them', async () => {
    const { page, context, errors } = await openPage(browser, '/en/sandbox/');
    await startLab(page);
    await setEditorText(page, SERVICE);
    await page.getByRole('button', { name: 'Apply' }).click();
    await waitForTerminal(page, /service\/shop created/);

    await runInTerminal(page, 'kubectl get svc shop');
    expect(await terminalText(page)).toMatch(/shop\s+LoadBalancer\s+10\.0\.\d+\.\d+\s+<pending>\s+80:3\d{4}\/TCP/);

    // Let provisioning finish without waiting in real time.
    await page.getByRole('radio', { name: 'Skip waits' }).check();
    await waitForExternalIp(page, 'shop', 'default');
    await runInTerminal(page, 'kubectl get svc shop -o jsonpath={.status.loadBalancer.ingress[0].ip}');
    const ip = /(\d+\.\d+\.\d+\.\d+)\s*azureuser@lab[^$]*\$\s*$/.exec(await terminalText(page))?.[1];
    expect(ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);

    await page.getByRole('tab', { name: 'Portal' }).click();
    const portal = page.getByRole('region', { name: 'Azure portal' });
    const row = portal.locator('table.resource-list tbody tr', { has: page.locator('td:first-child', { hasText: /^kubernetes-a[0-9a-f]{31}/ }) });
    await row.first().waitFor();
    expect(await row.first().locator('td').nth(1).innerText()).toBe('Public IP address');
    const pipName = await row.first().getByRole('button').innerText();

    // The load balancer's frontends: the new one (named after the Service UID) beside the outbound GUID one.
    await portal.getByRole('button', { name: 'kubernetes', exact: true }).click();
    await portal.getByRole('button', { name: 'Frontend IP configuration' }).click();
    const frontends = await portal.locator('table tbody tr td:first-child').allInnerTexts();
    expect(frontends).toContain(pipName.replace(/^kubernetes-/, ''));
    expect(frontends.some((f) => /^[0-9a-f]{8}-[0-9a-f]{4}-/.test(f))).toBe(true);
    expect(await portal.innerText()).toContain(ip!);

    await runInTerminal(page, 'kubectl delete svc shop');
    await portal.getByRole('button', { name: 'Frontend IP configuration' }).click();
    // The cloud provider takes the frontend and its Public IP away on the lab's next ticks (waits skipped), not at once.
    const frontendsLeft = async () => {
      const names = await portal.locator('table tbody tr td:first-child').allInnerTexts();
      return { outbound: names.some((f) => /^[0-9a-f]{8}-[0-9a-f]{4}-/.test(f)), service: names.includes(pipName.replace(/^kubernetes-/, '')) };
    };
    await expect.poll(frontendsLeft, { timeout: 20_000 }).toEqual({ outbound: true, service: false });
    await portal.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('button', { name: /^MC_/ }).click();
    const names = () => portal.locator('table.resource-list tbody tr:not(.row-removed) td:first-child').allInnerTexts();
    await expect.poll(async () => (await names()).some((n) => n === 'kubernetes'), { timeout: 20_000 }).toBe(true);
    await expect.poll(async () => (await names()).some((n) => n.startsWith(pipName)), { timeout: 20_000 }).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a schema error from apply is marked on the line that caused it', async () => {
    const { page, context } = await openPage(browser, '/en/sandbox/');
    await startLab(page);
    await setEditorText(page, SERVICE.replace('  - port: 80', '  - port: 0'));
    await page.keyboard.press('ControlOrMeta+Enter');
    await waitForTerminal(page, /is invalid/);
    const marker = page.locator('.monaco-editor .squiggly-error').first();
    await marker.waitFor();
    // Line 8 holds `- port: 0`; the marker must sit on that line's row.
    const lineTop = await page.locator('.monaco-editor .line-numbers', { hasText: /^8$/ }).boundingBox();
    const markTop = await marker.boundingBox();
    expect(Math.abs((markTop?.y ?? 0) - (lineTop?.y ?? -100))).toBeLessThan(12);
    await context.close();
  });

  it('the YAML language server marks a value the schema does not allow, before any Apply', async () => {
    const { page, context } = await openPage(browser, '/en/sandbox/');
    await startLab(page);
    await setEditorText(page, SERVICE.replace('type: LoadBalancer', 'type: LoadBalancr'));
    const squiggle = page.locator('.monaco-editor [class*="squiggly"]').first();
    await squiggle.waitFor({ timeout: 10_000 });
    const line6 = await page.locator('.monaco-editor .line-numbers', { hasText: /^6$/ }).boundingBox();
    const box = await squiggle.boundingBox();
    expect(Math.abs((box?.y ?? 0) - (line6?.y ?? -100))).toBeLessThan(12);
    expect(await terminalText(page)).not.toContain('kubectl apply');
    await context.close();
  });

  it('Undo takes back the last command and Redo brings it back (the lab is rebuilt from its log)', async () => {
    const { page, context, errors } = await openPage(browser, '/en/sandbox/');
    await startLab(page);
    await page.getByRole('radio', { name: 'Skip waits' }).check();
    await setEditorText(page, SERVICE);
    await page.getByRole('button', { name: 'Apply' }).click();
    await waitForTerminal(page, /service\/shop created/);
    // Undo then Redo: the Service comes back, rebuilt from the command log.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Redo' }).isEnabled()).toBe(true);
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Redo' }).isDisabled()).toBe(true);
    await runInTerminal(page, 'kubectl get svc shop -o name');
    await waitForTerminal(page, /\$ kubectl get svc shop -o name\s*service\/shop\n/);
    // Undo twice (the get, then the apply): the Service is gone; a new command forgets the redo.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Redo' }).isEnabled()).toBe(true);
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.locator('.xterm-rows').waitFor();
    await runInTerminal(page, 'kubectl get svc shop');
    await waitForTerminal(page, /Error from server \(NotFound\): services "shop" not found/);
    expect(await page.getByRole('button', { name: 'Redo' }).isDisabled()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  const LIST_IPS = 'az network public-ip list -g MC_myResourceGroup_myAKSCluster_eastus --query "[].ipAddress" -o tsv';
  /** The addresses the last `LIST_IPS` printed: between its prompt and the next (the command, wrapped or not, has none). */
  const lastListedIps = async (p: Page) => {
    const text = await terminalText(p);
    const output = text.slice(text.lastIndexOf('$ az network public-ip list')).split('azureuser@lab')[0]!;
    return output.match(/\d+\.\d+\.\d+\.\d+/g) ?? [];
  };

  it('"Copy link" rebuilds the same lab, with the same Public IP, in a fresh profile', async () => {
    const { page, context } = await openPage(browser, '/en/sandbox/');
    await startLab(page);
    await page.getByRole('radio', { name: 'Skip waits' }).check();
    await setEditorText(page, SERVICE);
    await page.getByRole('button', { name: 'Apply' }).click();
    await waitForTerminal(page, /service\/shop created/);
    // Listed until the Service's Public IP is there beside the outbound one (waits skipped on the lab's ticks).
    let ips: string[] = [];
    let commands = 1;
    while (ips.length < 2 && commands < 12) {
      await runInTerminal(page, LIST_IPS);
      commands++;
      ips = await lastListedIps(page);
    }
    expect(ips.length).toBeGreaterThanOrEqual(2);
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByText('Link copied').waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/#lab=[A-Za-z0-9_-]+$/);
    await context.close();

    const fresh = await browser.newContext({ baseURL: baseURL() });
    const other = await fresh.newPage();
    await other.goto(link);
    await other.getByText(`This link opens a shared lab: ${commands} commands`).waitFor();
    await startLab(other);
    await other.getByRole('radio', { name: 'Skip waits' }).check();
    await runInTerminal(other, LIST_IPS);
    expect(await lastListedIps(other)).toEqual(ips);
    await fresh.close();
  });

  it('a damaged share link says so and the lab still starts', async () => {
    const { page, context, errors } = await openPage(browser, '/en/sandbox/#lab=AAAA%3Cscript%3E');
    await page.getByText(/shared lab link is damaged/).waitFor();
    expect(await page.locator('script:not([src])', { hasText: 'AAAA' }).count()).toBe(0);
    await startLab(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('Tab completes namespaces in the terminal: kubectl get svc -n ku → kube-system', async () => {
    const { page, context } = await openPage(browser, '/en/sandbox/');
    await startLab(page);
    await page.locator('.xterm-helper-textarea').focus();
    await page.keyboard.type('kubectl get svc -n ku');
    await page.keyboard.press('Tab');
    await waitForTerminal(page, /kubectl get svc -n kube-system/);
    await page.keyboard.press('Enter');
    await waitForTerminal(page, /kube-dns/);
    await context.close();
  });

  it('a reload keeps the editor draft and the terminal history', async () => {
    const { page, context } = await openPage(browser, '/en/sandbox/');
    await startLab(page);
    await setEditorText(page, SERVICE.replace('shop', 'kept-draft'));
    await runInTerminal(page, 'kubectl get ns');
    await page.waitForTimeout(400); // drafts are saved shortly after typing stops
    await page.reload();
    // The lab ran a command, so it was saved: the placeholder offers to resume it.
    await startLab(page, 'Resume lab');
    expect(await page.locator('.monaco-editor .view-lines').innerText()).toContain('kept-draft');
    await page.locator('.xterm-helper-textarea').focus();
    await page.keyboard.press('ArrowUp');
    await waitForTerminal(page, /\$ kubectl get ns\s*$/);
    await context.close();
  });

  it('the Korean sandbox uses the Korean portal names', async () => {
    const { page, context } = await openPage(browser, '/ko/sandbox/');
    await startLab(page, '실습 시작');
    await page.getByRole('tab', { name: '포털' }).click();
    const portal = page.getByRole('region', { name: 'Azure Portal' });
    const text = await portal.innerText();
    expect(text).toContain('공용 IP 주소');
    expect(text).toContain('부하 분산 장치');
    await portal.getByRole('button', { name: 'kubernetes', exact: true }).click();
    expect(await portal.getByRole('button', { name: '프런트 엔드 IP 구성' }).count()).toBe(1);
    expect(await portal.getByRole('button', { name: '태그' }).count()).toBe(1);
    await context.close();
  });

  it('is operable from the keyboard: tabs switch with arrow keys and the terminal takes focus', async () => {
    const { page, context } = await openPage(browser, '/en/sandbox/');
    await page.getByRole('button', { name: 'Start lab' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 20_000 });
    await page.getByRole('tab', { name: 'Editor' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('tab', { name: 'Portal' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Portal');
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('tab', { name: 'Diagram' }).getAttribute('aria-selected')).toBe('true');
    await context.close();
  });

  it('has no serious axe violations with the lab open (editor, portal and diagram)', async () => {
    const { page, context, errors } = await openPage(browser, '/en/sandbox/');
    await startLab(page);
    await setEditorText(page, SERVICE);
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('radio', { name: 'Skip waits' }).check();
    await waitForTerminal(page, /created/);
    for (const tab of ['Editor', 'Portal', 'Diagram']) {
      await page.getByRole('tab', { name: tab }).click();
      const bad = serious(await axeViolations(page));
      expect(bad, `${tab}: ${JSON.stringify(bad, null, 2)}`).toEqual([]);
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('a lab inside a lesson', () => {
  it('"Start lab" clicked before the lab\'s script has run is kept: the bar says so, and the lab starts when the script arrives', async () => {
    const context = await browser.newContext({ baseURL: baseURL(), viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    // The lab's module script is held back, as a slow phone would still be parsing the page.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/_astro\/Lab\.astro_astro_type_script[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/en/lessons/where-does-external-ip-come-from/', { waitUntil: 'commit' });
    const bar = page.locator('.lab-bar');
    await bar.getByRole('button', { name: 'Start lab' }).click();
    await expect.poll(() => bar.getByRole('status').textContent()).toMatch(/^Starting the lab/);
    expect(await page.locator('.xterm-rows').count()).toBe(0);
    release();
    await waitForTerminal(page, /azureuser@lab/);
    expect(await page.locator('.lab-shell.lab-started').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('"Run in terminal" buttons are in the page, kept out of sight and reach until a click on them is acted on', async () => {
    const path = '/ko/lessons/where-does-external-ip-come-from/';
    const shellBlocks = (page: import('playwright-core').Page) => page.locator('article pre[data-language="sh"], article pre[data-language="bash"]').count();
    // No script: each shell block has its button in the HTML, with its room kept but not shown or focusable.
    const off = await openPage(browser, path, { javaScriptEnabled: false });
    const blocks = await shellBlocks(off.page);
    expect(blocks).toBeGreaterThan(3);
    expect(await off.page.locator('.run-block > .run-in-terminal').count()).toBe(blocks);
    expect(await off.page.getByRole('button', { name: '터미널에서 실행' }).count()).toBe(0);
    await off.context.close();
    // Bound: every one is a named button that describes itself by its block.
    const on = await openPage(browser, path);
    await on.page.waitForSelector('html[data-lab-bound]', { state: 'attached' });
    expect(await on.page.getByRole('button', { name: '터미널에서 실행' }).count()).toBe(blocks);
    const described = await on.page
      .locator('.run-in-terminal')
      .evaluateAll((bs) => bs.every((b) => b.previousElementSibling?.id === b.getAttribute('aria-describedby')));
    expect(described).toBe(true);
    expect(on.errors).toEqual([]);
    await on.context.close();
  });

  it('"Run in terminal" on a code block starts the lab and runs the block', async () => {
    const { page, context, errors } = await openPage(browser, '/en/lessons/where-does-external-ip-come-from/', { viewport: { width: 1440, height: 900 } });
    const block = page.locator('.run-block', { has: page.locator('pre', { hasText: 'kubectl apply -f redis-lb.yaml' }) });
    await block.getByRole('button', { name: 'Run in terminal' }).click();
    await waitForTerminal(page, /service\/redis-lb created/);
    // The page has exactly one button named Apply (the lab's), even with `kubectl apply` in code blocks.
    expect(await page.getByRole('button', { name: 'Apply' }).count()).toBe(1);
    await waitForTerminal(page, /redis-lb\s+LoadBalancer\s+10\.0\.\d+\.\d+\s+<pending>\s+6379:3\d{4}\/TCP/);
    // Docked beside the text on a wide screen: the lesson keeps its own column.
    const lab = await page.locator('.lab-shell').boundingBox();
    const article = await page.locator('article').boundingBox();
    expect(lab!.x).toBeGreaterThanOrEqual(article!.x + article!.width - 1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the Korean lesson runs the same lab with Korean labels', async () => {
    const { page, context } = await openPage(browser, '/ko/lessons/where-does-external-ip-come-from/');
    await startLab(page, '실습 시작');
    expect(await page.getByRole('button', { name: '적용' }).count()).toBe(1);
    expect(await page.getByRole('region', { name: 'YAML 편집기' }).count()).toBe(1);
    expect(await page.getByRole('region', { name: '터미널' }).count()).toBe(1);
    await context.close();
  });

  it('exercises tick when solved, un-tick when broken, and offer hints then the solution', async () => {
    const { page, context, errors } = await openPage(browser, '/en/lessons/where-does-external-ip-come-from/', { viewport: { width: 1440, height: 900 } });
    await startLab(page);
    await page.getByRole('radio', { name: 'Skip waits' }).check();
    await page.getByRole('tab', { name: 'Exercises' }).click();
    const panel = page.getByRole('region', { name: 'Exercises' });
    const first = panel.locator('li.exercise').first();
    expect(await first.innerText()).toContain('There is no Service qa/redis-lb yet');
    // Hints unlock one at a time; no solution before a first attempt.
    expect(await first.getByRole('button', { name: 'Show solution' }).count()).toBe(0);
    await first.getByRole('button', { name: /Show a hint \(1 of/ }).click();
    expect(await first.locator('.exercise-hints li').count()).toBe(1);

    // Solve it by hand: Apply the editor's Service.
    await page.getByRole('button', { name: 'Apply' }).click();
    await waitForTerminal(page, /service\/redis-lb created/);
    await expect.poll(() => first.getAttribute('class'), { timeout: 10_000 }).toContain('exercise-done');
    const card = page.locator('.exercise-card[data-exercise="expose-redis"]');
    await expect.poll(() => card.innerText()).toContain('Done');
    expect(await panel.getByRole('status').innerText()).toBe('1 of 4 exercises done');

    // Break it: deleting the Service un-ticks it (the live check says what is missing now), but what
    // was solved stays solved: the next exercise does not lock again and the count agrees with the home page.
    await runInTerminal(page, 'kubectl delete svc redis-lb -n qa');
    await expect.poll(() => first.getAttribute('class'), { timeout: 10_000 }).toContain('exercise-open');
    expect(await first.innerText()).toContain('You solved this before');
    expect(await panel.locator('li.exercise').nth(1).getAttribute('class')).not.toContain('exercise-locked');
    expect(await panel.getByRole('status').innerText()).toBe('1 of 4 exercises done');

    // After an attempt, "Show solution" plays the solution into the terminal and the tick comes back.
    await first.getByRole('button', { name: 'Show solution' }).click();
    await waitForTerminal(page, /kubectl apply -f redis-lb\.yaml/);
    await expect.poll(() => first.getAttribute('class'), { timeout: 15_000 }).toContain('exercise-done');
    expect(errors).toEqual([]);
    await context.close();
  });
});
