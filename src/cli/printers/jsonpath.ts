/**
 * kubectl's JSONPath template language (k8s.io/client-go/util/jsonpath): literal text plus
 * `{…}` actions — paths (`.a.b`, `['k']`, `[0]`, `[1:3]`, `[*]`, `..x`, `[?(@.k=="v")]`,
 * unions), `{range …}…{end}` and quoted literals like `{"\n"}`. Missing keys print nothing, as
 * `kubectl get` allows missing template keys by default.
 */
import { sortKeysDeep } from './az-output';

type Step =
  | { t: 'field'; name: string }
  | { t: 'wild' }
  | { t: 'recurse'; name: string | null }
  | { t: 'index'; idx: number[] }
  | { t: 'slice'; start?: number; end?: number; step?: number }
  | { t: 'keys'; names: string[] }
  | { t: 'filter'; left: Step[]; op: string | null; right: unknown };

type Node = { t: 'text'; v: string } | { t: 'path'; steps: Step[] } | { t: 'range'; steps: Step[]; body: Node[] };

export class JsonPathError extends Error {}

export function parseJsonPath(template: string): Node[] {
  const root: Node[] = [];
  const stack: Node[][] = [root];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) {
      stack[stack.length - 1].push({ t: 'text', v: template.slice(i) });
      break;
    }
    if (open > i) stack[stack.length - 1].push({ t: 'text', v: template.slice(i, open) });
    const close = findClose(template, open + 1);
    if (close < 0) throw new JsonPathError(`unclosed action`);
    const inner = template.slice(open + 1, close).trim();
    i = close + 1;
    const cur = stack[stack.length - 1];
    if (inner === 'end') {
      if (stack.length === 1) throw new JsonPathError('not in range, nothing to end');
      stack.pop();
    } else if (inner.startsWith('range ')) {
      const node: Node = { t: 'range', steps: parsePath(inner.slice(6).trim()), body: [] };
      cur.push(node);
      stack.push(node.body);
    } else if (/^(".*"|'.*')$/s.test(inner)) {
      cur.push({ t: 'text', v: unquote(inner) });
    } else {
      cur.push({ t: 'path', steps: parsePath(inner) });
    }
  }
  if (stack.length > 1) throw new JsonPathError('range is not closed with {end}');
  return root;
}

function findClose(s: string, from: number): number {
  let quote: string | null = null;
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '}') return i;
  }
  return -1;
}

function unquote(q: string): string {
  const body = q.slice(1, -1);
  const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'" };
  return body.replace(/\\(.)/g, (_m, c: string) => map[c] ?? c);
}

function parsePath(src: string): Step[] {
  const steps: Step[] = [];
  let i = 0;
  if (src[i] === '$' || src[i] === '@') i++;
  while (i < src.length) {
    const c = src[i];
    if (c === '.' && src[i + 1] === '.') {
      i += 2;
      const m = /^[^.[\]]*/.exec(src.slice(i))![0];
      i += m.length;
      steps.push({ t: 'recurse', name: m === '*' || m === '' ? null : m });
    } else if (c === '.') {
      i++;
      // `\.` escapes a dot inside a key (`.metadata.annotations.deployment\.kubernetes\.io/revision`).
      const m = /^(?:\\.|[^.[\]\\])*/.exec(src.slice(i))![0];
      i += m.length;
      if (m === '*') steps.push({ t: 'wild' });
      else if (m) steps.push({ t: 'field', name: m.replace(/\\\./g, '.') });
    } else if (c === '[') {
      const close = matchBracket(src, i);
      if (close < 0) throw new JsonPathError('unclosed array expect ]');
      steps.push(parseBracket(src.slice(i + 1, close).trim()));
      i = close + 1;
    } else if (/\s/.test(c)) {
      i++;
    } else {
      // A bare word (`{metadata.name}` is not valid JSONPath, but `{.a}` after `@` etc. is handled above).
      const m = /^[^.[\]]*/.exec(src.slice(i))![0];
      if (!m) throw new JsonPathError(`unrecognized character in action: ${JSON.stringify(c)}`);
      steps.push({ t: 'field', name: m });
      i += m.length;
    }
  }
  return steps;
}

function matchBracket(s: string, from: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '(') depth++;
    else if ((c === ']' || c === ')') && --depth === 0) return i;
  }
  return -1;
}

function parseBracket(inner: string): Step {
  if (inner === '*') return { t: 'wild' };
  if (inner.startsWith('?(') && inner.endsWith(')')) return parseFilter(inner.slice(2, -1).trim());
  if (/^['"]/.test(inner)) {
    const names = inner.split(/\s*,\s*/).map((p) => unquote(p.trim()));
    return { t: 'keys', names };
  }
  if (inner.includes(':')) {
    const [a, b, c] = inner.split(':').map((x) => (x.trim() === '' ? undefined : Number(x)));
    return { t: 'slice', start: a, end: b, step: c };
  }
  const idx = inner.split(',').map((x) => Number(x.trim()));
  if (idx.some((n) => !Number.isInteger(n))) throw new JsonPathError(`invalid array index ${inner}`);
  return { t: 'index', idx };
}

function parseFilter(expr: string): Step {
  const m = /^(@[^=!<>\s]*)\s*(==|!=|<=|>=|<|>)\s*(.+)$/.exec(expr);
  if (!m) return { t: 'filter', left: parsePath(expr), op: null, right: null };
  const raw = m[3].trim();
  let right: unknown;
  if (/^['"]/.test(raw)) right = unquote(raw);
  else if (raw === 'true' || raw === 'false') right = raw === 'true';
  else if (!Number.isNaN(Number(raw))) right = Number(raw);
  else right = { path: parsePath(raw) };
  return { t: 'filter', left: parsePath(m[1]), op: m[2], right };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function evalSteps(values: unknown[], steps: Step[]): unknown[] {
  let cur = values;
  for (const step of steps) {
    const next: unknown[] = [];
    for (const v of cur) applyStep(v, step, next);
    cur = next;
  }
  return cur;
}

function applyStep(v: unknown, step: Step, out: unknown[]): void {
  switch (step.t) {
    case 'field':
      if (isObj(v) && step.name in v) out.push(v[step.name]);
      return;
    case 'keys':
      if (isObj(v)) for (const n of step.names) if (n in v) out.push(v[n]);
      return;
    case 'wild':
      if (Array.isArray(v)) out.push(...v);
      else if (isObj(v)) for (const k of Object.keys(v).sort()) out.push(v[k]);
      return;
    case 'recurse':
      recurse(v, step.name, out);
      return;
    case 'index':
      if (!Array.isArray(v)) return;
      for (const i of step.idx) {
        const j = i < 0 ? v.length + i : i;
        if (j >= 0 && j < v.length) out.push(v[j]);
      }
      return;
    case 'slice': {
      if (!Array.isArray(v)) return;
      const n = v.length;
      const norm = (x: number | undefined, d: number) => (x === undefined ? d : x < 0 ? Math.max(0, n + x) : Math.min(n, x));
      const st = step.step ?? 1;
      for (let i = norm(step.start, 0); i < norm(step.end, n); i += st > 0 ? st : 1) out.push(v[i]);
      return;
    }
    case 'filter': {
      const items = Array.isArray(v) ? v : [];
      for (const item of items) if (matches(item, step)) out.push(item);
      return;
    }
  }
}

function recurse(v: unknown, name: string | null, out: unknown[]): void {
  if (isObj(v)) {
    if (name === null) out.push(v);
    else if (name in v) out.push(v[name]);
    for (const k of Object.keys(v).sort()) if (typeof v[k] === 'object') recurse(v[k], name, out);
  } else if (Array.isArray(v)) {
    for (const x of v) recurse(x, name, out);
  }
}

function matches(item: unknown, f: Extract<Step, { t: 'filter' }>): boolean {
  const left = evalSteps([item], f.left);
  if (f.op === null) return left.length > 0 && left[0] !== false && left[0] !== null;
  if (!left.length) return false;
  const l = left[0];
  const r = isObj(f.right) && 'path' in f.right ? evalSteps([item], f.right.path as Step[])[0] : f.right;
  switch (f.op) {
    case '==':
      return String(l) === String(r);
    case '!=':
      return String(l) !== String(r);
    case '<':
      return Number(l) < Number(r);
    case '>':
      return Number(l) > Number(r);
    case '<=':
      return Number(l) <= Number(r);
    default:
      return Number(l) >= Number(r);
  }
}

/** Text of one value as kubectl prints it: strings raw, maps and lists as compact JSON. */
export function valueText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  // Go's json.Marshal: map keys sorted.
  if (typeof v === 'object') return JSON.stringify(sortKeysDeep(v));
  return String(v);
}

function run(nodes: Node[], data: unknown): string {
  let out = '';
  for (const n of nodes) {
    if (n.t === 'text') out += n.v;
    else if (n.t === 'path') out += evalSteps([data], n.steps).map(valueText).join(' ');
    else for (const item of evalSteps([data], n.steps).flatMap((x) => (Array.isArray(x) ? x : [x]))) out += run(n.body, item);
  }
  return out;
}

/** Executes a kubectl JSONPath template against `data`; throws JsonPathError for bad templates. */
export function executeJsonPath(template: string, data: unknown): string {
  return run(parseJsonPath(template), data);
}

/** Values of a single path (custom-columns cells). */
export function evalJsonPathValues(path: string, data: unknown): unknown[] {
  let p = path.trim();
  if (p.startsWith('{') && p.endsWith('}')) p = p.slice(1, -1);
  if (!p.startsWith('.') && !p.startsWith('$') && !p.startsWith('@') && !p.startsWith('[')) p = '.' + p;
  return evalSteps([data], parsePath(p));
}
