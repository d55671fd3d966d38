import { type MutableRef, useEffect, useState } from 'preact/hooks';

/** Below these sizes the lab shows one pane at a time (the terminal being one of them). */
export const COMPACT_MAX_WIDTH = 576;
export const COMPACT_MAX_HEIGHT = 544;

export function isCompact(width: number, height: number): boolean {
  return width < COMPACT_MAX_WIDTH || height < COMPACT_MAX_HEIGHT;
}

/** Whether the lab's own box is too small for editor and terminal together. */
export function useCompact(ref: MutableRef<HTMLElement | null>): boolean {
  const [compact, setCompact] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const { width, height } = el.getBoundingClientRect();
      // A hidden lab measures 0 × 0: keep the last layout rather than flip to compact.
      if (width > 0 && height > 0) setCompact(isCompact(width, height));
    };
    measure();
    const obs = new ResizeObserver(measure);
    obs.observe(el);
    return () => obs.disconnect();
  }, [ref]);
  return compact;
}
