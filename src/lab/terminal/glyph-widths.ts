/**
 * xterm's DOM renderer measures a glyph's width the first time it draws it: it fills a hidden span
 * with 32 copies and reads `offsetWidth`, one forced layout per glyph (bold separately). The
 * greeting and the prompt draw ~50 glyphs, and those layouts were the largest single cost of a
 * cold lab start (~0.15 s of main thread at 4× CPU; issue 15). `warmGlyphWidths` measures printable
 * ASCII, regular and bold, in one layout and fills xterm's cache with the same figures, so the
 * first render finds them there.
 *
 * xterm has no public API for this: the cache is its renderer's private `_widthCache`. Every step
 * of the way there is checked; in another xterm version or renderer any missing piece makes this
 * do nothing, and xterm measures glyphs itself as before.
 */

/** The parts of xterm's `WidthCache` this reads and fills (xterm 6, src/browser/renderer/dom/WidthCache.ts). */
interface WidthCacheShape {
  _flat: Float32Array;
  _holey: Map<string, number>;
  _measureElements: HTMLElement[];
}

/** What xterm itself writes: 32 copies per measurement, and -9999 for "not measured yet". */
const REPEAT = 32;
const UNSET = -9999;
/** Space to tilde: what the lab's CLIs print, almost all of it. */
const FIRST = 0x20;
const LAST = 0x7e;

function widthCacheOf(term: unknown): WidthCacheShape | null {
  const renderer = (term as { _core?: { _renderService?: { _renderer?: { value?: { _widthCache?: unknown } } } } } | null)?._core?._renderService?._renderer
    ?.value;
  const cache = renderer?._widthCache as Partial<WidthCacheShape> | undefined;
  if (!cache || !(cache._flat instanceof Float32Array) || cache._flat.length <= LAST || !(cache._holey instanceof Map)) return null;
  const elements = cache._measureElements;
  // Regular and bold, in xterm's FontVariant order, still in the document.
  if (!Array.isArray(elements) || elements.length < 2 || !elements[0]?.parentElement || !elements[1]?.parentElement) return null;
  return cache as WidthCacheShape;
}

/**
 * Fills xterm's glyph-width cache for printable ASCII (regular and bold) with one layout; with
 * `only`, just the printable ASCII characters in it (what the first screen draws: a smaller layout
 * on the way to the prompt, the rest later). Returns how many widths it stored (0 when the cache
 * could not be reached).
 */
export function warmGlyphWidths(term: unknown, only?: string): number {
  const cache = widthCacheOf(term);
  if (!cache) return 0;
  const wanted = only === undefined ? null : new Set(only);
  const probes: { key: string; code: number; bold: boolean; el: HTMLElement }[] = [];
  for (const bold of [false, true]) {
    const template = cache._measureElements[bold ? 1 : 0]!;
    for (let code = FIRST; code <= LAST; code++) {
      const c = String.fromCharCode(code);
      if (wanted && !wanted.has(c)) continue;
      if (bold ? cache._holey.has(`${c}B`) : cache._flat[code] !== UNSET) continue;
      // A copy of xterm's own measuring span: same class, font weight and container, so the same width.
      const el = template.cloneNode(false) as HTMLElement;
      el.textContent = c.repeat(REPEAT);
      probes.push({ key: `${c}B`, code, bold, el });
    }
  }
  const container = cache._measureElements[0]!.parentElement!;
  container.append(...probes.map((p) => p.el));
  // The first read lays out once and the others read that layout: nothing may change the DOM
  // between them (removing a span would make the next read lay out again).
  const widths = probes.map((p) => p.el.offsetWidth / REPEAT);
  for (const p of probes) p.el.remove();
  let stored = 0;
  for (const [i, p] of probes.entries()) {
    const width = widths[i]!;
    // xterm keeps only positive widths (a zero means "not laid out": measure again later).
    if (width <= 0) continue;
    if (p.bold) cache._holey.set(p.key, width);
    else cache._flat[p.code] = width;
    stored++;
  }
  return stored;
}
