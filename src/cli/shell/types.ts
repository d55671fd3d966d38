/** What every command (builtin, kubectl, az, later helm/curl/grep) returns. */
export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/**
 * Per-terminal shell state that outlives one command line: variables, the in-memory files
 * written with `cat > f.yaml <<EOF`, the last exit status and history.
 */
export interface ShellState {
  vars: Map<string, string>;
  files: Map<string, string>;
  lastExit: number;
  history: string[];
  /** `alias k=kubectl`: first-word replacements (split on blanks, no re-parsing). */
  aliases: Map<string, string>;
  /** Directories made with `mkdir` (parents of files exist implicitly). */
  dirs: Set<string>;
}

export function createShellState(): ShellState {
  return {
    vars: new Map([
      ['HOME', '/home/azureuser'],
      ['USER', 'azureuser'],
      ['SHELL', '/bin/bash'],
      ['PWD', '/home/azureuser'],
    ]),
    files: new Map(),
    lastExit: 0,
    history: [],
    aliases: new Map(),
    dirs: new Set(),
  };
}

export interface Invocation<C> {
  argv: string[];
  stdin: string;
  /** Whether stdin was redirected or piped (a command may wait for input otherwise). */
  stdinProvided: boolean;
  shell: ShellState;
  ctx: C;
  /** Runs a nested command line (used by `watch`, `xargs`-like helpers later). */
  run(line: string, stdin?: string): Promise<ExecResult>;
}

export type CommandFn<C> = (inv: Invocation<C>) => Promise<ExecResult> | ExecResult;

export const ok = (stdout = ''): ExecResult => ({ stdout, stderr: '', exitCode: 0 });
export const fail = (stderr: string, exitCode = 1, stdout = ''): ExecResult => ({ stdout, stderr, exitCode });

/** Normalises a path for the in-memory file map: `./a.yaml`, `~/a.yaml` and `/home/azureuser/a.yaml` are one file. */
export function normalizePath(p: string, cwd = '/home/azureuser'): string {
  let s = p;
  if (s === '~') s = '/home/azureuser';
  if (s.startsWith('~/')) s = '/home/azureuser/' + s.slice(2);
  if (!s.startsWith('/')) s = cwd.replace(/\/$/, '') + '/' + s;
  const parts: string[] = [];
  for (const part of s.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return '/' + parts.join('/');
}

/** A path as the shell resolves it: relative to the current directory. */
export function resolvePath(shell: ShellState, p: string): string {
  return normalizePath(p, shell.vars.get('PWD') ?? '/home/azureuser');
}
