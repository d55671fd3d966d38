import type { HereDoc, Word, WordSegment } from './ast';

export type Token = { kind: 'word'; word: Word } | { kind: 'op'; op: string; fd?: number; heredoc?: HereDoc } | { kind: 'newline' } | { kind: 'eof' };

/** Thrown for input bash would refuse; `message` is bash's own wording (without the `bash: ` prefix). */
export class ShellSyntaxError extends Error {}

const OPERATORS = ['<<<', '<<-', '&&', '||', '>>', '<<', '&>', '>&', ';;', '|', ';', '&', '<', '>', '(', ')'];
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

/**
 * Splits a command line (possibly several lines, with heredoc bodies) into tokens.
 * Heredoc bodies are read when the newline that ends their command line is reached, as bash does.
 */
export function tokenize(src: string): Token[] {
  return new Lexer(src).run();
}

class Lexer {
  private i = 0;
  private readonly out: Token[] = [];
  private pendingHeredocs: HereDoc[] = [];

  constructor(private readonly src: string) {}

  run(): Token[] {
    const s = this.src;
    while (this.i < s.length) {
      const c = s[this.i];
      if (c === ' ' || c === '\t') {
        this.i++;
      } else if (c === '\\' && s[this.i + 1] === '\n') {
        this.i += 2;
      } else if (c === '\n') {
        this.i++;
        this.out.push({ kind: 'newline' });
        this.readHeredocBodies();
      } else if (c === '#') {
        while (this.i < s.length && s[this.i] !== '\n') this.i++;
      } else if (this.tryOperator()) {
        // operator pushed
      } else {
        this.readWord();
      }
    }
    if (this.pendingHeredocs.length) this.readHeredocBodies();
    this.out.push({ kind: 'eof' });
    return this.out;
  }

  private tryOperator(): boolean {
    const s = this.src;
    let fd: number | undefined;
    let j = this.i;
    // An IO number is digits glued to a redirection operator: `2>`, `2>&1`.
    while (j < s.length && s[j] >= '0' && s[j] <= '9') j++;
    if (j > this.i && (s[j] === '>' || s[j] === '<')) fd = Number(s.slice(this.i, j));
    else j = this.i;
    const op = OPERATORS.find((o) => s.startsWith(o, j));
    if (!op) return false;
    this.i = j + op.length;
    if (op === '<<' || op === '<<-') {
      const heredoc = this.readHeredocDelimiter(op === '<<-');
      this.out.push({ kind: 'op', op: '<<', fd, heredoc });
      return true;
    }
    this.out.push({ kind: 'op', op, fd });
    return true;
  }

  private readHeredocDelimiter(stripTabs: boolean): HereDoc {
    while (this.src[this.i] === ' ' || this.src[this.i] === '\t') this.i++;
    const start = this.i;
    if (this.i >= this.src.length || '\n;&|<>()'.includes(this.src[this.i])) {
      throw new ShellSyntaxError(
        `syntax error near unexpected token \`${this.src[this.i] === '\n' || this.i >= this.src.length ? 'newline' : this.src[this.i]}'`,
      );
    }
    const word = this.scanWord();
    const quoted = /['"\\]/.test(this.src.slice(start, this.i));
    const delim = word.segs.map((g) => (g.t === 'lit' ? g.v : g.t === 'var' ? `$${g.name}` : `$(${g.src})`)).join('');
    const line = this.src.slice(0, start).split('\n').length;
    const hd: HereDoc = { delim, quoted, stripTabs, body: '', unterminated: false, line };
    this.pendingHeredocs.push(hd);
    return hd;
  }

  private readHeredocBodies(): void {
    const s = this.src;
    for (const hd of this.pendingHeredocs) {
      const lines: string[] = [];
      let found = false;
      while (this.i < s.length) {
        let end = s.indexOf('\n', this.i);
        if (end < 0) end = s.length;
        let line = s.slice(this.i, end);
        this.i = Math.min(end + 1, s.length);
        if (hd.stripTabs) line = line.replace(/^\t+/, '');
        if (line === hd.delim) {
          found = true;
          break;
        }
        lines.push(line);
      }
      hd.unterminated = !found;
      hd.body = lines.length ? lines.join('\n') + '\n' : '';
    }
    this.pendingHeredocs = [];
  }

  private readWord(): void {
    this.out.push({ kind: 'word', word: this.scanWord() });
  }

  /** Scans one word starting at `this.i`, stopping at blanks or operator characters. */
  private scanWord(): Word {
    const s = this.src;
    const start = this.i;
    const segs: WordSegment[] = [];
    const lit = (v: string, q: boolean) => {
      const last = segs[segs.length - 1];
      if (last && last.t === 'lit' && last.q === q) last.v += v;
      else segs.push({ t: 'lit', v, q });
    };
    while (this.i < s.length) {
      const c = s[this.i];
      if (' \t\n;&|<>()'.includes(c)) break;
      if (c === '\\') {
        if (s[this.i + 1] === '\n') this.i += 2;
        else {
          if (this.i + 1 < s.length) lit(s[this.i + 1], true);
          this.i += 2;
        }
      } else if (c === "'") {
        const end = s.indexOf("'", this.i + 1);
        if (end < 0) throw new ShellSyntaxError("unexpected EOF while looking for matching `''");
        lit(s.slice(this.i + 1, end), true);
        this.i = end + 1;
      } else if (c === '"') {
        this.i++;
        this.scanDoubleQuoted(segs, lit);
      } else if (c === '$' || c === '`') {
        const seg = this.scanDollar(false);
        if (seg) segs.push(seg);
        else lit('$', false);
      } else {
        lit(c, false);
        this.i++;
      }
    }
    return { segs, raw: s.slice(start, this.i) };
  }

  private scanDoubleQuoted(segs: WordSegment[], lit: (v: string, q: boolean) => void): void {
    const s = this.src;
    let opened = false;
    while (this.i < s.length) {
      const c = s[this.i];
      if (c === '"') {
        this.i++;
        if (!opened) lit('', true);
        return;
      }
      opened = true;
      if (c === '\\' && '$`"\\\n'.includes(s[this.i + 1] ?? '')) {
        if (s[this.i + 1] !== '\n') lit(s[this.i + 1], true);
        this.i += 2;
      } else if (c === '$' || c === '`') {
        const seg = this.scanDollar(true);
        if (seg) segs.push(seg);
        else lit('$', true);
      } else {
        lit(c, true);
        this.i++;
      }
    }
    throw new ShellSyntaxError('unexpected EOF while looking for matching `"\'');
  }

  private scanDollar(q: boolean): WordSegment | null {
    const { seg, next } = scanDollarAt(this.src, this.i, q);
    this.i = next;
    return seg;
  }
}

/** At `$` or a backtick; `seg` is null for a lone `$` (which stays literal). */
function scanDollarAt(s: string, i: number, q: boolean): { seg: WordSegment | null; next: number } {
  if (s[i] === '`') {
    const end = s.indexOf('`', i + 1);
    if (end < 0) throw new ShellSyntaxError("unexpected EOF while looking for matching ``'");
    return { seg: { t: 'sub', src: s.slice(i + 1, end), q }, next: end + 1 };
  }
  const n = s[i + 1] ?? '';
  if (n === '(') {
    const end = findClosingParen(s, i + 2);
    if (end < 0) throw new ShellSyntaxError("unexpected EOF while looking for matching `)'");
    return { seg: { t: 'sub', src: s.slice(i + 2, end), q }, next: end + 1 };
  }
  if (n === '{') {
    const end = s.indexOf('}', i + 2);
    if (end < 0) throw new ShellSyntaxError("unexpected EOF while looking for matching `}'");
    const name = s.slice(i + 2, end);
    if (!/^([A-Za-z_][A-Za-z0-9_]*|[?#$0-9])$/.test(name)) throw new ShellSyntaxError(`\${${name}}: bad substitution`);
    return { seg: { t: 'var', name, q }, next: end + 1 };
  }
  if (n !== '' && '?#$0123456789'.includes(n)) return { seg: { t: 'var', name: n, q }, next: i + 2 };
  if (NAME_START.test(n)) {
    let j = i + 1;
    while (j < s.length && NAME_CHAR.test(s[j])) j++;
    return { seg: { t: 'var', name: s.slice(i + 1, j), q }, next: j };
  }
  return { seg: null, next: i + 1 };
}

/** Index of the `)` closing a `$(` whose content starts at `from`, honouring quotes and nesting. */
export function findClosingParen(s: string, from: number): number {
  let depth = 1;
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === "'") {
      const e = s.indexOf("'", i + 1);
      if (e < 0) return -1;
      i = e;
    } else if (c === '"') {
      for (i++; i < s.length && s[i] !== '"'; i++) if (s[i] === '\\') i++;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/**
 * Segments of an unquoted heredoc body: `$VAR`, `${VAR}`, `$(…)` and backslash escapes of
 * `$`, backtick and `\` are live; quotes are plain characters.
 */
export function heredocSegments(body: string): WordSegment[] {
  const segs: WordSegment[] = [];
  let buf = '';
  const flush = () => {
    if (buf) segs.push({ t: 'lit', v: buf, q: true });
    buf = '';
  };
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\' && '$`\\'.includes(body[i + 1] ?? '')) {
      buf += body[++i];
    } else if (c === '\\' && body[i + 1] === '\n') {
      i++;
    } else if (c === '$' || c === '`') {
      const { seg, next } = scanDollarAt(body, i, true);
      if (seg) {
        flush();
        segs.push(seg);
        i = next - 1;
      } else buf += '$';
    } else buf += c;
  }
  flush();
  return segs;
}
