import { describe, expect, it } from 'vitest';
import { explain } from '../../../src/explain/index';
import { inboundRows } from '../../../src/explain/ui/Diagram';
import { apply, NODE_RG, outputs, run, sandbox, svcYaml } from './fixtures';

const P = 'service.beta.kubernetes.io/';

describe('the diagram draws one row per inbound address', () => {
  it('Public IPs, an internal frontend, a pending Service and an orphan, with the real names', async () => {
    const sb = sandbox();
    await run(sb, [
      'kubectl create namespace qa',
      `az network public-ip create -g ${NODE_RG} -n kubernetes-a0123456789abcdef0123456789abcde --sku Standard --tags k8s-azure-service=qa/gone`,
    ]);
    await apply(sb, svcYaml('web', 'qa', [80, 443]));
    await apply(sb, svcYaml('db', 'qa', [5432], { [`${P}azure-load-balancer-internal`]: 'true' }));
    await apply(sb, svcYaml('stuck', 'qa', [8080], { [`${P}azure-pip-name`]: 'missing' }));
    const o = await outputs(sb);
    const x = explain([o.services, o.publicIps, o.lb, o.lbInternal, o.events]);
    const rows = inboundRows(x, (s) => s);
    const web = x.services.find((s) => s.name === 'web')!;
    expect(rows.map((r) => [r.kind, r.role ?? '', r.services.join(','), r.rules])).toEqual([
      ['pip', 'service', 'qa/web', 'TCP 80, TCP 443'],
      ['pip', 'orphan', 'qa/gone', ''],
      ['private', '', 'qa/db', 'TCP 5432'],
      ['pending', '', 'qa/stuck', ''],
    ]);
    expect(rows[0]).toMatchObject({ title: web.publicIp, sub: web.externalIp, frontend: web.frontend, lb: 'kubernetes' });
    expect(rows[2]).toMatchObject({ lb: 'kubernetes-internal', title: x.services.find((s) => s.name === 'db')!.externalIp });
  });
});
