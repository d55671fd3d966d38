/** What the Azure provider's reconcile steps share: ARM access, cluster layout, and who is calling. */
import type { AksCluster } from '../azure/aks';
import type { ArmClient } from '../azure/client';
import { ArmError } from '../azure/errors';
import { resourceId } from '../azure/ids';
import type { ArmStore } from '../azure/store';
import type { OperationContext } from '../azure/types';
import type { Service } from '../kube/types';

export class CloudError extends Error {
  constructor(
    message: string,
    /** The ARM error behind it: the service controller retries 429s as transient. */
    readonly arm?: ArmError,
  ) {
    super(message);
    this.name = 'CloudError';
  }
}

/** An ARM failure as the CCM reports it (raw error text), keeping the ArmError for retry decisions. */
export function wrapArmError(err: unknown): unknown {
  return err instanceof ArmError ? new CloudError(rawArmError(err), err) : err;
}

export interface ProviderContext {
  arm: ArmStore;
  client: ArmClient;
  aks: AksCluster;
  /** Kubernetes minor version: NSG naming changed at 1.29. */
  kubeMinor: number;
  /** How the provider spells the node RG in ids it writes (lower case: domain §4 quirk). */
  rg: string;
}

export function makeContext(arm: ArmStore, client: ArmClient, aks: AksCluster, kubeMinor: number): ProviderContext {
  return { arm, client, aks, kubeMinor, rg: aks.layout.nodeResourceGroup.toLowerCase() };
}

export function opCtx(p: ProviderContext, svc: Service, step: string): OperationContext {
  return { caller: p.aks.layout.clusterPrincipalId, cause: { object: `Service ${svc.metadata.namespace}/${svc.metadata.name}`, step } };
}

/** Ids the provider builds on every sync are built once (same string object: cheap map lookups). */
const idCache = new WeakMap<ProviderContext, Map<string, string>>();
function cachedId(p: ProviderContext, key: string, make: () => string): string {
  let m = idCache.get(p);
  if (!m) idCache.set(p, (m = new Map()));
  let id = m.get(key);
  if (id === undefined) m.set(key, (id = make()));
  return id;
}

export function lbId(p: ProviderContext, name: string): string {
  return cachedId(p, `lb:${name}`, () => resourceId(p.aks.layout.subscriptionId, p.rg, 'Microsoft.Network', 'loadBalancers', name));
}

export function pipId(p: ProviderContext, name: string, rg = p.rg): string {
  return resourceId(p.aks.layout.subscriptionId, rg, 'Microsoft.Network', 'publicIPAddresses', name);
}

export function nsgId(p: ProviderContext): string {
  return cachedId(p, 'nsg', () => resourceId(p.aks.layout.subscriptionId, p.rg, 'Microsoft.Network', 'networkSecurityGroups', p.aks.layout.nsgName));
}

/**
 * How the current CCM (azure-sdk-for-go track 2 wrappers) renders an ARM error inside its own
 * messages: `Retriable: false, RetryAfter: 0s, HTTPStatusCode: 400, RawError: {"error":{…}}`.
 */
export function rawArmError(err: { statusCode: number; retryAfterSeconds?: number; toJSON(): unknown }): string {
  const retriable = err.statusCode === 429 || err.statusCode >= 500;
  return `Retriable: ${retriable}, RetryAfter: ${err.retryAfterSeconds ?? 0}s, HTTPStatusCode: ${err.statusCode}, RawError: ${JSON.stringify(err.toJSON())}`;
}
