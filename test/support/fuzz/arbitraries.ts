/**
 * Random and mutated input for the fuzzer: command lines for every tool of the lab (flags,
 * quotes, pipes, heredocs, unicode and control characters) and manifests for `kubectl apply`,
 * mutated from real ones as text and as structure.
 */
import fc from 'fast-check';
import { type Document, isMap, isScalar, isSeq, parseAllDocuments } from 'yaml';
import type { Seeds } from './seeds';

export type Step = { kind: 'line'; line: string; stdin?: string };

const NODE_RG = 'MC_myResourceGroup_myAKSCluster_eastus';
const P = 'service.beta.kubernetes.io/';

/** Characters that break naive code: quotes, expansion, control, bidi, surrogates, NUL, emoji, Hangul. */
const HOSTILE = [
  '\u202e',
  '\u202d',
  '\u200b',
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\b',
  '\t',
  '\u000b',
  '\f',
  '\u007f',
  '\u0085',
  '\u2028',
  '\ud800',
  '\udfff',
  '\ufeff',
  '한국어',
  '🙂',
  'é',
  'İ',
  'ß',
  '\\',
  '"',
  "'",
  '$',
  '`',
  '$(',
  '${',
  '$((',
  '|',
  '&',
  ';',
  '>',
  '<',
  '<<',
  '*',
  '?',
  '~',
  '#',
  '\n',
  '--',
  '-',
  '=',
  ',',
  '.',
  '/',
  '..',
  '{',
  '}',
  '[',
  ']',
  '(',
  ')',
  '!',
  '%',
  '%s',
  '%n',
  '{{',
  '}}',
  '\\n',
  'null',
  '0',
  '-1',
  '65536',
  '9999999999',
  '1e309',
  '0x1F',
  'true',
  '   ',
];

const anyChars = fc.string({ unit: 'binary', maxLength: 12 });
const hostile = fc.constantFrom(...HOSTILE);
const fragment = fc.oneof({ weight: 3, arbitrary: hostile }, { weight: 2, arbitrary: anyChars }, { weight: 2, arbitrary: fc.string({ maxLength: 10 }) });

const NAMES = ['web', 'redis-lb', 'kubernetes', 'myip', 'shared', 'ingress-nginx', 'x', 'a'.repeat(70), 'Web', '-bad', 'qa', 'default', 'kube-system'];
const RESOURCES = [
  'svc',
  'service',
  'services',
  'pods',
  'po',
  'deploy',
  'deployment',
  'rs',
  'ns',
  'namespace',
  'nodes',
  'no',
  'ep',
  'endpoints',
  'endpointslices',
  'events',
  'ev',
  'ingress',
  'cm',
  'secret',
  'all',
  'svc/web',
  'deployment/web',
  'foo',
  'services.v1',
  'deployments.apps',
];
const KUBECTL_VERBS = [
  'get',
  'describe',
  'apply',
  'create',
  'delete',
  'patch',
  'annotate',
  'label',
  'expose',
  'run',
  'scale',
  'rollout',
  'wait',
  'events',
  'explain',
  'version',
  'api-resources',
  'config',
  'cluster-info',
  'options',
  'exec',
  'logs',
  'edit',
  'foo',
];
const KUBECTL_FLAGS = [
  '-n',
  '--namespace',
  '-A',
  '--all-namespaces',
  '-o',
  '--output',
  '-l',
  '--selector',
  '--field-selector',
  '--sort-by',
  '-L',
  '--show-labels',
  '--no-headers',
  '-w',
  '--watch',
  '-f',
  '--filename',
  '-p',
  '--type',
  '--port',
  '--target-port',
  '--replicas',
  '--image',
  '--overwrite',
  '--all',
  '--wait',
  '--timeout',
  '--for',
  '--dry-run',
  '--record',
  '-it',
  '--rm',
  '--restart',
  '--',
  '-h',
  '--help',
  '--bogus',
  '-Z',
  '--v',
  '--server-side',
  '--validate',
  '--cascade',
  '--grace-period',
  '--selector=',
  '--output=json',
];
const KUBECTL_VALUES = [
  'wide',
  'yaml',
  'json',
  'name',
  'jsonpath={.items[*].metadata.name}',
  'jsonpath={.status',
  'custom-columns=N:.metadata.name,IP:.spec.clusterIP',
  'custom-columns=',
  'go-template={{.}}',
  'app=web',
  'app in (a,b)',
  '!canary',
  'metadata.name=web',
  '.metadata.name',
  '-',
  'LoadBalancer',
  'ClusterIP',
  'NodePort',
  'ExternalName',
  '{"spec":{"type":"LoadBalancer"}}',
  '{"spec":{"ports":[{"port":"80"}]}}',
  '[{"op":"remove","path":"/spec/ports"}]',
  'merge',
  'json',
  'strategic',
  'condition=Ready',
  'delete',
  'jsonpath={.status.loadBalancer.ingress}',
  '10s',
  '-1',
  '0',
  '200000',
  'nginx',
  'client',
  'server',
  `${P}azure-load-balancer-internal=true`,
  `${P}azure-dns-label-name=my-app`,
  `${P}azure-pip-name=myip`,
  'tier=front',
  'tier-',
];
const AZ_GROUPS = [
  ['network', 'public-ip'],
  ['network', 'lb'],
  ['network', 'lb', 'frontend-ip'],
  ['network', 'lb', 'rule'],
  ['network', 'lb', 'probe'],
  ['network', 'lb', 'outbound-rule'],
  ['network', 'nsg'],
  ['network', 'nsg', 'rule'],
  ['network', 'vnet'],
  ['network', 'vnet', 'subnet'],
  ['network', 'route-table'],
  ['network', 'nat', 'gateway'],
  ['aks'],
  ['aks', 'nodepool'],
  ['group'],
  ['resource'],
  ['account'],
  ['monitor', 'activity-log'],
  ['role', 'assignment'],
  ['netwrok'],
  [],
];
const AZ_VERBS = ['list', 'show', 'create', 'delete', 'update', 'scale', 'get-credentials', 'version', 'lis'];
const AZ_FLAGS = [
  '-g',
  '--resource-group',
  '-n',
  '--name',
  '--lb-name',
  '--nsg-name',
  '--vnet-name',
  '--sku',
  '--allocation-method',
  '--dns-name',
  '--version',
  '--zone',
  '--location',
  '-l',
  '-o',
  '--output',
  '--query',
  '--ids',
  '--only-show-errors',
  '--node-count',
  '--load-balancer-managed-outbound-ip-count',
  '--offset',
  '--address-prefixes',
  '--assignee',
  '--role',
  '--scope',
  '--yes',
  '--debug',
  '--verbose',
  '--bogus',
  '-h',
];
const AZ_VALUES = [
  NODE_RG,
  'myResourceGroup',
  'myAKSCluster',
  'kubernetes',
  'Standard',
  'Basic',
  'Static',
  'Dynamic',
  'table',
  'tsv',
  'yaml',
  'json',
  'none',
  'jsonc',
  '[].name',
  '[?name==`x`]',
  '[',
  'eastus',
  'westeurope',
  '1',
  '2',
  '3',
  '0',
  '101',
  'my-ip',
  'my_ip.1',
  '1abc',
  'UPPER',
  'a'.repeat(81),
  'ip-',
  '-ip',
  'ip.',
  'label-',
  'Network Contributor',
  '1h',
  '1d',
  'yes',
];
const HELM = [
  'install',
  'upgrade',
  'uninstall',
  'status',
  'list',
  'ls',
  'repo',
  'add',
  'update',
  'search',
  'version',
  'ingress-nginx',
  'ingress-nginx/ingress-nginx',
  'https://kubernetes.github.io/ingress-nginx',
  'https://example.com/charts',
  '--set',
  'controller.replicaCount=2',
  'controller.service.annotations.service\\.beta\\.kubernetes\\.io/azure-load-balancer-internal=true',
  '--set-string',
  '--namespace',
  '--create-namespace',
  '-n',
  '-f',
  'values.yaml',
  '--reuse-values',
  '--reset-values',
  '--version',
  '4.12.1',
  '--bogus',
  '--wait',
  '-h',
];
const CURL = [
  'curl',
  '-s',
  '-S',
  '-m',
  '5',
  '--connect-timeout',
  '3',
  '-v',
  '-I',
  '-i',
  '-H',
  'Host: web.example.com',
  '-X',
  'POST',
  '--trace',
  '-o',
  '/dev/null',
  '-w',
  '%{http_code}',
  '-f',
  '--bogus',
  'http://20.1.2.3/',
  'http://20.1.2.3:6379',
  'https://x',
  'http://',
  'ftp://a',
  'http://[::1]/',
  'http://999.1.1.1/',
  'ifconfig.me',
  'http://web.example.com/api',
];
const SHELL = [
  'echo',
  'printf',
  'cat',
  'ls',
  'cd',
  'mkdir',
  'rm',
  'export',
  'unset',
  'alias',
  'unalias',
  'history',
  'pwd',
  'true',
  'false',
  'help',
  'sleep',
  'clear',
  'watch',
  'nosuchcommand',
];
const PIPE_TOOLS = [
  'grep',
  'grep -i',
  'grep -v',
  'grep -c',
  'grep -E',
  'head',
  'head -n',
  'tail',
  'tail -n',
  'wc -l',
  'sort',
  'sort -n -r',
  'sort -k',
  'uniq -c',
  'cut -d',
  'cut -f',
  'tr',
  'awk',
  'jq',
  'jq -r',
];
const PIPE_ARGS = [
  'web',
  '1',
  '-1',
  'x',
  '(',
  '[',
  '.',
  '.items[]',
  '.items[0].metadata',
  'select(.',
  '{print $1}',
  '{print $NF',
  'NR>1',
  '/web/',
  'BEGIN{x',
  ' ',
  ':',
  'a-z',
  'A-Z',
  '\\',
  '.*',
  '++',
  '2',
  '-5',
  'abc',
];

/** A word quoted as a learner might (or might not) quote it. */
function quoted(w: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(w, fc.nat(5)).map(([s, q]) => {
    switch (q) {
      case 0:
        return `'${s.replace(/'/g, `'\\''`)}'`;
      case 1:
        return `"${s.replace(/(["\\$`])/g, '\\$1')}"`;
      case 2:
        return s.replace(/([\s'"\\$`|&;<>()*?#~!{}])/g, '\\$1');
      default:
        return s; // unquoted: may well be a syntax error, which is part of the point
    }
  });
}

const word = (pool: string[]) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...pool) },
    { weight: 1, arbitrary: fragment },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...pool), fragment).map(([a, b]) => a + b) },
  );
const args = (pool: string[], max = 6) => fc.array(quoted(word(pool)), { maxLength: max }).map((a) => a.join(' '));

const kubectlLine = fc
  .tuple(fc.constantFrom(...KUBECTL_VERBS), args([...RESOURCES, ...NAMES, ...KUBECTL_FLAGS, ...KUBECTL_VALUES], 7))
  .map(([v, a]) => `kubectl ${v} ${a}`.trimEnd());
const azLine = fc
  .tuple(fc.constantFrom(...AZ_GROUPS), fc.constantFrom(...AZ_VERBS), args([...AZ_FLAGS, ...AZ_VALUES, ...NAMES], 8))
  .map(([g, v, a]) => ['az', ...g, v, a].join(' ').trimEnd());
const helmLine = args(HELM, 7).map((a) => `helm ${a}`.trimEnd());
const curlLine = args(CURL, 6).map((a) => `curl ${a}`.trimEnd());
const shellLine = fc
  .tuple(
    fc.constantFrom(...SHELL),
    args(
      [
        ...NAMES,
        '-n',
        '-e',
        '%s',
        '%d',
        'a b',
        '$HOME',
        '$?',
        '${X}',
        '$(echo hi)',
        '`date`',
        '~',
        '/tmp',
        'svc.yaml',
        '>',
        '>>',
        '2>&1',
        '<',
        '<<<',
        'x=1',
        '-r',
      ],
      5,
    ),
  )
  .map(([c, a]) => `${c} ${a}`.trimEnd());
const pipeTail = fc.array(
  fc.tuple(fc.constantFrom(...PIPE_TOOLS), args(PIPE_ARGS, 2)).map(([t, a]) => `${t} ${a}`.trimEnd()),
  { maxLength: 2 },
);

const simpleLine = fc.oneof(
  { weight: 4, arbitrary: kubectlLine },
  { weight: 3, arbitrary: azLine },
  { weight: 1, arbitrary: helmLine },
  { weight: 1, arbitrary: curlLine },
  { weight: 2, arbitrary: shellLine },
);
const piped = fc.tuple(simpleLine, pipeTail).map(([l, tail]) => [l, ...tail].join(' | '));
const SEPARATORS = [' && ', ' || ', '; ', ' | ', ' & ', ' ;; ', '\n', ' |& ', ' && ! '];

/** A heredoc body after a command (`kubectl apply -f - <<EOF`), terminated or not. */
const heredoc = fc
  .tuple(
    fc.constantFrom('<<EOF', "<<'EOF'", '<<-EOF', '<< "EOF"', '<<'),
    fc.array(fc.oneof(fragment, fc.constantFrom('apiVersion: v1', 'kind: Service', '  name: $X', '`x`', '$(date)')), { maxLength: 4 }),
    fc.boolean(),
  )
  .map(([op, body, closed]) => ` ${op}\n${body.join('\n')}\n${closed ? 'EOF' : ''}`);

/** A whole random command line. */
export const randomLine: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(piped, { minLength: 1, maxLength: 3 }),
    fc.array(fc.constantFrom(...SEPARATORS), { minLength: 2, maxLength: 2 }),
    fc.option(heredoc, { freq: 4 }),
  )
  .map(([parts, seps, here]) => parts.map((p, i) => (i ? seps[(i - 1) % seps.length] : '') + p).join('') + (here ?? ''));

export type Mutation = { at: number; op: number; text: string; to: number };
const mutation: fc.Arbitrary<Mutation> = fc.record({ at: fc.nat(), op: fc.nat(9), text: fragment, to: fc.nat() });

/** Byte-level mutations (insert, delete, duplicate, swap, truncate …) at positions taken modulo the length. */
export function mutateText(text: string, muts: Mutation[]): string {
  let s = text;
  for (const m of muts) {
    const n = s.length + 1;
    const i = m.at % n;
    const j = m.to % n;
    const [a, b] = i <= j ? [i, j] : [j, i];
    switch (m.op) {
      case 0:
      case 1:
        s = s.slice(0, i) + m.text + s.slice(i);
        break;
      case 2:
        s = s.slice(0, a) + s.slice(Math.min(b, a + 20));
        break;
      case 3:
        s = s.slice(0, b) + s.slice(a, Math.min(b, a + 40)) + s.slice(b);
        break;
      case 4:
        s = s.slice(0, a) + m.text + s.slice(Math.min(b, a + 20));
        break;
      case 5: {
        // Swap two lines.
        const lines = s.split('\n');
        const x = m.at % lines.length;
        const y = m.to % lines.length;
        [lines[x], lines[y]] = [lines[y], lines[x]];
        s = lines.join('\n');
        break;
      }
      case 6: {
        // Re-indent a line (YAML's favourite mistake).
        const lines = s.split('\n');
        const x = m.at % lines.length;
        lines[x] = m.to % 2 ? ' '.repeat((m.to % 5) + 1) + lines[x] : lines[x].replace(/^ {1,2}/, '');
        s = lines.join('\n');
        break;
      }
      case 7: {
        // Replace the value after a `key:` with something else.
        const lines = s.split('\n');
        const x = m.at % lines.length;
        lines[x] = lines[x].replace(/:( .*)?$/, `: ${m.text}`);
        s = lines.join('\n');
        break;
      }
      case 8:
        s = s.slice(0, i);
        break;
      default:
        s = s.slice(0, i) + '\n---\n' + s.slice(i);
    }
  }
  return s;
}

/** Values a field may be replaced with: wrong types, empty, huge, hostile. */
const jsonish: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    false,
    0,
    -1,
    1.5,
    65536,
    2 ** 31,
    '',
    '80',
    'true',
    'TCP',
    'UDP',
    'SCTP',
    'LoadBalancer',
    'Local',
    [],
    {},
    [1],
    { a: 'b' },
    'a'.repeat(300),
    '1e3',
    'x\u0000y',
    '\u202eevil',
  ),
  fragment,
  fc.integer(),
  fc.jsonValue({ maxDepth: 2 }),
);

const ANNOTATIONS = [
  'azure-load-balancer-internal',
  'azure-pip-name',
  'azure-dns-label-name',
  'azure-load-balancer-ipv4',
  'azure-load-balancer-resource-group',
  'azure-load-balancer-health-probe-request-path',
  'azure-load-balancer-health-probe-protocol',
  'azure-load-balancer-tcp-idle-timeout',
  'azure-allowed-service-tags',
  'azure-shared-securityrule',
  'azure-pip-tags',
  'azure-load-balancer-disable-tcp-reset',
  'azure-load-balancer-internal-subnet',
].map((a) => P + a);
const ANNOTATION_VALUES = [
  'true',
  'false',
  'myip',
  'shared',
  'my-app',
  'My_App',
  '-x',
  'a'.repeat(70),
  '10.224.0.99',
  '20.1.2.3',
  '1.2.3',
  'myResourceGroup',
  'other-rg',
  '/healthz',
  'Tcp',
  'Http',
  '4',
  '101',
  'x',
  'Internet,AzureCloud',
  'a=b,c=d',
  '',
];

export type StructOp = { doc: number; path: number; op: number; value: unknown; key: string; ann: number; annValue: number };
const structOp: fc.Arbitrary<StructOp> = fc.record({
  doc: fc.nat(),
  path: fc.nat(),
  op: fc.nat(5),
  value: jsonish,
  key: fc.oneof(fc.constantFrom('foo', 'spec', 'port', 'ports', 'type', 'name', 'annotations', 'labels', 'apiVersion', 'kind', 'metadata'), fragment),
  ann: fc.nat(),
  annValue: fc.nat(),
});

/** Every node path (objects and arrays) of a parsed document. */
function paths(doc: Document): (string | number)[][] {
  const out: (string | number)[][] = [[]];
  const walk = (node: unknown, path: (string | number)[]) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const k = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (k === undefined) continue;
        out.push([...path, k]);
        walk(pair.value, [...path, k]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        out.push([...path, i]);
        walk(item, [...path, i]);
      });
    }
  };
  walk(doc.contents, []);
  return out;
}

/** Structural mutations: delete a field, change its type, add an unknown key, rename, add Azure annotations. */
export function mutateYaml(text: string, ops: StructOp[]): string {
  let docs: Document[];
  try {
    docs = parseAllDocuments(text, { version: '1.1', uniqueKeys: false }) as Document[];
  } catch {
    return text;
  }
  if (!Array.isArray(docs) || !docs.length || docs.some((d) => d.errors.length)) return text;
  for (const o of ops) {
    const doc = docs[o.doc % docs.length];
    const all = paths(doc);
    const path = all[o.path % all.length];
    try {
      switch (o.op) {
        case 0:
          if (path.length) doc.deleteIn(path);
          break;
        case 1:
        case 2:
          if (path.length) doc.setIn(path, doc.createNode(o.value));
          break;
        case 3:
          if (isMap(doc.getIn(path, true))) doc.setIn([...path, o.key], doc.createNode(o.value));
          break;
        case 4:
          doc.setIn(['metadata', 'annotations', ANNOTATIONS[o.ann % ANNOTATIONS.length]], ANNOTATION_VALUES[o.annValue % ANNOTATION_VALUES.length]);
          break;
        default:
          if (path.length && typeof path[path.length - 1] === 'string') {
            const v = doc.getIn(path, true);
            doc.deleteIn(path);
            doc.setIn([...path.slice(0, -1), o.key], v);
          }
      }
    } catch {
      // setIn under a scalar throws: that mutation simply does not apply
    }
  }
  try {
    return docs.map((d) => d.toString({ lineWidth: 0 })).join('---\n');
  } catch {
    return text;
  }
}

/** How a manifest reaches kubectl: stdin, a heredoc, a file written by `cat`, `create` instead of `apply`. */
function deliver(yaml: string, how: number): Step {
  switch (how % 6) {
    case 0:
    case 1:
      return { kind: 'line', line: 'kubectl apply -f -', stdin: yaml };
    case 2:
      return { kind: 'line', line: `kubectl apply -f - <<'EOF'\n${yaml}${yaml.endsWith('\n') ? '' : '\n'}EOF` };
    case 3:
      return { kind: 'line', line: `cat > m.yaml <<'EOF'\n${yaml}${yaml.endsWith('\n') ? '' : '\n'}EOF\nkubectl apply -f m.yaml` };
    case 4:
      return { kind: 'line', line: 'kubectl create -f -', stdin: yaml };
    default:
      return { kind: 'line', line: 'kubectl apply --dry-run=server -f -', stdin: yaml };
  }
}

export function arbitraries(seeds: Seeds) {
  const seedYaml = fc.constantFrom(...seeds.yaml);
  const seedLine = fc.constantFrom(...seeds.commands);
  const mutatedLine = fc.tuple(seedLine, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([l, m]) => mutateText(l, m));
  const yamlDoc = fc.oneof(
    { weight: 3, arbitrary: fc.tuple(seedYaml, fc.array(structOp, { minLength: 1, maxLength: 4 })).map(([y, o]) => mutateYaml(y, o)) },
    { weight: 2, arbitrary: fc.tuple(seedYaml, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([y, m]) => mutateText(y, m)) },
    { weight: 1, arbitrary: seedYaml },
  );
  const applyStep = fc.tuple(yamlDoc, fc.nat()).map(([y, how]) => deliver(y, how));
  const lineStep = fc
    .oneof({ weight: 2, arbitrary: randomLine }, { weight: 2, arbitrary: mutatedLine }, { weight: 1, arbitrary: seedLine })
    .map((line): Step => ({ kind: 'line', line }));
  const step = fc.oneof({ weight: 3, arbitrary: applyStep }, { weight: 3, arbitrary: lineStep });
  return {
    step,
    /** One case: a few steps on a fresh sandbox, then settle and the invariants. */
    steps: fc.array(step, { minLength: 1, maxLength: 4 }),
    commandSteps: fc.array(lineStep, { minLength: 1, maxLength: 4 }),
    applySteps: fc.array(applyStep, { minLength: 1, maxLength: 3 }),
  };
}
