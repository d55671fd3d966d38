/**
 * Large input must not freeze the lab (issue 8): the editor's Apply refuses a paste over 3 MiB
 * before parsing, and a long manifest is parsed and applied in slices with the event loop free
 * in between, the terminal output byte-for-byte that of one `kubectl apply`.
 */
import { describe, expect, it } from 'vitest';
import { APPLY_TOO_LARGE, createLabStore } from '../../../src/lab/store';
import type { LabSandbox } from '../../../src/lab/types';
import { createSandbox } from '../../../src/sim/index';

const svc = (i: number, extra = '') => `apiVersion: v1\nkind: Service\nmetadata:\n  name: s${i}\nspec:\n  ports:\n  - port: ${80 + (i % 5)}\n${extra}`;

/** 1,000 documents with server errors (bad ports, unknown fields) scattered, and a parse error near the end. */
function bigManifest(): string {
  const docs: string[] = [];
  for (let i = 0; i < 1000; i++) {
    if (i % 97 === 5) docs.push(svc(i).replace(`port: ${80 + (i % 5)}`, 'port: 0'));
    else if (i % 131 === 7) docs.push(svc(i, '  bogus: 1\n'));
    else docs.push(svc(i));
  }
  docs.splice(990, 0, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: broken\n data: x\n');
  return docs.join('---\n');
}

describe('kubectl apply in slices (the pause hook)', () => {
  it('gives the same stdout, stderr and exit code as one apply, pausing between slices', async () => {
    const yaml = bigManifest();
    const whole = await createSandbox().exec('kubectl apply -f -', { stdin: yaml });
    let pauses = 0;
    const sliced = await createSandbox().exec('kubectl apply -f -', { stdin: yaml, pause: async () => void pauses++ });
    expect(sliced).toEqual(whole);
    expect(whole.exitCode).toBe(1);
    expect(whole.stdout.split('\n').filter(Boolean).length).toBeGreaterThan(900);
    expect(whole.stderr).toContain('error parsing STDIN: error converting YAML to JSON: yaml: line 5: ');
    // 990 documents parsed before the error, then as many objects applied: a pause every 100 of each.
    expect(pauses).toBeGreaterThanOrEqual(18);
  });

  it('a short manifest never pauses', async () => {
    let pauses = 0;
    const r = await createSandbox().exec('kubectl apply -f -', { stdin: svc(1), pause: async () => void pauses++ });
    expect(r.stdout).toBe('service/s1 created\n');
    expect(pauses).toBe(0);
  });
});

describe('the lab store', () => {
  it('refuses a paste over 3 MiB before parsing: an apply error, nothing run', async () => {
    const sb = createSandbox();
    const calls: string[] = [];
    // The lab sees the sandbox through its narrower LabSandbox type, as boot.ts does.
    const spy = { ...sb, exec: (line: string, opts?: { stdin?: string }) => (calls.push(line), sb.exec(line, opts)) } as unknown as LabSandbox;
    const store = createLabStore(spy);
    const r = await store.getState().apply(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  a: ${'x'.repeat(3 * 1024 * 1024)}\n`);
    expect(r).toEqual({ stdout: '', stderr: APPLY_TOO_LARGE, exitCode: 1 });
    expect(APPLY_TOO_LARGE).toBe('Error from server (RequestEntityTooLarge): error when creating "STDIN": Request entity too large: limit is 3145728\n');
    expect(calls).toEqual([]);
    expect(store.getState().lastApply).toEqual({ ok: false, stdout: '', stderr: APPLY_TOO_LARGE });
    expect(store.getState().transcript.at(-1)).toMatchObject({ command: 'kubectl apply -f -', stderr: APPLY_TOO_LARGE, exitCode: 1 });
  });

  it('a long apply lets other tasks run before it ends, and the clock waits for it', async () => {
    const sb = createSandbox();
    const store = createLabStore(sb as unknown as LabSandbox);
    const yaml = bigManifest();
    const before = sb.clock.now();
    let otherTaskRan = false;
    setTimeout(() => (otherTaskRan = true), 0);
    const pending = store.getState().apply(yaml);
    // A clock tick arriving mid-apply does not move virtual time (the command takes none).
    await new Promise((r) => setTimeout(r, 0));
    await store.getState().tick(5_000);
    const r = await pending;
    expect(otherTaskRan).toBe(true);
    expect(sb.clock.now()).toBe(before);
    expect(r).toEqual(await createSandbox().exec('kubectl apply -f -', { stdin: yaml }));
    expect(store.getState().transcript.at(-1)).toMatchObject({ command: 'kubectl apply -f -', stdout: r.stdout, stderr: r.stderr });
  });
});
