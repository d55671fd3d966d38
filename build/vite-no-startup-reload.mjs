// Dev only. When `astro dev` starts with a new or changed content store (a fresh clone, an edited
// astro.config.mjs or lesson), Astro writes the store during its start-up sync and asks the browser
// for a full reload (astro/dist/content/vite-plugin-content-virtual-mod.js, onFileWritten). No page
// is open yet, so Vite keeps that message and hands it to the first browser that connects: the
// newcomer's first page loads twice (seen by bench/dev-start.mjs: {"type":"full-reload","path":"*"}
// right after "connected"). Every page is rendered after the sync, so a reload asked for before the
// server listens has nothing to refresh; this drops only those. Reloads after start-up pass through.
// The remaining half of upstream withastro/astro#17283 (its fix covered the buildStart call only).

/** @returns {import('vite').Plugin} */
export function noStartupReload() {
  return {
    name: 'eil-no-startup-reload',
    apply: 'serve',
    configureServer(server) {
      let listening = false;
      server.httpServer?.once('listening', () => {
        listening = true;
      });
      const hot = server.environments.client.hot;
      const send = hot.send.bind(hot);
      /** @type {typeof hot.send} */
      hot.send = (...args) => {
        const payload = args[0];
        if (!listening && typeof payload === 'object' && payload?.type === 'full-reload') return;
        return send(...args);
      };
    },
  };
}
