/**
 * What a conformance suite tells the fidelity ledger (docs/fidelity.md, /[lang]/fidelity/).
 * Each suite exports `ledger: LedgerSuite` from `test/conformance/<suite>/cases.ts`; the page
 * reads every such module at build time, so the numbers it shows are counted from the case
 * tables the tests run, never typed by hand. Modules must stay pure data (no sandbox import).
 */

/** The behaviour areas the ledger lists (the page gives each a title in both languages). */
export type Area = 'names' | 'tags' | 'rules' | 'probes' | 'nsg' | 'events' | 'publicIps' | 'cli' | 'timings' | 'dataPath';

/** How a behaviour was checked. */
export type Method = 'upstream-tests' | 'real-kubectl' | 'public-outputs' | 'assumed';

export interface LedgerCase {
  /** What the case checks, main area first (an error case also checks the event it produces). */
  areas: Area[];
  /** Shown in the ledger: upstream file, function and case name (or scenario name). */
  source: string;
}

export interface LedgerSkip extends LedgerCase {
  /** Why the case is not run: what the lab does not model. */
  reason: string;
}

export interface LedgerSuite {
  id: string;
  method: Method;
  /** Where the reference comes from, e.g. `kubernetes-sigs/cloud-provider-azure v1.33.17 (0479db5)`. */
  reference: string;
  referenceUrl?: string;
  /** Every case the suite runs (each one is a test that must pass). */
  cases: LedgerCase[];
  /** Cases of the reference the suite does not run, each with its reason. */
  skipped: LedgerSkip[];
}
