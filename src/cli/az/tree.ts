import { AKS } from './aks';
import { ACCOUNT, GROUP, MONITOR, RESOURCE, VERSION_COMMAND } from './misc';
import { NETWORK } from './network';
import { ROLE } from './role';
import type { AzGroupDef } from './types';

/** The az command groups the lab implements (a small, faithful subset of azure-cli). */
export const AZ_ROOT: AzGroupDef = {
  name: 'az',
  summary: 'Azure CLI',
  groups: [ACCOUNT, AKS, GROUP, MONITOR, NETWORK, RESOURCE, ROLE],
  commands: [VERSION_COMMAND],
};
