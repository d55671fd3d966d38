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

export interface RunningLab {
  run(line: string): void;
  stop(): void;
}

async function prepareSandbox(config: LabConfig): Promise<LabSandbox> {
  const sandbox = createSandbox(config.sandbox) as unknown as LabSandbox;
  for (const line of config.setup) await sandbox.exec(line);
  await sandbox.settle();
  return sandbox;
}

export async function startLab(root: HTMLElement, config: LabConfig): Promise<RunningLab> {
  const t = labStrings(config.locale);
  let runner: (line: string) => void = () => undefined;
  let stopClock = () => undefined as void;

  /** Resolves once the terminal can take commands, so a "Run in terminal" click never gets lost. */
  const mount = async () => {
    const sandbox = await prepareSandbox(config);
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
        onReady: (run: (line: string) => void) => {
          runner = run;
          ready();
        },
        onReset: () => {
          stopClock();
          render(null, root);
          try {
            localStorage.removeItem(labKey(config.id, 'draft'));
            localStorage.removeItem(labKey(config.id, 'history'));
          } catch {
            // nothing stored, nothing to forget
          }
          void mount();
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
