import { badOption, joinLines, readInput, splitLines } from './textio';
import { type CommandFn, ok } from './types';

/** GNU `uniq` subset: adjacent duplicates only (pipe through `sort` first), `-c -d -u -i`. */
export const UNIQ_HELP = `Usage: uniq [OPTION]... [INPUT [OUTPUT]]
Filter adjacent matching lines from INPUT (or standard input),
writing to OUTPUT (or standard output).

  -c, --count           prefix lines by the number of occurrences
  -d, --repeated        only print duplicate lines, one for each group
  -i, --ignore-case     ignore differences in case when comparing
  -u, --unique          only print unique lines
      --help            display this help and exit

Note: 'uniq' does not detect repeated lines unless they are adjacent.
You may want to sort the input first, or use 'sort -u' without 'uniq'.
`;

export const uniq: CommandFn<unknown> = ({ argv, stdin, shell }) => {
  if (argv[1] === '--help') return ok(UNIQ_HELP);
  let count = false;
  let repeated = false;
  let unique = false;
  let icase = false;
  const files: string[] = [];
  for (const a of argv.slice(1)) {
    const long: Record<string, string> = { '--count': 'c', '--repeated': 'd', '--unique': 'u', '--ignore-case': 'i' };
    const flags = long[a] ?? (/^-[a-zA-Z]+$/.test(a) ? a.slice(1) : undefined);
    if (flags !== undefined) {
      for (const f of flags) {
        if (f === 'c') count = true;
        else if (f === 'd') repeated = true;
        else if (f === 'u') unique = true;
        else if (f === 'i') icase = true;
        else return badOption('uniq', f);
      }
    } else if (a.startsWith('--')) return { stdout: '', stderr: `uniq: unrecognized option '${a}'\nTry 'uniq --help' for more information.\n`, exitCode: 1 };
    else files.push(a);
  }
  if (files.length > 1) return { stdout: '', stderr: `uniq: writing to OUTPUT is not supported in this lab ('${files[1]}')\n`, exitCode: 1 };
  const { text, err } = readInput(files, stdin, shell, 'uniq');
  const groups: { line: string; n: number }[] = [];
  const same = (a: string, b: string) => (icase ? a.toLowerCase() === b.toLowerCase() : a === b);
  for (const line of splitLines(text)) {
    const last = groups[groups.length - 1];
    if (last && same(last.line, line)) last.n++;
    else groups.push({ line, n: 1 });
  }
  const kept = groups.filter((g) => (!repeated || g.n > 1) && (!unique || g.n === 1));
  return { stdout: joinLines(kept.map((g) => (count ? `${String(g.n).padStart(7)} ${g.line}` : g.line))), stderr: err, exitCode: err ? 1 : 0 };
};
