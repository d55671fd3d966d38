import { type CommandFn, type ExecResult, fail, ok, resolvePath, type ShellState } from './types';

/**
 * Escape sequence written by `clear`: cursor home, erase screen, erase scrollback — what
 * `clear` prints under TERM=xterm-256color. xterm.js understands all three, so the terminal
 * needs no special case.
 */
export const CLEAR_SCREEN = '\x1b[H\x1b[2J\x1b[3J';

/** bash's echo: `-n`, `-e`, `-E` flags only when they come first; everything else is printed. */
const echo: CommandFn<unknown> = ({ argv }) => {
  let i = 1;
  let newline = true;
  let escapes = false;
  for (; i < argv.length && /^-[neE]+$/.test(argv[i]); i++) {
    for (const f of argv[i].slice(1)) {
      if (f === 'n') newline = false;
      else if (f === 'e') escapes = true;
      else escapes = false;
    }
  }
  let text = argv.slice(i).join(' ');
  if (escapes) text = interpretEscapes(text);
  return ok(text + (newline ? '\n' : ''));
};

function interpretEscapes(s: string): string {
  const map: Record<string, string> = { n: '\n', t: '\t', '\\': '\\', a: '\x07', b: '\b', r: '\r', e: '\x1b', v: '\v', f: '\f' };
  return s.replace(/\\(0[0-7]{0,3}|[ntabr\\evf])/g, (_m, c: string) => (c[0] === '0' ? String.fromCharCode(parseInt(c, 8) || 0) : map[c]));
}

const clear: CommandFn<unknown> = ({ argv }) => {
  if (argv.includes('--help') || argv.includes('-h')) {
    return ok(
      'Usage: clear [options]\n\nOptions:\n  -T TERM     use this instead of $TERM\n  -V          print curses-version\n  -x          do not try to clear scrollback\n',
    );
  }
  return ok(argv.includes('-x') ? '\x1b[H\x1b[2J' : CLEAR_SCREEN);
};

/** `cat` reads the in-memory files (there is no disk) or stdin. */
const cat: CommandFn<unknown> = ({ argv, stdin, shell }) => {
  if (argv.includes('--help'))
    return ok('Usage: cat [OPTION]... [FILE]...\nConcatenate FILE(s) to standard output.\n\nWith no FILE, or when FILE is -, read standard input.\n');
  if (argv.length === 1) return ok(stdin);
  let out = '';
  let err = '';
  for (const a of argv.slice(1)) {
    if (a === '-') {
      out += stdin;
      continue;
    }
    const content = shell.files.get(resolvePath(shell, a));
    if (content === undefined) err += `cat: ${a}: No such file or directory\n`;
    else out += content;
  }
  return { stdout: out, stderr: err, exitCode: err ? 1 : 0 };
};

/** Directories that exist: the home tree, plus every parent of a file and every `mkdir`. */
function isDir(shell: ShellState, path: string): boolean {
  if (['/', '/home', '/home/azureuser', '/tmp'].includes(path) || shell.dirs.has(path)) return true;
  return [...shell.files.keys()].some((f) => f.startsWith(path + '/'));
}

const ls: CommandFn<unknown> = ({ argv, shell }) => {
  const dir = resolvePath(shell, argv.slice(1).find((a) => !a.startsWith('-')) ?? '.');
  const prefix = dir === '/' ? '/' : dir + '/';
  const names = new Set<string>();
  for (const f of [...shell.files.keys(), ...shell.dirs]) if (f.startsWith(prefix)) names.add(f.slice(prefix.length).split('/')[0]);
  const sorted = [...names].sort();
  return ok(sorted.length ? sorted.join('  ') + '\n' : '');
};

const cd: CommandFn<unknown> = ({ argv, shell }) => {
  const target = argv[1] === undefined ? '~' : argv[1] === '-' ? (shell.vars.get('OLDPWD') ?? '~') : argv[1];
  const path = resolvePath(shell, target);
  if (shell.files.has(path)) return fail(`bash: cd: ${argv[1]}: Not a directory\n`);
  if (!isDir(shell, path)) return fail(`bash: cd: ${argv[1]}: No such file or directory\n`);
  shell.vars.set('OLDPWD', shell.vars.get('PWD') ?? '/home/azureuser');
  shell.vars.set('PWD', path);
  return ok(argv[1] === '-' ? path + '\n' : '');
};

const mkdir: CommandFn<unknown> = ({ argv, shell }) => {
  for (const a of argv.slice(1).filter((x) => !x.startsWith('-'))) shell.dirs.add(resolvePath(shell, a));
  return ok();
};

const rm: CommandFn<unknown> = ({ argv, shell }) => {
  let err = '';
  const force = argv.some((a) => /^-[a-zA-Z]*f/.test(a));
  for (const a of argv.slice(1).filter((x) => !x.startsWith('-'))) {
    if (!shell.files.delete(resolvePath(shell, a)) && !force) err += `rm: cannot remove '${a}': No such file or directory\n`;
  }
  return { stdout: '', stderr: err, exitCode: err ? 1 : 0 };
};

const exportCmd: CommandFn<unknown> = ({ argv, shell }) => {
  for (const a of argv.slice(1)) {
    const eq = a.indexOf('=');
    if (eq > 0) shell.vars.set(a.slice(0, eq), a.slice(eq + 1));
  }
  return ok();
};

const unset: CommandFn<unknown> = ({ argv, shell }) => {
  for (const a of argv.slice(1)) shell.vars.delete(a);
  return ok();
};

const alias: CommandFn<unknown> = ({ argv, shell }) => {
  if (argv.length === 1) return ok([...shell.aliases].map(([k, v]) => `alias ${k}='${v}'\n`).join(''));
  let err = '';
  let out = '';
  for (const a of argv.slice(1)) {
    const eq = a.indexOf('=');
    if (eq > 0) shell.aliases.set(a.slice(0, eq), a.slice(eq + 1));
    else if (shell.aliases.has(a)) out += `alias ${a}='${shell.aliases.get(a)}'\n`;
    else err += `bash: alias: ${a}: not found\n`;
  }
  return { stdout: out, stderr: err, exitCode: err ? 1 : 0 };
};

const unalias: CommandFn<unknown> = ({ argv, shell }) => {
  let err = '';
  for (const a of argv.slice(1)) if (!shell.aliases.delete(a)) err += `bash: unalias: ${a}: not found\n`;
  return { stdout: '', stderr: err, exitCode: err ? 1 : 0 };
};

/** bash printf: the format is reused until the arguments run out; %s %d %i %% and backslash escapes. */
const printf: CommandFn<unknown> = ({ argv }) => {
  const fmt = argv[1];
  if (fmt === undefined) return fail('printf: usage: printf [-v var] format [arguments]\n', 2);
  const args = argv.slice(2);
  let out = '';
  let i = 0;
  do {
    const before = i;
    out += interpretEscapes(fmt).replace(/%([%sdi])/g, (_m, c: string) => {
      if (c === '%') return '%';
      const v = args[i++] ?? '';
      return c === 's' ? v : String(parseInt(v, 10) || 0);
    });
    // A format without conversions consumes nothing: bash prints it once and ignores the rest.
    if (i === before) break;
  } while (i < args.length);
  return ok(out);
};

const history: CommandFn<unknown> = ({ shell }) => ok(shell.history.map((l, i) => `${String(i + 1).padStart(5)}  ${l}\n`).join(''));

const pwd: CommandFn<unknown> = ({ shell }) => ok((shell.vars.get('PWD') ?? '/home/azureuser') + '\n');

const trueCmd: CommandFn<unknown> = () => ok();
const falseCmd: CommandFn<unknown> = (): ExecResult => fail('', 1);

/** Builtins that need nothing but the shell itself. `help` is added by the CLI, which knows every command. */
export const SHELL_BUILTINS: ReadonlyMap<string, CommandFn<unknown>> = new Map([
  ['echo', echo],
  ['printf', printf],
  ['alias', alias],
  ['unalias', unalias],
  ['clear', clear],
  ['cat', cat],
  ['ls', ls],
  ['cd', cd],
  ['mkdir', mkdir],
  ['rm', rm],
  ['export', exportCmd],
  ['unset', unset],
  ['history', history],
  ['pwd', pwd],
  ['true', trueCmd],
  ['false', falseCmd],
]);
