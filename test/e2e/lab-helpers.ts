import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Starts the lab on the page and waits until the editor and the terminal are usable. */
export async function startLab(page: Page, buttonName = 'Start lab'): Promise<void> {
  await page.getByRole('button', { name: buttonName }).click();
  // Below 1280 px the lab shows one pane at a time (the terminal first), so the editor may be hidden.
  await page.locator('.monaco-editor .view-lines').waitFor({ state: 'attached', timeout: 20_000 });
  await page.locator('.xterm-rows').waitFor();
}

/** Replaces the editor text by a real paste, as a learner would (typed text would be auto-indented). */
export async function setEditorText(page: Page, text: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await page.waitForFunction(
    (t) => (document.querySelector('.monaco-editor .view-lines') as HTMLElement | null)?.innerText.replace(/\u00a0/g, ' ').trim() === t.trim(),
    text,
    { timeout: 5000 },
  );
}

export function terminalText(page: Page): Promise<string> {
  return page.locator('.xterm-rows').innerText();
}

/** Types a command line into the terminal and waits until a fresh, empty prompt follows its output. */
export async function runInTerminal(page: Page, line: string, timeout = 10_000): Promise<void> {
  // xterm only draws while it is in view, and only the rows on screen are in the DOM: counting
  // prompts fails once long output scrolls the earlier ones away, so look at the last row instead.
  await page.locator('.lab-terminal').scrollIntoViewIfNeeded();
  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.type(line);
  // xterm paints on animation frames: until the typed text is on screen, the old prompt would
  // pass for the new one. Compare without spaces, since a long line wraps across rows.
  const typed = (line.split('\n').at(-1) ?? '').replace(/\s+/g, '').slice(-24);
  await page.waitForFunction(
    (tail) =>
      [...document.querySelectorAll('.xterm-rows > div')]
        .map((r) => (r.textContent ?? '').replace(/\s+/g, ''))
        .join('')
        .endsWith(tail),
    typed,
    { timeout },
  );
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    () => {
      const rows = [...document.querySelectorAll('.xterm-rows > div')].map((r) => (r.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd()).filter(Boolean);
      // Output without a final newline (jsonpath) leaves the prompt at the end of its last line, as in bash.
      return (rows[rows.length - 1] ?? '').endsWith('azureuser@lab:~$');
    },
    undefined,
    { timeout },
  );
}

export async function waitForTerminal(page: Page, pattern: RegExp, timeout = 15_000): Promise<void> {
  // xterm stops drawing while it is scrolled out of view; look at it the way a learner would.
  await page.locator('.lab-terminal').scrollIntoViewIfNeeded();
  await page.waitForFunction(
    ([src, flags]) => new RegExp(src!, flags).test((document.querySelector('.xterm-rows') as HTMLElement | null)?.innerText ?? ''),
    [pattern.source, pattern.flags],
    { timeout },
  );
}

/** Runs `kubectl get svc` until the Service shows an EXTERNAL-IP (the clock is set to skip waits). */
export async function waitForExternalIp(page: Page, name: string, namespace: string): Promise<string> {
  const row = new RegExp(`${name}\\s+LoadBalancer\\s+10\\.0\\.\\d+\\.\\d+\\s+(\\d+\\.\\d+\\.\\d+\\.\\d+)\\s`);
  for (let i = 0; i < 10; i++) {
    await runInTerminal(page, `kubectl get svc ${name} -n ${namespace}`);
    const ip = row.exec(await terminalText(page))?.[1];
    if (ip) return ip;
    await page.waitForTimeout(300);
  }
  throw new Error(`no EXTERNAL-IP for ${namespace}/${name}:\n${await terminalText(page)}`);
}

/**
 * Waits until the lab's change feed ("What just happened", AKS labs) lists `count` changes: five
 * once one public Service is provisioned (Public IP, frontend, rule, probe, NSG rule). It runs no
 * command, so the terminal keeps the scrollback the test means to look at.
 */
export async function waitForChangeFeed(page: Page, count: number): Promise<Locator> {
  const feed = page.getByRole('region', { name: 'What just happened' });
  await expect.poll(() => feed.getByRole('listitem').count(), { timeout: 60_000 }).toBe(count);
  return feed;
}
