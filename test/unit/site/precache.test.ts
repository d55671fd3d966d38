import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { precacheManifest, writeServiceWorker } from '../../../build/precache.mjs';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function site(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'eil-precache-'));
  dirs.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const SITE = {
  'index.html': '<p>pick',
  '404.html': '<p>missing',
  'en/index.html': '<p>home',
  'en/lessons/a/index.html': '<p>lesson a',
  '_astro/boot.abc123.js': 'export {}',
  '_astro/codicon.def456.ttf': 'font',
  'pagefind/pagefind.js': 'pf',
  'pagefind/pagefind-entry.json': '{}',
  'pagefind/pagefind-ui.js': 'ui',
  'pagefind/pagefind-component-ui.css': 'ui',
  'pagefind/pagefind-highlight.js': 'hl',
  'pagefind/index/en_1.pf_index': 'idx',
  'og.png': 'png',
  'favicon.png': 'png',
};

describe('precache manifest', () => {
  it('lists pages by their URL and every asset a page can ask for, each with its SHA-256', async () => {
    const m = await precacheManifest(site(SITE));
    expect(m.files.map(([u]) => u)).toEqual([
      '/',
      '/404.html',
      '/_astro/boot.abc123.js',
      '/_astro/codicon.def456.ttf',
      '/en/',
      '/en/lessons/a/',
      '/favicon.png',
      '/pagefind/index/en_1.pf_index',
      '/pagefind/pagefind-entry.json',
      '/pagefind/pagefind.js',
    ]);
    expect(new Map(m.files).get('/en/')).toBe('68db1a4970c9e0cc29ab46abb64c517af96cc6935223fd737cf6c27077b036fb'); // sha256 of "<p>home"
    expect(m.files.every(([, h]) => /^[0-9a-f]{64}$/.test(h))).toBe(true);
  });

  it("lists each page's own files (styles, scripts, islands, their imports, fonts) but never the editor-sized chunks; the lab group is every built asset", async () => {
    const big = 'x'.repeat(600 * 1024);
    const m = await precacheManifest(
      site({
        'en/index.html':
          '<link rel="stylesheet" href="/_astro/page.css"><script type="module" src="/_astro/page.js"></script><astro-island component-url="/_astro/island.js" renderer-url="/_astro/client.js"></astro-island><a href="/en/lessons/a/">a</a>',
        'en/lessons/a/index.html': '<p>lesson a',
        '_astro/page.css': '@font-face{src:url(/_astro/font.woff2)}',
        '_astro/font.woff2': 'font',
        '_astro/page.js': 'import{a}from"./shared.js";const l=()=>import(`./lazy.js`);const b=()=>import(`./boot.js`);',
        '_astro/shared.js': 'export const a=1',
        '_astro/lazy.js': 'export {}',
        '_astro/island.js': 'import"./shared.js"',
        '_astro/client.js': 'export {}',
        '_astro/boot.js': `import"./boot-dep.js";${big}`,
        '_astro/boot-dep.js': 'export {}',
        '_astro/orphan.js': 'export {}',
      }),
    );
    expect(m.pages['/en/']).toEqual([
      '/_astro/client.js',
      '/_astro/font.woff2',
      '/_astro/island.js',
      '/_astro/lazy.js',
      '/_astro/page.css',
      '/_astro/page.js',
      '/_astro/shared.js',
    ]);
    // A link to another page is not one of its files.
    expect(m.pages['/en/lessons/a/']).toEqual([]);
    expect(m.lab).toEqual(m.files.map(([u]) => u).filter((u) => u.startsWith('/_astro/')));
    expect(m.lab).toContain('/_astro/boot.js');
    expect(m.groupBytes.all).toBe(m.bytes);
    expect(m.groupBytes.lab).toBeGreaterThan(600 * 1024);
  });

  it('a change to any one file gives a new version; the same content gives the same one', async () => {
    const one = await precacheManifest(site(SITE));
    const same = await precacheManifest(site(SITE));
    const changed = await precacheManifest(site({ ...SITE, 'en/lessons/a/index.html': '<p>lesson a, fixed' }));
    expect(same.version).toBe(one.version);
    expect(changed.version).not.toBe(one.version);
  });

  it('writes sw.js with the list built in, and never lists sw.js itself', async () => {
    const root = site(SITE);
    const first = await writeServiceWorker(root);
    const again = await writeServiceWorker(root);
    expect(again.version).toBe(first.version);
    expect(again.files.some(([u]) => u === '/sw.js')).toBe(false);
    const sw = readFileSync(join(root, 'sw.js'), 'utf8');
    expect(sw).toContain(first.version);
    expect(sw).toContain('/_astro/boot.abc123.js');
  });
});
