/**
 * The lab placeholder's side of "never lost" (the lab itself saves and rebuilds: src/lab/saved-lab.ts).
 * Kept tiny, as it ships with every lab page before the lab is started: it only asks whether a
 * saved lab exists, offers "Resume lab" / "Start fresh", and passes a running lab on to the next
 * page (the language switch, the sandbox's new options) so it starts there without a click.
 */
import { siteStorage } from './storage';

export type StartMode = 'resume' | 'fresh';

/** Same key as src/lab/storage.ts `labKey(id, 'state')`. */
const savedKey = (labId: string) => `eil:lab:${labId}:state`;
const HANDOFF_KEY = 'eil:lab:handoff';

export function hasSavedLab(labId: string): boolean {
  return siteStorage().getItem(savedKey(labId)) !== null;
}

/** Asks the next page load to start this lab at once (one page load only, this tab only). */
export function handOff(labId: string, mode: StartMode): void {
  try {
    sessionStorage.setItem(HANDOFF_KEY, JSON.stringify({ labId, mode }));
  } catch {
    // No session storage: the learner presses Resume lab on the next page instead.
  }
}

/** Whether this page was reached from a page of this site: the only pages that hand a lab on. */
function cameFromThisSite(): boolean {
  try {
    return document.referrer !== '' && new URL(document.referrer).origin === location.origin;
  } catch {
    return false;
  }
}

/** The hand-off left for this lab, taken (so a later reload asks again). */
export function takeHandOff(labId: string): StartMode | null {
  // A page reached from elsewhere does not open session storage at all: its first use on a page
  // costs a phone's main thread ~20 ms (issue 18). (A host that strips the referrer costs only the
  // convenience: the learner presses Resume lab.)
  if (!cameFromThisSite()) return null;
  try {
    const raw = sessionStorage.getItem(HANDOFF_KEY);
    if (raw === null) return null;
    sessionStorage.removeItem(HANDOFF_KEY);
    const { labId: id, mode } = JSON.parse(raw) as { labId?: unknown; mode?: unknown };
    return id === labId && (mode === 'resume' || mode === 'fresh') ? mode : null;
  } catch {
    return null;
  }
}

/**
 * With a saved lab, each place that offers "Start lab" (the lab's placeholder, a lesson's start bar)
 * offers "Resume lab" and "Start fresh" instead. `start` starts the lab once, in the given mode.
 */
export function offerResume(places: Iterable<HTMLElement>, labId: string, start: (mode: StartMode) => void): void {
  if (!hasSavedLab(labId)) return;
  const choices: HTMLElement[] = [];
  for (const place of places) {
    const choice = place.querySelector<HTMLElement>('.lab-resume');
    const plain = place.querySelector<HTMLButtonElement>('.lab-start');
    if (!choice || !plain) continue;
    choice.hidden = false;
    plain.hidden = true;
    choices.push(choice);
  }
  for (const choice of choices) {
    for (const [selector, mode] of [
      ['.lab-resume-go', 'resume'],
      ['.lab-fresh', 'fresh'],
    ] as const) {
      choice.querySelector<HTMLButtonElement>(selector)?.addEventListener('click', () => {
        for (const c of choices) for (const b of c.querySelectorAll('button')) b.disabled = true;
        start(mode);
      });
    }
  }
}
