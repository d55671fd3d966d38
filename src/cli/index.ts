/**
 * Public entry of the CLI layer: one terminal line in, stdout/stderr/exit code out.
 * `sandbox.exec(line, { stdin })` calls `runCommandLine`.
 */

import { stringify as stringifyYaml } from 'yaml';
import { mayWriteRareKind } from '../sim/kube/rare-kinds';
import { loadRareSchemas, rareSchemasLoaded } from '../sim/kube/schemas';
import { azCommand } from './az/index';
import { closeMatches } from './az/parser';
import type { CliContext } from './context';
import { curlCommand } from './curl/index';
import { kubectlCommand } from './kubectl/index';
import { SHELL_BUILTINS } from './shell/builtins';
import { runShell } from './shell/interpreter';
import { lazyCommand } from './shell/lazy';
import { PIPE_TOOLS } from './shell/pipetools';
import { TEXT_UTILS } from './shell/textutils';
import { type CommandFn, createShellState, type ExecResult, ok, type ShellState } from './shell/types';
import { watch } from './shell/watch';

export { completions } from './completion';

export type { CliContext } from './context';
export { CLEAR_SCREEN } from './shell/builtins';
export type { ExecResult } from './shell/types';

/** Shell state per sandbox when the context does not carry one (keyed by the stable kube store). */
const states = new WeakMap<object, ShellState>();

function shellOf(ctx: CliContext): ShellState {
  if (ctx.shell) return ctx.shell;
  let s = states.get(ctx.kube);
  if (!s) {
    s = createShellState();
    states.set(ctx.kube, s);
  }
  return s;
}

const HELP_TEXT = `External IP Lab terminal. Commands available here:

  kubectl     talk to the simulated AKS cluster (kubectl --help)
  az          manage the simulated Azure subscription (az --help)
  curl        call a Service's EXTERNAL-IP from the internet (curl --help; --trace shows the path)
  helm        install the ingress-nginx chart (helm --help)
  aws, gcloud EKS / GKE cloud CLIs (aws help, gcloud --help)
  echo, printf, cat, ls, cd, mkdir, rm, pwd, export, unset, alias, history, sleep, true, false
  grep, head, tail, wc, sort, uniq, cut, tr, awk, jq   (pipelines: kubectl get svc -A | grep web)
  watch       re-run a command as virtual time passes (watch --help)
  clear       clear the screen
  help        show this text

Quoting, && || ; | and heredocs work as in bash:
  kubectl apply -f - <<EOF
  ...
  EOF
`;

const sleep: CommandFn<CliContext> = async ({ argv, ctx }) => {
  const arg = argv[1];
  if (arg === '--help') return ok('Usage: sleep NUMBER[SUFFIX]...\nPause for NUMBER seconds (virtual time in the lab).\n');
  if (!arg) return { stdout: '', stderr: "sleep: missing operand\nTry 'sleep --help' for more information.\n", exitCode: 1 };
  let total = 0;
  for (const a of argv.slice(1)) {
    const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(a);
    if (!m) return { stdout: '', stderr: `sleep: invalid time interval '${a}'\nTry 'sleep --help' for more information.\n`, exitCode: 1 };
    total += Number(m[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  }
  await ctx.advance(Math.round(total * 1000));
  return ok();
};

const COMMANDS = new Map<string, CommandFn<CliContext>>([
  ...(SHELL_BUILTINS as ReadonlyMap<string, CommandFn<CliContext>>),
  ...(TEXT_UTILS as ReadonlyMap<string, CommandFn<CliContext>>),
  ...(PIPE_TOOLS as ReadonlyMap<string, CommandFn<CliContext>>),
  ['watch', watch],
  ['help', () => ok(HELP_TEXT)],
  ['sleep', sleep],
  ['kubectl', kubectlCommand],
  ['az', azCommand],
  ['curl', curlCommand],
  // Few lessons use helm: its chart objects load with the first helm command, not with the lab.
  ['helm', lazyCommand(() => import('./helm/index').then((m) => m.helmCommand))],
  // Other clouds' CLIs: their own chunks (never in the AKS lab's bundle), fetched by the first command.
  ['aws', lazyCommand(() => import('./aws/index').then((m) => m.createAwsCommand(stringifyYaml, closeMatches)))],
  ['gcloud', lazyCommand(() => import('./gcloud/index').then((m) => m.createGcloudCommand(stringifyYaml, closeMatches)))],
]);

/** Names the shell resolves, for Tab completion of the first word. */
export function commandNames(): string[] {
  return [...COMMANDS.keys()].sort();
}

export async function runCommandLine(ctx: CliContext, rawLine: string, opts: { stdin?: string; pause?: () => Promise<void> } = {}): Promise<ExecResult> {
  const shell = shellOf(ctx);
  if (opts.pause) ctx = { ...ctx, shell, pause: opts.pause };
  // Terminals and pasted text may carry CRLF; bash would choke on the \r, a learner should not.
  const line = rawLine.replace(/\r\n?/g, '\n');
  if (line.trim()) shell.history.push(line.replace(/\n+$/, ''));
  // The store validates synchronously: a rare kind's validator must be here before the command runs.
  if (!rareSchemasLoaded() && mayWriteRareKind(line, opts.stdin, shell.files.values())) await loadRareSchemas();
  return runShell({ commands: COMMANDS, ctx, shell }, line, opts.stdin ?? '');
}
