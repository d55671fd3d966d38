/**
 * `as=Table` responses: the rows `kubectl get` prints, built by the same column printers the
 * lab's own kubectl uses (src/cli/printers/kube-columns.ts). Like kube-apiserver, the table is
 * always built in wide mode (wide columns carry priority 1 and kubectl hides them unless
 * `-o wide`), so the Service EXTERNAL-IP is never cut here.
 */
import { columnsFor } from '../cli/printers/kube-columns';
import type { KubeObject } from '../sim/kube/types';

const NAME_FORMAT = new Set(['NAME']);

export function toTable(kind: string, items: KubeObject[], now: number, resourceVersion: string, includeObject: string): unknown {
  const cols = columnsFor(kind);
  const columnDefinitions = [
    ...cols.headers.map((h) => ({ name: h, type: 'string', format: NAME_FORMAT.has(h) ? 'name' : '', description: '', priority: 0 })),
    ...cols.wide.map((h) => ({ name: h, type: 'string', format: '', description: '', priority: 1 })),
  ];
  const rows = items.map((o) => ({
    cells: [...cols.row(o, now, true), ...cols.wideRow(o, now)],
    object: rowObject(o, includeObject),
  }));
  return { kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: { resourceVersion }, columnDefinitions, rows };
}

function rowObject(o: KubeObject, includeObject: string): unknown {
  if (includeObject === 'None') return undefined;
  if (includeObject === 'Object') return o;
  const { managedFields: _m, ...metadata } = o.metadata as KubeObject['metadata'] & { managedFields?: unknown };
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata };
}
