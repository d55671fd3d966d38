/**
 * Share links: a lab is its options plus the log of commands it ran (with their virtual times), so
 * it can be rebuilt exactly. The link carries that as compressed JSON in the URL fragment, which
 * never reaches a server. Links come from strangers: sizes are capped before and after
 * decompression, the shape is checked field by field, and nothing but simulator commands ever runs.
 */
import { optionsToSearch, parseSandboxOptions, type SandboxPageOptions } from '../../lab/sandbox-options';
import type { CloudName } from '../../sim/options';

export interface LogEntry {
  /** Virtual milliseconds since the lab started when the command ran. */
  t: number;
  line: string;
  stdin?: string;
}

export interface SharedLab {
  v: 1;
  /** The lab (lesson) this log belongs to. */
  lab: string;
  options: SandboxPageOptions;
  log: LogEntry[];
  /**
   * A multi-cloud lab's other opened tabs and their logs (`log` is its first tab's). decodeLab
   * hands them on unchecked; the multi-cloud lab, their only reader, checks them (clouds/start.ts).
   */
  tabs?: Partial<Record<CloudName, LogEntry[]>>;
}

export const LIMITS = {
  /** Characters of the encoded fragment we are willing to look at. */
  encoded: 100_000,
  /** Bytes after decompression (a compression bomb stops here). */
  decoded: 512_000,
  entries: 500,
  line: 10_000,
  stdin: 200_000,
  /** A day of virtual time is plenty for any lesson. */
  time: 86_400_000,
};

export type DecodeResult = { ok: true; lab: SharedLab; tabs?: unknown } | { ok: false; error: string };

function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const s = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4));
    return Uint8Array.from(s, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, cap: number): Promise<Uint8Array | null> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > cap) {
        await reader.cancel();
        return null;
      }
      chunks.push(value);
    }
  } catch {
    return null;
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export async function encodeLab(lab: SharedLab): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(lab));
  const packed = await pipe(json, new CompressionStream('deflate-raw'), Number.MAX_SAFE_INTEGER);
  return toBase64Url(packed!);
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One command of a log from outside (a link, saved state): the entry, or what is wrong with it. */
export function checkEntry(e: unknown, limits: Pick<typeof LIMITS, 'time' | 'line' | 'stdin'> = LIMITS): LogEntry | string {
  if (!isObj(e)) return 'a log entry is not an object';
  const { t, line, stdin } = e;
  if (typeof t !== 'number' || !Number.isInteger(t) || t < 0 || t > limits.time) return 'a log entry has an invalid time';
  if (typeof line !== 'string' || line.length > limits.line) return 'a log entry has an invalid command';
  if (stdin !== undefined && (typeof stdin !== 'string' || stdin.length > limits.stdin)) return 'a log entry has invalid input';
  return stdin === undefined ? { t, line } : { t, line, stdin };
}

export async function decodeLab(encoded: string): Promise<DecodeResult> {
  if (encoded.length > LIMITS.encoded) return { ok: false, error: 'The shared lab is too large to open.' };
  const bytes = fromBase64Url(encoded);
  if (!bytes) return { ok: false, error: 'The shared lab link is damaged (it is not valid base64url).' };
  const raw = await pipe(bytes, new DecompressionStream('deflate-raw'), LIMITS.decoded);
  if (!raw) return { ok: false, error: 'The shared lab link is damaged or too large (it does not decompress).' };
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
  } catch {
    return { ok: false, error: 'The shared lab link is damaged (its content is not valid JSON).' };
  }
  if (!isObj(data) || data.v !== 1) return { ok: false, error: 'The shared lab link is from an unknown version.' };
  if (typeof data.lab !== 'string' || !/^[a-z0-9-]{1,80}$/.test(data.lab)) return { ok: false, error: 'The shared lab link names no valid lab.' };
  if (!Array.isArray(data.log) || data.log.length > LIMITS.entries) return { ok: false, error: 'The shared lab has too many commands.' };
  const log: LogEntry[] = [];
  let last = 0;
  for (const e of data.log) {
    const checked = checkEntry(e);
    if (typeof checked === 'string') return { ok: false, error: `The shared lab link is damaged: ${checked}.` };
    if (checked.t < last) return { ok: false, error: 'The shared lab link is damaged: its commands are out of order.' };
    last = checked.t;
    log.push(checked);
  }
  // Options go through the same whitelist as the sandbox page's URL options.
  const options = parseSandboxOptions(optionsToSearch(isObj(data.options) ? data.options : {}));
  return { ok: true, lab: { v: 1, lab: data.lab, options, log }, tabs: data.tabs };
}
