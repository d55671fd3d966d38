/**
 * Where a JSON text breaks. `JSON.parse` says so in a different way in every browser (and Safari
 * gives no position at all), so a failed parse is scanned again here to find the first offending
 * character: a paste cut short ends "inside" a value, anything else breaks somewhere in the middle.
 * Iterative (an explicit stack), so deep nesting cannot overflow.
 */
export interface JsonBreak {
  /** Character offset of the first character that cannot be JSON (text.length when it ended too early). */
  offset: number;
  /** 'end': the text stops inside a value; 'unexpected': a wrong character; 'trailing': more after a complete value. */
  kind: 'end' | 'unexpected' | 'trailing';
  /** For 'trailing': where the complete first value ends. */
  valueEnd?: number;
}

const WS = new Set([' ', '\t', '\n', '\r']);

export function findJsonBreak(text: string): JsonBreak | null {
  let i = 0;
  const n = text.length;
  const skip = () => {
    while (i < n && WS.has(text[i]!)) i++;
  };
  const fail = (kind: JsonBreak['kind'] = 'unexpected'): JsonBreak => ({ offset: Math.min(i, n), kind: i >= n ? 'end' : kind });
  // Stack of containers: '{' expects key/','/'}', '[' expects value/','/']'.
  const stack: ('{' | '[')[] = [];

  const scalar = (): boolean => {
    const c = text[i];
    if (c === '"') {
      i++;
      while (i < n) {
        const d = text[i]!;
        if (d === '"') {
          i++;
          return true;
        }
        if (d === '\\') {
          i++;
          if (i >= n) return false;
          if (text[i] === 'u') {
            if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) {
              i = Math.min(n, i + 1);
              return false;
            }
            i += 5;
          } else if ('"\\/bfnrt'.includes(text[i]!)) i++;
          else return false;
          continue;
        }
        if (d.charCodeAt(0) < 0x20) return false;
        i++;
      }
      return false;
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return true;
      }
      if (word.startsWith(text.slice(i, n)) && i < n && text[i] === word[0]) {
        i = n;
        return false;
      }
    }
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (m && m[0].length > 0 && m[0] !== '-') {
      i += m[0].length;
      // A number cut short ("12." or "1e") at the very end is an early end.
      if (i < n && /[.eE]/.test(text[i]!) && i + 1 >= n) i = n;
      return true;
    }
    if (text[i] === '-' && i + 1 >= n) i = n;
    return false;
  };

  // value := scalar | '{' … | '[' …
  const value = (): boolean | 'open' => {
    skip();
    if (i >= n) return false;
    const c = text[i];
    if (c === '{' || c === '[') {
      stack.push(c);
      i++;
      return 'open';
    }
    return scalar();
  };

  let v = value();
  if (v === false) return fail();
  for (;;) {
    if (stack.length === 0) break;
    const top = stack[stack.length - 1]!;
    skip();
    if (i >= n) return fail();
    if (v === 'open') {
      // Just opened: empty container or first member.
      if ((top === '{' && text[i] === '}') || (top === '[' && text[i] === ']')) {
        stack.pop();
        i++;
        v = true;
        continue;
      }
    } else {
      // After a member: ',' or close.
      if (text[i] === ',') {
        i++;
        skip();
      } else if ((top === '{' && text[i] === '}') || (top === '[' && text[i] === ']')) {
        stack.pop();
        i++;
        v = true;
        continue;
      } else return fail();
    }
    if (top === '{') {
      skip();
      if (i >= n) return fail();
      if (text[i] !== '"' || !scalar()) return fail();
      skip();
      if (i >= n) return fail();
      if (text[i] !== ':') return fail();
      i++;
    }
    v = value();
    if (v === false) return fail();
  }
  const valueEnd = i;
  skip();
  if (i < n) return { offset: i, kind: 'trailing', valueEnd };
  return null;
}

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text.charCodeAt(k) === 10) {
      line++;
      start = k + 1;
    }
  }
  return { line, column: offset - start + 1 };
}
