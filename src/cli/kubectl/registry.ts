import { applyCommand } from './apply';
import type { KubectlCommand } from './common';
import { createCommand } from './create';
import { deleteCommand } from './delete';
import { describeCommand } from './describe';
import { eventsCommand } from './events';
import { execCommand } from './exec';
import { explainCommand } from './explain';
import { exposeCommand } from './expose';
import { getCommand } from './get';
import { apiResourcesCommand, clusterInfoCommand, configCommand, optionsCommand, versionCommand } from './misc';
import { annotateCommand, labelCommand, patchCommand } from './mutate';
import { runCommand } from './run';
import { waitCommand } from './wait';
import { rolloutCommand, scaleCommand } from './workloads';

/** Every kubectl sub-command the lab implements. */
export const KUBECTL_COMMANDS: KubectlCommand[] = [
  createCommand,
  exposeCommand,
  runCommand,
  execCommand,
  explainCommand,
  getCommand,
  deleteCommand,
  rolloutCommand,
  scaleCommand,
  waitCommand,
  clusterInfoCommand,
  describeCommand,
  eventsCommand,
  applyCommand,
  patchCommand,
  labelCommand,
  annotateCommand,
  apiResourcesCommand,
  configCommand,
  versionCommand,
  optionsCommand,
];
