/**
 * Long Azure names (`kubernetes-a7333d6edda2049308adb3407c96668a`, GUIDs, rule names ending in
 * `-TCP-6379`) are told apart by their start and their end, so they are shortened in the middle,
 * never broken across lines. The end kept is the meaningful suffix when there is one (a rule's
 * protocol and port after the Service UID), else a few characters.
 */

const ELLIPSIS = '…';

/** A run of 8+ hex digits (a UID, a hash, a GUID part): the part of a name nobody reads whole. */
const HEX_RUN = /[0-9a-f]{8,}/gi;

/** How many characters of the end to keep: the suffix after the last hex run if short, else 6. */
export function tailLength(text: string, room = Infinity): number {
  let lastRunEnd = -1;
  for (const m of text.matchAll(HEX_RUN)) lastRunEnd = m.index + m[0].length;
  const suffix = lastRunEnd >= 0 ? text.length - lastRunEnd : 0;
  // `…-TCP-6379` beats `…P-6379`: keep the whole suffix plus a little of the hash before it, and
  // at least four characters of the start.
  if (suffix > 0 && suffix <= 20) return Math.max(0, Math.min(suffix + 4, text.length, room - 4));
  return Math.max(0, Math.min(6, text.length, Math.floor(room * 0.6)));
}

/**
 * Splits a name for a view that truncates the head with CSS (`text-overflow: ellipsis`) and always
 * shows the tail: head + tail is the whole text, so copying and screen readers get all of it.
 */
export function splitForMiddle(text: string): [head: string, tail: string] {
  if (text.length <= 12) return [text, ''];
  const n = tailLength(text);
  return [text.slice(0, text.length - n), text.slice(text.length - n)];
}

/** The text in at most `max` characters, the cut in the middle marked by `…`. */
export function shortenMiddle(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return ELLIPSIS.slice(0, Math.max(0, max));
  const room = max - ELLIPSIS.length;
  const tail = tailLength(text, room);
  const head = room - tail;
  return `${text.slice(0, head)}${ELLIPSIS}${tail > 0 ? text.slice(text.length - tail) : ''}`;
}
