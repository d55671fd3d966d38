/**
 * Decoding checks the API server performs before any validation: JSON types against the
 * OpenAPI schema, and strict unknown-field detection (kubectl ≥ 1.27 sends
 * `fieldValidation=Strict`, so `spec.foo` is an error, not a warning).
 *
 * kubernetes-models' compiled validators check types but ignore unknown fields. Every validator
 * reads each property its schema declares, and enumerates the keys of free-form maps, so
 * wrapping the input in a Proxy and recording which keys were touched tells us exactly which
 * fields the schema knows: whatever was never touched is unknown.
 */

// The field types `kubectl explain` shows, without its descriptions (generate.mjs writes both), so
// the explain text can load on first use instead of with the lab.
import goTypes from '../../cli/kubectl/explain/go-types.json';
import { ApiError, type FieldCause, fieldMsg, goQuote } from './errors';
import { type SchemaError, schemaFor } from './schemas';

const QUANTITY_PATH = /\/(requests|limits|capacity|allocatable|hard)\/[^/]+$/;
const QUANTITY = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;

/**
 * Throws ApiError(BadRequest) worded as the API server's decoding errors. A string outside its
 * enum decodes fine (Go enums are plain strings): validation rejects it later with
 * `Unsupported value`. Those failures come back as causes for the store to report when the
 * kind's strategy does not.
 */
export function checkDecoding(input: Record<string, unknown>, apiVersion: string, kind: string): FieldCause[] {
  const validator = schemaFor(`${apiVersion}/${kind}`);
  if (!validator) return [];
  const prefix = `${kind} in version "${apiVersion.split('/').pop()}" cannot be handled as a ${kind}: `;
  const unsupported: FieldCause[] = [];
  let obj = input;
  let touched = new Map<object, Set<string>>();
  let errors: SchemaError[] = [];
  // The validator stops at its first error: an enum failure is set to an allowed value (on a
  // copy) and validation re-run, so fields after it are still type-checked.
  for (let round = 0; round < 50; round++) {
    touched = new Map();
    const ok = validator(track(obj, touched, new Map()));
    errors = ok ? [] : (validator.errors ?? []);
    const enumErr = errors.find((e) => e.keyword === 'enum' && Array.isArray(e.params.allowedValues));
    if (!enumErr || enumErr !== errors.find((e) => e.keyword !== 'required' && !QUANTITY_PATH.test(e.instancePath))) break;
    const parts = enumErr.instancePath.split('/').slice(1);
    if (!parts.length) break;
    if (obj === input) obj = structuredClone(input);
    let parent: Record<string, unknown> = obj;
    for (const p of parts.slice(0, -1)) parent = parent[p] as Record<string, unknown>;
    const last = parts[parts.length - 1];
    const allowed = (enumErr.params.allowedValues as unknown[]).filter((a): a is string => typeof a === 'string' && a !== '');
    unsupported.push({ field: dotted(enumErr.instancePath), message: fieldMsg.unsupported(parent[last], [...allowed].sort()) });
    parent[last] = allowed[0] ?? '';
  }
  // Decoding does not check required fields (validation does, with "Required value"), and a
  // malformed quantity has its own message: neither is a JSON type error.
  const fatal = errors.find((e) => e.keyword !== 'required' && !QUANTITY_PATH.test(e.instancePath));
  if (fatal) {
    throw new ApiError('BadRequest', prefix + typeError(fatal, obj, kind));
  }
  const badQuantity = findBadQuantity(obj, '');
  if (badQuantity) {
    throw new ApiError('BadRequest', prefix + "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
  }
  // The validator stops at its first error: fields after it were never read, so unknown-field
  // detection would be wrong. Validation reports the missing field instead.
  if (errors.length) return unsupported;
  const unknown: string[] = [];
  collectUnknown(obj, '', touched, unknown);
  if (unknown.length) {
    throw new ApiError('BadRequest', prefix + 'strict decoding error: ' + unknown.map((f) => `unknown field ${goQuote(f)}`).join(', '));
  }
  return unsupported;
}

/** `*` in an object's key set: the schema enumerated it as a map, every key is accepted. */
const ANY = '*';

/**
 * Wraps `value` so reads record which keys the schema knows, per object (no path strings: this
 * runs on every write, 1,000s per bench). One proxy per object, however often it is read.
 */
function track(value: unknown, touched: Map<object, Set<string>>, proxies: Map<object, object>): unknown {
  if (value === null || typeof value !== 'object') return value;
  const existing = proxies.get(value);
  if (existing) return existing;
  let keys = touched.get(value);
  if (!keys) touched.set(value, (keys = new Set()));
  const seen = keys;
  const proxy = new Proxy(value as object, {
    get(target, key) {
      const child = Reflect.get(target, key);
      if (typeof key !== 'string' || (Array.isArray(target) && key === 'length')) return child;
      seen.add(key);
      return track(child, touched, proxies);
    },
    ownKeys(target) {
      // A map (labels, selector, data …): every key is accepted.
      seen.add(ANY);
      return Reflect.ownKeys(target);
    },
  });
  proxies.set(value, proxy);
  return proxy;
}

function collectUnknown(value: unknown, path: string, touched: Map<object, Set<string>>, out: string[]): void {
  if (value === null || typeof value !== 'object') return;
  const keys = touched.get(value);
  if (keys?.has(ANY)) return;
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const p = path + '/' + key;
    if (!keys?.has(key)) {
      out.push(dotted(p));
      continue;
    }
    collectUnknown(child, p, touched, out);
  }
}

/** `/spec/ports/0/foo` → `spec.ports[0].foo` (the server's field path notation). */
function dotted(path: string): string {
  let out = '';
  for (const part of path.split('/').slice(1)) out += /^\d+$/.test(part) ? `[${part}]` : out ? `.${part}` : part;
  return out;
}

const GO_PRIMITIVES: Record<string, string> = { integer: 'int32', string: 'string', boolean: 'bool', number: 'float64', IntOrString: 'intstr.IntOrString' };
const GO_FALLBACK: Record<string, string> = { ...GO_PRIMITIVES, object: 'map[string]interface {}', array: '[]interface {}' };

/** encoding/json's names for a JSON value's kind. */
function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  if (typeof v === 'boolean') return 'bool';
  return typeof v;
}

interface ExplainField {
  name: string;
  type: string;
  ref?: string;
}
type ExplainTypes = Record<string, { fields?: ExplainField[] }>;
/** Go types of the API fields, from the OpenAPI data `kubectl explain` uses (the kinds a lesson touches). */
const API_TYPES = goTypes as unknown as ExplainTypes;

type GoType = { struct: string } | { list: GoType } | { map: GoType } | { prim: string };

function goTypeOf(f: ExplainField): GoType {
  if (f.ref) return f.type.startsWith('[]') ? { list: { struct: f.ref } } : { struct: f.ref };
  if (f.type === 'Object') return { map: { prim: 'string' } };
  if (f.type.startsWith('[]')) return { list: { prim: GO_PRIMITIVES[f.type.slice(2)] ?? f.type.slice(2) } };
  return { prim: GO_PRIMITIVES[f.type] ?? f.type };
}

function goTypeName(t: GoType): string {
  if ('struct' in t) return `v1.${t.struct}`;
  if ('list' in t) return `[]${goTypeName(t.list)}`;
  if ('map' in t) return `map[string]${goTypeName(t.map)}`;
  return t.prim;
}

/**
 * encoding/json's UnmarshalTypeError as the API server prints it: `Go struct field
 * <innermost struct>.<JSON path of struct fields> of type <Go type>`, e.g.
 * `ServicePort.spec.ports.port of type int32` (list indices and map keys are not fields).
 */
function typeError(err: SchemaError, obj: unknown, kind: string): string {
  const parts = err.instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let v: unknown = obj;
  for (const p of parts) v = (v as Record<string, unknown> | undefined)?.[p];
  const target = goTarget(kind, parts);
  if (target) return `json: cannot unmarshal ${jsonType(v)} into Go struct field ${target.struct}.${target.field} of type ${target.type}`;
  const field = parts.filter((p) => !/^\d+$/.test(p)).join('.');
  const want = String(err.params.type ?? 'string');
  return `json: cannot unmarshal ${jsonType(v)} into Go struct field ${kind}.${field} of type ${GO_FALLBACK[want] ?? want}`;
}

/**
 * Kinds the explain data does not describe still have ObjectMeta, and the map fields learners
 * fill most (ConfigMap/Secret data) are known by heart.
 */
const EXTRA_FIELDS: Record<string, ExplainField[]> = {
  ConfigMap: [
    { name: 'data', type: 'Object' },
    { name: 'binaryData', type: 'Object' },
  ],
  Secret: [
    { name: 'data', type: 'Object' },
    { name: 'stringData', type: 'Object' },
    { name: 'type', type: 'string' },
  ],
};

function fieldsOf(type: string, kind: string): ExplainField[] | undefined {
  const known = API_TYPES[type]?.fields;
  if (known) return known;
  if (type !== kind) return undefined;
  return [
    { name: 'apiVersion', type: 'string' },
    { name: 'kind', type: 'string' },
    { name: 'metadata', type: 'ObjectMeta', ref: 'ObjectMeta' },
    ...(EXTRA_FIELDS[kind] ?? []),
  ];
}

/** Walks the API types along the path; undefined where the data does not describe a type. */
function goTarget(kind: string, parts: string[]): { struct: string; field: string; type: string } | undefined {
  if (!parts.length) return undefined;
  let cur: GoType = { struct: kind };
  let struct = kind;
  const fields: string[] = [];
  for (const part of parts) {
    if ('struct' in cur) {
      const f = fieldsOf(cur.struct, kind)?.find((x) => x.name === part);
      if (!f) return undefined;
      struct = cur.struct;
      fields.push(part);
      cur = goTypeOf(f);
    } else if ('list' in cur) cur = cur.list;
    else if ('map' in cur) cur = cur.map;
    else return undefined;
  }
  return { struct, field: fields.join('.'), type: goTypeName(cur) };
}

function findBadQuantity(value: unknown, path: string): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const p = `${path}/${key}`;
    if (/\/(requests|limits|capacity|allocatable)$/.test(path) && typeof child === 'string' && !QUANTITY.test(child)) return p;
    const found = findBadQuantity(child, p);
    if (found) return found;
  }
  return undefined;
}
