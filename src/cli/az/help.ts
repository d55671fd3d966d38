import type { AzArg } from './parser';
import type { AzCommandDef, AzGroupDef } from './types';

/** knack's help layout: `Group`/`Command` header, aligned `name : summary` lines, 100-column wrap. */

function wrap(text: string, indent: number, width = 100): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let cur = '';
  for (const w of words) {
    if (cur && indent + cur.length + 1 + w.length > width) {
      lines.push(cur);
      cur = w;
    } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) lines.push(cur);
  return lines.length ? lines : [''];
}

function aligned(items: { left: string; right: string }[]): string {
  const w = Math.max(...items.map((i) => i.left.length));
  return items
    .map((i) => {
      const pad = `    ${i.left.padEnd(w)} : `;
      const [first, ...more] = wrap(i.right, pad.length);
      return [pad + first, ...more.map((m) => ' '.repeat(pad.length) + m)].join('\n');
    })
    .join('\n');
}

export function groupHelp(path: string[], g: AzGroupDef): string {
  const name = ['az', ...path].join(' ');
  let out = '\n';
  out += path.length ? `Group\n    ${name} : ${g.summary}\n` : `Group\n    az\n`;
  if (g.groups?.length) out += `\nSubgroups:\n${aligned(g.groups.map((x) => ({ left: x.name, right: x.summary })))}\n`;
  if (g.commands?.length) out += `\nCommands:\n${aligned(g.commands.map((x) => ({ left: x.name, right: x.summary })))}\n`;
  out += `\nTo search AI knowledge base for examples, use: az find "${name}"\n\n`;
  return out;
}

const argLeft = (a: AzArg) => a.options.join(' ');

export function commandHelp(path: string[], c: AzCommandDef, globals: AzArg[]): string {
  const name = ['az', ...path].join(' ');
  let out = `\nCommand\n    ${name} : ${c.summary}\n`;
  const args = c.args;
  const allLeft = [...args, ...globals].map((a) => argLeft(a) + (a.required ? ' [Required]' : ''));
  const w = Math.max(...allLeft.map((l) => l.length));
  const block = (list: AzArg[]) =>
    list
      .map((a) => {
        const left = `    ${(argLeft(a) + (a.required ? ' [Required]' : '')).padEnd(w)} : `;
        const help =
          (a.help ?? '') + (a.choices ? `  Allowed values: ${a.choices.join(', ')}.` : '') + (a.default !== undefined ? `  Default: ${a.default}.` : '');
        const [first, ...more] = wrap(help, left.length);
        return [left + first, ...more.map((m) => ' '.repeat(left.length) + m)].join('\n');
      })
      .join('\n');
  if (args.length) out += `\nArguments\n${block([...args].sort((a, b) => Number(!!b.required) - Number(!!a.required)))}\n`;
  out += `\nGlobal Arguments\n${block(globals)}\n`;
  if (c.examples?.length) {
    out += `\nExamples\n${c.examples.map((e) => `    ${e.summary}\n        ${e.command}\n`).join('\n')}`;
  }
  out += `\nTo search AI knowledge base for examples, use: az find "${name}"\n\n`;
  return out;
}
