/**
 * Markdown traps that render as literal characters instead of formatting. CommonMark only closes
 * `**` that is right-flanking: after punctuation (a backtick, a parenthesis…), the next character
 * must be a space or punctuation, so `**\`kubernetes\`**는` shows its asterisks in Korean text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = 'content/lessons';
const UNCLOSABLE = /\*\*[^*\n]*[`)\]"'’”.,:;!?]\*\*(?=[\p{L}\p{N}])/gu;

describe('lesson Markdown renders as written', () => {
  for (const locale of ['en', 'ko']) {
    for (const file of readdirSync(join(ROOT, locale)).filter((f) => f.endsWith('.mdx'))) {
      it(`${locale}/${file}: no bold that cannot close`, () => {
        const prose = readFileSync(join(ROOT, locale, file), 'utf8').replace(/^```[\s\S]*?^```/gm, '');
        expect(prose.match(UNCLOSABLE) ?? []).toEqual([]);
      });
    }
  }

  it('catches the trap it is meant to', () => {
    expect('**`kubernetes`**는 풀입니다'.match(UNCLOSABLE)).toHaveLength(1);
    expect('**`kubernetes`** 풀은'.match(UNCLOSABLE)).toBeNull();
  });
});
