import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { table } from '../../../src/cli/printers/tabwriter';
import { SHELL_BUILTINS } from '../../../src/cli/shell/builtins';
import { runShell } from '../../../src/cli/shell/interpreter';
import { type CommandFn, createShellState } from '../../../src/cli/shell/types';

describe('shell robustness', () => {
  it('never throws on arbitrary input: either runs or reports a bash error', async () => {
    const commands = new Map<string, CommandFn<unknown>>(SHELL_BUILTINS);
    const alphabet = fc.constantFrom('a', ' ', '"', "'", '\\', '$', '(', ')', '|', '&', ';', '<', '>', '\n', '#', '{', '}', '`', 'E', 'O', 'F', '-');
    await fc.assert(
      fc.asyncProperty(
        fc.array(alphabet, { maxLength: 40 }).map((a) => a.join('')),
        async (line) => {
          const r = await runShell({ commands, ctx: null, shell: createShellState() }, line);
          expect(typeof r.exitCode).toBe('number');
          if (r.exitCode === 2 && r.stderr.startsWith('bash: ')) expect(r.stdout).toBe('');
        },
      ),
      { numRuns: 400 },
    );
  });

  it('a heredoc body with an unmatched backtick is a bash error, not a crash (found by the property above)', async () => {
    const commands = new Map<string, CommandFn<unknown>>(SHELL_BUILTINS);
    const r = await runShell({ commands, ctx: null, shell: createShellState() }, '<<a\n`');
    expect(r).toEqual({ stdout: '', stderr: "bash: unexpected EOF while looking for matching ``'\n", exitCode: 2 });
  });

  it('echo round-trips any single-quoted text', async () => {
    const commands = new Map<string, CommandFn<unknown>>(SHELL_BUILTINS);
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 30 }).filter((s) => !s.includes("'") && !s.includes('\n') && !s.includes('\r')),
        async (s) => {
          const r = await runShell({ commands, ctx: null, shell: createShellState() }, `echo '${s}'`);
          expect(r.stdout).toBe(s + '\n');
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('tabwriter alignment', () => {
  it('starts every column at the same offset on every row', () => {
    const cell = fc.stringMatching(/^[a-z0-9./:<>-]{1,14}$/);
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }).chain((n) => fc.array(fc.array(cell, { minLength: n, maxLength: n }), { minLength: 1, maxLength: 8 })),
        (rows) => {
          const out = table(rows).replace(/\n$/, '').split('\n');
          const starts = (l: string) => [...l.matchAll(/\S+/g)].map((m) => m.index);
          const first = starts(out[0]);
          for (const l of out) expect(starts(l)).toEqual(first);
          for (const l of out) expect(l).not.toMatch(/ $/);
        },
      ),
      { numRuns: 200 },
    );
  });
});
