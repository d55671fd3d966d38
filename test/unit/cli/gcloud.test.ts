/** `gcloud compute …` in a GKE sandbox, from the outside (sandbox.exec), and in sandboxes of other clouds. */
import { beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../../src/sim/index';

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: LoadBalancer
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
`;

let sb: Sandbox;
const run = (line: string) => sb.exec(line);
let ip = '';
let lb = '';

beforeAll(async () => {
  // Before 1.37 GKE builds the legacy target-pool load balancer (forwarding rule → target pool).
  sb = createSandbox({ cloud: 'gke', kubernetesVersion: '1.33.2' });
  await sb.cloud.ready;
  await sb.exec(`cat > s.yaml <<'EOF'\n${SERVICE}EOF`);
  await sb.exec('kubectl apply -f s.yaml');
  await sb.settle();
  const svc = JSON.parse((await sb.exec('kubectl get svc web -o json')).stdout);
  ip = svc.status.loadBalancer.ingress[0].ip;
  lb = ('a' + svc.metadata.uid.replace(/-/g, '')).slice(0, 32);
});

describe('gcloud compute list tables', () => {
  it('forwarding-rules list: the default columns, the rule holding EXTERNAL-IP', async () => {
    const r = await run('gcloud compute forwarding-rules list');
    expect(r.exitCode).toBe(0);
    const [head, row] = r.stdout.split('\n');
    expect(head.split(/\s{2,}/)).toEqual(['NAME', 'REGION', 'IP_ADDRESS', 'IP_PROTOCOL', 'TARGET']);
    expect(row.split(/\s{2,}/)).toEqual([lb, 'us-central1', ip, 'TCP', `us-central1/targetPools/${lb}`]);
    // Columns line up: each header starts where its values start.
    expect(head.indexOf('REGION')).toBe(row.indexOf('us-central1'));
  });

  it('target-pools, firewall-rules (with its stderr note), http-health-checks', async () => {
    const pools = (await run('gcloud compute target-pools list')).stdout.split('\n');
    expect(pools[0].split(/\s{2,}/)).toEqual(['NAME', 'REGION', 'SESSION_AFFINITY', 'BACKUP', 'HEALTH_CHECKS']);
    expect(pools[1]).toMatch(new RegExp(`^${lb}\\s+us-central1\\s+NONE\\s+k8s-[0-9a-f]{16}-node$`));
    const fw = await run('gcloud compute firewall-rules list');
    expect(fw.stdout.split('\n')[0].split(/\s{2,}/)).toEqual(['NAME', 'NETWORK', 'DIRECTION', 'PRIORITY', 'ALLOW', 'DENY', 'DISABLED']);
    expect(fw.stdout).toMatch(new RegExp(`\\nk8s-fw-${lb}\\s+default\\s+INGRESS\\s+1000\\s+tcp:80\\s+False\\n`));
    expect(fw.stderr).toContain('To show all fields of the firewall, please show in JSON format: --format=json');
    expect((await run('gcloud compute http-health-checks list')).stdout).toMatch(
      /^NAME\s+HOST\s+PORT\s+REQUEST_PATH\nk8s-[0-9a-f]{16}-node\s+10256\s+\/healthz\n$/,
    );
  });

  it('an empty list prints nothing and "Listed 0 items." on stderr', async () => {
    expect(await run('gcloud compute backend-services list')).toEqual({ stdout: '', stderr: 'Listed 0 items.\n', exitCode: 0 });
    expect(await run('gcloud compute forwarding-rules list --global')).toEqual({ stdout: '', stderr: 'Listed 0 items.\n', exitCode: 0 });
  });
});

describe('gcloud --format and --filter', () => {
  it('describe prints YAML (keys sorted, id quoted); --format=json', async () => {
    const y = (await run(`gcloud compute forwarding-rules describe ${lb} --region us-central1`)).stdout;
    expect(y).toMatch(new RegExp(`^IPAddress: ${ip.replace(/\./g, '\\.')}\\nIPProtocol: TCP\\ncreationTimestamp: '`));
    expect(y).toMatch(/\nid: '\d{19}'\n/);
    expect(y).toContain('\nkind: compute#forwardingRule\n');
    expect(y).toContain(`\ntarget: https://www.googleapis.com/compute/v1/projects/my-project/regions/us-central1/targetPools/${lb}\n`);
    const j = JSON.parse((await run(`gcloud compute forwarding-rules describe ${lb} --format=json`)).stdout);
    expect(j).toMatchObject({ name: lb, IPAddress: ip, portRange: '80-80', loadBalancingScheme: 'EXTERNAL' });
    const list = JSON.parse((await run('gcloud compute firewall-rules list --format json')).stdout);
    expect(list.length).toBeGreaterThanOrEqual(5);
  });

  it('value(…), table(…), csv(…) projections', async () => {
    expect((await run("gcloud compute forwarding-rules list --format='value(name,IPAddress)'")).stdout).toBe(`${lb}\t${ip}\n`);
    expect((await run("gcloud compute forwarding-rules list --format='table(name,region.basename():label=WHERE)'")).stdout).toBe(
      `NAME${' '.repeat(lb.length - 2)}WHERE\n${lb}  us-central1\n`,
    );
    expect((await run("gcloud compute firewall-rules list --filter=name~^k8s-fw --format='csv(name,sourceRanges.list())'")).stdout).toBe(
      `name,source_ranges\nk8s-fw-${lb},0.0.0.0/0\n`,
    );
    expect((await run(`gcloud compute firewall-rules list --format='value(targetTags)' --filter='name=k8s-fw-${lb}'`)).stdout).toMatch(
      /^gke-cluster-1-[0-9a-f]{8}-node\n$/,
    );
  });

  it('--filter terms: ~ regex, = value, NOT, and no match', async () => {
    const names = async (f: string) =>
      (await run(`gcloud compute firewall-rules list --format='value(name)' --filter='${f}'`)).stdout.split('\n').filter(Boolean);
    expect(await names('name~^k8s-fw-')).toEqual([`k8s-fw-${lb}`]);
    expect(await names('name~-hc$')).toHaveLength(1);
    expect((await names('NOT name~^gke-')).every((n) => n.startsWith('k8s-'))).toBe(true);
    expect(await names('allowed[].IPProtocol=tcp AND name~fw')).toEqual([`k8s-fw-${lb}`]);
    expect(await names('name=nothing-here')).toEqual([]);
  });
});

describe('gcloud --sort-by', () => {
  const names = async (sortBy: string) =>
    (await run(`gcloud compute firewall-rules list --format='value(name)' --sort-by='${sortBy}'`)).stdout.split('\n').filter(Boolean);

  it('sorts by each field in turn, ~ reversing that field only', async () => {
    const all = await names('name');
    expect(all).toEqual([...all].sort());
    expect(await names('~name')).toEqual([...all].reverse());
    // Every rule here is INGRESS: the second field decides.
    expect(await names('direction,~name')).toEqual([...all].reverse());
    // [] is the first element, as gcloud reads it.
    const byRange = await names('sourceRanges[],name');
    expect(byRange).toHaveLength(all.length);
    expect(byRange).toEqual(await names('sourceRanges[0],name'));
  });

  it("a key that does not parse is refused with resource_lex's words, never a crash", async () => {
    const refused = async (sortBy: string) => {
      const r = await run(`gcloud compute firewall-rules list --sort-by='${sortBy}'`);
      expect([r.exitCode, r.stdout]).toEqual([1, '']);
      return r.stderr;
    };
    expect(await refused(':')).toBe('ERROR: (gcloud.compute.firewall-rules.list) Non-empty key name expected [*HERE* :].\n');
    expect(await refused('~name.')).toBe('ERROR: (gcloud.compute.firewall-rules.list) Non-empty key name expected [name. *HERE*].\n');
    expect(await refused('name,]x')).toBe('ERROR: (gcloud.compute.firewall-rules.list) Non-empty key name expected [*HERE* ]x].\n');
    expect(await refused('name]')).toBe('ERROR: (gcloud.compute.firewall-rules.list) Unmatched ] in key [*HERE* name]].\n');
  });
});

describe('gcloud errors', () => {
  it('not found, invalid choice, missing NAME, unknown flag, bad format', async () => {
    expect(await run('gcloud compute forwarding-rules describe nope --region us-central1')).toEqual({
      stdout: '',
      stderr:
        "ERROR: (gcloud.compute.forwarding-rules.describe) Could not fetch resource:\n - The resource 'projects/my-project/regions/us-central1/forwardingRules/nope' was not found\n\n",
      exitCode: 1,
    });
    const bad = await run('gcloud compute forwarding-rule list');
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/^ERROR: \(gcloud\.compute\) Invalid choice: 'forwarding-rule'\.\nMaybe you meant:\n {2}gcloud compute forwarding-rules\n/);
    expect(bad.stderr).toContain('To search the help text of gcloud commands, run:\n  gcloud help -- SEARCH_TERMS\n');
    expect((await run('gcloud compute forwarding-rules describe')).stderr).toContain('argument NAME: Must be specified.');
    expect((await run('gcloud compute firewall-rules list --regions us-central1')).stderr).toContain('unrecognized arguments: --regions');
    expect(await run('gcloud compute forwarding-rules list --format=xml')).toMatchObject({
      exitCode: 1,
      stderr: expect.stringContaining('Format [xml] not supported.'),
    });
    expect((await run("gcloud compute forwarding-rules list --filter='name~('")).exitCode).toBe(1);
    expect((await run('gcloud compute forwarding-rules')).stderr).toContain('Command name argument expected.');
  });

  it('--help and version', async () => {
    expect((await run('gcloud compute forwarding-rules list --help')).stdout).toContain('--filter=EXPRESSION');
    expect((await run('gcloud version')).stdout).toMatch(/^Google Cloud SDK \d+\.\d+\.\d+\n/);
  });

  it('hostile input never crashes', async () => {
    for (const line of [
      "gcloud compute forwarding-rules list --format='value('",
      "gcloud compute forwarding-rules list --format='table(a.b.c[5].d.basename().list())'",
      "gcloud compute forwarding-rules list --format='table(name.nosuch())'",
      "gcloud compute forwarding-rules list --filter='((('",
      "gcloud compute forwarding-rules list --filter='name~[' --limit 0",
      `gcloud compute ${'x'.repeat(3000)}`,
      'gcloud compute forwarding-rules list --format',
      'gcloud compute addresses list --format=yaml --sort-by=~name',
    ]) {
      const r = await run(line);
      expect(r.stderr + r.stdout).not.toMatch(/undefined|\[object Object\]|TypeError|Cannot read/);
    }
  });
});

describe('gcloud outside GKE', () => {
  it('answers as a machine without an active account', async () => {
    const eks = createSandbox({ cloud: 'eks' });
    await eks.cloud.ready;
    const r = await eks.exec('gcloud compute forwarding-rules list');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(
      'ERROR: (gcloud.compute.forwarding-rules.list) You do not currently have an active account selected.\nPlease run:\n\n  $ gcloud auth login\n\nto obtain new credentials.\n\nIf you have already logged in with a different account, run:\n\n  $ gcloud config set account ACCOUNT\n\nto select an already authenticated account to use.\n',
    );
  });
});

describe('gcloud with the backend-service load balancer (GKE ≥ 1.37)', () => {
  it('forwarding rule TARGET is the regional backend service; backend-services list shows the NEGs', async () => {
    const rbs = createSandbox({ cloud: 'gke', kubernetesVersion: '1.37.0' });
    await rbs.cloud.ready;
    await rbs.exec(`cat > s.yaml <<'EOF'\n${SERVICE}EOF`);
    await rbs.exec('kubectl apply -f s.yaml');
    await rbs.settle();
    const fr = (await rbs.exec('gcloud compute forwarding-rules list')).stdout.split('\n')[1];
    expect(fr).toMatch(/\s+us-central1\/backendServices\/k8s2-[0-9a-z]{8}-default-web-[0-9a-z]{8}$/);
    const bs = (await rbs.exec('gcloud compute backend-services list')).stdout.split('\n');
    expect(bs[0].split(/\s{2,}/)).toEqual(['NAME', 'BACKENDS', 'PROTOCOL']);
    expect(bs[1]).toMatch(/^k8s2-\S+\s+us-central1-a\/networkEndpointGroups\/k8s2-\S+,.*\s+TCP$/);
    expect((await rbs.exec('gcloud compute health-checks list')).stdout).toMatch(
      /^NAME\s+REGION\s+PROTOCOL\nk8s2-[0-9a-z]{8}-l4-shared-hc\s+us-central1\s+HTTP\n$/,
    );
  });
});

describe('gcloud with an internal load balancer', () => {
  it('forwarding rule with scheme INTERNAL and a subnet IP, instance-group backends, the global health check, both firewalls, a reserved internal address', async () => {
    const ilb = createSandbox({ cloud: 'gke' });
    await ilb.cloud.ready;
    const created = await ilb.exec('gcloud compute addresses create web-ilb --region us-central1 --subnet default --addresses 10.128.0.50');
    expect(created.stderr).toBe('Created [https://www.googleapis.com/compute/v1/projects/my-project/regions/us-central1/addresses/web-ilb].\n');
    const internal = SERVICE.replace('  name: web\n', '  name: web\n  annotations:\n    networking.gke.io/load-balancer-type: "Internal"\n').replace(
      '  type: LoadBalancer\n',
      '  type: LoadBalancer\n  loadBalancerIP: 10.128.0.50\n',
    );
    await ilb.exec(`cat > s.yaml <<'EOF'\n${internal}EOF`);
    await ilb.exec('kubectl apply -f s.yaml');
    await ilb.settle();
    const uid = (await ilb.exec('kubectl get svc web -o jsonpath={.metadata.uid}')).stdout;
    const name = ('a' + uid.replace(/-/g, '')).slice(0, 32);
    const fr = (await ilb.exec('gcloud compute forwarding-rules list')).stdout.split('\n');
    expect(fr[1].split(/\s{2,}/)).toEqual([name, 'us-central1', '10.128.0.50', 'TCP', `us-central1/backendServices/${name}`]);
    expect((await ilb.exec('gcloud compute forwarding-rules list --format="table(name,loadBalancingScheme,IPAddress)"')).stdout).toMatch(
      new RegExp(`^NAME\\s+LOAD_BALANCING_SCHEME\\s+IP_ADDRESS\\n${name}\\s+INTERNAL\\s+10\\.128\\.0\\.50\\n$`),
    );
    const y = (await ilb.exec(`gcloud compute forwarding-rules describe ${name} --region us-central1`)).stdout;
    expect(y).toContain('loadBalancingScheme: INTERNAL\n');
    expect(y).toContain("ports:\n- '80'\n");
    expect(y).toContain('subnetwork: https://www.googleapis.com/compute/v1/projects/my-project/regions/us-central1/subnetworks/default\n');
    expect(y).not.toContain('portRange');
    const id = (await ilb.exec("gcloud compute health-checks list --format='value(name)'")).stdout.trim().replace(/^k8s-|-node$/g, '');
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect((await ilb.exec('gcloud compute backend-services list')).stdout.split('\n')[1].split(/\s{2,}/)).toEqual([
      name,
      ['a', 'b', 'c'].map((z) => `us-central1-${z}/instanceGroups/k8s-ig--${id}`).join(','),
      'TCP',
    ]);
    expect((await ilb.exec('gcloud compute backend-services describe ' + name + ' --region us-central1')).stdout).toContain('loadBalancingScheme: INTERNAL\n');
    // The provider's health check is global: no region in the list; describe without --region finds it.
    expect((await ilb.exec('gcloud compute health-checks list')).stdout.split('\n')[1].split(/\s{2,}/)).toEqual([`k8s-${id}-node`, 'HTTP']);
    expect((await ilb.exec(`gcloud compute health-checks describe k8s-${id}-node`)).stdout).toContain(
      `selfLink: https://www.googleapis.com/compute/v1/projects/my-project/global/healthChecks/k8s-${id}-node\n`,
    );
    expect((await ilb.exec(`gcloud compute backend-services describe ${name}`)).stderr).toContain(
      `The resource 'projects/my-project/global/backendServices/${name}' was not found`,
    );
    const fws = (await ilb.exec("gcloud compute firewall-rules list --format='value(name)' --filter='name~^k8s'")).stdout.split('\n').filter(Boolean);
    expect(fws).toEqual([`k8s-${id}-node-hc`, `k8s-fw-${name}`]);
    const addr = (await ilb.exec('gcloud compute addresses list')).stdout.split('\n');
    expect(addr[0].split(/\s{2,}/)).toEqual(['NAME', 'ADDRESS/RANGE', 'TYPE', 'PURPOSE', 'NETWORK', 'REGION', 'SUBNET', 'STATUS']);
    expect(addr[1].split(/\s+/)).toEqual(['web-ilb', '10.128.0.50', 'INTERNAL', 'GCE_ENDPOINT', 'us-central1', 'default', 'IN_USE']);
    const igs = (await ilb.exec('gcloud compute instance-groups list')).stdout.split('\n');
    expect(igs[0].split(/\s{2,}/)).toEqual(['NAME', 'LOCATION', 'SCOPE', 'NETWORK', 'MANAGED', 'INSTANCES']);
    expect(igs[1].split(/\s{2,}/)).toEqual([`k8s-ig--${id}`, 'us-central1-a', 'zone', 'default', 'No', '1']);
    expect((await ilb.exec(`gcloud compute instance-groups describe k8s-ig--${id} --zone us-central1-b`)).stdout).toContain('size: 1\n');
  });

  it('addresses create refuses what the API refuses', async () => {
    const g = createSandbox({ cloud: 'gke' });
    await g.cloud.ready;
    await g.exec('gcloud compute addresses create one --region us-central1 --subnet default');
    const again = await g.exec('gcloud compute addresses create one --region us-central1 --subnet default');
    expect([again.exitCode, again.stderr]).toEqual([
      1,
      "ERROR: (gcloud.compute.addresses.create) Could not fetch resource:\n - The resource 'projects/my-project/regions/us-central1/addresses/one' already exists\n",
    ]);
    expect((await g.exec('gcloud compute addresses create two --region us-central1 --subnet default --addresses 10.1.0.2')).stderr).toContain(
      "Invalid value for field 'resource.address': '10.1.0.2'. Requested internal IP is outside the network/subnetwork range.",
    );
    expect((await g.exec('gcloud compute addresses create three --subnet nope')).stderr).toContain(
      "The resource 'projects/my-project/regions/us-central1/subnetworks/nope' was not found",
    );
    expect((await g.exec('gcloud compute addresses create')).exitCode).toBe(2);
    const outside = createSandbox({ cloud: 'aks' });
    expect((await outside.exec('gcloud compute addresses create x --region us-central1')).stderr).toContain(
      'You do not currently have an active account selected.',
    );
  });
});

describe('gcloud describe layouts seen in real output', () => {
  it('firewall-rules describe: allowed ports quoted, logConfig, sorted keys; http-health-checks host', async () => {
    const y = (await run(`gcloud compute firewall-rules describe k8s-fw-${lb}`)).stdout;
    expect(y).toMatch(/^allowed:\n- IPProtocol: tcp\n {2}ports:\n {2}- '80'\ncreationTimestamp: '/);
    expect(y).toContain('\ndirection: INGRESS\ndisabled: false\n');
    expect(y).toContain('\nlogConfig:\n  enable: false\n');
    expect(y).toContain('\nsourceRanges:\n- 0.0.0.0/0\n');
    const hc = (await run("gcloud compute http-health-checks list --format='value(name)'")).stdout.trim();
    expect((await run(`gcloud compute http-health-checks describe ${hc}`)).stdout).toContain("\nhost: ''\n");
  });
});
