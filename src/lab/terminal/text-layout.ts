import { stringWidth } from './width';

/**
 * Splits terminal input into chunks that each end at a line break (CRLF kept together), so a
 * pasted or "Run in terminal" block is fed one line at a time: each line is submitted, and the
 * next one is drawn after the prompt that submit chose (`> ` for a continuation, B21).
 */
export function splitInputLines(data: string): string[] {
  return data.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

/**
 * Wraps text to `cols` terminal columns at spaces, so the welcome message never breaks a word
 * in the middle (B22). Words longer than a line are broken; existing line breaks are kept.
 */
export function wrapWords(text: string, cols: number): string {
  const width = Math.max(cols, 10);
  return text
    .split('\n')
    .map((line) => {
      const out: string[] = [];
      let current = '';
      for (const word of line.split(/(?<= )/)) {
        if (current && stringWidth(current + word.trimEnd()) > width) {
          out.push(current.trimEnd());
          current = '';
        }
        let rest = word;
        while (stringWidth(rest.trimEnd()) > width) {
          out.push(rest.slice(0, width));
          rest = rest.slice(width);
        }
        current += rest;
      }
      out.push(current.trimEnd());
      return out.join('\n');
    })
    .join('\n');
}

/**
 * What a screen reader is told after a command: its output only (not the screen), at most
 * `maxLines` lines, with a note of how many more the terminal holds.
 */
export function outputAnnouncement(output: string, maxLines: number, more: (n: number) => string): string {
  const lines = output.replace(/\r/g, '').replace(/\n+$/, '').split('\n');
  if (lines.length === 1 && lines[0] === '') return '';
  if (lines.length <= maxLines) return lines.join('\n');
  return `${lines.slice(0, maxLines).join('\n')}\n${more(lines.length - maxLines)}`;
}
