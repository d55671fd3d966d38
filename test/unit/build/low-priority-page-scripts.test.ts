import { describe, expect, it } from 'vitest';
import { lowPriorityPageScripts, staticImportsOf } from '../../../build/low-priority-page-scripts.mjs';

const IMPORTS = new Map<string, string[]>([
  ['_astro/Base.a1.js', ['_astro/storage.b2.js', '_astro/keys.c3.js']],
  ['_astro/storage.b2.js', ['_astro/keys.c3.js', '_astro/codec.d4.js']],
  ['_astro/keys.c3.js', []],
  ['_astro/codec.d4.js', ['_astro/storage.b2.js']],
  ['_astro/Lab.e5.js', ['_astro/storage.b2.js', '_astro/resume.f6.js']],
  ['_astro/resume.f6.js', []],
]);

describe('page scripts at low priority', () => {
  it('lists what a chunk imports statically, through its imports, each chunk once even in a cycle', () => {
    expect(staticImportsOf('_astro/Base.a1.js', IMPORTS)).toEqual(['_astro/storage.b2.js', '_astro/keys.c3.js', '_astro/codec.d4.js']);
    expect(staticImportsOf('_astro/keys.c3.js', IMPORTS)).toEqual([]);
    expect(staticImportsOf('_astro/unknown.js', IMPORTS)).toEqual([]);
  });

  it('marks each bundled module script low and preloads its imports at low priority, each URL once per page', () => {
    const html =
      '<head><script type="module" src="/_astro/Base.a1.js"></script></head><body><p>text</p>' +
      '<script type="module" src="/_astro/Lab.e5.js"></script></body>';
    expect(lowPriorityPageScripts(html, IMPORTS)).toBe(
      '<head><script type="module" fetchpriority="low" src="/_astro/Base.a1.js"></script>' +
        '<link rel="modulepreload" fetchpriority="low" href="/_astro/storage.b2.js">' +
        '<link rel="modulepreload" fetchpriority="low" href="/_astro/keys.c3.js">' +
        '<link rel="modulepreload" fetchpriority="low" href="/_astro/codec.d4.js"></head><body><p>text</p>' +
        '<script type="module" fetchpriority="low" src="/_astro/Lab.e5.js"></script>' +
        '<link rel="modulepreload" fetchpriority="low" href="/_astro/resume.f6.js"></body>',
    );
  });

  it('leaves inline scripts, classic scripts and scripts from elsewhere as they are', () => {
    const html =
      '<script>document.documentElement.dataset.theme = "dark"</script><script type="module">import("/_astro/Base.a1.js")</script>' +
      '<script src="/_astro/Base.a1.js"></script><script type="module" src="/pagefind/pagefind-ui.js"></script>';
    expect(lowPriorityPageScripts(html, IMPORTS)).toBe(html);
  });

  it('writes URLs under the site base path', () => {
    const out = lowPriorityPageScripts('<script type="module" src="/docs/_astro/Lab.e5.js"></script>', IMPORTS, '/docs/');
    expect(out).toContain('<script type="module" fetchpriority="low" src="/docs/_astro/Lab.e5.js"></script>');
    expect(out).toContain('<link rel="modulepreload" fetchpriority="low" href="/docs/_astro/storage.b2.js">');
  });
});
