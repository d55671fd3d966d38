/**
 * The guard rails `npm test` runs before any test (scripts/test.mjs): a floating promise in the lab
 * or an unformatted file makes `npm run lint` fail naming the file and line, and a type error is
 * reported by the project's TypeScript settings with its file and line. Probe files are written into
 * src/lab (where the rules must hold), checked, and removed.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const root = process.cwd();
const probes: string[] = [];
const probe = (name: string, text: string) => {
  const rel = `src/lab/__guard-${process.pid}-${name}.ts`;
  writeFileSync(join(root, rel), text);
  probes.push(rel);
  return rel;
};
afterAll(() => {
  for (const p of probes) rmSync(join(root, p), { force: true });
});

/** `npm run lint` exactly as package.json spells it, on the given files instead of the whole tree. */
function lint(files: string[]) {
  const [tool, ...args] = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.lint as string).split(' ');
  expect(tool).toBe('biome');
  const r = spawnSync(join(root, 'node_modules/.bin/biome'), [...args.filter((a) => a !== '.'), '--colors=off', ...files], { cwd: root, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** A module in src/lab calling the lab's async `replay`; the call is on line 5, column 3. */
const callsReplay = (signature: string, call: string) =>
  `import { replay } from './replay';\n\ntype Args = Parameters<typeof replay>;\n${signature} {\n  ${call}\n}\n`;

describe('the lint step', () => {
  it('fails on a floating promise in src/lab and on an unformatted file, naming file and line', () => {
    // The promise comes from another module: the rule follows the types, not the `async` keyword.
    const floating = probe('floating', callsReplay('export function probe(...args: Args): void', 'replay(...args);'));
    const awaited = probe('awaited', callsReplay('export async function probe(...args: Args): Promise<void>', 'await replay(...args);'));
    const voided = probe('voided', callsReplay('export function probe(...args: Args): void', 'void replay(...args);'));
    const unformatted = probe('unformatted', ['export const ok = 1;', 'export const fields = {name:"web",   port:80}', ''].join('\n'));

    const { status, out } = lint([floating, awaited, voided, unformatted]);
    expect(status).not.toBe(0);
    expect(out).toContain(`${floating}:5:3 lint/nursery/noFloatingPromises`);
    // Awaited, or explicitly let go with `void`: both pass.
    expect(out).not.toContain(awaited);
    expect(out).not.toContain(voided);
    // A format diagnostic names the file; its diff shows the line number and the line as written.
    expect(out).toContain(`${unformatted} format`);
    expect(out).toMatch(/2\s+│ - export·const·fields·=·\{name:"web",···port:80\}/);
  }, 120_000);
});

describe('the type check', () => {
  it('reports a type error with file and line under the project tsconfig', () => {
    const bad = probe('type-error', ['export const port: number = 80;', 'export const name: string = port;', ''].join('\n'));
    const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
    expect(config).toBeDefined();
    const program = ts.createProgram([join(root, bad)], { ...config!.options, noEmit: true });
    const diagnostics = ts.getPreEmitDiagnostics(program).filter((d) => d.file?.fileName.endsWith(bad));
    const text = ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' });
    expect(text).toContain(`${bad}(2,14): error TS2322: Type 'number' is not assignable to type 'string'.`);
  }, 120_000);
});
