/** Tab completion for `gcloud` (loaded on the first Tab after `gcloud `): groups, commands, flags. */
import { COMPUTE_GROUPS, RESOURCES, TOP_GROUPS } from './index';

export function complete(args: string[], partial: string): string[] {
  const words = args.filter((a) => !a.startsWith('-'));
  const pick = (list: string[]) => [...new Set(list)].filter((x) => x.startsWith(partial)).sort();
  const r = words[0] === 'compute' ? RESOURCES[words[1]] : undefined;
  if (partial.startsWith('-')) {
    if (!r) return pick(['--help', '--version']);
    const place = r.scope === 'zonal' ? '--zone' : '--region';
    const scoped = r.scope === 'global' ? [] : words[2] === 'list' ? [`${place}s`] : [place];
    // The one mutating command the lab has: reserving an address.
    if (words[1] === 'addresses' && words[2] === 'create') return pick(['--addresses', '--global', '--help', '--project', '--region', '--subnet']);
    return pick([
      '--format',
      '--help',
      '--project',
      ...scoped,
      ...(r.scope === 'both' ? ['--global'] : []),
      ...(words[2] === 'list' ? ['--filter', '--limit', '--sort-by', '--uri'] : []),
    ]);
  }
  if (words.length === 0) return pick(TOP_GROUPS);
  if (words.length === 1) return words[0] === 'compute' ? pick(COMPUTE_GROUPS) : [];
  if (words.length === 2) return r ? pick(r.commands) : [];
  return [];
}
