import type { ComponentChildren } from 'preact';

export interface Column<T> {
  header: string;
  cell: (row: T) => ComponentChildren;
}

/** A plain data table with header cells; an empty table says so instead of showing nothing. */
export function Table<T>({ rows, columns, empty, caption }: { rows: T[]; columns: Column<T>[]; empty: string; caption?: string }) {
  if (rows.length === 0) return <p class="muted">{empty}</p>;
  return (
    <div class="portal-table-wrap">
      <table class="portal-table">
        {caption && <caption class="visually-hidden">{caption}</caption>}
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" key={c.header}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {columns.map((c) => (
                <td key={c.header}>{c.cell(row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
