import type { CliContext } from '../context';
import type { CommandFn, ExecResult } from '../shell/types';
import { errorResult, GLOBAL_FLAGS, type KubectlCommand, suggest } from './common';
import { FlagError, flagHelp, parseFlags, str } from './flags';
import { KUBECTL_COMMANDS } from './registry';

/** Global flags that take a value, so `kubectl -n qa get svc` finds `get` as the command. */
const VALUE_FLAGS = new Set(GLOBAL_FLAGS.filter((f) => f.type !== 'bool').flatMap((f) => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]));

function findCommand(list: KubectlCommand[], name: string): KubectlCommand | undefined {
  return list.find((c) => c.name === name || c.aliases?.includes(name));
}

/** Splits argv into the command path (`create`, `namespace`) and the rest, skipping leading global flags. */
function locate(args: string[]): { chain: KubectlCommand[]; rest: string[]; unknown?: string } {
  const chain: KubectlCommand[] = [];
  const rest: string[] = [];
  let list = KUBECTL_COMMANDS;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') break;
    if (a.startsWith('-')) {
      rest.push(a);
      if (VALUE_FLAGS.has(a) && i + 1 < args.length) rest.push(args[++i]);
      continue;
    }
    const cmd = findCommand(list, a);
    if (!cmd) {
      if (!chain.length) return { chain, rest, unknown: a };
      break;
    }
    chain.push(cmd);
    if (!cmd.children?.length) {
      i++;
      break;
    }
    list = cmd.children;
  }
  rest.push(...args.slice(i));
  return { chain, rest };
}

export function rootHelp(): string {
  const line = (c: KubectlCommand) => `  ${c.name.padEnd(14)}  ${c.short}\n`;
  const pick = (names: string[]) =>
    names
      .map((n) => findCommand(KUBECTL_COMMANDS, n))
      .filter((c): c is KubectlCommand => !!c)
      .map(line)
      .join('');
  return `kubectl controls the Kubernetes cluster manager.

 Find more information at: https://kubernetes.io/docs/reference/kubectl/

Basic Commands (Beginner):
${pick(['create', 'expose', 'run'])}
Basic Commands (Intermediate):
${pick(['explain', 'get', 'delete'])}
Deploy Commands:
${pick(['rollout', 'scale'])}
Cluster Management Commands:
${pick(['cluster-info'])}
Troubleshooting and Debugging Commands:
${pick(['describe', 'exec', 'events'])}
Advanced Commands:
${pick(['apply', 'patch', 'wait'])}
Settings Commands:
${pick(['label', 'annotate'])}
Other Commands:
${pick(['api-resources', 'config', 'version'])}
Usage:
  kubectl [flags] [options]

Use "kubectl <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;
}

export function commandHelp(chain: KubectlCommand[]): string {
  const c = chain[chain.length - 1];
  let out = `${c.long ?? c.short + '.'}\n`;
  if (c.children?.length) {
    out += `\nAvailable Commands:\n${c.children.map((x) => `  ${x.name.padEnd(21)} ${x.short}\n`).join('')}`;
  }
  if (c.examples) out += `\nExamples:\n${c.examples}\n`;
  const own = c.flags.filter((f) => f.name !== 'help');
  if (own.length) out += `\nOptions:\n${flagHelp(own)}`;
  out += `\nUsage:\n  ${c.usage}\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n`;
  return out;
}

export const kubectlCommand: CommandFn<CliContext> = async ({ argv, stdin, shell, ctx }): Promise<ExecResult> => {
  const args = argv.slice(1);
  const { chain, rest, unknown } = locate(args);
  if (unknown !== undefined) {
    const s = suggest(
      unknown,
      KUBECTL_COMMANDS.map((c) => c.name),
    );
    const hint = s.length ? `\n\nDid you mean this?\n${s.map((x) => `\t${x}\n`).join('')}` : '\n';
    return { stdout: '', stderr: `error: unknown command "${unknown}" for "kubectl"${hint}`, exitCode: 1 };
  }
  if (!chain.length) {
    const wantsVersion = rest.includes('--version');
    if (wantsVersion) return { stdout: '', stderr: "error: unknown flag: --version\nSee 'kubectl --help' for usage.\n", exitCode: 1 };
    return { stdout: rootHelp(), stderr: '', exitCode: 0 };
  }
  const cmd = chain[chain.length - 1];
  const path = ['kubectl', ...chain.map((c) => c.name)].join(' ');
  let parsed: ReturnType<typeof parseFlags>;
  try {
    parsed = parseFlags(rest, [...cmd.flags, ...GLOBAL_FLAGS.filter((g) => !cmd.flags.some((f) => f.name === g.name || (f.short && f.short === g.short)))]);
  } catch (e) {
    if (e instanceof FlagError) return { stdout: '', stderr: `error: ${e.message}\nSee '${path} --help' for usage.\n`, exitCode: 1 };
    throw e;
  }
  if (parsed.values.get('help') === true) return { stdout: commandHelp(chain), stderr: '', exitCode: 0 };
  if (cmd.children?.length && parsed.args.length) {
    const s = suggest(
      parsed.args[0],
      cmd.children.map((c) => c.name),
    );
    const hint = s.length ? `\n\nDid you mean this?\n${s.map((x) => `\t${x}\n`).join('')}` : '\n';
    return { stdout: '', stderr: `error: unknown command "${parsed.args[0]}" for "${path}"${hint}`, exitCode: 1 };
  }
  if (!cmd.run) return { stdout: commandHelp(chain), stderr: '', exitCode: 0 };
  const nsFlag = str(parsed, 'namespace');
  // Warnings the API server attaches to this command's writes (kubectl prints them to stderr).
  ctx.kube.takeWarnings();
  const withWarnings = (r: ExecResult): ExecResult => {
    const warnings = ctx.kube.takeWarnings();
    return warnings.length ? { ...r, stderr: warnings.map((w) => `Warning: ${w}\n`).join('') + r.stderr } : r;
  };
  try {
    return withWarnings(
      await cmd.run({
        ctx,
        shell,
        stdin,
        flags: parsed,
        args: parsed.args,
        path,
        namespace: nsFlag || 'default',
        namespaceGiven: parsed.changed.has('namespace'),
      }),
    );
  } catch (e) {
    return withWarnings(errorResult(e));
  }
};
