// Post-build step (run by `npm run build` after Pagefind, so the search index is in dist/ too):
// lists every file the course needs offline with a SHA-256 of its content, and writes dist/sw.js
// from src/offline/sw.ts with that list built in. A new build with any changed file therefore has
// a new sw.js, which is what makes browsers install the new version.
//
// The worker does not download that whole list on a first visit (about 10 MB, most of it the
// editor): it keeps the pages a learner visits, each with the files it loads (`pages` below), and
// fetches a group only when asked: `lab` when a lab starts, `all` when the learner turns on
// "Available offline".
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

/** What a page loads: stylesheets, icons, scripts, islands. */
const LINKED = [/<link\b[^>]*?\shref="(\/[^"?#]*)"/g, /\s(?:src|component-url|renderer-url)="(\/[^"?#]*)"/g];
/** Imports between Vite chunks: static (`import{a}from"./x.js"`, `import"./x.js"`) and on demand (`import(\`./x.js\`)`). */
const IMPORT = /(?:\bfrom|\bimport)\s*\(?\s*["`]\.\/([^"`]+\.js)["`]/g;
/**
 * A chunk this big is the lab (the editor) or one of its workers, loaded when a lab starts: it is
 * in the `lab` group, not in the files a visited page keeps.
 */
const LAB_SIZED = 512 * 1024;
const CSS_URL = /url\(["']?(\/[^"')?#]+)/g;

/**
 * What loading `path` pulls in: a page's stylesheets, scripts and islands, a script's imports, a
 * stylesheet's fonts. @param {string} path @param {string} text
 */
function directDeps(path, text) {
  if (path.endsWith('.html')) return LINKED.flatMap((re) => [...text.matchAll(re)].map((m) => m[1]));
  if (path.endsWith('.js')) return [...text.matchAll(IMPORT)].map((m) => path.slice(0, path.lastIndexOf('/') + 1) + m[1]);
  if (path.endsWith('.css')) return [...text.matchAll(CSS_URL)].map((m) => m[1]);
  return [];
}

/**
 * @param {string} dist the built site
 * @returns {Promise<{ version: string; files: [string, string][]; pages: Record<string, string[]>; lab: string[]; bytes: number; groupBytes: { lab: number; all: number } }>}
 */
export async function precacheManifest(dist) {
  const all = (await readdir(dist, { recursive: true, withFileTypes: true })).filter((d) => d.isFile());
  /** @type {[string, string][]} */
  const files = [];
  /** @type {Map<string, string[]>} */
  const deps = new Map();
  /** @type {Map<string, number>} */
  const sizes = new Map();
  let bytes = 0;
  for (const d of all) {
    const path = '/' + relative(dist, join(d.parentPath, d.name)).split(sep).join('/');
    if (!needed(path)) continue;
    const body = await readFile(join(dist, path));
    bytes += body.length;
    sizes.set(urlOf(path), body.length);
    files.push([urlOf(path), createHash('sha256').update(body).digest('hex')]);
    if (/\.(?:html|js|css)$/.test(path)) deps.set(urlOf(path), directDeps(path, body.toString('utf8')));
  }
  files.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const known = new Set(files.map(([u]) => u));
  /** @type {Record<string, string[]>} */
  const pages = {};
  for (const [url] of files) {
    if (!url.endsWith('/') && !url.endsWith('.html')) continue;
    const seen = new Set();
    const walk = (/** @type {string} */ u) => {
      for (const dep of deps.get(u) ?? []) if (known.has(dep) && !seen.has(dep) && (sizes.get(dep) ?? 0) < LAB_SIZED) seen.add(dep), walk(dep);
    };
    walk(url);
    pages[url] = [...seen].sort();
  }
  // The lab: every built script, worker, stylesheet and font (the editor and terminal are most of it).
  const lab = files.map(([u]) => u).filter((u) => u.startsWith('/_astro/'));
  const labBytes = lab.reduce((n, u) => n + (sizes.get(u) ?? 0), 0);
  const version = createHash('sha256')
    .update(files.map((f) => f.join(' ')).join('\n'))
    .digest('hex')
    .slice(0, 16);
  return { version, files, pages, lab, bytes, groupBytes: { lab: labBytes, all: bytes } };
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
    define: {
      __PRECACHE__: JSON.stringify({ version: manifest.version, files: manifest.files, pages: manifest.pages, lab: manifest.lab, bytes: manifest.groupBytes }),
    },
  });
  await writeFile(join(dist, 'sw.js'), out.outputFiles[0].text);
  return manifest;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = process.argv[2] ?? 'dist';
  const m = await writeServiceWorker(dist);
  console.log(`[precache] sw.js version ${m.version}: ${m.files.length} files, ${Math.round(m.bytes / 1024)} KB`);
}
