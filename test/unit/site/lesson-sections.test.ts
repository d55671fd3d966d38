import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TOKEN_CLASSES, tokenClasses } from '../../../build/shiki-token-classes.mjs';
import { wrapLessonSections } from '../../../src/components/lesson/lesson-sections';
import { markRowHeaders } from '../../../src/components/lesson/row-headers';
import { wrapRunBlocks } from '../../../src/components/lesson/run-blocks';

describe('wrapLessonSections', () => {
  it('puts each ## heading and what follows it in a section, leaving the lead-in outside', () => {
    const html = '<p>intro</p><h2 id="a">A</h2><p>one</p><h2 id="b">B</h2><ul><li>two</li></ul>';
    expect(wrapLessonSections(html, ['a', 'b'])).toBe(
      '<p>intro</p><section class="lesson-section"><h2 id="a">A</h2><p>one</p></section><section class="lesson-section last-section"><h2 id="b">B</h2><ul><li>two</li></ul></section>',
    );
  });

  it('leaves the HTML alone when an <h2> is not one of the lesson headings (a cut could land inside a component)', () => {
    const html = '<h2 id="a">A</h2><div class="card"><h2>Card</h2><p>x</p></div>';
    expect(wrapLessonSections(html, ['a'])).toBe(html);
    expect(wrapLessonSections('<h2 id="x">X</h2>', ['y'])).toBe('<h2 id="x">X</h2>');
  });

  it('marks the section that holds the lab, so the stylesheet can leave it uncontained without :has()', () => {
    const html = '<h2 id="a">A</h2><p>one</p><h2 id="b">B</h2><section class="lab-shell" id="lab-x"></section><h2 id="c">C</h2><p class="lab-shellfish">no</p>';
    expect(wrapLessonSections(html, ['a', 'b', 'c'])).toBe(
      '<section class="lesson-section"><h2 id="a">A</h2><p>one</p></section><section class="lesson-section lab-section"><h2 id="b">B</h2><section class="lab-shell" id="lab-x"></section></section><section class="lesson-section last-section"><h2 id="c">C</h2><p class="lab-shellfish">no</p></section>',
    );
  });

  it('moves a component script at the end of a section after the section, so its last child is a block (a plain :last-child rule)', () => {
    const html =
      '<h2 id="a">A</h2><script type="module">x()</script><p>one</p><section class="lab-shell"></section>\n<script type="module" src="/lab.js"></script><h2 id="b">B</h2><p>two</p><script>y()</script>';
    expect(wrapLessonSections(html, ['a', 'b'])).toBe(
      '<section class="lesson-section lab-section"><h2 id="a">A</h2><script type="module">x()</script><p>one</p><section class="lab-shell"></section></section>\n<script type="module" src="/lab.js"></script><section class="lesson-section last-section"><h2 id="b">B</h2><p>two</p></section><script>y()</script>',
    );
  });

  it('leaves a lesson without ## headings alone', () => {
    expect(wrapLessonSections('<p>only text</p>', [])).toBe('<p>only text</p>');
  });
});

describe('wrapRunBlocks', () => {
  const pre = (lang: string, body: string, id = '') =>
    `<pre class="astro-code"${id} data-language="${lang}"><code><span class="line">${body}</span></code></pre>`;

  it('gives each shell block a "Run in terminal" button that the block describes', () => {
    const html = `<p>Run:</p>${pre('sh', 'kubectl get svc')}${pre('yaml', 'kind: Service')}${pre('bash', 'az network public-ip list')}`;
    expect(wrapRunBlocks(html, 'Run in terminal')).toBe(
      `<p>Run:</p><div class="run-block"><pre id="run-block-0" class="astro-code" data-language="sh"><code><span class="line">kubectl get svc</span></code></pre><button type="button" class="button run-in-terminal" aria-describedby="run-block-0">Run in terminal</button></div>` +
        pre('yaml', 'kind: Service') +
        `<div class="run-block"><pre id="run-block-1" class="astro-code" data-language="bash"><code><span class="line">az network public-ip list</span></code></pre><button type="button" class="button run-in-terminal" aria-describedby="run-block-1">Run in terminal</button></div>`,
    );
  });

  it('keeps the id a block has, escapes the label, and skips a block with nothing to run', () => {
    const own = pre('sh', 'curl -s http://20.1.2.3', ' id="try-it"');
    const blank = pre('sh', '  ');
    expect(wrapRunBlocks(own + blank, '<Run> & "go"')).toBe(
      `<div class="run-block">${own}<button type="button" class="button run-in-terminal" aria-describedby="try-it">&lt;Run&gt; &amp; &quot;go&quot;</button></div>${blank}`,
    );
  });
});

describe('markRowHeaders', () => {
  it('turns the first cell of each body row into a row header when the header row starts empty', () => {
    const html =
      '<table>\n<thead>\n<tr>\n<th></th>\n<th>Managed</th>\n<th>Yours</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>Created by</td>\n<td>the <code>cloud</code> provider</td>\n<td>you</td>\n</tr>\n<tr>\n<td><strong>Tags</strong></td>\n<td>two</td>\n<td>yours</td>\n</tr>\n</tbody>\n</table>';
    expect(markRowHeaders(html)).toBe(
      '<table>\n<thead>\n<tr>\n<td></td>\n<th>Managed</th>\n<th>Yours</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<th scope="row">Created by</th>\n<td>the <code>cloud</code> provider</td>\n<td>you</td>\n</tr>\n<tr>\n<th scope="row"><strong>Tags</strong></th>\n<td>two</td>\n<td>yours</td>\n</tr>\n</tbody>\n</table>',
    );
  });

  it('leaves a table whose header row names every column alone', () => {
    const html = '<p>x</p><table><thead><tr><th>Field</th><th>Value</th></tr></thead><tbody><tr><td>a</td><td>b</td></tr></tbody></table>';
    expect(markRowHeaders(html)).toBe(html);
  });
});

describe('Shiki token classes', () => {
  const span = (style: string) => ({ type: 'element', tagName: 'span', properties: { style }, children: [] }) as never;
  const context = { addClassToHast: (node: { properties: { class?: string } }, name: string) => (node.properties.class = name) };

  it('turns a known colour pair into its class and drops the inline style', () => {
    const node = span('--shiki-light:#032F62;--shiki-dark:#9ECBFF') as { properties: Record<string, string> };
    tokenClasses().span!.call(context as never, node as never, 1, 0, node as never, {} as never);
    expect(node.properties).toEqual({ class: 't1' });
  });

  it('keeps the inline style of a pair it does not know', () => {
    const node = span('--shiki-light:#B31D28;--shiki-dark:#FDAEB7') as { properties: Record<string, string> };
    tokenClasses().span!.call(context as never, node as never, 1, 0, node as never, {} as never);
    expect(node.properties).toEqual({ style: '--shiki-light:#B31D28;--shiki-dark:#FDAEB7' });
  });

  it('global.css gives every class the same two colours', () => {
    // Read as rules (selector → declarations), so the check does not depend on how the file is formatted.
    const css = readFileSync('src/styles/global.css', 'utf8')
      .toLowerCase()
      .replace(/\/\*[\s\S]*?\*\//g, '');
    const rules = new Map([...css.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map((m) => [m[1].trim().replace(/\s+/g, ' '), m[2].replace(/\s+/g, '')]));
    for (const [style, name] of Object.entries(TOKEN_CLASSES)) {
      const [light, dark] = [...style.toLowerCase().matchAll(/#[0-9a-f]{6}/g)].map((m) => m[0]);
      expect(rules.get(`.astro-code .${name}`)).toBe(`--shiki-light:${light};--shiki-dark:${dark};`);
    }
  });
});
