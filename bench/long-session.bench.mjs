// Long-session benchmark in Chromium against the built site: 2,000 commands in one lab, with
// typing latency (keydown → the terminal's DOM shows the key) and the page's JS heap after a
// forced GC at 0 / 500 / 1,000 / 2,000 commands, then the time Undo takes at the end.
//
// Commands arrive as pastes of 100 lines (one paste event each, as a learner pasting a script):
// reads mostly (kubectl get, az … list, echo), a Deployment and a namespace every 100 commands
// and an ARM write (az network public-ip create on one of five names) every 20.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../test/support/chromium.ts';
import { startStaticServer } from '../test/support/static-server.ts';

const NODE_RG = 'MC_myResourceGroup_myAKSCluster_eastus';
const BATCH = 100;
const KEYS = 40;
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))];

function command(i) {
  if (i % 100 === 0) return `kubectl create namespace ns-${i}`;
  if (i % 100 === 50) return `kubectl create deployment web-${i} --image=nginx`;
  if (i % 20 === 10) return `az network public-ip create -g ${NODE_RG} -n bench-${i % 5} -o none`;
  return [`kubectl get svc -A`, `echo step ${i}`, `az network public-ip list -g ${NODE_RG} -o table`, 'kubectl get pods -A'][i % 4];
}

async function pasteLines(page, lines) {
  await page.locator('.xterm-helper-textarea').evaluate((el, text) => {
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', text);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
  }, lines.join('\n') + '\n');
}

/** Waits until a terminal row reads exactly `text` (echo's output, not the typed command). */
async function waitForRow(page, text, timeout = 120_000) {
  await page.waitForFunction(
    (t) =>
      (document.querySelector('.xterm-rows')?.innerText ?? '')
        .replace(/\u00a0/g, ' ')
        .split('\n')
        .some((l) => l.trim() === t),
    text,
    { timeout, polling: 100 },
  );
}

async function typingLatency(page) {
  // Measure an idle lab, as a learner types after reading the output: let the last paste's
  // rendering (and, right after start, Monaco's workers booting) finish first.
  await page.waitForTimeout(1000);
  await page.locator('.xterm-helper-textarea').focus();
  await page.evaluate(() => (window.__lat.length = 0));
  for (let k = 0; k < KEYS; k++) {
    await page.keyboard.press('x');
    await page.waitForFunction((n) => window.__lat.length > n, k);
    await page.waitForTimeout(20);
  }
  const lat = await page.evaluate(() => [...window.__lat]);
  await page.keyboard.press('Control+C');
  return { median: quantile(lat, 0.5), p95: quantile(lat, 0.95) };
}

async function heapMb(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 1024 / 1024;
}

export async function longSessionBench({ path = '/en/sandbox/', checkpoints = [0, 500, 1000, 2000] } = {}) {
  const executablePath = findChromium();
  if (!executablePath) return { skipped: 'no Chromium' };
  const { url, server } = await startStaticServer('dist');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ baseURL: url, viewport: { width: 1440, height: 900 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(path);
    await page.getByRole('button', { name: 'Start lab' }).click();
    await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => (document.querySelector('.xterm-rows')?.textContent ?? '').includes('azureuser@lab'));
    await page.getByRole('radio', { name: 'Skip waits' }).check();
    await page.locator('.lab-terminal').scrollIntoViewIfNeeded();
    // keydown (capture, before xterm sees it) → the next change of the rows' DOM that shows it.
    await page.evaluate(() => {
      window.__lat = [];
      let t0 = null;
      document.querySelector('.xterm-helper-textarea').addEventListener('keydown', () => (t0 = performance.now()), { capture: true });
      new MutationObserver(() => {
        if (t0 === null) return;
        window.__lat.push(performance.now() - t0);
        t0 = null;
      }).observe(document.querySelector('.xterm-rows'), { childList: true, subtree: true, characterData: true });
    });
    const cdp = await context.newCDPSession(page);
    const rows = [];
    let done = 0;
    for (const target of checkpoints) {
      while (done < target) {
        const n = Math.min(BATCH, target - done);
        const lines = Array.from({ length: n - 1 }, (_, j) => command(done + j));
        lines.push(`echo mark-${done + n}`);
        await pasteLines(page, lines);
        await waitForRow(page, `mark-${done + n}`);
        done += n;
      }
      const lat = await typingLatency(page);
      rows.push({ commands: done, latencyMedianMs: lat.median, latencyP95Ms: lat.p95, heapMb: await heapMb(cdp) });
    }
    // Undo at the end: rebuild from the checkpoint plus the undo window, until Redo is offered.
    const undoMs = await page.evaluate(async () => {
      const button = (name) => [...document.querySelectorAll('.lab-toolbar button')].find((b) => b.textContent.trim() === name);
      const t0 = performance.now();
      button('Undo').click();
      // Redo is off while commands run since the last rebuild; it comes on in the rebuilt lab.
      await new Promise((resolve) => {
        const check = () => (button('Redo')?.disabled === false ? resolve() : requestAnimationFrame(check));
        check();
      });
      return performance.now() - t0;
    });
    await context.close();
    return { rows, undoMs };
  } finally {
    await browser.close();
    server.close();
  }
}

export function longSessionRows(result) {
  if (result.skipped) return [];
  const out = [];
  for (const r of result.rows) {
    out.push({
      area: 'Long session',
      measure: `keydown → terminal echo after ${r.commands.toLocaleString('en-US')} commands (median / p95 of ${KEYS})`,
      value: `${r.latencyMedianMs.toFixed(1)} / ${r.latencyP95Ms.toFixed(1)} ms`,
      target: '< 16.7 ms (one frame)',
      ok: r.latencyP95Ms < 16.7,
    });
  }
  for (const r of result.rows) {
    out.push({
      area: 'Long session',
      measure: `JS heap after GC, ${r.commands.toLocaleString('en-US')} commands`,
      value: `${r.heapMb.toFixed(1)} MB`,
      target: 'bounded',
      ok: null,
    });
  }
  const first = result.rows[0];
  const last = result.rows.at(-1);
  if (first && last && result.rows.length > 2) {
    const mid = result.rows[Math.floor(result.rows.length / 2)];
    out.push({
      area: 'Long session',
      measure: `heap growth ${mid.commands} → ${last.commands} commands`,
      value: `${(last.heapMb - mid.heapMb).toFixed(1)} MB`,
      target: 'small: only the objects those commands created',
      ok: null,
    });
  }
  out.push({
    area: 'Long session',
    measure: `Undo after ${last?.commands ?? 0} commands (checkpoint + undo window replayed)`,
    value: `${result.undoMs.toFixed(0)} ms`,
    target: '—',
    ok: null,
  });
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await longSessionBench();
  console.log(JSON.stringify(result, null, 2));
}
