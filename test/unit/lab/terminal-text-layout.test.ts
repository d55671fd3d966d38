import xtermHeadless from '@xterm/headless';
import { describe, expect, it } from 'vitest';
import { labStrings } from '../../../src/lab/i18n';
import { LineEditor } from '../../../src/lab/terminal/line-editor';
import { outputAnnouncement, splitInputLines, wrapWords } from '../../../src/lab/terminal/text-layout';
import { stringWidth } from '../../../src/lab/terminal/width';

/** What a terminal 80 columns wide shows after `data` is written to it. */
async function screenOf(data: string): Promise<string[]> {
  const term = new xtermHeadless.Terminal({ cols: 80, rows: 10, allowProposedApi: true });
  await new Promise<void>((done) => term.write(data, done));
  const lines: string[] = [];
  for (let i = 0; i < term.buffer.active.length; i++) lines.push(term.buffer.active.getLine(i)!.translateToString(true));
  term.dispose();
  return lines.filter(Boolean);
}

describe('splitInputLines', () => {
  it('cuts input after each line break, keeping CRLF together and the unfinished tail', () => {
    expect(splitInputLines('az network public-ip list \\\n  -o table\r')).toEqual(['az network public-ip list \\\n', '  -o table\r']);
    expect(splitInputLines('a\r\nb\rc')).toEqual(['a\r\n', 'b\r', 'c']);
    expect(splitInputLines('\x1b[A')).toEqual(['\x1b[A']);
    expect(splitInputLines('')).toEqual([]);
  });

  it('fed line by line, a continuation line is drawn after "> ", not the full prompt (B21)', async () => {
    const PROMPT = 'azureuser@lab:~$ ';
    const editor = new LineEditor({ prompt: PROMPT, cols: 80 });
    let screen = editor.begin();
    for (const chunk of splitInputLines('az network public-ip list \\\n  -o table\r')) {
      for (const effect of editor.feed(chunk)) {
        if (effect.type === 'write') screen += effect.data;
        // What Terminal.tsx does on submit: a continuation gets the "> " prompt.
        if (effect.type === 'submit' && effect.line.endsWith('\\')) screen += editor.begin('> ');
      }
    }
    expect(await screenOf(screen)).toEqual(['azureuser@lab:~$ az network public-ip list \\', '>   -o table']);
  });
});

describe('wrapWords', () => {
  it('never breaks a word of the welcome line in the middle (B22), in both languages', () => {
    for (const locale of ['en', 'ko'] as const) {
      const text = labStrings(locale).terminalWelcome;
      const words = new Set(text.split(/\s+/));
      for (const cols of [44, 61, 89, 120]) {
        const wrapped = wrapWords(text, cols);
        for (const line of wrapped.split('\n')) {
          expect(stringWidth(line)).toBeLessThanOrEqual(cols);
          for (const word of line.split(/\s+/).filter(Boolean)) expect(words.has(word), `${word} at ${cols} columns`).toBe(true);
        }
        expect(wrapped.replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' '));
      }
    }
  });

  it('breaks a word only when it is longer than a line', () => {
    expect(wrapWords('MC_myResourceGroup_myAKSCluster_eastus x', 12).split('\n')).toEqual(['MC_myResourc', 'eGroup_myAKS', 'Cluster_east', 'us x']);
  });
});

describe('outputAnnouncement', () => {
  const more = labStrings('en').moreOutputLines;
  it('says the output only, and caps long output with a count of what is left', () => {
    expect(outputAnnouncement('service/redis-lb created\n', 30, more)).toBe('service/redis-lb created');
    expect(outputAnnouncement('', 30, more)).toBe('');
    const long = Array.from({ length: 35 }, (_, i) => `line ${i}`).join('\n');
    const said = outputAnnouncement(long, 30, more).split('\n');
    expect(said).toHaveLength(31);
    expect(said.at(-1)).toBe('… and 5 more lines in the terminal.');
  });
});
