import { ApiError, NoKindMatchError, UnknownResourceTypeError } from '../../sim/kube/errors';
import type { CliContext } from '../context';
import type { ExecResult, ShellState } from '../shell/types';
import type { FlagSpec, ParsedFlags } from './flags';

/** One kubectl sub-command: its flags, help text and behaviour. */
export interface KubectlCommand {
  name: string;
  aliases?: string[];
  short: string;
  long?: string;
  usage: string;
  examples?: string;
  flags: FlagSpec[];
  /** Sub-commands (`create namespace`, `config current-context`). */
  children?: KubectlCommand[];
  run?(k: KubectlRun): Promise<ExecResult> | ExecResult;
}

export interface KubectlRun {
  ctx: CliContext;
  shell: ShellState;
  stdin: string;
  flags: ParsedFlags;
  args: string[];
  /** `kubectl get` — for error hints. */
  path: string;
  /** Namespace from -n or the context default. */
  namespace: string;
  namespaceGiven: boolean;
}

/** An error kubectl prints as `error: <message>` (client-side). */
export class KubectlError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string', usage: 'If present, the namespace scope for this CLI request' },
  { name: 'context', type: 'string', usage: 'The name of the kubeconfig context to use' },
  { name: 'kubeconfig', type: 'string', usage: 'Path to the kubeconfig file to use for CLI requests.' },
  { name: 'cluster', type: 'string', usage: 'The name of the kubeconfig cluster to use' },
  { name: 'user', type: 'string', usage: 'The name of the kubeconfig user to use' },
  { name: 'server', short: 's', type: 'string', usage: 'The address and port of the Kubernetes API server' },
  { name: 'request-timeout', type: 'string', default: '0', usage: 'The length of time to wait before giving up on a single server request.' },
  { name: 'v', short: 'v', type: 'string', default: '0', usage: 'number for the log level verbosity' },
  { name: 'as', type: 'string', usage: 'Username to impersonate for the operation.' },
  { name: 'token', type: 'string', usage: 'Bearer token for authentication to the API server' },
  { name: 'insecure-skip-tls-verify', type: 'bool', usage: "If true, the server's certificate will not be checked for validity." },
  { name: 'warnings-as-errors', type: 'bool', usage: 'Treat warnings received from the server as errors and exit with a non-zero exit code' },
  { name: 'help', short: 'h', type: 'bool', usage: 'help for this command' },
];

/**
 * kubectl's `CheckErr` wording. Invalid errors print `The Service "x" is invalid: …` (one cause)
 * or a `* …` list (several); other server errors `Error from server (Reason): …`.
 */
export function formatError(err: unknown): string {
  if (err instanceof KubectlError) return err.message.startsWith('error: ') || err.message.startsWith('Error') ? err.message : `error: ${err.message}`;
  if (err instanceof ApiError) {
    if (err.reason === 'Invalid') {
      // The name is Go-quoted (%q): it may hold escaped quotes.
      const m = /^(?:.*?: )?(The \S+ "(?:[^"\\]|\\.)*" is invalid)/.exec(err.message);
      if (m && err.causes.length > 1) return `${m[1]}: \n${err.causes.map((c) => `* ${c.field}: ${c.message}`).join('\n')}`;
      if (m && err.causes.length === 1) return `${m[1]}: ${err.causes[0].field}: ${err.causes[0].message}`;
      return err.message.replace(/^error when \S+ "[^"]*": /, '');
    }
    return `Error from server (${err.reason}): ${err.message}`;
  }
  if (err instanceof UnknownResourceTypeError) return `error: ${err.message}`;
  if (err instanceof NoKindMatchError) return `error: ${err.message}`;
  if (err instanceof Error) return `error: ${err.message}`;
  return `error: ${String(err)}`;
}

/** An ApiError with kubectl's `error when <verb> "<source>": ` inserted, as cmdutil.AddSourceToErr does. */
export function withSource(err: unknown, verb: string, source: string): unknown {
  if (err instanceof ApiError && err.reason !== 'Invalid') {
    const e = new ApiError(err.reason, `error when ${verb} "${source}": ${err.message}`, err.causes);
    return e;
  }
  return err;
}

export function errorResult(err: unknown, stdout = ''): ExecResult {
  const msg = formatError(err);
  return { stdout, stderr: msg.endsWith('\n') ? msg : msg + '\n', exitCode: err instanceof KubectlError ? err.exitCode : 1 };
}

/** Levenshtein distance, for cobra-style "Did you mean this?" suggestions. */
export function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length][b.length];
}

/** cobra's SuggestionsFor: distance ≤ 2 or the typed text is a prefix. */
export function suggest(typed: string, names: string[]): string[] {
  const t = typed.toLowerCase();
  return names.filter((n) => distance(t, n.toLowerCase()) <= 2 || n.toLowerCase().startsWith(t));
}
