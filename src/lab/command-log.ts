/**
 * The lab's command log, bounded for long sessions.
 *
 * A lab is rebuilt (Undo, Redo, share links) by replaying its set-up and every command at its
 * virtual time. Keeping every command forever makes memory and Undo grow without end, so the log
 * has two parts:
 *
 * - `recent`: the last UNDO_STEPS commands, exactly as run. Undo and Redo work inside it.
 * - `checkpoint`: everything older, frozen (never undone one by one) and compacted: a read-only
 *   command that provably changed nothing is dropped, since replaying it would change nothing
 *   either. The checkpoint is replayed once per rebuild, before `recent`.
 *
 * When the checkpoint outgrows CHECKPOINT_MAX_ENTRIES or CHECKPOINT_MAX_CHARS the lab can no
 * longer be rebuilt cheaply: the log is dropped and Undo, Redo and share links switch off for the
 * rest of the session (Reset starts a fresh, rebuildable lab). The entry limit is the share link's
 * own limit, so any lab that can still be rebuilt can also be shared.
 */
import { LIMITS, type LogEntry } from '../learn/share/codec';

/** Commands Undo can take back one by one. */
export const UNDO_STEPS = 50;
/** State-changing commands kept for rebuilding; a share link carries at most this many too. */
export const CHECKPOINT_MAX_ENTRIES = LIMITS.entries;
/** Characters of command lines and stdin kept for rebuilding (~2 MB of UTF-16). */
export const CHECKPOINT_MAX_CHARS = 1_000_000;

export interface CommandLog {
  /** Older commands, replayed first; only those that may have changed something. */
  checkpoint: LogEntry[];
  /** The newest commands, oldest first, at most UNDO_STEPS. */
  recent: LogEntry[];
  /** Characters held by the checkpoint (lines + stdin). */
  checkpointChars: number;
  /** False once the checkpoint overflowed: the lab can no longer be rebuilt from its log. */
  rebuildable: boolean;
}

const size = (e: LogEntry) => e.line.length + (e.stdin?.length ?? 0);

/** A log that starts from `entries` (a share link's or a rebuilt lab's), newest UNDO_STEPS undoable. */
export function fromEntries(entries: readonly LogEntry[], checkpoint: readonly LogEntry[] = []): CommandLog {
  const cut = Math.max(0, entries.length - UNDO_STEPS);
  let log: CommandLog = { checkpoint: [...checkpoint], recent: [], checkpointChars: checkpoint.reduce((n, e) => n + size(e), 0), rebuildable: true };
  for (const e of entries.slice(0, cut)) log = freeze(log, e);
  return { ...log, recent: entries.slice(cut) };
}

function freeze(log: CommandLog, entry: LogEntry): CommandLog {
  if (!log.rebuildable) return log;
  const chars = log.checkpointChars + size(entry);
  if (log.checkpoint.length + 1 > CHECKPOINT_MAX_ENTRIES || chars > CHECKPOINT_MAX_CHARS) {
    return { checkpoint: [], recent: [], checkpointChars: 0, rebuildable: false };
  }
  return { ...log, checkpoint: [...log.checkpoint, entry], checkpointChars: chars };
}

/**
 * Appends a command. `inert` says the command changed nothing a later replay could depend on
 * (see isReadOnlyLine and the store's before/after check); it is still undoable while recent,
 * and is dropped when it leaves the undo window.
 */
export function append(log: CommandLog, entry: LogEntry, inert: boolean): CommandLog {
  if (!log.rebuildable) return log;
  if (inert) inertEntries.add(entry);
  let next: CommandLog = { ...log, recent: [...log.recent, entry] };
  while (next.rebuildable && next.recent.length > UNDO_STEPS) {
    const [oldest, ...rest] = next.recent;
    next = { ...next, recent: rest };
    if (!inertEntries.has(oldest!)) next = freeze(next, oldest!);
  }
  return next;
}

/** Entries known to have changed nothing, by identity, so the log itself holds plain LogEntry objects. */
const inertEntries = new WeakSet<LogEntry>();

/** Every command to replay, in order: the checkpoint, then the recent ones. */
export function replayOrder(log: CommandLog): LogEntry[] {
  return [...log.checkpoint, ...log.recent];
}

/** Pipeline stages that only read their input (or nothing) and print. */
const FILTERS = new Set([
  'grep',
  'head',
  'tail',
  'wc',
  'sort',
  'uniq',
  'cut',
  'tr',
  'awk',
  'jq',
  'echo',
  'cat',
  'ls',
  'pwd',
  'printf',
  'true',
  'false',
  'clear',
  'history',
  'whoami',
  'date',
  'column',
  'base64',
  'help',
]);
const KUBECTL_READS = new Set(['get', 'describe', 'logs', 'explain', 'top', 'version', 'api-resources', 'api-versions', 'cluster-info', 'events', 'auth']);
const HELM_READS = new Set(['list', 'ls', 'status', 'get', 'history', 'show', 'search', 'version', 'env', 'template']);
/** az's verb is the last word before the options: `az network public-ip list -g …`. */
const AZ_READS = /^(list|show|list-\S+|show-\S+|get-\S+|version|--version|find)$/;

/**
 * Whether a command line only reads: every stage of every pipeline is a known reader, with no
 * redirection (which writes a file), no variable assignment, no `cd`/`export` (shell state) and
 * no command substitution. Conservative: anything unknown counts as a write.
 */
export function isReadOnlyLine(line: string): boolean {
  if (/[>`\n]|\$\(|<</.test(line)) return false;
  for (const stage of line.split(/&&|\|\||[|;]/)) {
    const words = stage.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) continue;
    const [cmd, sub] = words;
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(cmd!)) return false;
    if (cmd === 'kubectl') {
      if (!sub || !KUBECTL_READS.has(sub) || words.includes('-w') || words.includes('--watch')) return false;
      if (sub === 'auth' && words[2] !== 'can-i') return false;
      continue;
    }
    if (cmd === 'helm') {
      if (!sub || !HELM_READS.has(sub)) return false;
      continue;
    }
    if (cmd === 'az') {
      const options = words.findIndex((w) => w.startsWith('-'));
      const path = words.slice(1, options < 0 ? undefined : options);
      if (!AZ_READS.test(path.at(-1) ?? '')) return false;
      continue;
    }
    if (!FILTERS.has(cmd!)) return false;
  }
  return true;
}
