/**
 * How Python's `jmespath` (1.0.x, what the AWS CLI and azure-cli run) reads a `--query`, where the
 * lab's JavaScript library reads it differently. The JS library extends the language (arithmetic,
 * `$`, `=` bindings) and lexes `-` loosely (`--` became a number, NaN, and leaked as `"NaN"` into
 * the error). So the expression is first lexed the Python way, with its error texts, and the JS
 * parser only decides the grammar; its errors are told in Python's frame (column, token, caret).
 */

interface Token {
  type: string;
  /** What Python prints for the token (`%s` of its value). */
  value: string;
  start: number;
  end: number;
}

type Compile = (expression: string, options: { enable_legacy_literals: boolean }) => unknown;

/** Options for the JS library so it reads what Python reads (JEP-12's deprecated `` `foo` `` literals). */
export const PYTHON_COMPATIBLE = { enable_legacy_literals: true };

/**
 * The expression as Python reads it: its JMESPathError text, or the text to hand the JS library
 * (a space between two numbers Python lexes apart, `1-2`, which the JS lexer would read as `1`).
 */
export function readQuery(expression: string, compile: Compile): { error: string } | { expression: string } {
  if (expression === '') return { error: 'Invalid JMESPath expression: cannot be empty.' };
  const tokens = lex(expression);
  if (typeof tokens === 'string') return { error: tokens };
  const failure = parseFailure(forJs(expression, tokens), compile);
  if (failure === undefined) return { expression: forJs(expression, tokens) };
  const last = tokens[tokens.length - 2];
  if (atEnd(failure) && last?.type !== 'dot') return { error: incomplete(expression) };
  // The parser runs left to right, so a prefix that fails on something other than its end fails on
  // the token the whole expression fails on, and so does every longer prefix: search for the first.
  const failsWithin = (t: Token) => {
    const prefix = expression.slice(0, t.end);
    const e = parseFailure(forJs(prefix, lex(prefix) as Token[]), compile);
    return e !== undefined && !atEnd(e);
  };
  let [lo, hi] = [0, tokens.length - 1];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (failsWithin(tokens[mid])) hi = mid;
    else lo = mid + 1;
  }
  const at = tokens[lo];
  return {
    error: `${reason(failure, at, tokens[lo - 1])}: Parse error at column ${at.start}, token "${at.value}" (${at.type.toUpperCase()}), for expression:\n"${expression}"\n${' '.repeat(at.start + 1)}^`,
  };
}

function forJs(expression: string, tokens: Token[]): string {
  let out = '';
  let from = 0;
  tokens.forEach((t, i) => {
    const before = tokens[i - 1];
    if (t.type === 'number' && before?.type === 'number' && before.end === t.start) {
      out += `${expression.slice(from, t.start)} `;
      from = t.start;
    }
  });
  return out + expression.slice(from);
}

/** The JS parser's complaint names the end of input (`got: EOF`, `(EOF)`), not a token such as an identifier `EOF`. */
const atEnd = (jsMessage: string) => /got: EOF$|\(EOF\)/.test(jsMessage);

function parseFailure(expression: string, compile: Compile): string | undefined {
  try {
    compile(expression, PYTHON_COMPATIBLE);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

function incomplete(expression: string): string {
  return `Invalid jmespath expression: Incomplete expression:\n"${expression}"\n${' '.repeat(expression.length + 1)}^`;
}

const snake = (jsType: string) => jsType.replace(/(?<=[a-z])(?=[A-Z])/g, '_').toLowerCase();

/** Python's reason for the JS parser's complaint. */
function reason(jsMessage: string, at: Token, before: Token | undefined): string {
  if (/unexpected token type/.test(jsMessage)) return `Unexpected token: ${at.value}`;
  if (before?.type === 'dot' && /Syntax error, unexpected token/.test(jsMessage))
    return `Expecting: ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'], got: ${at.type}`;
  if (/expecting an identifier token/.test(jsMessage)) return `Expecting: ['quoted_identifier', 'unquoted_identifier'], got: ${at.type}`;
  const expected = /expected (\w+), got/.exec(jsMessage);
  if (expected) return `Expecting: ${snake(expected[1])}, got: ${at.type}`;
  if (/quoted identifier not allowed/.test(jsMessage)) return 'Quoted identifier not allowed for function names.';
  if (/Syntax error,/.test(jsMessage)) return 'syntax error';
  return 'invalid token';
}

const SIMPLE: Record<string, string> = {
  '.': 'dot',
  '*': 'star',
  ']': 'rbracket',
  ',': 'comma',
  ':': 'colon',
  '@': 'current',
  '(': 'lparen',
  ')': 'rparen',
  '{': 'lbrace',
  '}': 'rbrace',
};
const PAIRS: Record<string, [next: string, both: string, alone: string]> = {
  '|': ['|', 'or', 'pipe'],
  '&': ['&', 'and', 'expref'],
  '<': ['=', 'lte', 'lt'],
  '>': ['=', 'gte', 'gt'],
  '!': ['=', 'ne', 'not'],
};
const isStart = (c: string | undefined) => !!c && /[A-Za-z_]/.test(c);
const isPart = (c: string | undefined) => !!c && /[A-Za-z0-9_]/.test(c);
const isDigit = (c: string | undefined) => !!c && c >= '0' && c <= '9';

const lexerError = (expression: string, position: number, message: string) => `Bad jmespath expression: ${message}:\n${expression}\n${' '.repeat(position)}^`;

/** `%s` of a parsed JSON value, as Python prints it. */
function pyStr(v: unknown): string {
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (v === null) return 'None';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** Python's Lexer.tokenize: the tokens, or the LexerError's text. */
function lex(s: string): Token[] | string {
  const out: Token[] = [];
  let i = 0;
  /** `_consume_until`: to the closing delimiter, a backslash taking the next character along. */
  const until = (delimiter: string): string | undefined => {
    let buff = '';
    i++;
    while (s[i] !== delimiter) {
      if (s[i] === '\\') {
        buff += '\\';
        i++;
      }
      if (i >= s.length) return undefined;
      buff += s[i];
      i++;
    }
    i++;
    return buff;
  };
  while (i < s.length) {
    const c = s[i];
    const start = i;
    if (SIMPLE[c]) {
      out.push({ type: SIMPLE[c], value: c, start, end: ++i });
    } else if (isStart(c)) {
      while (isPart(s[++i]));
      out.push({ type: 'unquoted_identifier', value: s.slice(start, i), start, end: i });
    } else if (' \t\n\r'.includes(c)) {
      i++;
    } else if (c === '[') {
      const next = s[i + 1];
      const two = next === ']' ? 'flatten' : next === '?' ? 'filter' : undefined;
      i += two ? 2 : 1;
      out.push({ type: two ?? 'lbracket', value: s.slice(start, i), start, end: i });
    } else if (c === "'" || c === '`' || c === '"') {
      const buff = until(c);
      if (buff === undefined) return lexerError(s, start, `Unclosed ${c} delimiter`);
      const token = quoted(c, buff, start, i);
      if (typeof token === 'string') return lexerError(s, start, token);
      out.push(token);
    } else if (PAIRS[c]) {
      const [next, both, alone] = PAIRS[c];
      i += s[i + 1] === next ? 2 : 1;
      out.push({ type: i - start === 2 ? both : alone, value: s.slice(start, i), start, end: i });
    } else if (isDigit(c) || c === '-') {
      while (isDigit(s[++i]));
      const buff = s.slice(start, i);
      if (buff === '-') return lexerError(s, start, "Unknown token '-'");
      out.push({ type: 'number', value: String(Number.parseInt(buff, 10)), start, end: i });
    } else if (c === '=') {
      if (s[i + 1] !== '=') return lexerError(s, i, "Unknown token '='");
      i += 2;
      out.push({ type: 'eq', value: '==', start, end: i });
    } else {
      return lexerError(s, i, `Unknown token ${c}`);
    }
  }
  out.push({ type: 'eof', value: '', start: s.length, end: s.length });
  return out;
}

/** A raw string, a JSON literal or a quoted identifier; a string is the LexerError's message. */
function quoted(delimiter: string, buff: string, start: number, end: number): Token | string {
  if (delimiter === "'") return { type: 'literal', value: buff.replaceAll("\\'", "'"), start, end };
  if (delimiter === '`') {
    const lexeme = buff.replaceAll('\\`', '`');
    for (const text of [lexeme, `"${lexeme.trimStart()}"`]) {
      try {
        return { type: 'literal', value: pyStr(JSON.parse(text)), start, end };
      } catch {
        // Not JSON: JEP-12's deprecated form, a bare string, is tried next.
      }
    }
    return `Bad token ${lexeme}`;
  }
  try {
    return { type: 'quoted_identifier', value: pyStr(JSON.parse(`"${buff}"`)), start, end };
  } catch {
    // Python keeps what its json error says before the first colon.
    return /[\u0000-\u001f]/.test(buff) ? 'Invalid control character at' : 'Invalid \\escape';
  }
}

/** The JS library's functions beyond Python jmespath 1.0's set: called, they fail as Python's do. */
const NOT_IN_PYTHON = [
  'find_first',
  'find_last',
  'from_items',
  'group_by',
  'items',
  'lower',
  'pad_left',
  'pad_right',
  'replace',
  'split',
  'trim',
  'trim_left',
  'trim_right',
  'upper',
  'zip',
];

interface FunctionTable {
  registerFunction(name: string, fn: () => never, signature: { types: number[]; optional: boolean; variadic: boolean }[], options: { override: boolean }): void;
  TYPE_ANY: number;
}

let pythonFunctionsOnly = false;

/**
 * Leaves the library (one instance, shared by aws and az, both Python underneath) with Python's
 * functions only. Like Python, the error comes when the function is called, not when it is parsed.
 */
export function usePythonFunctions(lib: FunctionTable): void {
  if (pythonFunctionsOnly) return;
  pythonFunctionsOnly = true;
  for (const name of NOT_IN_PYTHON)
    lib.registerFunction(
      name,
      () => {
        throw new Error(`Unknown function: ${name}()`);
      },
      [{ types: [lib.TYPE_ANY], optional: true, variadic: true }],
      { override: true },
    );
}

/** Python's words for an error while searching (arity; an unknown function reads alike in both). */
export function pythonSearchError(message: string): string {
  const arity = /^Invalid arity: (\w+)\(\) takes (at least )?(\d+) arguments? but received (\d+)$/.exec(message);
  if (!arity) return message;
  const [, name, atLeast = '', n, received] = arity;
  return `Expected ${atLeast}${n} argument${n === '1' ? '' : 's'} for function ${name}(), received ${received}`;
}
