/**
 * Whether a command line may write a kind whose validator is not loaded with the simulator
 * (`RARE_SCHEMA_KEYS`), so `exec` loads those validators first. It errs on the side of loading:
 * a false "yes" costs one ~32 KB fetch, once; a false "no" would be an internal error.
 */
import { BUILTIN_RESOURCES } from './discovery';
import { RARE_SCHEMA_KEYS } from './schemas';

const rareKinds = new Set(RARE_SCHEMA_KEYS.map((key) => key.slice(key.lastIndexOf('/') + 1)));

/** Every spelling of a rare kind a command or manifest may use: kind, plural, singular, short names. */
const words = BUILTIN_RESOURCES.filter((t) => rareKinds.has(t.kind)).flatMap((t) => [t.kind, t.plural, t.singular, ...t.shortNames]);
// `kubectl autoscale` creates a HorizontalPodAutoscaler without naming it; helm charts write anything.
const RARE_WORD = new RegExp(`(?:^|[^\\w-])(?:${[...new Set([...words, 'autoscale', 'helm'])].join('|')})(?![\\w-])`, 'i');

/** `-f`/`--filename`/`-k`/`--kustomize` (kubectl reads manifests from files, a URL or stdin). */
const FROM_FILES = /(?:^|\s)(?:-f|--filename|-k|--kustomize)(?:=|\s+)(\S+)/g;

/**
 * True when the line, its stdin or a manifest file it may read names a rare kind. A manifest read
 * from anywhere but the given stdin (a pipe, a redirect, a URL) counts as "may".
 */
export function mayWriteRareKind(line: string, stdin: string | undefined, files: Iterable<string>): boolean {
  if (RARE_WORD.test(line) || (stdin !== undefined && RARE_WORD.test(stdin))) return true;
  const sources = [...line.matchAll(FROM_FILES)].map((m) => m[1]!);
  if (sources.length === 0) return false;
  // `-f -` fed by a pipe or a redirect reads text this function does not see.
  if (sources.includes('-') && /[|<]/.test(line)) return true;
  if (sources.some((s) => /^https?:/.test(s))) return true;
  if (sources.every((s) => s === '-')) return false;
  for (const text of files) if (RARE_WORD.test(text)) return true;
  return false;
}
