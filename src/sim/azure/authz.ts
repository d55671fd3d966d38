/**
 * Role assignments, as far as the lessons need them: which scopes an identity may act on. AKS
 * gives the cluster identity rights on the node resource group only, so a Service that puts its
 * public IP in another group (`azure-load-balancer-resource-group`) fails with ARM's 403 until
 * someone grants "Network Contributor" there (domain §6.5; AKS docs static-ip.md).
 */
import { ArmError } from './errors';

export class RoleAssignments {
  /** principal → granted scopes (lower case, no trailing slash). */
  private grants = new Map<string, Set<string>>();

  grant(principalId: string, scope: string): void {
    let set = this.grants.get(principalId);
    if (!set) this.grants.set(principalId, (set = new Set()));
    set.add(normalize(scope));
  }

  revoke(principalId: string, scope: string): void {
    this.grants.get(principalId)?.delete(normalize(scope));
  }

  /** True when `scope` is, or lies under, a scope granted to the principal. */
  allows(principalId: string, scope: string): boolean {
    const s = normalize(scope);
    for (const g of this.grants.get(principalId) ?? []) if (s === g || s.startsWith(g + '/')) return true;
    return false;
  }
}

function normalize(scope: string): string {
  return scope.toLowerCase().replace(/\/+$/, '');
}

/** ARM's 403 for an identity without the right role (the text Azure returns, Azure/AKS#1624). */
export function authorizationFailed(clientId: string, objectId: string, action: string, scope: string): ArmError {
  return new ArmError(
    403,
    'AuthorizationFailed',
    `The client '${clientId}' with object id '${objectId}' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
  );
}
