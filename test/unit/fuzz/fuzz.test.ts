/**
 * Fuzzing (issue 8): random and mutated command lines and manifests through `sandbox.exec`. No
 * exception may escape, every failure must be worded like the real tool (test/support/fuzz/
 * classify.ts), and the cluster invariants must hold after settle. Bounded here (a few seconds
 * per property); `npm run fuzz` runs the same properties for 100,000 cases.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { arbitraries } from '../../support/fuzz/arbitraries';
import { runCase } from '../../support/fuzz/property';
import { loadSeeds, type Seeds } from '../../support/fuzz/seeds';

let seeds: Seeds;
let arb: ReturnType<typeof arbitraries>;
beforeAll(async () => {
  seeds = await loadSeeds();
  arb = arbitraries(seeds);
});

// Each property stops after its time budget (passing with the cases it ran), so the unit run
// stays under ~20 s on a loaded machine; the long run is `npm run fuzz`.
const budget = { numRuns: 400, interruptAfterTimeLimit: 4_000 };

describe('fuzzing through sandbox.exec', () => {
  it('has seeds from the lessons (and the shared corpus when present)', () => {
    expect(seeds.counts.lessons + seeds.counts.labs).toBeGreaterThan(0);
    expect(seeds.yaml.length).toBeGreaterThan(3);
  });

  it('random and mutated command lines: no crash, real-tool messages, invariants hold', async () => {
    await fc.assert(fc.asyncProperty(arb.commandSteps, runCase), budget);
  });

  it('random and mutated manifests through kubectl apply/create: no crash, real-tool messages, invariants hold', async () => {
    await fc.assert(fc.asyncProperty(arb.applySteps, runCase), budget);
  });

  it('mixed sequences of both', async () => {
    await fc.assert(fc.asyncProperty(arb.steps, runCase), { ...budget, numRuns: 200, interruptAfterTimeLimit: 3_000 });
  });
});

// Counterexamples the properties found on developer runs, kept as ordinary cases.
describe('fuzz counterexamples', () => {
  it.each([
    // az names the misspelled word as typed, quote included: `''aks' is misspelled …` is az's own wording.
    ["az \\'aks"],
    // A word holding U+2028 (bidi overrides around it): az names it as typed.
    ['az \u202e\u2028\u202enetwork lb outbound-rule show'],
  ])('%s', async (line) => {
    await runCase([{ kind: 'line', line }]);
  });
});
