/**
 * The kubectl conformance scenarios: each runs through the real kubectl against the simulated
 * API server and through the lab's own kubectl, and both outputs must be identical (ages and
 * timestamps normalised). Exported as data so the fidelity ledger can count them.
 */
import type { LedgerSuite } from '../ledger';

export interface KubectlStep {
  /** Arguments after `kubectl`. */
  args: string[];
  /** Given on stdin (`-f -`). */
  stdin?: string;
}

export interface KubectlScenario {
  name: string;
  /** What the scenario checks, in one line. */
  checks: string;
  steps: KubectlStep[];
}

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
        ports:
        - containerPort: 80
`;

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: LoadBalancer
  selector:
    app: web
  ports:
  - name: http
    port: 80
    targetPort: 8080
`;

const SERVICE_TWO_PORTS = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: LoadBalancer
  selector:
    app: web
  ports:
  - name: http
    port: 80
  - name: https
    port: 443
    targetPort: 8443
`;

const apply = (stdin: string): KubectlStep => ({ args: ['apply', '-f', '-'], stdin });
const both = DEPLOYMENT + '---\n' + SERVICE;

export const KUBECTL_SCENARIOS: KubectlScenario[] = [
  {
    name: 'apply creates, re-apply is unchanged',
    checks: 'created / unchanged lines, the tables of get svc and get deploy',
    steps: [apply(both), apply(both), { args: ['get', 'svc'] }, { args: ['get', 'deploy'] }],
  },
  {
    name: 're-apply with changed ports',
    checks: 'a port added, a targetPort removed from a keyed list item ($setElementOrder and null in the patch)',
    steps: [
      apply(SERVICE),
      apply(SERVICE_TWO_PORTS),
      { args: ['get', 'svc', 'web', '-o', 'yaml'] },
      apply(SERVICE),
      { args: ['get', 'svc', 'web', '-o', 'json'] },
    ],
  },
  {
    name: 'get output formats',
    checks: '-o yaml|json|jsonpath|custom-columns|wide|name on a Service and a Deployment',
    steps: [
      apply(both),
      { args: ['get', 'svc', 'web', '-o', 'yaml'] },
      { args: ['get', 'deploy', 'web', '-o', 'yaml'] },
      { args: ['get', 'svc', '-o', 'json'] },
      { args: ['get', 'svc', 'web', '-o', 'jsonpath={.status.loadBalancer.ingress[0].ip}'] },
      { args: ['get', 'svc', '-o', 'custom-columns=NAME:.metadata.name,IP:.status.loadBalancer.ingress[*].ip,PORTS:.spec.ports[*].port'] },
      { args: ['get', 'svc,deploy', '-o', 'wide'] },
      { args: ['get', 'pods', '-o', 'name'] },
      { args: ['get', 'svc', '-l', 'app=web'] },
      { args: ['get', 'svc', '--field-selector', 'metadata.name=web'] },
      { args: ['get', 'svc', '-A'] },
      { args: ['get', 'svc', '--show-labels'] },
    ],
  },
  {
    name: 'describe',
    checks: 'describe svc, deploy and pod layouts with their events',
    steps: [apply(both), { args: ['describe', 'svc', 'web'] }, { args: ['describe', 'deploy', 'web'] }, { args: ['describe', 'pods', '-l', 'app=web'] }],
  },
  {
    name: 'events',
    checks: 'get events table',
    steps: [apply(both), { args: ['get', 'events'] }],
  },
  {
    name: 'label and annotate',
    checks: 'label, overwrite, remove; annotate; managedFields per kubectl command',
    steps: [
      apply(SERVICE),
      { args: ['label', 'svc', 'web', 'tier=front'] },
      { args: ['label', 'svc', 'web', 'tier=back'] },
      { args: ['label', 'svc', 'web', 'tier=back', '--overwrite'] },
      { args: ['annotate', 'svc', 'web', 'owner=team-a'] },
      { args: ['label', 'svc', 'web', 'tier-'] },
      { args: ['get', 'svc', 'web', '-o', 'jsonpath={.metadata.labels} {.metadata.annotations.owner}'] },
      { args: ['get', 'svc', 'web', '-o', 'yaml', '--show-managed-fields'] },
    ],
  },
  {
    name: 'patch',
    checks: 'merge, strategic and json patches; a status change through the main resource is ignored',
    steps: [
      apply(both),
      { args: ['patch', 'svc', 'web', '--type', 'merge', '-p', '{"spec":{"externalTrafficPolicy":"Local"}}'] },
      { args: ['patch', 'svc', 'web', '-p', '{"spec":{"ports":[{"port":443,"name":"https"}]}}'] },
      { args: ['patch', 'deploy', 'web', '--type', 'json', '-p', '[{"op":"replace","path":"/spec/replicas","value":3}]'] },
      { args: ['patch', 'svc', 'web', '--type', 'merge', '-p', '{"status":{"loadBalancer":{"ingress":[{"ip":"1.2.3.4"}]}}}'] },
      { args: ['get', 'svc', 'web', '-o', 'wide'] },
      { args: ['get', 'deploy', 'web'] },
    ],
  },
  {
    name: 'expose',
    checks: 'expose a deployment as a LoadBalancer Service',
    steps: [
      apply(DEPLOYMENT),
      { args: ['expose', 'deploy', 'web', '--type=LoadBalancer', '--port=80', '--name=web-lb'] },
      { args: ['get', 'svc', 'web-lb', '-o', 'yaml'] },
    ],
  },
  {
    name: 'endpoints and endpointslices',
    checks: 'get endpoints,endpointslices',
    steps: [apply(both), { args: ['get', 'endpoints,endpointslices'] }],
  },
  {
    name: 'delete',
    checks: 'delete wording, grouped-kind not found',
    steps: [
      apply(both),
      { args: ['delete', 'svc', 'web'] },
      { args: ['delete', 'deploy', 'web'] },
      { args: ['get', 'deploy', 'web'] },
      { args: ['delete', 'svc', 'web'] },
    ],
  },
  {
    name: 'validation as the API server does it',
    checks: 'a non-IP loadBalancerIP is accepted with a warning; an invalid source range names spec.LoadBalancerSourceRanges[0]',
    steps: [
      apply(SERVICE.replace('  type: LoadBalancer\n', '  type: LoadBalancer\n  loadBalancerIP: my-ip\n')),
      { args: ['get', 'svc', 'web'] },
      { args: ['get', 'events', '--field-selector', 'involvedObject.name=web', '-o', 'custom-columns=TYPE:.type,REASON:.reason'] },
      apply(
        SERVICE.replace('name: web', 'name: ranges').replace('  type: LoadBalancer\n', '  type: LoadBalancer\n  loadBalancerSourceRanges:\n  - 10.0.0.0/33\n'),
      ),
    ],
  },
  {
    name: 'long EXTERNAL-IP',
    checks: 'an EXTERNAL-IP of more than 16 characters (load balancer IP plus externalIPs) is printed whole, as the API server builds tables in wide mode',
    steps: [apply(SERVICE.replace('  type: LoadBalancer\n', '  type: LoadBalancer\n  externalIPs:\n  - 203.0.113.200\n')), { args: ['get', 'svc', 'web'] }],
  },
  {
    name: 'server-side apply',
    checks: 'apply --server-side writes no last-applied annotation; managedFields (Apply) shown with --show-managed-fields',
    steps: [
      { args: ['apply', '--server-side', '-f', '-'], stdin: SERVICE },
      { args: ['get', 'svc', 'web', '-o', 'jsonpath={.metadata.annotations}'] },
      { args: ['apply', '--server-side', '-f', '-'], stdin: SERVICE_TWO_PORTS },
      { args: ['get', 'svc', 'web', '-o', 'json', '--show-managed-fields'] },
    ],
  },
];

KUBECTL_SCENARIOS.push(
  {
    name: 'deployment rollout history',
    checks: 'an image change keeps the old ReplicaSet at 0 with its revision; the Progressing condition; describe shows old and new ReplicaSets',
    steps: [
      apply(DEPLOYMENT),
      apply(DEPLOYMENT.replace('nginx:1.27', 'nginx:1.28')),
      { args: ['get', 'rs'] },
      {
        args: [
          'get',
          'deploy',
          'web',
          '-o',
          'jsonpath={.metadata.annotations.deployment\\.kubernetes\\.io/revision} {.status.conditions[*].type} {.status.conditions[*].reason}',
        ],
      },
      {
        args: [
          'get',
          'rs',
          '-o',
          'custom-columns=NAME:.metadata.name,REVISION:.metadata.annotations.deployment\\.kubernetes\\.io/revision,REPLICAS:.spec.replicas',
        ],
      },
      { args: ['describe', 'deploy', 'web'] },
      { args: ['get', 'pods', '-o', 'yaml'] },
    ],
  },
  {
    name: 'retainKeys and patch directives',
    checks: 'strategy switched to Recreate on re-apply ($retainKeys); strategic patches with $patch delete and replace',
    steps: [
      apply(DEPLOYMENT),
      apply(DEPLOYMENT.replace('  replicas: 2\n', '  replicas: 2\n  strategy:\n    type: Recreate\n')),
      { args: ['get', 'deploy', 'web', '-o', 'jsonpath={.spec.strategy}'] },
      apply(SERVICE_TWO_PORTS),
      { args: ['patch', 'svc', 'web', '-p', '{"spec":{"ports":[{"port":443,"$patch":"delete"}]}}'] },
      { args: ['patch', 'svc', 'web', '-p', '{"metadata":{"labels":{"$patch":"replace","team":"a"}}}'] },
      { args: ['patch', 'deploy', 'web', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"web","env":[{"name":"MODE","value":"blue"}]}]}}}}'] },
      { args: ['get', 'svc', 'web', '-o', 'yaml'] },
      { args: ['get', 'deploy', 'web', '-o', 'jsonpath={.spec.template.spec.containers[0].env}'] },
    ],
  },
  {
    name: 'errors',
    checks: 'not found (core and grouped), unknown resource type, invalid object, already exists',
    steps: [
      { args: ['get', 'svc', 'nope'] },
      { args: ['get', 'deploy', 'nope'] },
      { args: ['get', 'svc', 'nope', '-o', 'yaml'] },
      { args: ['get', 'svc', 'kubernetes', 'nope', '-o', 'name'] },
      { args: ['delete', 'ingress', 'nope'] },
      { args: ['get', 'foo'] },
      apply(SERVICE.replace('port: 80', 'port: 0')),
      { args: ['create', '-f', '-'], stdin: SERVICE },
      { args: ['create', '-f', '-'], stdin: SERVICE },
    ],
  },
);

/** Counts for the fidelity ledger. */
export const KUBECTL_SCENARIO_COUNT = KUBECTL_SCENARIOS.length;
export const KUBECTL_STEP_COUNT = KUBECTL_SCENARIOS.reduce((n, s) => n + s.steps.length, 0);

/** The scenarios as the fidelity ledger counts them (test/conformance/ledger.ts). */
export const ledger: LedgerSuite = {
  id: 'kubectl',
  method: 'real-kubectl',
  reference: 'the real kubectl binary (v1.32 on the CI machines) against `npm run api`',
  cases: KUBECTL_SCENARIOS.map((s) => ({ areas: s.name === 'events' ? ['events', 'cli'] : ['cli'], source: `${s.name}: ${s.checks}` })),
  skipped: [],
};
