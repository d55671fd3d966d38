import type { ComponentChildren } from 'preact';
import { usePortal } from './context';
import { useFreshRowScroll } from './fresh-rows';
import { CopyButton } from './MiddleText';
import { portalStrings } from './strings';

export interface Column<T> {
  header: string;
  cell: (row: T) => ComponentChildren;
  /** The name column: stays in view while the table scrolls sideways. */
  sticky?: boolean;
  /** The cell's value to copy: a copy button shows while the cell is hovered or focused. */
  copy?: (row: T) => string | undefined;
}

/**
 * A plain data table with header cells; an empty table says so instead of showing nothing.
 * Rows `isNew` marks (parts the last command added) are highlighted and scrolled into view.
 */
export function Table<T>({
  rows,
  columns,
  empty,
  caption,
  isNew,
}: {
  rows: T[];
  columns: Column<T>[];
  empty: string;
  caption?: string;
  isNew?: (row: T) => boolean;
}) {
  const p = portalStrings(usePortal().t);
  const fresh = rows.map((r) => isNew?.(r) ?? false);
  const tbody = useFreshRowScroll(fresh.map((f, i) => (f ? String(i) : '')).join(','));
  if (rows.length === 0) return <p class="muted">{empty}</p>;
  const cls = (c: Column<T>) => [c.sticky ? 'col-sticky' : '', c.copy ? 'mid-cell' : ''].filter(Boolean).join(' ') || undefined;
  return (
    // Focusable: a table that scrolls sideways must scroll from the keyboard too (its cells may hold no control).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: see the line above.
    <div class="portal-table-wrap" tabIndex={0} role="group" aria-label={caption}>
      <table class="portal-table">
        {caption && <caption class="visually-hidden">{caption}</caption>}
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" key={c.header} class={c.sticky ? 'col-sticky' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody ref={tbody}>
          {rows.map((row, i) => (
            <tr key={i} class={fresh[i] ? 'row-new' : undefined}>
              {columns.map((c) => (
                <td key={c.header} class={cls(c)}>
                  {c.cell(row)}
                  {c.copy?.(row) && <CopyButton value={c.copy(row)!} label={p.copy} copied={p.copied} />}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
