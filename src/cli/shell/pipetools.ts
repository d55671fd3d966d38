import type { CommandFn } from './types';
import { awk } from './awk';
import { cut } from './cut';
import { jq } from './jq';
import { tr } from './tr';
import { uniq } from './uniq';

/** Pipe tools beyond textutils' grep/head/tail/wc/sort: each answers `--help` itself. */
export const PIPE_TOOLS: ReadonlyMap<string, CommandFn<unknown>> = new Map([
  ['awk', awk],
  ['cut', cut],
  ['jq', jq],
  ['tr', tr],
  ['uniq', uniq],
]);
