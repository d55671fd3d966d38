import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LogEntry } from '../learn/share/codec';
import { utf8Length } from '../sim/kube/names-validation';
import { MAX_REQUEST_BYTES } from '../sim/kube/store';
import { skipWaits } from './clock-driver';
import { append, type CommandLog, fromEntries, isReadOnlyLine } from './command-log';
import type { ExecResult, LabSandbox } from './types';
import { yieldToEventLoop } from './yield';

/**
 * The editor's Apply refuses a paste over the API server's 3 MiB body limit before parsing it,
 * as one request that size would be refused (the terminal's kubectl judges each document).
 */
export const APPLY_TOO_LARGE = `Error from server (RequestEntityTooLarge): error when creating "STDIN": Request entity too large: limit is ${MAX_REQUEST_BYTES}\n`;

export type Speed = 1 | 4 | 'skip';
export type Pane = 'editor' | 'portal' | 'diagram' | 'exercises';

/** One line of terminal transcript the terminal view has not printed yet. */
export interface TerminalEntry {
  seq: number;
  /** What to show: the echoed command (for Apply and "Run in terminal") and the output. */
  command?: string;
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface LabState {
  /** Bumped whenever the simulated world changes; views re-read the sandbox when it moves. */
  worldVersion: number;
  /** Virtual time in ms (drives ages and the clock display). */
  now: number;
  speed: Speed;
  paused: boolean;
  busy: boolean;
  pane: Pane;
  /** ARM ids that appeared recently, for the portal's highlight. */
  fresh: Record<string, number>;
  /** ARM ids removed recently (name + type kept for the "removed" row). */
  removed: Record<string, { name: string; type: string; at: number }>;
  transcript: TerminalEntry[];
  /** The portal's current view, set by the learner or by links from the activity log. */
  portalPath: string[];
  lastApply: { ok: boolean; stdout: string; stderr: string } | null;
  /** Every command line run in this lab, oldest first (exercise goals may look at it). */
  history: string[];
  /** Typed exercise answers by exercise id. */
  answers: Record<string, string>;
  /**
   * The commands with their virtual times: with the seed and options, the whole state (undo,
   * share). Bounded: see command-log.ts.
   */
  commands: CommandLog;
  /** Commands run since this store was created (Redo is only offered before the first). */
  ran: number;
  /** After "Skip waits" settled: what only retries a failure nothing has changed since (shown as a note). */
  waiting: string[];
}

export interface LabActions {
  /** Runs a command line; `echo` prints it in the terminal as if typed (Apply, "Run in terminal"). */
  exec(line: string, opts?: { stdin?: string; echo?: boolean }): Promise<ExecResult>;
  apply(yaml: string): Promise<ExecResult>;
  tick(realMs: number): Promise<void>;
  setSpeed(speed: Speed): void;
  setPaused(paused: boolean): void;
  setPane(pane: Pane): void;
  openPortal(path: string[]): void;
  setAnswer(exerciseId: string, answer: string): void;
  /**
   * Shows commands a rebuild replayed (resume, Undo, share links) in the terminal as if they had
   * just been typed, after a one-line note; they are not run again.
   */
  showReplayed(note: string, entries: { line: string; result: ExecResult }[]): void;
}

export type LabStore = StoreApi<LabState & LabActions>;

const FRESH_MS = 20_000;
/** Terminal entries waiting to be printed (the terminal prints them at once; this only bounds a burst). */
const TRANSCRIPT_MAX = 200;

/**
 * One store per lab. It owns the sandbox; every view changes the world only through `exec`
 * (Apply and portal actions are commands too), so editor, terminal, portal and diagram agree.
 */
export function createLabStore(
  sandbox: LabSandbox,
  start: { log?: LogEntry[]; checkpoint?: LogEntry[]; startedAt?: number; history?: string[]; answers?: Record<string, string> } = {},
): LabStore {
  const startedAt = start.startedAt ?? sandbox.clock.now();
  let seq = 0;
  let carry = 0;
  let lastKube = sandbox.kube.version;
  let lastArm = sandbox.arm.version;
  let known = new Map(sandbox.arm.select().map((r) => [r.id.toLowerCase(), { name: r.name, type: r.type }]));
  // Commands run one at a time, in order, like a real shell.
  let queue: Promise<unknown> = Promise.resolve();

  const store = createStore<LabState & LabActions>()((set, get) => {
    /** Publishes a new world version if kube or ARM changed, and tracks ARM additions/removals. */
    const publish = () => {
      const kv = sandbox.kube.version;
      const av = sandbox.arm.version;
      const now = sandbox.clock.now();
      if (kv === lastKube && av === lastArm) {
        if (now !== get().now) set({ now });
        return;
      }
      let fresh = get().fresh;
      let removed = get().removed;
      if (av !== lastArm) {
        const current = new Map(sandbox.arm.select().map((r) => [r.id.toLowerCase(), { name: r.name, type: r.type }]));
        fresh = Object.fromEntries(Object.entries(fresh).filter(([id, at]) => now - at < FRESH_MS && current.has(id)));
        removed = Object.fromEntries(Object.entries(removed).filter(([id, r]) => now - r.at < FRESH_MS && !current.has(id)));
        for (const id of current.keys()) if (!known.has(id)) fresh[id] = now;
        for (const [id, r] of known) if (!current.has(id)) removed[id] = { ...r, at: now };
        known = current;
      }
      lastKube = kv;
      lastArm = av;
      // A performance mark lets the benchmark time world change → views updated, from outside.
      globalThis.performance?.mark?.('lab:world-changed');
      set({ worldVersion: get().worldVersion + 1, now, fresh, removed });
    };

    const run = (line: string, opts: { stdin?: string; echo?: boolean; pause?: () => Promise<void> } = {}): Promise<ExecResult> => {
      const job = queue.then(async () => {
        const entry: LogEntry = { t: sandbox.clock.now() - startedAt, line };
        if (opts.stdin !== undefined) entry.stdin = opts.stdin;
        set({ busy: true });
        // What a replay could depend on; a read-only command that leaves all of it alone is inert.
        const before = [sandbox.kube.version, sandbox.arm.version, sandbox.arm.activityLog.at(-1), sandbox.clock.now()];
        let result: ExecResult;
        try {
          const execOpts = { ...(opts.stdin === undefined ? {} : { stdin: opts.stdin }), ...(opts.pause ? { pause: opts.pause } : {}) };
          result = await sandbox.exec(line, Object.keys(execOpts).length ? execOpts : undefined);
        } catch (err) {
          // The simulator should never throw; if it does, the learner sees a message, not a dead lab.
          result = { stdout: '', stderr: `internal error: ${err instanceof Error ? err.message : String(err)}\n`, exitCode: 1 };
        }
        const after = [sandbox.kube.version, sandbox.arm.version, sandbox.arm.activityLog.at(-1), sandbox.clock.now()];
        const inert = opts.stdin === undefined && isReadOnlyLine(line) && before.every((v, i) => v === after[i]);
        set({ commands: append(get().commands, entry, inert), ran: get().ran + 1 });
        publish();
        const shown: TerminalEntry = { seq: ++seq, stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode };
        if (opts.echo) shown.command = line;
        set({ busy: false, transcript: [...get().transcript.slice(-(TRANSCRIPT_MAX - 1)), shown], history: [...get().history.slice(-999), line] });
        return result;
      });
      queue = job.catch(() => undefined);
      return job;
    };

    return {
      worldVersion: 0,
      now: sandbox.clock.now(),
      speed: 1,
      paused: false,
      busy: false,
      pane: 'editor',
      fresh: {},
      removed: {},
      transcript: [],
      portalPath: [],
      lastApply: null,
      history: start.history ?? [...(start.checkpoint ?? []), ...(start.log ?? [])].slice(-1000).map((e) => e.line),
      answers: { ...start.answers },
      commands: fromEntries(start.log ?? [], start.checkpoint ?? []),
      ran: 0,
      waiting: [],
      exec: run,
      async apply(yaml) {
        if (yaml.length * 3 > MAX_REQUEST_BYTES && utf8Length(yaml) > MAX_REQUEST_BYTES) {
          // Refused before parsing (a 10 MB paste would block the page for seconds); nothing ran.
          const refused: ExecResult = { stdout: '', stderr: APPLY_TOO_LARGE, exitCode: 1 };
          const shown: TerminalEntry = { seq: ++seq, command: 'kubectl apply -f -', ...refused };
          set({ transcript: [...get().transcript.slice(-(TRANSCRIPT_MAX - 1)), shown], lastApply: { ok: false, stdout: '', stderr: APPLY_TOO_LARGE } });
          return refused;
        }
        // A long manifest is parsed and applied in slices with the UI thread free in between.
        const result = await run('kubectl apply -f -', { stdin: yaml, echo: true, pause: yieldToEventLoop });
        set({ lastApply: { ok: result.exitCode === 0, stdout: result.stdout, stderr: result.stderr } });
        return result;
      },
      async tick(realMs) {
        const { speed, paused, busy } = get();
        // A command takes no virtual time: the clock waits while one runs (a sliced apply yields).
        if (paused || busy) return;
        if (speed === 'skip') {
          const r = await skipWaits(sandbox, () => get().paused || get().busy || get().speed !== 'skip');
          if (r.settled && r.waiting.join() !== get().waiting.join()) set({ waiting: r.waiting });
        } else {
          // Virtual time moves in whole milliseconds; keep the fractions so 4× stays exactly 4×.
          carry += realMs * speed;
          const whole = Math.floor(carry);
          carry -= whole;
          if (whole > 0) await sandbox.advance(whole);
        }
        publish();
      },
      setSpeed: (speed) => set({ speed }),
      setPaused: (paused) => set({ paused }),
      setPane: (pane) => set({ pane }),
      openPortal: (portalPath) => set({ portalPath, pane: 'portal' }),
      setAnswer: (id, answer) => set({ answers: { ...get().answers, [id]: answer.slice(0, 200) } }),
      showReplayed(note, entries) {
        // The terminal keeps its own bounded scrollback; the transcript holds what it has not printed.
        const shown: TerminalEntry[] = [{ seq: ++seq, command: note, stdout: '', stderr: '', exitCode: 0 }];
        for (const { line, result } of entries.slice(-(TRANSCRIPT_MAX - 1))) {
          shown.push({ seq: ++seq, command: line, stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode });
        }
        set({ transcript: [...get().transcript, ...shown].slice(-TRANSCRIPT_MAX) });
      },
    };
  });
  return store;
}
