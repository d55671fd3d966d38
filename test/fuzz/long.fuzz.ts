/**
 * The long fuzz run (`npm run fuzz`): the same cases as test/unit/fuzz/fuzz.test.ts (commands,
 * manifests and both mixed), FUZZ_CASES of them (default 100,000) from FUZZ_SEED (default: from
 * the clock, printed). Prints progress, cases per second and any counterexample with its seed
 * and path, so `FUZZ_SEED=… FUZZ_PATH=…` replays it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { arbitraries } from '../support/fuzz/arbitraries';
import { runCase } from '../support/fuzz/property';
import { loadSeeds, ROOT } from '../support/fuzz/seeds';

it('fuzz: long run', async () => {
  const cases = Number(process.env.FUZZ_CASES ?? 100_000);
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;
  const seeds = await loadSeeds();
  const arb = arbitraries(seeds);
  const log = (s: string) => process.stdout.write(s + '\n');
  log(`fuzz: ${cases} cases, seed ${seed}; seeds: ${JSON.stringify(seeds.counts)} (${seeds.yaml.length} manifests, ${seeds.commands.length} command lines)`);
  let n = 0;
  let slowest = { ms: 0, steps: '' };
  const t0 = performance.now();
  let last = t0;
  const property = fc.asyncProperty(arb.steps, async (steps) => {
    const t = performance.now();
    await runCase(steps);
    const ms = performance.now() - t;
    if (ms > slowest.ms) slowest = { ms, steps: JSON.stringify(steps).slice(0, 300) };
    n++;
    if (performance.now() - last > 10_000) {
      last = performance.now();
      log(`  ${n} cases, ${(n / ((last - t0) / 1000)).toFixed(0)} cases/s`);
    }
  });
  const out = await fc.check(property, { numRuns: cases, seed, ...(process.env.FUZZ_PATH ? { path: process.env.FUZZ_PATH } : {}) });
  const seconds = (performance.now() - t0) / 1000;
  const summary = {
    cases: out.numRuns,
    seconds: Math.round(seconds),
    casesPerSecond: Math.round(out.numRuns / seconds),
    seed,
    failed: out.failed,
    path: out.counterexamplePath,
    counterexample: out.counterexample,
    error: out.failed ? String(out.errorInstance instanceof Error ? out.errorInstance.message : out.errorInstance) : undefined,
    slowestCase: { ms: Math.round(slowest.ms), steps: slowest.steps },
  };
  log(
    `fuzz: ${summary.cases} cases in ${summary.seconds} s (${summary.casesPerSecond} cases/s), ${out.failed ? 'FAILED' : 'no failure'}; slowest case ${summary.slowestCase.ms} ms`,
  );
  if (out.failed) log(fc.defaultReportMessage(out) ?? '');
  mkdirSync(join(ROOT, '.cache/fuzz'), { recursive: true });
  writeFileSync(join(ROOT, '.cache/fuzz/last-run.json'), JSON.stringify(summary, null, 2) + '\n');
  expect(out.failed, summary.error).toBe(false);
});
