/** Upstream's getExpectedLBRules table, replayed through kubectl and az (see lb-rules.cases.ts). */
import { describe, expect, it } from 'vitest';
import { Lab, title, UpstreamTerms } from './harness';
import { ruleCases } from './lb-rules.cases';

describe('cloud-provider-azure: load-balancing rules and health probes', () => {
  for (const tc of ruleCases) {
    it(title(tc.ref), async () => {
      const lab = new Lab();
      await lab.apply(tc.svc);
      const lbName = tc.svc.internal ? 'kubernetes-internal' : 'kubernetes';
      if (tc.error !== undefined) {
        expect(await lab.syncError()).toBe(tc.error);
        expect((await lab.service()).status.loadBalancer.ingress).toBeUndefined();
        return;
      }
      expect(await lab.syncError()).toBeUndefined();
      const terms = new UpstreamTerms(await lab.service());
      expect((await lab.lbRules(lbName)).map((r) => terms.rule(r))).toEqual(tc.rules);
      expect((await lab.lbProbes(lbName)).map((p) => terms.probe(p))).toEqual(tc.probes);
    });
  }
});
