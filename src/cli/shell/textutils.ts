import { resolvePath, ok, type CommandFn, type ExecResult, type ShellState } from './types';

/**
 * Small GNU coreutils/grep subset for pipelines (`kubectl get svc -A | grep web`). They read
 * stdin or the in-memory files; options are the everyday ones only.
 */

function input(args: string[], stdin: string, shell: ShellState, tool: string): { text: string; err: string } {
  if (!args.length) return { text: stdin, err: '' };
  let text = '';
  let err = '';
  for (const f of args) {
    if (f === '-') text += stdin;
    else {
      const c = shell.files.get(resolvePath(shell, f));
      if (c === undefined) err += `${tool}: ${f}: No such file or directory\n`;
      else text += c;
    }
  }
  return { text, err };
}

const splitLines = (t: string) => (t === '' ? [] : t.replace(/\n$/, '').split('\n'));

function countArg(argv: string[], def: number): { n: number; rest: string[] } {
  let n = def;
  const rest: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-n' && i + 1 < argv.length) n = Number(argv[++i]);
    else if (/^-n\d+$/.test(a)) n = Number(a.slice(2));
    else if (/^-\d+$/.test(a)) n = Number(a.slice(1));
    else if (a.startsWith('--lines=')) n = Number(a.slice(8));
    else rest.push(a);
  }
  return { n, rest };
}

const head: CommandFn<unknown> = ({ argv, stdin, shell }) => {
  const { n, rest } = countArg(argv, 10);
  const { text, err } = input(rest, stdin, shell, 'head');
  const ls = splitLines(text).slice(0, n);
  return { stdout: ls.map((l) => l + '\n').join(''), stderr: err, exitCode: err ? 1 : 0 };
};

const tail: CommandFn<unknown> = ({ argv, stdin, shell }) => {
  const { n, rest } = countArg(argv, 10);
  const { text, err } = input(rest, stdin, shell, 'tail');
  const all = splitLines(text);
  const ls = n === 0 ? [] : all.slice(-n);
  return { stdout: ls.map((l) => l + '\n').join(''), stderr: err, exitCode: err ? 1 : 0 };
};

const wc: CommandFn<unknown> = ({ argv, stdin, shell }) => {
  const flags = argv.slice(1).filter((a) => a.startsWith('-')).join('');
  const { text, err } = input(argv.slice(1).filter((a) => !a.startsWith('-')), stdin, shell, 'wc');
  const l = (text.match(/\n/g) ?? []).length;
  const w = text.split(/\s+/).filter(Boolean).length;
  const c = new TextEncoder().encode(text).length;
  const parts: number[] = [];
  if (!flags || flags.includes('l')) parts.push(l);
  if (!flags || flags.includes('w')) parts.push(w);
  if (!flags || flags.includes('c')) parts.push(c);
  const out = parts.length === 1 ? String(parts[0]) : parts.map((p) => String(p).padStart(7)).join(' ');
  return { stdout: out + '\n', stderr: err, exitCode: err ? 1 : 0 };
};

const sort: CommandFn<unknown> = ({ argv, stdin, shell }) => {
  const opts = argv.slice(1).filter((a) => a.startsWith('-')).join('');
  const { text, err } = input(argv.slice(1).filter((a) => !a.startsWith('-')), stdin, shell, 'sort');
  let ls = splitLines(text);
  ls = opts.includes('n') ? ls.sort((a, b) => parseFloat(a) - parseFloat(b)) : ls.sort();
  if (opts.includes('r')) ls.reverse();
  if (opts.includes('u')) ls = ls.filter((x, i) => ls.indexOf(x) === i);
  return { stdout: ls.map((l) => l + '\n').join(''), stderr: err, exitCode: err ? 1 : 0 };
};

const grep: CommandFn<unknown> = ({ argv, stdin, shell }): ExecResult => {
  let ignoreCase = false;
  let invert = false;
  let count = false;
  let number = false;
  let word = false;
  let fixed = false;
  let onlyMatching = false;
  let pattern: string | undefined;
  const files: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-e' && i + 1 < argv.length) pattern = argv[++i];
    else if (/^-[ivcnwEFo]+$/.test(a)) {
      for (const f of a.slice(1)) {
        if (f === 'i') ignoreCase = true;
        else if (f === 'v') invert = true;
        else if (f === 'c') count = true;
        else if (f === 'n') number = true;
        else if (f === 'w') word = true;
        else if (f === 'F') fixed = true;
        else if (f === 'o') onlyMatching = true;
      }
    } else if (a.startsWith('-') && a.length > 1 && pattern === undefined && !/^-[ivcnwEFo]+$/.test(a)) {
      return { stdout: '', stderr: `grep: invalid option -- '${a[1]}'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n`, exitCode: 2 };
    } else if (pattern === undefined) pattern = a;
    else files.push(a);
  }
  if (pattern === undefined) return { stdout: '', stderr: "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", exitCode: 2 };
  let src = fixed ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : pattern.replace(/\\\|/g, '|').replace(/\\([(){}+?])/g, '$1');
  if (word) src = `\\b(?:${src})\\b`;
  let re: RegExp;
  try {
    re = new RegExp(src, ignoreCase ? 'gi' : 'g');
  } catch {
    return { stdout: '', stderr: 'grep: Unmatched ( or \\(\n', exitCode: 2 };
  }
  const { text, err } = input(files, stdin, shell, 'grep');
  const out: string[] = [];
  let matched = 0;
  splitLines(text).forEach((line, i) => {
    re.lastIndex = 0;
    const hit = re.test(line);
    if (hit === invert) return;
    matched++;
    if (onlyMatching && !invert) {
      for (const m of line.match(re) ?? []) out.push(m);
    } else out.push(number ? `${i + 1}:${line}` : line);
  });
  const stdout = count ? `${matched}\n` : out.map((l) => l + '\n').join('');
  return { stdout, stderr: err, exitCode: err ? 2 : matched ? 0 : 1 };
};

const USAGE: Record<string, string> = {
  grep: 'Usage: grep [OPTION]... PATTERNS [FILE]...\nSearch for PATTERNS in each FILE.\nOptions here: -i -v -c -n -w -E -F -o -e PATTERN\n',
  head: 'Usage: head [OPTION]... [FILE]...\nPrint the first 10 lines of each FILE to standard output.\n  -n, --lines=[-]NUM       print the first NUM lines instead of the first 10\n',
  tail: 'Usage: tail [OPTION]... [FILE]...\nPrint the last 10 lines of each FILE to standard output.\n  -n, --lines=[+]NUM       output the last NUM lines, instead of the last 10\n',
  wc: 'Usage: wc [OPTION]... [FILE]...\nPrint newline, word, and byte counts for each FILE.\n  -c  -l  -w\n',
  sort: 'Usage: sort [OPTION]... [FILE]...\nWrite sorted concatenation of all FILE(s) to standard output.\n  -n  -r  -u\n',
};

const withHelp = (name: string, fn: CommandFn<unknown>): CommandFn<unknown> => (inv) => (inv.argv[1] === '--help' ? ok(USAGE[name]) : fn(inv));

export const TEXT_UTILS: ReadonlyMap<string, CommandFn<unknown>> = new Map(
  Object.entries({ grep, head, tail, wc, sort }).map(([name, fn]) => [name, withHelp(name, fn)]),
);
