import type { LogEntry } from '../learn/share/codec';
import type { ExecResult, LabSandbox } from './types';

/**
 * Rebuilds a lab's state from its command log: each command runs at the virtual time it first ran,
 * so controllers see the same timeline and the same seed gives the same names and addresses.
 */
export async function replay(sandbox: LabSandbox, log: LogEntry[], startedAt: number): Promise<ExecResult[]> {
  const results: ExecResult[] = [];
  for (const entry of log) {
    const due = startedAt + entry.t;
    const now = sandbox.clock.now();
    if (due > now) await sandbox.advance(due - now);
    results.push(await sandbox.exec(entry.line, entry.stdin === undefined ? undefined : { stdin: entry.stdin }));
  }
  // The outputs, so the rebuilt terminal can show what the commands printed the first time.
  return results;
}
