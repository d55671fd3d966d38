import type { LogEntry } from '../learn/share/codec';
import type { LabSandbox } from './types';

/**
 * Rebuilds a lab's state from its command log: each command runs at the virtual time it first ran,
 * so controllers see the same timeline and the same seed gives the same names and addresses.
 */
export async function replay(sandbox: LabSandbox, log: LogEntry[], startedAt: number): Promise<void> {
  for (const entry of log) {
    const due = startedAt + entry.t;
    const now = sandbox.clock.now();
    if (due > now) await sandbox.advance(due - now);
    await sandbox.exec(entry.line, entry.stdin === undefined ? undefined : { stdin: entry.stdin });
  }
}
