import { describe, expect, it } from 'vitest';
import { warmGlyphWidths } from '../../../src/lab/terminal/glyph-widths';

/** A stand-in for a measuring span: its width is 8 px per character, 9 when bold. */
class FakeSpan {
  parentElement: FakeContainer | null = null;
  textContent = '';
  constructor(readonly bold: boolean) {}
  get offsetWidth() {
    reads.count++;
    if (layout.dirty) {
      layout.count++;
      layout.dirty = false;
    }
    return this.textContent.length * (this.bold ? 9 : 8);
  }
  cloneNode() {
    return new FakeSpan(this.bold);
  }
  remove() {
    layout.dirty = true;
    this.parentElement?.children.splice(this.parentElement.children.indexOf(this), 1);
    this.parentElement = null;
  }
}
class FakeContainer {
  children: FakeSpan[] = [];
  append(...spans: FakeSpan[]) {
    layout.dirty = true;
    for (const s of spans) {
      s.parentElement = this;
      this.children.push(s);
    }
  }
}
const reads = { count: 0 };
/** Forced layouts: a width read after the DOM changed. */
const layout = { count: 0, dirty: false };

function fakeTerm() {
  const container = new FakeContainer();
  const regular = new FakeSpan(false);
  const bold = new FakeSpan(true);
  container.append(regular, bold);
  const flat = new Float32Array(256).fill(-9999);
  flat['W'.charCodeAt(0)] = 7.5; // measured already by xterm: kept as it is
  const cache = { _flat: flat, _holey: new Map<string, number>(), _measureElements: [regular, bold] };
  return { term: { _core: { _renderService: { _renderer: { value: { _widthCache: cache } } } } }, cache, container };
}

describe("warmGlyphWidths (fills xterm's glyph-width cache in one layout)", () => {
  it('stores printable ASCII, regular in the flat cache and bold under "cB", as xterm would measure them', () => {
    const { term, cache, container } = fakeTerm();
    reads.count = 0;
    layout.count = 0;
    const stored = warmGlyphWidths(term);
    expect(stored).toBe(95 + 95 - 1);
    expect(layout.count).toBe(1);
    expect(cache._flat['a'.charCodeAt(0)]).toBe(8);
    expect(cache._flat[' '.charCodeAt(0)]).toBe(8);
    expect(cache._flat['~'.charCodeAt(0)]).toBe(8);
    expect(cache._flat['W'.charCodeAt(0)]).toBe(7.5);
    expect(cache._flat[0x7f]).toBe(-9999);
    expect(cache._holey.get('aB')).toBe(9);
    expect(cache._holey.get('$B')).toBe(9);
    // Its own spans are gone again; xterm's two stay.
    expect(container.children).toHaveLength(2);
    // A second call finds everything cached and measures nothing.
    reads.count = 0;
    expect(warmGlyphWidths(term)).toBe(0);
    expect(reads.count).toBe(0);
  });

  it('with a text, measures only its printable ASCII (regular and bold) in one layout, and the rest on a later call', () => {
    const { term, cache } = fakeTerm();
    layout.count = 0;
    // 13 ASCII characters; "W" is cached already as regular, "é" is not ASCII.
    expect(warmGlyphWidths(term, 'azure@lab:~$ Wé\r\n')).toBe(2 * 13 - 1);
    expect(layout.count).toBe(1);
    expect(cache._flat['z'.charCodeAt(0)]).toBe(8);
    expect(cache._holey.get('~B')).toBe(9);
    expect(cache._flat['q'.charCodeAt(0)]).toBe(-9999);
    expect(cache._holey.has('qB')).toBe(false);
    expect(warmGlyphWidths(term)).toBe(95 + 95 - 1 - (2 * 13 - 1));
    expect(cache._flat['q'.charCodeAt(0)]).toBe(8);
  });

  it('does nothing where xterm keeps its cache elsewhere (another version or renderer)', () => {
    expect(warmGlyphWidths({})).toBe(0);
    expect(warmGlyphWidths({ _core: { _renderService: { _renderer: { value: {} } } } })).toBe(0);
    const { term, cache } = fakeTerm();
    expect(warmGlyphWidths({ _core: { _renderService: { _renderer: { value: { _widthCache: { ...cache, _flat: [] } } } } } })).toBe(0);
    cache._measureElements[0]!.parentElement = null; // detached: its width would be 0
    expect(warmGlyphWidths(term)).toBe(0);
    expect(warmGlyphWidths(null)).toBe(0);
  });
});
