/** Long Azure names are shortened in the middle, keeping what tells them apart (issue 12, B6/B29). */
import { describe, expect, it } from 'vitest';
import { shortenMiddle, splitForMiddle } from '../../../src/lab/portal/middle';

const PIP = 'kubernetes-a7333d6edda2049308adb3407c96668a';
const RULE = 'a7333d6edda2049308adb3407c96668a-TCP-6379';
const GUID = '900b4359-00d5-4a48-876f-528208e75fb6';

describe('shortenMiddle', () => {
  it('leaves text that fits alone', () => {
    expect(shortenMiddle('kubernetes', 10)).toBe('kubernetes');
    expect(shortenMiddle('20.185.78.214', 20)).toBe('20.185.78.214');
  });

  it('keeps the start and the end, the cut marked by one ellipsis, within the limit', () => {
    for (const text of [PIP, RULE, GUID, 'aks-nodepool1-42862288-vmss000000']) {
      for (const max of [8, 12, 16, 20, 24]) {
        const s = shortenMiddle(text, max);
        expect(s.length).toBe(max);
        expect(s.split('…')).toHaveLength(2);
        const [head, tail] = s.split('…') as [string, string];
        expect(text.startsWith(head)).toBe(true);
        expect(text.endsWith(tail)).toBe(true);
        expect(head.length).toBeGreaterThan(0);
      }
    }
    expect(shortenMiddle(PIP, 20)).toBe('kubernetes-a7…96668a');
  });

  it('keeps a rule’s protocol and port, the part after the Service UID', () => {
    expect(shortenMiddle(RULE, 20)).toMatch(/-TCP-6379$/);
    expect(shortenMiddle(`${RULE}-Internet`, 26)).toMatch(/-TCP-6379-Internet$/);
  });

  it('degrades without throwing for tiny limits', () => {
    expect(shortenMiddle(PIP, 1)).toBe('…');
    expect(shortenMiddle(PIP, 0)).toBe('');
    expect(shortenMiddle('', 5)).toBe('');
  });
});

describe('splitForMiddle (CSS shortening keeps the whole text in the DOM)', () => {
  it('head + tail is the whole text; short text is not split', () => {
    for (const text of [PIP, RULE, GUID]) {
      const [head, tail] = splitForMiddle(text);
      expect(head + tail).toBe(text);
      expect(tail.length).toBeGreaterThan(0);
    }
    expect(splitForMiddle('kubernetes')).toEqual(['kubernetes', '']);
    expect(splitForMiddle(RULE)[1]).toMatch(/-TCP-6379$/);
  });
});
