/**
 * Go's text/tabwriter column algorithm (left-aligned, space padding), which kubectl uses for
 * every table: `get` (minwidth 6, padding 3) and `describe` (minwidth 0, padding 2).
 * Cells are tab-terminated; the text after a line's last tab is not part of any column.
 * A column's width is decided per *block* of consecutive lines that have that column, which is
 * why `describe` lines up `Name:` … `Events:` but restarts alignment after a tab-less line.
 */
export interface TabwriterOptions {
  minwidth: number;
  padding: number;
}

export const GET_TABLE: TabwriterOptions = { minwidth: 6, padding: 3 };
export const DESCRIBE: TabwriterOptions = { minwidth: 0, padding: 2 };

const width = (s: string): number => [...s].length;

export function tabwrite(text: string, opts: TabwriterOptions): string {
  const endsWithNewline = text.endsWith('\n');
  const body = endsWithNewline ? text.slice(0, -1) : text;
  const lines = body.split('\n').map((l) => l.split('\t'));
  const out: string[] = new Array(lines.length);
  const widths: number[] = [];

  const writeLines = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const cells = lines[i];
      let s = '';
      for (let j = 0; j < cells.length; j++) {
        s += cells[j];
        if (j < widths.length && j < cells.length - 1) s += ' '.repeat(Math.max(0, widths[j] - width(cells[j])));
      }
      out[i] = s;
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    let start = line0;
    for (let cur = line0; cur < line1; cur++) {
      if (column >= lines[cur].length - 1) continue;
      writeLines(start, cur);
      let w = opts.minwidth;
      let end = cur;
      for (; end < line1 && column < lines[end].length - 1; end++) {
        w = Math.max(w, width(lines[end][column]) + opts.padding);
      }
      widths.push(w);
      format(cur, end);
      widths.pop();
      start = end;
      cur = end - 1;
    }
    writeLines(start, line1);
  };

  format(0, lines.length);
  return out.join('\n') + (endsWithNewline ? '\n' : '');
}

/** Formats rows (already split in cells) as a kubectl `get` table. */
export function table(rows: string[][], opts: TabwriterOptions = GET_TABLE): string {
  return tabwrite(rows.map((r) => r.join('\t')).join('\n') + '\n', opts);
}
