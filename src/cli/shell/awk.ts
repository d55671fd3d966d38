import { readInput, splitLines } from './textio';
import { type CommandFn, type ExecResult, ok } from './types';

/**
 * A tiny, honest awk: enough for `kubectl get svc -A | awk '{print $1, $5}'`.
 *
 * Supported: `-F SEP` (one character, or a regex), `-v name=value`; rules `pattern { action }`
 * where a pattern is `BEGIN`, `END`, `/regex/`, `!/regex/`, or a comparison
 * (`$3 == "LoadBalancer"`, `NR > 1`, `$1 ~ /web/`, `&&`, `||`, `!`); actions are `print`
 * with fields (`$0`, `$N`, `$NF`, `$(NF-1)`), `NR`, `NF`, variables, string and number
 * literals, concatenation and `,`; `next`. Anything else is reported as a syntax error the
 * way gawk reports it. No assignments, arithmetic beyond `+ -`, functions, arrays or printf.
 */

type Tok = { t: string; v: string; pos: number };

class AwkSyntaxError extends Error {
  constructor(public readonly pos: number) {
    super('syntax error');
  }
}

function tokenize(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  const prevAllowsRegex = () => {
    const p = toks[toks.length - 1];
    return !p || ['{', '(', ';', ',', '~', '!~', '!', '&&', '||', 'nl', '==', '!='].includes(p.t);
  };
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '\n') {
      toks.push({ t: 'nl', v: c, pos: i++ });
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (['==', '!=', '<=', '>=', '&&', '||', '!~'].includes(two)) {
      toks.push({ t: two, v: two, pos: i });
      i += 2;
      continue;
    }
    if ('{}();,~!<>$+-'.includes(c)) {
      toks.push({ t: c, v: c, pos: i++ });
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let v = '';
      while (j < src.length && src[j] !== '"') {
        if (src[j] === '\\' && j + 1 < src.length) {
          const e = src[++j];
          v += e === 'n' ? '\n' : e === 't' ? '\t' : e;
        } else v += src[j];
        j++;
      }
      if (j >= src.length) throw new AwkSyntaxError(i);
      toks.push({ t: 'str', v, pos: i });
      i = j + 1;
      continue;
    }
    if (c === '/' && prevAllowsRegex()) {
      let j = i + 1;
      let v = '';
      while (j < src.length && src[j] !== '/') {
        if (src[j] === '\\' && src[j + 1] === '/') {
          v += '/';
          j += 2;
          continue;
        }
        v += src[j++];
      }
      if (j >= src.length) throw new AwkSyntaxError(i);
      toks.push({ t: 're', v, pos: i });
      i = j + 1;
      continue;
    }
    const num = /^\d+(\.\d+)?/.exec(src.slice(i));
    if (num) {
      toks.push({ t: 'num', v: num[0], pos: i });
      i += num[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (name) {
      toks.push({ t: 'name', v: name[0], pos: i });
      i += name[0].length;
      continue;
    }
    throw new AwkSyntaxError(i);
  }
  return toks;
}

type Expr =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 're'; re: RegExp }
  | { k: 'var'; name: string }
  | { k: 'field'; e: Expr }
  | { k: 'bin'; op: string; a: Expr; b: Expr }
  | { k: 'not'; e: Expr }
  | { k: 'match'; neg: boolean; a: Expr; re: RegExp }
  | { k: 'cat'; parts: Expr[] };

type Stmt = { k: 'print'; args: Expr[] } | { k: 'next' };
interface Rule {
  kind: 'BEGIN' | 'END' | 'main';
  pattern?: Expr;
  action?: Stmt[];
}

const KEYWORDS = new Set([
  'BEGIN',
  'END',
  'print',
  'next',
  'printf',
  'if',
  'else',
  'for',
  'while',
  'do',
  'function',
  'getline',
  'delete',
  'in',
  'exit',
  'return',
]);

class Parser {
  private i = 0;
  constructor(
    private readonly toks: Tok[],
    private readonly end: number,
  ) {}

  private peek(): Tok | undefined {
    return this.toks[this.i];
  }
  private err(): never {
    throw new AwkSyntaxError(this.peek()?.pos ?? this.end);
  }
  private eat(t: string): Tok {
    const tok = this.peek();
    if (!tok || tok.t !== t) this.err();
    this.i++;
    return tok;
  }
  private skipNl(): void {
    while (this.peek()?.t === 'nl' || this.peek()?.t === ';') this.i++;
  }

  program(): Rule[] {
    const rules: Rule[] = [];
    this.skipNl();
    while (this.peek()) {
      rules.push(this.rule());
      this.skipNl();
    }
    return rules;
  }

  private rule(): Rule {
    const tok = this.peek()!;
    if (tok.t === 'name' && (tok.v === 'BEGIN' || tok.v === 'END')) {
      this.i++;
      return { kind: tok.v, action: this.block() };
    }
    if (tok.t === '{') return { kind: 'main', action: this.block() };
    const pattern = this.expr();
    if (this.peek()?.t === '{') return { kind: 'main', pattern, action: this.block() };
    return { kind: 'main', pattern };
  }

  private block(): Stmt[] {
    this.eat('{');
    const out: Stmt[] = [];
    this.skipNl();
    while (this.peek() && this.peek()!.t !== '}') {
      out.push(this.stmt());
      if (this.peek()?.t !== '}') {
        if (this.peek()?.t !== ';' && this.peek()?.t !== 'nl') this.err();
        this.skipNl();
      }
    }
    this.eat('}');
    return out;
  }

  private stmt(): Stmt {
    const tok = this.peek();
    if (tok?.t === 'name' && tok.v === 'next') {
      this.i++;
      return { k: 'next' };
    }
    if (tok?.t === 'name' && tok.v === 'print') {
      this.i++;
      const args: Expr[] = [];
      const stop = () => ['}', ';', 'nl', undefined].includes(this.peek()?.t);
      if (!stop()) {
        args.push(this.expr());
        while (this.peek()?.t === ',') {
          this.i++;
          args.push(this.expr());
        }
      }
      if (!stop()) this.err();
      // `print … > "file"` is output redirection in awk, which this subset does not have.
      const redirect = args.find((a) => a.k === 'bin' && a.op === '>');
      if (redirect) throw new AwkSyntaxError(tok.pos);
      return { k: 'print', args };
    }
    return this.err();
  }

  private expr(): Expr {
    let a = this.and();
    while (this.peek()?.t === '||') {
      this.i++;
      a = { k: 'bin', op: '||', a, b: this.and() };
    }
    return a;
  }
  private and(): Expr {
    let a = this.matchExpr();
    while (this.peek()?.t === '&&') {
      this.i++;
      a = { k: 'bin', op: '&&', a, b: this.matchExpr() };
    }
    return a;
  }
  private matchExpr(): Expr {
    const a = this.comparison();
    const t = this.peek()?.t;
    if (t === '~' || t === '!~') {
      this.i++;
      const re = this.eat('re');
      return { k: 'match', neg: t === '!~', a, re: toRegExp(re.v, re.pos) };
    }
    return a;
  }
  private comparison(): Expr {
    const a = this.concat();
    const t = this.peek()?.t;
    if (t && ['==', '!=', '<', '<=', '>', '>='].includes(t)) {
      this.i++;
      return { k: 'bin', op: t, a, b: this.concat() };
    }
    return a;
  }
  private concat(): Expr {
    const parts = [this.additive()];
    while (this.startsPrimary()) parts.push(this.additive());
    return parts.length === 1 ? parts[0] : { k: 'cat', parts };
  }
  private startsPrimary(): boolean {
    const t = this.peek();
    if (!t) return false;
    if (t.t === 'name') return !KEYWORDS.has(t.v) || this.err();
    return ['$', 'num', 'str', '('].includes(t.t);
  }
  private additive(): Expr {
    let a = this.unary();
    while (this.peek()?.t === '+' || this.peek()?.t === '-') {
      const op = this.peek()!.t;
      this.i++;
      a = { k: 'bin', op, a, b: this.unary() };
    }
    return a;
  }
  private unary(): Expr {
    if (this.peek()?.t === '!') {
      this.i++;
      return { k: 'not', e: this.unary() };
    }
    if (this.peek()?.t === '-') {
      this.i++;
      return { k: 'bin', op: '-', a: { k: 'num', v: 0 }, b: this.unary() };
    }
    return this.primary();
  }
  private primary(): Expr {
    const tok = this.peek();
    if (!tok) return this.err();
    this.i++;
    switch (tok.t) {
      case '$':
        return { k: 'field', e: this.primary() };
      case 'num':
        return { k: 'num', v: Number(tok.v) };
      case 'str':
        return { k: 'str', v: tok.v };
      case 're':
        return { k: 're', re: toRegExp(tok.v, tok.pos) };
      case 'name':
        if (KEYWORDS.has(tok.v) || this.peek()?.t === '(') {
          this.i--;
          return this.err();
        }
        return { k: 'var', name: tok.v };
      case '(': {
        const e = this.expr();
        this.eat(')');
        return e;
      }
    }
    this.i--;
    return this.err();
  }
}

function toRegExp(src: string, pos: number): RegExp {
  try {
    return new RegExp(src);
  } catch {
    throw new AwkSyntaxError(pos);
  }
}

class Next extends Error {}

interface Record {
  line: string;
  fields: string[];
  nr: number;
}

function splitFields(line: string, fs: string): string[] {
  if (fs === ' ') return line.split(/[ \t\n]+/).filter(Boolean);
  if (line === '') return [];
  if (fs.length === 1 && fs !== '\\') return line.split(fs);
  return line.split(new RegExp(fs === '\\t' ? '\t' : fs));
}

const isNumeric = (s: string) => /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(s);
const toNum = (v: string | number) => (typeof v === 'number' ? v : parseFloat(v) || 0);
const fmt = (v: string | number) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)))) : v);

class Runner {
  constructor(private readonly vars: Map<string, string | number>) {}

  eval(e: Expr, r: Record): string | number {
    switch (e.k) {
      case 'num':
        return e.v;
      case 'str':
        return e.v;
      case 're':
        return e.re.test(r.line) ? 1 : 0;
      case 'var':
        if (e.name === 'NR' || e.name === 'FNR') return r.nr;
        if (e.name === 'NF') return r.fields.length;
        return this.vars.get(e.name) ?? '';
      case 'field': {
        const n = Math.trunc(toNum(this.eval(e.e, r)));
        if (n < 0) throw new Error(`trying to access out of range field ${n}`);
        return n === 0 ? r.line : (r.fields[n - 1] ?? '');
      }
      case 'not':
        return this.truthy(this.eval(e.e, r)) ? 0 : 1;
      case 'match':
        return e.re.test(String(fmt(this.eval(e.a, r)))) !== e.neg ? 1 : 0;
      case 'cat':
        return e.parts.map((p) => fmt(this.eval(p, r))).join('');
      case 'bin': {
        if (e.op === '&&') return this.truthy(this.eval(e.a, r)) && this.truthy(this.eval(e.b, r)) ? 1 : 0;
        if (e.op === '||') return this.truthy(this.eval(e.a, r)) || this.truthy(this.eval(e.b, r)) ? 1 : 0;
        const a = this.eval(e.a, r);
        const b = this.eval(e.b, r);
        if (e.op === '+') return toNum(a) + toNum(b);
        if (e.op === '-') return toNum(a) - toNum(b);
        // awk compares numerically when both sides look like numbers (fields are "strnum").
        const numeric = (typeof a === 'number' || isNumeric(a)) && (typeof b === 'number' || isNumeric(b));
        const x = numeric ? toNum(a) : String(fmt(a));
        const y = numeric ? toNum(b) : String(fmt(b));
        const res = { '==': x === y, '!=': x !== y, '<': x < y, '<=': x <= y, '>': x > y, '>=': x >= y }[e.op];
        return res ? 1 : 0;
      }
    }
  }

  truthy(v: string | number): boolean {
    return typeof v === 'number' ? v !== 0 : v !== '';
  }

  exec(stmts: Stmt[], r: Record, out: string[]): void {
    for (const s of stmts) {
      if (s.k === 'next') throw new Next();
      out.push((s.args.length ? s.args.map((a) => fmt(this.eval(a, r))).join(' ') : r.line) + '\n');
    }
  }
}

export const AWK_HELP = `Usage: awk [POSIX or GNU style options] -f progfile [--] file ...
Usage: awk [POSIX or GNU style options] [--] 'program' file ...
POSIX options:\t\tGNU long options: (standard)
\t-F fs\t\t\t--field-separator=fs
\t-v var=val\t\t--assign=var=val

This lab's awk is a small subset (the terminal has no real awk):
  patterns   BEGIN, END, /regex/, !/regex/, $N ~ /re/, $N == "x", NR > 1, && || !
  actions    print with $0 $N $NF $(NF-1) NR NF, "strings", concatenation and ",", next
  not here   assignments, printf, if/for/while, arrays, functions (reported as syntax errors)

Examples:
  kubectl get svc -A | awk '{print $1, $5}'
  kubectl get svc | awk 'NR > 1 {print $NF}'
  kubectl get svc -A | awk '/LoadBalancer/ {print $2}'
  az network public-ip list -o tsv | awk -F'\\t' '{print $3}'
`;

const USAGE = `Usage: awk [POSIX or GNU style options] -f progfile [--] file ...
Usage: awk [POSIX or GNU style options] [--] 'program' file ...
`;

export const awk: CommandFn<unknown> = ({ argv, stdin, shell }): ExecResult => {
  if (argv[1] === '--help' || argv[1] === '-h') return ok(AWK_HELP);
  let fs = ' ';
  const vars = new Map<string, string | number>();
  let program: string | undefined;
  const files: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (program === undefined && a === '--') continue;
    if (program === undefined && (a === '-F' || a === '-v')) {
      const v = argv[++i];
      if (v === undefined) return { stdout: '', stderr: `awk: option requires an argument -- '${a[1]}'\n${USAGE}`, exitCode: 2 };
      if (a === '-F') fs = v === 't' ? '\t' : v;
      else if (!v.includes('=')) return { stdout: '', stderr: `awk: \`${v}' argument to \`-v' not in \`var=value' form\n\n${USAGE}`, exitCode: 2 };
      else vars.set(v.slice(0, v.indexOf('=')), v.slice(v.indexOf('=') + 1));
    } else if (program === undefined && a.startsWith('-F')) fs = a.slice(2) === 't' ? '\t' : a.slice(2);
    else if (program === undefined && a.startsWith('--field-separator=')) fs = a.slice(18);
    else if (program === undefined && a === '-f')
      return { stdout: '', stderr: 'awk: -f progfile is not supported in this lab; pass the program inline\n', exitCode: 2 };
    else if (program === undefined && a.startsWith('-') && a.length > 1) {
      return { stdout: '', stderr: `awk: not an option: ${a}\n${USAGE}`, exitCode: 2 };
    } else if (program === undefined) program = a;
    else files.push(a);
  }
  if (program === undefined) return { stdout: '', stderr: USAGE, exitCode: 2 };

  let rules: Rule[];
  try {
    rules = new Parser(tokenize(program), program.length).program();
  } catch (e) {
    if (!(e instanceof AwkSyntaxError)) throw e;
    const lines = program.split('\n');
    let pos = e.pos;
    let ln = 0;
    while (ln < lines.length - 1 && pos > lines[ln].length) {
      pos -= lines[ln].length + 1;
      ln++;
    }
    const prefix = `awk: cmd. line:${ln + 1}: `;
    return { stdout: '', stderr: `${prefix}${lines[ln]}\n${prefix}${' '.repeat(pos)}^ syntax error\n`, exitCode: 1 };
  }

  const { text, err } = readInput(files, stdin, shell, 'awk');
  const runner = new Runner(vars);
  const out: string[] = [];
  const empty: Record = { line: '', fields: [], nr: 0 };
  try {
    for (const r of rules) if (r.kind === 'BEGIN') runner.exec(r.action ?? [], empty, out);
    let nr = 0;
    let last = empty;
    const needsInput = rules.some((r) => r.kind !== 'BEGIN');
    if (needsInput) {
      for (const line of splitLines(text)) {
        const rec: Record = { line, fields: splitFields(line, fs), nr: ++nr };
        last = rec;
        try {
          for (const r of rules) {
            if (r.kind !== 'main') continue;
            if (r.pattern && !runner.truthy(runner.eval(r.pattern, rec))) continue;
            if (r.action) runner.exec(r.action, rec, out);
            else out.push(line + '\n');
          }
        } catch (e) {
          if (!(e instanceof Next)) throw e;
        }
      }
    }
    for (const r of rules) if (r.kind === 'END') runner.exec(r.action ?? [], last, out);
  } catch (e) {
    if (e instanceof Next) return { stdout: out.join(''), stderr: "awk: cmd. line:1: fatal: `next' used in BEGIN or END action\n", exitCode: 2 };
    return { stdout: out.join(''), stderr: `awk: cmd. line:1: (FILENAME=- FNR=1) fatal: ${(e as Error).message}\n`, exitCode: 2 };
  }
  return { stdout: out.join(''), stderr: err, exitCode: err ? 2 : 0 };
};
