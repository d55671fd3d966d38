/**
 * A started lab kept across reloads, lesson changes and the language switch. Like Undo and share
 * links, the lab is saved as what rebuilds it — its options, the exercise start it was reset to,
 * its command log with virtual times — plus what the log cannot give back: the learner's command
 * history (exercises read it; the compacted log drops read-only commands), typed answers and the
 * commands Undo took back (so Redo still works after a reload). The
 * editor draft and the terminal's arrow-up history are saved on their own (storage.ts keys).
 *
 * English and Korean pages of a lesson share the lab id, so they share this state.
 *
 * A multi-cloud lab (`clouds`, one sandbox per tab) saves its first tab as the lab itself and every
 * other tab it opened under `tabs` (version 2). Version 1 saves have no tabs and load as they are.
 */
import { checkEntry, LIMITS, type LogEntry } from '../learn/share/codec';
import { MAX_REQUEST_BYTES } from '../sim/kube/store';
import { CHECKPOINT_MAX_CHARS, UNDO_STEPS } from './command-log';
import { optionsToSearch, parseSandboxOptions, type SandboxPageOptions } from './sandbox-options';
import { forget, labKey, readJson, writeJson } from './storage';

export const SAVED_LAB_VERSION = 2;

/** What rebuilds one sandbox of a lab: its exercise start, command log, and what the log cannot give back. */
export interface SavedTab {
  /** The exercise whose start state the lab was last reset to (its set-up and faults come from the lesson). */
  reset?: string;
  checkpoint: LogEntry[];
  recent: LogEntry[];
  /** Command lines the learner ran, oldest first (at most HISTORY_MAX). */
  history: string[];
  /** Typed exercise answers by exercise id. */
  answers: Record<string, string>;
  /** Commands taken back by Undo, the next one to redo last (absent when there are none). */
  redo?: LogEntry[];
}

export interface SavedLab extends SavedTab {
  v: typeof SAVED_LAB_VERSION;
  /** The cluster options the lab was built with (the same whitelist as share links). */
  options: SandboxPageOptions;
  /**
   * A multi-cloud lab's other tabs the learner opened, by cloud (the first tab is the lab itself):
   * `Partial<Record<CloudName, SavedTab>>` once checked by that lab (clouds/saved-tabs.ts).
   */
  tabs?: unknown;
}

const HISTORY_MAX = 1000;
/**
 * Looser than a share link's: the learner's own lab may hold an Apply up to the API server's
 * request limit and run for more than a virtual day; the checkpoint's own bound still holds.
 */
const ENTRY_LIMITS = { time: 365 * 86_400_000, line: CHECKPOINT_MAX_CHARS, stdin: MAX_REQUEST_BYTES };
const ANSWERS_MAX = 100;
const ANSWER_CHARS = 200;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkLog(v: unknown, max: number): LogEntry[] | null {
  if (!Array.isArray(v) || v.length > max) return null;
  const out: LogEntry[] = [];
  let last = 0;
  for (const e of v) {
    const entry = checkEntry(e, ENTRY_LIMITS);
    if (typeof entry === 'string' || entry.t < last) return null;
    last = entry.t;
    out.push(entry);
  }
  return out;
}

/**
 * Redo's stack: each entry well-formed and no earlier than the log it would be appended to (they
 * were taken off its end); newest-undone last, so later entries are older.
 */
function checkRedo(v: unknown, after: number): LogEntry[] | null {
  if (!Array.isArray(v) || v.length > UNDO_STEPS) return null;
  const out: LogEntry[] = [];
  for (const e of v) {
    const entry = checkEntry(e, ENTRY_LIMITS);
    if (typeof entry === 'string' || entry.t < after || (out.length > 0 && entry.t > out.at(-1)!.t)) return null;
    out.push(entry);
  }
  return out;
}

/**
 * The saved lab if every part of it is well-formed, else null: a damaged or foreign value is never
 * half-used (replaying part of a log gives a different lab than the one the learner left). A
 * version 1 save (before cloud tabs) is read as version 2 without tabs.
 */
export function parseSavedLab(value: unknown): SavedLab | null {
  if (!isObj(value) || (value.v !== 1 && value.v !== SAVED_LAB_VERSION) || !isObj(value.options)) return null;
  const checkpoint = checkLog(value.checkpoint, LIMITS.entries);
  const recent = checkLog(value.recent, UNDO_STEPS);
  if (!checkpoint || !recent) return null;
  if (checkpoint.length > 0 && recent.length > 0 && recent[0]!.t < checkpoint.at(-1)!.t) return null;
  if (checkpoint.reduce((n, e) => n + e.line.length + (e.stdin?.length ?? 0), 0) > CHECKPOINT_MAX_CHARS) return null;
  const { history, answers, reset } = value;
  if (!Array.isArray(history) || history.length > HISTORY_MAX || !history.every((h) => typeof h === 'string' && h.length <= ENTRY_LIMITS.line)) return null;
  if (!isObj(answers) || Object.keys(answers).length > ANSWERS_MAX) return null;
  if (!Object.values(answers).every((a) => typeof a === 'string' && a.length <= ANSWER_CHARS)) return null;
  if (reset !== undefined && (typeof reset !== 'string' || !/^[a-z0-9-]{1,80}$/.test(reset))) return null;
  const saved: SavedLab = {
    v: SAVED_LAB_VERSION,
    options: parseSandboxOptions(optionsToSearch(value.options)),
    checkpoint,
    recent,
    history: history as string[],
    answers: { ...(answers as Record<string, string>) },
  };
  if (reset !== undefined) saved.reset = reset;
  if (value.redo !== undefined) {
    const redo = checkRedo(value.redo, [...checkpoint, ...recent].at(-1)?.t ?? 0);
    if (!redo) return null;
    if (redo.length > 0) saved.redo = redo;
  }
  // A multi-cloud lab's other tabs: checked by that lab, their only reader (clouds/saved-tabs.ts).
  if (value.v === SAVED_LAB_VERSION && value.tabs !== undefined) saved.tabs = value.tabs;
  return saved;
}

const isSavedLab = (v: unknown): v is SavedLab => parseSavedLab(v) !== null;

/** The saved state of a lab; a damaged one is set aside once (`<key>:backup`) and treated as absent. */
export function readSavedLab(labId: string): SavedLab | undefined {
  const raw = readJson(labKey(labId, 'state'), isSavedLab);
  return raw === undefined ? undefined : (parseSavedLab(raw) ?? undefined);
}

/**
 * Saves a lab. A failed write (storage full or blocked) is reported by the site's storage notice;
 * the previous save, if any, is left as it was: an older lab is still more than none.
 */
export function saveLab(labId: string, lab: SavedLab): boolean {
  return writeJson(labKey(labId, 'state'), lab);
}

/** "Start fresh" and Reset: the saved lab, its editor draft and its terminal history go. */
export function forgetLab(labId: string): void {
  forget(labKey(labId, 'state'));
  forget(labKey(labId, 'draft'));
  forget(labKey(labId, 'history'));
}

/** Whether a lab has anything worth resuming (a command, one to redo, an answer or an exercise start). */
export function worthSaving(lab: Pick<SavedTab, 'checkpoint' | 'recent' | 'answers' | 'reset' | 'redo'>): boolean {
  return lab.checkpoint.length + lab.recent.length + (lab.redo?.length ?? 0) > 0 || Object.keys(lab.answers).length > 0 || lab.reset !== undefined;
}
