/**
 * Errors the simulated API server returns. `message` is worded exactly as the real server words
 * it (the CLI adds kubectl's own prefixes such as `Error from server (NotFound): `).
 */
export type ApiErrorReason = 'NotFound' | 'AlreadyExists' | 'Invalid' | 'Conflict' | 'BadRequest' | 'Forbidden' | 'MethodNotAllowed' | 'RequestEntityTooLarge';

const CODES: Record<ApiErrorReason, number> = {
  NotFound: 404,
  AlreadyExists: 409,
  Conflict: 409,
  Invalid: 422,
  BadRequest: 400,
  Forbidden: 403,
  MethodNotAllowed: 405,
  RequestEntityTooLarge: 413,
};

export interface FieldCause {
  /** `spec.ports[0].port` */
  field: string;
  /** `Invalid value: 0: must be between 1 and 65535, inclusive` */
  message: string;
}

export class ApiError extends Error {
  readonly code: number;
  readonly reason: ApiErrorReason;
  readonly causes: FieldCause[];

  constructor(reason: ApiErrorReason, message: string, causes: FieldCause[] = []) {
    super(message);
    this.name = 'ApiError';
    this.reason = reason;
    this.code = CODES[reason];
    this.causes = causes;
  }
}

/** `services "x" not found` */
export function notFound(plural: string, name: string): ApiError {
  return new ApiError('NotFound', `${plural} ${goQuote(name)} not found`);
}

/** `services "x" already exists` */
export function alreadyExists(plural: string, name: string): ApiError {
  return new ApiError('AlreadyExists', `${plural} ${goQuote(name)} already exists`);
}

/**
 * `The Service "x" is invalid: spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive`
 * With several causes the server prints them as a bracketed, comma-separated list.
 */
export function invalid(kind: string, name: string, causes: FieldCause[]): ApiError {
  const parts = causes.map((c) => `${c.field}: ${c.message}`);
  const detail = parts.length === 1 ? parts[0] : `[${parts.join(', ')}]`;
  return new ApiError('Invalid', `The ${kind} ${goQuote(name)} is invalid: ${detail}`, causes);
}

/** `Operation cannot be fulfilled on services "x": the object has been modified; please apply your changes to the latest version and try again` */
export function conflict(plural: string, name: string): ApiError {
  return new ApiError(
    'Conflict',
    `Operation cannot be fulfilled on ${plural} ${goQuote(name)}: the object has been modified; please apply your changes to the latest version and try again`,
  );
}

/**
 * Client-side discovery failure (no API server round trip). kubectl prints it as
 * `error: resource mapping not found for name: "n" namespace: "" from "STDIN": no matches for kind "X" in version "Y"`
 * followed by `ensure CRDs are installed first`.
 */
export class NoKindMatchError extends Error {
  constructor(
    readonly kind: string,
    readonly apiVersion: string,
  ) {
    super(`no matches for kind "${kind}" in version "${apiVersion}"`);
    this.name = 'NoKindMatchError';
  }
}

/** `error: the server doesn't have a resource type "foo"` — kubectl prints it for unknown aliases. */
export class UnknownResourceTypeError extends Error {
  constructor(readonly resource: string) {
    super(`the server doesn't have a resource type "${resource}"`);
    this.name = 'UnknownResourceTypeError';
  }
}

/** Field-validation helpers produce these messages; kept here so wording lives in one file. */
export const fieldMsg = {
  required: () => 'Required value',
  invalid: (value: unknown, detail: string) => `Invalid value: ${formatValue(value)}: ${detail}`,
  unsupported: (value: unknown, allowed: string[]) => `Unsupported value: ${formatValue(value)}: supported values: ${allowed.map((a) => `"${a}"`).join(', ')}`,
  forbidden: (detail: string) => `Forbidden: ${detail}`,
  duplicate: (value: unknown) => `Duplicate value: ${formatValue(value)}`,
  notFound: (value: unknown) => `Not found: ${formatValue(value)}`,
};

/** Go's `%#v`-ish rendering used by field.Error: strings quoted, numbers bare. */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return goQuote(value);
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
const SHORT_ESCAPES: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '"': '\\"',
  '\\': '\\\\',
};

/**
 * Go's `%q` (strconv.Quote), which the API server uses for names and bad values: printable
 * characters as they are, control and format characters (NUL, ESC, RTL overrides, zero-width
 * spaces) escaped, so a hostile name cannot reorder or hide text in the learner's terminal.
 * A lone surrogate is what Go's JSON decoder turns into U+FFFD.
 */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const short = SHORT_ESCAPES[ch];
    if (short) out += short;
    else if (PRINTABLE.test(ch)) out += ch;
    else {
      const cp = ch.codePointAt(0)!;
      if (cp >= 0xd800 && cp <= 0xdfff) out += '\ufffd';
      else if (cp < 0x80) out += '\\x' + cp.toString(16).padStart(2, '0');
      else if (cp <= 0xffff) out += '\\u' + cp.toString(16).padStart(4, '0');
      else out += '\\U' + cp.toString(16).padStart(8, '0');
    }
  }
  return out + '"';
}
