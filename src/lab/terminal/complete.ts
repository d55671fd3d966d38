import { completions } from '../../cli/completion';
import type { CliContext } from '../../cli/context';
import type { LabSandbox } from '../types';
import type { Completer } from './completer';

/** Tab completion in the lab terminal, from the CLI's own command tree and the live sandbox. */
export function createCompleter(sandbox: LabSandbox): Completer {
  return (line, cursor) => {
    const before = line.slice(0, cursor);
    const start = before.search(/\S*$/);
    return { start, candidates: completions(before, sandbox as unknown as CliContext) };
  };
}
