/**
 * The slice of gcloud's resource printers and filter language the lab needs: `--format`
 * json / yaml / value(…) / table(…) / csv(…) with projections (`a.b`, `a[].b`, `:label=`,
 * `.basename()`, `.scope()`, `.list()`, `.firewall_rule()`, `firstof(a,b)`), the default list
 * tables, and `--filter` terms (`key=v`, `key!=v`, `key:v`, `key~re`, `key!~re`, `NOT`, `AND`).
 */
/** yaml's stringify, handed in by the shell (an import here would reshuffle the AKS lab's chunks). */
export type YamlStringify = (value: unknown, options: Record<string, unknown>) => string;

type Obj = Record<string, unknown>;

export class FormatError extends Error {}

const pySort = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function sortDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortDeep);
  if (v && typeof v === 'object') {
    const out: Obj = {};
    for (const k of Object.keys(v).sort(pySort)) out[k] = sortDeep((v as Obj)[k]);
    return out;
  }
  return v;
}

export const toJson = (v: unknown) => JSON.stringify(sortDeep(v), null, 2) + '\n';
export const toYaml = (v: unknown, stringify: YamlStringify) =>
  stringify(sortDeep(v), { indentSeq: false, lineWidth: 0, singleQuote: true, version: '1.1', nullStr: 'null' });

// --- projections ---

interface Column {
  label: string;
  get(o: Obj): unknown;
}

const basename = (v: unknown) => (typeof v === 'string' ? v.slice(v.lastIndexOf('/') + 1) : v);
/** `…/projects/P/regions/R/targetPools/N` → `R/targetPools/N`; a global URL → its name (as real list output shows). */
const scope = (v: unknown) => (typeof v !== 'string' ? v : /\/global\//.test(v) ? basename(v) : v.replace(/^.*\/projects\/[^/]+\/(?:regions|zones)\//, ''));
const firewallRule = (r: unknown) => {
  const o = r as { IPProtocol?: string; ports?: string[] } | undefined;
  if (!o?.IPProtocol) return '';
  return o.ports?.length ? o.ports.map((p) => `${o.IPProtocol}:${p}`).join(',') : o.IPProtocol;
};
const TRANSFORMS: Record<string, (v: unknown) => unknown> = {
  basename,
  scope,
  list: (v) => (Array.isArray(v) ? v.map((x) => cell(x)).join(',') : v),
  firewall_rule: firewallRule,
  len: (v) => (Array.isArray(v) || typeof v === 'string' ? v.length : 0),
  upper: (v) => (typeof v === 'string' ? v.toUpperCase() : v),
  lower: (v) => (typeof v === 'string' ? v.toLowerCase() : v),
};

/** `a.b[].c` on an object; `[]` maps over a list. */
function getPath(o: unknown, path: string): unknown {
  let cur: unknown = o;
  const parts = path.split('.').filter(Boolean);
  for (let i = 0; i < parts.length; i++) {
    const m = /^([^[\]]*)(\[(\d*)\])?$/.exec(parts[i]);
    if (!m) return undefined;
    if (m[1]) cur = cur && typeof cur === 'object' && !Array.isArray(cur) ? (cur as Obj)[m[1]] : undefined;
    if (m[2] !== undefined) {
      if (!Array.isArray(cur)) return undefined;
      if (m[3] !== '') cur = cur[Number(m[3])];
      else {
        const rest = parts.slice(i + 1).join('.');
        return rest ? cur.map((x) => getPath(x, rest)) : cur;
      }
    }
  }
  return cur;
}

/** Key → default label: `IPAddress` → `IP_ADDRESS`, `a.b` → `A_B`. */
const labelOf = (key: string) =>
  key
    .replace(/\[\d*\]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/\./g, '_')
    .toUpperCase();

function splitTop(s: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === sep && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((x) => x.trim()).filter(Boolean);
}

function parseExpr(expr: string): (o: Obj) => unknown {
  const first = /^firstof\(([^)]*)\)((?:\.\w+\(\))*)$/.exec(expr);
  if (first) {
    const keys = splitTop(first[1], ',');
    const tail = chain(first[2]);
    return (o) => tail(keys.map((k) => getPath(o, k)).find((v) => v !== undefined && v !== null && v !== ''));
  }
  const m = /^([\w.[\]-]*)((?:\.\w+\(\))*)$/.exec(expr);
  if (!m) throw new FormatError(`Expected ) in projection expression [${expr}].`);
  const tail = chain(m[2]);
  return (o) => tail(m[1] ? getPath(o, m[1]) : o);
}

function chain(s: string): (v: unknown) => unknown {
  const fns = [...s.matchAll(/\.(\w+)\(\)/g)].map((x) => {
    const f = TRANSFORMS[x[1]];
    if (!f) throw new FormatError(`Unknown transform function [${x[1]}].`);
    return f;
  });
  return (v) => fns.reduce((acc, f) => (Array.isArray(acc) && f !== TRANSFORMS.list && f !== TRANSFORMS.len ? acc.map(f) : f(acc)), v);
}

export function parseColumns(spec: string): Column[] {
  return splitTop(spec, ',').map((part) => {
    const [expr, ...attrs] = splitTop(part, ':');
    const key = /^firstof\(/.test(expr) ? expr : expr.replace(/(\.\w+\(\))+$/, '');
    let label = labelOf(key);
    for (const a of attrs) {
      const lm = /^label=(.*)$/.exec(a);
      if (lm) label = lm[1].replace(/^["']|["']$/g, '');
    }
    return { label, get: parseExpr(expr) };
  });
}

/** A cell: lists joined with commas (value() uses ';'), dicts as key=value pairs, absent as empty. */
function cell(v: unknown, listSep = ','): string {
  if (v === undefined || v === null) return '';
  // The printers are Python: booleans print as True / False.
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (Array.isArray(v)) return v.map((x) => cell(x, listSep)).join(listSep);
  if (typeof v === 'object')
    return Object.entries(v as Obj)
      .map(([k, x]) => `${k}=${cell(x, listSep)}`)
      .join(listSep);
  return String(v);
}

/** gcloud's table printer: 2 spaces between columns, the last one unpadded. */
export function table(rows: Obj[], columns: Column[], headings = true): string {
  if (!rows.length) return '';
  const cells = rows.map((r) => columns.map((c) => cell(c.get(r))));
  const all = headings ? [columns.map((c) => c.label), ...cells] : cells;
  if (!all.length) return '';
  const widths = columns.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  return all
    .map(
      (r) =>
        r
          .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i])))
          .join('  ')
          .trimEnd() + '\n',
    )
    .join('');
}

export type Printed = { stdout: string; stderr?: string };

/** Prints `items` (a list) or one resource (describe) with `--format`. */
export function print(value: Obj | Obj[], format: string | undefined, stringify: YamlStringify, defaultTable?: Column[]): Printed {
  const isList = Array.isArray(value);
  const items = isList ? value : [value];
  const f = (format ?? '').trim();
  const m = /^(\w+)(?:\[([^\]]*)\])?(?:\((.*)\))?$/s.exec(f);
  const kind = f ? m?.[1] : isList && defaultTable ? 'table' : 'yaml';
  if (f && !m) throw new FormatError(`Format [${f}] not supported.`);
  const cols = m?.[3] !== undefined ? parseColumns(m[3]) : undefined;
  const attrs = m?.[2] ?? '';
  switch (kind) {
    case 'json':
      return { stdout: toJson(isList ? value : value) };
    case 'yaml':
      return { stdout: items.map((i) => toYaml(i, stringify)).join('---\n') };
    case 'value':
      if (!cols) throw new FormatError('Format [value] requires a non-empty projection.');
      return { stdout: items.map((i) => cols.map((c) => cell(c.get(i), ';')).join('\t') + '\n').join('') };
    case 'csv': {
      if (!cols) throw new FormatError('Format [csv] requires a non-empty projection.');
      const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
      const head = /no-heading/.test(attrs) ? '' : cols.map((c) => c.label.toLowerCase()).join(',') + '\n';
      return { stdout: head + items.map((i) => cols.map((c) => q(cell(c.get(i), ';'))).join(',') + '\n').join('') };
    }
    case 'table': {
      const use = cols ?? defaultTable;
      if (!use) throw new FormatError('Format [table] requires a non-empty projection.');
      return { stdout: table(items, use, !/no-heading/.test(attrs)) };
    }
    case 'none':
      return { stdout: '' };
    default:
      throw new FormatError(`Format [${kind}] not supported.`);
  }
}

// --- --filter ---

type Pred = (o: Obj) => boolean;

function values(o: Obj, key: string): string[] {
  const v = getPath(o, key);
  const flat = (x: unknown): string[] => (Array.isArray(x) ? x.flatMap(flat) : x === undefined || x === null ? [] : typeof x === 'object' ? [] : [String(x)]);
  return flat(v);
}

const glob = (p: string) => new RegExp(`^${p.replace(/[.+^${}()|[\]\\?]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i');

/** Compiles a filter expression; throws FormatError with gcloud's wording on bad syntax. */
export function compileFilter(expr: string): Pred {
  const tokens = expr.match(/"[^"]*"|'[^']*'|\(|\)|[^\s()]+/g) ?? [];
  let i = 0;
  const unq = (s: string) => s.replace(/^(["'])(.*)\1$/, '$2');
  const term = (): Pred => {
    const t = tokens[i++];
    if (t === undefined) throw new FormatError(`Term operand expected [${expr}].`);
    if (t === 'NOT' || t === '-') {
      const p = term();
      return (o) => !p(o);
    }
    if (t === '(') {
      const p = or();
      if (tokens[i++] !== ')') throw new FormatError(`Unmatched ( in expression [${expr}].`);
      return p;
    }
    const neg = t.startsWith('-') && t.length > 1;
    const body = neg ? t.slice(1) : t;
    const m = /^([\w.[\]]+)(!=|!~|=|~|:|<=|>=|<|>)(.*)$/s.exec(body);
    let p: Pred;
    if (!m) {
      const word = unq(body).toLowerCase();
      p = (o) => JSON.stringify(o).toLowerCase().includes(word);
    } else {
      const [, key, op, raw] = m;
      const val = unq(raw);
      if (op === '~' || op === '!~') {
        let re: RegExp;
        try {
          re = new RegExp(val);
        } catch {
          throw new FormatError(`Operand [${val}] must be a valid RE pattern.`);
        }
        p = (o) => values(o, key).some((v) => re.test(v)) === (op === '~');
      } else if (op === '=' || op === '!=' || op === ':') {
        const alts = val.replace(/^\((.*)\)$/, '$1').split(/\s*,\s*|\s+OR\s+/);
        const match = (v: string) =>
          alts.some((a) =>
            op === ':'
              ? a === '*'
                ? true
                : glob(`*${a}*`).test(v) || glob(a).test(basename(v) as string)
              : glob(a).test(v) || glob(a).test(basename(v) as string),
          );
        p = op === '!=' ? (o) => !values(o, key).some(match) : (o) => values(o, key).some(match);
      } else {
        const n = Number(val);
        const cmp = (v: string) => {
          const x = Number.isNaN(n) ? v.localeCompare(val) : Number(v) - n;
          return op === '<' ? x < 0 : op === '<=' ? x <= 0 : op === '>' ? x > 0 : x >= 0;
        };
        p = (o) => values(o, key).some(cmp);
      }
    }
    return neg ? (o) => !p(o) : p;
  };
  const and = (): Pred => {
    const ps = [term()];
    while (i < tokens.length && tokens[i] !== ')' && tokens[i] !== 'OR') {
      if (tokens[i] === 'AND') i++;
      ps.push(term());
    }
    return (o) => ps.every((p) => p(o));
  };
  const or = (): Pred => {
    const ps = [and()];
    while (tokens[i] === 'OR') {
      i++;
      ps.push(and());
    }
    return (o) => ps.some((p) => p(o));
  };
  if (!tokens.length) return () => true;
  const p = or();
  if (i < tokens.length) throw new FormatError(`Unmatched ) in expression [${expr}].`);
  return p;
}
