/**
 * How a multi-cloud lab's tabs share one save (saved-lab.ts, version 2). Types only from the lab's
 * modules: a value imported here would split them out of the AKS lab's chunk.
 */
import type { CloudName } from '../../sim/options';
import type { CloudTab } from '../boot';
import type { SAVED_LAB_VERSION, SavedLab, SavedTab } from '../saved-lab';
import type { LabConfig } from '../types';

/** The storage and DOM id of a cloud's tab: the first is the lab itself (its draft, its history). */
export const tabLabId = (config: LabConfig, cloud: CloudName): string => (cloud === config.clouds?.[0] ? config.id : `${config.id}-${cloud}`);

/** saved-lab.ts's version (the type keeps them equal). */
const VERSION: typeof SAVED_LAB_VERSION = 2;

/** What rebuilds a tab from its part of the save. */
export const rebuildOf = (part: SavedTab | undefined): CloudTab['rebuild'] =>
  part
    ? { reset: part.reset, log: part.recent, checkpoint: part.checkpoint, history: part.history, answers: part.answers, redo: part.redo }
    : { log: [], checkpoint: [] };

/**
 * The save of a multi-cloud lab from each tab's part: the first tab at the top (as a one-cloud lab
 * saves), the other opened ones under `tabs`. Null when no tab holds anything worth resuming.
 */
export function savedFromTabs(options: SavedLab['options'], clouds: CloudName[], parts: Partial<Record<CloudName, SavedTab>>): SavedLab | null {
  const [first, ...rest] = clouds;
  const others = rest.filter((c) => parts[c]);
  const top = parts[first!];
  if (!top && others.length === 0) return null;
  const lab: SavedLab = { v: VERSION, options, ...(top ?? { checkpoint: [], recent: [], history: [], answers: {} }) };
  if (others.length > 0) lab.tabs = Object.fromEntries(others.map((c) => [c, parts[c]!]));
  return lab;
}

/** Each tab's part of a save (the inverse of savedFromTabs); tabs of clouds the lab does not have are dropped. */
export function tabsFromSaved(saved: SavedLab, clouds: CloudName[]): Partial<Record<CloudName, SavedTab>> {
  const { v: _v, options: _o, tabs, ...first } = saved;
  const parts: Partial<Record<CloudName, SavedTab>> = { [clouds[0]!]: first };
  for (const c of clouds.slice(1)) if (tabs?.[c]) parts[c] = tabs[c];
  return parts;
}
