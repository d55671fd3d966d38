import { badOption } from './textio';
import { type CommandFn, ok } from './types';

/** GNU `tr` subset: translate SET1 to SET2, `-d` delete, `-s` squeeze; ranges, classes, escapes. */
export const TR_HELP = `Usage: tr [OPTION]... STRING1 [STRING2]
Translate, squeeze, and/or delete characters from standard input,
writing to standard output.

  -d, --delete            delete characters in STRING1, do not translate
  -s, --squeeze-repeats   replace each sequence of a repeated character
                            that is listed in the last specified SET,
                            with a single occurrence of that character
      --help              display this help and exit

STRINGs are specified as sequences of characters.  Interpreted sequences are:
  \\n  new line     \\t  horizontal tab     \\\\  backslash     CHAR1-CHAR2  a range
  [:alnum:] [:alpha:] [:digit:] [:lower:] [:upper:] [:space:] [:blank:] [:punct:]
`;

const CLASSES: Record<string, string> = {
  lower: 'abcdefghijklmnopqrstuvwxyz',
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  digit: '0123456789',
  space: ' \t\n\r\v\f',
  blank: ' \t',
  punct: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
};
CLASSES.alpha = CLASSES.upper + CLASSES.lower;
CLASSES.alnum = CLASSES.digit + CLASSES.alpha;

function expandSet(s: string): string[] | string {
  const out: string[] = [];
  let i = 0;
  const esc: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', v: '\v', f: '\f' };
  const next = (): string => {
    if (s[i] === '\\' && i + 1 < s.length) {
      const c = s[i + 1];
      i += 2;
      return esc[c] ?? c;
    }
    return s[i++];
  };
  while (i < s.length) {
    const cls = /^\[:([a-z]+):\]/.exec(s.slice(i));
    if (cls) {
      if (!(cls[1] in CLASSES)) return `invalid character class '${cls[1]}'`;
      out.push(...CLASSES[cls[1]]);
      i += cls[0].length;
      continue;
    }
    const c = next();
    if (s[i] === '-' && i + 1 < s.length) {
      i++;
      const end = next();
      if (end.charCodeAt(0) < c.charCodeAt(0)) return `range-endpoints of '${c}-${end}' are in reverse collating sequence order`;
      for (let k = c.charCodeAt(0); k <= end.charCodeAt(0); k++) out.push(String.fromCharCode(k));
    } else out.push(c);
  }
  return out;
}

export const tr: CommandFn<unknown> = ({ argv, stdin }) => {
  if (argv[1] === '--help') return ok(TR_HELP);
  let del = false;
  let squeeze = false;
  const sets: string[] = [];
  for (const a of argv.slice(1)) {
    if (a === '--delete') del = true;
    else if (a === '--squeeze-repeats') squeeze = true;
    else if (/^-[a-zA-Z]+$/.test(a) && sets.length === 0) {
      for (const f of a.slice(1)) {
        if (f === 'd') del = true;
        else if (f === 's') squeeze = true;
        else return badOption('tr', f);
      }
    } else sets.push(a);
  }
  const usage = "Try 'tr --help' for more information.\n";
  if (!sets.length) return { stdout: '', stderr: `tr: missing operand\n${usage}`, exitCode: 1 };
  if (!del && !squeeze && sets.length === 1)
    return { stdout: '', stderr: `tr: missing operand after '${sets[0]}'\nTwo strings must be given when translating.\n${usage}`, exitCode: 1 };
  if (sets.length > (del && !squeeze ? 1 : 2)) {
    const extra = sets[del && !squeeze ? 1 : 2];
    const hint = del && !squeeze ? 'Only one string may be given when deleting without squeezing repeats.\n' : '';
    return { stdout: '', stderr: `tr: extra operand '${extra}'\n${hint}${usage}`, exitCode: 1 };
  }
  const s1 = expandSet(sets[0]);
  const s2 = sets[1] !== undefined ? expandSet(sets[1]) : [];
  if (typeof s1 === 'string') return { stdout: '', stderr: `tr: ${s1}\n`, exitCode: 1 };
  if (typeof s2 === 'string') return { stdout: '', stderr: `tr: ${s2}\n`, exitCode: 1 };
  let chars = [...stdin];
  if (del) {
    const d = new Set(s1);
    chars = chars.filter((c) => !d.has(c));
  } else if (s2.length) {
    const map = new Map<string, string>();
    for (const [k, c] of s1.entries()) map.set(c, s2[Math.min(k, s2.length - 1)]);
    chars = chars.map((c) => map.get(c) ?? c);
  }
  if (squeeze) {
    const sq = new Set(del || !s2.length ? (del ? s2 : s1) : s2);
    chars = chars.filter((c, k) => !(k > 0 && sq.has(c) && chars[k - 1] === c));
  }
  return ok(chars.join(''));
};
