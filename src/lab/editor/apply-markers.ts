import { type Document, isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseAllDocuments } from 'yaml';

/** A problem at a place in the editor text (1-based lines and columns, like Monaco markers). */
export interface ApplyMarker {
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
  message: string;
}

interface Located {
  doc: Document;
  kind?: string;
  name?: string;
  namespace?: string;
}

/** `spec.ports[0].port` → ['spec', 'ports', 0, 'port'] */
export function parseFieldPath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}

/** The node at `path`, or the deepest existing ancestor (so an unknown field marks its parent key). */
function nodeAt(doc: Document, path: (string | number)[]): { node: Node | null; keyNode: Node | null } {
  let node: unknown = doc.contents;
  let keyNode: Node | null = null;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      keyNode = pair.key as Node;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number' && node.items[seg]) {
      node = node.items[seg];
      keyNode = null;
    } else break;
  }
  return { node: (node as Node) ?? null, keyNode };
}

/**
 * Turns kubectl's messages after `kubectl apply -f -` into markers on the YAML the learner wrote:
 * YAML syntax errors at their line, API validation errors at the field they name, unknown fields,
 * unknown kinds and missing namespaces at the line that caused them.
 */
export function markersFromApply(text: string, stderr: string): ApplyMarker[] {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines });
  const list = Array.isArray(docs) ? docs : [];
  const located: Located[] = list.map((doc) => {
    const js = (doc.errors.length === 0 ? doc.toJS() : null) as { kind?: string; metadata?: { name?: string; namespace?: string } } | null;
    return { doc, kind: js?.kind, name: js?.metadata?.name, namespace: js?.metadata?.namespace };
  });
  const markers: ApplyMarker[] = [];
  const lineLength = (line: number) => (text.split('\n')[line - 1] ?? '').length + 1;
  const markRange = (range: [number, number, number] | undefined, message: string) => {
    if (!range) return;
    const a = lines.linePos(range[0]);
    const b = lines.linePos(Math.max(range[0], range[1]));
    markers.push({
      startLineNumber: a.line,
      startColumn: a.col,
      endLineNumber: b.line,
      endColumn: b.line === a.line && b.col <= a.col ? a.col + 1 : b.col,
      message,
    });
  };
  const markLine = (line: number, message: string) =>
    markers.push({ startLineNumber: line, startColumn: 1, endLineNumber: line, endColumn: lineLength(line), message });
  const markPath = (doc: Document, path: (string | number)[], message: string) => {
    const { node, keyNode } = nodeAt(doc, path);
    markRange((keyNode ?? node)?.range ?? doc.contents?.range ?? undefined, message);
  };

  for (const raw of stderr.split('\n')) {
    const line = raw.trim();
    if (!line) continue;

    const yamlLine = /yaml: line (\d+): (.*)$/.exec(line);
    if (yamlLine) {
      markLine(Number(yamlLine[1]), line);
      continue;
    }

    const invalid = /The (\w+) "([^"]*)" is invalid: (.*)$/.exec(line);
    if (invalid) {
      const [, kind, name, rest] = invalid;
      const doc = located.find((d) => d.kind === kind && d.name === name)?.doc ?? located.find((d) => d.kind === kind)?.doc;
      if (!doc) continue;
      // One or more `field.path: message` parts separated by ", " (or one per `* ` line below).
      const parts = rest!.split(/, (?=[a-zA-Z][\w.[\]]*: )/);
      for (const part of parts) {
        const m = /^([a-zA-Z][\w.[\]]*): (.*)$/.exec(part);
        if (m) markPath(doc, parseFieldPath(m[1]!), `${kind} "${name}": ${part}`);
      }
      continue;
    }

    const bullet = /^\* ([a-zA-Z][\w.[\]]*): (.*)$/.exec(line);
    if (bullet) {
      const doc = located.find((d) => d.kind)?.doc;
      if (doc) markPath(doc, parseFieldPath(bullet[1]!), line.slice(2));
      continue;
    }

    const unknownField = /(\w+) in version "[^"]*" cannot be handled as a \w+: strict decoding error: (.*)$/.exec(line);
    if (unknownField) {
      const [, kind, fields] = unknownField;
      for (const f of fields!.matchAll(/unknown field "([^"]+)"/g)) {
        const path = parseFieldPath(f[1]!);
        const doc = located.find((d) => d.kind === kind && nodeAt(d.doc, path).keyNode)?.doc ?? located.find((d) => d.kind === kind)?.doc;
        if (doc) markPath(doc, path, `unknown field "${f[1]}"`);
      }
      continue;
    }

    const noKind = /no matches for kind "([^"]+)" in version "([^"]+)"/.exec(line);
    if (noKind) {
      for (const d of located.filter((x) => x.kind === noKind[1])) markPath(d.doc, ['apiVersion'], line.replace(/^.*?(no matches)/, '$1'));
      continue;
    }

    const noNs = /namespaces "([^"]+)" not found/.exec(line);
    if (noNs) {
      for (const d of located.filter((x) => x.namespace === noNs[1])) markPath(d.doc, ['metadata', 'namespace'], `namespaces "${noNs[1]}" not found`);
    }
  }
  // Syntax errors the simulator reported only in aggregate still get a marker from the parser itself.
  if (markers.length === 0 && /error parsing|error converting YAML/.test(stderr)) {
    for (const d of list) for (const e of d.errors) markLine(e.linePos?.[0]?.line ?? 1, e.message.split('\n')[0]!);
  }
  return markers;
}
