// The site's Content-Security-Policy, handed to Astro's `security.csp`. Astro hashes the scripts it
// bundles or inlines itself and writes the policy into every page as a <meta http-equiv>; the three
// `is:inline` scripts it cannot see are hashed here from the very files the pages render.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const INLINE_SCRIPTS = ['theme-init.js', 'pick-language.js', 'early-lab-start.js'];

/** @param {string} name */
function inlineScriptHash(name) {
  const text = readFileSync(new URL(`../src/site/inline/${name}`, import.meta.url), 'utf8');
  return /** @type {`sha256-${string}`} */ (`sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`);
}

/** @type {import('astro').AstroUserConfig['security']} */
export const security = {
  csp: {
    algorithm: 'SHA-256',
    directives: [
      // Nothing is allowed unless listed below: no remote origin appears anywhere.
      "default-src 'none'",
      "connect-src 'self'",
      // Monaco draws its error/warning/info squiggles as data: SVG backgrounds; an image cannot run script.
      "img-src 'self' data:",
      "font-src 'self'",
      // Monaco's editor worker and monaco-yaml's worker are bundled files under /_astro/.
      "worker-src 'self'",
      "manifest-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      // The sandbox's options form submits to its own page (GET); nothing posts anywhere.
      "form-action 'self'",
    ],
    scriptDirective: {
      // Pagefind's search runs WebAssembly: that needs 'wasm-unsafe-eval' (not 'unsafe-eval').
      resources: ["'self'", "'wasm-unsafe-eval'"],
      hashes: INLINE_SCRIPTS.map(inlineScriptHash),
    },
    styleDirective: {
      // Monaco and xterm write <style> elements and style attributes at run time, the lab injects
      // its own CSS as a <style> (build/vite-inline-lazy-css.mjs), and code blocks carry style
      // attributes; none of that can be hashed ahead of time in a static site.
      resources: ["'self'", "'unsafe-inline'"],
    },
  },
};

const CSP_META = /<meta http-equiv="content-security-policy" content="[^"]*">/;

/**
 * A policy in a <meta> only governs what comes after it, and Astro writes it late in <head>, after
 * the theme script. This moves it up to right after <meta charset>, ahead of every script and style.
 * @returns {import('astro').AstroIntegration}
 */
export function cspMetaFirst() {
  return {
    name: 'eil:csp-meta-first',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { readdir, readFile, writeFile } = await import('node:fs/promises');
        const { fileURLToPath } = await import('node:url');
        const { join } = await import('node:path');
        const root = fileURLToPath(dir);
        const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.html'));
        for (const file of files) {
          const path = join(root, file);
          const html = await readFile(path, 'utf8');
          const meta = CSP_META.exec(html)?.[0];
          const charset = /<meta charset="utf-8">/i.exec(html);
          // Every page must carry the policy: a page without one is a build error, not a silent gap.
          if (!meta || !charset) throw new Error(`${file}: no CSP <meta> or no <meta charset> to put it after`);
          const without = html.replace(meta, '');
          const at = without.indexOf(charset[0]) + charset[0].length;
          await writeFile(path, without.slice(0, at) + meta + without.slice(at));
        }
        logger.info(`CSP <meta> placed first in ${files.length} pages`);
      },
    },
  };
}
