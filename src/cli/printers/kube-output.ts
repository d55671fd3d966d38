import { Document, isScalar, Scalar, stringify, visit } from 'yaml';
import { sortKeysDeep } from './az-output';

/**
 * kubectl `-o json` / `-o yaml`: objects are unstructured maps, so Go's encoders sort keys.
 * JSON uses 4-space indent and Go's HTML-safe escaping; YAML is go-yaml v2 (YAML 1.1, so
 * timestamps and `yes`/`no` strings get quoted; sequences are not indented under their key).
 */

/** kubectl hides metadata.managedFields in JSON/YAML output unless `--show-managed-fields`. */
export function withoutManagedFields<T>(obj: T): T {
  const o = obj as { metadata?: { managedFields?: unknown }; items?: unknown[] };
  if (Array.isArray(o?.items)) return { ...o, items: o.items.map(withoutManagedFields) } as T;
  if (!o?.metadata || !('managedFields' in o.metadata)) return obj;
  const { managedFields: _hidden, ...metadata } = o.metadata;
  return { ...o, metadata } as T;
}

export function kubeJson(obj: unknown): string {
  return JSON.stringify(sortKeysDeep(obj), null, 4).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026') + '\n';
}

const SAFE_PLAIN = /^[A-Za-z_][\w./-]*$/;

/** Plain scalars go-yaml v2 would read as something other than a string (its resolve table). */
const NON_STRING = [
  /^(~|null|Null|NULL)$/,
  /^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  /^[-+]?(0b[01_]+|0[0-7_]+|(0|[1-9][0-9_]*)|0x[0-9a-fA-F_]+)$/,
  /^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$/,
  /^[-+]?\.(inf|Inf|INF)$/,
  /^\.(nan|NaN|NAN)$/,
  /^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$/,
  /^\d{4}-\d\d?-\d\d?([Tt ]\d\d?:\d\d:\d\d(\.\d+)?\s*(Z|[-+]\d\d?(:\d\d)?)?)?$/,
];

/**
 * go-yaml v2's choice of scalar style: a string that would read back as another type (`"80"`,
 * `"true"`, timestamps, `""`) is double-quoted; one that merely cannot be plain (`'*'`,
 * `'a: b'`) is single-quoted; multi-line strings are block literals.
 */
function goYamlStyle(s: string): Scalar.Type | undefined {
  if (s.includes('\n')) return undefined;
  if (s === '' || NON_STRING.some((re) => re.test(s))) return Scalar.QUOTE_DOUBLE;
  if (SAFE_PLAIN.test(s)) return Scalar.PLAIN;
  const plainOk = !/^['"]/.test(stringify(s, { version: '1.1', lineWidth: 0 }));
  return plainOk ? Scalar.PLAIN : Scalar.QUOTE_SINGLE;
}

export function kubeYaml(obj: unknown): string {
  const doc = new Document(sortKeysDeep(obj), { version: '1.1' });
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'string') {
        const style = goYamlStyle(node.value);
        if (style) node.type = style;
      }
    },
    Pair(_key, pair) {
      if (isScalar(pair.key) && typeof pair.key.value === 'string') {
        const style = goYamlStyle(pair.key.value);
        if (style) pair.key.type = style;
      }
    },
  });
  // go-yaml writes the `.` key of managedFields' FieldsV1 plain (`.: {}`); the yaml package
  // quotes it because YAML 1.1 floats may be written `.`.
  return doc.toString({ indentSeq: false, lineWidth: 0, doubleQuotedAsJSON: true, nullStr: 'null' }).replace(/^( *)(?:"\."|'\.'):/gm, '$1.:');
}

/** What kubectl prints for several objects: a `v1` `List`. */
export function asList(items: unknown[]): Record<string, unknown> {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}

/** `service/nginx`, `deployment.apps/web` — the `-o name` form and the `kind/name` table prefix. */
export function resourcePrefix(kind: string, group: string): string {
  return `${kind.toLowerCase()}${group ? '.' + group : ''}/`;
}
