/**
 * Runs one scenario twice on identical sandboxes (same seed): through the real `kubectl` binary
 * against the simulated API server (src/api), and through the lab's own kubectl
 * (`sandbox.exec`). Both sides let virtual time settle after every command. The outputs are
 * then compared after normalising only ages and timestamps.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiServer, listen } from '../../../src/api/server';
import { createSandbox, type Sandbox } from '../../../src/sim/index';
import type { KubectlScenario } from './cases';

export interface Output {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface StepResult {
  command: string;
  real: Output;
  lab: Output;
}

/** The real kubectl on PATH, or undefined (the suite then skips, loudly). */
export function realKubectlVersion(): string | undefined {
  const r = spawnSync('kubectl', ['version', '--client', '-o', 'json'], { encoding: 'utf8' });
  if (r.status !== 0) return undefined;
  try {
    return (JSON.parse(r.stdout) as { clientVersion: { gitVersion: string } }).clientVersion.gitVersion;
  } catch {
    return undefined;
  }
}

const SEED = 4242;

export async function runScenario(scenario: KubectlScenario, opts: { raw?: boolean } = {}): Promise<StepResult[]> {
  const real = createSandbox({ seed: SEED });
  const lab = createSandbox({ seed: SEED });
  real.settleSync();
  lab.settleSync();
  const server = createApiServer(real, { settle: 'manual' });
  const port = await listen(server, 0);
  const dir = mkdtempSync(join(tmpdir(), 'eil-kubectl-'));
  const kubeconfig = join(dir, 'config');
  writeFileSync(kubeconfig, kubeconfigFor(port));
  const results: StepResult[] = [];
  try {
    for (const step of scenario.steps) {
      const realOut = await runReal(step.args, step.stdin, kubeconfig, dir);
      real.settleSync();
      const labOut = await lab.exec(['kubectl', ...step.args].map(shellQuote).join(' '), { stdin: step.stdin });
      lab.settleSync();
      const fix = opts.raw ? (o: Output) => o : (o: Output) => normalise(o, step.args[0] === 'describe');
      results.push({ command: `kubectl ${step.args.join(' ')}`, real: fix(realOut), lab: fix(labOut) });
    }
  } finally {
    await close(server);
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

function kubeconfigFor(port: number): string {
  return `apiVersion: v1
kind: Config
clusters:
- name: lab
  cluster:
    server: http://127.0.0.1:${port}
contexts:
- name: lab
  context:
    cluster: lab
    user: lab
    namespace: default
current-context: lab
users:
- name: lab
  user: {}
`;
}

/** Async on purpose: the API server answering this kubectl runs in this very process. */
function runReal(args: string[], stdin: string | undefined, kubeconfig: string, dir: string): Promise<Output> {
  return new Promise((resolve, reject) => {
    const child = spawn('kubectl', [...args, `--cache-dir=${join(dir, 'cache')}`], {
      env: { ...process.env, KUBECONFIG: kubeconfig, HOME: dir, KUBECTL_KUBERC: 'false' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, stderr, exitCode: code ?? 1 }));
    child.stdin.end(stdin ?? '');
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

const TIMESTAMP = /\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z\b/g;
const GO_TIME = /\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d [+-]\d{4}\b/g;
/** `5s`, `20m`, `3m12s`, `2d4h`, `<invalid>` in AGE / LAST SEEN columns and describe's `x ago`. */
const AGE = /(?<=^|\s|\()(\d+[smhdy])+(?=\s|$|\))|<invalid>/gm;

/**
 * Ages and timestamps only. Tables from the API server carry ages on the virtual clock, the
 * same on both sides; `describe` computes its event ages in the client from the wall clock
 * (real kubectl) or the virtual clock (the lab), so there an age of another width shifts the
 * columns after it: runs of spaces are collapsed in describe output.
 */
export function normalise(o: Output, clientSideAges = false): Output {
  const fix = (s: string) => {
    const t = s.replace(TIMESTAMP, '<time>').replace(GO_TIME, '<time>').replace(AGE, '<age>');
    return clientSideAges ? t.replace(/ {2,}/g, '  ') : t;
  };
  return { stdout: fix(o.stdout), stderr: fix(o.stderr), exitCode: o.exitCode };
}

export type { Sandbox };
