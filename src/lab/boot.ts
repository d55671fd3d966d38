/**
 * Everything heavy starts here, on "Start lab" only: the simulator, Monaco, xterm and the views.
 * The page imports this module dynamically, so none of it is shipped before the learner asks.
 */
import { h, render } from 'preact';
import type { ExerciseDef } from '../learn/exercise/types';
import { checkEntry, encodeLab, LIMITS, type LogEntry, type SharedLab } from '../learn/share/codec';
import { createSandbox } from '../sim/index';
import { startClock } from './clock-driver';
import { replayOrder } from './command-log';
import type { ExerciseTabs } from './exercises/ExercisesPanel';
import { labStrings } from './i18n';
import { LabApp } from './LabApp';
import { replay } from './replay';
import { optionsToSearch, parseSandboxOptions, type SandboxPageOptions, toSandboxOptions } from './sandbox-options';
import { forgetLab, parseSavedLab, readSavedLab, SAVED_LAB_VERSION, type SavedLab, saveLab, worthSaving } from './saved-lab';
import { forget, labKey } from './storage';
import { createLabStore, type LabStore } from './store';
import { createCompleter } from './terminal/complete';
import type { LabConfig, LabSandbox } from './types';

/**
 * User-timing marks along the start path (`lab:…`): bench/lab-trace.mjs splits its profile of
 * "Start lab" → prompt at them. A mark costs microseconds.
 */
const mark = (name: string) => performance.mark(`lab:${name}`);
mark('boot-evaluated');

// Exercise modules live beside the lessons; only the one a lab names is loaded.
const exerciseModules = import.meta.glob<{ exercises?: ExerciseDef[] }>('../../content/labs/*.ts');

async function loadExercises(name: string | undefined): Promise<ExerciseDef[]> {
  const load = name ? exerciseModules[`../../content/labs/${name}.ts`] : undefined;
  return load ? ((await load()).exercises ?? []) : [];
}

export interface RunningLab {
  /** Types a command into the terminal; in a multi-cloud lab, into that cloud's tab (shown first). */
  run(line: string, cloud?: string): void;
  stop(): void;
}

export interface StartOptions {
  /** A command log to rebuild (from a share link); it replaces the lab's saved state. */
  log?: LogEntry[];
  /** The share link's cluster options. */
  options?: SandboxPageOptions;
  /** `resume` (the default) rebuilds the saved lab if there is one; `fresh` forgets it first. */
  mode?: 'resume' | 'fresh';
  /** A multi-cloud share link's other tabs' logs, as the link had them (clouds/start.ts checks them). */
  tabs?: unknown;
  /**
   * Called just before the lab renders (its first render, and again after Undo or Reset, where it
   * changes nothing): the page makes room for it (docks it).
   */
  show?: () => void;
}

/** What a (re)mount rebuilds: an exercise start, then the log, and what the log cannot give back. */
export interface Rebuild {
  /** The exercise whose set-up and faults the lab was reset to. */
  reset?: string;
  log: LogEntry[];
  checkpoint: LogEntry[];
  history?: string[];
  answers?: Record<string, string>;
}

/**
 * One tab of a multi-cloud lab (clouds/start.ts): a lab of its own, except that its save, share
 * link and Reset go through the lab that holds every tab.
 */
export interface CloudTab {
  rebuild: Rebuild & { redo?: LogEntry[] };
  /** Keeps this tab's part of the lab's save (null: nothing worth keeping). */
  save(lab: SavedLab | null): void;
  /** The whole lab's share link from this tab's own. */
  share(lab: SharedLab): SharedLab;
  /** Reset: this tab's part of the save, its draft and terminal history go; other tabs keep theirs. */
  forget(): void;
  exercises: ExerciseTabs;
  /** Each (re)mount's store, sandbox and Reset: other tabs check exercises in it and reset it. */
  mounted(store: LabStore, sandbox: LabSandbox, reset: (extra?: string[], faults?: Record<string, unknown>) => void): void;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export async function startLab(root: HTMLElement, config: LabConfig, start: StartOptions = {}, tab?: CloudTab): Promise<RunningLab> {
  // Tabs and their sandboxes come in a chunk of their own: a one-cloud lab never fetches it.
  // It gets what it needs from here: importing these modules itself would split them out of this chunk.
  if (!tab && (config.clouds?.length ?? 0) > 1)
    return (await import('./clouds/start')).startClouds(root, config, start, [
      startLab,
      readSavedLab,
      parseSavedLab,
      checkEntry,
      LIMITS,
      saveLab,
      forgetLab,
      forget,
      labKey,
    ]);
  const t = labStrings(config.locale);
  let saved: SavedLab | undefined;
  if (start.options) config = { ...config, sandbox: { ...config.sandbox, ...toSandboxOptions(start.options) } };
  if (start.mode === 'fresh') forgetLab(config.id);
  else if (!start.log && !tab) saved = readSavedLab(config.id);
  if (saved) config = { ...config, sandbox: { ...config.sandbox, ...toSandboxOptions(saved.options) } };
  /** The cluster options as the sandbox page and share links spell them. */
  const pageOptions = parseSandboxOptions(optionsToSearch(config.sandbox));
  // The sandbox page shows the options the lab really started with (a resumed lab keeps its own).
  root.dispatchEvent(new CustomEvent('lab:options', { bubbles: true, detail: pageOptions }));
  // Fetched while the sandbox below is built (CPU-bound), not before it: one round trip less to wait for.
  const exercisesLoaded = loadExercises(config.exercises);
  let runner: (line: string) => void = () => undefined;
  let stopClock: () => void = () => undefined;
  let unsubscribe: () => void = () => undefined;
  let stopSaving: () => void = () => undefined;
  /** Commands taken back by Undo, newest last; any new command forgets them. Saved with the lab. */
  let redo: LogEntry[] = saved?.redo ?? tab?.rebuild.redo ?? [];

  /**
   * Builds a fresh sandbox (set-up, then an exercise's extra set-up, then a command log — its
   * frozen checkpoint, then the undoable recent commands — replayed at their original virtual
   * times) and renders the lab on it. Resolves once the terminal takes input.
   */
  const mount = async (rebuild: Rebuild): Promise<void> => {
    stopClock();
    unsubscribe();
    stopSaving();
    render(null, root);
    const { reset, log, checkpoint, history, answers } = rebuild;
    const exercise = reset === undefined ? undefined : (await exercisesLoaded).find((e) => e.id === reset);
    mark('mount');
    const sandbox = createSandbox(config.sandbox) as unknown as LabSandbox;
    mark('sandbox-created');
    for (const line of [...config.setup, ...(exercise?.setup ?? [])]) await sandbox.exec(line);
    await sandbox.settle();
    mark('set-up');
    if (exercise?.faults) sandbox.setFaults?.(exercise.faults);
    const startedAt = sandbox.clock.now();
    const replayed = [...checkpoint, ...log];
    const results = await replay(sandbox, replayed, startedAt);
    await sandbox.settle();
    const store = createLabStore(sandbox, { log, checkpoint, startedAt, history, answers });
    const loaded = await exercisesLoaded;
    // In a multi-cloud lab each exercise reads its own cloud's tab.
    const exercises = tab ? tab.exercises.wrap(loaded) : loaded;
    unsubscribe = store.subscribe((s, prev) => {
      if (s.ran > prev.ran) redo = [];
    });
    stopSaving = keepSaved(config.id, store, pageOptions, exercise?.id, () => redo, tab);
    stopClock = startClock(store);
    const onReset = (extra: string[] = [], faults?: Record<string, unknown>) => {
      if (tab) tab.forget();
      else forgetLab(config.id);
      redo = [];
      // Saved as the exercise's id: its set-up and faults are the lesson's, never read back from storage.
      const target = extra.length > 0 || faults ? exercises.find((e) => sameJson(e.setup ?? [], extra) && sameJson(e.faults, faults)) : undefined;
      void mount({ reset: target?.id, log: [], checkpoint: [] });
    };
    tab?.mounted(store, sandbox, onReset);
    start.show?.();
    let ready!: () => void;
    const terminalReady = new Promise<void>((resolve) => (ready = resolve));
    render(
      h(LabApp, {
        store,
        sandbox,
        config,
        t,
        complete: createCompleter(sandbox),
        exercises,
        cloudTabs: tab?.exercises,
        history: {
          canRedo: redo.length > 0,
          undo: () => {
            const { commands, history, answers } = store.getState();
            const { recent, checkpoint } = commands;
            if (recent.length === 0) return;
            const kept = recent.slice(0, -1);
            const undone = recent[recent.length - 1]!;
            // Set before mounting: the new lab reads it to enable Redo (replay itself logs nothing new).
            redo = [...redo, undone];
            // History carries over: the compacted log no longer holds the reads exercises look for.
            void mount({ reset, log: kept, checkpoint, history: history.slice(0, -1), answers });
          },
          redo: () => {
            const next = redo[redo.length - 1];
            if (!next) return;
            redo = redo.slice(0, -1);
            const { commands, history, answers } = store.getState();
            void mount({ reset, log: [...commands.recent, next], checkpoint: commands.checkpoint, history: [...history, next.line], answers });
          },
        },
        share: async () => {
          const { commands } = store.getState();
          if (!commands.rebuildable) return null;
          const lab: SharedLab = { v: 1, lab: config.id, options: pageOptions, log: replayOrder(commands) };
          return encodeLab(tab ? tab.share(lab) : lab);
        },
        onReady: (run: (line: string) => void) => {
          runner = run;
          ready();
        },
        onReset,
      }),
      root,
    );
    mark('rendered');
    await terminalReady;
    mark('terminal-ready');
    if (replayed.length > 0) {
      store.getState().showReplayed(
        t.replayedNote(replayed.length),
        replayed.map((e, i) => ({ line: e.line, result: results[i]! })),
      );
    }
  };

  await mount(
    tab?.rebuild ??
      (start.log
        ? { log: start.log, checkpoint: [] }
        : saved
          ? { reset: saved.reset, log: saved.recent, checkpoint: saved.checkpoint, history: saved.history, answers: saved.answers }
          : { log: [], checkpoint: [] }),
  );
  return {
    run: (line) => runner(line),
    stop() {
      stopClock();
      unsubscribe();
      stopSaving();
      render(null, root);
    },
  };
}

/**
 * Saves the lab shortly after each command or answer (and at once when the page is hidden), so a
 * reload, another lesson or the language switch can rebuild it. A lab too long to rebuild is not
 * kept: resuming it would give a different lab.
 */
function keepSaved(labId: string, store: LabStore, options: SandboxPageOptions, reset: string | undefined, redo: () => LogEntry[], tab?: CloudTab): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    clearTimeout(timer);
    timer = undefined;
    const { commands, history, answers } = store.getState();
    const lab: SavedLab = { v: SAVED_LAB_VERSION, options, checkpoint: commands.checkpoint, recent: commands.recent, history, answers };
    if (reset !== undefined) lab.reset = reset;
    if (redo().length > 0) lab.redo = redo();
    const keep = commands.rebuildable && worthSaving(lab);
    if (tab) tab.save(keep ? lab : null);
    else if (keep) saveLab(labId, lab);
    else forget(labKey(labId, 'state'));
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 250);
  };
  const onHide = () => {
    if (timer !== undefined) save();
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.commands !== prev.commands || s.answers !== prev.answers) later();
  });
  save();
  window.addEventListener('pagehide', onHide);
  document.addEventListener('visibilitychange', onHide);
  return () => {
    onHide();
    unsubscribe();
    window.removeEventListener('pagehide', onHide);
    document.removeEventListener('visibilitychange', onHide);
  };
}
