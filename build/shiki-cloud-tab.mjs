/**
 * Shiki transformer: a lesson code block whose info string says `cloud=eks` (aks, eks, gke,
 * metallb, k3s) gets `data-cloud="eks"` on its <pre>, so "Run in terminal" switches the lab to that
 * cloud's tab first (docs/authoring.md, "Executable lessons"). A misspelt cloud fails the build
 * rather than quietly running the block in the wrong tab.
 * @returns {import('shiki').ShikiTransformer}
 */
export const CLOUDS = ['aks', 'eks', 'gke', 'metallb', 'k3s'];

export function cloudTab() {
  return {
    name: 'external-ip-lab:cloud-tab',
    pre(node) {
      const raw = this.options.meta?.__raw ?? '';
      const cloud = /(?:^|\s)cloud=(\S+)/.exec(raw)?.[1];
      if (cloud === undefined) return;
      if (!CLOUDS.includes(cloud)) throw new Error(`code block meta "cloud=${cloud}": use one of ${CLOUDS.join(', ')}`);
      node.properties['data-cloud'] = cloud;
    },
  };
}
