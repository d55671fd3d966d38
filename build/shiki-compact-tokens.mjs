/**
 * Shiki transformer: fewer elements per code block. Shiki wraps every line in `<span class="line">`
 * and every token in a span of its own, coloured or not: a lesson's code blocks were ~550 of its
 * ~1,200 elements, and building them was about half of the HTML parser's work at load (issue 18).
 * Here a token drawn in the block's own default colours (no colour, or the pair the `<pre>` itself
 * has) becomes plain text, neighbouring tokens of one colour become one span, and the line
 * wrappers go (nothing styles or reads them; the newlines between lines stay). The text, and each
 * character's colour in both themes, are unchanged. Runs after `tokenClasses()`, on the `<pre>`.
 */

import { TOKEN_CLASSES } from './shiki-token-classes.mjs';

/** @typedef {import('hast').Element} Element */
/** @typedef {import('hast').ElementContent} Content */

/** @param {string | undefined} style */
const pairOf = (style) => {
  const light = /--shiki-light:\s*(#[0-9a-f]+)/i.exec(style ?? '')?.[1];
  const dark = /--shiki-dark:\s*(#[0-9a-f]+)/i.exec(style ?? '')?.[1];
  return light && dark ? `${light}/${dark}`.toLowerCase() : null;
};

/**
 * A node's classes: Shiki writes them as `class`, a string or a list (`className` in plain hast).
 * @param {Element} node
 * @returns {string[]}
 */
const classesOf = (node) => {
  const value = node.properties.class ?? node.properties.className;
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [];
};

/** @param {Element} pre */
function compactCodeBlock(pre) {
  const code = pre.children.find((c) => c.type === 'element' && c.tagName === 'code');
  if (code?.type !== 'element') return;
  const own = pairOf(/** @type {string | undefined} */ (pre.properties.style));
  const plainClass = Object.entries(TOKEN_CLASSES).find(([style]) => pairOf(style) === own)?.[1];
  /** @param {Content} node */
  const isPlain = (node) => {
    if (node.type !== 'element' || node.tagName !== 'span' || !node.children.every((c) => c.type === 'text')) return false;
    const keys = Object.keys(node.properties);
    if (keys.length === 0) return true;
    const cls = classesOf(node);
    return keys.length === 1 && cls.length === 1 && cls[0] === plainClass;
  };
  /** @param {Content} node a span holding only text, with one class and nothing else */
  const colourOf = (node) =>
    node.type === 'element' &&
    node.tagName === 'span' &&
    node.children.length === 1 &&
    node.children[0].type === 'text' &&
    Object.keys(node.properties).length === 1 &&
    classesOf(node).length > 0
      ? classesOf(node).join(' ')
      : null;
  /** @type {Content[]} */
  const out = [];
  const push = (/** @type {Content} */ item) => {
    const prev = out.at(-1);
    const colour = colourOf(item);
    if (prev?.type === 'text' && item.type === 'text') prev.value += item.value;
    else if (prev && colour !== null && colourOf(prev) === colour) {
      const into = /** @type {Element} */ (prev).children[0];
      const from = /** @type {Element} */ (item).children[0];
      if (into.type === 'text' && from.type === 'text') into.value += from.value;
    } else out.push(item.type === 'text' ? { ...item } : item);
  };
  for (const child of code.children) {
    const isLine = child.type === 'element' && child.tagName === 'span' && Object.keys(child.properties).length === 1 && classesOf(child).join(' ') === 'line';
    for (const token of isLine ? child.children : [child]) {
      if (isPlain(token)) push({ type: 'text', value: /** @type {Element} */ (token).children.map((t) => (t.type === 'text' ? t.value : '')).join('') });
      else push(token);
    }
  }
  code.children = out;
}

/** @returns {import('shiki').ShikiTransformer} */
export function compactTokens() {
  return {
    name: 'external-ip-lab:compact-tokens',
    pre(node) {
      compactCodeBlock(node);
    },
  };
}
