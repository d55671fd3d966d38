import { type Document, isNode, parseAllDocuments, parseDocument, visit, type YAMLError } from 'yaml';
import type { ApiErrorReason } from '../../sim/kube/errors';
import { utf8Length } from '../../sim/kube/names-validation';
import { MAX_REQUEST_BYTES } from '../../sim/kube/store';
import type { KubeObjectInput } from '../../sim/kube/types';
import { resolvePath, type ShellState } from '../shell/types';
import { KubectlError } from './common';
import { parsePlainYaml } from './plain-yaml';

/** One object read from `-f`, with where it came from (`STDIN` or the file name) for messages. */
export interface ManifestObject {
  source: string;
  object: KubeObjectInput;
  /**
   * The API server's answer to this document, known before anything is stored: a body over
   * 3 MiB, or an `apiVersion` that is not a string (kubectl reads it as "" — the unstructured
   * accessors ignore non-strings — and sends the object, which the server cannot decode).
   */
  rejected?: { reason: ApiErrorReason; message: string };
}

/**
 * Nesting the lab's YAML parser is asked to handle. go-yaml stops at 10,000 levels; the `yaml`
 * package is recursive and runs out of stack near 1,000 (less in some browsers), so the lab
 * stops at 500 with go-yaml's wording. No real manifest comes close.
 */
export const MAX_YAML_DEPTH = 500;

export interface ManifestRead {
  objects: ManifestObject[];
  /** A parse error stops the stream there (kubectl's StreamVisitor); earlier objects still apply. */
  error?: string;
}

/** Reads every `-f` argument: `-` is stdin, anything else the shell's in-memory files. */
export function readManifests(filenames: string[], stdin: string, shell: ShellState, readUrl?: (url: string) => string | undefined): ManifestRead {
  const objects: ManifestObject[] = [];
  for (const f of filenames) {
    const source = f === '-' ? 'STDIN' : f;
    let text: string | undefined;
    if (f === '-') text = stdin;
    else if (/^https?:\/\//.test(f)) {
      text = readUrl?.(f);
      if (text === undefined) throw new KubectlError(`unable to read URL "${f}", server reported 404 Not Found, status code=404`);
    } else text = shell.files.get(resolvePath(shell, f));
    if (text === undefined) throw new KubectlError(`the path "${f}" does not exist`);
    const r = parseManifestText(text, source);
    objects.push(...r.objects);
    if (r.error) return { objects, error: r.error };
  }
  return { objects };
}

/** Documents parsed (and objects applied) between two pauses. */
export const SLICE = 100;

/**
 * readManifests for a caller that must stay responsive: a long stream is split at `---` and
 * parsed a slice of documents at a time, with `pause()` in between. The result is the one
 * readManifests gives (go-yaml counts lines per document either way).
 */
export async function readManifestsSliced(
  filenames: string[],
  stdin: string,
  shell: ShellState,
  readUrl: ((url: string) => string | undefined) | undefined,
  pause: () => Promise<void>,
): Promise<ManifestRead> {
  const objects: ManifestObject[] = [];
  for (const f of filenames) {
    const text = f === '-' ? stdin : /^https?:\/\//.test(f) ? undefined : shell.files.get(resolvePath(shell, f));
    const docs = text === undefined ? [] : splitDocuments(text);
    if (text === undefined || docs.length <= SLICE) {
      const r = readManifests([f], stdin, shell, readUrl);
      objects.push(...r.objects);
      if (r.error) return { objects, error: r.error };
      continue;
    }
    const source = f === '-' ? 'STDIN' : f;
    for (let i = 0; i < docs.length; i++) {
      if (i && i % SLICE === 0) await pause();
      const r = parseManifestText(docs[i], source);
      objects.push(...r.objects);
      if (r.error) return { objects, error: r.error };
    }
  }
  return { objects };
}

/**
 * The documents of a stream. Big or deeply nested input is split at `---` first (a line starting
 * with `---` always starts a document, even inside a block scalar), so a document over the API
 * server's 3 MiB body limit is refused without parsing it — kubectl converts it and the server
 * answers 413 — and the documents before a too-deep one still apply.
 */
export function parseManifestText(text: string, source: string): ManifestRead {
  const size = text.length * 3 > MAX_REQUEST_BYTES ? utf8Length(text) : text.length;
  if (size <= MAX_REQUEST_BYTES && nesting(text).depth <= MAX_YAML_DEPTH) return parseDocuments(text, source);
  const objects: ManifestObject[] = [];
  for (const doc of splitDocuments(text)) {
    if (utf8Length(doc) > MAX_REQUEST_BYTES) {
      objects.push({
        source,
        object: {} as KubeObjectInput,
        rejected: { reason: 'RequestEntityTooLarge', message: `Request entity too large: limit is ${MAX_REQUEST_BYTES}` },
      });
      continue;
    }
    const deep = nesting(doc);
    if (deep.depth > MAX_YAML_DEPTH)
      return { objects, error: `error parsing ${source}: error converting YAML to JSON: yaml: line ${deep.line}: exceeded max depth of ${MAX_YAML_DEPTH}` };
    const r = parseDocuments(doc, source);
    objects.push(...r.objects);
    if (r.error) return { objects, error: r.error };
  }
  return { objects };
}

/** Splits at document markers (`---` at the start of a line); each part keeps its own lines. */
export function splitDocuments(text: string): string[] {
  const parts: string[] = [];
  const re = /^---(?=[ \t\r\n]|$)/gm;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > start) parts.push(text.slice(start, m.index));
    start = m.index;
    re.lastIndex = m.index + 3;
  }
  parts.push(text.slice(start));
  return parts.filter((p) => p.trim() !== '' && p.trim() !== '---');
}

/**
 * How deep the YAML nests, and the line where it first went past MAX_YAML_DEPTH, from the text
 * alone (one pass, no parsing): block levels by indentation and `- ` markers, plus open flow
 * brackets outside quotes. An estimate that errs high only for odd block scalars, which is all a
 * guard needs.
 */
export function nesting(text: string): { depth: number; line: number } {
  let max = 0;
  let maxLine = 1;
  let flow = 0;
  const indents: number[] = [];
  let lineInDoc = 0;
  for (const line of text.split('\n')) {
    lineInDoc++;
    if (line.startsWith('---') || line.startsWith('...')) {
      indents.length = 0;
      flow = 0;
      // kubectl splits at `---` before go-yaml sees the document: its lines count from the next one.
      lineInDoc = line.startsWith('---') ? 0 : lineInDoc;
      continue;
    }
    let i = 0;
    while (line.charCodeAt(i) === 32) i++;
    if (i === line.length || line[i] === '#') continue;
    let block = indents.length;
    if (flow === 0) {
      while (indents.length && indents[indents.length - 1] >= i) indents.pop();
      indents.push(i);
      block = indents.length;
      for (let j = i; line.startsWith('- ', j); j += 2) block++;
    }
    let quote = '';
    let peak = flow;
    for (let j = i; j < line.length; j++) {
      const c = line[j];
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '[' || c === '{') peak = Math.max(peak, ++flow);
      else if (c === ']' || c === '}') flow = Math.max(0, flow - 1);
      else if (c === '#' && line[j - 1] === ' ') break;
    }
    if (block + peak > max) {
      // The line reported is where the limit was first crossed, as go-yaml stops there.
      if (max <= MAX_YAML_DEPTH) maxLine = lineInDoc;
      max = block + peak;
    }
  }
  return { depth: max, line: maxLine };
}

function parseDocuments(text: string, source: string): ManifestRead {
  // Most manifests are plain block YAML: read those without the library (see plain-yaml.ts).
  const plain = parsePlainYaml(text);
  return plain ? objectsOf(plain, source) : parseWithLibrary(text, source);
}

function parseWithLibrary(text: string, source: string): ManifestRead {
  const objects: ManifestObject[] = [];
  const docs = parseAllDocuments(text, { version: '1.1', uniqueKeys: false, logLevel: 'error' });
  const list = Array.isArray(docs) ? docs : [docs];
  const hasAlias = text.includes('*');
  for (const doc of list) {
    if (doc.errors.length)
      return {
        objects,
        error: `error parsing ${source}: error converting YAML to JSON: yaml: ${goYamlMessage(doc.errors[0], text, docStartLine(text, doc.range[0]))}`,
      };
    // Walking every node for aliases costs ~2 % of a 1,000-document apply; without `*` there are none.
    const looped = hasAlias ? selfReferencingAnchor(doc) : undefined;
    if (looped !== undefined)
      return { objects, error: `error parsing ${source}: error converting YAML to JSON: yaml: anchor '${looped}' value contains itself` };
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 }) as unknown;
    } catch (e) {
      // Billion laughs: go-yaml refuses the document with its own wording.
      if (e instanceof Error && /Excessive alias count/.test(e.message)) {
        return { objects, error: `error parsing ${source}: error converting YAML to JSON: yaml: document contains excessive aliasing` };
      }
      throw e;
    }
    const error = takeDocument(value, source, objects);
    if (error) return { objects, error };
  }
  return { objects };
}

function objectsOf(values: unknown[], source: string): ManifestRead {
  const objects: ManifestObject[] = [];
  for (const value of values) {
    const error = takeDocument(value, source, objects);
    if (error) return { objects, error };
  }
  return { objects };
}

/** One document's value as kubectl's decoder takes it: its objects pushed, or the error that stops the stream. */
function takeDocument(value: unknown, source: string, objects: ManifestObject[]): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    return `error parsing ${source}: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${Array.isArray(value) ? 'array' : typeof value === 'string' ? 'string' : 'number'} into Go value of type map[string]interface {}`;
  }
  const obj = value as KubeObjectInput;
  if (!obj.kind || typeof obj.kind !== 'string') {
    // The unstructured decoder rejects the document before anything is sent, and stops the stream.
    return `unable to decode "${source}": Object 'Kind' is missing in '${JSON.stringify(obj)}'`;
  }
  if (obj.kind === 'List' && Array.isArray(obj.items)) {
    for (const item of obj.items as KubeObjectInput[]) {
      if (!item || typeof item !== 'object' || typeof item.kind !== 'string' || !item.kind) {
        return `unable to decode "${source}": Object 'Kind' is missing in '${JSON.stringify(item)}'`;
      }
      objects.push(manifestObject(source, item));
    }
  } else objects.push(manifestObject(source, obj));
  return undefined;
}

/**
 * `metadata.name`/`namespace` as kubectl's unstructured accessors read them: a value that is not
 * a string reads as "" (the server then rejects the body when decoding it).
 */
export function metaString(o: KubeObjectInput, field: 'name' | 'namespace'): string | undefined {
  const meta = (o as { metadata?: unknown }).metadata;
  if (!meta || typeof meta !== 'object') return undefined;
  const v = (meta as Record<string, unknown>)[field];
  return v === undefined || v === null ? undefined : typeof v === 'string' ? v : '';
}

function manifestObject(source: string, object: KubeObjectInput): ManifestObject {
  const v = (object as { apiVersion?: unknown } | null)?.apiVersion;
  if (v === undefined || v === null || typeof v === 'string') return { source, object };
  const json = Array.isArray(v) ? 'array' : typeof v === 'object' ? 'object' : typeof v === 'boolean' ? 'bool' : 'number';
  // runtime/serializer/json.SimpleMetaFactory.Interpret, reading into an anonymous struct.
  return {
    source,
    object: { ...object, apiVersion: '' },
    rejected: {
      reason: 'BadRequest',
      message: `couldn't get version/kind; json parse error: json: cannot unmarshal ${json} into Go struct field .apiVersion of type string`,
    },
  };
}

/**
 * An alias inside the node its anchor names (`probe: &p {again: *p}`) would make a circular
 * object; go-yaml refuses it while decoding.
 */
export function selfReferencingAnchor(doc: Document.Parsed): string | undefined {
  let found: string | undefined;
  visit(doc, {
    Alias(_key, node, path) {
      if (path.some((p) => isNode(p) && p.anchor === node.source)) {
        found = node.source;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * `yaml.parse` for one document (patches, helm values), refusing what go-yaml refuses that the
 * `yaml` package would turn into a circular object. Throws Error with go-yaml's text.
 */
export function parseYamlValue(text: string, options: { version?: '1.1' | '1.2' } = {}): unknown {
  const doc = parseDocument(text, { ...options, logLevel: 'error' });
  if (doc.errors.length) throw doc.errors[0];
  const looped = selfReferencingAnchor(doc);
  if (looped !== undefined) throw new Error(`anchor '${looped}' value contains itself`);
  return doc.toJS({ maxAliasCount: 100 }) as unknown;
}

/** go-yaml's wording for the mistakes learners make most (indentation, tabs, stray colons). */
/** kubectl splits the stream at `---` before converting, so go-yaml counts lines per document. */
function docStartLine(text: string, offset: number): number {
  const before = text.slice(0, offset);
  let lines = before.split('\n').length - 1;
  const lineStart = before.lastIndexOf('\n') + 1;
  if (text.startsWith('---', lineStart)) lines++;
  return lines;
}

function goYamlMessage(e: YAMLError, text: string, lineOffset: number): string {
  let line = e.linePos?.[0]?.line ?? 1;
  let msg: string;
  switch (e.code) {
    case 'RESOURCE_EXHAUSTION':
      // The parser ran out of stack before the depth guard fired (a smaller browser stack).
      msg = `exceeded max depth of ${MAX_YAML_DEPTH}`;
      break;
    case 'TAB_AS_INDENT':
      msg = 'found character that cannot start any token';
      break;
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY': {
      // go-yaml reports the line of the colon it could not accept, not where the key began.
      const colon = /:(\s|$)/m.exec(text.slice(e.pos[0] + 1));
      if (colon) line = text.slice(0, e.pos[0] + 1 + colon.index).split('\n').length;
      msg = 'mapping values are not allowed in this context';
      break;
    }
    case 'DUPLICATE_KEY':
      msg = 'mapping key already defined';
      break;
    case 'MISSING_CHAR':
      msg = e.message.includes('"') || e.message.includes("'") ? 'found unexpected end of stream' : 'did not find expected key';
      break;
    case 'BAD_INDENT':
      msg =
        e.message.includes('compact') || e.message.includes('Nested mappings') ? 'mapping values are not allowed in this context' : 'did not find expected key';
      break;
    default:
      msg = e.message.includes('Nested mappings') ? 'mapping values are not allowed in this context' : 'did not find expected key';
  }
  return `line ${Math.max(1, line - lineOffset)}: ${msg}`;
}
