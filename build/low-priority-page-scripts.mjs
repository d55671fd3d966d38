// The pages' own scripts (theme and search buttons, the lab's "Start lab", progress) do nothing
// before the page is parsed, yet Chrome fetches module scripts and their imports at High priority,
// beside the HTML still downloading. Lighthouse's simulated slow 4G then counts every such request
// that ended before the first paint as render-blocking: whether a page's first contentful paint was
// 0.8 s or 1.3 s hung on whether four 1 KB imports beat the paint (issue 18). Here each bundled
// `<script type="module" src>` is marked `fetchpriority="low"`, and the chunks it imports statically
// are announced as `<link rel="modulepreload" fetchpriority="low">` right after it: a module's own
// imports take the default (High) priority whatever the script says, while a preloaded module is
// taken from the preload. Dynamic imports (the lab, the quiz grader, search) are left as they are:
// they are fetched when used, and then they are wanted at once.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MODULE_SCRIPT = /<script type="module" src="([^"]+\.js)"><\/script>/g;

/**
 * Every chunk's static imports (file names), from the client build's bundle.
 * @returns {{ plugin: import('vite').Plugin, imports: Map<string, string[]> }}
 */
function recordStaticImports() {
  /** @type {Map<string, string[]>} */
  const imports = new Map();
  return {
    imports,
    plugin: {
      name: 'eil:record-static-imports',
      apply: 'build',
      applyToEnvironment: (env) => env.name === 'client',
      generateBundle(_options, bundle) {
        for (const item of Object.values(bundle)) if (item.type === 'chunk') imports.set(item.fileName, [...item.imports]);
      },
    },
  };
}

/**
 * The chunks a script file loads before it runs, depth first, each once.
 * @param {string} file a chunk's file name (`_astro/….js`)
 * @param {Map<string, string[]>} imports
 * @param {Set<string>} [seen]
 */
export function staticImportsOf(file, imports, seen = new Set()) {
  /** @type {string[]} */
  const out = [];
  for (const dep of imports.get(file) ?? []) {
    if (seen.has(dep)) continue;
    seen.add(dep);
    out.push(dep, ...staticImportsOf(dep, imports, seen));
  }
  return out;
}

/**
 * Rewrites one page's HTML (see the top of this file). A chunk already announced earlier in the page
 * (by an earlier script or preload) is not announced again.
 * @param {string} html
 * @param {Map<string, string[]>} imports static imports by chunk file name (`_astro/….js`)
 * @param {string} base the site's base path, ending in `/`
 */
export function lowPriorityPageScripts(html, imports, base = '/') {
  const announced = new Set();
  return html.replace(MODULE_SCRIPT, (tag, src) => {
    const file = src.startsWith(base) ? src.slice(base.length) : '';
    // Only this build's own chunks: a script copied from public/ (Pagefind's) is not in the bundle.
    if (!imports.has(file)) return tag;
    announced.add(file);
    const preloads = [];
    for (const dep of staticImportsOf(file, imports)) {
      if (announced.has(dep)) continue;
      announced.add(dep);
      preloads.push(`<link rel="modulepreload" fetchpriority="low" href="${base}${dep}">`);
    }
    return `<script type="module" fetchpriority="low" src="${src}"></script>${preloads.join('')}`;
  });
}

/** @returns {import('astro').AstroIntegration} */
export function pageScriptsLowPriority() {
  const { plugin, imports } = recordStaticImports();
  let base = '/';
  return {
    name: 'eil:page-scripts-low-priority',
    hooks: {
      'astro:config:setup': ({ updateConfig, config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        updateConfig({ vite: { plugins: [plugin] } });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.html'));
        let scripts = 0;
        for (const file of files) {
          const path = join(root, file);
          const html = await readFile(path, 'utf8');
          const out = lowPriorityPageScripts(html, imports, base);
          scripts += (out.match(/fetchpriority="low" src=/g) ?? []).length;
          if (out !== html) await writeFile(path, out);
        }
        // A build whose pages carry no bundled script at all means the pattern above no longer
        // matches what Astro writes: say so rather than silently ship High-priority scripts.
        if (scripts === 0) throw new Error('no <script type="module" src> found in any page: has Astro changed how it writes scripts?');
        logger.info(`${scripts} page scripts in ${files.length} pages fetched at low priority`);
      },
    },
  };
}
