import { resolvePath, type ShellState } from './types';

/** Reads the named in-memory files (`-` is stdin), or stdin when no file is named. */
export function readInput(args: string[], stdin: string, shell: ShellState, tool: string): { text: string; err: string } {
  if (!args.length) return { text: stdin, err: '' };
  let text = '';
  let err = '';
  for (const f of args) {
    if (f === '-') text += stdin;
    else {
      const c = shell.files.get(resolvePath(shell, f));
      if (c === undefined) err += `${tool}: ${f}: No such file or directory\n`;
      else text += c;
    }
  }
  return { text, err };
}

export const splitLines = (t: string): string[] => (t === '' ? [] : t.replace(/\n$/, '').split('\n'));

export const joinLines = (ls: string[]): string => ls.map((l) => l + '\n').join('');

/** `tool: invalid option -- 'x'` + the usage hint GNU tools print, exit 1 (grep uses 2). */
export const badOption = (tool: string, opt: string, code = 1) => ({
  stdout: '',
  stderr: `${tool}: invalid option -- '${opt}'\nTry '${tool} --help' for more information.\n`,
  exitCode: code,
});
