/**
 * A multi-cloud lab (`clouds` with more than one entry): one tab per cloud, each a lab of its own
 * (`startLab` with that cloud's sandbox, set-up and storage keys) built the first time it is opened,
 * so its terminal, editor, portal, change feed and diagram keep their state while another is shown.
 * The tabs share one save and one share link (the first tab is the lab itself, the others ride in
 * `tabs`) and the exercises, each checked in its own cloud's tab. Loaded only for such labs.
 */
import { h, render } from 'preact';
import type { ExerciseDef } from '../../learn/exercise/types';
import { encodeLab, type LogEntry } from '../../learn/share/codec';
import type { CloudName } from '../../sim/options';
import type { CloudTab, RunningLab, startLab as StartLab, StartOptions } from '../boot';
import { replayOrder } from '../command-log';
import type { ExerciseTabs } from '../exercises/ExercisesPanel';
import { optionsToSearch, parseSandboxOptions, toSandboxOptions } from '../sandbox-options';
import { forgetLab, readSavedLab, SAVED_LAB_VERSION, type SavedLab, type SavedTab, saveLab } from '../saved-lab';
import { forget, labKey } from '../storage';
import type { LabStore } from '../store';
import type { LabConfig, LabSandbox } from '../types';
import { CloudTabs, cloudPanelId, cloudTabId } from './CloudTabs';
import { CLOUD_LABELS, cloudStrings } from './strings';

interface OpenTab {
  store: LabStore;
  sandbox: LabSandbox;
  reset(extra?: string[], faults?: Record<string, unknown>): void;
  unsubscribe(): void;
}

/** The storage and DOM id of a cloud's tab: the first is the lab itself (its draft, its history). */
export const tabLabId = (config: LabConfig, cloud: CloudName): string => (cloud === config.clouds?.[0] ? config.id : `${config.id}-${cloud}`);

/** What rebuilds a tab from its part of the save. */
const rebuildOf = (part: SavedTab | undefined): CloudTab['rebuild'] =>
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
  const lab: SavedLab = { v: SAVED_LAB_VERSION, options, ...(top ?? { checkpoint: [], recent: [], history: [], answers: {} }) };
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

export async function startClouds(root: HTMLElement, config: LabConfig, start: StartOptions, startLab: typeof StartLab): Promise<RunningLab> {
  const clouds = config.clouds!;
  const t = cloudStrings(config.locale);
  let parts: Partial<Record<CloudName, SavedTab>> = {};
  if (start.log) {
    // A share link: its tabs replace the saved lab once they save.
    config = { ...config, sandbox: { ...config.sandbox, ...(start.options ? toSandboxOptions(start.options) : {}) } };
    const logs: Partial<Record<string, LogEntry[]>> = { ...start.tabs, [clouds[0]!]: start.log };
    for (const c of clouds) {
      const log = logs[c];
      if (log?.length) parts[c] = { checkpoint: [], recent: log, history: log.map((e) => e.line), answers: {} };
    }
  } else if (start.mode === 'fresh') {
    for (const c of clouds) forgetLab(tabLabId(config, c));
  } else {
    const saved = readSavedLab(config.id);
    if (saved) {
      config = { ...config, sandbox: { ...config.sandbox, ...toSandboxOptions(saved.options) } };
      parts = tabsFromSaved(saved, clouds);
    }
  }
  const options = parseSandboxOptions(optionsToSearch(config.sandbox));
  const open = new Map<CloudName, OpenTab>();
  const opening = new Map<CloudName, Promise<RunningLab>>();
  const panels = new Map<CloudName, HTMLElement>();
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const l of listeners) l();
  };
  let selected = clouds[0]!;

  const write = () => {
    const lab = savedFromTabs(options, clouds, parts);
    if (lab) saveLab(config.id, lab);
    else forget(labKey(config.id, 'state'));
  };

  /** Every tab's log for a share link: the open tabs' live logs, the others' as saved. */
  const share = async (): Promise<string> => {
    const logs: Partial<Record<CloudName, LogEntry[]>> = {};
    for (const c of clouds) {
      const live = open.get(c)?.store.getState().commands;
      const part = parts[c];
      const log = live ? replayOrder(live) : part ? [...part.checkpoint, ...part.recent] : [];
      if (log.length > 0) logs[c] = log;
    }
    const { [clouds[0]!]: first = [], ...tabs } = logs;
    return encodeLab({ v: 1, lab: config.id, options, log: first, ...(Object.keys(tabs).length > 0 ? { tabs } : {}) });
  };

  const cloudOf = (ex: ExerciseDef): CloudName => (ex.cloud && clouds.includes(ex.cloud) ? ex.cloud : clouds[0]!);
  const exercises: ExerciseTabs = {
    stateOf: (ex) => {
      const tab = open.get(cloudOf(ex));
      if (!tab) {
        const name = CLOUD_LABELS[cloudOf(ex)];
        return { en: cloudStrings('en').openTab(name), ko: cloudStrings('ko').openTab(name) };
      }
      const { history, answers } = tab.store.getState();
      return { sandbox: tab.sandbox, history, answers };
    },
    storeOf: (ex) => open.get(cloudOf(ex))?.store,
    show: async (ex) => {
      const cloud = cloudOf(ex);
      await select(cloud);
      return open.get(cloud)!.store;
    },
    reset: (ex) => {
      void select(cloudOf(ex)).then(() => open.get(cloudOf(ex))?.reset(ex.setup ?? [], ex.faults));
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };

  const hooks = (cloud: CloudName): CloudTab => ({
    rebuild: rebuildOf(parts[cloud]),
    save: (lab) => {
      if (lab) {
        const { v: _v, options: _o, tabs: _t, ...part } = lab;
        parts[cloud] = part;
      } else delete parts[cloud];
      write();
    },
    share: () => share(),
    forget: () => {
      delete parts[cloud];
      forget(labKey(tabLabId(config, cloud), 'draft'));
      forget(labKey(tabLabId(config, cloud), 'history'));
      write();
    },
    exercises,
    mounted: (store, sandbox, reset) => {
      open.get(cloud)?.unsubscribe();
      // Exercises of this cloud are checked from every tab's panel: tell them when its state moves.
      const unsubscribe = store.subscribe((s, prev) => {
        if (s.worldVersion !== prev.worldVersion || s.history !== prev.history || s.answers !== prev.answers) changed();
      });
      open.set(cloud, { store, sandbox, reset, unsubscribe });
      changed();
    },
  });

  const shell = document.createElement('div');
  shell.className = 'lab-clouds';
  const bar = document.createElement('div');
  shell.append(bar);
  root.replaceChildren(shell);
  const paint = () =>
    render(h(CloudTabs, { labId: config.id, clouds, selected, label: t.tabs, onSelect: (c: CloudName) => void select(c).catch(() => undefined) }), bar);

  /** Shows a cloud's tab, building its lab the first time; resolves once its terminal takes input. */
  function select(cloud: CloudName): Promise<RunningLab> {
    selected = cloud;
    let panel = panels.get(cloud);
    if (!panel) {
      panel = document.createElement('div');
      panel.className = 'lab-cloud-panel';
      panel.id = cloudPanelId(config.id, cloud);
      panel.setAttribute('role', 'tabpanel');
      panel.setAttribute('aria-labelledby', cloudTabId(config.id, cloud));
      const status = document.createElement('p');
      status.className = 'lab-status';
      status.setAttribute('role', 'status');
      status.textContent = t.starting(CLOUD_LABELS[cloud]);
      panel.append(status);
      panels.set(cloud, panel);
      shell.append(panel);
    }
    for (const [c, p] of panels) p.hidden = c !== cloud;
    paint();
    let lab = opening.get(cloud);
    if (!lab) {
      const tabConfig: LabConfig = {
        ...config,
        id: tabLabId(config, cloud),
        sandbox: { ...config.sandbox, cloud },
        setup: [...config.setup, ...(config.cloudSetup?.[cloud] ?? [])],
      };
      delete tabConfig.clouds;
      delete tabConfig.cloudSetup;
      const target = panel;
      lab = startLab(target, tabConfig, {}, hooks(cloud));
      lab.catch(() => {
        // Tried again the next time the tab is opened.
        opening.delete(cloud);
        target.replaceChildren(Object.assign(document.createElement('p'), { className: 'lab-status', textContent: t.failed(CLOUD_LABELS[cloud]) }));
      });
      opening.set(cloud, lab);
    }
    return lab;
  }

  await select(clouds[0]!);
  return {
    run: (line, cloud) => {
      const target = cloud && clouds.includes(cloud as CloudName) ? (cloud as CloudName) : selected;
      void select(target).then((lab) => lab.run(line));
    },
    stop() {
      for (const lab of opening.values()) void lab.then((l) => l.stop());
      for (const tab of open.values()) tab.unsubscribe();
      render(null, bar);
    },
  };
}
