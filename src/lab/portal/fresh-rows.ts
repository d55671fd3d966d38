import { useEffect, useRef } from 'preact/hooks';

/** The nearest ancestor that scrolls vertically (the lab's pane), or null. */
function scrollParent(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const style = getComputedStyle(p);
    if (/(auto|scroll)/.test(style.overflowY) && p.scrollHeight > p.clientHeight) return p;
  }
  return null;
}

/**
 * Brings a newly highlighted row into view inside the pane that scrolls, never the page (a learner
 * reading the lesson must not be yanked to the lab), and flashes it once. `signature` changes when
 * the set of new rows does; the last `tr.row-new, tr.row-fresh` in the body is the one shown.
 */
export function useFreshRowScroll(signature: string) {
  const body = useRef<HTMLTableSectionElement>(null);
  const seen = useRef<string>('');
  useEffect(() => {
    const prev = seen.current;
    seen.current = signature;
    if (!signature.replace(/,/g, '') || signature === prev || !body.current) return;
    const rows = body.current.querySelectorAll<HTMLTableRowElement>('tr.row-new, tr.row-fresh');
    const row = rows[rows.length - 1];
    if (!row) return;
    for (const r of rows) {
      r.classList.remove('row-flash');
      // Restart the animation on rows that flashed before.
      void r.offsetWidth;
      r.classList.add('row-flash');
    }
    const pane = scrollParent(row);
    if (!pane) return;
    const rowBox = row.getBoundingClientRect();
    const paneBox = pane.getBoundingClientRect();
    if (rowBox.bottom > paneBox.bottom) pane.scrollTop += rowBox.bottom - paneBox.bottom + 8;
    else if (rowBox.top < paneBox.top) pane.scrollTop -= paneBox.top - rowBox.top + 8;
  }, [signature]);
  return body;
}
