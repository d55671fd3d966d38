/**
 * aws-cli v2 output formats, ported from awscli `formatter.py`, `text.py` and `table.py`:
 * json (4-space indent, API member order), text (tab-separated rows, upper-cased identifiers),
 * table (MultiTable boxes, sections per nested list, 80 columns as when stdout is not a terminal
 * whose width Python can read) and yaml (member order kept).
 */
/** yaml's stringify, handed in by the shell (an import here would reshuffle the AKS lab's chunks). */
export type YamlStringify = (value: unknown, options: Record<string, unknown>) => string;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Dict = { [k: string]: Json };

const isDict = (v: unknown): v is Dict => !!v && typeof v === 'object' && !Array.isArray(v);
const isScalar = (v: unknown) => !(v && typeof v === 'object');
/** Python's str() of a JSON value. */
const pyStr = (v: unknown): string => (v === true ? 'True' : v === false ? 'False' : v === null || v === undefined ? 'None' : String(v));
const pySort = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function formatJson(v: unknown): string {
  if (isDict(v) && !Object.keys(v).length) return '';
  return JSON.stringify(v, null, 4) + '\n';
}

export function formatYaml(v: unknown, stringify: YamlStringify): string {
  if (v === null || v === undefined) return 'null\n';
  return stringify(v, { indentSeq: false, lineWidth: 0, singleQuote: true, nullStr: 'null' });
}

// --- text (awscli/text.py) ---

export function formatText(v: unknown): string {
  const out: string[] = [];
  const write = (s: string) => out.push(s);
  const scalarList = (els: unknown[], id?: string) => {
    if (id !== undefined) for (const e of els) write(`${id.toUpperCase()}\t${pyStr(e)}\n`);
    else write(els.map(pyStr).join('\t') + '\n');
  };
  const dict = (scalarKeys: string[] | undefined, item: Dict, id: string | undefined) => {
    const scalars: string[] = [];
    const more: [string, Json][] = [];
    if (!scalarKeys) {
      for (const k of Object.keys(item).sort(pySort)) {
        if (isScalar(item[k])) scalars.push(pyStr(item[k]));
        else more.push([k, item[k]]);
      }
    } else {
      for (const k of scalarKeys) scalars.push(k in item ? pyStr(item[k]) : '');
      for (const k of Object.keys(item)
        .filter((x) => !scalarKeys.includes(x))
        .sort(pySort))
        more.push([k, item[k]]);
    }
    if (scalars.length) write((id !== undefined ? [id.toUpperCase(), ...scalars] : scalars).join('\t') + '\n');
    for (const [k, val] of more) any(val, k);
  };
  const list = (items: Json[], id?: string) => {
    if (!items.length) return;
    if (items.some(isDict)) {
      const keys = new Set<string>();
      for (const el of items) if (isDict(el)) for (const [k, val] of Object.entries(el)) if (isScalar(val)) keys.add(k);
      const all = [...keys].sort(pySort);
      for (const el of items) any(el, id, all);
    } else if (items.some(Array.isArray)) {
      const scalars = items.filter(isScalar);
      if (scalars.length) scalarList(scalars, id);
      for (const el of items.filter((x) => !isScalar(x))) any(el, id);
    } else scalarList(items, id);
  };
  const any = (item: Json, id?: string, scalarKeys?: string[]) => {
    if (isDict(item)) dict(scalarKeys, item, id);
    else if (Array.isArray(item)) list(item, id);
    else write(pyStr(item) + '\n');
  };
  any(v as Json);
  return out.join('');
}

// --- table (awscli/formatter.py TableFormatter + awscli/table.py MultiTable) ---

/** East Asian wide characters count twice, as table.py's get_text_length does. */
function textLength(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return n;
}

/** Python 3's round(): halves go to the even neighbour. */
function pyRound(x: number): number {
  const f = Math.floor(x);
  const diff = x - f;
  if (Math.abs(diff - 0.5) < 1e-9) return f % 2 === 0 ? f : f + 1;
  return Math.round(x);
}

class Section {
  title = '';
  headers: string[] = [];
  rows: string[][] = [];
  indent = 0;
  private cols?: number;
  maxWidths: number[] = [];

  addHeader(h: string[]): void {
    this.update(h);
    this.cols ??= h.length;
    this.headers = h;
  }

  addRow(row: unknown[]): void {
    this.cols ??= row.length;
    const r = row.map(pyStr);
    this.rows.push(r);
    this.update(r);
  }

  private update(row: string[]): void {
    if (!this.maxWidths.length) this.maxWidths = row.map(textLength);
    else
      row.forEach((el, i) => {
        this.maxWidths[i] = Math.max(textLength(el), this.maxWidths[i] ?? 0);
      });
  }

  columnWidths(padding = 0, maxWidth?: number): number[] {
    const unscaled = this.maxWidths.map((w) => w + padding);
    if (maxWidth === undefined || !unscaled.length) return unscaled;
    const scale = maxWidth / unscaled.reduce((a, b) => a + b, 0);
    const scaled = unscaled.map((w) => pyRound(scale * w));
    let off = scaled.reduce((a, b) => a + b, 0) - maxWidth;
    while (off !== 0) {
      const order = scaled.map((_, i) => i);
      if (off < 0) order.reverse();
      for (const i of order) {
        if (off > 0) {
          scaled[i]--;
          off--;
        } else {
          scaled[i]++;
          off++;
        }
        if (off === 0) break;
      }
    }
    return scaled;
  }

  totalWidth(padding: number, outer: number): number {
    let total = 0;
    for (const w of this.columnWidths()) total += w + padding;
    total += 2 + outer * 2;
    return Math.max(textLength(this.title) + 2 + outer * 2, total);
  }
}

function centerText(text: string, length: number, left = '|', right = '|'): string {
  const tl = textLength(text);
  const start = Math.floor(length / 2) - Math.floor(tl / 2) - 1;
  const head = left + ' '.repeat(Math.max(0, start)) + text;
  const soFar = left.length + start + tl;
  return head + ' '.repeat(Math.max(0, length - right.length - soFar)) + right;
}

function alignLeft(text: string, length: number, left: string, right: string): string {
  const tl = textLength(text);
  const padding = length - (tl + 2 + left.length + right.length) >= 0 ? 2 : 0;
  const soFar = left.length + padding + tl;
  return left + ' '.repeat(padding) + text + ' '.repeat(Math.max(0, length - soFar - right.length)) + right;
}

const TERMINAL_WIDTH = 80;

class MultiTable {
  sections: Section[] = [];
  private current?: Section;

  newSection(title: string, indent: number): void {
    this.current = new Section();
    this.current.title = title;
    this.current.indent = indent;
    this.sections.push(this.current);
  }

  addHeader(h: string[]): void {
    this.current?.addHeader(h);
  }

  addRow(r: unknown[]): void {
    this.current?.addRow(r);
  }

  private maxWidth(): number {
    return Math.max(...this.sections.map((s) => s.totalWidth(4, s.indent)));
  }

  render(): string {
    let max = this.maxWidth();
    if (max > TERMINAL_WIDTH) {
      // table.py's convert_to_vertical_table: one-row sections become header/value pairs.
      this.sections = this.sections.map((s) => {
        if (s.rows.length !== 1 || !s.headers.length) return s;
        const v = new Section();
        v.title = s.title;
        v.indent = s.indent;
        for (const [i, h] of s.headers.entries()) v.addRow([h, s.rows[0][i]]);
        return v;
      });
      max = this.maxWidth();
    }
    let out = '-'.repeat(max) + '\n';
    for (const s of this.sections) out += this.renderSection(s, max);
    return out;
  }

  private renderSection(s: Section, maxAll: number): string {
    const lines: string[] = [];
    const max = maxAll - s.indent * 2;
    const lineBreak = (widths: number[]) => widths.map((w, i) => (i === 0 ? `+${'-'.repeat(w - 2)}+` : `${'-'.repeat(w - 1)}+`)).join('');
    if (s.title) {
      lines.push(centerText(s.title, max));
      if (!s.headers.length && !s.rows.length) lines.push(`+${'-'.repeat(max - 2)}+`);
    }
    if (s.headers.length) {
      const widths = s.columnWidths(4, max);
      lines.push(lineBreak(widths));
      lines.push(s.headers.map((h, i) => centerText(h, widths[i], i === 0 ? '|' : '', '|')).join(''));
    }
    if (s.rows.length) {
      const widths = s.columnWidths(4, max);
      if (widths.length) {
        lines.push(lineBreak(widths));
        for (const row of s.rows) lines.push(widths.map((w, i) => alignLeft(row[i] ?? '', w, i === 0 ? '|' : '', '|')).join(''));
        lines.push(lineBreak(widths));
      }
    }
    const edge = '|'.repeat(s.indent);
    return lines.map((l) => edge + l + edge + '\n').join('');
  }
}

function groupScalarKeys(d: Dict): [string[], string[]] {
  const headers: string[] = [];
  const more: string[] = [];
  for (const k of Object.keys(d)) (isScalar(d[k]) ? headers : more).push(k);
  return [headers.sort(pySort), more.sort(pySort)];
}

/** `title` is the operation name (`DescribeLoadBalancers`), as the CLI passes it. */
export function formatTable(title: string, v: unknown): string {
  const t = new MultiTable();
  const build = (name: string | undefined, cur: Json, indent: number): boolean => {
    if (!cur || (Array.isArray(cur) && !cur.length) || (isDict(cur) && !Object.keys(cur).length)) return false;
    if (name !== undefined) t.newSection(name, indent);
    if (Array.isArray(cur)) {
      if (isDict(cur[0])) fromList(cur, indent, name);
      else
        for (const item of cur) {
          if (isScalar(item)) t.addRow([item]);
          else if (Array.isArray(item) && item.every(isScalar)) t.addRow(item);
          else build(undefined, item, indent);
        }
    }
    if (isDict(cur)) fromDict(cur, indent);
    return true;
  };
  const fromDict = (cur: Dict, indent: number) => {
    const [headers, more] = groupScalarKeys(cur);
    if (headers.length === 1) t.addRow([headers[0], cur[headers[0]]]);
    else if (headers.length) {
      t.addHeader(headers);
      t.addRow(headers.map((k) => cur[k]));
    }
    for (const k of more) build(k, cur[k], indent + 1);
  };
  const fromList = (cur: Json[], indent: number, name: string | undefined) => {
    const hs = new Set<string>();
    const ms = new Set<string>();
    for (const el of cur) {
      if (!isDict(el)) continue;
      const [h, m] = groupScalarKeys(el);
      for (const x of h) hs.add(x);
      for (const x of m) ms.add(x);
    }
    const headers = [...hs].sort(pySort);
    const more = [...ms].sort(pySort);
    t.addHeader(headers);
    let first = true;
    for (const el of cur) {
      const d = isDict(el) ? el : {};
      if (!first && more.length) {
        t.newSection(name ?? '', indent);
        t.addHeader(headers);
      }
      first = false;
      t.addRow(headers.map((h) => (h in d ? d[h] : '')));
      for (const k of more) if (k in d) build(k, d[k], indent + 1);
    }
  };
  return build(title, v as Json, 0) ? t.render() : '';
}
