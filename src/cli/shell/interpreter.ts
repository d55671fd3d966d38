import type { AndOr, Pipeline, Redirect, Script, SimpleCommand, Word, WordSegment } from './ast';
import { heredocSegments, ShellSyntaxError } from './lexer';
import { parse } from './parser';
import { type CommandFn, type ExecResult, resolvePath, type ShellState } from './types';

export interface ShellOptions<C> {
  commands: ReadonlyMap<string, CommandFn<C>>;
  ctx: C;
  shell: ShellState;
}

/** Runs one command line as bash would, with the given command table. */
export async function runShell<C>(opts: ShellOptions<C>, line: string, stdin = ''): Promise<ExecResult> {
  let script: Script;
  try {
    script = parse(line);
  } catch (e) {
    if (e instanceof ShellSyntaxError) {
      opts.shell.lastExit = 2;
      return { stdout: '', stderr: `bash: ${e.message}\n`, exitCode: 2 };
    }
    throw e;
  }
  try {
    return await new Interpreter(opts).script(script, stdin);
  } catch (e) {
    // Expansion finds syntax errors too (a heredoc body with an unmatched backtick): bash reports
    // them as `bash: …` and carries on; it never takes the terminal down.
    if (e instanceof ShellSyntaxError) {
      opts.shell.lastExit = 2;
      return { stdout: '', stderr: `bash: ${e.message}\n`, exitCode: 2 };
    }
    throw e;
  }
}

/** A command that throws must not take the terminal down: report it like a crashed program. */
async function callCommand<C>(fn: CommandFn<C>, inv: Parameters<CommandFn<C>>[0], name: string): Promise<ExecResult> {
  try {
    return await fn(inv);
  } catch (e) {
    return { stdout: '', stderr: `${name}: ${e instanceof Error ? e.message : String(e)}\n`, exitCode: 1 };
  }
}

type Sink = { kind: 'out' } | { kind: 'err' } | { kind: 'null' } | { kind: 'file'; path: string };

class Interpreter<C> {
  private stdout = '';
  private stderr = '';

  constructor(private readonly o: ShellOptions<C>) {}

  async script(s: Script, stdin: string): Promise<ExecResult> {
    for (const item of s.items) await this.andOr(item, stdin);
    return { stdout: this.stdout, stderr: this.stderr, exitCode: this.o.shell.lastExit };
  }

  private async andOr(a: AndOr, stdin: string): Promise<void> {
    let code = await this.pipeline(a.first, stdin);
    for (const { op, pipeline } of a.rest) {
      if ((op === '&&' && code !== 0) || (op === '||' && code === 0)) continue;
      code = await this.pipeline(pipeline, stdin);
    }
  }

  private async pipeline(p: Pipeline, stdin: string): Promise<number> {
    let input: string | null = p.commands.length > 1 || stdin ? stdin : null;
    let code = 0;
    for (let i = 0; i < p.commands.length; i++) {
      const last = i === p.commands.length - 1;
      const r = await this.simple(p.commands[i], input);
      this.stderr += r.stderr;
      if (last) this.stdout += r.stdout;
      else input = r.stdout;
      code = r.exitCode;
    }
    if (p.negate) code = code === 0 ? 1 : 0;
    this.o.shell.lastExit = code;
    return code;
  }

  private async simple(cmd: SimpleCommand, pipedIn: string | null): Promise<ExecResult> {
    const shell = this.o.shell;
    const argv: string[] = [];
    for (const w of cmd.words) argv.push(...(await this.expandWord(w)));
    const alias = argv.length ? shell.aliases.get(argv[0]) : undefined;
    if (alias !== undefined) argv.splice(0, 1, ...alias.split(/\s+/).filter(Boolean));
    const assigned: [string, string][] = [];
    for (const a of cmd.assigns) assigned.push([a.name, (await this.expandWord(a.value, false)).join('')]);

    let stdin = pipedIn ?? '';
    let stdinProvided = pipedIn !== null;
    const sinks: Record<number, Sink> = { 1: { kind: 'out' }, 2: { kind: 'err' } };
    for (const r of cmd.redirects) {
      const res = await this.applyRedirect(r, sinks);
      if (typeof res === 'string') {
        stdin = res;
        stdinProvided = true;
      } else if (res) return { stdout: '', stderr: res.error, exitCode: 1 };
    }

    let result: ExecResult;
    if (argv.length === 0) {
      for (const [k, v] of assigned) shell.vars.set(k, v);
      result = { stdout: '', stderr: '', exitCode: 0 };
    } else {
      const fn = this.o.commands.get(argv[0]);
      if (!fn) {
        result = { stdout: '', stderr: `bash: ${argv[0]}: command not found\n`, exitCode: 127 };
      } else {
        // Prefix assignments (`FOO=1 cmd`) only live for that command.
        const saved = assigned.map(([k]) => [k, shell.vars.get(k)] as const);
        for (const [k, v] of assigned) shell.vars.set(k, v);
        try {
          result = await callCommand(
            fn,
            {
              argv,
              stdin,
              stdinProvided,
              shell,
              ctx: this.o.ctx,
              run: (line, input) => runShell(this.o, line, input),
            },
            argv[0],
          );
        } finally {
          for (const [k, v] of saved) {
            if (v === undefined) shell.vars.delete(k);
            else shell.vars.set(k, v);
          }
        }
      }
    }
    return this.route(result, sinks);
  }

  /** Returns new stdin text, an error, or undefined when only output routing changed. */
  private async applyRedirect(r: Redirect, sinks: Record<number, Sink>): Promise<string | { error: string } | undefined> {
    const files = this.o.shell.files;
    switch (r.op) {
      case '<<': {
        const hd = r.heredoc;
        const body = hd.quoted ? hd.body : (await this.expandSegs(heredocSegments(hd.body), false)).join('');
        if (hd.unterminated) {
          this.stderr += `bash: warning: here-document at line ${hd.line} delimited by end-of-file (wanted \`${hd.delim}')\n`;
        }
        return body;
      }
      case '<<<':
        return (await this.expandWord(r.target, false)).join('') + '\n';
      case '<': {
        const name = (await this.expandWord(r.target, false)).join('');
        const content = name === '/dev/null' ? '' : files.get(resolvePath(this.o.shell, name));
        if (content === undefined) return { error: `bash: ${name}: No such file or directory\n` };
        return content;
      }
      case '>&':
        sinks[r.fd] = { ...sinks[r.toFd] };
        return undefined;
      default: {
        const name = (await this.expandWord(r.target, false)).join('');
        const sink: Sink = name === '/dev/null' ? { kind: 'null' } : { kind: 'file', path: resolvePath(this.o.shell, name) };
        if (sink.kind === 'file' && (r.op === '>' || r.op === '&>' || !files.has(sink.path))) files.set(sink.path, '');
        if (r.op === '&>') {
          sinks[1] = sink;
          sinks[2] = { ...sink };
        } else sinks[r.fd] = sink;
        return undefined;
      }
    }
  }

  private route(r: ExecResult, sinks: Record<number, Sink>): ExecResult {
    const out = { stdout: '', stderr: '', exitCode: r.exitCode };
    const send = (text: string, sink: Sink | undefined) => {
      if (!text || !sink) return;
      if (sink.kind === 'out') out.stdout += text;
      else if (sink.kind === 'err') out.stderr += text;
      else if (sink.kind === 'file') this.o.shell.files.set(sink.path, (this.o.shell.files.get(sink.path) ?? '') + text);
    };
    send(r.stdout, sinks[1]);
    send(r.stderr, sinks[2]);
    return out;
  }

  /** Expands a word to fields; with `split` false (assignments, redirect targets) it yields one string. */
  private async expandWord(w: Word, split = true): Promise<string[]> {
    return this.expandSegs(w.segs, split);
  }

  private async expandSegs(segs: WordSegment[], split = true): Promise<string[]> {
    const fields: string[] = [];
    let cur: string | null = null;
    for (let i = 0; i < segs.length; i++) {
      const seg = segs[i];
      let text: string;
      if (seg.t === 'lit') {
        // Tilde expansion: an unquoted `~` starting the word, alone or before `/`.
        const tilde =
          i === 0 && !seg.q && /^~(\/|$)/.test(seg.v) && (seg.v.length > 1 || segs.length === 1 || segs[1].t !== 'lit' || segs[1].v.startsWith('/'));
        cur = (cur ?? '') + (tilde ? (this.o.shell.vars.get('HOME') ?? '/home/azureuser') + seg.v.slice(1) : seg.v);
        continue;
      }
      text = seg.t === 'var' ? this.variable(seg.name) : await this.substitute(seg.src);
      if (seg.q || !split) {
        cur = (cur ?? '') + text;
        continue;
      }
      const parts = text.split(/[ \t\n]+/);
      for (let i = 0; i < parts.length; i++) {
        if (i > 0) {
          if (cur !== null) fields.push(cur);
          cur = null;
        }
        if (parts[i]) cur = (cur ?? '') + parts[i];
      }
    }
    if (cur !== null) fields.push(cur);
    return split ? fields : [fields.join('')];
  }

  private variable(name: string): string {
    const shell = this.o.shell;
    if (name === '?') return String(shell.lastExit);
    if (name === '$') return '4242';
    if (name === '#') return '0';
    if (name === '0') return 'bash';
    return shell.vars.get(name) ?? '';
  }

  private async substitute(src: string): Promise<string> {
    const r = await runShell(this.o, src);
    this.stderr += r.stderr;
    return r.stdout.replace(/\n+$/, '');
  }
}
