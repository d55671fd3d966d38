import { stringWidth, stripAnsi } from './width';

/** What the terminal should do after a keystroke. */
export type EditorEffect =
  | { type: 'write'; data: string }
  | { type: 'submit'; line: string }
  | { type: 'interrupt' }
  | { type: 'clear-screen' }
  | { type: 'complete'; line: string; cursor: number };

export interface Completion {
  /** Replacement for the text from `start` to the cursor. */
  start: number;
  candidates: string[];
}

/**
 * Readline-style editing of one command line, independent of xterm so it can be tested in Node:
 * feed it the data xterm emits, get back what to write and which line was submitted.
 * Characters are handled as code points, so Korean text moves the cursor correctly.
 */
export class LineEditor {
  private chars: string[] = [];
  private cursor = 0;
  private history: string[];
  private historyIndex: number;
  private draft = '';
  /** Row of the cursor within the rendered input, counted from the prompt's row. */
  private renderedCursorRow = 0;
  prompt: string;
  cols: number;

  constructor(options: { prompt: string; cols: number; history?: string[] }) {
    this.prompt = options.prompt;
    this.cols = Math.max(options.cols, 10);
    this.history = [...(options.history ?? [])];
    this.historyIndex = this.history.length;
  }

  get line(): string {
    return this.chars.join('');
  }

  get cursorIndex(): number {
    return this.cursor;
  }

  getHistory(): string[] {
    return [...this.history];
  }

  /** Starts a fresh input line and returns the text that shows the prompt. */
  begin(prompt = this.prompt): string {
    this.prompt = prompt;
    this.chars = [];
    this.cursor = 0;
    this.renderedCursorRow = 0;
    this.historyIndex = this.history.length;
    this.draft = '';
    return prompt;
  }

  setLine(text: string, cursor = [...text].length): string {
    this.chars = [...text];
    this.cursor = Math.min(Math.max(cursor, 0), this.chars.length);
    return this.render();
  }

  /** Handles one chunk of terminal input (a key, an escape sequence, or pasted text). */
  feed(data: string): EditorEffect[] {
    const effects: EditorEffect[] = [];
    const write = (s: string) => s && effects.push({ type: 'write', data: s });
    let i = 0;
    while (i < data.length) {
      const rest = data.slice(i);
      const seq = /^\x1b(\[[0-9;]*[A-Za-z~]|O[A-Za-z]|[bfd\x7f])/.exec(rest);
      if (seq) {
        write(this.escape(seq[1]!));
        i += seq[0].length;
        continue;
      }
      const ch = String.fromCodePoint(data.codePointAt(i)!);
      i += ch.length;
      switch (ch) {
        case '\r':
        case '\n': {
          if (ch === '\n' && data[i - 2] === '\r') break; // CRLF from a paste: one line break
          const line = this.line;
          write(this.moveToEnd() + '\r\n');
          this.pushHistory(line);
          effects.push({ type: 'submit', line });
          this.chars = [];
          this.cursor = 0;
          this.renderedCursorRow = 0;
          break;
        }
        case '\x7f':
        case '\b':
          if (this.cursor > 0) {
            this.chars.splice(this.cursor - 1, 1);
            this.cursor--;
            write(this.render());
          }
          break;
        case '\x03': // Ctrl+C
          write(this.moveToEnd() + '^C\r\n');
          this.chars = [];
          this.cursor = 0;
          this.renderedCursorRow = 0;
          effects.push({ type: 'interrupt' });
          break;
        case '\x0c': // Ctrl+L
          effects.push({ type: 'clear-screen' });
          break;
        case '\x01': // Ctrl+A
          this.cursor = 0;
          write(this.render());
          break;
        case '\x05': // Ctrl+E
          this.cursor = this.chars.length;
          write(this.render());
          break;
        case '\x02': // Ctrl+B
          write(this.escape('[D'));
          break;
        case '\x06': // Ctrl+F
          write(this.escape('[C'));
          break;
        case '\x04': // Ctrl+D deletes forward; on an empty line bash would exit, the lab stays
          if (this.cursor < this.chars.length) {
            this.chars.splice(this.cursor, 1);
            write(this.render());
          }
          break;
        case '\x0b': // Ctrl+K
          this.chars.splice(this.cursor);
          write(this.render());
          break;
        case '\x15': // Ctrl+U
          this.chars.splice(0, this.cursor);
          this.cursor = 0;
          write(this.render());
          break;
        case '\x17': // Ctrl+W
          write(this.deleteWordBack());
          break;
        case '\x10': // Ctrl+P
          write(this.escape('[A'));
          break;
        case '\x0e': // Ctrl+N
          write(this.escape('[B'));
          break;
        case '\t':
          effects.push({ type: 'complete', line: this.line, cursor: this.cursor });
          break;
        default:
          if (ch >= ' ' || ch.codePointAt(0)! > 0x7f) {
            this.chars.splice(this.cursor, 0, ch);
            this.cursor++;
            write(this.render());
          }
      }
    }
    return this.coalesce(effects);
  }

  /** Applies a completion result: a single candidate is inserted, several are listed. */
  applyCompletion(result: Completion): string {
    const { start, candidates } = result;
    if (candidates.length === 0) return '\x07';
    const typed = this.chars.slice(start, this.cursor).join('');
    const prefix = commonPrefix(candidates);
    if (candidates.length === 1) {
      const insert = candidates[0]! + (candidates[0]!.endsWith('/') || candidates[0]!.endsWith('=') ? '' : ' ');
      return this.replaceRange(start, insert);
    }
    if (prefix.length > typed.length) return this.replaceRange(start, prefix);
    // Ambiguous: list the candidates below, then redraw the prompt and line, as bash does.
    const listing = formatColumns(candidates, this.cols);
    const out = this.moveToEnd() + '\r\n' + listing + '\r\n';
    this.renderedCursorRow = 0;
    return out + this.prompt + this.renderFromPromptStart();
  }

  private replaceRange(start: number, text: string): string {
    this.chars.splice(start, this.cursor - start, ...text);
    this.cursor = start + [...text].length;
    return this.render();
  }

  private pushHistory(line: string): void {
    if (line.trim() && this.history[this.history.length - 1] !== line) this.history.push(line);
    if (this.history.length > 500) this.history.splice(0, this.history.length - 500);
    this.historyIndex = this.history.length;
    this.draft = '';
  }

  private escape(code: string): string {
    switch (code) {
      case '[D':
      case 'OD':
        if (this.cursor > 0) this.cursor--;
        return this.render();
      case '[C':
      case 'OC':
        if (this.cursor < this.chars.length) this.cursor++;
        return this.render();
      case '[H':
      case 'OH':
      case '[1~':
        this.cursor = 0;
        return this.render();
      case '[F':
      case 'OF':
      case '[4~':
        this.cursor = this.chars.length;
        return this.render();
      case '[3~':
        if (this.cursor < this.chars.length) this.chars.splice(this.cursor, 1);
        return this.render();
      case '[A':
      case 'OA':
        if (this.historyIndex === 0) return '';
        if (this.historyIndex === this.history.length) this.draft = this.line;
        this.historyIndex--;
        return this.setLine(this.history[this.historyIndex] ?? '');
      case '[B':
      case 'OB':
        if (this.historyIndex >= this.history.length) return '';
        this.historyIndex++;
        return this.setLine(this.historyIndex === this.history.length ? this.draft : (this.history[this.historyIndex] ?? ''));
      case '[1;5D':
      case 'b':
        this.cursor = wordStart(this.chars, this.cursor);
        return this.render();
      case '[1;5C':
      case 'f':
        this.cursor = wordEnd(this.chars, this.cursor);
        return this.render();
      case '\x7f':
        return this.deleteWordBack();
      default:
        return '';
    }
  }

  private deleteWordBack(): string {
    const start = wordStart(this.chars, this.cursor);
    this.chars.splice(start, this.cursor - start);
    this.cursor = start;
    return this.render();
  }

  private promptWidth(): number {
    return stringWidth(stripAnsi(this.prompt));
  }

  /** Cursor position (row, col) after `width` columns from the prompt's first column. */
  private position(width: number): { row: number; col: number } {
    return { row: Math.floor(width / this.cols), col: width % this.cols };
  }

  /** Redraws the input in place: back to the prompt's row, clear below, write, place the cursor. */
  private render(): string {
    let out = '\r';
    if (this.renderedCursorRow > 0) out += `\x1b[${this.renderedCursorRow}A`;
    out += this.prompt;
    return out + this.renderFromPromptStart();
  }

  private renderFromPromptStart(): string {
    const text = this.line;
    const pw = this.promptWidth();
    const total = pw + stringWidth(text);
    let out = '\x1b[J' + text;
    // At an exact multiple of the width the terminal waits to wrap; force the wrap so rows add up.
    if (total > 0 && total % this.cols === 0) out += ' \r\x1b[K';
    const end = this.position(total);
    const target = this.position(pw + stringWidth(this.chars.slice(0, this.cursor).join('')));
    if (end.row > target.row) out += `\x1b[${end.row - target.row}A`;
    out += '\r';
    if (target.col > 0) out += `\x1b[${target.col}C`;
    this.renderedCursorRow = target.row;
    return out;
  }

  private moveToEnd(): string {
    const total = this.promptWidth() + stringWidth(this.line);
    const end = this.position(total);
    const down = end.row - this.renderedCursorRow;
    this.renderedCursorRow = end.row;
    let out = down > 0 ? `\x1b[${down}B` : '';
    out += '\r' + (end.col > 0 ? `\x1b[${end.col}C` : '');
    return out;
  }

  /** Joins consecutive writes so a paste produces one terminal write. */
  private coalesce(effects: EditorEffect[]): EditorEffect[] {
    const out: EditorEffect[] = [];
    for (const e of effects) {
      const last = out[out.length - 1];
      if (e.type === 'write' && last?.type === 'write') last.data += e.data;
      else out.push(e);
    }
    return out;
  }
}

const isWordChar = (c: string | undefined) => c !== undefined && !/\s/.test(c);

function wordStart(chars: string[], from: number): number {
  let i = from;
  while (i > 0 && !isWordChar(chars[i - 1])) i--;
  while (i > 0 && isWordChar(chars[i - 1])) i--;
  return i;
}

function wordEnd(chars: string[], from: number): number {
  let i = from;
  while (i < chars.length && !isWordChar(chars[i])) i++;
  while (i < chars.length && isWordChar(chars[i])) i++;
  return i;
}

export function commonPrefix(words: string[]): string {
  if (words.length === 0) return '';
  let prefix = words[0]!;
  for (const w of words) {
    while (!w.startsWith(prefix)) prefix = prefix.slice(0, -1);
  }
  return prefix;
}

/** Lays candidates out in columns like bash's completion listing. */
export function formatColumns(words: string[], cols: number): string {
  const width = Math.max(...words.map(stringWidth)) + 2;
  const perRow = Math.max(1, Math.floor(cols / width));
  const rows: string[] = [];
  for (let i = 0; i < words.length; i += perRow) {
    rows.push(
      words
        .slice(i, i + perRow)
        .map((w, j, row) => (j === row.length - 1 ? w : w + ' '.repeat(width - stringWidth(w))))
        .join(''),
    );
  }
  return rows.join('\r\n');
}
