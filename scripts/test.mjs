#!/usr/bin/env node
// One command for every test: the type check and the lint (fast: they fail first, naming file and
// line), unit and conformance tests, then a production build and the browser tests against it.
// Without Chromium the browser part is skipped LOUDLY on a developer machine and FAILS under CI.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const args = new Set(process.argv.slice(2));
const e2eOnly = args.has('--e2e-only');
const isCI = Boolean(process.env.CI);
const resultsDir = '.cache/test-results';
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 19)) {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  console.error(
    `Node ${process.versions.node} is too old: this project needs Node ${pkg.engines.node} (Astro 7, undici). Get Node 24 with:\n  ${pkg.engines['get-node-24']}`,
  );
  process.exit(1);
}

function run(cmd, cmdArgs) {
  console.log(`\n$ ${cmd} ${cmdArgs.join(' ')}`);
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', env: process.env });
  return r.status ?? 1;
}

function vitest(project) {
  const out = `${resultsDir}/${project}.json`;
  const status = run('npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  if (existsSync(out)) {
    const json = JSON.parse(readFileSync(out, 'utf8'));
    passed = json.numPassedTests ?? 0;
    failed = (json.numFailedTests ?? 0) + (status !== 0 && json.numFailedTests === 0 ? 1 : 0);
    skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  } else if (status !== 0) failed = 1;
  return { status, passed, failed, skipped };
}

function findChromium() {
  for (const c of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (c && existsSync(c)) return c;
  }
  return null;
}

const totals = { passed: 0, failed: 0, skipped: 0 };
let exitCode = 0;
const add = (r) => {
  totals.passed += r.passed;
  totals.failed += r.failed;
  totals.skipped += r.skipped;
  if (r.status !== 0) exitCode = 1;
};

// Type check (astro check covers every .ts/.tsx/.astro file tsconfig includes), then Biome: lint,
// formatting and import order. Both run so one pass shows every problem; either failing stops here.
if (!e2eOnly) {
  const checks = [
    ['Type check', run('npm', ['run', 'check', '--silent'])],
    ['Lint and format check', run('npm', ['run', 'lint', '--silent'])],
  ];
  const failed = checks.filter(([, status]) => status !== 0).map(([name]) => name);
  if (failed.length) {
    console.error(
      `\n${failed.join(' and ')} failed (file:line above); fix it before the tests run.${failed.includes('Lint and format check') ? ' `npm run format` fixes formatting and import order.' : ''}`,
    );
    process.exit(1);
  }
}

if (!e2eOnly) add(vitest('unit'));
if (!e2eOnly) add(vitest('conformance'));

const browser = findChromium();
if (!browser) {
  const banner = '#'.repeat(78);
  console.error(
    `\n${banner}\n# NO CHROMIUM FOUND: the browser tests did NOT run.\n# Install it with: sudo apt-get install chromium   (or set CHROMIUM_PATH)\n${banner}\n`,
  );
  if (isCI) {
    console.error('CI is set, so a missing browser is a failure.');
    exitCode = 1;
    totals.failed += 1;
  }
} else {
  const buildStatus = run('npm', ['run', 'build', '--silent']);
  if (buildStatus !== 0) {
    console.error('The production build failed, so the browser tests cannot run.');
    exitCode = 1;
    totals.failed += 1;
  } else {
    add(vitest('e2e'));
  }
}

console.log(`\nTotal: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(exitCode);
