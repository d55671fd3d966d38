/**
 * The lab diagram's geometry. The picture is drawn 640 units wide and never scaled below 1:1, so
 * its 11–12 px labels stay at least 11 px on screen; 640 px fits the docked lab's pane (about
 * 665 px inside its padding), narrower panes scroll it sideways.
 */
export const WIDTH = 640;
export const BOX_H = 44;
export const GAP = 14;
export const COL = {
  internet: { x: 2, w: 66 },
  pip: { x: 84, w: 138 },
  frontend: { x: 238, w: 128 },
  rules: { x: 382, w: 118 },
  nodes: { x: 516, w: 122 },
} as const;

export const TITLE_PX = 11.5;
export const SUB_PX = 11;
export const HEAD_PX = 11;
/** Padding inside a box, each side. */
export const PAD = 7;

/**
 * Rough advance of one character in the UI's sans-serif (DejaVu Sans metrics, which run wide):
 * CJK glyphs are square, monospace ones 0.6 em. Erring wide only shortens a label sooner; the box
 * clips whatever still overflows.
 */
export function textWidth(text: string, px: number, mono = false): number {
  let w = 0;
  for (const ch of text) {
    if (/[\u1100-\u11ff\u3000-\u9fff\uac00-\ud7af]/.test(ch)) w += px;
    else if (mono) w += px * 0.6;
    else if (/[ilj.,:;'|!I ]/.test(ch)) w += px * 0.3;
    else if (/[ftr()/-]/.test(ch)) w += px * 0.42;
    else if (/[A-Z0-9mw@%·]/.test(ch)) w += px * 0.68;
    else w += px * 0.62;
  }
  return w;
}

/** How many characters fit in a box of this width (for shortenMiddle). */
export function charsThatFit(boxWidth: number, px: number, sample: string, mono = false): number {
  const room = boxWidth - 2 * PAD;
  if (textWidth(sample, px, mono) <= room) return sample.length;
  // The ellipsis takes a place of its own.
  let n = 1;
  let w = textWidth('…', px, mono);
  for (const ch of sample) {
    w += textWidth(ch, px, mono);
    if (w > room) break;
    n++;
  }
  return n;
}

/** Splits a column heading into lines that fit the column (at most two; the second may be shortened). */
export function wrapHeading(text: string, width: number, px = HEAD_PX): string[] {
  if (textWidth(text, px) <= width) return [text];
  const words = text.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, px) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines.length <= 2 ? lines : [lines[0]!, lines.slice(1).join(' ')];
}
