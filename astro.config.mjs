// @ts-check

import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import { defineConfig } from 'astro/config';
import { cspMetaFirst, security } from './build/csp.mjs';
import { labDependencies } from './build/dev-deps.mjs';
import { blockMeta } from './build/shiki-block-meta.mjs';
import { compactTokens } from './build/shiki-compact-tokens.mjs';
import { noTokenizeTimeLimit } from './build/shiki-no-time-limit.mjs';
import { searchProseOnly } from './build/shiki-search-prose.mjs';
import { tokenClasses } from './build/shiki-token-classes.mjs';
import { inlineLazyCss } from './build/vite-inline-lazy-css.mjs';
import { noStartupReload } from './build/vite-no-startup-reload.mjs';
import { pagePreloadsOnUse } from './build/vite-page-preloads.mjs';
import { warmLabAfterFirstPage } from './build/vite-warm-lab.mjs';

const monacoVs = fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs/', import.meta.url));
/** @param {string} name */
const stub = (name) => fileURLToPath(new URL(`./build/stubs/${name}`, import.meta.url));

export default defineConfig({
  site: 'https://external-ip-lab.example',
  trailingSlash: 'always',
  integrations: [
    mdx(),
    // Components are .tsx. Without `include`, @preact/preset-vite runs Babel (twice in dev: its
    // JSX pass and Prefresh's) over every .ts module too: ~190 simulator/CLI modules on the first
    // lab start in `astro dev`, most of its wait (bench/dev-start.mjs). The built site is the
    // same byte for byte (docs/performance.md).
    preact({ include: [/\.[jt]sx$/] }),
    cspMetaFirst(),
  ],
  i18n: {
    locales: ['en', 'ko'],
    defaultLocale: 'en',
    routing: {
      // Both languages live under a prefix; `/` is our own page that picks one by the browser language.
      prefixDefaultLocale: true,
      redirectToDefaultLocale: false,
    },
  },
  markdown: {
    shikiConfig: {
      // Two themes switched by CSS variables, so code blocks follow the light/dark toggle without JS.
      themes: { light: 'github-light', dark: 'github-dark' },
      defaultColor: false,
      transformers: [
        noTokenizeTimeLimit(),
        blockMeta(),
        (await import('./build/shiki-cloud-tab.mjs')).cloudTab(),
        searchProseOnly(),
        tokenClasses(),
        compactTokens(),
      ],
    },
  },
  build: {
    format: 'directory',
    // The site's CSS is ~15 KB (4 KB gzip): in the page it costs less than the round trip that a
    // render-blocking stylesheet adds before the first paint on a slow phone connection (issue 18).
    inlineStylesheets: 'always',
  },
  devToolbar: { enabled: false },
  // The console logger minus messages known not to apply here (each with its reason in the file).
  logger: { entrypoint: './build/quiet-logger.mjs' },
  security,
  vite: {
    plugins: [
      pagePreloadsOnUse(),
      noStartupReload(),
      warmLabAfterFirstPage(['src/lab/**/*.{ts,tsx}', 'src/sim/**/*.ts', 'src/cli/**/*.ts'], ['**/workers/**', '**/*.d.ts']),
      inlineLazyCss((id) => id.includes('/node_modules/monaco-editor/') || id.includes('/node_modules/@xterm/') || id.includes('/src/lab/')),
    ],
    resolve: {
      alias: [
        // monaco-yaml's worker still deep-imports monaco-editor/esm/vs/…, which the package's exports map hides.
        { find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: `${monacoVs}$1` },
        // Formatting is off in the lab; Prettier would add ~130 KB gzip to the YAML worker.
        { find: /^prettier\/(standalone|plugins\/yaml|plugins\/estree)$/, replacement: stub('prettier.js') },
        { find: /^(smtp-address-parser|schemes|uri-js)$/, replacement: stub('unused-formats.js') },
      ],
    },
    optimizeDeps: {
      // Pre-bundled up front so the first lab start in `astro dev` does not reload ("504 Outdated Optimize Dep").
      // Everything the lab imports (build/dev-deps.mjs reads the list from the sources), plus the
      // editor worker, which only monaco-yaml's worker reaches through the alias above.
      include: [...labDependencies(), 'monaco-editor/esm/vs/editor/editor.worker.js'],
    },
    build: {
      // Source maps only on request: bench/lab-trace.mjs maps its CPU profile back to source files with them.
      sourcemap: process.env.EIL_SOURCEMAP === '1',
      // The lab (Monaco with the features src/lab/editor/monaco.ts registers, xterm, the simulator
      // and its schema validators) is one ~5.4 MB chunk that loads only on "Start lab"; the bench
      // holds it to a gzip budget (docs/performance.md), so Vite's generic 500 kB hint adds nothing.
      chunkSizeWarningLimit: 6000,
      rolldownOptions: {
        onLog(level, log, handler) {
          // MDX compiles each lesson with Astro's "use astro:head-inject" marker, which Astro's own
          // plugin reads before bundling; the bundler dropping the directive afterwards is expected
          // (one warning per lesson, 22 in all, nothing to fix in the lessons).
          if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('use astro:head-inject')) return;
          handler(level, log);
        },
      },
      // Astro inlines small page scripts; the service worker's registration stays a file of its own
      // (cached with the other assets, and one less hash in the CSP).
      assetsInlineLimit: (file) => (file.includes('OfflineSupport.astro_astro_type_script') ? false : undefined),
    },
    worker: {
      format: 'es',
    },
  },
});
