/**
 * Syntax tree of the small POSIX-like shell in front of kubectl/az.
 * Words keep their quoting per segment so expansion can decide what is field-split,
 * exactly as bash does ("$x" stays one word, $x may become several).
 */

export type WordSegment =
  | { t: 'lit'; v: string; q: boolean }
  /** `$NAME`, `${NAME}`, `$?` */
  | { t: 'var'; name: string; q: boolean }
  /** `$(…)` or backticks: the inner source, run by the interpreter. */
  | { t: 'sub'; src: string; q: boolean };

export interface Word {
  segs: WordSegment[];
  /** Source text, for error messages ("unexpected token") and `history`. */
  raw: string;
}

export interface HereDoc {
  delim: string;
  /** Delimiter was quoted (`<<'EOF'`): body is taken literally. */
  quoted: boolean;
  /** `<<-`: leading tabs are stripped from body lines and the delimiter line. */
  stripTabs: boolean;
  body: string;
  /** Set when the input ended before the delimiter line (bash warns, then goes on). */
  unterminated: boolean;
  /** 1-based line of the `<<` operator, for bash's end-of-file warning. */
  line: number;
}

export type Redirect =
  | { op: '>' | '>>'; fd: number; target: Word }
  | { op: '<'; fd: number; target: Word }
  /** `2>&1`, `>&2` */
  | { op: '>&'; fd: number; toFd: number }
  /** `&>file` */
  | { op: '&>'; fd: number; target: Word }
  | { op: '<<'; fd: number; heredoc: HereDoc }
  | { op: '<<<'; fd: number; target: Word };

export interface Assignment {
  name: string;
  value: Word;
}

export interface SimpleCommand {
  type: 'simple';
  assigns: Assignment[];
  words: Word[];
  redirects: Redirect[];
}

export interface Pipeline {
  type: 'pipeline';
  negate: boolean;
  commands: SimpleCommand[];
}

export interface AndOr {
  type: 'andor';
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
}

export interface Script {
  type: 'script';
  items: AndOr[];
}
