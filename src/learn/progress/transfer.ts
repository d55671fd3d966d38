import { checkProgress, migrateProgress, PROGRESS_VERSION, type ProgressData } from './schema';

/** Marks our files, so importing some other JSON file is refused instead of half-understood. */
export const FILE_FORMAT = 'external-ip-lab-progress';
/** Real progress is a few KB; anything much bigger is not ours. */
export const MAX_FILE_BYTES = 64 * 1024;

export interface ProgressFile {
  format: typeof FILE_FORMAT;
  version: number;
  exportedAt: string;
  progress: ProgressData;
}

export function exportProgress(data: ProgressData, now = new Date()): string {
  const file: ProgressFile = { format: FILE_FORMAT, version: PROGRESS_VERSION, exportedAt: now.toISOString(), progress: data };
  return JSON.stringify(file, null, 2);
}

export type ImportError = 'too-big' | 'not-json' | 'not-progress' | 'future' | 'invalid';
export type ImportResult = { ok: true; data: ProgressData } | { ok: false; error: ImportError };

/**
 * Reads an exported file. All or nothing: a file with any piece that does not check out is
 * refused whole, so a bad import never changes what the learner has.
 */
export function importProgress(text: string, byteSize = text.length): ImportResult {
  if (byteSize > MAX_FILE_BYTES || text.length > MAX_FILE_BYTES) return { ok: false, error: 'too-big' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not-json' };
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as { format?: unknown }).format !== FILE_FORMAT) {
    return { ok: false, error: 'not-progress' };
  }
  const { version, progress } = parsed as { version?: unknown; progress?: unknown };
  if (!Number.isInteger(version) || (version as number) < 0) return { ok: false, error: 'invalid' };
  if ((version as number) > PROGRESS_VERSION) return { ok: false, error: 'future' };
  const { data, dropped } = checkProgress(migrateProgress(progress, version as number));
  return dropped === 0 ? { ok: true, data } : { ok: false, error: 'invalid' };
}
