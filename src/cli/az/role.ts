import { armErrors } from '../../sim/azure/errors';
import { md5Hex } from '../../sim/md5';
import { subscription } from './arm';
import { AzCliError, type AzGroupDef, type AzRun, str } from './types';

/** Built-in roles the lessons use, by name and by their fixed role definition GUIDs. */
const ROLES: Record<string, { id: string; network: boolean }> = {
  'network contributor': { id: '4d97b98b-1d4f-4787-a291-c67834d212e7', network: true },
  contributor: { id: 'b24988ac-6180-42a0-ab88-20f7382dd24c', network: true },
  owner: { id: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635', network: true },
  reader: { id: 'acdd72a7-3385-48ef-bd42-f606fba81ae7', network: false },
};

/** A stable GUID from the assignment's identity, as ARM would give the same (scope, role, principal) one name. */
function assignmentName(scope: string, role: string, principal: string): string {
  const h = md5Hex(`${scope.toLowerCase()}|${role}|${principal.toLowerCase()}`);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

const create = {
  name: 'create',
  summary: 'Create a new role assignment for a user, group, or service principal.',
  args: [
    {
      dest: 'assignee',
      options: ['--assignee'],
      required: true,
      help: 'Represent a user, group, or service principal. Supported format: object id, user sign-in name, or service principal name.',
    },
    { dest: 'role', options: ['--role'], required: true, help: 'Role name or id.' },
    {
      dest: 'scope',
      options: ['--scope'],
      required: true,
      help: 'Scope at which the role assignment or definition applies to, e.g. /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/myGroup.',
    },
  ],
  run: (r: AzRun) => {
    const roleKey = str(r, 'role').toLowerCase();
    const role = ROLES[roleKey] ?? Object.values(ROLES).find((x) => roleKey.endsWith(x.id));
    if (!role) throw new AzCliError(`Role '${str(r, 'role')}' doesn't exist.`);
    const scope = str(r, 'scope').replace(/\/+$/, '');
    const m = /^\/subscriptions\/([^/]+)(?:\/resourceGroups\/([^/]+))?/i.exec(scope);
    if (!m) throw new AzCliError(`(InvalidScope) The scope '${scope}' is not valid.`);
    const rg = m[2];
    if (rg && !r.ctx.arm.has(`/subscriptions/${m[1]}/resourceGroups/${rg}`)) throw armErrors.resourceGroupNotFound(rg);
    const principal = str(r, 'assignee');
    // Only rights the simulator models take effect: network actions on that scope, for that principal.
    if (role.network) {
      r.ctx.armClient.authz.grant(principal, scope);
      r.ctx.arm.touch();
    }
    const name = assignmentName(scope, role.id, principal);
    const now = new Date(r.ctx.clock.now()).toISOString().replace(/\.\d+Z$/, '.000000+00:00');
    return {
      condition: null,
      conditionVersion: null,
      createdBy: null,
      createdOn: now,
      delegatedManagedIdentityResourceId: null,
      description: null,
      id: `${scope}/providers/Microsoft.Authorization/roleAssignments/${name}`,
      name,
      principalId: principal,
      principalType: 'ServicePrincipal',
      resourceGroup: rg ?? null,
      roleDefinitionId: `/subscriptions/${subscription(r)}/providers/Microsoft.Authorization/roleDefinitions/${role.id}`,
      scope,
      type: 'Microsoft.Authorization/roleAssignments',
      updatedBy: null,
      updatedOn: now,
    };
  },
};

export const ROLE: AzGroupDef = {
  name: 'role',
  summary: 'Manage Azure role-based access control (Azure RBAC).',
  groups: [{ name: 'assignment', summary: 'Manage role assignments.', commands: [create] }],
};
