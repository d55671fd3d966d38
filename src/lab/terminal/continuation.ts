/**
 * Whether a command typed so far needs more lines before the shell can run it: an open heredoc
 * (`<<EOF` without its closing `EOF` line), an unclosed quote, or a trailing backslash — the
 * cases where bash shows its `> ` prompt.
 */
export function needsMoreInput(text: string): boolean {
  const lines = text.split('\n');
  // Heredocs: each `<<WORD` opened on a line must be closed by a later line equal to WORD.
  const pending: { word: string; strip: boolean }[] = [];
  // Heredoc bodies are data: an apostrophe in one ("don't") must not read as an open quote.
  const commandLines: string[] = [];
  for (const line of lines) {
    if (pending.length > 0) {
      const head = pending[0]!;
      const candidate = head.strip ? line.replace(/^\t+/, '') : line;
      if (candidate === head.word) pending.shift();
      continue;
    }
    commandLines.push(line);
    for (const m of stripQuoted(line).matchAll(/<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\2/g)) {
      pending.push({ word: m[3]!, strip: m[1] === '-' });
    }
  }
  if (pending.length > 0) return true;
  const last = lines[lines.length - 1] ?? '';
  if (/(^|[^\\])\\$/.test(last)) return true;
  return hasOpenQuote(commandLines.join('\n'));
}

/**
 * The line with quoted parts blanked, so `echo "<<EOF"` does not open a heredoc — except a quoted
 * heredoc word (`<<'EOF'`), which still opens one.
 */
function stripQuoted(line: string): string {
  return line.replace(/<<-?\s*(['"])[A-Za-z_][A-Za-z0-9_]*\1|'[^']*'|"(?:[^"\\]|\\.)*"/g, (m) => (m.startsWith('<<') ? m : ' '.repeat(m.length)));
}

function hasOpenQuote(text: string): boolean {
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote === null) {
      if (c === '\\') i++;
      else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
        while (i < text.length && text[i] !== '\n') i++;
      } else if (c === "'" || c === '"') quote = c;
    } else if (quote === '"' && c === '\\') i++;
    else if (c === quote) quote = null;
  }
  return quote !== null;
}
