#!/usr/bin/env node
import { mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
// `npm run api`: bundles src/api/main.ts for Node with esbuild (already a dev dependency) and
// runs it, so the simulator's TypeScript sources serve a real kubectl without a build step.
import { build } from 'esbuild';

const out = '.cache/api/main.mjs';
mkdirSync('.cache/api', { recursive: true });
await build({
  entryPoints: ['src/api/main.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  outfile: out,
  logLevel: 'warning',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
const { main } = await import(pathToFileURL(out).href);
await main(process.argv.slice(2));
