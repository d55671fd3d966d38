/**
 * `--sort-by=[FIELD,...]` as gcloud's display code reads it (`_GetSortKeys`): each field may start
 * with `~` (descending), `[]` means the first element, and the field is a resource key parsed by
 * `resource_lex.Lexer.Key()` — dotted names with `[N]` indexes, ended by an operator character,
 * whose errors carry the `*HERE*` cursor. Earlier fields take precedence; equal rows keep their order.
 */
import { FormatError } from './format';

type Key = (string | number)[];
export interface SortKey {
  key: Key;
  reverse: boolean;
}

/** resource_lex's characters a key name cannot contain unquoted. */
const RESERVED = '[].(){},:=!<>+*/%&|^~@#;?';

/** resource_lex's Annotate: the expression with `*HERE*` at the position, spaced off from neighbours. */
function annotate(expr: string, here: number): string {
  let cursor = '*HERE*';
  if (here > 0 && !/\s/.test(expr[here - 1])) cursor = ` ${cursor}`;
  if (here < expr.length && !/\s/.test(expr[here])) cursor += ' ';
  return `${expr.slice(0, here)}${cursor}${expr.slice(here)}`;
}

/** Lexer.Key() over one field (quotes, aliases and the `*` map shorthand are not modelled). */
function parseKey(expr: string): Key {
  const key: Key = [];
  let pos = 0;
  const end = () => pos >= expr.length;
  /** Token(terminators, space=False): leading space skipped, then up to a terminator or a space. */
  const token = (terminators: string): string => {
    while (!end() && /\s/.test(expr[pos])) pos++;
    const start = pos;
    while (!end() && !terminators.includes(expr[pos]) && !/\s/.test(expr[pos])) pos++;
    return expr.slice(start, pos);
  };
  while (!end()) {
    const here = pos;
    const name = token(RESERVED);
    if (name) key.push(name);
    else if (expr[pos] !== '[') {
      // A single `.` names the resource itself.
      const next = expr[pos + 1];
      if (!key.length && expr[pos] === '.' && next !== '.' && (next === undefined || RESERVED.includes(next))) break;
      throw new FormatError(`Non-empty key name expected [${annotate(expr, here)}].`);
    }
    if (end()) break;
    if (expr[pos] === ']') throw new FormatError(`Unmatched ] in key [${annotate(expr, here)}].`);
    while (expr[pos] === '[') {
      pos++;
      const index = token(']');
      if (expr[pos] === ']') pos++;
      key.push(/^-?\d+$/.test(index) ? Number(index) : index);
    }
    if (expr[pos] !== '.') break;
    pos++;
    if (end()) throw new FormatError(`Non-empty key name expected [${annotate(expr, pos)}].`);
  }
  return key;
}

export function parseSortKeys(value: string): SortKey[] {
  return value.split(',').flatMap((field) => {
    const reverse = field.startsWith('~');
    const key = parseKey(field.replace(/^~+/, '').replaceAll('[]', '[0]'));
    // An empty field names no key: nothing to sort by (gcloud would compare whole resources).
    return key.length ? [{ key, reverse }] : [];
  });
}

function valueAt(o: unknown, key: Key): string {
  let cur = o;
  for (const k of key) {
    if (cur === null || typeof cur !== 'object') return '';
    cur = Array.isArray(cur) && typeof k === 'number' ? cur.at(k) : (cur as Record<string, unknown>)[String(k)];
  }
  return cur === undefined || cur === null ? '' : typeof cur === 'object' ? JSON.stringify(cur) : String(cur);
}

export function sortResources<T>(items: T[], keys: SortKey[]): T[] {
  return [...items].sort((a, b) => {
    for (const { key, reverse } of keys) {
      const [x, y] = [valueAt(a, key), valueAt(b, key)];
      if (x !== y) return (x < y ? -1 : 1) * (reverse ? -1 : 1);
    }
    return 0;
  });
}
