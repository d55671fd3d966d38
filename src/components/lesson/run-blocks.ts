/**
 * Gives each shell code block of a lesson with a lab its "Run in terminal" button, at build time:
 * `<div class="run-block"><pre id=…>…</pre><button aria-describedby=…>…</button></div>`. The page's
 * script only binds the clicks (src/site/run-buttons.ts); wrapping the blocks in the browser moved
 * every code block's nodes after the first paint, a long task on a phone (issue 18).
 *
 * Shiki's `<pre>` holds only escaped text in spans, so `</pre>` ends the block.
 */
import { escapeHtml } from '../../site/inline-code';

const SHELL_BLOCK = /<pre\b([^>]*)>([\s\S]*?)<\/pre>/g;
const SHELL_LANGUAGE = /\sdata-language="(?:sh|bash)"/;

export function wrapRunBlocks(html: string, label: string): string {
  let n = 0;
  return html.replace(SHELL_BLOCK, (block, attrs: string, body: string) => {
    // A block with nothing to run (only whitespace once its tags are gone) gets no button.
    if (!SHELL_LANGUAGE.test(attrs) || !body.replace(/<[^>]*>/g, '').trim()) return block;
    const own = /\sid="([^"]*)"/.exec(attrs)?.[1];
    const id = own || `run-block-${n++}`;
    const pre = own ? block : `<pre id="${id}"${attrs}>${body}</pre>`;
    // The button's name stays short (tests and screen readers look buttons up by it, and a command
    // such as `kubectl apply` must not make this one answer to "Apply"); the code block describes it.
    return `<div class="run-block">${pre}<button type="button" class="button run-in-terminal" aria-describedby="${escapeHtml(id)}">${escapeHtml(label)}</button></div>`;
  });
}
