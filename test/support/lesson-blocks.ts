/**
 * Reads a lesson's code blocks the way the lesson-execution test needs them: in order, with their
 * language, the words of their info string, and where they are. The MDX is parsed with remark (not
 * a line scanner) so fences inside JSX, lists or callouts are found exactly as the site renders them.
 */

import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { needsMoreInput } from '../../src/lab/terminal/continuation';

export interface LessonBlock {
  lang: string;
  /** `illustration`, `excerpt`, `rerun`, `fragment`, `file=…`, `wait=…` and the like. */
  meta: Map<string, string>;
  value: string;
  line: number;
  /** Prose (or anything but blank lines) stands between this block and the one before it. */
  afterProse: boolean;
}

interface MdNode {
  type: string;
  lang?: string | null;
  meta?: string | null;
  value?: string;
  position?: { start: { line: number; offset?: number }; end: { line: number; offset?: number } };
  children?: MdNode[];
}

export function lessonBlocks(mdx: string): LessonBlock[] {
  // Frontmatter is YAML, not MDX: blank it out, keeping line numbers and offsets.
  mdx = mdx.replace(/^---\n[\s\S]*?\n---\n/, (front) => front.replace(/[^\n]/g, ' '));
  const tree = unified().use(remarkParse).use(remarkMdx).parse(mdx) as MdNode;
  const codes: MdNode[] = [];
  const walk = (node: MdNode) => {
    if (node.type === 'code') codes.push(node);
    node.children?.forEach(walk);
  };
  walk(tree);
  let previousEnd = -1;
  return codes.map((node) => {
    const start = node.position!.start.offset ?? 0;
    const between = previousEnd < 0 ? 'x' : mdx.slice(previousEnd, start);
    previousEnd = node.position!.end.offset ?? start;
    return {
      lang: (node.lang ?? '').toLowerCase(),
      meta: parseMeta(node.meta ?? ''),
      value: node.value ?? '',
      line: node.position!.start.line,
      afterProse: between.trim() !== '',
    };
  });
}

function parseMeta(meta: string): Map<string, string> {
  const words = new Map<string, string>();
  for (const m of meta.matchAll(/([\w-]+)(?:=(?:"([^"]*)"|(\S+)))?/g)) words.set(m[1]!, m[2] ?? m[3] ?? '');
  return words;
}

/** A shell block as the terminal runs it: one command per logical line (continuations, heredocs). */
export function shellCommands(block: string): string[] {
  const commands: string[] = [];
  let current: string[] = [];
  for (const line of block.split('\n')) {
    if (current.length === 0 && (line.trim() === '' || line.trim().startsWith('#'))) continue;
    current.push(line);
    const text = current.join('\n');
    if (!needsMoreInput(text)) {
      commands.push(text);
      current = [];
    }
  }
  if (current.length > 0) commands.push(current.join('\n'));
  return commands;
}

/** Output as a reader compares it: no trailing spaces, no blank lines around it. */
export function normalizeOutput(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''))
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

/**
 * For `excerpt` blocks: every shown line appears in the real output, in order. A line holding only
 * `…` or `...` stands for lines left out.
 */
export function missingExcerptLine(shown: string, actual: string): string | null {
  const lines = normalizeOutput(actual).split('\n');
  let at = 0;
  for (const want of normalizeOutput(shown).split('\n')) {
    if (/^\s*(…|\.\.\.)\s*$/.test(want)) continue;
    const found = lines.indexOf(want, at);
    if (found < 0) return want;
    at = found + 1;
  }
  return null;
}
