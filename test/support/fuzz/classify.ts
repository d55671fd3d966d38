/**
 * What a failing command may print: the shapes the real tools use. Anything else on a failure is
 * either a crash the CLI swallowed (a JavaScript message in a tool's clothes) or a message a
 * learner could not match to the real tool, and the fuzzer reports it.
 */
import type { ExecResult } from '../../../src/sim/index';

/** First lines of an error message, by tool (several tools may share a pipeline's stderr). */
export const ERROR_HEADS: { tool: string; re: RegExp }[] = [
  // kubectl: cmdutil.CheckErr and the API server's status errors.
  { tool: 'kubectl', re: /^error: \S/ },
  { tool: 'kubectl', re: /^Error from server( \([A-Za-z]+\))?: \S/ },
  { tool: 'kubectl', re: /^The [A-Z][A-Za-z]*(\.[a-z.]+)? "(?:[^"\\]|\\.)*" is invalid: / },
  { tool: 'kubectl', re: /^(error: )?resource mapping not found for name: / },
  { tool: 'kubectl', re: /^Unable to connect to the server: / },
  { tool: 'kubectl', re: /^You must specify the type of resource to \w+\. / },
  // Client-side errors inside kubectl's aggregate are printed bare (no `error: `), ahead of the server's.
  { tool: 'kubectl', re: /^(error parsing \S+: |unable to decode "|the namespace from the provided object |the path "|\[)/ },
  // helm (cobra's `Error: `), also kubectl plugins.
  { tool: 'helm', re: /^Error: \S/ },
  // az (knack/argparse and ARM errors; az prints them without `ERROR: ` on a colour terminal).
  { tool: 'az', re: /^ERROR: \S/ },
  { tool: 'az', re: /^\([A-Za-z]+\) \S/ },
  // knack quotes the word as typed, so a word holding a quote reads `''aks' is misspelled …`; the
  // word may hold U+2028/U+2029 too (a line separator to a regex's `.`, not to the shell).
  { tool: 'az', re: /^'[\s\S]*' is misspelled or not recognized by the system\.$/ },
  { tool: 'az', re: /^the following arguments are required: / },
  { tool: 'az', re: /^unrecognized arguments: / },
  { tool: 'az', re: /^argument [-\w/]+: / },
  { tool: 'az', re: /^usage error: / },
  { tool: 'az', re: /^usage: az / },
  { tool: 'az', re: /^az( [a-z][-a-z]*)*: (error: )?\S/ },
  {
    tool: 'az',
    re: /^(Unable to prompt for confirmation|Scaling is not available|Updating outbound IPs is not available|Role '|Subresource '|Please specify one or more of "|Updating outbound ports is not available)/,
  },
  // azure-cli's own argument validators (InvalidArgumentValueError), e.g. aks update's port checks.
  { tool: 'az', re: /^--[a-z][-a-z]* must be / },
  // aws (awscli 2: argparse usage errors, botocore's service and parameter errors, no credentials).
  { tool: 'aws', re: /^usage: aws / },
  { tool: 'aws', re: /^aws( [a-z0-9][-a-z0-9]*)*: (error: )?\S/ },
  { tool: 'aws', re: /^Unable to locate credentials\. / },
  { tool: 'aws', re: /^An error occurred \([A-Za-z.]+\) when calling the [A-Za-z]+ operation: / },
  { tool: 'aws', re: /^(Error parsing parameter '|Parameter validation failed:$|Bad value for --query )/ },
  // gcloud words every error `ERROR: (gcloud.<command>) …`, covered by az's `ERROR: ` above.
  // curl
  { tool: 'curl', re: /^curl: (\(\d+\) )?\S/ },
  // bash and the coreutils-style tools of the lab's shell.
  { tool: 'shell', re: /^(ba)?sh: [\s\S]/ },
  { tool: 'shell', re: /^Usage:(\s|$)/ },
  // A file name may itself hold a newline (`grep x $'\n'`), leaving the prefix alone on its line.
  {
    tool: 'shell',
    re: /^(grep|head|tail|wc|sort|uniq|cut|tr|awk|jq|cat|ls|cd|mkdir|rm|echo|printf|export|unset|alias|unalias|history|sleep|watch|clear|pwd|help|kubectl|az|helm|curl): [\s\S]*$/,
  },
];

/**
 * Lines tools print ahead of an error (or on success) that are not errors themselves: warnings,
 * kubectl's "No resources found", curl's verbose trace (`*`, `>`, `<`).
 */
const WARNING = /^(Warning: |WARNING: |W\d{4} |No (resources|events) found|[*<>] )/;

/**
 * JavaScript's own words: seen in output they mean an exception was caught and printed as if it
 * were the tool's message. Only counted when the input did not contain the same text.
 */
const ENGINE_TEXTS = [
  'Cannot read properties of',
  'Cannot set properties of',
  'is not a function',
  'is not iterable',
  'is not a constructor',
  'Maximum call stack size exceeded',
  'Invalid array length',
  'Invalid string length',
  'Invalid regular expression',
  'Cannot convert',
  'Unexpected token',
  'undefined',
  '[object Object]',
  'NaN',
  'internal error',
  'TypeError',
  'RangeError',
  'ReferenceError',
  'SyntaxError',
];
const STACK_FRAME = /\n\s+at \S+ \(?\S+:\d+:\d+\)?/;

/** Tools whose crash wrapper (`<tool>: <message>`) is not how the real tool words its errors. */
const NOT_THEIR_STYLE = /^(kubectl|az|helm): /;

/**
 * Returns why the result is unacceptable, or undefined. `input` is everything the fuzzer typed
 * (line and stdin), so echoed text is never mistaken for a leak.
 */
export function problemWith(input: string, r: ExecResult): string | undefined {
  if (typeof r.stdout !== 'string' || typeof r.stderr !== 'string' || !Number.isInteger(r.exitCode)) return 'malformed ExecResult';
  const all = r.stdout + '\n' + r.stderr;
  // Python's jmespath says `Unexpected token: <value>` (the AWS CLI prints it); JSON.parse's `Unexpected token 'x'` has no colon.
  const own = all.replace(/Unexpected token: /g, '');
  for (const t of ENGINE_TEXTS) if (own.includes(t) && !input.includes(t)) return `engine text ${JSON.stringify(t)} in output`;
  if (STACK_FRAME.test(all) && !STACK_FRAME.test(input)) return 'stack frame in output';
  if (r.exitCode === 0) return undefined;
  // Silent failures are normal in a shell: `false`, grep without a match, `curl -s`.
  const lines = r.stderr.split('\n').filter((l) => l.trim() !== '' && !WARNING.test(l));
  if (!lines.length) return undefined;
  return classifyError(lines[0]);
}

/** Undefined when the line is a recognised first line of an error message. */
export function classifyError(line: string): string | undefined {
  if (NOT_THEIR_STYLE.test(line)) return `crash wrapper instead of the tool's wording: ${JSON.stringify(line.slice(0, 200))}`;
  if (ERROR_HEADS.some((h) => h.re.test(line))) return undefined;
  return `unclassifiable error line: ${JSON.stringify(line.slice(0, 200))}`;
}
