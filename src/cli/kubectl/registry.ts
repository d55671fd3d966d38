import type { KubectlCommand } from './common';
import { applyCommand } from './apply';
import { createCommand } from './create';
import { deleteCommand } from './delete';
import { describeCommand } from './describe';
import { eventsCommand } from './events';
import { explainCommand } from './explain';
import { exposeCommand } from './expose';
import { getCommand } from './get';
import { apiResourcesCommand, clusterInfoCommand, configCommand, optionsCommand, versionCommand } from './misc';
import { annotateCommand, labelCommand, patchCommand } from './mutate';
import { rolloutCommand, scaleCommand } from './workloads';
import { runCommand } from './run';
import { execCommand } from './exec';
import { waitCommand } from './wait';

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
