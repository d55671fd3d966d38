import { createHighlighter } from 'shiki';
import { describe, expect, it } from 'vitest';
import { noTokenizeTimeLimit } from '../../../build/shiki-no-time-limit.mjs';

describe('Shiki without a tokenising time limit (builds are reproducible on a busy machine)', () => {
  it('colours a line to its end even where the time limit would have cut it short', async () => {
    const highlighter = await createHighlighter({ themes: ['github-light', 'github-dark'], langs: ['yaml'] });
    // A line long enough that tokenising it takes well over 1 ms (here: hundreds of ms).
    const line = `items: [${Array.from({ length: 400 }, (_, i) => `"v${i}", ${i}`).join(', ')}]`;
    const spans = (html: string) => html.split('<span').length;
    const base = { lang: 'yaml', themes: { light: 'github-light', dark: 'github-dark' }, defaultColor: false } as const;
    const whole = highlighter.codeToHtml(line, { ...base, transformers: [noTokenizeTimeLimit()] });
    expect(spans(whole)).toBeGreaterThan(1600); // a token per item, quote and comma
    // The default behaviour, squeezed: the limit cuts the line and the rest is one token.
    const cut = highlighter.codeToHtml(line, { ...base, tokenizeTimeLimit: 1 });
    expect(spans(cut)).toBeLessThan(spans(whole));
    const kept = highlighter.codeToHtml(line, { ...base, tokenizeTimeLimit: 1, transformers: [noTokenizeTimeLimit()] });
    expect(kept).toBe(whole);
    highlighter.dispose();
  });
});
