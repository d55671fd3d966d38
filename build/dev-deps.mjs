// Bare imports of the lab's code (src/lab, src/sim, src/cli), for Vite's optimizeDeps.include.
// The lab is reached through a dynamic import on "Start lab", so the dev server's start-up scan
// may miss what it pulls in (40-odd kubernetes-models schema modules, jmespath …) and discover it
// at the first lab start instead: re-optimise, "504 Outdated Optimize Dep", full reload (ux-audit
// S4). Listing them pre-bundles them once, up front. Read from the sources so the list cannot rot.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const DIRS = ['src/lab', 'src/sim', 'src/cli'];
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|(?:^|\n)\s*import\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/**
 * Monaco stays out of the list: its ESM source imports CSS files that build/vite-inline-lazy-css.mjs
 * cannot inline once pre-bundled. The start-up scan still finds Monaco (src/lab/editor/monaco.ts) and
 * pre-bundles it; its ~80 CSS files then stay separate requests that Vite serves as style modules,
 * and the editor is styled in dev (checked 2026-12-06, docs/performance.md dev start).
 * @param {string} spec
 */
const wanted = (spec) => !/^(\.|node:|astro:|virtual:|monaco-editor)/.test(spec) && !spec.includes('?') && !spec.endsWith('.css') && !spec.endsWith('.json');

/** @returns {string[]} */
export function labDependencies() {
  const found = new Set();
  for (const dir of DIRS) {
    for (const file of readdirSync(join(root, dir), { recursive: true })) {
      const name = String(file);
      if (!/\.(ts|tsx|mjs)$/.test(name) || name.endsWith('.d.ts')) continue;
      const text = readFileSync(join(root, dir, name), 'utf8');
      for (const m of text.matchAll(IMPORT)) {
        const spec = m[1] ?? m[2] ?? m[3];
        if (spec && wanted(spec)) found.add(spec);
      }
    }
  }
  return [...found].sort();
}
