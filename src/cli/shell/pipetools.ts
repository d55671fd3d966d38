import { cut } from './cut';
import { lazyCommand } from './lazy';
import { tr } from './tr';
import type { CommandFn } from './types';
import { uniq } from './uniq';

/** Pipe tools beyond textutils' grep/head/tail/wc/sort: each answers `--help` itself. */
export const PIPE_TOOLS: ReadonlyMap<string, CommandFn<unknown>> = new Map([
  // awk and jq are the largest tools and the rarest: they load on first use.
  ['awk', lazyCommand(() => import('./awk').then((m) => m.awk))],
  ['cut', cut],
  ['jq', lazyCommand(() => import('./jq').then((m) => m.jq))],
  ['tr', tr],
  ['uniq', uniq],
]);
