// The first `npm run dev` as a newcomer meets it (ux-audit S4): a fresh Vite optimizer cache, the
// dev server started, a lesson opened and its lab started in Chromium. Reports time to the first
// 200, to the lesson page loaded, and "Start lab" → terminal prompt, plus any dependency
// re-optimisation (a full page reload) the server logged. Not part of `npm run bench` (it deletes
// node_modules/.vite); run it by hand: node bench/dev-start.mjs
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../test/support/chromium.ts';

const PORT = Number(process.env.PORT ?? 4399);
const LESSON = '/en/lessons/where-does-external-ip-come-from/';

export async function devStart() {
  rmSync('node_modules/.vite', { recursive: true, force: true });
  const t0 = performance.now();
  const server = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--port', String(PORT)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: false,
  });
  let log = '';
  server.stdout.on('data', (d) => (log += d));
  server.stderr.on('data', (d) => (log += d));
  const base = `http://localhost:${PORT}`;
  try {
    let first200 = 0;
    for (;;) {
      try {
        const r = await fetch(`${base}/en/`);
        if (r.ok) {
          first200 = performance.now() - t0;
          break;
        }
      } catch {
        // not listening yet
      }
      if (performance.now() - t0 > 120_000) throw new Error(`dev server did not answer in 120 s:\n${log}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      let reloads = 0;
      page.on('framenavigated', (f) => f === page.mainFrame() && reloads++);
      const errors = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text().slice(0, 300)));
      page.on('pageerror', (e) => errors.push(e.message.slice(0, 300)));
      const requests = new Map();
      page.on('request', (r) => {
        const u = new URL(r.url());
        const group = u.pathname.startsWith('/node_modules/.vite/deps/')
          ? 'pre-bundled deps'
          : u.pathname.startsWith('/node_modules/')
            ? u.pathname
                .split('/')
                .slice(2, u.pathname.startsWith('/node_modules/@') ? 4 : 3)
                .join('/')
            : u.pathname.startsWith('/src/')
              ? 'src'
              : 'other';
        requests.set(group, (requests.get(group) ?? 0) + 1);
      });
      const tp = performance.now();
      await page.goto(base + LESSON, { waitUntil: 'load', timeout: 120_000 });
      const pageMs = performance.now() - tp;
      const tl = performance.now();
      await page.getByRole('button', { name: 'Start lab' }).click();
      try {
        await page.locator('.xterm-rows').getByText('azureuser@lab:~$').first().waitFor({ timeout: 240_000 });
      } catch (err) {
        throw new Error(`no prompt: ${err.message.split('\n')[0]}\npage errors: ${errors.join('\n')}\nserver:\n${log.slice(-3000)}`);
      }
      const terminalMs = performance.now() - tl;
      await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 120_000 });
      const editorMs = performance.now() - tl;
      return {
        first200,
        pageMs,
        terminalMs,
        editorMs,
        reloads: reloads - 1,
        errors,
        requests: Object.fromEntries([...requests].sort((a, b) => b[1] - a[1]).slice(0, 12)),
        optimizerLines: log.split('\n').filter((l) => /optimiz|reload|new dependencies/i.test(l)),
      };
    } finally {
      await browser.close();
    }
  } finally {
    server.kill('SIGTERM');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await devStart();
  console.log(JSON.stringify(r, null, 2));
}
