import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const dir = (l: string) => `content/lessons/${l}`;
const files = (l: string) =>
  readdirSync(dir(l))
    .filter((f) => f.endsWith('.mdx'))
    .sort();
const frontmatter = (l: string, f: string): Record<string, unknown> => {
  const text = readFileSync(`${dir(l)}/${f}`, 'utf8');
  const m = /^---\n([\s\S]*?)\n---/.exec(text);
  if (!m) throw new Error(`${l}/${f} has no frontmatter`);
  return parse(m[1]!) as Record<string, unknown>;
};

describe('English and Korean lessons stay in step', () => {
  it('there is at least one lesson', () => {
    expect(files('en').length).toBeGreaterThan(0);
  });

  it('every lesson exists in both languages under the same file name', () => {
    expect(files('ko')).toEqual(files('en'));
  });

  it('each pair has the same order, duration, lab and challenge flags and number of objectives', () => {
    for (const f of files('en')) {
      const en = frontmatter('en', f);
      const ko = frontmatter('ko', f);
      expect({ f, order: ko.order, duration: ko.duration, lab: ko.lab ?? false, challenge: ko.challenge ?? false }).toEqual({
        f,
        order: en.order,
        duration: en.duration,
        lab: en.lab ?? false,
        challenge: en.challenge ?? false,
      });
      expect((ko.objectives as unknown[]).length, f).toBe((en.objectives as unknown[]).length);
    }
  });

  it('lesson order numbers are unique and start at 1', () => {
    const orders = files('en')
      .map((f) => frontmatter('en', f).order as number)
      .sort((a, b) => a - b);
    expect(orders).toEqual(orders.map((_, i) => i + 1));
  });

  it('every exercise and quiz component appears as often in Korean as in English', () => {
    const count = (l: string, f: string, tag: string) => (readFileSync(`${dir(l)}/${f}`, 'utf8').match(new RegExp(`<${tag}[\\s>/]`, 'g')) ?? []).length;
    for (const f of files('en')) {
      for (const tag of ['Exercise', 'Quiz', 'Lab']) {
        expect(`${f} ${tag} ${count('ko', f, tag)}`).toBe(`${f} ${tag} ${count('en', f, tag)}`);
      }
    }
  });

  it('each pair has the same sections at the same levels, in the same order (the language switch keeps the section by its place)', () => {
    const levels = (l: string, f: string) => {
      const text = readFileSync(`${dir(l)}/${f}`, 'utf8');
      let fenced = false;
      const out: number[] = [];
      for (const line of text.split('\n')) {
        if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
        else if (!fenced && /^#{2,3} /.test(line)) out.push(line.indexOf(' '));
      }
      return out;
    };
    for (const f of files('en')) expect({ f, sections: levels('ko', f) }).toEqual({ f, sections: levels('en', f) });
  });
});
