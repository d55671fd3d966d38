import { describe, expect, it } from 'vitest';
import { NODE_RG, sandbox } from './harness';

describe('az --query', () => {
  it('accepts functions on top-level fields (the expression is compiled, not run on an empty object)', async () => {
    const sb = sandbox();
    const r = await sb.exec(
      `az network lb show -g ${NODE_RG} -n kubernetes --query "{frontends:length(frontendIPConfigurations), rules:length(loadBalancingRules)}" -o json`,
    );
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ frontends: 1, rules: 0 });
  });

  it('still rejects an expression that does not parse', async () => {
    const sb = sandbox();
    const r = await sb.exec(`az network lb show -g ${NODE_RG} -n kubernetes --query "{frontends:"`);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^argument --query: invalid jmespath_type value: '\{frontends:'/);
  });

  it('reads the expression as Python jmespath does: a stray `-` or `=` is refused, a bare `literal` works', async () => {
    const sb = sandbox();
    for (const query of ['[0]\n--', '[?name=`kubernetes`]', '[0] - [1]']) {
      const r = await sb.exec(`az network lb list -g ${NODE_RG} --query '${query}'`);
      expect([r.exitCode, r.stdout]).toEqual([2, '']);
      expect(r.stderr).toContain(`argument --query: invalid jmespath_type value: '${query}'`);
    }
    const r = await sb.exec(`az network lb list -g ${NODE_RG} --query '[?name==\`kubernetes\`].name' -o tsv`);
    expect([r.exitCode, r.stdout]).toEqual([0, 'kubernetes\n']);
  });

  it("has Python jmespath's functions only: upper() is unknown when called", async () => {
    const r = await sandbox().exec(`az network lb list -g ${NODE_RG} --query '[].upper(name)'`);
    expect([r.exitCode, r.stdout, r.stderr]).toEqual([1, '', 'Unknown function: upper()\n']);
  });
});
