// Where the main thread's time goes between "Start lab" and the terminal prompt (issue 15), cold
// profile, CPU slowed down as Lighthouse does. Not part of `npm run bench`: a tool to read before
// changing the lab's start path. `node bench/lab-trace.mjs [page] [throttle] [runs]` (dist/ built;
// build with EIL_SOURCEMAP=1 to see source files instead of chunk offsets).
//
// Prints, summed over the runs' click → prompt windows: the trace's self time per event kind
// (script evaluation, compile, layout, style, paint, GC …), script compile/evaluate time per file,
// and the CPU profile's self time per source file (mapped through the chunks' source maps).

import { existsSync, readFileSync } from 'node:fs';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../test/support/chromium.ts';
import { startStaticServer } from '../test/support/static-server.ts';

const path = process.argv[2] ?? '/en/lessons/where-does-external-ip-come-from/';
const throttle = Number(process.argv[3] ?? 4);
const runs = Number(process.argv[4] ?? 1);

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.stack',
  'v8.execute',
  'v8',
  'blink.user_timing',
].join(',');

/** Self time (µs) per event name on one thread, from complete (X) and B/E events, nested by time. */
function selfTimes(events, from, to) {
  const spans = [];
  const open = [];
  for (const e of events) {
    if (e.ph === 'X' && e.dur !== undefined) spans.push({ name: e.name, ts: e.ts, end: e.ts + e.dur, args: e.args });
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const b = open.pop();
      if (b) spans.push({ name: b.name, ts: b.ts, end: e.ts, args: b.args });
    }
  }
  spans.sort((a, b) => a.ts - b.ts || b.end - a.end);
  const self = new Map();
  const byUrl = new Map();
  const stack = [];
  const add = (s, us) => {
    if (us <= 0) return;
    const key = s.name;
    self.set(key, (self.get(key) ?? 0) + us);
    const url = s.args?.data?.url ?? s.args?.fileName ?? s.args?.data?.fileName;
    if (url && /EvaluateScript|v8\.compile|v8\.evaluateModule|CompileScript|CompileCode|v8\.produceModuleCache|v8\.parseOnBackground/.test(s.name)) {
      const k = `${s.name} ${String(url).replace(/^https?:\/\/[^/]+/, '')}`;
      byUrl.set(k, (byUrl.get(k) ?? 0) + us);
    }
  };
  // Walk spans as a tree: a span's self time is its length minus its children's.
  const clip = (s) => ({ ...s, ts: Math.max(s.ts, from), end: Math.min(s.end, to) });
  const roots = [];
  for (const raw of spans) {
    if (raw.end <= from || raw.ts >= to) continue;
    const s = { ...clip(raw), children: [] };
    while (stack.length && stack[stack.length - 1].end <= s.ts) stack.pop();
    if (stack.length) stack[stack.length - 1].children.push(s);
    else roots.push(s);
    stack.push(s);
  }
  const visit = (s) => {
    let inner = 0;
    for (const c of s.children) {
      inner += Math.min(c.end, s.end) - c.ts;
      visit(c);
    }
    add(s, s.end - s.ts - inner);
  };
  for (const r of roots) visit(r);
  const tasks = roots
    .filter((r) => r.name === 'RunTask')
    .map((r) => ({ ts: r.ts, end: r.end, at: (r.ts - from) / 1000, ms: (r.end - r.ts) / 1000, top: topChild(r) }));
  return { self, byUrl, tasks };
}

function topChild(s) {
  const leaves = new Map();
  const walk = (n, depth) => {
    if (depth > 0 && !['RunTask', 'ThreadControllerImpl::RunTask'].includes(n.name)) leaves.set(n.name, (leaves.get(n.name) ?? 0) + (n.end - n.ts));
    for (const c of n.children) walk(c, depth + 1);
  };
  walk(s, 0);
  return [...leaves]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([n, us]) => `${n} ${(us / 1000).toFixed(0)}`)
    .join(', ');
}

const maps = new Map();
function mapFor(url) {
  if (maps.has(url)) return maps.get(url);
  const file = `dist${new URL(url).pathname}.map`;
  const map = existsSync(file) ? new TraceMap(readFileSync(file, 'utf8')) : null;
  maps.set(url, map);
  return map;
}

/** CPU profile self time (ms) per original source file (or chunk when no map), samples in [from, to) µs. */
function profileBySource(profile, from = -Infinity, to = Infinity) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    if (t < from || t >= to) continue;
    const id = profile.samples[i];
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  }
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const sourceOf = (f) => {
    let key = f.url ? new URL(f.url).pathname : f.functionName || '(anonymous)';
    const map = f.url ? mapFor(f.url) : null;
    if (map) {
      const pos = originalPositionFor(map, { line: f.lineNumber + 1, column: f.columnNumber });
      if (pos.source) {
        key = pos.source.replace(/^(\.\.\/)+/, '');
        // DETAIL=1 keeps libraries' own files and names (which part of xterm …).
        if (process.env.DETAIL) key = `${key}:${pos.line} ${pos.name ?? f.functionName}`;
        else key = key.replace(/^node_modules\/((@[^/]+\/)?[^/]+).*/, 'node_modules/$1');
      }
      if (key.includes('kubernetes-models') && !process.env.DETAIL) key = 'kubernetes-models (schemas)';
    }
    return key;
  };
  const out = new Map();
  for (const [id, us] of selfUs) {
    const { callFrame: f } = byId.get(id);
    let key = sourceOf(f);
    // Native calls (layout reads, DOM writes) are charged to their nearest caller with a source.
    if (!f.url && process.env.DETAIL && parent.has(id)) key = `${key} ← ${sourceOf(byId.get(parent.get(id)).callFrame)}`;
    out.set(key, (out.get(key) ?? 0) + us / 1000);
  }
  return out;
}

const add = (target, source) => {
  for (const [k, v] of source) target.set(k, (target.get(k) ?? 0) + v);
};
const top = (m, n, scale = 1) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `  ${(v / scale / runs).toFixed(0).padStart(6)} ms  ${k}`)
    .join('\n');

const { url, server } = await startStaticServer('dist');
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
const allSelf = new Map();
const allUrl = new Map();
const allProfile = new Map();
const prompts = [];
/** Main-thread CPU time (trace `tdur`) from click to prompt: what the load of a shared machine inflates least. */
const threadMs = [];
/** Per phase (between the boot's `lab:` marks): CPU profile self time by source. */
const phases = new Map();
try {
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ baseURL: url, viewport: { width: 1440, height: 900 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    await page.goto(path, { waitUntil: 'networkidle' });
    await page.waitForSelector('html[data-lab-bound]', { state: 'attached' });
    await page.waitForTimeout(500);
    if (process.env.DROP_CSS) {
      // Experiment: remove style rules whose selector matches DROP_CSS (a regular expression) first.
      console.log(
        `dropped ${await page.evaluate((pattern) => {
          let n = 0;
          const re = new RegExp(pattern);
          const walk = (rules) => {
            for (const r of [...rules]) {
              if (r.cssRules) walk(r.cssRules);
              if (r.selectorText && re.test(r.selectorText)) {
                const list = r.parentRule ?? r.parentStyleSheet;
                list.deleteRule([...list.cssRules].indexOf(r));
                n++;
              }
            }
          };
          for (const sheet of document.styleSheets) walk(sheet.cssRules);
          return n;
        }, process.env.DROP_CSS)} rules`,
      );
    }
    const events = [];
    cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    const { t0, t1 } = await page.evaluate(async () => {
      performance.mark('lab-trace:click');
      const t0 = performance.timeOrigin + performance.now();
      document.querySelector('.lab-start').click();
      await new Promise((resolve) => {
        const check = () => ((document.querySelector('.xterm-rows')?.textContent ?? '').includes('azureuser@lab') ? resolve() : requestAnimationFrame(check));
        check();
      });
      performance.mark('lab-trace:prompt');
      return { t0, t1: performance.timeOrigin + performance.now() };
    });
    prompts.push(t1 - t0);
    threadMs.push(0);
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.send('Tracing.end');
    await done;
    // The renderer's main thread: where the user-timing marks were recorded.
    const click = events.find((e) => e.name === 'lab-trace:click');
    const prompt = events.find((e) => e.name === 'lab-trace:prompt');
    const main = events.filter((e) => e.pid === click.pid && e.tid === click.tid);
    const { self, byUrl, tasks } = selfTimes(main, click.ts, prompt.ts);
    threadMs[threadMs.length - 1] = main
      .filter((e) => e.name === 'RunTask' && e.ts >= click.ts && e.ts < prompt.ts)
      .reduce((sum, e) => sum + (e.tdur ?? 0) / 1000, 0);
    add(allSelf, self);
    add(allUrl, byUrl);
    // The profile spans start → stop; it is the same window give or take the tracing calls.
    add(allProfile, profileBySource(profile));
    {
      // Style recalculations and layouts by what forced them (a script's function, or the frame's own).
      const forced = new Map();
      for (const e of main.filter(
        (e) => (e.name === 'Layout' || e.name === 'UpdateLayoutTree') && e.ts >= click.ts && e.ts < prompt.ts && e.dur !== undefined,
      )) {
        const f = (e.args?.beginData?.stackTrace ?? [])[0];
        const key = `${e.name} ${f ? f.functionName || (f.url ?? '').split('/').pop() : '(rendering)'}`;
        const x = forced.get(key) ?? { n: 0, dur: 0, tdur: 0 };
        x.n++;
        x.dur += e.dur / 1000;
        x.tdur += (e.tdur ?? 0) / 1000;
        forced.set(key, x);
      }
      console.log('  style/layout by cause (count, wall ms, thread ms):');
      for (const [k, x] of [...forced].sort((a, b) => b[1].dur - a[1].dur).slice(0, 12))
        console.log(`    ${String(x.n).padStart(4)} ${x.dur.toFixed(0).padStart(5)} ${x.tdur.toFixed(0).padStart(5)}  ${k}`);
    }
    if (process.env.LAYOUTS) {
      // LAYOUTS=1: every layout / style recalculation over 4 ms, with what forced it.
      if (process.env.LAYOUTS === 'args') console.log(JSON.stringify(main.filter((e) => e.name === 'UpdateLayoutTree' && e.ts >= click.ts).slice(0, 3)));
      for (const e of main.filter(
        (e) =>
          (e.name === 'Layout' || e.name === 'UpdateLayoutTree') &&
          e.ts >= click.ts &&
          e.ts < prompt.ts &&
          (e.dur ?? 0) > Number(process.env.LAYOUT_MIN_US ?? 4000),
      )) {
        const b = e.args?.beginData ?? {};
        const st = (b.stackTrace ?? e.args?.data?.stackTrace ?? []).slice(0, 3);
        const where = st.map((f) => {
          const map = f.url ? mapFor(f.url) : null;
          const pos = map ? originalPositionFor(map, { line: f.lineNumber, column: f.columnNumber - 1 }) : null;
          return `${f.functionName || '?'}@${pos?.source ? `${pos.source.replace(/^(\.\.\/)+/, '')}:${pos.line}` : (f.url ?? '').split('/').pop()}`;
        });
        console.log(
          `  ${e.name} at ${((e.ts - click.ts) / 1000).toFixed(0)} ms: ${(e.dur / 1000).toFixed(1)} ms${b.totalObjects ? ` (${b.dirtyObjects}/${b.totalObjects} objects)` : ''}${e.args?.elementCount ? ` (${e.args.elementCount} elements)` : ''} ${where.join(' ← ')}`,
        );
      }
    }
    const marks = [click, ...events.filter((e) => e.name.startsWith('lab:') && e.ts > click.ts && e.ts < prompt.ts), prompt].sort((a, b) => a.ts - b.ts);
    console.log(`run ${i + 1}: marks ${marks.map((m) => `${m.name.replace('lab-trace:', '')} ${((m.ts - click.ts) / 1000).toFixed(0)}`).join(', ')}`);
    for (let k = 1; k < marks.length; k++) {
      const name = `${marks[k - 1].name.replace('lab-trace:', '')} → ${marks[k].name.replace('lab-trace:', '')}`;
      const entry = phases.get(name) ?? { ms: 0, profile: new Map() };
      entry.ms += (marks[k].ts - marks[k - 1].ts) / 1000;
      add(entry.profile, profileBySource(profile, marks[k - 1].ts, marks[k].ts));
      phases.set(name, entry);
    }
    console.log(`run ${i + 1}: click → prompt ${(t1 - t0).toFixed(0)} ms; tasks over 50 ms:`);
    for (const t of tasks.filter((t) => t.ms > 50)) {
      const fns = [...profileBySource(profile, t.ts, t.end)]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([k, v]) => `${k} ${v.toFixed(0)}`);
      console.log(`  at ${t.at.toFixed(0).padStart(5)} ms: ${t.ms.toFixed(0).padStart(5)} ms (${t.top}) [${fns.join('; ')}]`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
console.log(
  `\n${path}, CPU ${throttle}× slower, ${runs} run(s), mean per run; click → prompt ${prompts.map((p) => p.toFixed(0)).join(' / ')} ms; main-thread CPU ${threadMs.map((p) => p.toFixed(0)).join(' / ')} ms`,
);
console.log(`\nmain thread self time by event:\n${top(allSelf, 18, 1000)}`);
console.log(`\nscript compile/evaluate self time by file:\n${top(allUrl, 12, 1000)}`);
for (const [name, { ms, profile }] of phases) console.log(`\n${name}: ${(ms / runs).toFixed(0)} ms\n${top(profile, Number(process.env.PHASE_TOP ?? 8))}`);
console.log(`\nCPU profile self time by source:\n${top(allProfile, Number(process.env.TOP ?? 30))}`);
