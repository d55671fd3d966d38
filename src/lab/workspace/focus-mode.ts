import { useEffect, useState } from 'preact/hooks';

const ATTR = 'data-lab-focus';

/** Monaco widgets that Esc should close first (suggestions, find), and the site's search dialog. */
function escapeBelongsToSomethingElse(): boolean {
  return document.querySelector('.suggest-widget.visible, .find-widget.visible, dialog[open]') !== null;
}

/**
 * Focus mode: the lab takes the window but a narrow column of lesson text (all of it on phones).
 * It is an attribute on <html> so the page's layout (Lab.astro, the header) can follow it, and it
 * outlives a rebuilt lab (Undo, Reset). Esc anywhere on the page leaves it.
 */
export function useFocusMode(onChange: (on: boolean) => void): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => document.documentElement.hasAttribute(ATTR));
  const set = (next: boolean) => {
    document.documentElement.toggleAttribute(ATTR, next);
    setOn(next);
    onChange(next);
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !document.documentElement.hasAttribute(ATTR) || escapeBelongsToSomethingElse()) return;
      e.preventDefault();
      e.stopPropagation();
      set(false);
    };
    // Capture: the terminal and the editor handle Esc themselves and would not let it bubble.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
  return [on, set];
}
