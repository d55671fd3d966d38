// Regenerates explain-data.json from the OpenAPI descriptions kubernetes-models ships in its
// .d.ts files (the browser has no access to them at run time):
//   node src/cli/kubectl/explain/generate.mjs
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const nm = resolve(here, '../../../../node_modules');

const ROOTS = [
  ['kubernetes-models/v1/Service.d.ts', 'v1', 8],
  ['kubernetes-models/v1/Namespace.d.ts', 'v1', 2],
  ['kubernetes-models/v1/Pod.d.ts', 'v1', 1],
  ['kubernetes-models/v1/Endpoints.d.ts', 'v1', 3],
  ['kubernetes-models/apps/v1/Deployment.d.ts', 'apps/v1', 2],
  ['kubernetes-models/networking.k8s.io/v1/Ingress.d.ts', 'networking.k8s.io/v1', 3],
];

// TypeMeta fields: kubernetes-models types them as literals without the OpenAPI text.
const API_DOCS = {
  apiVersion:
    'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources',
  kind: 'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds',
};

const types = {};
const roots = {};

function resolveImport(fromFile, spec) {
  const base = spec.startsWith('.') ? resolve(dirname(fromFile), spec) : join(nm, spec);
  const f = base.replace(/\.js$/, '') + '.d.ts';
  return existsSync(f) ? f : null;
}

function cleanDoc(block) {
  return block
    .split('\n')
    .map((l) => l.replace(/^\s*\*\s?/, ''))
    .join('\n')
    .replace(/^\/\*\*\n?/, '')
    .replace(/\n?\s*\*?\/$/, '')
    .trim();
}

function parse(file, depth) {
  const src = readFileSync(file, 'utf8');
  const imports = {};
  for (const m of src.matchAll(/import \{ ([^}]+) \} from "([^"]+)";/g)) {
    for (const n of m[1].split(',').map((s) => s.trim())) imports[n] = m[2];
  }
  const iface = /\/\*\*([\s\S]*?)\*\/\s*export interface (\w+)(?: extends [\w, ]+)? \{([\s\S]*?)\n\}/.exec(src);
  if (!iface) return null;
  const typeName = file.split('/').pop().replace('.d.ts', '');
  if (types[typeName]) return typeName;
  const entry = { description: cleanDoc('/**' + iface[1] + '*/'), fields: [] };
  types[typeName] = entry;
  const body = iface[3];
  for (const m of body.matchAll(/(?:\/\*\*([\s\S]*?)\*\/\s*)?"([\w$-]+)"(\??): ([^;]+);/g)) {
    const [, doc, name, opt, tsType] = m;
    const field = { name, description: doc ? cleanDoc('/**' + doc + '*/') : (API_DOCS[name] ?? ''), required: opt !== '?' && !API_DOCS[name] };
    let t = tsType.trim();
    const arr = /^Array<(.+)>$/.exec(t);
    if (arr) t = arr[1];
    let ty;
    const enumVals = /^("[^"]*"(?: \| "[^"]*")*)$/.exec(t);
    if (enumVals) {
      ty = 'string';
      field.enum = [...t.matchAll(/"([^"]*)"/g)].map((x) => x[1]).filter((x) => x !== '');
    } else if (t === 'string') ty = 'string';
    else if (t === 'number') ty = 'integer';
    else if (t === 'boolean') ty = 'boolean';
    else if (/^\{\s*\[key: string\]: string;?\s*\}$/.test(t)) ty = 'map[string]string';
    else if (/IntOrString$/.test(t)) ty = 'IntOrString';
    else if (/Time$/.test(t)) ty = 'string';
    else if (imports[t]) {
      const f = resolveImport(file, imports[t]);
      const refName = f ? f.split('/').pop().replace('.d.ts', '') : t;
      ty = refName;
      if (f && depth > 0) parse(f, depth - 1);
      field.ref = refName;
    } else ty = 'Object';
    field.type = (arr ? '[]' : '') + ty;
    if (API_DOCS[name]) {
      field.type = 'string';
      delete field.enum;
    }
    entry.fields.push(field);
  }
  entry.fields.sort((a, b) => (a.name < b.name ? -1 : 1));
  return typeName;
}

for (const [rel, version, depth] of ROOTS) {
  const name = parse(join(nm, rel), depth);
  roots[name.toLowerCase()] = { type: name, version };
}

writeFileSync(join(here, 'explain-data.json'), JSON.stringify({ roots, types }) + '\n');
console.log(`explain-data.json: ${Object.keys(types).length} types`);
writeFileSync(join(here, 'go-types.json'), JSON.stringify(goTypes(types)) + '\n');

/**
 * The field types alone (no descriptions): what the API server's decoder needs for its Go type
 * names (src/sim/kube/schema-check.ts). 3 KB instead of 99 KB, so the explain text itself can
 * stay out of the lab's start-up bundle until `kubectl explain` runs.
 */
export function goTypes(all) {
  const out = {};
  for (const [name, t] of Object.entries(all)) {
    if (t.fields) out[name] = { fields: t.fields.map((f) => (f.ref ? { name: f.name, type: f.type, ref: f.ref } : { name: f.name, type: f.type })) };
  }
  return out;
}
