import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { LabStore, Pane, Speed } from './store';
import type { LabConfig, LabSandbox } from './types';
import type { LabStrings } from './i18n';
import type { Completer } from './terminal/completer';
import { useLab } from './use-store';
import { Editor } from './editor/Editor';
import { Terminal, type TerminalApi } from './terminal/Terminal';
import { PortalView } from './portal/PortalView';
import { Diagram } from './diagram/Diagram';
import { Portal, type PortalContext } from './portal/context';
import { SNIPPETS } from './editor/snippets';
import { ExercisesPanel } from './exercises/ExercisesPanel';
import type { ExerciseDef } from '../learn/exercise/types';
import './lab.css';

interface Props {
  store: LabStore;
  sandbox: LabSandbox;
  config: LabConfig;
  t: LabStrings;
  complete: Completer;
  exercises: ExerciseDef[];
  /** Undo/redo by rebuilding the sandbox from its command log. */
  history: { canRedo: boolean; undo(): void; redo(): void };
  /** Encodes this lab (options + command log) for a share link; null once its log was too long to keep. */
  share(): Promise<string | null>;
  /** Starts the lab over; `extraSetup` runs after the lab's own set-up (an exercise's start state). */
  onReset(extraSetup?: string[], faults?: Record<string, unknown>): void;
  /** Called once the terminal is usable, with a way for lesson code blocks to run commands in it. */
  onReady(run: (line: string) => void): void;
}

const BASE_PANES: Pane[] = ['editor', 'portal', 'diagram'];

/** On-screen keys for touch screens, where Tab, arrows and Ctrl are hard to reach. */
const TOUCH_KEYS: [label: string, data: string, name: keyof LabStrings['keys']][] = [
  ['Tab', '\t', 'tab'],
  ['↑', '\x1b[A', 'up'],
  ['↓', '\x1b[B', 'down'],
  ['←', '\x1b[D', 'left'],
  ['→', '\x1b[C', 'right'],
  ['^C', '\x03', 'cancel'],
  ['⏎', '\r', 'enter'],
];

function useDarkTheme(): boolean {
  const read = () =>
    document.documentElement.getAttribute('data-theme') === 'dark' ||
    (document.documentElement.getAttribute('data-theme') !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches);
  const [dark, setDark] = useState(read);
  useEffect(() => {
    const obs = new MutationObserver(() => setDark(read()));
    obs.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    const mq = matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => setDark(read());
    mq.addEventListener('change', onChange);
    return () => {
      obs.disconnect();
      mq.removeEventListener('change', onChange);
    };
  }, []);
  return dark;
}

function formatClock(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}

export function LabApp({ store, sandbox, config, t, complete, exercises, history, share, onReset, onReady }: Props) {
  const PANES: Pane[] = exercises.length > 0 ? [...BASE_PANES, 'exercises'] : BASE_PANES;
  const pane = useLab(store, (s) => s.pane);
  const speed = useLab(store, (s) => s.speed);
  const paused = useLab(store, (s) => s.paused);
  const busy = useLab(store, (s) => s.busy);
  const now = useLab(store, (s) => s.now);
  const lastApply = useLab(store, (s) => s.lastApply);
  const undoable = useLab(store, (s) => s.commands.recent.length);
  const rebuildable = useLab(store, (s) => s.commands.rebuildable);
  const ran = useLab(store, (s) => s.ran);
  const waiting = useLab(store, (s) => s.waiting);
  const [shareStatus, setShareStatus] = useState('');
  const dark = useDarkTheme();
  const editorApi = useRef<{ apply(): void; insert(text: string): void; focus(): void } | null>(null);
  const terminalApi = useRef<TerminalApi | null>(null);
  const [split, setSplit] = useState(55);
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const nodeRg = `MC_${config.sandbox.resourceGroup ?? 'myResourceGroup'}_${config.sandbox.clusterName ?? 'myAKSCluster'}_${config.sandbox.location ?? 'eastus'}`;

  useEffect(() => {
    if (store.getState().portalPath.length === 0) store.setState({ portalPath: ['rg', nodeRg] });
  }, [store]);

  const portalCtx = useMemo<PortalContext>(
    () => ({
      store,
      sandbox,
      t,
      go: (path) => store.getState().openPortal(path),
      runInTerminal: (line) => terminalApi.current?.run(line),
    }),
    [store, sandbox, t],
  );

  const onTabKey = (e: KeyboardEvent, i: number) => {
    const next = e.key === 'ArrowRight' ? (i + 1) % PANES.length : e.key === 'ArrowLeft' ? (i + PANES.length - 1) % PANES.length : e.key === 'Home' ? 0 : e.key === 'End' ? PANES.length - 1 : -1;
    if (next < 0) return;
    e.preventDefault();
    store.getState().setPane(PANES[next]!);
    tabRefs.current[next]?.focus();
  };

  const onSplitKey = (e: KeyboardEvent) => {
    const delta = e.key === 'ArrowUp' ? -5 : e.key === 'ArrowDown' ? 5 : 0;
    if (!delta) return;
    e.preventDefault();
    setSplit((s) => Math.min(80, Math.max(20, s + delta)));
  };

  const onSplitDrag = (e: PointerEvent) => {
    const container = (e.currentTarget as HTMLElement).parentElement!;
    const rect = container.getBoundingClientRect();
    const move = (ev: PointerEvent) => setSplit(Math.min(80, Math.max(20, ((ev.clientY - rect.top) / rect.height) * 100)));
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };

  const tabLabel: Record<Pane, string> = { editor: t.editorTab, portal: t.portalTab, diagram: t.diagramTab, exercises: t.exercisesTab };
  const regionLabel: Record<Pane, string> = { editor: t.yamlEditor, portal: t.azurePortal, diagram: t.networkDiagram, exercises: t.exercisesRegion };

  return (
    <Portal.Provider value={portalCtx}>
      <div class="lab-app">
        <div class="lab-toolbar" role="toolbar" aria-label={t.labRegion}>
          <button type="button" class="button button-primary" onClick={() => editorApi.current?.apply()} disabled={busy} title={t.applyHint} aria-keyshortcuts="Control+Enter Meta+Enter">
            {busy ? t.applying : t.apply}
          </button>
          <label class="lab-select">
            <span class="visually-hidden">{t.snippets}</span>
            <select
              onChange={(e) => {
                const s = SNIPPETS.find((x) => x.id === (e.currentTarget as HTMLSelectElement).value);
                if (s) {
                  store.getState().setPane('editor');
                  editorApi.current?.insert(s.yaml);
                }
                (e.currentTarget as HTMLSelectElement).value = '';
              }}
            >
              <option value="">{t.snippetPlaceholder}</option>
              {SNIPPETS.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label[config.locale]}
                </option>
              ))}
            </select>
          </label>
          <span class="lab-spacer" />
          <span class="lab-clock" title={t.simTime}>
            <span class="visually-hidden">{t.simTime}: </span>
            <time>{formatClock(now)}</time>
          </span>
          <fieldset class="lab-speed">
            <legend class="visually-hidden">{t.speed}</legend>
            {([1, 4, 'skip'] as Speed[]).map((s) => (
              <label key={String(s)}>
                <input type="radio" name={`speed-${config.id}`} checked={speed === s} onChange={() => store.getState().setSpeed(s)} />
                <span>{s === 1 ? t.speed1 : s === 4 ? t.speed4 : t.speedSkip}</span>
              </label>
            ))}
          </fieldset>
          <button type="button" class="button" aria-pressed={paused} onClick={() => store.getState().setPaused(!paused)}>
            {paused ? t.resume : t.pause}
          </button>
          <button type="button" class="button" disabled={busy || undoable === 0} onClick={() => history.undo()} title={rebuildable ? t.undoHint : t.historyTooLong}>
            {t.undo}
          </button>
          <button type="button" class="button" disabled={busy || !history.canRedo || ran > 0} onClick={() => history.redo()}>
            {t.redo}
          </button>
          <button
            type="button"
            class="button"
            onClick={async () => {
              const code = await share();
              if (code === null) {
                setShareStatus(t.historyTooLong);
                return;
              }
              const url = `${location.href.split('#')[0]}#lab=${code}`;
              try {
                await navigator.clipboard.writeText(url);
                setShareStatus(t.linkCopied);
              } catch {
                // Clipboard refused (permissions): put the link where the learner can copy it.
                window.history.replaceState(null, '', url);
                setShareStatus(t.linkInAddressBar);
              }
            }}
          >
            {t.copyLink}
          </button>
          <button
            type="button"
            class="button"
            onClick={() => {
              if (confirm(t.resetConfirm)) onReset();
            }}
          >
            {t.resetLab}
          </button>
        </div>
        <p class="visually-hidden" role="status" aria-live="polite">
          {lastApply ? (lastApply.ok ? t.applyOk : t.applyFailed) : ''}
        </p>
        {speed === 'skip' && waiting.length > 0 && (
          <p class="lab-share-status" role="status">
            {t.skipStopped(waiting.length)}
          </p>
        )}
        {shareStatus && (
          <p class="lab-share-status" role="status">
            {shareStatus}
          </p>
        )}
        <div class="lab-split" style={{ gridTemplateRows: `${split}% auto minmax(0, 1fr)` }}>
          <div class="lab-top">
            <div role="tablist" aria-label={t.views} class="lab-tabs">
              {PANES.map((p, i) => (
                <button
                  key={p}
                  ref={(el) => {
                    tabRefs.current[i] = el;
                  }}
                  role="tab"
                  id={`${config.id}-tab-${p}`}
                  aria-controls={`${config.id}-panel-${p}`}
                  aria-selected={pane === p}
                  tabIndex={pane === p ? 0 : -1}
                  class="lab-tab"
                  onClick={() => store.getState().setPane(p)}
                  onKeyDown={(e) => onTabKey(e, i)}
                >
                  {tabLabel[p]}
                </button>
              ))}
            </div>
            {PANES.map((p) => (
              <section
                key={p}
                role="tabpanel"
                id={`${config.id}-panel-${p}`}
                aria-labelledby={`${config.id}-tab-${p}`}
                hidden={pane !== p}
                class={`lab-panel lab-panel-${p}`}
              >
                <div role="region" aria-label={regionLabel[p]} class="lab-region">
                  {p === 'editor' && (
                    <Editor store={store} labId={config.id} initial={config.yaml} locale={config.locale} t={t} dark={dark} onReady={(api) => (editorApi.current = api)} />
                  )}
                  {p === 'portal' && pane === 'portal' && <PortalView />}
                  {p === 'diagram' && pane === 'diagram' && <Diagram />}
                  {p === 'exercises' && (
                    <ExercisesPanel store={store} sandbox={sandbox} exercises={exercises} lesson={config.exercises} locale={config.locale} t={t} labId={config.id} onReset={(extra, faults) => onReset(extra, faults)} />
                  )}
                </div>
              </section>
            ))}
          </div>
          <div
            class="lab-splitter"
            role="separator"
            aria-orientation="horizontal"
            aria-label={t.resizeSplit}
            aria-valuemin={20}
            aria-valuemax={80}
            aria-valuenow={Math.round(split)}
            tabIndex={0}
            onKeyDown={onSplitKey}
            onPointerDown={onSplitDrag}
          />
          <div role="region" aria-label={t.terminal} class="lab-terminal">
            <Terminal
              store={store}
              labId={config.id}
              complete={complete}
              t={t}
              onReady={(api) => {
                terminalApi.current = api;
                onReady((line) => api.run(line));
              }}
            />
            <div class="touch-keys" role="group" aria-label={t.touchKeys}>
              {TOUCH_KEYS.map(([label, data, name]) => (
                <button key={label} type="button" class="touch-key" aria-label={t.keys[name]} onClick={() => terminalApi.current?.send(data)}>
                  {label}
                </button>
              ))}
            </div>
          </div>
        </div>
      </div>
    </Portal.Provider>
  );
}
