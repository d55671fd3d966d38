/**
 * When a browser test fails, say where: the test, its error's first lines (a Playwright timeout
 * names the locator it waited for), and a screenshot of every page still open, saved under
 * .cache/test-results/ with its path printed. A bare "Test timed out in 60000ms" tells nobody
 * which step hung. Runs as a setup file of the e2e project, after the test and before its
 * file's afterAll closes the browser.
 */

import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach } from 'vitest';
import { openPages } from './browser';

const DIR = '.cache/test-results';

afterEach(async (ctx) => {
  const result = ctx.task.result;
  if (result?.state !== 'fail') return;
  const name = ctx.task.fullName ?? `${ctx.task.file?.name ?? ''} > ${ctx.task.name}`;
  // eslint-disable-next-line no-control-regex
  const error = (result.errors?.[0]?.message ?? 'unknown error')
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .slice(0, 4)
    .join('\n    ');
  const lines = [`\n✗ browser test failed: ${name}`, `    ${error}`];
  const pages = openPages();
  if (!pages.length) lines.push('    (no page was open to screenshot)');
  mkdirSync(DIR, { recursive: true });
  const slug = name
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 100);
  for (const [i, page] of pages.entries()) {
    const file = join(DIR, `${slug}${pages.length > 1 ? `-${i + 1}` : ''}.png`);
    try {
      await page.screenshot({ path: file, timeout: 5000 });
      lines.push(`    page ${page.url()}\n    screenshot: ${resolve(file)}`);
    } catch (err) {
      lines.push(`    page ${page.url()}: no screenshot (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
    }
  }
  console.error(lines.join('\n'));
});
