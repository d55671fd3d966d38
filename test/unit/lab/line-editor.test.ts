import headless from '@xterm/headless';
import { describe, expect, it } from 'vitest';
import { commonPrefix, formatColumns, LineEditor } from '../../../src/lab/terminal/line-editor';

const { Terminal } = headless as unknown as typeof import('@xterm/headless');

/** Drives a LineEditor against a real (headless) xterm and reads the screen back. */
function setup(cols = 40, history: string[] = []) {
  const term = new Terminal({ cols, rows: 10, allowProposedApi: true });
  const editor = new LineEditor({ prompt: '$ ', cols, history });
  const submitted: string[] = [];
  const write = (s: string) => new Promise<void>((ok) => term.write(s, ok));
  const type = async (data: string) => {
    for (const e of editor.feed(data)) {
      if (e.type === 'write') await write(e.data);
      if (e.type === 'submit') {
        submitted.push(e.line);
        await write(editor.begin());
      }
    }
  };
  const screen = () => {
    const lines: string[] = [];
    const buf = term.buffer.active;
    for (let i = 0; i < buf.length; i++) lines.push(buf.getLine(i)!.translateToString(true).trimEnd());
    while (lines.length && lines[lines.length - 1] === '') lines.pop();
    return lines;
  };
  const cursor = () => ({ x: term.buffer.active.cursorX, y: term.buffer.active.cursorY });
  return { term, editor, type, screen, cursor, submitted, write };
}

describe('LineEditor on a real terminal', () => {
  it('types, moves the cursor, inserts in the middle and submits', async () => {
    const t = setup();
    await t.write(t.editor.begin());
    await t.type('kubectl get sv');
    await t.type('\x1b[D\x1b[D'); // two lefts: cursor before "sv"
    await t.type('-A ');
    expect(t.screen()).toEqual(['$ kubectl get -A sv']);
    expect(t.cursor()).toEqual({ x: 17, y: 0 });
    await t.type('\r');
    expect(t.submitted).toEqual(['kubectl get -A sv']);
    expect(t.screen()).toEqual(['$ kubectl get -A sv', '$']);
  });

  it('edits with backspace, Ctrl+A/E, Ctrl+U, Ctrl+K and Ctrl+W', async () => {
    const t = setup();
    await t.write(t.editor.begin());
    await t.type('kubectl get pods');
    await t.type('\x7f\x7f\x7f\x7f'); // backspace x4
    expect(t.editor.line).toBe('kubectl get ');
    await t.type('svc\x01'); // Ctrl+A
    expect(t.cursor().x).toBe(2);
    await t.type('\x05\x17'); // Ctrl+E, Ctrl+W deletes "svc"
    expect(t.editor.line).toBe('kubectl get ');
    await t.type('\x01\x0b'); // Ctrl+A then Ctrl+K
    expect(t.editor.line).toBe('');
    expect(t.screen()).toEqual(['$']);
    await t.type('abc\x15');
    expect(t.editor.line).toBe('');
  });

  it('walks history with up/down and keeps the draft', async () => {
    const t = setup(40, ['kubectl get svc', 'az network public-ip list']);
    await t.write(t.editor.begin());
    await t.type('draft');
    await t.type('\x1b[A');
    expect(t.editor.line).toBe('az network public-ip list');
    await t.type('\x1b[A\x1b[A'); // stays at the oldest
    expect(t.editor.line).toBe('kubectl get svc');
    await t.type('\x1b[B\x1b[B');
    expect(t.editor.line).toBe('draft');
    expect(t.screen()).toEqual(['$ draft']);
  });

  it('renders a line longer than the terminal and edits it in place', async () => {
    const t = setup(20);
    await t.write(t.editor.begin());
    const long = 'kubectl get services --all-namespaces';
    await t.type(long);
    expect(t.screen()).toEqual(['$ kubectl get servic', 'es --all-namespaces']);
    await t.type('\x01'); // back to the start across the wrap
    expect(t.cursor()).toEqual({ x: 2, y: 0 });
    await t.type('x');
    expect(t.screen()).toEqual(['$ xkubectl get servi', 'ces --all-namespaces']);
    await t.type('\x7f\x05\r');
    expect(t.submitted).toEqual([long]);
    expect(t.screen()).toEqual(['$ kubectl get servic', 'es --all-namespaces', '$']);
  });

  it('counts Korean characters as two columns', async () => {
    const t = setup();
    await t.write(t.editor.begin());
    await t.type('echo 공용');
    expect(t.cursor().x).toBe(2 + 5 + 4);
    await t.type('\x1b[D');
    expect(t.cursor().x).toBe(2 + 5 + 2);
  });

  it('Ctrl+C abandons the line and reports an interrupt', async () => {
    const t = setup();
    await t.write(t.editor.begin());
    const effects = t.editor.feed('kubectl\x03');
    expect(effects.map((e) => e.type)).toEqual(['write', 'interrupt']);
    expect(t.editor.line).toBe('');
  });

  it('a pasted block submits one line per line break', async () => {
    const t = setup();
    await t.write(t.editor.begin());
    await t.type('echo one\r\necho two\n');
    expect(t.submitted).toEqual(['echo one', 'echo two']);
  });

  it('Tab asks for completion, then inserts a single candidate or lists several', async () => {
    const t = setup();
    await t.write(t.editor.begin());
    await t.type('kubectl get svc -n ku');
    const effects = t.editor.feed('\t');
    expect(effects).toEqual([{ type: 'complete', line: 'kubectl get svc -n ku', cursor: 21 }]);
    await t.write(t.editor.applyCompletion({ start: 19, candidates: ['kube-system'] }));
    expect(t.editor.line).toBe('kubectl get svc -n kube-system ');
    await t.type('\x15kubectl get n');
    await t.write(t.editor.applyCompletion({ start: 12, candidates: ['namespaces', 'nodes'] }));
    expect(t.screen()).toEqual(['$ kubectl get n', 'namespaces  nodes', '$ kubectl get n']);
  });

  it('keeps at most 500 history entries and skips repeats and blanks', () => {
    const e = new LineEditor({ prompt: '$ ', cols: 80 });
    for (let i = 0; i < 600; i++) e.feed(`echo ${i}\r`);
    e.feed('echo 599\r');
    e.feed('   \r');
    const h = e.getHistory();
    expect(h.length).toBe(500);
    expect(h[0]).toBe('echo 100');
    expect(h[h.length - 1]).toBe('echo 599');
  });
});

describe('completion helpers', () => {
  it('commonPrefix', () => {
    expect(commonPrefix(['kube-system', 'kube-public', 'kube-node-lease'])).toBe('kube-');
    expect(commonPrefix([])).toBe('');
  });
  it('formatColumns lays out words in columns that fit', () => {
    expect(formatColumns(['aa', 'bbbb', 'c'], 12)).toBe('aa    bbbb\r\nc');
  });
});

import { needsMoreInput } from '../../../src/lab/terminal/continuation';

describe('needsMoreInput (the shell continuation prompt)', () => {
  it.each([
    ['kubectl get svc', false],
    ['kubectl apply -f - <<EOF', true],
    ['kubectl apply -f - <<EOF\napiVersion: v1', true],
    ['kubectl apply -f - <<EOF\napiVersion: v1\nEOF', false],
    ["cat <<'END'\nx\nEND", false],
    ['cat <<-EOF\n\tx\n\tEOF', false],
    ['echo "<<EOF"', false],
    ['echo "unclosed', true],
    ["echo 'it''s'", false],
    ['kubectl get svc \\', true],
    ["echo hi # a comment with ' quote", false],
    ["cat <<'EOF'\ndon't\nEOF", false],
    ['cat <<EOF\nsay "hi\nEOF', false],
    ["cat <<EOF\ndon't\nEOF\necho 'open", true],
  ])('%j → %s', (text, expected) => {
    expect(needsMoreInput(text)).toBe(expected);
  });
});
