/**
 * The cloud-provider suite as the fidelity ledger sees it: every ported upstream case (each a test
 * in this folder) and every case left out, with its reason. Built from the same tables the tests
 * run, so the ledger's numbers cannot drift from the suite.
 */
import type { Area, LedgerCase, LedgerSkip, LedgerSuite } from '../ledger';
import { ruleCases, skippedRuleCases } from './lb-rules.cases';
import { nameCases, skippedNameCases } from './names.cases';
import { nsgCases, skippedNsgCases } from './nsg.cases';
import { pipCases, skippedPipCases } from './pip.cases';
import { UPSTREAM, type UpstreamRef } from './upstream';

const source = (r: UpstreamRef) => `${r.file} ${r.func} "${r.name}"`;
const withEvents = (areas: Area[], event: boolean): Area[] => (event ? [...areas, 'events'] : areas);

const cases: LedgerCase[] = [
  // A rule case compares both the rules and the probes (with their names); an error case the event.
  ...ruleCases.map((c) => ({
    areas: c.error === undefined ? (['rules', 'probes', 'names'] as Area[]) : withEvents([c.ref.name.includes('SCTP') ? 'rules' : 'probes'], true),
    source: source(c.ref),
  })),
  ...nsgCases.map((c) => ({ areas: withEvents(['nsg', 'names'], c.error !== undefined || !!c.warningsOnDelete), source: source(c.ref) })),
  ...pipCases.map((c) => ({ areas: withEvents([c.tags ? 'tags' : 'publicIps'], c.error !== undefined), source: source(c.ref) })),
  ...nameCases.map((c) => ({ areas: ['names'] as Area[], source: source(c.ref) })),
];

const skipped: LedgerSkip[] = [
  ...skippedRuleCases.map((c) => ({ areas: ['rules'] as Area[], source: source(c.ref), reason: c.reason })),
  ...skippedNsgCases.map((c) => ({ areas: ['nsg'] as Area[], source: source(c.ref), reason: c.reason })),
  ...skippedPipCases.map((c) => ({ areas: ['publicIps'] as Area[], source: source(c.ref), reason: c.reason })),
  ...skippedNameCases.map((c) => ({ areas: ['names'] as Area[], source: source(c.ref), reason: c.reason })),
];

export const ledger: LedgerSuite = {
  id: 'cloud-provider',
  method: 'upstream-tests',
  reference: `${UPSTREAM.repo} ${UPSTREAM.tag} (${UPSTREAM.commit.slice(0, 7)})`,
  referenceUrl: `https://github.com/${UPSTREAM.repo}/tree/${UPSTREAM.commit}/pkg/provider`,
  cases,
  skipped,
};
