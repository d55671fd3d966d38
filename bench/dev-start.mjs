// The first `npm run dev` as a newcomer meets it (ux-audit S4): a fresh Vite optimizer cache, the
// dev server started, a lesson opened and its lab started in Chromium. Reports time to the first
// 200, to the lesson page loaded, and "Start lab" → terminal prompt, plus anything that would make
// the newcomer wait twice: a full-page reload (a main-frame navigation, or a `full-reload` the dev
// server sent over its socket), a "504 Outdated Optimize Dep", a dependency re-optimisation in the
// server log. Then the same again with the cache kept (the second `npm run dev`).
// Not part of `npm run bench` (it deletes node_modules/.vite); run it by hand:
//   node bench/dev-start.mjs            cold start, then warm start
//   node bench/dev-start.mjs --site     also, on the cold server: the sandbox page, and lesson 11's
//                                       EKS tab running `aws --version` (the aws CLI's lazy chunk)
//   node bench/dev-start.mjs --cold-only
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../test/support/chromium.ts';

const PORT = Number(process.env.PORT ?? 4399);
const LESSON = '/en/lessons/where-does-external-ip-come-from/';
const CLOUD_TABS_LESSON = '/en/lessons/one-service-five-clusters/';
const SANDBOX = '/en/sandbox/';
const PROMPT = 'azureuser@lab:~$';

const load = () => Number(loadavg()[0].toFixed(1));

/**
 * CPU time the dev server has used so far (Linux /proc; null elsewhere). Unlike wall time it
 * hardly moves with the other work on a shared machine, so before/after compare better by it.
 */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in ticks of 10 ms
  } catch {
    return null;
  }
}
const ms = (t) => Math.round(performance.now() - t);

/** Groups a request path the way it reaches the dev server. */
function requestGroup(pathname) {
  if (pathname.startsWith('/node_modules/.vite/deps/')) return 'pre-bundled deps';
  if (pathname.startsWith('/node_modules/')) {
    return pathname
      .split('/')
      .slice(2, pathname.startsWith('/node_modules/@') ? 4 : 3)
      .join('/');
  }
  return pathname.startsWith('/src/') ? 'src' : 'other';
}

/** Watches a page for what the report counts; the counts are shared by every page of a run. */
function watch(page, seen) {
  page.on('console', (m) => m.type() === 'error' && seen.errors.push(m.text().slice(0, 300)));
  page.on('pageerror', (e) => seen.errors.push(e.message.slice(0, 300)));
  page.on('response', (r) => r.status() === 504 && seen.outdated.push(new URL(r.url()).pathname));
  page.on('websocket', (ws) =>
    ws.on('framereceived', (f) => String(f.payload).includes('"full-reload"') && seen.socketReloads.push(String(f.payload).slice(0, 200))),
  );
  page.on('request', (r) => {
    // a document load of the page (not a history.replaceState, which the sandbox page uses)
    if (r.isNavigationRequest() && r.frame() === page.mainFrame()) seen.navigations.push(new URL(r.url()).pathname);
    const group = requestGroup(new URL(r.url()).pathname);
    seen.requests.set(group, (seen.requests.get(group) ?? 0) + 1);
  });
}

/** Starts a page's lab and waits for the prompt and the editor. */
async function startLab(page, path, pid) {
  const t = performance.now();
  await page.goto(path, { waitUntil: 'load', timeout: 120_000 });
  const pageMs = ms(t);
  const tl = performance.now();
  const cpuAtClick = cpuMs(pid);
  await page.getByRole('button', { name: 'Start lab' }).first().click();
  await page.locator('.xterm-rows').getByText(PROMPT).first().waitFor({ timeout: 240_000 });
  const promptAt = performance.now();
  const cpuAtPrompt = cpuMs(pid);
  await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 120_000 });
  const serverCpuMs = cpuAtClick === null ? null : { toClick: cpuAtClick, clickToPrompt: cpuAtPrompt - cpuAtClick };
  return { pageMs, terminalMs: Math.round(promptAt - tl), editorMs: ms(tl), promptAt, serverCpuMs };
}

/** Lesson 11: the EKS tab builds its own sandbox and loads the aws CLI on first use. */
async function eksTab(page, base) {
  await page.goto(base + CLOUD_TABS_LESSON, { waitUntil: 'load', timeout: 120_000 });
  await page.getByRole('button', { name: 'Start lab' }).first().click();
  const tabs = page.getByRole('tablist', { name: 'Clusters' });
  await tabs.waitFor({ timeout: 240_000 });
  const t = performance.now();
  await tabs.getByRole('tab', { name: 'EKS' }).click();
  const eks = page.locator('.lab-cloud-panel[id$="-cloud-panel-eks"]');
  await eks.locator('.xterm-rows').getByText(PROMPT).first().waitFor({ timeout: 120_000 });
  await eks.locator('.xterm-helper-textarea').focus();
  await page.keyboard.type('aws --version');
  await page.keyboard.press('Enter');
  await eks.locator('.xterm-rows').getByText('aws-cli/2').first().waitFor({ timeout: 60_000 });
  return { eksTabToAwsMs: ms(t) };
}

/** One `astro dev` start; `fresh` deletes the optimizer cache first. */
export async function devStart({ fresh = true, site = false } = {}) {
  if (fresh) rmSync('node_modules/.vite', { recursive: true, force: true });
  const loadBefore = load();
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
          first200 = ms(t0);
          break;
        }
      } catch {
        // not listening yet
      }
      if (performance.now() - t0 > 120_000) throw new Error(`dev server did not answer in 120 s:\n${log}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
    const seen = { navigations: [], pages: 0, errors: [], outdated: [], socketReloads: [], requests: new Map() };
    try {
      const open = async () => {
        const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
        watch(page, seen);
        seen.pages++;
        return page;
      };
      let lesson;
      try {
        lesson = await startLab(await open(), base + LESSON, server.pid);
      } catch (err) {
        throw new Error(`no lab: ${err.message.split('\n')[0]}\npage errors: ${seen.errors.join('\n')}\nserver:\n${log.slice(-3000)}`);
      }
      const result = {
        fresh,
        load: { before: loadBefore, after: load() },
        readyMs: Number(/ready in (\d+) ms/.exec(log)?.[1] ?? Number.NaN),
        first200,
        pageMs: lesson.pageMs,
        terminalMs: lesson.terminalMs,
        editorMs: lesson.editorMs,
        // from `astro dev` to the lab's prompt, browser start-up included
        startToPromptMs: Math.round(lesson.promptAt - t0),
        // the dev server's CPU time up to "Start lab", and from there to the prompt
        serverCpuMs: lesson.serverCpuMs,
        requests: Object.fromEntries([...seen.requests].sort((a, b) => b[1] - a[1]).slice(0, 12)),
      };
      if (site) {
        const { promptAt: _, serverCpuMs: __, ...sandbox } = await startLab(await open(), base + SANDBOX, server.pid);
        result.sandbox = sandbox;
        result.cloudTabs = await eksTab(await open(), base);
        result.load.after = load();
      }
      return {
        ...result,
        // every page's own first load is expected; any other is a reload
        reloads: seen.navigations.length - seen.pages,
        socketReloads: seen.socketReloads,
        outdatedDeps: seen.outdated,
        errors: seen.errors,
        optimizerLines: log.split('\n').filter((l) => /optimiz|reload|new dependencies|outdated/i.test(l)),
      };
    } finally {
      await browser.close();
    }
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => (server.exitCode === null ? server.once('exit', r) : r()));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const site = process.argv.includes('--site');
  const cold = await devStart({ fresh: true, site });
  console.log(JSON.stringify({ cold }, null, 2));
  if (!process.argv.includes('--cold-only')) {
    const warm = await devStart({ fresh: false });
    console.log(JSON.stringify({ warm }, null, 2));
  }
}
