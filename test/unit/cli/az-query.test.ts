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
});
