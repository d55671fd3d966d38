/** The ledger's view of this suite is sound: one entry per case, every left-out case has a reason. */
import { describe, expect, it } from 'vitest';
import { ledger } from './cases';
import { ruleCases } from './lb-rules.cases';
import { nameCases } from './names.cases';
import { nsgCases } from './nsg.cases';
import { pipCases } from './pip.cases';

describe('fidelity ledger: cloud-provider suite', () => {
  it('lists each ported case once, as many as the tests run', () => {
    const sources = ledger.cases.map((c) => c.source);
    expect(new Set(sources).size).toBe(sources.length);
    expect(sources.length).toBe(ruleCases.length + nsgCases.length + pipCases.length + nameCases.length);
  });

  it('gives every case left out a reason and never lists a case as both ported and left out', () => {
    const ported = new Set(ledger.cases.map((c) => c.source));
    for (const s of ledger.skipped) {
      expect(s.reason.length, s.source).toBeGreaterThan(20);
      expect(ported.has(s.source), s.source).toBe(false);
    }
  });
});
