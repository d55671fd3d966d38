/**
 * Vite plugin: what the page script (BaseLayout's) imports later — progress at idle, the quiz
 * grader and search on use — fetches its few imports as it loads, without a
 * `<link rel=modulepreload>` per import: adding those cost ~7 ms of a phone's main thread at idle,
 * counted as blocking time (issue 18). The lab keeps its preloads: its many chunks are fetched side
 * by side at "Start lab". Set per environment, as Astro writes the client build's options itself.
 * @returns {import('vite').Plugin}
 */
export function pagePreloadsOnUse() {
  return {
    name: 'external-ip-lab:page-preloads-on-use',
    apply: 'build',
    configEnvironment(name) {
      if (name !== 'client') return;
      return {
        build: {
          modulePreload: {
            resolveDependencies: (_file, deps, { hostId }) => (isPageScript(hostId) ? [] : deps),
          },
        },
      };
    },
  };
}

/** @param {string} chunk a built chunk's file name */
const isPageScript = (chunk) => /(^|\/)BaseLayout\.astro_astro_type_script_index_0_lang\.[\w-]+\.js$/.test(chunk);
