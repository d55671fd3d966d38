/**
 * A pflag-compatible parser (the library under cobra/kubectl): `--f=v`, `--f v`, `-f v`, `-fv`,
 * `-f=v`, grouped bool shorthands `-Aw`, `--` ends flags, flags anywhere among positionals.
 * Error texts are pflag's own, since kubectl prints them verbatim after `error: `.
 * A general argument library (yargs, commander) words errors differently and accepts inputs
 * kubectl rejects, so this is hand-written.
 */

export type FlagType = 'bool' | 'string' | 'int' | 'stringArray' | 'stringSlice';

export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
  default?: string | boolean | number | string[];
  /** For `--help` output. */
  usage?: string;
  /** `--dry-run` with no value means `unchanged`… pflag's NoOptDefVal. */
  noOptDefault?: string;
}

export type FlagValue = string | boolean | number | string[];

export interface ParsedFlags {
  values: Map<string, FlagValue>;
  /** Flags the user actually set (for "only if given" behaviour). */
  changed: Set<string>;
  args: string[];
}

export class FlagError extends Error {}

function describe(spec: FlagSpec): string {
  return spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
}

function convert(spec: FlagSpec, raw: string): FlagValue {
  switch (spec.type) {
    case 'bool': {
      const v = raw.toLowerCase();
      if (['1', 't', 'true'].includes(v) || raw === 'T' || raw === 'TRUE' || raw === 'True') return true;
      if (['0', 'f', 'false'].includes(v)) return false;
      throw new FlagError(`invalid argument "${raw}" for "${describe(spec)}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`);
    }
    case 'int': {
      if (!/^[+-]?\d+$/.test(raw)) {
        throw new FlagError(`invalid argument "${raw}" for "${describe(spec)}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`);
      }
      return Number(raw);
    }
    default:
      return raw;
  }
}

export function parseFlags(argv: string[], specs: FlagSpec[]): ParsedFlags {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const values = new Map<string, FlagValue>();
  const changed = new Set<string>();
  const args: string[] = [];
  for (const s of specs) if (s.default !== undefined) values.set(s.name, Array.isArray(s.default) ? [...s.default] : s.default);

  const set = (spec: FlagSpec, raw: string) => {
    const v = convert(spec, raw);
    if (spec.type === 'stringArray' || spec.type === 'stringSlice') {
      const prev = changed.has(spec.name) ? (values.get(spec.name) as string[]) : [];
      const add = spec.type === 'stringSlice' ? raw.split(',') : [raw];
      values.set(spec.name, [...prev, ...add]);
    } else values.set(spec.name, v);
    changed.add(spec.name);
  };

  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const spec = byName.get(name) ?? byName.get(name.replace(/_/g, '-'));
      if (!spec) throw new FlagError(`unknown flag: --${name}`);
      if (eq >= 0) set(spec, a.slice(eq + 1));
      else if (spec.type === 'bool') set(spec, 'true');
      else if (spec.noOptDefault !== undefined) set(spec, spec.noOptDefault);
      else if (i + 1 < argv.length) set(spec, argv[++i]);
      else throw new FlagError(`flag needs an argument: --${name}`);
    } else if (a.startsWith('-') && a.length > 1) {
      let j = 1;
      while (j < a.length) {
        const c = a[j];
        const spec = byShort.get(c);
        if (!spec) throw new FlagError(`unknown shorthand flag: '${c}' in ${a}`);
        const rest = a.slice(j + 1);
        if (spec.type === 'bool') {
          if (rest.startsWith('=')) {
            set(spec, rest.slice(1));
            break;
          }
          set(spec, 'true');
          j++;
          continue;
        }
        if (rest.startsWith('=')) set(spec, rest.slice(1));
        else if (rest) set(spec, rest);
        else if (spec.noOptDefault !== undefined) set(spec, spec.noOptDefault);
        else if (i + 1 < argv.length) set(spec, argv[++i]);
        else throw new FlagError(`flag needs an argument: '${c}' in -${c}`);
        break;
      }
    } else {
      args.push(a);
    }
  }
  return { values, changed, args };
}

export const str = (p: ParsedFlags, name: string): string => String(p.values.get(name) ?? '');
export const bool = (p: ParsedFlags, name: string): boolean => p.values.get(name) === true;
export const int = (p: ParsedFlags, name: string): number => Number(p.values.get(name) ?? 0);
export const list = (p: ParsedFlags, name: string): string[] => (p.values.get(name) as string[] | undefined) ?? [];

/** Flag lines for `--help`, in kubectl's "Options:" layout (`-o, --output='':` then the text on a tab-indented line). */
export function flagHelp(specs: FlagSpec[]): string {
  const shown = (s: FlagSpec): string => {
    const d = s.default;
    if (s.type === 'bool') return String(d === true);
    if (s.type === 'int') return String(d ?? 0);
    if (s.type === 'stringArray' || s.type === 'stringSlice') return `[${((d as string[] | undefined) ?? []).join(',')}]`;
    return `'${d ?? ''}'`;
  };
  return specs.map((s) => `    ${s.short ? `-${s.short}, ` : ''}--${s.name}=${shown(s)}:\n\t${s.usage ?? ''}\n`).join('\n');
}
