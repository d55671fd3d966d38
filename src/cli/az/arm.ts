import { armErrors } from '../../sim/azure/errors';
import { resourceGroupId, resourceId } from '../../sim/azure/ids';
import type { ArmResource } from '../../sim/azure/types';
import type { TableTransformer } from '../printers/az-output';
import { azView } from './flatten';
import type { AzArg } from './parser';
import { AzCliError, type AzCommandDef, type AzGroupDef, type AzRun, RG_ARG, RG_OPTIONAL, str } from './types';

/** Read helpers shared by the az command groups: every read goes to the ARM store, as az goes to ARM. */

export const subscription = (r: AzRun) => r.ctx.options.subscriptionId;

export function requireGroup(r: AzRun, rg: string): void {
  if (!r.ctx.arm.has(resourceGroupId(subscription(r), rg))) throw armErrors.resourceGroupNotFound(rg);
}

export function listOfType(r: AzRun, type: string, rg?: string): unknown[] {
  if (rg) requireGroup(r, rg);
  return r.ctx.arm.list({ subscriptionId: subscription(r), resourceGroup: rg || undefined, type }).map(azView);
}

export function rawResource(r: AzRun, provider: string, type: string, rg: string, name: string): ArmResource {
  return r.ctx.arm.require(resourceId(subscription(r), rg, provider, type, name));
}

export function showResource(r: AzRun, provider: string, type: string, rg: string, name: string): Record<string, unknown> {
  return azView(rawResource(r, provider, type, rg, name)) as Record<string, unknown>;
}

export const IDS_ARG: AzArg = {
  dest: 'ids',
  options: ['--ids'],
  kind: 'multi',
  help: "One or more resource IDs (space-delimited). It should be a complete resource ID containing all information of 'Resource Id' arguments.",
};

/** `list` + `show` for a top-level resource type (`az network lb list|show`). */
export function listShowGroup(opts: {
  name: string;
  summary: string;
  provider: string;
  type: string;
  noun: string;
  plural?: string;
  transformer?: TableTransformer;
  extra?: AzCommandDef[];
  groups?: AzGroupDef[];
}): AzGroupDef {
  const full = `${opts.provider}/${opts.type}`;
  return {
    name: opts.name,
    summary: opts.summary,
    groups: opts.groups,
    commands: (
      [
        ...(opts.extra ?? []),
        {
          name: 'list',
          summary: `List ${opts.plural ?? opts.noun + 's'}.`,
          args: [RG_OPTIONAL],
          transformer: opts.transformer ? (res) => (res as unknown[]).map((x) => opts.transformer!(x)) : undefined,
          examples: [
            { summary: `List ${opts.plural ?? opts.noun + 's'} within a resource group.`, command: `az network ${opts.name} list -g MyResourceGroup` },
          ],
          run: (r) => listOfType(r, full, str(r, 'resourceGroup')),
        },
        {
          name: 'show',
          summary: `Get the details of a ${opts.noun}.`,
          // AAZ-generated network commands declare the name before the resource group, so argparse lists it first.
          args: [
            { dest: 'name', options: ['--name', '-n'], required: true, unlessGiven: 'ids', help: `The name of the ${opts.noun}.` },
            { ...RG_ARG, unlessGiven: 'ids' },
            IDS_ARG,
          ],
          transformer: opts.transformer,
          run: (r) => {
            const ids = r.args.ids as string[] | undefined;
            if (!ids?.length) return showResource(r, opts.provider, opts.type, str(r, 'resourceGroup'), str(r, 'name'));
            // One id prints the object, several a list, as az does.
            const found = ids.map((id) => azView(r.ctx.arm.require(id)));
            return found.length === 1 ? found[0] : found;
          },
        },
      ] as AzCommandDef[]
    ).sort((a, b) => (a.name < b.name ? -1 : 1)),
  };
}

/** `list` + `show` for a child collection (`az network lb rule list --lb-name kubernetes`). */
export function childGroup(opts: {
  name: string;
  summary: string;
  provider: string;
  parentType: string;
  parentArg: AzArg;
  key: string;
  noun: string;
  transformer?: TableTransformer;
  filter?: (r: AzRun, items: Record<string, unknown>[]) => Record<string, unknown>[];
  listArgs?: AzArg[];
  extra?: AzCommandDef[];
}): AzGroupDef {
  const items = (r: AzRun) => {
    const parent = showResource(r, opts.provider, opts.parentType, str(r, 'resourceGroup'), str(r, opts.parentArg.dest));
    const list = (parent[opts.key] as Record<string, unknown>[] | undefined) ?? [];
    return opts.filter ? opts.filter(r, list) : list;
  };
  return {
    name: opts.name,
    summary: opts.summary,
    commands: (
      [
        ...(opts.extra ?? []),
        {
          name: 'list',
          summary: `List ${opts.noun}s.`,
          args: [RG_ARG, opts.parentArg, ...(opts.listArgs ?? [])],
          transformer: opts.transformer ? (res) => (res as unknown[]).map((x) => opts.transformer!(x)) : undefined,
          run: items,
        },
        {
          name: 'show',
          summary: `Get the details of a ${opts.noun}.`,
          args: [{ dest: 'name', options: ['--name', '-n'], required: true, help: `The name of the ${opts.noun}.` }, opts.parentArg, RG_ARG],
          transformer: opts.transformer,
          run: (r) => {
            const all =
              (showResource(r, opts.provider, opts.parentType, str(r, 'resourceGroup'), str(r, opts.parentArg.dest))[opts.key] as
                | Record<string, unknown>[]
                | undefined) ?? [];
            const found = all.find((x) => String(x.name).toLowerCase() === str(r, 'name').toLowerCase());
            if (!found) throw subresourceNotFound(str(r, 'name'));
            return found;
          },
        },
      ] as AzCommandDef[]
    ).sort((a, b) => (a.name < b.name ? -1 : 1)),
  };
}

/** AAZ-generated sub-resource commands report a missing child this way (no ARM call fails). */
export function subresourceNotFound(name: string): AzCliError {
  return new AzCliError(`Subresource '${name}' not found.`, 3);
}
