/**
 * Everything heavy starts here, on "Start lab" only: the simulator, Monaco, xterm and the views.
 * The page imports this module dynamically, so none of it is shipped before the learner asks.
 */
import { h, render } from 'preact';
import { createSandbox } from '../sim/index';
import { createLabStore } from './store';
import { startClock } from './clock-driver';
import { labStrings } from './i18n';
import { LabApp } from './LabApp';
import { createCompleter } from './terminal/complete';
import { forget, labKey } from './storage';
import { replay } from './replay';
import { encodeLab, type LogEntry } from '../learn/share/codec';
import { replayOrder } from './command-log';
import { optionsToSearch, parseSandboxOptions } from './sandbox-options';
import type { LabConfig, LabSandbox } from './types';
import type { ExerciseDef } from '../learn/exercise/types';

// Exercise modules live beside the lessons; only the one a lab names is loaded.
const exerciseModules = import.meta.glob<{ exercises?: ExerciseDef[] }>('../../content/labs/*.ts');

async function loadExercises(name: string | undefined): Promise<ExerciseDef[]> {
  const load = name ? exerciseModules[`../../content/labs/${name}.ts`] : undefined;
  return load ? ((await load()).exercises ?? []) : [];
}

export interface RunningLab {
  run(line: string): void;
  stop(): void;
}

export interface StartOptions {
  /** A command log to rebuild (from a share link). */
  log?: LogEntry[];
}

export async function startLab(root: HTMLElement, config: LabConfig, start: StartOptions = {}): Promise<RunningLab> {
  const t = labStrings(config.locale);
  // Fetched while the sandbox below is built (CPU-bound), not before it: one round trip less to wait for.
  const exercisesLoaded = loadExercises(config.exercises);
  let runner: (line: string) => void = () => undefined;
  let stopClock = () => undefined as void;
  let unsubscribe = () => undefined as void;
  /** Commands taken back by Undo, newest last; any new command forgets them. */
  let redo: LogEntry[] = [];

  /**
   * Builds a fresh sandbox (set-up, then an exercise's extra set-up, then a command log — its
   * frozen checkpoint, then the undoable recent commands — replayed at their original virtual
   * times) and renders the lab on it. Resolves once the terminal takes input.
   */
  const mount = async (extraSetup: string[] = [], log: LogEntry[] = [], faults?: Record<string, unknown>, checkpoint: LogEntry[] = [], history?: string[]): Promise<void> => {
    stopClock();
    unsubscribe();
    render(null, root);
    const sandbox = createSandbox(config.sandbox) as unknown as LabSandbox;
    for (const line of [...config.setup, ...extraSetup]) await sandbox.exec(line);
    await sandbox.settle();
    if (faults) sandbox.setFaults?.(faults);
    const startedAt = sandbox.clock.now();
    await replay(sandbox, [...checkpoint, ...log], startedAt);
    await sandbox.settle();
    const store = createLabStore(sandbox, { log, checkpoint, startedAt, history });
    const exercises = await exercisesLoaded;
    unsubscribe = store.subscribe((s, prev) => {
      if (s.ran > prev.ran) redo = [];
    });
    stopClock = startClock(store);
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
        history: {
          canRedo: redo.length > 0,
          undo: () => {
            const { commands, history } = store.getState();
            const { recent, checkpoint } = commands;
            if (recent.length === 0) return;
            const kept = recent.slice(0, -1);
            const undone = recent[recent.length - 1]!;
            // Set before mounting: the new lab reads it to enable Redo (replay itself logs nothing new).
            redo = [...redo, undone];
            // History carries over: the compacted log no longer holds the reads exercises look for.
            void mount(extraSetup, kept, faults, checkpoint, history.slice(0, -1));
          },
          redo: () => {
            const next = redo[redo.length - 1];
            if (!next) return;
            redo = redo.slice(0, -1);
            const { commands, history } = store.getState();
            void mount(extraSetup, [...commands.recent, next], faults, commands.checkpoint, [...history, next.line]);
          },
        },
        share: async () => {
          const { commands } = store.getState();
          if (!commands.rebuildable) return null;
          return encodeLab({ v: 1, lab: config.id, options: parseSandboxOptions(optionsToSearch(config.sandbox)), log: replayOrder(commands) });
        },
        onReady: (run: (line: string) => void) => {
          runner = run;
          ready();
        },
        onReset: (extra: string[] = [], faults?: Record<string, unknown>) => {
          forget(labKey(config.id, 'draft'));
          forget(labKey(config.id, 'history'));
          redo = [];
          void mount(extra, [], faults);
        },
      }),
      root,
    );
    await terminalReady;
  };

  await mount([], start.log ?? []);
  return {
    run: (line) => runner(line),
    stop() {
      stopClock();
      unsubscribe();
      render(null, root);
    },
  };
}
