// JavaScript a page makes the browser fetch at load: external module scripts and everything they
// import statically, plus inline scripts. Dynamic import() targets are on-demand and not counted.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

function htmlFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'pagefind' && name !== '_astro') out.push(...htmlFiles(p));
    } else if (name.endsWith('.html')) out.push(p);
  }
  return out;
}

const STATIC_IMPORT = /(?:^|[;\n}])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']|export\s*[\w*{}\s,$]+from\s*["']([^"']+)["']/g;

function staticGraph(root, entry, seen) {
  if (seen.has(entry)) return;
  seen.add(entry);
  const code = readFileSync(entry, 'utf8');
  for (const m of code.matchAll(STATIC_IMPORT)) {
    const spec = m[1] ?? m[2];
    if (!spec || !(spec.startsWith('.') || spec.startsWith('/'))) continue;
    const target = spec.startsWith('/') ? join(root, spec) : resolve(dirname(entry), spec);
    try {
      if (statSync(target).isFile()) staticGraph(root, target, seen);
    } catch {
      /* not a file we ship */
    }
  }
}

export function pageWeights(distDir) {
  const root = resolve(distDir);
  const rows = [];
  for (const file of htmlFiles(root).sort()) {
    const html = readFileSync(file, 'utf8');
    const files = new Set();
    let inlineRaw = 0;
    let inlineGzip = 0;
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      const attrs = m[1];
      const src = /\bsrc="([^"]+)"/.exec(attrs)?.[1];
      if (/type="application\/(ld\+)?json"/.test(attrs)) continue;
      if (src) {
        if (src.startsWith('/')) staticGraph(root, join(root, src), files);
      } else if (m[2].trim()) {
        // Inline module scripts may import chunks too.
        for (const im of m[2].matchAll(STATIC_IMPORT)) {
          const spec = im[1] ?? im[2];
          if (spec?.startsWith('/')) staticGraph(root, join(root, spec), files);
        }
        inlineRaw += Buffer.byteLength(m[2]);
        inlineGzip += gzipSync(m[2]).length;
      }
    }
    // Astro islands name their component and renderer URLs in attributes; they load at hydration.
    for (const m of html.matchAll(/<astro-island\b[^>]*\b(?:component-url|renderer-url)="([^"]+)"/g)) {
      staticGraph(root, join(root, m[1]), files);
    }
    let raw = inlineRaw;
    let gz = inlineGzip;
    for (const f of files) {
      const buf = readFileSync(f);
      raw += buf.length;
      gz += gzipSync(buf).length;
    }
    rows.push({ page: '/' + relative(root, file).replace(/index\.html$/, ''), files: files.size, raw, gzip: gz });
  }
  return rows;
}
