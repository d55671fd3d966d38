import { readInput } from './textio';
import { type CommandFn, type ExecResult, ok } from './types';

/**
 * A small, honest jq (no npm jq fits: the maintained ones are WebAssembly builds of several MB or
 * spawn a binary). Supported filters: `.`, `.a.b`, `."a-b"`, `.["a"]`, `.[N]`, `.[]`, `.a[]?`,
 * pipes `|`, `,`, `[ … ]`, `( … )`, literals, `==  !=  <  <=  >  >=`, `and`, `or`, `not`, `//`,
 * and the functions `length`, `keys`, `select(f)`, `map(f)`, `has("k")`, `first`, `last`,
 * `tostring`, `ascii_downcase`, `ascii_upcase`. Options `-r`, `-c`, `-e`. Anything else is a
 * compile error worded as jq 1.7 words it.
 */

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

type Node =
  | { k: 'id' }
  | { k: 'lit'; v: Json }
  | { k: 'index'; of: Node; key: Node; opt: boolean }
  | { k: 'iter'; of: Node; opt: boolean }
  | { k: 'pipe'; a: Node; b: Node }
  | { k: 'comma'; a: Node; b: Node }
  | { k: 'bin'; op: string; a: Node; b: Node }
  | { k: 'arr'; e?: Node }
  | { k: 'call'; name: string; arg?: Node };

class CompileError extends Error {}
class JqRuntimeError extends Error {}

const FUNCS: Record<string, number> = {
  length: 0,
  keys: 0,
  select: 1,
  map: 1,
  has: 1,
  first: 0,
  last: 0,
  not: 0,
  tostring: 0,
  ascii_downcase: 0,
  ascii_upcase: 0,
  empty: 0,
};

type Tok = { t: string; v: string };

function lex(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (['==', '!=', '<=', '>=', '//', '..'].includes(two)) {
      out.push({ t: two, v: two });
      i += 2;
      continue;
    }
    if ('.[]()|,<>?'.includes(c)) {
      out.push({ t: c, v: c });
      i++;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < src.length && src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      if (j >= src.length) throw new CompileError('syntax error, unexpected end of file');
      out.push({ t: 'str', v: JSON.parse(src.slice(i, j + 1)) as string });
      i = j + 1;
      continue;
    }
    const num = /^-?\d+(\.\d+)?/.exec(src.slice(i));
    if (num && (c !== '-' || !out.length || !['id', 'str', 'num', ']', ')'].includes(out[out.length - 1].t))) {
      out.push({ t: 'num', v: num[0] });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (id) {
      out.push({ t: 'id', v: id[0] });
      i += id[0].length;
      continue;
    }
    throw new CompileError(`syntax error, unexpected INVALID_CHARACTER (Unix shell quoting issues?)`);
  }
  return out;
}

class Parser {
  private i = 0;
  constructor(private readonly toks: Tok[]) {}
  parse(): Node {
    if (!this.toks.length) return { k: 'id' };
    const n = this.pipe();
    if (this.i < this.toks.length) this.unexpected();
    return n;
  }
  private peek = () => this.toks[this.i];
  private unexpected(): never {
    const t = this.peek();
    if (!t) throw new CompileError('syntax error, unexpected end of file');
    const name = t.t === 'id' ? 'IDENT' : t.t === 'str' ? 'QQSTRING_START' : t.t === 'num' ? 'LITERAL' : `'${t.v}'`;
    throw new CompileError(`syntax error, unexpected ${name}, expecting end of file`);
  }
  private eat(t: string): void {
    if (this.peek()?.t !== t) this.unexpected();
    this.i++;
  }
  private pipe(): Node {
    const a = this.comma();
    if (this.peek()?.t === '|') {
      this.i++;
      return { k: 'pipe', a, b: this.pipe() };
    }
    return a;
  }
  private comma(): Node {
    let a = this.alt();
    while (this.peek()?.t === ',') {
      this.i++;
      a = { k: 'comma', a, b: this.alt() };
    }
    return a;
  }
  private alt(): Node {
    let a = this.or();
    while (this.peek()?.t === '//') {
      this.i++;
      a = { k: 'bin', op: '//', a, b: this.or() };
    }
    return a;
  }
  private or(): Node {
    let a = this.and();
    while (this.peek()?.t === 'id' && this.peek().v === 'or') {
      this.i++;
      a = { k: 'bin', op: 'or', a, b: this.and() };
    }
    return a;
  }
  private and(): Node {
    let a = this.cmp();
    while (this.peek()?.t === 'id' && this.peek().v === 'and') {
      this.i++;
      a = { k: 'bin', op: 'and', a, b: this.cmp() };
    }
    return a;
  }
  private cmp(): Node {
    const a = this.postfix();
    const t = this.peek()?.t;
    if (t && ['==', '!=', '<', '<=', '>', '>='].includes(t)) {
      this.i++;
      return { k: 'bin', op: t, a, b: this.postfix() };
    }
    return a;
  }
  private postfix(): Node {
    let n = this.term();
    for (;;) {
      const t = this.peek()?.t;
      if ((t === '.' && this.toks[this.i + 1]?.t === 'id') || (t === '.' && this.toks[this.i + 1]?.t === 'str')) {
        this.i++;
        n = this.opt({ k: 'index', of: n, key: { k: 'lit', v: this.toks[this.i++].v }, opt: false });
      } else if (t === '[' || (t === '.' && this.toks[this.i + 1]?.t === '[')) {
        if (t === '.') this.i++;
        n = this.bracket(n);
      } else return n;
    }
  }
  private opt(n: Node & { opt: boolean }): Node {
    if (this.peek()?.t === '?') {
      this.i++;
      n.opt = true;
    }
    return n;
  }
  private bracket(of: Node): Node {
    this.eat('[');
    if (this.peek()?.t === ']') {
      this.i++;
      return this.opt({ k: 'iter', of, opt: false });
    }
    const key = this.pipe();
    this.eat(']');
    return this.opt({ k: 'index', of, key, opt: false });
  }
  private term(): Node {
    const t = this.peek();
    if (!t) this.unexpected();
    this.i++;
    switch (t.t) {
      case '.': {
        const n = this.peek();
        if (n?.t === 'id' || n?.t === 'str') {
          this.i++;
          return this.opt({ k: 'index', of: { k: 'id' }, key: { k: 'lit', v: n.v }, opt: false });
        }
        return { k: 'id' };
      }
      case 'num':
        return { k: 'lit', v: Number(t.v) };
      case 'str':
        return { k: 'lit', v: t.v };
      case '(': {
        const e = this.pipe();
        this.eat(')');
        return e;
      }
      case '[': {
        if (this.peek()?.t === ']') {
          this.i++;
          return { k: 'arr' };
        }
        const e = this.pipe();
        this.eat(']');
        return { k: 'arr', e };
      }
      case 'id': {
        if (t.v === 'true' || t.v === 'false') return { k: 'lit', v: t.v === 'true' };
        if (t.v === 'null') return { k: 'lit', v: null };
        let arg: Node | undefined;
        if (this.peek()?.t === '(') {
          this.i++;
          arg = this.pipe();
          this.eat(')');
        }
        const arity = arg ? 1 : 0;
        if (FUNCS[t.v] !== arity) throw new CompileError(`${t.v}/${arity} is not defined`);
        return { k: 'call', name: t.v, arg };
      }
    }
    this.i--;
    return this.unexpected();
  }
}

const typeName = (v: Json) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'object' ? 'object' : typeof v);
const show = (v: Json) => {
  const s = JSON.stringify(v);
  return `${typeName(v)} (${s.length > 11 ? s.slice(0, 10) + '...' : s})`;
};
const truthy = (v: Json) => v !== null && v !== false;

function order(v: Json): number {
  return ['null', 'boolean', 'number', 'string', 'array', 'object'].indexOf(typeName(v)) * 2 + (v === true ? 1 : 0);
}
function compare(a: Json, b: Json): number {
  const d = order(a) - order(b);
  if (d) return d;
  if (typeof a === 'number' || typeof a === 'string') return a < (b as typeof a) ? -1 : a > (b as typeof a) ? 1 : 0;
  const ja = JSON.stringify(a);
  const jb = JSON.stringify(b);
  return ja === jb ? 0 : ja < jb ? -1 : 1;
}

function evaluate(n: Node, input: Json): Json[] {
  switch (n.k) {
    case 'id':
      return [input];
    case 'lit':
      return [n.v];
    case 'pipe':
      return evaluate(n.a, input).flatMap((v) => evaluate(n.b, v));
    case 'comma':
      return [...evaluate(n.a, input), ...evaluate(n.b, input)];
    case 'arr':
      return [n.e ? evaluate(n.e, input) : []];
    case 'iter':
      return evaluate(n.of, input).flatMap((v) => {
        if (Array.isArray(v)) return v;
        if (v !== null && typeof v === 'object') return Object.values(v);
        if (n.opt) return [];
        throw new JqRuntimeError(`Cannot iterate over ${v === null ? 'null' : show(v)}`);
      });
    case 'index':
      return evaluate(n.of, input).flatMap((v) =>
        evaluate(n.key, input).flatMap((key): Json[] => {
          if (v === null) return [null];
          if (typeof key === 'string' && typeof v === 'object' && !Array.isArray(v)) return [v[key] ?? null];
          if (typeof key === 'number' && Array.isArray(v)) return [v[key < 0 ? v.length + key : Math.floor(key)] ?? null];
          if (n.opt) return [];
          if (typeof key === 'string') throw new JqRuntimeError(`Cannot index ${typeName(v)} with "${key}"`);
          throw new JqRuntimeError(`Cannot index ${typeName(v)} with ${typeName(key)}`);
        }),
      );
    case 'bin': {
      if (n.op === '//') {
        const left = (() => {
          try {
            return evaluate(n.a, input).filter(truthy);
          } catch {
            return [];
          }
        })();
        return left.length ? left : evaluate(n.b, input);
      }
      const out: Json[] = [];
      for (const b of evaluate(n.b, input))
        for (const a of evaluate(n.a, input)) {
          const c = compare(a, b);
          const r = {
            '==': c === 0,
            '!=': c !== 0,
            '<': c < 0,
            '<=': c <= 0,
            '>': c > 0,
            '>=': c >= 0,
            and: truthy(a) && truthy(b),
            or: truthy(a) || truthy(b),
          }[n.op];
          out.push(Boolean(r));
        }
      return out;
    }
    case 'call':
      return call(n.name, n.arg, input);
  }
}

function call(name: string, arg: Node | undefined, v: Json): Json[] {
  switch (name) {
    case 'empty':
      return [];
    case 'not':
      return [!truthy(v)];
    case 'length':
      if (v === null) return [0];
      if (typeof v === 'boolean') throw new JqRuntimeError(`boolean (${v}) has no length`);
      if (typeof v === 'number') return [Math.abs(v)];
      if (typeof v === 'string') return [[...v].length];
      return [Array.isArray(v) ? v.length : Object.keys(v).length];
    case 'keys':
      if (Array.isArray(v)) return [v.map((_x, i) => i)];
      if (v !== null && typeof v === 'object') return [Object.keys(v).sort()];
      throw new JqRuntimeError(`${show(v)} has no keys`);
    case 'select':
      return evaluate(arg!, v)
        .filter(truthy)
        .map(() => v);
    case 'map':
      if (!Array.isArray(v) && (v === null || typeof v !== 'object')) throw new JqRuntimeError(`Cannot iterate over ${v === null ? 'null' : show(v)}`);
      return [(Array.isArray(v) ? v : Object.values(v)).flatMap((x) => evaluate(arg!, x))];
    case 'has':
      return evaluate(arg!, v).map((k) => {
        if (Array.isArray(v) && typeof k === 'number') return k >= 0 && k < v.length;
        if (v !== null && typeof v === 'object' && !Array.isArray(v) && typeof k === 'string') return k in v;
        throw new JqRuntimeError(`Cannot check whether ${typeName(v)} has a ${typeName(k)} key`);
      });
    case 'first':
    case 'last':
      if (!Array.isArray(v)) throw new JqRuntimeError(`Cannot index ${typeName(v)} with number`);
      return [(name === 'first' ? v[0] : v[v.length - 1]) ?? null];
    case 'tostring':
      return [typeof v === 'string' ? v : JSON.stringify(v)];
    default: {
      if (typeof v !== 'string') throw new JqRuntimeError(`${name} input must be a string`);
      return [name === 'ascii_downcase' ? v.toLowerCase() : v.toUpperCase()];
    }
  }
}

function format(v: Json, raw: boolean, compact: boolean): string {
  if (raw && typeof v === 'string') return v;
  return compact ? JSON.stringify(v) : JSON.stringify(v, null, 2);
}

/** Parses one or more whitespace-separated JSON texts (jq reads a stream). */
function parseStream(text: string): Json[] {
  const trimmed = text.trim();
  if (!trimmed) return [];
  try {
    return [JSON.parse(trimmed) as Json];
  } catch {
    // A stream of values, one per line (e.g. `jq -c` output piped again).
    return trimmed
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Json);
  }
}

export const JQ_HELP = `Usage:\tjq [OPTIONS] FILTER [FILES...]

\tjq is a tool for processing JSON inputs, applying the given filter to
\tits JSON text inputs and producing the filter's results as JSON on
\tstandard output.

This lab's jq is a subset written for the terminal (there is no real jq binary):
  paths       .  .a.b  ."a-b"  .["a"]  .[0]  .[-1]  .[]  .items[].metadata.name  .a[]?
  operators   |  ,  ==  !=  <  <=  >  >=  and  or  //  ( )  [ ... ]
  functions   length keys select(f) map(f) has("k") first last not tostring
              ascii_downcase ascii_upcase empty
  not here    object construction {a: .b}, string interpolation, arithmetic, reduce, paths(),
              and every other builtin (they report "is not defined")

Options:
  -r, --raw-output   output strings without quotes
  -c, --compact-output
  -e, --exit-status  set exit status from the last output (1 for false/null)
  -h, --help         show this help

Example:
  kubectl get svc -A -o json | jq -r '.items[] | select(.spec.type == "LoadBalancer") | .metadata.name'
`;

export const jq: CommandFn<unknown> = ({ argv, stdin, shell }): ExecResult => {
  let raw = false;
  let compact = false;
  let exitStatus = false;
  let filter: string | undefined;
  const files: string[] = [];
  for (const a of argv.slice(1)) {
    if (a === '--help' || a === '-h') return ok(JQ_HELP);
    if (a === '--raw-output') raw = true;
    else if (a === '--compact-output') compact = true;
    else if (a === '--exit-status') exitStatus = true;
    else if (/^-[rce]+$/.test(a)) {
      if (a.includes('r')) raw = true;
      if (a.includes('c')) compact = true;
      if (a.includes('e')) exitStatus = true;
    } else if (a.startsWith('-') && a.length > 1) {
      return {
        stdout: '',
        stderr: `jq: Unknown option: ${a}\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://jqlang.github.io/jq\n`,
        exitCode: 2,
      };
    } else if (filter === undefined) filter = a;
    else files.push(a);
  }
  if (filter === undefined) {
    return {
      stdout: '',
      stderr:
        'Usage:\tjq [OPTIONS] FILTER [FILES...]\n\tjq [OPTIONS] --args FILTER [ARGUMENTS...]\n\tjq [OPTIONS] --jsonargs FILTER [JSON_VALUES...]\n\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://jqlang.github.io/jq\n',
      exitCode: 2,
    };
  }
  let prog: Node;
  try {
    prog = new Parser(lex(filter)).parse();
  } catch (e) {
    if (!(e instanceof CompileError)) throw e;
    return { stdout: '', stderr: `jq: error: ${e.message} at <top-level>, line 1:\n${filter}\njq: 1 compile error\n`, exitCode: 3 };
  }
  const { text, err } = readInput(files, stdin, shell, 'jq');
  if (err)
    return {
      stdout: '',
      stderr: err.replace(/^jq: (.*): No such file or directory$/gm, 'jq: error: Could not open $1: No such file or directory'),
      exitCode: 2,
    };
  let inputs: Json[];
  try {
    inputs = parseStream(text);
  } catch (e) {
    const m = /line (\d+) column (\d+)/.exec((e as Error).message);
    return { stdout: '', stderr: `jq: parse error: Invalid literal at line ${m?.[1] ?? 1}, column ${m?.[2] ?? 1}\n`, exitCode: 2 };
  }
  let out = '';
  let last: Json | undefined;
  for (const input of inputs) {
    try {
      for (const v of evaluate(prog, input)) {
        out += format(v, raw, compact) + '\n';
        last = v;
      }
    } catch (e) {
      if (!(e instanceof JqRuntimeError)) throw e;
      return { stdout: out, stderr: `jq: error (at <stdin>:${text.split('\n').length - 1}): ${e.message}\n`, exitCode: 5 };
    }
  }
  const code = exitStatus ? (last === undefined ? 4 : truthy(last) ? 0 : 1) : 0;
  return { stdout: out, stderr: '', exitCode: code };
};
