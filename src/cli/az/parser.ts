/**
 * The slice of Python argparse behaviour `az` shows users: long/short options, required
 * arguments, `--flag` booleans, multi-value options (`--tags a=b c=d`), and argparse's error
 * texts (`the following arguments are required: …`, `unrecognized arguments: …`,
 * `argument --name/-n: expected one argument`).
 */

export interface AzArg {
  /** Destination key in the parsed result. */
  dest: string;
  /** Option strings in declaration order: `['--resource-group', '-g']`. */
  options: string[];
  required?: boolean;
  /** `flag` = store_true; `multi` = nargs '+'. */
  kind?: 'value' | 'flag' | 'multi' | 'bool';
  help?: string;
  choices?: string[];
  default?: string;
  /** Not required when this other argument is given (`--ids` replaces `-g`/`-n`). */
  unlessGiven?: string;
}

export class AzUsageError extends Error {
  constructor(
    message: string,
    readonly recommendation?: string,
  ) {
    super(message);
  }
}

export type AzParsed = Record<string, string | string[] | boolean | undefined>;

const optName = (a: AzArg) => a.options.join('/');

export function parseAzArgs(argv: string[], specs: AzArg[], prog: string): AzParsed {
  const out: AzParsed = {};
  const byOpt = new Map<string, AzArg>();
  for (const s of specs) for (const o of s.options) byOpt.set(o, s);
  const unrecognized: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let inline: string | undefined;
    if (a.startsWith('--') && a.includes('=')) {
      inline = a.slice(a.indexOf('=') + 1);
      a = a.slice(0, a.indexOf('='));
    }
    const spec = a.startsWith('-') ? byOpt.get(a) : undefined;
    if (!spec) {
      unrecognized.push(argv[i]);
      continue;
    }
    const kind = spec.kind ?? 'value';
    if (kind === 'flag') {
      out[spec.dest] = true;
      continue;
    }
    const values: string[] = [];
    if (inline !== undefined) values.push(inline);
    else {
      while (i + 1 < argv.length && !isOption(argv[i + 1])) {
        values.push(argv[++i]);
        if (kind !== 'multi') break;
      }
    }
    if (!values.length) {
      if (kind === 'bool') {
        out[spec.dest] = true;
        continue;
      }
      throw new AzUsageError(`argument ${optName(spec)}: expected ${kind === 'multi' ? 'at least one argument' : 'one argument'}`);
    }
    if (spec.choices) {
      const v = values[0];
      const match = spec.choices.find((c) => c.toLowerCase() === v.toLowerCase());
      if (!match) {
        const close = closeMatches(v, spec.choices);
        throw new AzUsageError(`${prog}: '${v}' is not a valid value for '${spec.options[0]}'.`, close.length ? `Did you mean '${close[0]}' ?` : undefined);
      }
      values[0] = match;
    }
    out[spec.dest] =
      kind === 'multi' ? [...((out[spec.dest] as string[] | undefined) ?? []), ...values] : kind === 'bool' ? /^(true|yes|1)$/i.test(values[0]) : values[0];
  }
  const missing = specs.filter((s) => s.required && out[s.dest] === undefined && !(s.unlessGiven && out[s.unlessGiven] !== undefined));
  if (missing.length) throw new AzUsageError(`the following arguments are required: ${missing.map(optName).join(', ')}`);
  if (unrecognized.length) throw new AzUsageError(`unrecognized arguments: ${unrecognized.join(' ')}`);
  for (const s of specs) if (out[s.dest] === undefined && s.default !== undefined) out[s.dest] = s.default;
  return out;
}

/** argparse treats `-x…` as an option unless it looks like a negative number. */
function isOption(s: string): boolean {
  return s.startsWith('-') && s.length > 1 && !/^-\d/.test(s);
}

/** Python difflib.SequenceMatcher.ratio (Ratcliff/Obershelp), for "Did you mean" suggestions. */
export function similarity(a: string, b: string): number {
  const matches = (x: string, y: string): number => {
    if (!x.length || !y.length) return 0;
    let best = 0;
    let bi = 0;
    let bj = 0;
    for (let i = 0; i < x.length; i++) {
      for (let j = 0; j < y.length; j++) {
        let k = 0;
        while (i + k < x.length && j + k < y.length && x[i + k] === y[j + k]) k++;
        if (k > best) {
          best = k;
          bi = i;
          bj = j;
        }
      }
    }
    if (!best) return 0;
    return best + matches(x.slice(0, bi), y.slice(0, bj)) + matches(x.slice(bi + best), y.slice(bj + best));
  };
  const total = a.length + b.length;
  return total ? (2 * matches(a, b)) / total : 1;
}

/**
 * difflib.get_close_matches(word, possibilities, n=3, cutoff) — best first. The one copy: aws and
 * gcloud (lazy chunks) get it through their create functions instead of importing it.
 */
export function closeMatches(word: string, choices: string[], cutoff = 0.7): string[] {
  // difflib's real_quick_ratio: the ratio is at most 2·min(lengths)/(sum of lengths), so a word far
  // longer or shorter than a choice cannot reach the cutoff: skip the O(n·m) matching (a pasted line).
  const mayReach = (c: string) => {
    const total = word.length + c.length;
    return !total || (2 * Math.min(word.length, c.length)) / total >= cutoff;
  };
  return choices
    .filter(mayReach)
    .map((c) => ({ c, r: similarity(word, c) }))
    .filter((x) => x.r >= cutoff)
    .sort((x, y) => y.r - x.r)
    .slice(0, 3)
    .map((x) => x.c);
}

export type CloseMatches = typeof closeMatches;
