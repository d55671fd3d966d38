import { type KubectlCommand, KubectlError } from './common';
import { bool } from './flags';

/**
 * `kubectl explain` from the OpenAPI descriptions of kubernetes-models (extracted by
 * explain/generate.mjs), in kubectl's plaintext template layout.
 */

interface Field {
  name: string;
  description: string;
  required: boolean;
  type: string;
  enum?: string[];
  ref?: string;
}
interface TypeDoc {
  description: string;
  fields: Field[];
}
type ExplainData = { roots: Record<string, { type: string; version: string }>; types: Record<string, TypeDoc> };

// ~100 KB of API descriptions: loaded the first time someone runs `kubectl explain`, not with the lab.
let DATA: ExplainData = { roots: {}, types: {} };
let loading: Promise<void> | null = null;
const loadData = () =>
  (loading ??= import('./explain/explain-data.json').then((m) => {
    DATA = (m.default ?? m) as unknown as ExplainData;
  }));

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    if (!para.trim()) {
      out.push('');
      continue;
    }
    const lead = /^\s*/.exec(para)![0];
    let cur = '';
    for (const w of para.trim().split(/ (?=\S)/)) {
      if (cur && (lead + cur + ' ' + w).length > width) {
        out.push(lead + cur);
        cur = w;
      } else cur = cur ? `${cur} ${w}` : w;
    }
    out.push(lead + cur);
  }
  return out;
}

const indent = (lines: string[], n: number) => lines.map((l) => ' '.repeat(n) + l).join('\n');

function fieldBlock(f: Field): string {
  let s = `  ${f.name}\t<${f.type}>${f.required ? ' -required-' : ''}\n`;
  if (f.enum?.length) s += `  enum: ${f.enum.join(', ')}\n`;
  if (f.description) s += indent(wrap(f.description, 76), 4) + '\n';
  return s;
}

function recursive(type: string | undefined, depth: number, seen: Set<string>): string {
  if (!type || !DATA.types[type] || seen.has(type)) return '';
  const next = new Set(seen).add(type);
  return DATA.types[type].fields
    .map((f) => `${'  '.repeat(depth + 1)}${f.name}\t<${f.type}>${f.required ? ' -required-' : ''}\n${recursive(f.ref, depth + 1, next)}`)
    .join('');
}

export const explainCommand: KubectlCommand = {
  name: 'explain',
  short: 'Get documentation for a resource',
  long: 'Describe fields and structure of various resources.\n\n This command describes the fields associated with each supported API resource. Fields are identified via a simple JSONPath identifier:\n\n        <type>.<fieldName>[.<fieldName>]',
  usage: 'kubectl explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2] [options]',
  examples:
    '  # Get the documentation of the resource and its fields\n  kubectl explain services\n\n  # Get the documentation of a specific field of a resource\n  kubectl explain services.spec.type',
  flags: [
    {
      name: 'recursive',
      type: 'bool',
      usage: 'When true, print the name of all the fields recursively. Otherwise, print the available fields with their description.',
    },
    { name: 'api-version', type: 'string', usage: 'Use given api-version (group/version) of the resource.' },
    {
      name: 'output',
      short: 'o',
      type: 'string',
      default: 'plaintext',
      usage: 'Format in which to render the schema. Valid values are: (plaintext, plaintext-openapiv2).',
    },
  ],
  async run(k) {
    await loadData();
    if (!k.args.length) {
      return {
        stdout: '',
        stderr:
          'You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nSee \'kubectl explain -h\' for help and examples\n',
        exitCode: 1,
      };
    }
    // `kubectl explain ..` has an empty type, which the server does not have.
    const [head = '', ...path] = k.args[0].split('.').filter(Boolean);
    const rt = k.ctx.kube.discovery.resolve(head);
    const root = DATA.roots[rt.kind.toLowerCase()];
    if (!root) throw new KubectlError(`couldn't find resource for "${rt.group ? `${rt.group}/${rt.versions[0]}` : rt.versions[0]}, Kind=${rt.kind}"`);
    let typeName = root.type;
    let field: Field | undefined;
    for (const seg of path) {
      const t = DATA.types[typeName];
      field = t?.fields.find((f) => f.name === seg);
      if (!field) throw new KubectlError(`field "${seg}" does not exist`);
      typeName = field.ref ?? '';
    }
    const version = root.version.includes('/') ? root.version.split('/')[1] : root.version;
    let out = `GROUP:      ${rt.group}\n`;
    if (!rt.group) out = '';
    out += `KIND:       ${rt.kind}\nVERSION:    ${version}\n\n`;
    if (field) out += `FIELD: ${field.name} <${field.type}>\n${field.enum?.length ? `ENUM:\n${field.enum.map((e) => `    ${e}\n`).join('')}` : ''}\n`;
    const tdoc = DATA.types[typeName];
    const desc = [field?.description, tdoc?.description].filter(Boolean).join('\n');
    out += `DESCRIPTION:\n${indent(wrap(desc || '<empty>', 76), 4)}\n    \n`;
    if (tdoc?.fields.length) {
      if (bool(k.flags, 'recursive')) out += `FIELDS:\n${recursive(typeName, 0, new Set())}\n`;
      else out += `FIELDS:\n${tdoc.fields.map(fieldBlock).join('\n')}\n`;
    }
    return { stdout: out, stderr: '', exitCode: 0 };
  },
};
