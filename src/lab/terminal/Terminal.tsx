import { FitAddon } from '@xterm/addon-fit';
import { Terminal as XTerm } from '@xterm/xterm';
import { useEffect, useRef } from 'preact/hooks';
import '@xterm/xterm/css/xterm.css';
import type { LabStrings } from '../i18n';
import { isStringArray, labKey, readJson, writeJson } from '../storage';
import type { LabStore, TerminalEntry } from '../store';
import type { Completer } from './completer';
import { needsMoreInput } from './continuation';
import { warmGlyphWidths } from './glyph-widths';
import { SCROLLBACK_LINES } from './limits';
import { LineEditor } from './line-editor';
import { outputAnnouncement, splitInputLines, wrapWords } from './text-layout';
import { stripAnsi } from './width';

const PROMPT = '\x1b[1;32mazureuser@lab\x1b[0m:\x1b[1;34m~\x1b[0m$ ';
const CONTINUATION = '> ';

export interface TerminalApi {
  /** Types a whole command (or several lines) and presses Enter. */
  run(line: string): void;
  /** Sends raw key data, as the on-screen keys for touch screens do. */
  send(data: string): void;
  focus(): void;
}

interface Props {
  store: LabStore;
  labId: string;
  complete: Completer;
  t: LabStrings;
  /** Gives the parent a way to type a command as if the learner had (code block "Run" buttons). */
  onReady?: (api: TerminalApi) => void;
}

/** Colours az's errors red as the real CLI does; kubectl prints plain text. */
function paint(entry: TerminalEntry): string {
  const out = entry.stdout;
  if (!entry.stderr) return out;
  const firstWord = entry.command?.trim().split(/\s+/)[0];
  return out + (firstWord === 'az' ? `\x1b[31m${entry.stderr}\x1b[0m` : entry.stderr);
}

/** Lines of one command's output read out to screen readers; the rest stays in the terminal. */
const ANNOUNCED_LINES = 30;

export function Terminal({ store, labId, complete, t, onReady }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const announcer = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let disposed = false;
    const term = new XTerm({
      convertEol: true,
      cursorBlink: true,
      fontFamily: 'ui-monospace, "Cascadia Mono", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", "Noto Sans Mono CJK KR", monospace',
      fontSize: 13,
      scrollback: SCROLLBACK_LINES,
      // Turned on right after the first paint (below): building the row tree measures every row
      // with a forced layout, which would hold the prompt back on a cold start (issue 15).
      screenReaderMode: false,
      allowProposedApi: false,
      theme: { background: '#0c0c0c', foreground: '#e6edf3', cursor: '#e6edf3' },
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    // Clickable URLs: the addon loads with the first output that has one (few commands print URLs).
    let links: Promise<unknown> | undefined;
    const linkUrls = (text: string) => {
      if (links || !/https?:\/\//.test(text)) return;
      links = import('@xterm/addon-web-links').then(({ WebLinksAddon }) => {
        if (!disposed) term.loadAddon(new WebLinksAddon((_e, uri) => window.open(uri, '_blank', 'noopener')));
      });
    };
    term.open(host.current!);
    fit.fit();
    /**
     * xterm's screen-reader row tree measures every row with a forced layout (two per row when it
     * is turned on, one per refreshed row after), ~0.3 s at 4× CPU on a lesson page: it is turned
     * on once the prompt is on screen (first render after the greeting) and the browser is idle,
     * never on the path to the prompt (issue 15). A second at most after the prompt.
     */
    let cancelAccessible: () => void = () => undefined;
    const makeAccessible = () => {
      if (disposed || term.options.screenReaderMode) return;
      // The glyphs the first screen did not draw, while the browser is idle: later output finds them measured.
      warmGlyphWidths(term);
      term.options.screenReaderMode = true;
      // xterm's own live region collects every character since the last key press and is assertive;
      // the polite region below says each command's output once instead.
      host.current?.querySelector('.xterm-accessibility .live-region')?.setAttribute('aria-live', 'off');
    };
    const accessibleSoon = () => {
      if ('requestIdleCallback' in window) {
        const id = requestIdleCallback(makeAccessible, { timeout: 1000 });
        cancelAccessible = () => cancelIdleCallback(id);
      } else {
        const id = setTimeout(makeAccessible, 200);
        cancelAccessible = () => clearTimeout(id);
      }
    };
    const announce = (entry: TerminalEntry) => {
      linkUrls(entry.stdout + entry.stderr);
      const text = outputAnnouncement(stripAnsi(entry.stdout + entry.stderr), ANNOUNCED_LINES, t.moreOutputLines);
      if (announcer.current && text) announcer.current.textContent = text;
    };

    const history = readJson(labKey(labId, 'history'), isStringArray) ?? [];
    const editor = new LineEditor({ prompt: PROMPT, cols: term.cols, history });
    let pending: string[] = []; // lines of a multi-line command (heredoc, open quote)
    let running = false;
    // Keystrokes and pastes are processed strictly in order; while a command runs they wait here.
    const inbox: string[] = [];
    let pumping = false;
    let printedSeq = store.getState().transcript.at(-1)?.seq ?? 0;

    /**
     * The welcome waits for the terminal's real size (the lab may still be hidden while it mounts),
     * so it is wrapped at word boundaries for the width it is shown at; input waits for it.
     */
    let greeted = false;
    const greet = () => {
      if (greeted) return;
      greeted = true;
      editor.cols = term.cols;
      // Now that the terminal is laid out at its size: one layout for the glyphs the greeting draws.
      const welcome = wrapWords(t.terminalWelcome, term.cols).replace(/\n/g, '\r\n') + '\r\n' + editor.begin();
      warmGlyphWidths(term, stripAnsi(welcome));
      term.write(welcome);
      // Rendered on xterm's next animation frame: the row tree comes after that paint.
      const rendered = term.onRender(() => {
        rendered.dispose();
        accessibleSoon();
      });
      printNewEntries();
      void pump();
    };

    const printNewEntries = () => {
      for (const entry of store.getState().transcript) {
        if (entry.seq <= printedSeq) continue;
        printedSeq = entry.seq;
        // Echoed commands come from Apply or "Run": show them after the prompt already on screen.
        if (entry.command) term.write(entry.command.split('\n')[0] + (entry.command.includes('\n') ? ' …' : '') + '\r\n');
        term.write(paint(entry));
        announce(entry);
        term.write(editor.begin(PROMPT));
      }
    };

    const submit = async (line: string) => {
      pending.push(line);
      const text = pending.join('\n');
      if (needsMoreInput(text)) {
        term.write(editor.begin(CONTINUATION));
        return;
      }
      pending = [];
      writeJson(labKey(labId, 'history'), editor.getHistory());
      if (!text.trim()) {
        term.write(editor.begin(PROMPT));
        return;
      }
      running = true;
      const result = await store.getState().exec(text);
      printedSeq = store.getState().transcript.at(-1)?.seq ?? printedSeq;
      const entry = { seq: 0, stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode, command: text };
      term.write(paint(entry));
      announce(entry);
      running = false;
      printNewEntries();
      term.write(editor.begin(PROMPT));
    };

    const pump = async () => {
      if (pumping || !greeted) return;
      pumping = true;
      while (inbox.length > 0) {
        const data = inbox.shift()!;
        for (const effect of editor.feed(data)) {
          if (effect.type === 'write') term.write(effect.data);
          else if (effect.type === 'submit') await submit(effect.line);
          else if (effect.type === 'interrupt') {
            pending = [];
            term.write(editor.begin(PROMPT));
          } else if (effect.type === 'clear-screen') {
            term.write('\x1b[H\x1b[2J\x1b[3J' + editor.begin(PROMPT));
          } else if (effect.type === 'complete') {
            term.write(editor.applyCompletion(complete(effect.line, effect.cursor)));
          }
        }
      }
      pumping = false;
    };

    const handle = (data: string) => {
      inbox.push(...splitInputLines(data));
      void pump();
    };

    const dataSub = term.onData(handle);
    // With a selection, Ctrl+C (or Cmd+C) copies as in a desktop terminal instead of interrupting.
    term.attachCustomKeyEventHandler((e) => {
      const copy = e.type === 'keydown' && (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'c' && term.hasSelection();
      if (copy) {
        void navigator.clipboard?.writeText(term.getSelection()).catch(() => undefined);
        term.clearSelection();
        return false;
      }
      return true;
    });
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.transcript !== prev.transcript && !running && greeted) printNewEntries();
    });
    const resize = new ResizeObserver(([entry]) => {
      if (!entry || entry.contentRect.width === 0 || entry.contentRect.height === 0) return; // hidden
      try {
        fit.fit();
        editor.cols = term.cols;
      } catch {
        // Not laid out yet; the next visible resize fits again.
      }
      greet();
    });
    resize.observe(host.current!);
    onReady?.({
      run(line) {
        term.write(editor.setLine(''));
        handle(line + '\r');
      },
      send: (data) => {
        handle(data);
        term.focus();
      },
      focus: () => term.focus(),
    });

    return () => {
      disposed = true;
      cancelAccessible();
      dataSub.dispose();
      unsubscribe();
      resize.disconnect();
      term.dispose();
    };
  }, [store, labId]);

  return (
    <>
      <div class="terminal-host" ref={host} />
      <div class="visually-hidden" role="log" aria-live="polite" aria-label={t.terminalOutput} ref={announcer} />
    </>
  );
}
