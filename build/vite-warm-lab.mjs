// Dev only. The lab is one dynamic import on "Start lab" that reaches ~190 of our modules
// (src/lab, src/sim, src/cli); in `astro dev` each is transformed when the browser first asks for
// it, level by level down the import tree, so the first lab start waited on all of them.
// Vite's own `server.warmup` starts at server start and competes with the dependency scan and the
// first page for the one JS thread (first 200 in bench/dev-start.mjs went from ~15 s to ~30 s), so
// this warms the same modules once the first page has been served, a few at a time so that page's
// own scripts are not queued behind them. Only the dev server's transform cache is filled; what the
// browser receives is the same.
import { globSync } from 'node:fs';

const AT_ONCE = 4;

/**
 * @param {string[]} patterns globs relative to the project root
 * @param {string[]} [exclude] globs to leave out
 * @returns {import('vite').Plugin}
 */
export function warmLabAfterFirstPage(patterns, exclude = []) {
  return {
    name: 'eil-warm-lab-after-first-page',
    apply: 'serve',
    configureServer(server) {
      let started = false;
      const warm = async () => {
        const files = globSync(patterns, { cwd: server.config.root, exclude });
        const env = server.environments.client;
        let next = 0;
        const worker = async () => {
          while (next < files.length) await env.warmupRequest(`/${files[next++]}`);
        };
        await Promise.all(Array.from({ length: AT_ONCE }, worker));
      };
      server.middlewares.use((_req, res, next) => {
        if (!started) {
          res.once('finish', () => {
            if (started || !String(res.getHeader('content-type')).startsWith('text/html')) return;
            started = true;
            void warm();
          });
        }
        next();
      });
    },
  };
}
