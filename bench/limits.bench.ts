/**
 * Resource-limit timings (issue 8): how long each oversized or hostile input takes to be refused
 * or handled through `sandbox.exec`, median of 5 on a fresh sandbox each. Run by `npm run bench`
 * (after sim.bench.ts); a script that prints a table and never fails. Target: under 1 s each.
 */
import { createSandbox } from '../src/sim/index';

const RUNS = 5;
const cm = (name: string, data: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  a: ${data}\n`;
const nest = (n: number) =>
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata:\n' +
  Array.from({ length: n }, (_, i) => ' '.repeat(i + 1) + `k${i}:\n`).join('') +
  ' '.repeat(n + 1) +
  'v\n';

const CASES: [string, string, string?][] = [
  ['10 MB document (413)', 'kubectl apply -f -', cm('big', 'x'.repeat(10 * 1024 * 1024))],
  [
    '10 MB of 100,000 lines in one document (413)',
    'kubectl apply -f -',
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n' + Array.from({ length: 100_000 }, (_, i) => `  k${i}: ${'v'.repeat(100)}\n`).join(''),
  ],
  ['300 KB object via apply (annotations too long)', 'kubectl apply -f -', cm('mid', 'y'.repeat(300_000))],
  ['1,000 documents', 'kubectl apply -f -', Array.from({ length: 1000 }, (_, i) => cm(`c${i}`, 'v')).join('---\n')],
  ['10,000 documents', 'kubectl apply -f -', Array.from({ length: 10_000 }, (_, i) => cm(`c${i}`, 'v')).join('---\n')],
  ['100-level nesting', 'kubectl apply -f -', nest(100)],
  [
    '10,000-level flow nesting',
    'kubectl apply -f -',
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: d\n  annotations:\n    a: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
  ],
  ['2,000-level block nesting', 'kubectl apply -f -', nest(2000)],
  [
    'alias bomb',
    'kubectl apply -f -',
    'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\nkind: ConfigMap\n',
  ],
  ['1 MB command line', `echo ${'z'.repeat(1_000_000)} | wc -c`],
  ['100,000-character name', 'kubectl apply -f -', cm('n'.repeat(100_000), 'x')],
  ['hostile name (NUL, ESC, RTL)', 'kubectl apply -f -', cm('"a\\u0000\\x1b[2J\\u202e"', 'x')],
  ['200,000 replicas (create + settle)', 'kubectl create deployment web --image=nginx --replicas=200000'],
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const rows: { measure: string; value: string; target: string; ok: boolean | null }[] = [];
for (const [label, line, stdin] of CASES) {
  const times: number[] = [];
  let outcome = '';
  for (let i = 0; i < RUNS; i++) {
    const sb = createSandbox();
    const t = performance.now();
    const r = await sb.exec(line, stdin === undefined ? {} : { stdin });
    if (label.startsWith('200,000')) await sb.settle();
    times.push(performance.now() - t);
    outcome = (r.stderr.split('\n')[0] || r.stdout.split('\n')[0]).slice(0, 90).replace(/\|/g, '\\|');
  }
  const ms = median(times);
  rows.push({ measure: `${label} → ${outcome}`, value: `${ms.toFixed(0)} ms`, target: '≤ 1,000 ms', ok: ms <= 1000 });
}
// scripts/bench.mjs folds these into its one report table.
if (process.argv.includes('--json')) {
  console.log(`BENCH_JSON ${JSON.stringify(rows)}`);
} else {
  console.log(`\n## Resource limits through sandbox.exec (median of ${RUNS}, fresh sandbox)\n`);
  console.log('| input → outcome | time | target |');
  console.log('|---|---:|---|');
  for (const r of rows) console.log(`| ${r.measure} | ${r.value} | ${r.target}${r.ok ? ' ✅' : ' ❌'} |`);
}
