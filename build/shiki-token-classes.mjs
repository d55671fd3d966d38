/**
 * Shiki transformer: a token whose two theme colours are one of the pairs below gets a short class
 * instead of its own `style="--shiki-light:…;--shiki-dark:…"` (global.css gives each class the same
 * two variables). github-light/github-dark colour the lessons' shell, YAML and JSON with these
 * seven pairs: a lesson then carries a few bytes per token instead of ~55, and the browser parses
 * one rule per pair instead of an inline style per token (issue 18). A pair not listed keeps its
 * inline style, so a new language or theme still renders right, only larger.
 */
export const TOKEN_CLASSES = {
  '--shiki-light:#24292E;--shiki-dark:#E1E4E8': 't0',
  '--shiki-light:#032F62;--shiki-dark:#9ECBFF': 't1',
  '--shiki-light:#005CC5;--shiki-dark:#79B8FF': 't2',
  '--shiki-light:#6F42C1;--shiki-dark:#B392F0': 't3',
  '--shiki-light:#22863A;--shiki-dark:#85E89D': 't4',
  '--shiki-light:#D73A49;--shiki-dark:#F97583': 't5',
  '--shiki-light:#6A737D;--shiki-dark:#6A737D': 't6',
};

/** @returns {import('shiki').ShikiTransformer} */
export function tokenClasses() {
  return {
    name: 'external-ip-lab:token-classes',
    span(node) {
      const name = TOKEN_CLASSES[/** @type {string} */ (node.properties.style)];
      if (!name) return;
      delete node.properties.style;
      this.addClassToHast(node, name);
    },
  };
}
