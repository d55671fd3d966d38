import { stringify } from 'yaml';

/**
 * az output formats, following knack `output.py`: json (sorted keys, 2-space indent), table
 * (tabulate "simple": scalar top-level fields, `id`/`type`/`etag` skipped, first letter
 * capitalised, everything left-aligned as numbers are not parsed), tsv, yaml, none.
 */

export type AzOutputFormat = 'json' | 'jsonc' | 'table' | 'tsv' | 'yaml' | 'yamlc' | 'none';
export const AZ_OUTPUT_FORMATS: AzOutputFormat[] = ['json', 'jsonc', 'yaml', 'yamlc', 'table', 'tsv', 'none'];

/** A command-specific table transform (azure-cli `table_transformer`), applied unless --query is used. */
export type TableTransformer = (result: unknown) => unknown;

export function sortKeysDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeysDeep);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(o).sort(pyCompare)) out[k] = sortKeysDeep(o[k]);
    return out;
  }
  return v;
}

/** Python sorts strings by code point, unlike localeCompare. */
function pyCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function formatAzJson(result: unknown): string {
  if (result === undefined) return '';
  return JSON.stringify(sortKeysDeep(result), null, 2) + '\n';
}

export function formatAzYaml(result: unknown): string {
  if (result === undefined) return '';
  return stringify(result, {
    sortMapEntries: true,
    indentSeq: false,
    version: '1.1',
    singleQuote: true,
    lineWidth: 0,
    nullStr: 'null',
  });
}

/** Python's str() of a JSON scalar, as tabulate and the tsv writer print it. */
function pyStr(v: unknown): string {
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (v === null || v === undefined) return 'None';
  return String(v);
}

const SKIP_KEYS = new Set(['id', 'type', 'etag']);

function autoTableItem(item: unknown, sortKeys: boolean): Map<string, string> {
  const row = new Map<string, string>();
  if (item && typeof item === 'object' && !Array.isArray(item)) {
    const o = item as Record<string, unknown>;
    const keys = sortKeys ? Object.keys(o).sort(pyCompare) : Object.keys(o);
    for (const k of keys) {
      if (SKIP_KEYS.has(k)) continue;
      const v = o[k];
      if (v === null || v === undefined || typeof v === 'object') continue;
      row.set(k ? k[0].toUpperCase() + k.slice(1) : k, pyStr(v));
    }
  } else if (Array.isArray(item)) {
    item.forEach((v, i) => {
      row.set(`Column${i + 1}`, pyStr(v));
    });
  } else {
    row.set('Result', pyStr(item));
  }
  return row;
}

/**
 * tabulate(..., headers="keys", tablefmt="simple"): union of keys in first-seen order, missing
 * cells empty, every column at least its header + 2 wide (tabulate's MIN_PADDING), cells padded.
 */
export function tabulateSimple(rows: Map<string, string>[]): string {
  const headers: string[] = [];
  for (const r of rows) for (const k of r.keys()) if (!headers.includes(k)) headers.push(k);
  if (!headers.length) return '';
  const cells = rows.map((r) => headers.map((h) => r.get(h) ?? ''));
  const widths = headers.map((h, i) => Math.max(h.length + 2, ...cells.map((c) => c[i].length)));
  const line = (vals: string[]) => vals.map((v, i) => v.padEnd(widths[i])).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

export class TableUnavailableError extends Error {
  constructor() {
    super('Table output unavailable. Use the --query option to specify an appropriate query. Use --debug for more info.');
  }
}

export function formatAzTable(result: unknown, opts: { queryActive: boolean; transformer?: TableTransformer }): string {
  let r = result;
  if (opts.transformer && !opts.queryActive) r = opts.transformer(r);
  const list = Array.isArray(r) ? r : [r];
  const sortKeys = !opts.queryActive && !opts.transformer;
  const rows = list.map((item) => autoTableItem(item, sortKeys));
  if (!rows.length) return '\n';
  const text = tabulateSimple(rows);
  if (!text) throw new TableUnavailableError();
  return text + '\n';
}

export function formatAzTsv(result: unknown, sortKeys = true): string {
  const list = Array.isArray(result) ? result : [result];
  let out = '';
  const obj = (v: unknown): string => {
    if (Array.isArray(v)) return String(v.length);
    if (v && typeof v === 'object') return '';
    return typeof v === 'string' ? v : pyStr(v);
  };
  for (const item of list) {
    if (Array.isArray(item)) out += item.map(obj).join('\t');
    else if (item && typeof item === 'object') {
      const o = item as Record<string, unknown>;
      // Results of --query multiselect keep their order; plain dicts are sorted for stable columns.
      const keys = sortKeys ? Object.keys(o).sort(pyCompare) : Object.keys(o);
      out += keys.map((k) => obj(o[k])).join('\t');
    } else if (typeof item === 'boolean') out += String(item);
    else out += obj(item);
    out += '\n';
  }
  return out;
}

export function formatAz(result: unknown, format: AzOutputFormat, opts: { queryActive: boolean; transformer?: TableTransformer }): string {
  switch (format) {
    case 'json':
    case 'jsonc':
      return formatAzJson(result);
    case 'yaml':
    case 'yamlc':
      return formatAzYaml(result);
    case 'table':
      return formatAzTable(result, opts);
    case 'tsv':
      return formatAzTsv(result, !opts.queryActive);
    default:
      return '';
  }
}
