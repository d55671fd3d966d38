import { badOption, joinLines, readInput, splitLines } from './textio';
import { type CommandFn, type ExecResult, ok } from './types';

/** GNU `cut` subset: `-f LIST` with `-d X` (default TAB) and `-s`, or `-c LIST`. */
export const CUT_HELP = `Usage: cut OPTION... [FILE]...
Print selected parts of lines from each FILE to standard output.

With no FILE, or when FILE is -, read standard input.

  -c, --characters=LIST   select only these characters
  -d, --delimiter=DELIM   use DELIM instead of TAB for field delimiter
  -f, --fields=LIST       select only these fields;  also print any line
                            that contains no delimiter character, unless
                            the -s option is specified
  -s, --only-delimited    do not print lines not containing delimiters
      --help              display this help and exit

Each LIST is made up of one range, or many ranges separated by commas.
  N     N'th byte, character or field, counted from 1
  N-    from N'th byte, character or field, to end of line
  N-M   from N'th to M'th (included) byte, character or field
  -M    from first to M'th (included) byte, character or field
`;

const TRY = "Try 'cut --help' for more information.\n";
const bad = (msg: string): ExecResult => ({ stdout: '', stderr: `cut: ${msg}\n${TRY}`, exitCode: 1 });

type Range = [number, number];

function parseList(list: string, what: 'fields' | 'chars'): Range[] | string {
  const out: Range[] = [];
  for (const part of list.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    const invalid = what === 'fields' ? `invalid field value '${part}'` : `invalid byte/character position '${part}'`;
    if (!m || (!m[1] && !m[3])) return part === '' || part === '-' ? 'invalid range with no endpoint: -' : invalid;
    const from = m[1] ? Number(m[1]) : 1;
    const to = m[2] ? (m[3] ? Number(m[3]) : Infinity) : from;
    if (from === 0 || to === 0) return what === 'fields' ? 'fields are numbered from 1' : 'byte/character positions are numbered from 1';
    if (to < from) return 'invalid decreasing range';
    out.push([from, to]);
  }
  return out;
}

const selected = (ranges: Range[], n: number) => ranges.some(([a, b]) => n >= a && n <= b);

export const cut: CommandFn<unknown> = ({ argv, stdin, shell }) => {
  if (argv[1] === '--help') return ok(CUT_HELP);
  let delim: string | undefined;
  let fields: string | undefined;
  let chars: string | undefined;
  let onlyDelimited = false;
  const files: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    const m = /^-([dfcb])(.*)$/.exec(a) ?? /^--(delimiter|fields|characters|bytes)=(.*)$/.exec(a);
    if (m) {
      const letter = m[1][0] === 'b' ? 'c' : m[1][0];
      let v: string | undefined = m[2];
      if (v === '' && !a.startsWith('--')) v = argv[++i];
      if (v === undefined) return bad(`option requires an argument -- '${letter}'`);
      if (letter === 'd') delim = v;
      else if (letter === 'f') fields = v;
      else chars = v;
    } else if (a === '-s' || a === '--only-delimited') onlyDelimited = true;
    else if (a.startsWith('--') && a.length > 2) return bad(`unrecognized option '${a}'`);
    else if (a.startsWith('-') && a.length > 1) return badOption('cut', a[1]);
    else files.push(a);
  }
  if (fields !== undefined && chars !== undefined) return bad('only one type of list may be specified');
  if (fields === undefined && chars === undefined) return bad('you must specify a list of bytes, characters, or fields');
  if (delim !== undefined && fields === undefined) return bad('an input delimiter may be specified only when operating on fields');
  if (delim !== undefined && [...delim].length !== 1) return bad('the delimiter must be a single character');
  const ranges = parseList((fields ?? chars)!, fields !== undefined ? 'fields' : 'chars');
  if (typeof ranges === 'string') return bad(ranges);
  const { text, err } = readInput(files, stdin, shell, 'cut');
  const d = delim ?? '\t';
  const out: string[] = [];
  for (const line of splitLines(text)) {
    if (chars !== undefined) {
      out.push([...line].filter((_c, i) => selected(ranges, i + 1)).join(''));
      continue;
    }
    if (!line.includes(d)) {
      if (!onlyDelimited) out.push(line);
      continue;
    }
    out.push(
      line
        .split(d)
        .filter((_f, i) => selected(ranges, i + 1))
        .join(d),
    );
  }
  return { stdout: joinLines(out), stderr: err, exitCode: err ? 1 : 0 };
};
