/**
 * Wraps each `##` section of a rendered lesson (its heading and what follows, up to the next one)
 * in a <section class="lesson-section">, so the browser can skip the style, layout and paint of the
 * sections off screen (`content-visibility: auto`, global.css). A lesson is ~15,000 px tall, and
 * laying all of it out at load was most of a phone's main-thread time (issue 18).
 *
 * The lesson's Markdown headings are top-level blocks of the rendered HTML, so the cut before each
 * one is at the top level. If any `<h2` in the HTML is not one of them (a component's own heading),
 * the cut could land inside that component: the HTML is then returned as it is.
 *
 * The section holding a lab is marked `lab-section` here, at build time, so the stylesheet can
 * leave it uncontained without a `:has()` rule: every `:has()` on the page made each of the lab's
 * forced layouts 3–4× dearer (issue 15).
 *
 * No rule looks at a section's children from the end with `:nth-last-child(… of …)` either: while
 * the page was parsed, every new section restyled all the sections before it, subtree and all.
 */
const TRAILING_SCRIPTS = /(?:\s*<script\b[^>]*>(?:(?!<\/script>)[\s\S])*<\/script>)+\s*$/;

export function wrapLessonSections(html: string, headingSlugs: string[]): string {
  const starts = [...html.matchAll(/<h2[\s>]/g)].map((m) => m.index);
  if (starts.length === 0 || starts.length !== headingSlugs.length) return html;
  const ids = starts.map((at) => /^<h2\s[^>]*?\bid="([^"]*)"/.exec(html.slice(at))?.[1]);
  if (ids.some((id, i) => id !== headingSlugs[i])) return html;
  const parts = [html.slice(0, starts[0])];
  for (const [i, at] of starts.entries()) {
    const whole = html.slice(at, starts[i + 1] ?? html.length);
    // A component's script at the section's end (the lab's) goes after it, so the section's last
    // child is its last block and the stylesheet can use a plain `:last-child`. The last section is
    // marked, as a script may now follow it.
    const scripts = TRAILING_SCRIPTS.exec(whole)?.[0] ?? '';
    const body = whole.slice(0, whole.length - scripts.length);
    const kind = ['lesson-section', /\bclass="lab-shell[\s"]/.test(body) && 'lab-section', i === starts.length - 1 && 'last-section'].filter(Boolean).join(' ');
    parts.push(`<section class="${kind}">${body}</section>${scripts}`);
  }
  return parts.join('');
}
