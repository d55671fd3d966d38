import type { Completion } from './line-editor';

/** Given the line and cursor, what could complete the word under the cursor. */
export type Completer = (line: string, cursor: number) => Completion;
