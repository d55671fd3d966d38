/** Upstream's Public IP cases, replayed through kubectl and az (see pip.cases.ts). */
import { describe, expect, it } from 'vitest';
import { Lab, NODE_RG, title } from './harness';
import { pipCases } from './pip.cases';

interface Pip {
  name: string;
  ipAddress?: string;
  tags?: Record<string, string>;
}

describe('cloud-provider-azure: public IPs', () => {
  for (const tc of pipCases) {
    it(title(tc.ref), async () => {
      const lab = new Lab();
      for (const line of tc.setup ?? []) await lab.ok(line);
      const before = await lab.json<Pip[]>(`az network public-ip list -g ${NODE_RG}`);
      const { loadBalancerIP, ...svc } = tc.svc;
      const ip = typeof loadBalancerIP === 'object' ? before.find((p) => p.name === loadBalancerIP.addressOf)!.ipAddress : loadBalancerIP;
      await lab.apply({ ...svc, loadBalancerIP: ip });
      if (tc.then) await lab.apply(tc.then);
      if (tc.error !== undefined) {
        expect(await lab.syncError()).toBe(tc.error);
        expect((await lab.service()).status.loadBalancer.ingress).toBeUndefined();
      } else {
        expect(await lab.syncError()).toBeUndefined();
        const base = await lab.baseName();
        const fronts = await lab.json<{ name: string; publicIPAddress?: { id: string } }[]>(
          `az network lb frontend-ip list -g ${NODE_RG} --lb-name kubernetes`,
        );
        const mine = fronts.find((f) => f.name === base)!;
        const pipName = mine.publicIPAddress!.id.split('/').pop()!;
        expect(pipName.replace(base, 'atest1')).toBe(tc.frontendPip);
        if (tc.tags) expect(await lab.json<Record<string, string>>(`az network public-ip show -g ${NODE_RG} -n ${pipName} --query tags`)).toEqual(tc.tags);
      }
      const after = await lab.json<Pip[]>(`az network public-ip list -g ${NODE_RG}`);
      for (const name of tc.untouched ?? []) {
        expect(after.find((p) => p.name === name)?.tags, name).toEqual(before.find((p) => p.name === name)?.tags);
      }
    });
  }
});
