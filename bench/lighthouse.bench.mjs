// Lighthouse for the pages in LIGHTHOUSE_PAGES, mobile and desktop, median of 3 runs each (by
// performance score), all four categories. The site is served the way a static host serves it:
// gzip for text and long cache lifetimes for Astro's hashed assets, since the test server does
// neither and Lighthouse's simulated throttling prices every uncompressed byte.
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_ARGS, findChromium } from '../test/support/chromium.ts';

/**
 * Pages the report covers on mobile and desktop. Every lesson has a lab, so the text-only page is
 * the annotation reference: long prose and tables, no lab, the same layout and styles. Every
 * lesson page (both languages) is measured on top of these, on mobile, by `lessonPages()`.
 */
export const LIGHTHOUSE_PAGES = [
  { path: '/en/', kind: 'home page' },
  { path: '/en/reference/', kind: 'text page (annotation reference)' },
];

/** Every built lesson page in both languages (the challenge included), before its lab starts. */
export function lessonPages(dist = 'dist') {
  const pages = [];
  for (const locale of ['en', 'ko']) {
    const dir = join(dist, locale, 'lessons');
    if (!existsSync(dir)) continue;
    for (const slug of readdirSync(dir).sort()) {
      if (existsSync(join(dir, slug, 'index.html')))
        pages.push({ path: `/${locale}/lessons/${slug}/`, kind: 'lesson, before the lab starts', formFactors: ['mobile'] });
    }
  }
  return pages;
}

/** `--pages=a,b`: keep the pages whose path contains one of the comma-separated parts. */
export function selectPages(pages, filter) {
  if (!filter) return pages;
  const parts = filter
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  return pages.filter((p) => parts.some((part) => p.path.includes(part)));
}

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const RUNS = 3;
/** Lab-time metrics each run reports besides the scores (Lighthouse's audit ids). */
const METRICS = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  si: 'speed-index',
  cls: 'cumulative-layout-shift',
  mainThread: 'mainthread-work-breakdown',
};

/**
 * Lighthouse (and puppeteer-core, ~100 packages with it) is only for this benchmark, so it is not
 * in package.json: a newcomer's `npm install` stays light. The first `npm run bench` installs
 * this exact version into .cache/bench-tools (git-ignored) and later runs reuse it.
 */
export const LIGHTHOUSE_VERSION = '13.5.0';
const TOOLS = '.cache/bench-tools';

export function lighthouseBin() {
  const bin = join(TOOLS, 'node_modules', '.bin', 'lighthouse');
  const pkg = join(TOOLS, 'node_modules', 'lighthouse', 'package.json');
  const installed = existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).version === LIGHTHOUSE_VERSION;
  if (!installed) {
    process.stderr.write(`… installing lighthouse@${LIGHTHOUSE_VERSION} into ${TOOLS} (bench only, once)\n`);
    const r = spawnSync('npm', ['install', '--prefix', TOOLS, '--no-save', '--no-audit', '--no-fund', '--loglevel=error', `lighthouse@${LIGHTHOUSE_VERSION}`], {
      stdio: 'inherit',
    });
    if (r.status !== 0 || !existsSync(bin))
      throw new Error(`could not install lighthouse@${LIGHTHOUSE_VERSION} (npm exit ${r.status}); run npm run bench -- --no-lighthouse for the rest`);
  }
  return bin;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt', '.webmanifest']);

function resolveFile(root, urlPath) {
  const path = resolve(join(root, normalize(decodeURIComponent(urlPath.split('?')[0]))));
  if (!path.startsWith(root)) return null;
  for (const candidate of [path, join(path, 'index.html')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // next candidate
    }
  }
  return null;
}

/** A static host for dist/: gzip when asked for, immutable caching for hashed /_astro/ files. */
export function startGzipHost(dir) {
  const root = resolve(dir);
  const cache = new Map();
  const server = createServer((req, res) => {
    const found = resolveFile(root, req.url ?? '/');
    const file = found ?? join(root, '404.html');
    const status = found ? 200 : 404;
    const ext = extname(file);
    const headers = {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'cache-control': (req.url ?? '').startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'public, max-age=600',
    };
    let body = readFileSync(file);
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      if (!cache.has(file)) cache.set(file, gzipSync(body, { level: 9 }));
      body = cache.get(file);
      headers['content-encoding'] = 'gzip';
      headers.vary = 'accept-encoding';
    }
    res.writeHead(status, headers).end(body);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ url: `http://127.0.0.1:${server.address().port}`, server })));
}

/** One Lighthouse run. Asynchronous on purpose: the host serving the pages lives in this process. */
async function runOnce(url, formFactor, chrome) {
  const dir = mkdtempSync(join(tmpdir(), 'eil-lh-'));
  const out = join(dir, 'report.json');
  const args = [
    url,
    '--quiet',
    '--output=json',
    `--output-path=${out}`,
    `--only-categories=${CATEGORIES.join(',')}`,
    `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')}`,
  ];
  if (formFactor === 'desktop') args.push('--preset=desktop');
  try {
    await promisify(execFile)(lighthouseBin(), args, { env: { ...process.env, CHROME_PATH: chrome }, maxBuffer: 16 * 1024 * 1024, timeout: 180_000 });
    const report = JSON.parse(readFileSync(out, 'utf8'));
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((report.categories[c]?.score ?? 0) * 100)]));
    const misses = Object.entries(report.audits)
      .filter(([, a]) => a.score !== null && a.score < 1 && ['binary', 'numeric', 'metricSavings'].includes(a.scoreDisplayMode))
      .map(([id, a]) => `${id}${a.displayValue ? ` (${a.displayValue})` : ''}`);
    const metrics = Object.fromEntries(Object.entries(METRICS).map(([k, id]) => [k, report.audits[id]?.numericValue ?? NaN]));
    return { scores, metrics, misses, version: report.lighthouseVersion };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * On a busy machine Lighthouse sometimes gives up on the browser (a DevTools protocol timeout):
 * one such run is tried again once, then left out (and said so) rather than ending the bench.
 */
async function runWithRetry(url, formFactor, chrome) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await runOnce(url, formFactor, chrome);
    } catch (err) {
      const why = String(err.stderr || err.message).split('\n')[0];
      process.stderr.write(`… ${formFactor} ${url}: Lighthouse failed (${why})${attempt < 2 ? ', trying again' : ', run left out'}\n`);
      if (attempt >= 2) return null;
    }
  }
}

/**
 * Runs every page RUNS times for each of its form factors (mobile and desktop unless the page says
 * otherwise) and keeps all the runs: the median by performance score is the row's figure.
 */
export async function lighthouseBench(pages = [...LIGHTHOUSE_PAGES, ...lessonPages()], { runs: runCount = RUNS, onRun } = {}) {
  const chrome = findChromium();
  if (!chrome) return { skipped: 'no Chromium' };
  const { url, server } = await startGzipHost('dist');
  const rows = [];
  try {
    for (const page of pages) {
      for (const formFactor of page.formFactors ?? ['mobile', 'desktop']) {
        const runs = [];
        for (let i = 0; i < runCount; i++) {
          const run = await runWithRetry(url + page.path, formFactor, chrome);
          if (!run) continue;
          runs.push(run);
          onRun?.(page, formFactor, run);
        }
        if (runs.length === 0) continue;
        const sorted = [...runs].sort((a, b) => a.scores.performance - b.scores.performance);
        const median = sorted[Math.floor(sorted.length / 2)];
        rows.push({ ...page, formFactor, ...median, runs, performanceRuns: runs.map((r) => r.scores.performance) });
      }
    }
  } finally {
    server.close();
  }
  return { rows };
}

const ms = (n) => `${Math.round(n)} ms`;
const sec = (n) => `${(n / 1000).toFixed(2)} s`;
/** One run in a line: score, first contentful paint, total blocking time, main-thread work. */
export const runSummary = (r) => `${r.scores.performance} (FCP ${sec(r.metrics.fcp)}, TBT ${ms(r.metrics.tbt)}, main thread ${sec(r.metrics.mainThread)})`;

export function lighthouseRows(result) {
  if (result.skipped) return [{ area: 'Lighthouse', measure: '(skipped)', value: result.skipped, target: '', ok: null }];
  const rows = result.rows.map((r) => {
    const lesson = r.path.includes('/lessons/');
    return {
      area: `Lighthouse ${r.formFactor}`,
      measure: `${r.path} (${r.kind}): perf · a11y · best practices · SEO — runs ${r.runs.map(runSummary).join(' / ')}`,
      value: CATEGORIES.map((c) => r.scores[c]).join(' · '),
      target: lesson ? 'perf median 100, no run < 95; all 100' : r.formFactor === 'mobile' ? 'perf 100 (all 100)' : 'all 100',
      ok: CATEGORIES.every((c) => r.scores[c] === 100) && (!lesson || r.performanceRuns.every((p) => p >= 95)),
      misses: r.misses,
      version: r.version,
    };
  });
  const lessons = result.rows.filter((r) => r.formFactor === 'mobile' && r.path.includes('/lessons/'));
  if (lessons.length > 1) {
    const worst = [...lessons].sort(
      (a, b) => a.scores.performance - b.scores.performance || Math.min(...a.performanceRuns) - Math.min(...b.performanceRuns),
    )[0];
    const allRuns = lessons.flatMap((r) => r.runs);
    const slowest = [...allRuns].sort((a, b) => b.metrics.tbt - a.metrics.tbt)[0];
    const slowestPage = lessons.find((r) => r.runs.includes(slowest));
    rows.push({
      area: 'Lighthouse mobile',
      measure: `every lesson page (${lessons.length}): worst median ${worst.path} (runs ${worst.performanceRuns.join('/')}); lowest run of all`,
      value: `${worst.scores.performance} · ${Math.min(...allRuns.map((r) => r.scores.performance))}`,
      target: 'median 100 · ≥ 95',
      ok: lessons.every((r) => r.scores.performance === 100) && allRuns.every((r) => r.scores.performance >= 95),
    });
    rows.push({
      area: 'Lighthouse mobile',
      measure: `every lesson page: highest total blocking time of any run (${slowestPage.path}); highest FCP ${sec(Math.max(...allRuns.map((r) => r.metrics.fcp)))}`,
      value: ms(slowest.metrics.tbt),
      target: '< 50 ms (FCP < 1.2 s)',
      ok: slowest.metrics.tbt < 50 && allRuns.every((r) => r.metrics.fcp < 1200),
    });
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // `node bench/lighthouse.bench.mjs [--pages=…] [--runs=N]`: fewer runs when time is short.
  const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? RUNS);
  const result = await lighthouseBench(selectPages([...LIGHTHOUSE_PAGES, ...lessonPages()], process.argv.find((a) => a.startsWith('--pages='))?.slice(8)), {
    runs,
    onRun: (page, formFactor, run) => console.log(`… ${formFactor} ${page.path}: ${runSummary(run)}`),
  });
  for (const r of lighthouseRows(result)) console.log(r.area, r.measure, r.value, r.misses?.join(', ') ?? '');
}
