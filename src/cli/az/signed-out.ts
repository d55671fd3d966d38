/**
 * `az` in another cloud's sandbox (EKS, GKE, MetalLB, k3s): the machine has the Azure CLI but no
 * `az login`, as `aws` and `gcloud` have no credentials in the AKS sandbox. Arguments are still
 * parsed (usage errors and help come first, as in azure-cli); a command that needs a subscription
 * then stops with azure-cli's Profile.get_subscription error.
 */
import type { CliContext } from '../context';

/** Commands that read nothing from Azure and answer without a sign-in. */
const LOCAL_COMMANDS = new Set(['version']);

export const NOT_SIGNED_IN = "ERROR: Please run 'az login' to setup account.\n";
/** `az account list` signed out: an empty list and this warning (azure-cli's list_subscriptions). */
export const NO_ACCOUNTS_WARNING = 'WARNING: Please run "az login" to access your accounts.\n';

export const signedIn = (ctx: CliContext) => !ctx.cloud || ctx.cloud.name === 'aks';

/** What a signed-out az does instead of running the command; undefined: run it (no Azure call). */
export function signedOutAnswer(path: string[]): { result: unknown[]; warning: string } | { error: string } | undefined {
  const command = path.join(' ');
  if (LOCAL_COMMANDS.has(command)) return undefined;
  if (command === 'account list') return { result: [], warning: NO_ACCOUNTS_WARNING };
  return { error: NOT_SIGNED_IN };
}
