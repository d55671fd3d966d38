/**
 * A fast path for the YAML most manifests are written in: block mappings and sequences of plain
 * words, small integers and simple quoted strings. Parsing 1,000 Services with the `yaml` package
 * took a third of `kubectl apply -f -` (issue 15); this reads the same documents in a few percent
 * of that. It gives up (returns undefined) on anything else — flow collections, anchors, tags,
 * block scalars, multi-line or ambiguous scalars, odd indentation, duplicate keys — and the caller
 * then parses with the `yaml` package, which reports errors with go-yaml's lines and columns. So
 * it never decides what is an error, and every value it returns is the one the `yaml` package
 * (YAML 1.1, as go-yaml) would give: words that YAML 1.1 reads as booleans or null, numbers other
 * than plain decimal integers, and anything with a special character are left to the library.
 */

class GiveUp extends Error {}
const giveUp = (): never => {
  throw new GiveUp();
};

interface Line {
  indent: number;
  text: string;
}

/** YAML 1.1 booleans and nulls (any case): as plain words they are not strings. */
const NOT_A_STRING = /^(?:y|n|yes|no|true|false|on|off|null)$/i;
const WORD_KEY = /^[A-Za-z_][A-Za-z0-9._/-]*$/;
/** A plain scalar made of safe characters, starting with a letter, not ending with `:`. */
const WORD_VALUE = /^[A-Za-z][A-Za-z0-9._/: -]*$/;
const SMALL_INT = /^(?:0|[1-9][0-9]{0,14})$/;
/** Characters that can start something other than a block mapping or sequence of plain scalars. */
const SPECIAL = /[\t\r&*!|>[\]{}%@`\\]/;

function key(text: string): string {
  if (!WORD_KEY.test(text) || NOT_A_STRING.test(text) || text === '__proto__' || text === '<<') giveUp();
  return text;
}

function scalar(text: string): string | number {
  const first = text[0];
  if (first === '"') {
    const inner = text.slice(1, -1);
    if (text.length < 2 || !text.endsWith('"') || inner.includes('"')) giveUp();
    return inner;
  }
  if (first === "'") {
    const inner = text.slice(1, -1);
    if (text.length < 2 || !text.endsWith("'") || inner.replace(/''/g, '').includes("'")) giveUp();
    return inner.replace(/''/g, "'");
  }
  if (SMALL_INT.test(text)) return Number(text);
  if (!WORD_VALUE.test(text) || text.endsWith(':') || text.includes(': ') || text.includes('  ') || NOT_A_STRING.test(text)) giveUp();
  return text;
}

class Reader {
  private at = 0;
  constructor(private readonly lines: Line[]) {}

  done(): boolean {
    return this.at >= this.lines.length;
  }

  private peek(): Line | undefined {
    return this.lines[this.at];
  }

  /** A block starting at the current line, whose lines are indented exactly `indent`. */
  block(indent: number): unknown {
    const line = this.peek()!;
    if (line.indent !== indent) giveUp();
    return isItem(line.text) ? this.sequence(indent) : this.mapping(indent);
  }

  private mapping(indent: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    for (let line = this.peek(); line && line.indent >= indent; line = this.peek()) {
      if (line.indent > indent || isItem(line.text)) giveUp();
      const colon = line.text.indexOf(':');
      if (colon <= 0) giveUp();
      const k = key(line.text.slice(0, colon));
      if (Object.hasOwn(map, k)) giveUp();
      const rest = line.text.slice(colon + 1);
      this.at++;
      if (rest === '') map[k] = this.nested(indent, true);
      else if (rest[0] !== ' ') giveUp();
      else map[k] = scalar(rest.trimStart());
    }
    return map;
  }

  private sequence(indent: number): unknown[] {
    const list: unknown[] = [];
    for (let line = this.peek(); line && line.indent >= indent; line = this.peek()) {
      if (line.indent > indent || !isItem(line.text)) break;
      const rest = line.text.slice(1).trimStart();
      if (rest === '') {
        this.at++;
        list.push(this.nested(indent, false));
      } else if (rest[0] === '-' && isItem(rest)) giveUp();
      else if (/^[^'"\s][^:]*:(?: |$)/.test(rest)) {
        // "- key: value": a mapping whose first line starts after the dash.
        this.lines[this.at] = { indent: indent + (line.text.length - rest.length), text: rest };
        list.push(this.mapping(this.lines[this.at]!.indent));
      } else {
        this.at++;
        list.push(scalar(rest));
      }
    }
    return list;
  }

  /** The value of `key:` or `-` with nothing after it: a deeper block, a sequence at the same indent, or null. */
  private nested(indent: number, inMapping: boolean): unknown {
    const next = this.peek();
    if (next && next.indent > indent) return this.block(next.indent);
    if (inMapping && next && next.indent === indent && isItem(next.text)) return this.sequence(indent);
    return null;
  }
}

const isItem = (text: string) => text === '-' || text.startsWith('- ');

/**
 * The documents of `text` as the `yaml` package's `toJS()` gives them (null for an empty one), or
 * undefined when the text uses anything beyond the simple subset above.
 */
export function parsePlainYaml(text: string): unknown[] | undefined {
  if (SPECIAL.test(text)) return undefined;
  const docs: Line[][] = [[]];
  for (const raw of text.split('\n')) {
    const text = raw.trimEnd();
    if (text === '---') {
      docs.push([]);
      continue;
    }
    const body = text.trimStart();
    if (body === '' || body[0] === '#') continue;
    if (text.startsWith('---') || text.startsWith('...') || body.includes('#') || body[0] === '?' || body[0] === ',') return undefined;
    docs[docs.length - 1]!.push({ indent: text.length - body.length, text: body });
  }
  // An empty document (before a leading `---`, between two of them) reads as null, as the
  // library's; the caller skips both alike.
  try {
    return docs.map((lines) => {
      if (lines.length === 0) return null;
      const reader = new Reader(lines);
      const value = reader.block(lines[0]!.indent);
      if (!reader.done()) giveUp();
      return value;
    });
  } catch (e) {
    if (e instanceof GiveUp) return undefined;
    throw e;
  }
}
