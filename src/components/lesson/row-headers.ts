/**
 * A lesson table whose header row starts with an empty cell (a Markdown table with row labels in
 * its first column) gets real row headers: each body row's first cell becomes `<th scope="row">`
 * and the empty corner a plain cell. Without them a screen reader announces the data cells with
 * the column's heading only, and axe's `td-has-header` fails the table. global.css keeps the look.
 *
 * Markdown tables nest no tables, so a `</td>` ends the cell it closes.
 */
const TABLE = /<table>([\s\S]*?)<\/table>/g;
const EMPTY_CORNER = /(<thead>\s*<tr>\s*)<th([^>]*)><\/th>/;
const FIRST_CELL = /(<tr>\s*)<td([^>]*)>([\s\S]*?)<\/td>/g;

export function markRowHeaders(html: string): string {
  return html.replace(TABLE, (table, inner: string) => {
    if (!EMPTY_CORNER.test(inner)) return table;
    const [head, body = ''] = inner.split(/(?=<tbody>)/);
    const corner = head!.replace(EMPTY_CORNER, '$1<td$2></td>');
    return `<table>${corner}${body.replace(FIRST_CELL, '$1<th scope="row"$2>$3</th>')}</table>`;
  });
}
