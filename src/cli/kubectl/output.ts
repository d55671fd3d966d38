import type { ResourceType } from '../../sim/kube/discovery';
import type { KubeObject } from '../../sim/kube/types';
import { evalJsonPathValues, executeJsonPath, JsonPathError, valueText } from '../printers/jsonpath';
import { kindTable } from '../printers/kube-columns';
import { asList, kubeJson, kubeYaml, resourcePrefix, withoutManagedFields } from '../printers/kube-output';
import { table } from '../printers/tabwriter';
import { KubectlError } from './common';

/** The `-o` formats kubectl accepts, as its error message lists them. */
const ALLOWED =
  'custom-columns, custom-columns-file, go-template, go-template-file, json, jsonpath, jsonpath-as-json, jsonpath-file, name, template, templatefile, wide, yaml';

export type OutputSpec =
  | { kind: 'table'; wide: boolean }
  | { kind: 'json' | 'yaml' | 'name' }
  | { kind: 'jsonpath'; template: string }
  | { kind: 'custom-columns'; columns: { header: string; path: string }[] };

export function parseOutput(o: string): OutputSpec {
  if (o === '') return { kind: 'table', wide: false };
  if (o === 'wide') return { kind: 'table', wide: true };
  if (o === 'json' || o === 'yaml' || o === 'name') return { kind: o };
  const eq = o.indexOf('=');
  const head = eq < 0 ? o : o.slice(0, eq);
  const rest = eq < 0 ? '' : o.slice(eq + 1);
  if (head === 'jsonpath' || head === 'jsonpath-as-json') {
    if (!rest) throw new KubectlError('template format specified but no template given');
    return { kind: 'jsonpath', template: rest };
  }
  if (head === 'custom-columns') {
    if (!rest) throw new KubectlError('custom-columns format specified but no custom columns given');
    const columns = rest.split(',').map((c) => {
      const i = c.indexOf(':');
      if (i < 0) throw new KubectlError(`unexpected custom-columns spec: ${c}, expected <header>:<json-path-expr>`);
      return { header: c.slice(0, i), path: c.slice(i + 1) };
    });
    return { kind: 'custom-columns', columns };
  }
  throw new KubectlError(`unable to match a printer suitable for the output format "${o}", allowed formats are: ${ALLOWED}`);
}

export interface Group {
  type: ResourceType;
  items: KubeObject[];
}

/**
 * Renders what `get` found. Tables: one per kind, blank line between, `kind/name` when several
 * kinds were asked for. Structured formats: the bare object for a single named item, else a List.
 */
export function renderObjects(
  groups: Group[],
  spec: OutputSpec,
  opts: {
    now: number;
    allNamespaces: boolean;
    multipleTypes: boolean;
    singleItem: boolean;
    noHeaders?: boolean;
    showLabels?: boolean;
    labelColumns?: string[];
    showManagedFields?: boolean;
  },
): string {
  const all = groups.flatMap((g) => g.items);
  const shown = opts.showManagedFields ? all : all.map(withoutManagedFields);
  switch (spec.kind) {
    case 'json':
      return kubeJson(opts.singleItem && shown.length === 1 ? shown[0] : asList(shown));
    case 'yaml':
      return kubeYaml(opts.singleItem && shown.length === 1 ? shown[0] : asList(shown));
    case 'name':
      return groups.flatMap((g) => g.items.map((o) => resourcePrefix(g.type.kind, g.type.group) + o.metadata.name + '\n')).join('');
    case 'jsonpath':
      try {
        return executeJsonPath(spec.template, opts.singleItem && all.length === 1 ? all[0] : asList(all));
      } catch (e) {
        if (e instanceof JsonPathError) throw new KubectlError(`error parsing jsonpath ${spec.template}, ${e.message}`);
        throw e;
      }
    case 'custom-columns': {
      const rows = [spec.columns.map((c) => c.header)];
      for (const o of all) {
        rows.push(
          spec.columns.map((c) => {
            const vals = evalJsonPathValues(c.path, o);
            return vals.length ? vals.map(valueText).join(',') : '<none>';
          }),
        );
      }
      return table(opts.noHeaders ? rows.slice(1) : rows);
    }
    default: {
      const parts: string[] = [];
      for (const g of groups) {
        if (!g.items.length) continue;
        const rows = kindTable(g.type.kind, g.items, {
          now: opts.now,
          wide: spec.wide,
          withNamespace: opts.allNamespaces && g.type.namespaced,
          prefix: opts.multipleTypes ? resourcePrefix(g.type.kind, g.type.group) : undefined,
          showLabels: opts.showLabels,
          labelColumns: opts.labelColumns,
        });
        parts.push(table(opts.noHeaders ? rows.slice(1) : rows));
      }
      return parts.join('\n');
    }
  }
}
