/**
 * `aws` (AWS CLI v2, 2.27-era wording) for EKS sandboxes: elbv2 / elb / ec2 describe calls over
 * the sandbox's AwsStore. Loaded with import() on first use, so nothing here is in the AKS lab's
 * bundle; core code is imported as types only. Exit codes follow awscli/constants.py: 252 usage,
 * 253 configuration (no credentials), 254 service error.
 */
import type { AwsStore } from '../../sim/clouds/eks/store';
import type { CloseMatches } from '../az/parser';
import type { CliContext } from '../context';
import { PYTHON_COMPATIBLE, pythonSearchError, readQuery, usePythonFunctions } from '../python-jmespath';
import type { CommandFn, ExecResult } from '../shell/types';
import { EC2_OPERATIONS, ELB_OPERATIONS, ELBV2_OPERATIONS, SERVICES } from './choices';
import { OPERATIONS, type OpSpec, ParamParseError, ServiceError } from './operations';

import { formatJson, formatTable, formatText, formatYaml, type YamlStringify } from './output';

export const AWS_VERSION = 'aws-cli/2.27.0 Python/3.13.2 Linux/6.8.0-1021-azure exe/x86_64.ubuntu.24\n';

const USAGE = `usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]
To see help text, you can run:

  aws help
  aws <command> help
  aws <command> <subcommand> help
`;

const OUTPUTS = ['json', 'text', 'table', 'yaml', 'yaml-stream'];

/** Top-level options awscli's main parser takes anywhere on the line (value-taking ones first). */
const GLOBAL_VALUES = new Set([
  '--output',
  '--query',
  '--region',
  '--profile',
  '--color',
  '--endpoint-url',
  '--cli-read-timeout',
  '--cli-connect-timeout',
  '--ca-bundle',
]);
const GLOBAL_FLAGS = new Set([
  '--debug',
  '--no-paginate',
  '--no-cli-pager',
  '--no-verify-ssl',
  '--no-sign-request',
  '--cli-auto-prompt',
  '--no-cli-auto-prompt',
]);

const OPS_OF: Record<string, string[]> = { elbv2: ELBV2_OPERATIONS, elb: ELB_OPERATIONS, ec2: EC2_OPERATIONS };

const res = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

/** argparse's error through awscli's handler: blank line, usage, blank line, `aws: error: …`. */
const usageError = (message: string) => res('', `\n${USAGE}\naws: error: ${message}\n\n`, 252);

/** awscli's CLIArgParser._check_value: two choices a line, each padded to 40, and close matches. */
function invalidChoice(arg: string, value: string, choices: string[], closeMatches: CloseMatches): ExecResult {
  const lines: string[] = [];
  for (let i = 0; i < choices.length; i += 2)
    lines.push(
      choices
        .slice(i, i + 2)
        .map((c) => c.padEnd(40))
        .join(' | '),
    );
  let msg = `argument ${arg}: Invalid choice, valid choices are:\n\n${lines.join('\n')}`;
  const close = closeMatches(value, choices, 0.8);
  if (close.length) msg += `\n\n\nInvalid choice: '${value}', maybe you meant:\n\n${close.map((c) => `  * ${c}`).join('\n')}`;
  return usageError(msg);
}

interface Globals {
  output: string;
  query?: string;
  region?: string;
}

function splitGlobals(args: string[], closeMatches: CloseMatches): { globals: Globals; rest: string[]; error?: ExecResult } {
  const globals: Globals = { output: 'json' };
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (GLOBAL_FLAGS.has(name)) continue;
    if (!GLOBAL_VALUES.has(name)) {
      rest.push(a);
      continue;
    }
    const value = eq > 0 ? a.slice(eq + 1) : args[++i];
    if (value === undefined) return { globals, rest, error: usageError(`argument ${name}: expected one argument`) };
    if (name === '--output') {
      if (!OUTPUTS.includes(value)) return { globals, rest, error: invalidChoice('--output', value, OUTPUTS, closeMatches) };
      globals.output = value;
    } else if (name === '--query') globals.query = value;
    else if (name === '--region') globals.region = value;
  }
  return { globals, rest };
}

/** An operation's own parameters (argparse: `--name v`, `--name=v`, lists as several words). */
function parseParams(args: string[], spec: OpSpec): { params: Record<string, string[] | true>; error?: ExecResult } {
  const params: Record<string, string[] | true> = {};
  const unknown: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    const p = spec.params[name];
    if (!p) {
      unknown.push(a);
      continue;
    }
    if (p === 'flag') {
      params[name] = true;
      continue;
    }
    const values: string[] = eq > 0 ? [a.slice(eq + 1)] : [];
    if (eq < 0) while (i + 1 < args.length && !args[i + 1].startsWith('--') && (p === 'list' || !values.length)) values.push(args[++i]);
    if (!values.length) return { params, error: usageError(`argument ${name}: expected ${p === 'list' ? 'at least one argument' : 'one argument'}`) };
    params[name] = p === 'list' ? [...((params[name] as string[] | undefined) ?? []), ...values] : values;
  }
  if (unknown.length) return { params, error: res('', `\n${USAGE}\nUnknown options: ${unknown.join(', ')}\n\n`, 252) };
  const missing = (spec.required ?? []).filter((r) => !(r in params));
  if (missing.length) return { params, error: usageError(`the following arguments are required: ${missing.join(', ')}`) };
  return { params };
}

function help(service?: string, op?: string): string {
  if (!service)
    return `AWS()\n\nNAME\n       aws -\n\nSYNOPSIS\n          aws [options] <command> <subcommand> [parameters]\n\nAVAILABLE SERVICES (simulated here)\n       o ec2\n\n       o elb\n\n       o elbv2\n`;
  const spec = op ? OPERATIONS[service]?.[op] : undefined;
  if (op && spec) {
    const params = Object.entries(spec.params)
      .map(
        ([n, k]) =>
          `          ${(spec.required ?? []).includes(n) ? '' : '['}${n}${k === 'flag' ? '' : k === 'list' ? ' <value> [<value>...]' : ' <value>'}${(spec.required ?? []).includes(n) ? '' : ']'}\n`,
      )
      .join('');
    return `${op.toUpperCase()}()\n\nNAME\n       ${op} -\n\nDESCRIPTION\n       ${spec.summary}\n\nSYNOPSIS\n            ${op}\n${params}\n`;
  }
  const modelled = Object.keys(OPERATIONS[service] ?? {});
  return `${service.toUpperCase()}()\n\nNAME\n       ${service} -\n\nAVAILABLE COMMANDS (simulated here)\n${modelled.map((o) => `       o ${o}\n\n`).join('')}`;
}

/**
 * `stringify` is yaml's and `closeMatches` az's difflib port ("maybe you meant"), both passed by the
 * shell: importing either here would make Rollup move shared code between the AKS lab's chunks.
 */
export const createAwsCommand =
  (stringify: YamlStringify, closeMatches: CloseMatches): CommandFn<CliContext> =>
  async ({ argv, ctx }) => {
    const { globals, rest, error } = splitGlobals(argv.slice(1), closeMatches);
    if (error) return error;
    if (rest[0] === '--version') return res(AWS_VERSION);
    const [service, op, ...opArgs] = rest;
    if (service === undefined) return usageError('the following arguments are required: command');
    if (service === 'help' || service === '--help' || service === '-h') return res(help());
    if (service.startsWith('-')) return res('', `\n${USAGE}\nUnknown options: ${rest.join(', ')}\n\n`, 252);
    if (!SERVICES.includes(service)) return invalidChoice('command', service, SERVICES, closeMatches);
    const ops = OPS_OF[service];
    if (!ops) return res('', `aws ${service}: not simulated in this lab (ec2, elb and elbv2 are)\n`, 255);
    if (op === undefined) return usageError('the following arguments are required: operation');
    if (op === 'help' || op === '--help' || op === '-h') return res(help(service));
    if (!ops.includes(op)) return invalidChoice('operation', op, ops, closeMatches);
    const spec = OPERATIONS[service][op];
    if (!spec) return res('', `aws ${service} ${op}: not simulated in this lab (try aws ${service} help)\n`, 255);
    if (opArgs.includes('help') || opArgs.includes('--help') || opArgs.includes('-h')) return res(help(service, op));
    const { params, error: paramError } = parseParams(opArgs, spec);
    if (paramError) return paramError;
    // JMESPath loads with the first --query, as for az; the expression is read the way the AWS
    // CLI's Python jmespath reads it, and refused with its words.
    const jmespath = globals.query === undefined ? undefined : await import('@jmespath-community/jmespath');
    if (jmespath) usePythonFunctions(jmespath);
    const query = jmespath && globals.query !== undefined ? readQuery(globals.query, jmespath.compile) : undefined;
    if (query && 'error' in query) return res('', `\nBad value for --query ${globals.query}: ${query.error}\n`, 252);
    // Another cloud's sandbox: the machine has the CLI but no AWS credentials.
    const store = ctx.cloud?.name === 'eks' ? (ctx.cloud.runtime?.store as AwsStore | undefined) : undefined;
    if (!store) return res('', '\nUnable to locate credentials. You can configure credentials by running "aws configure".\n', 253);
    let result: unknown;
    try {
      result = spec.run(store, params, globals.region ?? store.region);
    } catch (e) {
      if (e instanceof ServiceError) return res('', `\nAn error occurred (${e.code}) when calling the ${spec.name} operation: ${e.message}\n`, 254);
      if (e instanceof ParamParseError) return res('', `\n${e.message}\n`, 252);
      throw e;
    }
    if (jmespath && query && 'expression' in query) {
      try {
        result = jmespath.search(result as never, query.expression, PYTHON_COMPATIBLE);
      } catch (e) {
        return res('', `\n${pythonSearchError((e as Error).message)}\n`, 255);
      }
    }
    switch (globals.output) {
      case 'text':
        return res(formatText(result));
      case 'table':
        return res(formatTable(spec.name, result));
      case 'yaml':
      case 'yaml-stream':
        return res(formatYaml(result, stringify));
      default:
        return res(result === null ? 'null\n' : formatJson(result));
    }
  };
