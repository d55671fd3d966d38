/**
 * Lines the terminal keeps above the screen. Without a cap xterm's buffer (about 12 bytes per
 * cell: ~1.4 KB per 120-column line) grows with every command of a long session; 2,000 lines is
 * twice xterm's default and enough to scroll back through any lesson's longest output.
 */
export const SCROLLBACK_LINES = 2000;
