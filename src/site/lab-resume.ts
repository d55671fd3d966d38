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

/** The hand-off left for this lab, taken (so a later reload asks again). */
export function takeHandOff(labId: string): StartMode | null {
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
 * With a saved lab, the placeholder offers "Resume lab" and "Start fresh" instead of "Start lab".
 * `start` starts the lab once, in the given mode.
 */
export function offerResume(shell: HTMLElement, labId: string, start: (mode: StartMode) => void): void {
  const choice = shell.querySelector<HTMLElement>('.lab-resume');
  const plain = shell.querySelector<HTMLButtonElement>('.lab-start');
  if (!choice || !plain || !hasSavedLab(labId)) return;
  choice.hidden = false;
  plain.hidden = true;
  for (const [selector, mode] of [['.lab-resume-go', 'resume'], ['.lab-fresh', 'fresh']] as const) {
    const button = choice.querySelector<HTMLButtonElement>(selector);
    button?.addEventListener('click', () => {
      for (const b of choice.querySelectorAll('button')) b.disabled = true;
      start(mode);
    });
  }
}
