import { readInput, splitLines } from './textio';
import { type CommandFn, type ExecResult, ok } from './types';

/**
 * Small GNU coreutils/grep subset for pipelines (`kubectl get svc -A | grep web`). They read
 * stdin or the in-memory files; options are the everyday ones only.
 */

const input = readInput;

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
  const flags = argv
    .slice(1)
    .filter((a) => a.startsWith('-'))
    .join('');
  const { text, err } = input(
    argv.slice(1).filter((a) => !a.startsWith('-')),
    stdin,
    shell,
    'wc',
  );
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

/** `sort -k N[,M]` key: fields split on blanks (or `-t`), leading blanks ignored as with `-b`. */
function sortKey(line: string, k: { from: number; to?: number } | undefined, sep: string | undefined): string {
  if (!k) return line;
  const fields = sep === undefined ? line.trim().split(/[ \t]+/) : line.split(sep);
  const to = k.to ?? fields.length;
  return fields.slice(k.from - 1, to).join(sep ?? ' ');
}

const sort: CommandFn<unknown> = ({ argv, stdin, shell }) => {
  let numeric = false;
  let reverse = false;
  let unique = false;
  let key: { from: number; to?: number } | undefined;
  let sep: string | undefined;
  const files: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    // `-k 2`, `-k2`, `-nk2`, `--key=2` (and the same for `-t`): flags first, then the value.
    const opt =
      /^-([nrub]*)([kt])(.*)$/.exec(a) ??
      (/^--(key|field-separator)=(.*)$/.test(a) ? ['', '', a[2] === 'k' ? 'k' : 't', a.slice(a.indexOf('=') + 1) || '\0'] : null);
    if (opt) {
      let v: string | undefined = opt[3] === '\0' ? '' : opt[3];
      if (v === '') v = argv[++i];
      if (v === undefined)
        return { stdout: '', stderr: `sort: option requires an argument -- '${opt[2]}'\nTry 'sort --help' for more information.\n`, exitCode: 2 };
      if (opt[1].includes('n')) numeric = true;
      if (opt[1].includes('r')) reverse = true;
      if (opt[1].includes('u')) unique = true;
      if (opt[2] === 'k') {
        const m = /^(\d+)(?:\.\d+)?([bnr]*)(?:,(\d+)(?:\.\d+)?([bnr]*))?$/.exec(v);
        if (!m || m[1] === '0') return { stdout: '', stderr: `sort: invalid number at field start: invalid count at start of '${v}'\n`, exitCode: 2 };
        key = { from: Number(m[1]), to: m[3] ? Number(m[3]) : undefined };
        const mods = (m[2] ?? '') + (m[4] ?? '');
        if (mods.includes('n')) numeric = true;
        if (mods.includes('r')) reverse = true;
      } else {
        sep = v === '\\t' ? '\t' : v;
        if (sep.length !== 1) return { stdout: '', stderr: sep ? `sort: multi-character tab '${sep}'\n` : 'sort: empty tab\n', exitCode: 2 };
      }
      continue;
    }
    if (/^-[nrub]+$/.test(a)) {
      if (a.includes('n')) numeric = true;
      if (a.includes('r')) reverse = true;
      if (a.includes('u')) unique = true;
    } else if (a === '--numeric-sort') numeric = true;
    else if (a === '--reverse') reverse = true;
    else if (a === '--unique') unique = true;
    else if (a.startsWith('-') && a.length > 1) {
      const bad = a.startsWith('--') ? a : a[1 + [...a.slice(1)].findIndex((c) => !'nrub'.includes(c))];
      return a.startsWith('--')
        ? { stdout: '', stderr: `sort: unrecognized option '${a}'\nTry 'sort --help' for more information.\n`, exitCode: 2 }
        : { stdout: '', stderr: `sort: invalid option -- '${bad}'\nTry 'sort --help' for more information.\n`, exitCode: 2 };
    } else files.push(a);
  }
  const { text, err } = input(files, stdin, shell, 'sort');
  const num = (s: string) => {
    const m = /^\s*-?\d*\.?\d+/.exec(s);
    return m ? parseFloat(m[0]) : 0;
  };
  const cmpKey = (a: string, b: string) => {
    const ka = sortKey(a, key, sep);
    const kb = sortKey(b, key, sep);
    if (numeric) return num(ka) - num(kb);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  };
  const ls = splitLines(text).sort((a, b) => {
    const c = cmpKey(a, b) || (unique ? 0 : a < b ? -1 : a > b ? 1 : 0);
    return reverse ? -c : c;
  });
  const out = unique ? ls.filter((x, i) => i === 0 || cmpKey(ls[i - 1], x) !== 0) : ls;
  return { stdout: out.map((l) => l + '\n').join(''), stderr: err, exitCode: err ? 2 : 0 };
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
      return {
        stdout: '',
        stderr: `grep: invalid option -- '${a[1]}'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n`,
        exitCode: 2,
      };
    } else if (pattern === undefined) pattern = a;
    else files.push(a);
  }
  if (pattern === undefined)
    return { stdout: '', stderr: "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", exitCode: 2 };
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
  sort: 'Usage: sort [OPTION]... [FILE]...\nWrite sorted concatenation of all FILE(s) to standard output.\n\n  -k, --key=KEYDEF          sort via a key; KEYDEF gives location and type (F[,F][n][r])\n  -n, --numeric-sort        compare according to string numerical value\n  -r, --reverse             reverse the result of comparisons\n  -t, --field-separator=SEP use SEP instead of non-blank to blank transition\n  -u, --unique              output only the first of an equal run\n\nThis lab compares bytes (LC_ALL=C) and ignores leading blanks in keys (as with -b).\n',
};

const withHelp =
  (name: string, fn: CommandFn<unknown>): CommandFn<unknown> =>
  (inv) =>
    inv.argv[1] === '--help' ? ok(USAGE[name]) : fn(inv);

export const TEXT_UTILS: ReadonlyMap<string, CommandFn<unknown>> = new Map(
  Object.entries({ grep, head, tail, wc, sort }).map(([name, fn]) => [name, withHelp(name, fn)]),
);
