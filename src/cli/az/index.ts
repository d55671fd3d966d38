import { ArmError } from '../../sim/azure/errors';
import type { CliContext } from '../context';
import { AZ_OUTPUT_FORMATS, type AzOutputFormat, formatAz, TableUnavailableError } from '../printers/az-output';
import type { CommandFn, ExecResult } from '../shell/types';
import { commandHelp, groupHelp } from './help';
import { type AzArg, AzUsageError, closeMatches, parseAzArgs } from './parser';
import { signedIn, signedOutAnswer } from './signed-out';
import { AZ_ROOT } from './tree';
import { AzCliError, type AzCommandDef, type AzGroupDef } from './types';

export const GLOBAL_ARGS: AzArg[] = [
  { dest: '_debug', options: ['--debug'], kind: 'flag', help: 'Increase logging verbosity to show all debug logs.' },
  { dest: '_help', options: ['--help', '-h'], kind: 'flag', help: 'Show this help message and exit.' },
  { dest: '_onlyErrors', options: ['--only-show-errors'], kind: 'flag', help: 'Only show errors, suppressing warnings.' },
  { dest: '_output', options: ['--output', '-o'], choices: AZ_OUTPUT_FORMATS, default: 'json', help: 'Output format.' },
  { dest: '_query', options: ['--query'], help: 'JMESPath query string. See http://jmespath.org/ for more information and examples.' },
  { dest: '_subscription', options: ['--subscription'], help: 'Name or ID of subscription.' },
  { dest: '_verbose', options: ['--verbose'], kind: 'flag', help: 'Increase logging verbosity. Use --debug for full debug logs.' },
];

const QUERY_REFERENCE = "To learn more about --query, please visit: 'https://learn.microsoft.com/cli/azure/query-azure-cli'";

const err = (message: string, exitCode = 2): ExecResult => ({ stdout: '', stderr: message.endsWith('\n') ? message : message + '\n', exitCode });

/** Walks `az network public-ip list …` down the command tree. */
function locate(args: string[]): { path: string[]; group: AzGroupDef; command?: AzCommandDef; rest: string[]; unknown?: string } {
  let group = AZ_ROOT;
  const path: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('-')) return { path, group, rest: args.slice(i) };
    const sub = group.groups?.find((g) => g.name === a);
    if (sub) {
      group = sub;
      path.push(a);
      continue;
    }
    const cmd = group.commands?.find((c) => c.name === a);
    if (cmd) return { path: [...path, a], group, command: cmd, rest: args.slice(i + 1) };
    return { path, group, rest: args.slice(i + 1), unknown: a };
  }
  return { path, group, rest: [] };
}

export function childNames(g: AzGroupDef): string[] {
  return [...(g.groups ?? []).map((x) => x.name), ...(g.commands ?? []).map((x) => x.name)];
}

export const azCommand: CommandFn<CliContext> = async ({ argv, ctx }): Promise<ExecResult> => {
  const args = argv.slice(1);
  const { path, group, command, rest, unknown } = locate(args);
  const prog = ['az', ...path].join(' ');
  if (unknown !== undefined) {
    const close = closeMatches(unknown, childNames(group));
    return err(`'${unknown}' is misspelled or not recognized by the system.${close.length ? `\nDid you mean '${close[0]}' ?` : ''}`);
  }
  if (!command) {
    if (!path.length && !rest.length) return { stdout: welcome(group), stderr: '', exitCode: 0 };
    if (!rest.length || rest.includes('--help') || rest.includes('-h')) return { stdout: groupHelp(path, group), stderr: '', exitCode: 0 };
    if (!path.length && rest[0] === '--version') return { stdout: AZ_VERSION, stderr: '', exitCode: 0 };
    return err(`unrecognized arguments: ${rest.join(' ')}`);
  }
  if (rest.includes('--help') || rest.includes('-h')) return { stdout: commandHelp(path, command, GLOBAL_ARGS), stderr: '', exitCode: 0 };
  let parsed: ReturnType<typeof parseAzArgs>;
  try {
    parsed = parseAzArgs(rest, [...command.args, ...GLOBAL_ARGS], prog);
  } catch (e) {
    if (e instanceof AzUsageError) return err(e.message + (e.recommendation ? `\n${e.recommendation}` : ''));
    throw e;
  }
  const query = parsed._query as string | undefined;
  // JMESPath loads with the first --query, not with the lab.
  const [jmespath, python] = query === undefined ? [] : await Promise.all([import('@jmespath-community/jmespath'), import('../python-jmespath')]);
  // azure-cli's jmespath_type only compiles the expression (with Python's jmespath, read the same
  // way here); functions run later, on the result.
  if (jmespath && python) python.usePythonFunctions(jmespath);
  const compiled = jmespath && python && query !== undefined ? python.readQuery(query, jmespath.compile) : undefined;
  if (compiled && 'error' in compiled) return err(`argument --query: invalid jmespath_type value: '${query}'\n${QUERY_REFERENCE}`);
  let warnings = '';
  let result: unknown;
  const signedOut = signedIn(ctx) ? undefined : signedOutAnswer(path);
  if (signedOut && 'error' in signedOut) return err(signedOut.error, 1);
  try {
    if (signedOut) {
      warnings += signedOut.warning;
      result = signedOut.result;
    } else result = await command.run({ ctx, args: parsed, prog, warn: (l) => (warnings += l + '\n') });
  } catch (e) {
    if (e instanceof ArmError) {
      return { stdout: '', stderr: warnings + `(${e.code}) ${e.message}\nCode: ${e.code}\nMessage: ${e.message}\n`, exitCode: e.statusCode === 404 ? 3 : 1 };
    }
    if (e instanceof AzCliError) return { stdout: '', stderr: warnings + e.message + '\n', exitCode: e.exitCode };
    if (e instanceof Error) return { stdout: '', stderr: warnings + e.message + '\n', exitCode: 1 };
    throw e;
  }
  if (parsed._onlyErrors) warnings = '';
  if (result === undefined) return { stdout: '', stderr: warnings, exitCode: 0 };
  if (jmespath && python && compiled && 'expression' in compiled) {
    try {
      result = jmespath.search(result as never, compiled.expression, python.PYTHON_COMPATIBLE);
    } catch (e) {
      return { stdout: '', stderr: warnings + python.pythonSearchError((e as Error).message) + '\n', exitCode: 1 };
    }
  }
  try {
    const out = formatAz(result, parsed._output as AzOutputFormat, { queryActive: query !== undefined, transformer: command.transformer });
    return { stdout: out, stderr: warnings, exitCode: 0 };
  } catch (e) {
    if (e instanceof TableUnavailableError) return { stdout: '', stderr: warnings + e.message + '\n', exitCode: 1 };
    throw e;
  }
};

/** What a bare `az` prints. */
function welcome(root: AzGroupDef): string {
  const names = childNames(root);
  const w = Math.max(...names.map((n) => n.length));
  const rows = (root.groups ?? []).map((g) => `    ${g.name.padEnd(w)} : ${g.summary}\n`).join('');
  return `
     /\\
    /  \\    _____   _ _  ___ _
   / /\\ \\  |_  / | | | \\'__/ _\\
  / ____ \\  / /| |_| | | |  __/
 /_/    \\_\\/___|\\__,_|_|  \\___|


Welcome to the cool new Azure CLI!

Use \`az --version\` to display the current version.
Here are the base commands:

${rows}`;
}

const AZ_VERSION = `azure-cli                         2.75.0

core                              2.75.0
telemetry                          1.1.0

Dependencies:
msal                              1.32.3
azure-mgmt-resource               23.3.0

Python location '/usr/bin/python3.12'
Config directory '/home/azureuser/.azure'
Extensions directory '/home/azureuser/.azure/cliextensions'

Python (Linux) 3.12.10 (main, Jun  4 2025, 08:00:00) [GCC 12.2.0]

Legal docs and information: aka.ms/AzureCliLegal


Your CLI is up-to-date.
`;
