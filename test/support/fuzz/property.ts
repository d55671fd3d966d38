/** One fuzz case: steps on a fresh sandbox; every output well-shaped; invariants after settle. */
import { writeFileSync } from 'node:fs';
import { createSandbox, type ExecResult } from '../../../src/sim/index';
import { checkClusterInvariants } from '../invariants';
import type { Step } from './arbitraries';
import { problemWith } from './classify';

export class FuzzFailure extends Error {}

const show = (s: string, max = 600) => JSON.stringify(s.length > max ? s.slice(0, max) + '…' : s);

export async function runCase(steps: Step[]): Promise<void> {
  const sb = createSandbox();
  for (const s of steps) {
    let r: ExecResult;
    if (process.env.FUZZ_TRACE) writeFileSync(process.env.FUZZ_TRACE, JSON.stringify(s) + '\n');
    try {
      r = await sb.exec(s.line, s.stdin === undefined ? {} : { stdin: s.stdin });
    } catch (e) {
      throw new FuzzFailure(`exec threw ${e instanceof Error ? e.stack : String(e)}\nline: ${show(s.line)}\nstdin: ${show(s.stdin ?? '')}`);
    }
    const p = problemWith(s.line + '\n' + (s.stdin ?? ''), r);
    if (p)
      throw new FuzzFailure(
        `${p}\nline: ${show(s.line)}\nstdin: ${show(s.stdin ?? '')}\nexit: ${r.exitCode}\nstdout: ${show(r.stdout, 300)}\nstderr: ${show(r.stderr)}`,
      );
  }
  try {
    await sb.settle();
  } catch (e) {
    throw new FuzzFailure(`settle threw ${e instanceof Error ? e.stack : String(e)}`);
  }
  checkClusterInvariants(sb);
}
