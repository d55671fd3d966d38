// A Chromium performance trace of one page load on a throttled phone (4x CPU, Lighthouse's mobile
// viewport), summarised: main-thread time by event before first contentful paint and up to load,
// and the long tasks (> 50 ms) with what they contained. For finding what a lesson page does
// before its lab starts; `node bench/trace-page.mjs /ko/lessons/…/ [--out=trace.json]`.
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../test/support/chromium.ts';
import { startGzipHost } from './lighthouse.bench.mjs';

const path = process.argv[2] ?? '/en/lessons/where-does-external-ip-come-from/';
const out = process.argv.find((a) => a.startsWith('--out='))?.slice(6);
const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 1);
const root = process.argv.find((a) => a.startsWith('--dist='))?.slice(7) ?? 'dist';
const brief = process.argv.includes('--brief');
// --cpu-time: no CPU throttling; durations are the main thread's own CPU time ×4 (trace 'tdur'),
// which a busy machine disturbs far less than wall time.
const cpuTime = process.argv.includes('--cpu-time');
const throttle = !cpuTime;
const D = (e) => (cpuTime ? (e.tdur ?? e.dur) * 4 : e.dur);
const { url, server } = await startGzipHost(root);
try {
  for (let r = 0; r < runs; r++) {
    // A fresh browser each run, as Lighthouse has: no warm font or code caches.
    const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    if (throttle) await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await browser.startTracing(page, {
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'loading', 'v8.execute'],
    });
    await page.goto(url + path, { waitUntil: 'load' });
    await page.waitForTimeout(1500);
    const buf = await browser.stopTracing();
    if (out) writeFileSync(out, buf);
    summarise(JSON.parse(buf.toString()).traceEvents ?? JSON.parse(buf.toString()));
    await context.close();
    await browser.close();
  }
} finally {
  server.close();
}

function summarise(events) {
  const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame) ?? events.find((e) => e.name === 'navigationStart');
  const t0 = nav.ts;
  const mainPid = nav.pid;
  const mainTid = events.find((e) => e.pid === mainPid && e.name === 'ParseHTML')?.tid ?? nav.tid;
  const fcp = events.find((e) => e.name === 'firstContentfulPaint' && e.pid === mainPid);
  const fcpMs = fcp ? (fcp.ts - t0) / 1000 : NaN;
  const main = events.filter((e) => e.pid === mainPid && e.tid === mainTid && e.ph === 'X' && e.ts >= t0);
  const tasks = main.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  const byName = new Map();
  for (const e of main) {
    if (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') continue;
    byName.set(e.name, (byName.get(e.name) ?? 0) + D(e) / 1000);
  }
  const total = tasks.reduce((s, e) => s + D(e) / 1000, 0);
  console.log(
    `${path}: FCP ${fcpMs.toFixed(0)} ms, main-thread tasks ${total.toFixed(0)} ms, TBT-ish ${tasks.reduce((s, e) => s + Math.max(0, D(e) / 1000 - 50), 0).toFixed(0)} ms`,
  );
  const sum = (n) => main.filter((e) => e.name === n).reduce((s, e) => s + D(e) / 1000, 0);
  const firstLayout = main.find((e) => e.name === 'Layout');
  const after = tasks.filter((e) => e.ts >= (fcp?.ts ?? t0));
  console.log(
    `  layout ${sum('Layout').toFixed(0)} (first ${((firstLayout ? D(firstLayout) : 0) / 1000).toFixed(0)}), style ${sum('UpdateLayoutTree').toFixed(0)}, parse ${sum('ParseHTML').toFixed(0)}, script ${(sum('EvaluateScript') + sum('v8.evaluateModule') + sum('FunctionCall')).toFixed(0)}, paint ${sum('Paint').toFixed(0)}; TBT after FCP ${after.reduce((s, e) => s + Math.max(0, D(e) / 1000 - 50), 0).toFixed(0)}`,
  );
  if (brief) return;
  const top = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 14);
  console.log('  inclusive time by event:', top.map(([n, d]) => `${n} ${d.toFixed(0)}`).join(', '));
  for (const t of tasks.filter((e) => D(e) > 50_000)) {
    const inner = main.filter((e) => e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur && e !== t && D(e) > 5000);
    console.log(
      `  long task at ${((t.ts - t0) / 1000).toFixed(0)} ms, ${(D(t) / 1000).toFixed(0)} ms:`,
      inner
        .map(
          (e) =>
            `${e.name}${e.args?.data?.url ? `(${e.args.data.url.split('/').pop().slice(0, 30)})` : ''}${e.args?.beginData?.dirtyObjects ? `[${e.args.beginData.dirtyObjects}/${e.args.beginData.totalObjects}]` : ''} ${(D(e) / 1000).toFixed(0)}`,
        )
        .join(', '),
    );
  }
}
