/** Upstream's name cases, replayed through az (see names.cases.ts). */
import { describe, expect, it } from 'vitest';
import { Lab, NODE_RG, title } from './harness';
import { nameCases, UPSTREAM_PREFIX } from './names.cases';

const P = 'service.beta.kubernetes.io/';

describe('cloud-provider-azure: resource names', () => {
  for (const tc of nameCases) {
    it(title(tc.ref), async () => {
      const lab = new Lab();
      const vnet = (await lab.ok(`az network vnet list -g ${NODE_RG} --query [0].name -o tsv`)).trim();
      await lab.ok(`az network vnet subnet create -g ${NODE_RG} --vnet-name ${vnet} -n ${tc.subnet} --address-prefixes 10.225.0.0/24`);
      await lab.apply({ ports: [9000], internal: tc.internal, annotations: { [P + 'azure-load-balancer-internal-subnet']: tc.subnet } });
      expect(await lab.syncError()).toBeUndefined();
      const base = await lab.baseName();
      const lb = tc.internal ? 'kubernetes-internal' : 'kubernetes';
      const names =
        tc.kind === 'rule'
          ? (await lab.lbRules(lb)).map((r) => r.name)
          : (await lab.json<{ name: string }[]>(`az network lb frontend-ip list -g ${NODE_RG} --lb-name ${lb}`)).map((f) => f.name);
      const mine = names.filter((n) => n.startsWith(base)).map((n) => UPSTREAM_PREFIX + n.slice(base.length));
      expect(mine).toEqual([tc.expected]);
    });
  }
});
