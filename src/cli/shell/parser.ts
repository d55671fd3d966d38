import type { AndOr, Assignment, Pipeline, Redirect, Script, SimpleCommand, Word } from './ast';
import { ShellSyntaxError, type Token, tokenize } from './lexer';

const ASSIGN = /^([A-Za-z_][A-Za-z0-9_]*)=/;

/** Parses a full command line into a script; throws ShellSyntaxError with bash's wording. */
export function parse(src: string): Script {
  return new Parser(tokenize(src)).script();
}

class Parser {
  private p = 0;
  constructor(private readonly toks: Token[]) {}

  private peek(): Token {
    return this.toks[this.p];
  }

  script(): Script {
    const items: AndOr[] = [];
    for (;;) {
      this.skipNewlines();
      const t = this.peek();
      if (t.kind === 'eof') break;
      if (t.kind === 'op' && (t.op === ';' || t.op === '&' || t.op === ';;')) this.unexpected(t);
      items.push(this.andOr());
      const sep = this.peek();
      if (sep.kind === 'op' && (sep.op === ';' || sep.op === '&')) this.p++;
      else if (sep.kind !== 'newline' && sep.kind !== 'eof') this.unexpected(sep);
    }
    return { type: 'script', items };
  }

  private skipNewlines(): void {
    while (this.peek().kind === 'newline') this.p++;
  }

  private andOr(): AndOr {
    const first = this.pipeline();
    const rest: AndOr['rest'] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'op' || (t.op !== '&&' && t.op !== '||')) break;
      this.p++;
      this.skipNewlines();
      rest.push({ op: t.op, pipeline: this.pipeline() });
    }
    return { type: 'andor', first, rest };
  }

  private pipeline(): Pipeline {
    let negate = false;
    const t0 = this.peek();
    if (t0.kind === 'word' && t0.word.raw === '!') {
      negate = true;
      this.p++;
    }
    const commands = [this.simple()];
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'op' || t.op !== '|') break;
      this.p++;
      this.skipNewlines();
      commands.push(this.simple());
    }
    return { type: 'pipeline', negate, commands };
  }

  private simple(): SimpleCommand {
    const cmd: SimpleCommand = { type: 'simple', assigns: [], words: [], redirects: [] };
    for (;;) {
      const t = this.peek();
      if (t.kind === 'word') {
        this.p++;
        const a = cmd.words.length === 0 ? asAssignment(t.word) : null;
        if (a) cmd.assigns.push(a);
        else cmd.words.push(t.word);
      } else if (t.kind === 'op' && isRedirectOp(t.op)) {
        this.p++;
        cmd.redirects.push(this.redirect(t));
      } else break;
    }
    if (!cmd.words.length && !cmd.assigns.length && !cmd.redirects.length) this.unexpected(this.peek());
    return cmd;
  }

  private redirect(t: Extract<Token, { kind: 'op' }>): Redirect {
    if (t.op === '<<') return { op: '<<', fd: t.fd ?? 0, heredoc: t.heredoc! };
    const target = this.peek();
    if (target.kind !== 'word') this.unexpected(target);
    this.p++;
    const word = (target as Extract<Token, { kind: 'word' }>).word;
    switch (t.op) {
      case '>':
      case '>>':
        return { op: t.op, fd: t.fd ?? 1, target: word };
      case '<':
        return { op: '<', fd: t.fd ?? 0, target: word };
      case '<<<':
        return { op: '<<<', fd: t.fd ?? 0, target: word };
      case '&>':
        return { op: '&>', fd: 1, target: word };
      default: {
        // `>&` — to a descriptor (`2>&1`) or, like bash, to a file when the target is not a number.
        if (/^\d+$/.test(word.raw)) return { op: '>&', fd: t.fd ?? 1, toFd: Number(word.raw) };
        return { op: '&>', fd: 1, target: word };
      }
    }
  }

  private unexpected(t: Token): never {
    const name = t.kind === 'eof' || t.kind === 'newline' ? 'newline' : t.kind === 'op' ? t.op : t.word.raw;
    throw new ShellSyntaxError(`syntax error near unexpected token \`${name}'`);
  }
}

function isRedirectOp(op: string): boolean {
  return op === '>' || op === '>>' || op === '<' || op === '<<' || op === '<<<' || op === '&>' || op === '>&';
}

function asAssignment(w: Word): Assignment | null {
  const first = w.segs[0];
  if (first?.t !== 'lit' || first.q) return null;
  const m = ASSIGN.exec(first.v);
  if (!m) return null;
  const rest = first.v.slice(m[0].length);
  const segs = [...(rest ? [{ ...first, v: rest }] : []), ...w.segs.slice(1)];
  return { name: m[1], value: { segs, raw: w.raw.slice(m[0].length) } };
}
