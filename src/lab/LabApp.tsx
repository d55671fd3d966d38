import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ExerciseDef } from '../learn/exercise/types';
import { ChangeFeed } from './changes/ChangeFeed';
import { Diagram } from './diagram/Diagram';
import { LazyEditor } from './editor/LazyEditor';
import { SNIPPETS } from './editor/snippets';
import { ExercisesPanel, type ExerciseTabs } from './exercises/ExercisesPanel';
import type { LabStrings } from './i18n';
import { Portal, type PortalContext } from './portal/context';
import { PortalView } from './portal/PortalView';
import type { LabStore, Pane, Speed } from './store';
import type { Completer } from './terminal/completer';
import { Terminal, type TerminalApi } from './terminal/Terminal';
import type { LabConfig, LabSandbox } from './types';
import { useLab } from './use-store';
import { DockResizer } from './workspace/DockResizer';
import { useFocusMode } from './workspace/focus-mode';
import { Icon } from './workspace/icons';
import { useCompact } from './workspace/use-compact';
import './lab.css';

interface Props {
  store: LabStore;
  sandbox: LabSandbox;
  config: LabConfig;
  t: LabStrings;
  complete: Completer;
  exercises: ExerciseDef[];
  /** In a multi-cloud lab: the other tabs, where exercises of other clouds are checked. */
  cloudTabs?: ExerciseTabs | undefined;
  /** Undo/redo by rebuilding the sandbox from its command log. */
  history: { canRedo: boolean; undo(): void; redo(): void };
  /** Encodes this lab (options + command log) for a share link; null once its log was too long to keep. */
  share(): Promise<string | null>;
  /** Starts the lab over; `extraSetup` runs after the lab's own set-up (an exercise's start state). */
  onReset(extraSetup?: string[], faults?: Record<string, unknown>): void;
  /** Called once the terminal is usable, with a way for lesson code blocks to run commands in it. */
  onReady(run: (line: string) => void): void;
}

interface EditorApi {
  apply(): void;
  insert(text: string): void;
  focus(): void;
}

const BASE_PANES: Pane[] = ['editor', 'portal', 'diagram'];

/** The lab's parts in F6 order. "side" is whichever of editor, portal, diagram, exercises is shown. */
const PARTS = ['toolbar', 'side', 'terminal'] as const;
type Part = (typeof PARTS)[number];

/** Touch screens: focusing the terminal would pop up the on-screen keyboard over the output. */
const coarsePointer = () => matchMedia('(pointer: coarse)').matches;

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

export function LabApp({ store, sandbox, config, t, complete, exercises, cloudTabs, history, share, onReset, onReady }: Props) {
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
  const lastOutput = useLab(store, (s) => s.transcript.at(-1)?.seq ?? 0);
  const waiting = useLab(store, (s) => s.waiting);
  const [shareStatus, setShareStatus] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const [moreOpen, setMoreOpen] = useState(false);
  const dark = useDarkTheme();
  const editorApi = useRef<EditorApi | null>(null);
  /** Editor actions asked for before Monaco arrived (Apply, a snippet): run once it is there. */
  const editorWaiting = useRef<((api: EditorApi) => void)[]>([]);
  const withEditor = (action: (api: EditorApi) => void) => {
    if (editorApi.current) action(editorApi.current);
    else editorWaiting.current.push(action);
  };
  // The terminal comes first; Monaco starts loading once the prompt is up (LazyEditor).
  const [terminalUp, setTerminalUp] = useState(false);
  const terminalApi = useRef<TerminalApi | null>(null);
  const appRef = useRef<HTMLDivElement>(null);
  const pendingPart = useRef<Part | null>(null);
  const regionRefs = useRef<Partial<Record<Pane, HTMLDivElement | null>>>({});
  const [split, setSplit] = useState(55);
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const nodeRg = `MC_${config.sandbox.resourceGroup ?? 'myResourceGroup'}_${config.sandbox.clusterName ?? 'myAKSCluster'}_${config.sandbox.location ?? 'eastus'}`;

  // Small labs (the sheet below the text, phones, 200 % zoom) show one pane at a time: the terminal
  // or the side pane. `view` says which; wide labs show both and ignore it.
  const compact = useCompact(appRef);
  const [view, setView] = useState<'terminal' | 'side'>('terminal');
  const [seenOutput, setSeenOutput] = useState(lastOutput);
  const terminalShown = !compact || view === 'terminal';
  const sideShown = !compact || view === 'side';
  useEffect(() => {
    if (terminalShown) setSeenOutput(lastOutput);
  }, [terminalShown, lastOutput]);
  // Anything that opens a pane (a portal link, the change feed, a snippet) shows it.
  const firstPane = useRef(true);
  useEffect(() => {
    if (firstPane.current) firstPane.current = false;
    else setView('side');
  }, [pane]);

  // A hidden cloud tab's lab (display:none) has no client rects: Esc belongs to the one on screen.
  const [focusMode, setFocusMode] = useFocusMode(
    (on) => setAnnouncement(on ? t.focusOn : t.focusOff),
    () => (appRef.current?.getClientRects().length ?? 0) > 0,
  );

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

  const partLabel = (part: Part) => (part === 'toolbar' ? t.toolbarPart : part === 'terminal' ? t.terminal : regionLabel[pane]);

  /** Moves the keyboard to one part of the lab, showing it first when the lab is compact. */
  const focusPart = (part: Part) => {
    if (part === 'terminal') setView('terminal');
    if (part === 'side') setView('side');
    // A second F6 before the frame below moves on from this part, not from where focus still is.
    pendingPart.current = part;
    // After the render that shows it: a hidden element cannot take focus.
    requestAnimationFrame(() => {
      pendingPart.current = null;
      if (part === 'toolbar') appRef.current?.querySelector<HTMLElement>('.lab-toolbar button:not(:disabled)')?.focus();
      else if (part === 'terminal') terminalApi.current?.focus();
      else if (pane === 'editor' && editorApi.current) editorApi.current.focus();
      else regionRefs.current[pane]?.focus();
      setAnnouncement(t.partAnnounce(partLabel(part)));
    });
  };

  const currentPart = (): number => {
    if (pendingPart.current) return PARTS.indexOf(pendingPart.current);
    const active = document.activeElement;
    if (!active || !appRef.current?.contains(active)) return -1;
    if (active.closest('.lab-toolbar')) return 0;
    if (active.closest('.lab-terminal')) return 2;
    return 1;
  };

  /** F6 / Shift+F6 cycle toolbar → editor (or the pane shown) → terminal, as in desktop apps. */
  const onKeyDownCapture = (e: KeyboardEvent) => {
    if (e.key !== 'F6' || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    e.stopPropagation();
    const at = currentPart();
    const next = at < 0 ? 0 : (at + (e.shiftKey ? PARTS.length - 1 : 1)) % PARTS.length;
    focusPart(PARTS[next]!);
  };

  const selectPane = (p: Pane) => {
    store.getState().setPane(p);
    setView('side');
  };

  const tabs: ('terminal' | Pane)[] = compact ? ['terminal', ...PANES] : PANES;
  const isSelected = (tab: 'terminal' | Pane) => (tab === 'terminal' ? compact && view === 'terminal' : pane === tab && sideShown);

  const onTabKey = (e: KeyboardEvent, i: number) => {
    const n = tabs.length;
    const next = e.key === 'ArrowRight' ? (i + 1) % n : e.key === 'ArrowLeft' ? (i + n - 1) % n : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : -1;
    if (next < 0) return;
    e.preventDefault();
    const tab = tabs[next]!;
    if (tab === 'terminal') setView('terminal');
    else selectPane(tab);
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

  const onAks = (sandbox.cloud?.name ?? 'aks') === 'aks';
  const tabLabel: Record<Pane, string> = { editor: t.editorTab, portal: t.portalTab, diagram: t.diagramTab, exercises: t.exercisesTab };
  const regionLabel: Record<Pane, string> = {
    editor: t.yamlEditor,
    // Another cloud's pane holds its own console (or none): named as its tab is.
    portal: onAks ? t.azurePortal : t.portalTab,
    diagram: t.networkDiagram,
    exercises: t.exercisesRegion,
  };
  const tabId = (tab: 'terminal' | Pane) => `${config.id}-tab-${tab}`;
  const terminalId = `${config.id}-terminal`;

  /** What each side pane shows; a pane that is not selected renders nothing heavy. */
  const sidePane = (p: Pane) => {
    switch (p) {
      case 'editor':
        return (
          <LazyEditor
            load={terminalUp}
            store={store}
            labId={config.id}
            initial={config.yaml || t.emptyEditor}
            locale={config.locale}
            t={t}
            dark={dark}
            onReady={(api) => {
              editorApi.current = api;
              for (const action of editorWaiting.current.splice(0)) action(api);
            }}
          />
        );
      case 'portal':
        return pane === 'portal' && <PortalView />;
      case 'diagram':
        return pane === 'diagram' && <Diagram />;
      case 'exercises':
        return (
          <ExercisesPanel
            store={store}
            cloudTabs={cloudTabs}
            sandbox={sandbox}
            exercises={exercises}
            lesson={config.exercises}
            locale={config.locale}
            t={t}
            labId={config.id}
            onReset={(extra, faults) => onReset(extra, faults)}
          />
        );
    }
  };

  const copyLink = async () => {
    setMoreOpen(false);
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
  };

  return (
    <Portal.Provider value={portalCtx}>
      <div ref={appRef} class={`lab-app${compact ? ' lab-compact' : ''}`} onKeyDownCapture={onKeyDownCapture}>
        <DockResizer label={t.resizeDock} />
        <div class="lab-toolbar" role="toolbar" aria-label={t.labRegion}>
          <button
            type="button"
            class="button button-primary"
            onClick={() => withEditor((api) => api.apply())}
            disabled={busy}
            title={t.applyHint}
            aria-keyshortcuts="Control+Enter Meta+Enter"
          >
            {busy ? t.applying : t.apply}
          </button>
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
          <button
            type="button"
            class="button lab-icon-button"
            aria-pressed={paused}
            title={paused ? t.resume : t.pause}
            onClick={() => store.getState().setPaused(!paused)}
          >
            <Icon name={paused ? 'play' : 'pause'} />
            <span class="visually-hidden">{paused ? t.resume : t.pause}</span>
          </button>
          <span class="lab-spacer" />
          {/* Below a width (lab.css) these fold into the "More lab tools" menu; wider, they sit in the bar. */}
          <button
            type="button"
            class="button lab-icon-button lab-more-toggle"
            aria-expanded={moreOpen}
            aria-controls={`${config.id}-more`}
            title={t.moreTools}
            onClick={() => setMoreOpen(!moreOpen)}
          >
            <Icon name="more" />
            <span class="visually-hidden">{t.moreTools}</span>
          </button>
          <div class="lab-more" id={`${config.id}-more`} data-open={moreOpen || undefined}>
            <label class="lab-select">
              <span class="visually-hidden">{t.snippets}</span>
              <select
                onChange={(e) => {
                  const s = SNIPPETS.find((x) => x.id === (e.currentTarget as HTMLSelectElement).value);
                  if (s) {
                    selectPane('editor');
                    setMoreOpen(false);
                    withEditor((api) => api.insert(s.yaml));
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
            <button
              type="button"
              class="button lab-icon-button"
              disabled={busy || undoable === 0}
              onClick={() => history.undo()}
              title={rebuildable ? t.undoHint : t.historyTooLong}
            >
              <Icon name="undo" />
              <span class="lab-tool-label">{t.undo}</span>
            </button>
            <button type="button" class="button lab-icon-button" disabled={busy || !history.canRedo || ran > 0} onClick={() => history.redo()} title={t.redo}>
              <Icon name="redo" />
              <span class="lab-tool-label">{t.redo}</span>
            </button>
            <button type="button" class="button lab-icon-button" title={t.copyLink} onClick={copyLink}>
              <Icon name="link" />
              <span class="lab-tool-label">{t.copyLink}</span>
            </button>
            <button
              type="button"
              class="button lab-icon-button"
              title={t.resetLab}
              onClick={() => {
                setMoreOpen(false);
                if (confirm(t.resetConfirm)) onReset();
              }}
            >
              <Icon name="reset" />
              <span class="lab-tool-label">{t.resetLab}</span>
            </button>
          </div>
          <button
            type="button"
            class="button lab-icon-button lab-focus-toggle"
            aria-pressed={focusMode}
            title={t.focusLabHint}
            onClick={() => setFocusMode(!focusMode)}
          >
            <Icon name={focusMode ? 'collapse' : 'expand'} />
            <span class="lab-focus-label">{t.focusLab}</span>
          </button>
        </div>
        <p class="visually-hidden" role="status" aria-live="polite">
          {lastApply ? (lastApply.ok ? t.applyOk : t.applyFailed) : ''}
        </p>
        <p class="visually-hidden" aria-live="polite">
          {announcement}
        </p>
        {/* Lab-wide strips (the share status; a change feed) sit here, between the toolbar and the tabs. */}
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
        <div role="tablist" aria-label={t.views} class="lab-tabs">
          {tabs.map((tab, i) => (
            <button
              type="button"
              key={tab}
              ref={(el) => {
                tabRefs.current[i] = el;
              }}
              role="tab"
              id={tabId(tab)}
              aria-controls={tab === 'terminal' ? terminalId : `${config.id}-panel-${tab}`}
              aria-selected={isSelected(tab)}
              tabIndex={isSelected(tab) ? 0 : -1}
              class={`lab-tab${tab === 'terminal' && lastOutput > seenOutput ? ' lab-tab-unseen' : ''}`}
              onClick={() => (tab === 'terminal' ? setView('terminal') : selectPane(tab))}
              onKeyDown={(e) => onTabKey(e, i)}
            >
              {tab === 'terminal' ? t.terminal : tabLabel[tab]}
              {tab === 'terminal' && lastOutput > seenOutput && <span class="visually-hidden"> ({t.newOutput})</span>}
            </button>
          ))}
        </div>
        {/* The feed reads Azure's changes: other clouds have their own console (issue 17). */}
        {onAks && <ChangeFeed store={store} sandbox={sandbox} locale={config.locale} />}
        <div class={`lab-split${compact ? ` lab-split-${view}` : ''}`} style={compact ? undefined : { gridTemplateRows: `${split}% auto minmax(0, 1fr)` }}>
          <div class="lab-top" hidden={!sideShown}>
            {PANES.map((p) => (
              <section key={p} role="tabpanel" id={`${config.id}-panel-${p}`} aria-labelledby={tabId(p)} hidden={pane !== p} class={`lab-panel lab-panel-${p}`}>
                <div
                  role="region"
                  aria-label={regionLabel[p]}
                  class="lab-region"
                  tabIndex={-1}
                  ref={(el) => {
                    regionRefs.current[p] = el;
                  }}
                >
                  {sidePane(p)}
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
            hidden={compact}
            onKeyDown={onSplitKey}
            onPointerDown={onSplitDrag}
          />
          <div role="region" aria-label={t.terminal} class="lab-terminal" id={terminalId} hidden={!terminalShown}>
            <Terminal
              store={store}
              labId={config.id}
              complete={complete}
              t={onAks ? t : { ...t, terminalWelcome: t.cloudWelcome[sandbox.cloud!.name as keyof typeof t.cloudWelcome] }}
              onReady={(api) => {
                terminalApi.current = api;
                setTerminalUp(true);
                // "Run in terminal" and the like: show the terminal, then type into it.
                onReady((line) => {
                  setView('terminal');
                  api.run(line);
                  if (!coarsePointer()) requestAnimationFrame(() => api.focus());
                });
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
        <p class="lab-hint">{t.keyHint}</p>
      </div>
    </Portal.Provider>
  );
}
