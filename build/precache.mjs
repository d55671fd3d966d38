// Post-build step (run by `npm run build` after Pagefind, so the search index is in dist/ too):
// lists every file the course needs offline with a SHA-256 of its content, and writes dist/sw.js
// from src/offline/sw.ts with that list built in. A new build with any changed file therefore has
// a new sw.js, which is what makes browsers install the new version.
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const SW_SOURCE = fileURLToPath(new URL('../src/offline/sw.ts', import.meta.url));

/**
 * Pagefind's ready-made UIs (the site drives Pagefind's JS API itself) and the social-card image
 * are never requested by a page, so they are not worth a learner's disk space.
 * @param {string} path
 */
const needed = (path) => !/^\/pagefind\/pagefind-(?:component-|modular-)?ui\.|^\/pagefind\/pagefind-highlight\.js$|^\/og\.png$|^\/sw\.js$/.test(path);

/** Pages are requested by their directory URL (`/en/`), not by their file name. @param {string} path */
const urlOf = (path) => (path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path);

/**
 * @param {string} dist the built site
 * @returns {Promise<{ version: string; files: [string, string][]; bytes: number }>}
 */
export async function precacheManifest(dist) {
  const all = (await readdir(dist, { recursive: true, withFileTypes: true })).filter((d) => d.isFile());
  /** @type {[string, string][]} */
  const files = [];
  let bytes = 0;
  for (const d of all) {
    const path = '/' + relative(dist, join(d.parentPath, d.name)).split(sep).join('/');
    if (!needed(path)) continue;
    const body = await readFile(join(dist, path));
    bytes += body.length;
    files.push([urlOf(path), createHash('sha256').update(body).digest('hex')]);
  }
  files.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const version = createHash('sha256').update(files.map((f) => f.join(' ')).join('\n')).digest('hex').slice(0, 16);
  return { version, files, bytes };
}

/** Writes dist/sw.js for the build in `dist`. @param {string} dist */
export async function writeServiceWorker(dist) {
  await rm(join(dist, 'sw.js'), { force: true });
  const manifest = await precacheManifest(dist);
  const out = await build({
    entryPoints: [SW_SOURCE],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    minify: true,
    define: { __PRECACHE__: JSON.stringify({ version: manifest.version, files: manifest.files }) },
  });
  await writeFile(join(dist, 'sw.js'), out.outputFiles[0].text);
  return manifest;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = process.argv[2] ?? 'dist';
  const m = await writeServiceWorker(dist);
  console.log(`[precache] sw.js version ${m.version}: ${m.files.length} files, ${Math.round(m.bytes / 1024)} KB`);
}
