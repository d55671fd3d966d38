/**
 * How a multi-cloud lab's tabs share one save (saved-lab.ts, version 2). Types only from the lab's
 * modules: a value imported here would split them out of the AKS lab's chunk.
 */
import type { checkEntry, LogEntry } from '../../learn/share/codec';
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

/**
 * Each tab's part of a save (the inverse of savedFromTabs), every tab checked as a save of its own
 * (`parse`: saved-lab.ts's parseSavedLab); tabs of clouds the lab does not have are dropped. Null if
 * any tab is damaged: a save is never half-used.
 */
export function tabsFromSaved(saved: SavedLab, clouds: CloudName[], parse: (value: unknown) => SavedLab | null): Partial<Record<CloudName, SavedTab>> | null {
  const { v: _v, options: _o, tabs, ...first } = saved;
  const parts: Partial<Record<CloudName, SavedTab>> = { [clouds[0]!]: first };
  if (tabs === undefined) return parts;
  if (typeof tabs !== 'object' || tabs === null || Array.isArray(tabs)) return null;
  for (const [cloud, part] of Object.entries(tabs)) {
    const tab = parse({ ...(part as object), v: 1, options: {} });
    if (!tab || !CLOUDS.includes(cloud as CloudName)) return null;
    const { v: _tv, options: _to, tabs: _tt, ...own } = tab;
    if (clouds.includes(cloud as CloudName)) parts[cloud as CloudName] = own;
  }
  return parts;
}

const CLOUDS: readonly CloudName[] = ['aks', 'eks', 'gke', 'metallb', 'k3s'];

/**
 * A share link's other tabs (decodeLab hands them on unchecked): each log well-formed and in time
 * order, every cloud one this lab has, and no more commands in all than a link may carry. Anything
 * else gives null: the link's tabs are not half-used.
 */
export function checkSharedTabs(
  raw: unknown,
  clouds: CloudName[],
  firstLog: number,
  check: typeof checkEntry,
  maxEntries: number,
): Partial<Record<CloudName, LogEntry[]>> | null {
  if (raw === undefined) return {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const tabs: Partial<Record<CloudName, LogEntry[]>> = {};
  let entries = firstLog;
  for (const [cloud, log] of Object.entries(raw)) {
    if (!CLOUDS.includes(cloud as CloudName) || !clouds.includes(cloud as CloudName) || !Array.isArray(log)) return null;
    const checked: LogEntry[] = [];
    for (const e of log) {
      const entry = check(e);
      if (typeof entry === 'string' || entry.t < (checked.at(-1)?.t ?? 0)) return null;
      checked.push(entry);
    }
    entries += checked.length;
    if (entries > maxEntries) return null;
    tabs[cloud as CloudName] = checked;
  }
  return tabs;
}
