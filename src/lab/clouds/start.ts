/**
 * A multi-cloud lab (`clouds` with more than one entry): one tab per cloud, each a lab of its own
 * (`startLab` with that cloud's sandbox, set-up and storage keys) built the first time it is opened,
 * so its terminal, editor, portal, change feed and diagram keep their state while another is shown.
 * The tabs share one save and one share link (the first tab is the lab itself, the others ride in
 * `tabs`) and the exercises, each checked in its own cloud's tab.
 *
 * Loaded only for such labs. It imports nothing but types from the lab's modules and gets their
 * functions from boot.ts: a value import would make Rollup split those modules into a chunk of
 * their own, which every AKS lab would then fetch too. The tab bar is plain DOM for the same reason.
 */
import type { ExerciseState } from '../../learn/exercise/types';
import type { checkEntry as CheckEntry, LIMITS as Limits, LogEntry } from '../../learn/share/codec';
import type { CloudName } from '../../sim/options';
import type { CloudTab, RunningLab, startLab as StartLab, StartOptions } from '../boot';
import type { ExerciseTabs } from '../exercises/ExercisesPanel';
import type { SandboxPageOptions } from '../sandbox-options';
import type { forgetLab as ForgetLab, parseSavedLab as ParseSavedLab, readSavedLab as ReadSavedLab, SavedTab, saveLab as SaveLab } from '../saved-lab';
import type { forget as Forget, labKey as LabKey } from '../storage';
import type { LabStore } from '../store';
import type { LabConfig, LabSandbox } from '../types';
import { cloudOf, inTheirTabs } from './exercises';
import { checkSharedTabs, rebuildOf, savedFromTabs, tabLabId, tabsFromSaved } from './saved-tabs';
import { CLOUD_LABELS, cloudStrings } from './strings';

/**
 * What boot.ts hands over, in this order (a list, not an object: its names would be the AKS
 * chunk's only copy of them, bytes every AKS lab fetches).
 */
export type LabModules = [
  startLab: typeof StartLab,
  readSavedLab: typeof ReadSavedLab,
  parseSavedLab: typeof ParseSavedLab,
  checkEntry: typeof CheckEntry,
  limits: typeof Limits,
  saveLab: typeof SaveLab,
  forgetLab: typeof ForgetLab,
  forget: typeof Forget,
  labKey: typeof LabKey,
];

interface OpenTab {
  store: LabStore;
  sandbox: LabSandbox;
  reset(extra?: string[], faults?: Record<string, unknown>): void;
  unsubscribe(): void;
}

const CSS = `.lab-clouds,.lab-cloud-panel{display:flex;flex-direction:column;flex:1;min-height:0;min-width:0}
.lab-cloud-panel[hidden]{display:none}
.lab-cloud-tabs{background:var(--surface);overflow-x:auto;scrollbar-width:thin;flex:none}
.lab-cloud-tabs .lab-tab{white-space:nowrap}
.lab-cloud-panel>.lab-status{margin:auto;padding:1rem;color:var(--muted)}`;

export async function startClouds(root: HTMLElement, config: LabConfig, start: StartOptions, modules: LabModules): Promise<RunningLab> {
  const [startLab, readSavedLab, parseSavedLab, checkEntry, LIMITS, saveLab, forgetLab, forget, labKey] = modules;
  const clouds = config.clouds!;
  const t = cloudStrings(config.locale);
  let parts: Partial<Record<CloudName, SavedTab>> = {};
  let options = start.options;
  if (start.log) {
    // A share link: its tabs replace the saved lab once they save.
    // Damaged or foreign tabs are dropped together: the first tab's log was checked on its own.
    const logs: Partial<Record<string, LogEntry[]>> = {
      ...checkSharedTabs(start.tabs, clouds, start.log.length, checkEntry, LIMITS.entries),
      [clouds[0]!]: start.log,
    };
    for (const c of clouds) {
      const log = logs[c];
      if (log?.length) parts[c] = { checkpoint: [], recent: log, history: log.map((e) => e.line), answers: {} };
    }
  } else if (start.mode === 'fresh') {
    for (const c of clouds) forgetLab(tabLabId(config, c));
  } else {
    const found = readSavedLab(config.id);
    const saved = found && tabsFromSaved(found, clouds, parseSavedLab);
    if (found && saved) {
      options = found.options;
      parts = saved;
    }
  }
  const open = new Map<CloudName, OpenTab>();
  const opening = new Map<CloudName, Promise<RunningLab>>();
  const panels = new Map<CloudName, HTMLElement>();
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const l of listeners) l();
  };
  let selected = clouds[0]!;

  const write = () => {
    const saved = options && savedFromTabs(options, clouds, parts);
    if (saved) saveLab(config.id, saved);
    else forget(labKey(config.id, 'state'));
  };

  const tabState = (cloud: CloudName): ExerciseState | undefined => {
    const tab = open.get(cloud);
    if (!tab) return undefined;
    const { history, answers } = tab.store.getState();
    return { sandbox: tab.sandbox, history, answers };
  };
  const exercises: ExerciseTabs = {
    wrap: (defs) => inTheirTabs(defs, clouds, tabState),
    show: async (ex) => {
      await select(cloudOf(ex, clouds));
      return open.get(cloudOf(ex, clouds))!.store;
    },
    reset: (ex) => void select(cloudOf(ex, clouds)).then(() => open.get(cloudOf(ex, clouds))?.reset(ex.setup ?? [], ex.faults)),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };

  const hooks = (cloud: CloudName): CloudTab => ({
    rebuild: rebuildOf(parts[cloud]),
    save: (saved) => {
      if (saved) {
        const { v: _v, options: own, tabs: _t, ...part } = saved;
        options = own;
        parts[cloud] = part;
      } else delete parts[cloud];
      write();
    },
    share: (own) => {
      // Every tab's log: the asking tab's own, the others' as last saved (250 ms after a command).
      const logs: Partial<Record<CloudName, LogEntry[]>> = {};
      for (const c of clouds) {
        const part = parts[c];
        const log = c === cloud ? own.log : part ? [...part.checkpoint, ...part.recent] : [];
        if (log.length > 0) logs[c] = log;
      }
      const { [clouds[0]!]: first = [], ...tabs } = logs;
      return { ...own, lab: config.id, log: first, ...(Object.keys(tabs).length > 0 ? { tabs } : {}) };
    },
    forget: () => {
      delete parts[cloud];
      forget(labKey(tabLabId(config, cloud), 'draft'));
      forget(labKey(tabLabId(config, cloud), 'history'));
      write();
    },
    exercises,
    mounted: (store, sandbox, reset) => {
      open.get(cloud)?.unsubscribe();
      // This cloud's exercises are checked from every tab's panel: tell them when its state moves.
      // Typed answers belong to the lesson, not to one cloud: every tab holds them all.
      const unsubscribe = store.subscribe((s, prev) => {
        if (s.answers !== prev.answers)
          for (const [c, o] of open) if (c !== cloud && o.store.getState().answers !== s.answers) o.store.setState({ answers: s.answers });
        if (s.worldVersion !== prev.worldVersion || s.history !== prev.history || s.answers !== prev.answers) changed();
      });
      const known = [...open.values()].find((o) => o.store !== store)?.store.getState().answers;
      if (known) store.setState({ answers: { ...known, ...store.getState().answers } });
      open.set(cloud, { store, sandbox, reset, unsubscribe });
      changed();
    },
  });

  if (!document.getElementById('lab-clouds-css')) {
    document.head.append(Object.assign(document.createElement('style'), { id: 'lab-clouds-css', textContent: CSS }));
  }
  const shell = document.createElement('div');
  shell.className = 'lab-clouds';
  const bar = document.createElement('div');
  bar.className = 'lab-tabs lab-cloud-tabs';
  bar.setAttribute('role', 'tablist');
  bar.setAttribute('aria-label', t.tabs);
  const buttons = clouds.map((cloud, i) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'lab-tab';
    b.id = `${config.id}-cloud-${cloud}`;
    b.setAttribute('role', 'tab');
    b.setAttribute('aria-controls', `${config.id}-cloud-panel-${cloud}`);
    b.textContent = CLOUD_LABELS[cloud];
    b.addEventListener('click', () => void select(cloud).catch(() => undefined));
    // Arrow keys, Home and End move between the tabs; Enter, Space or a click opens one (manual
    // activation: opening a cloud the first time builds its sandbox, so passing over it must not).
    b.addEventListener('keydown', (e) => {
      const n = clouds.length;
      const next = e.key === 'ArrowRight' ? (i + 1) % n : e.key === 'ArrowLeft' ? (i + n - 1) % n : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : -1;
      if (next < 0) return;
      e.preventDefault();
      buttons[next]!.focus();
    });
    return b;
  });
  bar.append(...buttons);
  shell.append(bar);
  start.show?.();
  root.replaceChildren(shell);

  /** Shows a cloud's tab, building its lab the first time; resolves once its terminal takes input. */
  function select(cloud: CloudName): Promise<RunningLab> {
    selected = cloud;
    let panel = panels.get(cloud);
    if (!panel) {
      panel = document.createElement('div');
      panel.className = 'lab-cloud-panel';
      panel.id = `${config.id}-cloud-panel-${cloud}`;
      panel.setAttribute('role', 'tabpanel');
      panel.setAttribute('aria-labelledby', `${config.id}-cloud-${cloud}`);
      panel.append(Object.assign(document.createElement('p'), { className: 'lab-status', role: 'status', textContent: t.starting(CLOUD_LABELS[cloud]) }));
      panels.set(cloud, panel);
      shell.append(panel);
    }
    for (const [c, p] of panels) p.hidden = c !== cloud;
    clouds.forEach((c, i) => {
      buttons[i]!.setAttribute('aria-selected', String(c === cloud));
      buttons[i]!.tabIndex = c === cloud ? 0 : -1;
    });
    let running = opening.get(cloud);
    if (!running) {
      const tabConfig: LabConfig = {
        ...config,
        id: tabLabId(config, cloud),
        sandbox: { ...config.sandbox, cloud },
        setup: [...config.setup, ...(config.cloudSetup?.[cloud] ?? [])],
      };
      delete tabConfig.clouds;
      delete tabConfig.cloudSetup;
      const target = panel;
      // The lab's options, but each tab its own cloud (once the page options carry one, it must not win).
      running = startLab(target, tabConfig, options ? { options: { ...options, cloud } as SandboxPageOptions } : {}, hooks(cloud));
      // The lab renders beside the status line (Preact leaves nodes it did not make): gone once it is up.
      void running.then(
        () => target.querySelector(':scope > .lab-status')?.remove(),
        () => {
          // Tried again the next time the tab is opened.
          opening.delete(cloud);
          target.replaceChildren(Object.assign(document.createElement('p'), { className: 'lab-status', textContent: t.failed(CLOUD_LABELS[cloud]) }));
        },
      );
      opening.set(cloud, running);
    }
    return running;
  }

  await select(clouds[0]!);
  return {
    run: (line, cloud) => {
      const target = cloud && clouds.includes(cloud as CloudName) ? (cloud as CloudName) : selected;
      void select(target).then((tab) => tab.run(line));
    },
    stop() {
      for (const running of opening.values()) void running.then((tab) => tab.stop());
      for (const tab of open.values()) tab.unsubscribe();
    },
  };
}
