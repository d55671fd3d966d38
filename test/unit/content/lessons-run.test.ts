/**
 * Every lesson's commands run, in order, against the same headless sandbox its lab starts with, and
 * every output the text shows must be what the simulator prints. The rules for authors are in
 * docs/authoring.md ("Executable lessons").
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../../src/sim/index';
import type { CloudName } from '../../../src/sim/options';
import { type LessonBlock, lessonBlocks, missingExcerptLine, normalizeOutput, shellCommands } from '../../support/lesson-blocks';

const ROOT = join(import.meta.dirname, '../../../content');
const LOCALES = ['en', 'ko'] as const;
const SHELL = new Set(['sh', 'bash', 'shell']);

interface LabModule {
  setup?: string[];
  sandbox?: SandboxOptions;
  /** One lab tab per cloud, the first selected (issue 17); absent: AKS only. */
  clouds?: CloudName[];
  cloudSetup?: Partial<Record<CloudName, string[]>>;
}

function lessonFiles(locale: string): string[] {
  return readdirSync(join(ROOT, 'lessons', locale))
    .filter((f) => f.endsWith('.mdx'))
    .sort();
}

/** The `<Lab id="…" …>` tag of a lesson, if it has one. */
function labTag(mdx: string): { id: string; passesSandbox: boolean; passesClouds: boolean } | null {
  const tag = /<Lab\s[^>]*?\/>/s.exec(mdx)?.[0];
  if (!tag) return null;
  const id = /\bid="([^"]+)"/.exec(tag)?.[1];
  if (!id) return null;
  return { id, passesSandbox: /\bsandbox=\{sandbox\}/.test(tag), passesClouds: /\bclouds=\{clouds\}/.test(tag) && /\bcloudSetup=\{cloudSetup\}/.test(tag) };
}

/**
 * The sandboxes the lesson's lab starts with: one per cloud tab, each created when a block first
 * needs it (setup, then that cloud's cloudSetup, settled), as the lab creates a tab when first opened.
 */
interface LabSandboxes {
  clouds: CloudName[];
  of(cloud: CloudName): Promise<Sandbox>;
}

async function labSandboxes(mdx: string, problems: string[]): Promise<LabSandboxes> {
  const tag = labTag(mdx);
  let mod: LabModule = {};
  if (tag) {
    mod = (await import(join(ROOT, 'labs', `${tag.id}.ts`))) as LabModule;
    // The test must start from the lab the learner gets: a lab module with options must hand them to <Lab>.
    if (mod.sandbox && !tag.passesSandbox) problems.push(`content/labs/${tag.id}.ts exports sandbox options, but <Lab> does not pass sandbox={sandbox}`);
    if (mod.clouds && !tag.passesClouds)
      problems.push(`content/labs/${tag.id}.ts exports clouds, but <Lab> does not pass clouds={clouds} cloudSetup={cloudSetup}`);
  }
  const clouds = mod.clouds?.length ? mod.clouds : (['aks'] as CloudName[]);
  const made = new Map<CloudName, Promise<Sandbox>>();
  const create = async (cloud: CloudName) => {
    const sandbox = createSandbox({ ...(mod.sandbox ?? {}), ...(mod.clouds ? { cloud } : {}) });
    for (const line of [...(mod.setup ?? []), ...(mod.cloudSetup?.[cloud] ?? [])]) await sandbox.exec(line);
    await sandbox.settle();
    return sandbox;
  };
  return {
    clouds,
    of(cloud) {
      if (!made.has(cloud)) made.set(cloud, create(cloud));
      return made.get(cloud)!;
    },
  };
}

async function runCommands(sandbox: Sandbox, commands: string[]): Promise<{ output: string; failed: string | null }> {
  let output = '';
  let failed: string | null = null;
  for (const command of commands) {
    const result = await sandbox.exec(command);
    output += result.stdout + result.stderr;
    if (result.exitCode !== 0 && failed === null) failed = `${command.split('\n')[0]} (exit ${result.exitCode}): ${result.stderr.trim().split('\n')[0] ?? ''}`;
  }
  return { output, failed };
}

async function waitFor(sandbox: Sandbox, block: LessonBlock): Promise<void> {
  const wait = block.meta.get('wait');
  if (wait === undefined) return;
  if (wait === 'settle') await sandbox.settle();
  else await sandbox.advance(Number(wait) * 1000);
}

function compare(block: LessonBlock, actual: string): string | null {
  if (block.meta.has('excerpt')) {
    const missing = missingExcerptLine(block.value, actual);
    return missing === null ? null : `line ${block.line}: the simulator printed no line\n  ${missing}\nin:\n${indent(actual)}`;
  }
  const want = normalizeOutput(block.value);
  const got = normalizeOutput(actual);
  return want === got ? null : `line ${block.line}: the text shows\n${indent(want)}\nbut the simulator prints\n${indent(got)}`;
}

const indent = (text: string) =>
  text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');

/** Runs one lesson and returns what disagrees, with line numbers. */
async function runLesson(mdx: string): Promise<{ problems: string[]; ran: number; checked: number }> {
  const problems: string[] = [];
  const labs = await labSandboxes(mdx, problems);
  /** A block runs in the tab its `cloud=` names, else the lab's first tab. */
  const sandboxFor = async (block: LessonBlock): Promise<Sandbox> => {
    const cloud = (block.meta.get('cloud') ?? labs.clouds[0]) as CloudName;
    if (!labs.clouds.includes(cloud)) {
      problems.push(`line ${block.line}: cloud=${cloud} names no tab of this lab (${labs.clouds.join(', ')})`);
      return labs.of(labs.clouds[0]!);
    }
    return labs.of(cloud);
  };
  let lastShell: LessonBlock | null = null;
  let previous: LessonBlock | null = null;
  let pending: { output: string; failed: string | null } | null = null;
  let ran = 0;
  let checked = 0;
  const flushUnchecked = () => {
    if (pending?.failed) problems.push(`line ${lastShell!.line}: a command failed and the text shows no output for it: ${pending.failed}`);
    pending = null;
  };

  for (const block of lessonBlocks(mdx)) {
    const follows = previous !== null && SHELL.has(previous.lang) && !block.afterProse && !SHELL.has(block.lang);
    previous = block;
    if (SHELL.has(block.lang)) {
      flushUnchecked();
      if (block.meta.has('illustration'))
        problems.push(`line ${block.line}: shell blocks are always run; show commands for reading only inside a \`text illustration\` block`);
      const sandbox = await sandboxFor(block);
      await waitFor(sandbox, block);
      pending = await runCommands(sandbox, shellCommands(block.value));
      lastShell = block;
      ran++;
      continue;
    }
    if (follows && pending) {
      const mismatch = compare(block, pending.output);
      if (mismatch) problems.push(mismatch);
      pending = null;
      checked++;
      continue;
    }
    flushUnchecked();
    if (block.meta.has('rerun')) {
      if (!lastShell) {
        problems.push(`line ${block.line}: \`rerun\` needs a shell block before it`);
        continue;
      }
      // "Ask again" in the tab the shell block ran in.
      const sandbox = await sandboxFor(lastShell);
      await waitFor(sandbox, block);
      // "Ask again": the last command of the shell block before, e.g. the `kubectl get` after an apply.
      const again = await runCommands(sandbox, shellCommands(lastShell.value).slice(-1));
      const mismatch = compare(block, again.output);
      if (mismatch) problems.push(mismatch);
      checked++;
      continue;
    }
    if (block.meta.has('illustration')) continue;
    if (block.lang === 'yaml' || block.lang === 'yml') {
      const sandbox = await sandboxFor(block);
      const file = block.meta.get('file');
      if (block.meta.has('fragment')) {
        const errors = parseAllDocuments(block.value).flatMap((d) => ('errors' in d ? d.errors : []));
        if (errors.length > 0) problems.push(`line ${block.line}: YAML fragment does not parse: ${errors[0]!.message}`);
      } else if (file) {
        const existing = await sandbox.exec(`cat ${file}`);
        if (existing.exitCode === 0 && normalizeOutput(existing.stdout) !== normalizeOutput(block.value)) {
          problems.push(`line ${block.line}: ${file} in the lab differs from the YAML the text shows`);
        }
        await sandbox.exec(`cat > ${file} <<'LESSON_EOF'\n${block.value.replace(/\n$/, '')}\nLESSON_EOF`);
      } else {
        const applied = await sandbox.exec('kubectl apply -f -', { stdin: block.value });
        if (applied.exitCode !== 0) problems.push(`line ${block.line}: kubectl apply of this YAML fails: ${applied.stderr.trim()}`);
      }
      ran++;
      continue;
    }
    problems.push(
      `line ${block.line}: a \`${block.lang || 'plain'}\` block that is no command's output: put it right after its shell block, or mark it \`illustration\` (and say so in the text)`,
    );
  }
  flushUnchecked();
  return { problems, ran, checked };
}

/** Shell comments may be translated; everything else in a code block is the same in both languages. */
function blockKey(block: LessonBlock): string {
  const value = SHELL.has(block.lang) ? block.value.replace(/^\s*#.*$/gm, '').replace(/\n{2,}/g, '\n') : block.value;
  return JSON.stringify([block.lang, [...block.meta].sort(), normalizeOutput(value)]);
}

describe('every lesson runs as written', () => {
  for (const locale of LOCALES) {
    for (const file of lessonFiles(locale)) {
      it(`${locale}/${file}`, async () => {
        const mdx = readFileSync(join(ROOT, 'lessons', locale, file), 'utf8');
        const { problems, ran } = await runLesson(mdx);
        expect(problems, problems.join('\n\n')).toEqual([]);
        // A lab lesson with nothing to run would pass vacuously.
        if (labTag(mdx)) expect(ran).toBeGreaterThan(0);
      });
    }
  }

  for (const file of lessonFiles('en')) {
    it(`en and ko show the same code blocks: ${file}`, () => {
      const en = lessonBlocks(readFileSync(join(ROOT, 'lessons', 'en', file), 'utf8')).map(blockKey);
      const ko = lessonBlocks(readFileSync(join(ROOT, 'lessons', 'ko', file), 'utf8')).map(blockKey);
      expect(ko).toEqual(en);
    });
  }
});

describe('the lesson runner itself', () => {
  const lab = `<Lab id="where-does-external-ip-come-from" lang="en" />\n\n`;

  it('catches output the simulator does not print', async () => {
    const mdx = `${lab}\`\`\`sh\nkubectl get namespace qa -o name\n\`\`\`\n\n\`\`\`text\nnamespace/prod\n\`\`\`\n`;
    const { problems } = await runLesson(mdx);
    expect(problems.join('\n')).toMatch(/the text shows\n {4}namespace\/prod\nbut the simulator prints\n {4}namespace\/qa/);
  });

  it('accepts matching output, excerpts and re-runs after a wait', async () => {
    const mdx = [
      lab,
      "```sh\nkubectl apply -f redis-lb.yaml\nkubectl get svc redis-lb -n qa -o jsonpath='{.status.loadBalancer.ingress[0].ip}'\n```\n",
      '```text\nservice/redis-lb created\n```\n',
      'A few seconds later:\n',
      '```text rerun wait=30\n4.156.74.176\n```\n',
      '```sh\nkubectl describe svc redis-lb -n qa\n```\n',
      '```text excerpt\nName:                     redis-lb\n…\nType:                     LoadBalancer\n```\n',
    ].join('\n');
    const { problems, checked } = await runLesson(mdx);
    expect(problems).toEqual([]);
    expect(checked).toBe(3);
  });

  const fiveClusters = `<Lab id="one-service-five-clusters" lang="en" setup={setup} clouds={clouds} cloudSetup={cloudSetup} />\n\n`;

  it('runs a cloud= block in that cloud’s tab, each tab with its own sandbox', async () => {
    const mdx = [
      fiveClusters,
      '```sh cloud=k3s\nkubectl get nodes -o name\n```\n',
      '```text\nnode/agent-1\nnode/agent-2\nnode/server\n```\n',
      '```sh cloud=eks\nkubectl apply -f web-svc.yaml\n```\n',
      '```sh cloud=gke\nkubectl get svc web\n```\n',
      '```text\nError from server (NotFound): services "web" not found\n```\n',
      'Later:\n',
      '```text rerun wait=30\nError from server (NotFound): services "web" not found\n```\n',
      '```sh\nkubectl get nodes -o name\n```\n',
      '```text excerpt\nnode/aks-nodepool1-42862288-vmss000000\n```\n',
    ].join('\n');
    const { problems, checked } = await runLesson(mdx);
    expect(problems).toEqual([]);
    expect(checked).toBe(4);
  });

  it('refuses a cloud the lab has no tab for, and a lab that does not hand its clouds to <Lab>', async () => {
    const bad = await runLesson(`${fiveClusters}\`\`\`sh cloud=aws\nkubectl get ns default -o name\n\`\`\`\n`);
    expect(bad.problems).toEqual(['line 3: cloud=aws names no tab of this lab (aks, eks, gke, metallb, k3s)']);
    const untold = await runLesson('<Lab id="one-service-five-clusters" lang="en" setup={setup} />\n\n```sh\nkubectl get ns default -o name\n```\n');
    expect(untold.problems).toEqual([
      'content/labs/one-service-five-clusters.ts exports clouds, but <Lab> does not pass clouds={clouds} cloudSetup={cloudSetup}',
    ]);
  });

  it('refuses stray output blocks, failing unchecked commands and YAML that does not apply', async () => {
    const mdx = [
      lab,
      'Prose.\n\n```text\nsomething\n```\n',
      '```sh\nkubectl get svc nope -n qa\n```\n',
      'Then:\n\n```yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: x\n  namespace: missing\nspec:\n  ports:\n    - port: 80\n```\n',
    ].join('\n');
    const { problems } = await runLesson(mdx);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/no command's output/);
    expect(problems[1]).toMatch(/a command failed .*NotFound/);
    expect(problems[2]).toMatch(/kubectl apply of this YAML fails: .*namespaces "missing" not found/);
  });
});
