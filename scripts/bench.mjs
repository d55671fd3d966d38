#!/usr/bin/env node
// Benchmarks (not tests): page weight per built page, then the simulator figures.
// Prints tables; never fails on a missed target, it reports it.
import { existsSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { pageWeights } from '../bench/page-weight.mjs';
import { labBench, printLabBench } from '../bench/lab.bench.mjs';

const kb = (n) => (n / 1024).toFixed(1);

if (!existsSync('dist/index.html') || process.argv.includes('--rebuild')) {
  const r = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

console.log('\n## JavaScript shipped at page load (static graph; on-demand chunks excluded)\n');
console.log('| page | files | raw KB | gzip KB |');
console.log('|---|---:|---:|---:|');
for (const row of pageWeights('dist')) {
  console.log(`| ${row.page} | ${row.files} | ${kb(row.raw)} | ${kb(row.gzip)} |`);
}

printLabBench(await labBench(['/en/sandbox/', '/en/lessons/where-does-external-ip-come-from/', '/ko/lessons/where-does-external-ip-come-from/']));

// The simulator benchmarks are TypeScript: bundle them for Node, then run with a GC we can call.
for (const simBench of ['bench/sim.bench.ts', 'bench/limits.bench.ts']) {
  if (!existsSync(simBench)) continue;
  mkdirSync('.cache/bench', { recursive: true });
  const outfile = `.cache/bench/${simBench.split('/').pop().replace(/\.ts$/, '.mjs')}`;
  await build({
    entryPoints: [simBench],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'warning',
    // ajv-formats requires `punycode`: ESM bundles need a real `require` for Node built-ins.
    banner: { js: "import {createRequire} from 'module'; const require = createRequire(import.meta.url);" },
  });
  const r = spawnSync(process.execPath, ['--expose-gc', outfile], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
