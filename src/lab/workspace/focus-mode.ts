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
 *
 * The attribute is the one truth: a multi-cloud lab has a LabApp per tab, each with its own
 * button, so every instance follows the attribute (whoever set it) instead of its own last click.
 * `visible` tells whether this instance's lab is the one on screen: Esc is handled (and announced)
 * by that one, not by a hidden tab whose live region nobody hears.
 */
export function useFocusMode(onChange: (on: boolean) => void, visible: () => boolean = () => true): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => document.documentElement.hasAttribute(ATTR));
  const set = (next: boolean) => {
    document.documentElement.toggleAttribute(ATTR, next);
    setOn(next);
    onChange(next);
  };
  useEffect(() => {
    const root = document.documentElement;
    const follow = new MutationObserver(() => setOn(root.hasAttribute(ATTR)));
    follow.observe(root, { attributes: true, attributeFilter: [ATTR] });
    // It may have changed between the first render and this effect.
    setOn(root.hasAttribute(ATTR));
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !root.hasAttribute(ATTR) || escapeBelongsToSomethingElse() || !visible()) return;
      e.preventDefault();
      e.stopPropagation();
      set(false);
    };
    // Capture: the terminal and the editor handle Esc themselves and would not let it bubble.
    window.addEventListener('keydown', onKey, true);
    return () => {
      follow.disconnect();
      window.removeEventListener('keydown', onKey, true);
    };
  }, []);
  return [on, set];
}
