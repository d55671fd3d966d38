/** CLI fidelity fixes from review: exact text as real kubectl prints it. */
import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../../src/sim/index';

describe('kubectl apply: YAML alias bomb', () => {
  it("billion laughs is refused with go-yaml's wording", async () => {
    const sb = createSandbox();
    const bomb = [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
      '',
    ].join('\n');
    const r = await sb.exec('kubectl apply -f -', { stdin: bomb });
    expect(r).toEqual({
      stdout: '',
      stderr: 'error: error parsing STDIN: error converting YAML to JSON: yaml: document contains excessive aliasing\n',
      exitCode: 1,
    });
  });
  it('a few aliases are still fine', async () => {
    const sb = createSandbox();
    const yaml = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n  labels: &l\n    app: x\n  annotations: *l\n';
    const r = await sb.exec('kubectl apply -f -', { stdin: yaml });
    expect(r.stderr + r.stdout).toBe('configmap/cm created\n');
  });
});
