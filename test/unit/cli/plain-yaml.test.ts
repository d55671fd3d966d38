import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { redisLbYaml } from '../../../content/labs/where-does-external-ip-come-from';
import { parsePlainYaml } from '../../../src/cli/kubectl/plain-yaml';
import { servicesYaml } from '../../../src/sim/bench';
import { createSandbox } from '../../../src/sim/index';

/** What kubectl's reader took before the fast path: the `yaml` package as YAML 1.1, or null on any error. */
function library(text: string): unknown[] | null {
  const docs = parseAllDocuments(text, { version: '1.1', uniqueKeys: false, logLevel: 'error' });
  const list = Array.isArray(docs) ? docs : [docs];
  if (list.some((d) => d.errors.length > 0)) return null;
  return list.map((d) => d.toJS() as unknown);
}

/** Both readers skip empty documents; compare what is left. */
const nonEmpty = (docs: unknown[]) => docs.filter((d) => d !== null && d !== undefined);

const SCALARS = [
  'web',
  'v1',
  'apps/v1',
  'LoadBalancer',
  'redis:7',
  'nginx:1.25-alpine',
  'a b',
  'a  b',
  'x: y',
  'x:',
  '0',
  '7',
  '080',
  '1e3',
  '0x1F',
  '1_000',
  '12:30',
  '-1',
  '+1',
  '.5',
  '.inf',
  '~',
  'null',
  'Null',
  'y',
  'N',
  'yes',
  'No',
  'on',
  'OFF',
  'true',
  'False',
  '"quoted"',
  '"with \\" escape"',
  '"tab\\t"',
  "'single'",
  "'it''s'",
  "'bad'quote'",
  '"a" "b"',
  '"',
  "'",
  '[1, 2]',
  '{a: 1}',
  '&anchor x',
  '*alias',
  '!!str 5',
  '|',
  '>',
  '# comment',
  'x # trailing',
  'é',
  '"é"',
  '%x',
  '@x',
  '`x`',
  '-',
  '- x',
  '? x',
  'a,b',
  '99999999999999999',
];
const KEYS = [
  'name',
  'kind',
  'apiVersion',
  'app.kubernetes.io/name',
  'service.beta.kubernetes.io/azure-dns-label-name',
  '_x',
  'y',
  'on',
  'null',
  'True',
  '"quoted"',
  "'q'",
  '1',
  '__proto__',
  '<<',
  'a b',
  'key:',
  '-k',
  '?k',
  'name',
];

type Tree = string | { map: [string, Tree][] } | { seq: Tree[] };
const tree: fc.Arbitrary<Tree> = fc.letrec<{ t: Tree }>((tie) => ({
  t: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...SCALARS),
    fc.record({ map: fc.array(fc.tuple(fc.constantFrom(...KEYS), tie('t')), { minLength: 1, maxLength: 4 }) }),
    fc.record({ seq: fc.array(tie('t'), { minLength: 1, maxLength: 3 }) }),
  ),
})).t;

/** Block YAML for a tree, with the writer's choices (indent width, compact sequences) drawn too. */
function render(t: Tree, indent: number, step: number, compact: boolean): string[] {
  const pad = ' '.repeat(indent);
  if (typeof t === 'string') return [pad + t];
  if ('map' in t) {
    return t.map.flatMap(([k, v]) => {
      if (typeof v === 'string') return [`${pad}${k}: ${v}`];
      const inner = 'seq' in v && compact ? indent : indent + step;
      return [`${pad}${k}:`, ...render(v, inner, step, compact)];
    });
  }
  return t.seq.flatMap((v) => {
    if (typeof v === 'string') return [`${pad}- ${v}`];
    const lines = render(v, indent + 2, step, compact);
    // "- key: value" on the dash's line, the rest below it
    return ['map' in v ? `${pad}- ${lines[0]!.trimStart()}` : `${pad}-`, ...('map' in v ? lines.slice(1) : lines)];
  });
}

describe('the plain-YAML fast path', () => {
  it('gives exactly what the yaml package gives (YAML 1.1), or gives up', () => {
    fc.assert(
      fc.property(
        fc.array(tree, { minLength: 1, maxLength: 3 }),
        fc.constantFrom(2, 4),
        fc.boolean(),
        fc.array(fc.tuple(fc.nat(40), fc.constantFrom('', '# note', '   ', '---', '  x', '\tx', 'k: v', '- z', '...')), { maxLength: 2 }),
        (docs, step, compact, noise) => {
          const lines = docs.flatMap((d, i) => [...(i ? ['---'] : []), ...render(d, 0, step, compact)]);
          for (const [at, line] of noise) lines.splice(at % (lines.length + 1), 0, line);
          const text = lines.join('\n') + '\n';
          const fast = parsePlainYaml(text);
          if (fast === undefined) return;
          const lib = library(text);
          expect(lib, text).not.toBeNull();
          expect(nonEmpty(fast), text).toEqual(nonEmpty(lib!));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("reads the learner's manifests itself: the bench's 1,000 Services and a lesson's Service", () => {
    for (const text of [servicesYaml(50), redisLbYaml]) {
      const fast = parsePlainYaml(text);
      expect(fast).toBeDefined();
      expect(nonEmpty(fast!)).toEqual(nonEmpty(library(text)!));
    }
  });

  it('leaves malformed YAML to the library, so kubectl still reports go-yaml lines', async () => {
    const sb = createSandbox();
    const bad = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n spec:\n  type: LoadBalancer\n';
    expect(parsePlainYaml(bad)).toBeUndefined();
    const r = await sb.exec('kubectl apply -f -', { stdin: bad });
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toMatch(/^error: error parsing STDIN: error converting YAML to JSON: yaml: line \d+:/);
  });
});
