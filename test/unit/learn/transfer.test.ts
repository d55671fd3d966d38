import { describe, expect, it } from 'vitest';
import { PROGRESS_VERSION, type ProgressData } from '../../../src/learn/progress/schema';
import { exportProgress, importProgress, MAX_FILE_BYTES } from '../../../src/learn/progress/transfer';

const data: ProgressData = {
  lessons: {
    'where-does-external-ip-come-from': {
      read: true,
      quiz: { total: 4, first: { 'who-creates-pip': true, 'fourth-ip': false }, last: { 'who-creates-pip': true, 'fourth-ip': true } },
      exercises: { 'expose-redis': true },
    },
  },
  last: 'where-does-external-ip-come-from',
};

describe('export and import', () => {
  it('round-trips', () => {
    const file = exportProgress(data, new Date('2026-01-02T03:04:05Z'));
    expect(JSON.parse(file)).toMatchObject({ format: 'external-ip-lab-progress', version: PROGRESS_VERSION, exportedAt: '2026-01-02T03:04:05.000Z' });
    expect(importProgress(file)).toEqual({ ok: true, data });
  });

  it('refuses a truncated file', () => {
    const file = exportProgress(data);
    expect(importProgress(file.slice(0, file.length - 20))).toEqual({ ok: false, error: 'not-json' });
  });

  // biome-ignore-start lint/suspicious/noExplicitAny: tampering means writing anything anywhere in parsed JSON.
  it.each([
    ['a wrong type', (f: any) => (f.progress.lessons['where-does-external-ip-come-from'].read = 'yes')],
    ['an unknown field', (f: any) => (f.progress.lessons['where-does-external-ip-come-from'].admin = true)],
    ['a bad slug', (f: any) => (f.progress.lessons['../etc'] = { read: true })],
    ['a negative version', (f: any) => (f.version = -1)],
    ['a missing progress', (f: any) => delete f.progress],
    // biome-ignore-end lint/suspicious/noExplicitAny: tampering means writing anything anywhere in parsed JSON.
  ])('refuses a tampered file (%s)', (_n, tamper) => {
    const f = JSON.parse(exportProgress(data));
    tamper(f);
    expect(importProgress(JSON.stringify(f))).toEqual({ ok: false, error: 'invalid' });
  });

  it('refuses other JSON and files from a newer version', () => {
    expect(importProgress('{"hello": "world"}')).toEqual({ ok: false, error: 'not-progress' });
    expect(importProgress('null')).toEqual({ ok: false, error: 'not-progress' });
    const f = JSON.parse(exportProgress(data));
    f.version = PROGRESS_VERSION + 1;
    expect(importProgress(JSON.stringify(f))).toEqual({ ok: false, error: 'future' });
  });

  it('refuses an oversized file before parsing it', () => {
    const f = JSON.parse(exportProgress(data));
    f.padding = 'x'.repeat(MAX_FILE_BYTES);
    expect(importProgress(JSON.stringify(f))).toEqual({ ok: false, error: 'too-big' });
    expect(importProgress('{}', MAX_FILE_BYTES + 1)).toEqual({ ok: false, error: 'too-big' });
  });

  it('accepts an older (version 0) file and migrates it', () => {
    const f = { format: 'external-ip-lab-progress', version: 0, exportedAt: '', progress: { read: ['where-does-external-ip-come-from'] } };
    expect(importProgress(JSON.stringify(f))).toEqual({ ok: true, data: { lessons: { 'where-does-external-ip-come-from': { read: true } } } });
  });
});
