/**
 * Public entry of the explainer (issue 16): `explain(pastes)` reads what a learner pasted from a
 * real cluster (kubectl and az outputs, recognised by shape) and answers which Public IP is whose.
 * Pure and deterministic: no DOM, no clock, no network; the page and the tests call the same function.
 */
import { analyze } from './analyze';
import { COMMANDS, type CommandKey, commandFor } from './commands';
import { render } from './i18n';
import { merge, type Parsed, recognize } from './recognize';
import type { Explanation, InputExplanation, Locale } from './types';

export { COMMANDS, commandFor } from './commands';
export { missingMessages, render } from './i18n';
export { type LabSetup, labSetup } from './lab-setup';
export { LESSON_SECTIONS, lessonHref } from './lessons';
export type * from './types';

export interface ExplainOptions {
  /** Language of `message`/`text` fields (codes and params are always there to re-render). */
  locale?: Locale;
}

const EMPTY: Parsed = { services: [], events: [], publicIps: [], loadBalancers: [], clusters: [], nsgs: [], nsgRules: [], nodes: [], nodeResourceGroups: [] };

export function explain(pastes: string[], options: ExplainOptions = {}): Explanation {
  const locale = options.locale ?? 'en';
  const t = (code: string, params: Record<string, string | number>) => render(code, params, locale);
  const recognised = pastes.map((p) => recognize(typeof p === 'string' ? p : ''));
  let parsed: Parsed = { ...EMPTY };
  for (const r of recognised) parsed = merge(parsed, r.parsed) as Parsed;
  parsed.servicesSeen = recognised.some((r) => r.kind === 'services');
  parsed.eventsSeen = recognised.some((r) => r.kind === 'events');
  const result = analyze(parsed, t);
  const known = result.cluster;
  const inputs: InputExplanation[] = recognised.map((r, index) => {
    // A command named by key gets the node resource group filled in once a paste revealed it.
    const command = r.command === undefined ? undefined : r.command in COMMANDS ? commandFor(r.command as CommandKey, known) : String(r.command);
    const params = { ...r.params, ...(command ? { command } : {}) };
    return {
      index,
      ok: r.ok,
      kind: r.kind,
      problem: r.problem,
      count: r.count,
      command,
      line: r.line,
      column: r.column,
      code: r.code,
      params,
      message: t(r.code, params),
      notes: r.notes.map((nt) => ({ ...nt, text: t(nt.code, nt.params) })),
    };
  });
  return { ...result, inputs };
}
