/**
 * Real-world manifests through `kubectl apply -f -` on a fresh cluster: no crash, and the real
 * outcome (per-object `created` lines or kubectl-style errors), then the cluster settles and
 * every LoadBalancer Service either got an address or says why in an Event.
 *
 * The shared corpus (../shared/corpus/manifests) may be absent on other machines: its cases are
 * only added when it exists. The built-in manifests below always run, so this file never skips.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../src/sim/index';
import type { Service } from '../../../src/sim/kube/types';
import { eventsOf, sandbox } from './helpers';

const CORPUS = join(__dirname, '../../../../shared/corpus/manifests');
const files = existsSync(CORPUS)
  ? readdirSync(CORPUS)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
  : [];

const OUTPUT_LINE = /^[a-z0-9.]+\/[a-z0-9.-]+ (created|configured|unchanged)$/;
const ERROR_LINES = [
  /^Error from server \((BadRequest|NotFound|Invalid|Forbidden|AlreadyExists|Conflict)\): error when (creating|patching|retrieving current configuration of) "STDIN": /,
  /^error: error parsing STDIN: error converting YAML to JSON: yaml: /,
  /^(error: )?resource mapping not found for name: "[^"]*" namespace: "[^"]*" from "STDIN": no matches for kind "[^"]+" in version "[^"]+"$/,
  /^ensure CRDs are installed first$/,
  /^The \S+ "[^"]*" is invalid: /,
  /^Warning: spec\.loadBalancerIP: IP address was accepted, but will be invalid in a future Kubernetes release: ParseAddr\(/,
];

/** What a learner would see on a fresh AKS cluster (a substring per file, when that file exists). */
const KNOWN: Record<string, { exit: 0 | 1; stdout?: string[]; stderr?: string[] }> = {
  'Azure-Samples__azure-voting-app-redis__azure-vote-all-in-one-redis.yaml': {
    exit: 0,
    stdout: ['deployment.apps/azure-vote-back created', 'service/azure-vote-front created'],
  },
  'Azure-Samples__azure-voting-app-redis__azure-vote-ilb-all-in-one-redis--pr26-e148e68.yaml': {
    exit: 1,
    stderr: ['no matches for kind "Deployment" in version "apps/v1beta1"'],
  },
  'Azure-Samples__azure-voting-app-redis__azure-vote-all-in-one-redis--pr49-bd99701.yaml': {
    exit: 1,
    stderr: ['"azure-vote-back" is invalid: [spec.selector: Required value'],
  },
  'belf-kr__infrastructure-as-code__db__mysql__deployment__qa-mysql.yaml': { exit: 1, stderr: ['namespaces "qa" not found'] },
  'belf-kr__infrastructure-as-code__db__redis__qa-redis-pvc--f2b7b8b.yaml': {
    exit: 1,
    stderr: ["cannot be handled as a PersistentVolumeClaim: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
  },
  'itzg__docker-minecraft-bedrock-server__examples__kubernetes--b6902c2.yaml': { exit: 1, stderr: ['strict decoding error: unknown field "spec.ipFamily"'] },
  // The API server accepts any loadBalancerIP text with a warning; the cloud provider then finds no such IP.
  'jitsi__docker-jitsi-meet__k8s__jvb-service-lb--af6a081.yaml': {
    exit: 0,
    stderr: [
      'Warning: spec.loadBalancerIP: IP address was accepted, but will be invalid in a future Kubernetes release: ParseAddr("<External IP address you want to assign to your service>"): unable to parse IP',
    ],
  },
};

async function applyAndCheck(sb: Sandbox, yaml: string): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  const r = await sb.exec('kubectl apply -f -', { stdin: yaml });
  const all = r.stdout + r.stderr;
  expect(all).not.toMatch(/internal error|TypeError|ReferenceError|RangeError|is not a function|\n\s+at \S+ \(/);
  expect([0, 1]).toContain(r.exitCode);
  // Warnings (kubectl's `Warning: …` lines) come with a successful write.
  expect(r.exitCode === 0).toBe(r.stderr.split('\n').every((l) => l === '' || l.startsWith('Warning: ')));
  for (const line of r.stdout.split('\n').filter(Boolean)) expect(line).toMatch(OUTPUT_LINE);
  for (const line of r.stderr.split('\n').filter(Boolean))
    expect(
      ERROR_LINES.some((re) => re.test(line)),
      line,
    ).toBe(true);
  expect(r.stdout.length + r.stderr.length).toBeGreaterThan(0);
  // The cluster must settle (no exception, no endless loop) with a real outcome per LB Service.
  await sb.settle();
  for (const svc of sb.kube.list('Service') as Service[]) {
    if (svc.spec.type !== 'LoadBalancer') continue;
    const ip = svc.status?.loadBalancer?.ingress?.[0]?.ip;
    if (!ip)
      expect(eventsOf(sb, svc.metadata.name, svc.metadata.namespace).some((e) => e.startsWith('SyncLoadBalancerFailed: Error syncing load balancer: '))).toBe(
        true,
      );
  }
  return r;
}

describe('built-in manifests through kubectl apply -f - (always run)', () => {
  it('a multi-document manifest: per-object lines, continues past a bad document, exit 1', async () => {
    const sb = sandbox();
    const yaml = [
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: web\n        image: nginx\n',
      'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: old\n  namespace: shop\n',
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  type: LoadBalancer\n  selector:\n    app: web\n  ports:\n  - port: 80\n',
    ].join('---\n');
    const r = await applyAndCheck(sb, yaml);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('namespace/shop created\ndeployment.apps/web created\nservice/web created\n');
    expect(r.stderr).toBe(
      // A single error is printed through kubectl's CheckErr, hence `error: `.
      'error: resource mapping not found for name: "old" namespace: "shop" from "STDIN": no matches for kind "Ingress" in version "extensions/v1beta1"\nensure CRDs are installed first\n',
    );
    const svc = sb.kube.get('Service', 'web', 'shop') as Service;
    expect(svc.status?.loadBalancer?.ingress?.[0]?.ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    // Applying the same manifest again is idempotent.
    const again = await sb.exec('kubectl apply -f -', { stdin: yaml });
    expect(again.stdout).toBe('namespace/shop unchanged\ndeployment.apps/web unchanged\nservice/web unchanged\n');
  });

  it('a missing namespace is rejected per object, like the API server', async () => {
    const sb = sandbox();
    const r = await applyAndCheck(sb, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: qa\ndata:\n  a: b\n');
    expect(r.stderr).toBe('Error from server (NotFound): error when creating "STDIN": namespaces "qa" not found\n');
  });
});

describe.runIf(files.length > 0)('shared corpus of real manifests (when ../shared/corpus exists)', () => {
  it.each(files)('%s', async (file) => {
    const sb = sandbox();
    const r = await applyAndCheck(sb, readFileSync(join(CORPUS, file), 'utf8'));
    const known = KNOWN[file];
    if (!known) return;
    expect(r.exitCode).toBe(known.exit);
    for (const s of known.stdout ?? []) expect(r.stdout).toContain(s);
    for (const s of known.stderr ?? []) expect(r.stderr).toContain(s);
  });
});
