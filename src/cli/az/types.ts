import type { CliContext } from '../context';
import type { TableTransformer } from '../printers/az-output';
import type { AzArg, AzParsed } from './parser';

export interface AzRun {
  ctx: CliContext;
  args: AzParsed;
  /** `az network public-ip show` */
  prog: string;
  /** Lines az logs as warnings (stderr), e.g. get-credentials' "Merged … as current context". */
  warn(line: string): void;
}

export interface AzCommandDef {
  name: string;
  summary: string;
  args: AzArg[];
  transformer?: TableTransformer;
  examples?: { summary: string; command: string }[];
  /** Returns the result to print; undefined prints nothing (delete commands). */
  run(r: AzRun): Promise<unknown> | unknown;
}

export interface AzGroupDef {
  name: string;
  summary: string;
  groups?: AzGroupDef[];
  commands?: AzCommandDef[];
}

/** A client-side az error (validation); printed as is, exit code 1 unless given. */
export class AzCliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export const RG_ARG: AzArg = {
  dest: 'resourceGroup',
  options: ['--resource-group', '-g'],
  required: true,
  help: 'Name of resource group. You can configure the default group using `az configure --defaults group=<name>`.',
};

export const RG_OPTIONAL: AzArg = { ...RG_ARG, required: false };

export const nameArg = (help: string, extra: string[] = []): AzArg => ({
  dest: 'name',
  options: ['--name', '-n', ...extra],
  required: true,
  help,
});

export const str = (r: AzRun, k: string): string => (r.args[k] as string | undefined) ?? '';
