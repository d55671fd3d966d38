/**
 * Tab-completion data: what may follow a partial command line. The terminal shows these
 * candidates (and completes their common prefix); nothing here depends on the DOM.
 */

import { GLOBAL_ARGS } from './az/index';
import { AZ_ROOT } from './az/tree';
import type { AzGroupDef } from './az/types';
import type { CliContext } from './context';
import { GLOBAL_FLAGS, type KubectlCommand } from './kubectl/common';
import { KUBECTL_COMMANDS } from './kubectl/registry';

const SHELL_COMMANDS = [
  'alias',
  'aws',
  'az',
  'cat',
  'cd',
  'clear',
  'echo',
  'export',
  'false',
  'gcloud',
  'grep',
  'head',
  'help',
  'history',
  'kubectl',
  'ls',
  'mkdir',
  'printf',
  'pwd',
  'rm',
  'sleep',
  'sort',
  'tail',
  'true',
  'unalias',
  'unset',
  'wc',
];

/** Words of the line as the shell would split them, ignoring quotes' finer points. */
function words(line: string): { done: string[]; partial: string } {
  const parts = line.split(/\s+/);
  const partial = parts.pop() ?? '';
  return { done: parts.filter(Boolean), partial };
}

const startsWith = (list: string[], p: string) => [...new Set(list)].filter((x) => x.startsWith(p)).sort();

function kubectlCandidates(args: string[], partial: string, ctx?: CliContext): string[] {
  let list = KUBECTL_COMMANDS;
  let cmd: KubectlCommand | undefined;
  const positional: string[] = [];
  for (const a of args) {
    if (a.startsWith('-')) continue;
    const found = list.find((c) => c.name === a || c.aliases?.includes(a));
    if (found && (!cmd || cmd.children?.length)) {
      cmd = found;
      list = found.children ?? [];
    } else positional.push(a);
  }
  if (partial.startsWith('-')) {
    const flags = [...(cmd?.flags ?? []), ...GLOBAL_FLAGS];
    return startsWith(
      flags.map((f) => `--${f.name}`),
      partial,
    );
  }
  if (!cmd)
    return startsWith(
      KUBECTL_COMMANDS.map((c) => c.name),
      partial,
    );
  if (cmd.children?.length && !positional.length)
    return startsWith(
      cmd.children.map((c) => c.name),
      partial,
    );
  const takesResource = ['get', 'describe', 'delete', 'label', 'annotate', 'patch', 'expose', 'explain'].includes(cmd.name);
  if (!takesResource || !ctx) return [];
  const nsIdx = args.findIndex((a) => a === '-n' || a === '--namespace');
  const ns = nsIdx >= 0 ? args[nsIdx + 1] : 'default';
  const namesOf = (kind: string, namespaced: boolean) => ctx.kube.select(kind, { namespace: namespaced ? ns : undefined }).map((o) => o.metadata.name);
  if (partial.includes('/')) {
    const [typeText, namePart] = [partial.slice(0, partial.indexOf('/')), partial.slice(partial.indexOf('/') + 1)];
    const t = ctx.kube.discovery.tryResolve(typeText);
    return t ? startsWith(namesOf(t.kind, t.namespaced), namePart).map((n) => `${typeText}/${n}`) : [];
  }
  if (args[args.length - 1] === '-n' || args[args.length - 1] === '--namespace') {
    const all = startsWith(namesOf('Namespace', false), partial);
    // A teaching aid beyond kubectl's own completion: when several namespaces fit, prefer those
    // holding the kind asked for (`get svc -n ku` → kube-system rather than kube-public).
    const asked = positional[0] ? ctx.kube.discovery.tryResolve(positional[0]) : undefined;
    if (asked?.namespaced && all.length > 1) {
      const holding = all.filter((n) => ctx.kube.select(asked.kind, { namespace: n }).length > 0);
      if (holding.length > 0) return holding;
    }
    return all;
  }
  if (!positional.length) {
    const names = ctx.kube.discovery.list().flatMap((t) => [t.plural, ...t.shortNames]);
    return startsWith(names, partial);
  }
  const type = ctx.kube.discovery.tryResolve(positional[0]);
  if (!type) return [];
  return startsWith(namesOf(type.kind, type.namespaced), partial);
}

function azCandidates(args: string[], partial: string, ctx?: CliContext): string[] {
  const prev = args[args.length - 1];
  if (ctx && (prev === '-g' || prev === '--resource-group')) {
    return startsWith(
      ctx.arm.list({ type: 'Microsoft.Resources/resourceGroups' }).map((g) => g.name),
      partial,
    );
  }
  let group: AzGroupDef = AZ_ROOT;
  for (const a of args) {
    if (a.startsWith('-')) break;
    const sub = group.groups?.find((g) => g.name === a);
    if (sub) {
      group = sub;
      continue;
    }
    const cmd = group.commands?.find((c) => c.name === a);
    if (cmd) {
      if (!partial.startsWith('-')) return [];
      return startsWith(
        [...cmd.args, ...GLOBAL_ARGS].flatMap((x) => x.options.filter((o) => o.startsWith('--'))),
        partial,
      );
    }
    return [];
  }
  if (partial.startsWith('-')) return startsWith(['--help', '--version'], partial);
  return startsWith([...(group.groups ?? []).map((g) => g.name), ...(group.commands ?? []).map((c) => c.name)], partial);
}

/** aws / gcloud completion comes with their chunks: the first Tab fetches one, the next ones answer. */
const cloudCompleters: Record<string, (args: string[], partial: string) => string[]> = {};

/** Candidates for the word being typed at the end of `line`. */
export function completions(line: string, ctx?: CliContext): string[] {
  const seg = line.split(/&&|\|\||[;|]/).pop() ?? '';
  const { done, partial } = words(seg.replace(/^\s+/, ''));
  if (!done.length) return startsWith(SHELL_COMMANDS, partial);
  const cmd = done[0];
  if (cmd === 'aws' || cmd === 'gcloud') {
    void (cmd === 'aws' ? import('./aws/complete') : import('./gcloud/complete')).then((m) => (cloudCompleters[cmd] = m.complete));
    return cloudCompleters[cmd]?.(done.slice(1), partial) ?? [];
  }
  if (done[0] === 'kubectl') return kubectlCandidates(done.slice(1), partial, ctx);
  if (done[0] === 'az') return azCandidates(done.slice(1), partial, ctx);
  return [];
}
