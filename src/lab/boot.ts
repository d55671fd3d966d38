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
import { labKey } from './storage';
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

async function prepareSandbox(config: LabConfig, extraSetup: string[]): Promise<LabSandbox> {
  const sandbox = createSandbox(config.sandbox) as unknown as LabSandbox;
  for (const line of [...config.setup, ...extraSetup]) await sandbox.exec(line);
  await sandbox.settle();
  return sandbox;
}

export async function startLab(root: HTMLElement, config: LabConfig): Promise<RunningLab> {
  const t = labStrings(config.locale);
  let runner: (line: string) => void = () => undefined;
  let stopClock = () => undefined as void;

  /** Resolves once the terminal can take commands, so a "Run in terminal" click never gets lost. */
  const exercises = await loadExercises(config.exercises);
  const mount = async (extraSetup: string[] = []) => {
    const sandbox = await prepareSandbox(config, extraSetup);
    const store = createLabStore(sandbox);
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
        onReady: (run: (line: string) => void) => {
          runner = run;
          ready();
        },
        onReset: (extraSetup: string[] = []) => {
          stopClock();
          render(null, root);
          try {
            localStorage.removeItem(labKey(config.id, 'draft'));
            localStorage.removeItem(labKey(config.id, 'history'));
          } catch {
            // nothing stored, nothing to forget
          }
          void mount(extraSetup);
        },
      }),
      root,
    );
    await terminalReady;
  };
  await mount();
  return {
    run: (line) => runner(line),
    stop() {
      stopClock();
      render(null, root);
    },
  };
}
