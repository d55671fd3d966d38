/**
 * Shiki transformer: carries a lesson code block's info-string words onto its <pre> as data
 * attributes, so the page can label blocks the lesson test treats specially. An `illustration`
 * (output from the course's example cluster, not from the learner's lab) gets a visible caption
 * through CSS; the words themselves never show.
 * @returns {import('shiki').ShikiTransformer}
 */
export function blockMeta() {
  return {
    name: 'external-ip-lab:block-meta',
    pre(node) {
      const raw = this.options.meta?.__raw ?? '';
      if (/(^|\s)illustration(\s|$)/.test(raw)) node.properties['data-illustration'] = '';
      if (/(^|\s)excerpt(\s|$)/.test(raw)) node.properties['data-excerpt'] = '';
      const file = /(?:^|\s)file=(\S+)/.exec(raw)?.[1];
      if (file) node.properties['data-file'] = file;
    },
  };
}
