import { beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * The validators of rarely written kinds load on first need (issue 15): a fresh module graph per
 * test, so each starts with only the common validators, as the lab does.
 */
async function fresh() {
  vi.resetModules();
  const sim = await import('../../../src/sim/index');
  const schemas = await import('../../../src/sim/kube/schemas');
  return { sandbox: sim.createSandbox(), schemas };
}

const ingressWithTypo = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  ingressClassName: nginx
  rulez: []
`;

const service = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: { app: web }
  ports:
  - port: 80
`;

describe('validators of rarely used kinds', () => {
  beforeEach(() => vi.resetModules());

  it('the rare table and its key list agree, and neither repeats a common kind', async () => {
    const { SCHEMAS, RARE_SCHEMA_KEYS } = await import('../../../src/sim/kube/schemas');
    const { RARE_SCHEMAS } = await import('../../../src/sim/kube/schemas-rare');
    expect([...RARE_SCHEMA_KEYS].sort()).toEqual(Object.keys(RARE_SCHEMAS).sort());
    for (const key of RARE_SCHEMA_KEYS) expect(SCHEMAS[key], key).toBeUndefined();
  });

  it('a Service applied through exec does not load them', async () => {
    const { sandbox, schemas } = await fresh();
    const r = await sandbox.exec('kubectl apply -f -', { stdin: service });
    expect(r.stdout).toBe('service/web created\n');
    expect(schemas.rareSchemasLoaded()).toBe(false);
  });

  it('an Ingress through exec is checked as strictly as before: they load first', async () => {
    const { sandbox, schemas } = await fresh();
    const r = await sandbox.exec('kubectl apply -f -', { stdin: ingressWithTypo });
    expect(r.stderr).toBe(
      'Error from server (BadRequest): error when creating "STDIN": Ingress in version "v1" cannot be handled as a Ingress: strict decoding error: unknown field "spec.rulez"\n',
    );
    expect(schemas.rareSchemasLoaded()).toBe(true);
  });

  it('a manifest in a file written by an earlier command, or piped in, loads them too', async () => {
    let { sandbox } = await fresh();
    await sandbox.exec(`cat > ing.yaml <<'EOF'\n${ingressWithTypo}EOF`);
    let r = await sandbox.exec('kubectl apply -f ing.yaml');
    expect(r.stderr).toContain('strict decoding error: unknown field "spec.rulez"');
    ({ sandbox } = await fresh());
    await sandbox.exec(`cat > ing.yaml <<'EOF'\n${ingressWithTypo}EOF`);
    r = await sandbox.exec('cat ing.yaml | kubectl apply -f -');
    expect(r.stderr).toContain('strict decoding error: unknown field "spec.rulez"');
  });

  it('a valid rare object is created as before (create, then patch by its short name)', async () => {
    const { sandbox } = await fresh();
    const role =
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: reader\nrules:\n- apiGroups: [""]\n  resources: [pods]\n  verbs: [get]\n';
    expect(await sandbox.exec('kubectl create -f -', { stdin: role })).toMatchObject({
      stdout: 'role.rbac.authorization.k8s.io/reader created\n',
      exitCode: 0,
    });
    const { sandbox: second, schemas } = await fresh();
    await second.exec('kubectl create deployment web --image=nginx');
    expect(schemas.rareSchemasLoaded()).toBe(false);
    const hpa =
      'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  maxReplicas: 3\n';
    expect(await second.exec('kubectl apply -f -', { stdin: hpa })).toMatchObject({ stdout: 'horizontalpodautoscaler.autoscaling/web created\n', exitCode: 0 });
    expect(await second.exec(`kubectl patch hpa web --type=merge -p '{"spec":{"maxReplicas":"x"}}'`)).toMatchObject({
      stderr: expect.stringContaining('json: cannot unmarshal string into Go struct field'),
      exitCode: 1,
    });
  });

  it('a write of a rare kind that bypassed exec fails loudly instead of skipping the checks', async () => {
    const { sandbox } = await fresh();
    expect(() => sandbox.kube.create({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'x' }, spec: {} })).toThrow(/not loaded/);
  });
});

describe('mayWriteRareKind', () => {
  it('says yes for rare kinds, generators, helm, pipes and files naming one; no for common work', async () => {
    const { mayWriteRareKind } = await import('../../../src/sim/kube/rare-kinds');
    const yes = [
      ['kubectl create ingress web --rule=a/=b:80', undefined, []],
      ['kubectl get ing', undefined, []],
      ['kubectl apply -f -', 'kind: NetworkPolicy', []],
      ['cat x.yaml | kubectl apply -f -', '', ['kind: Service']],
      ['kubectl apply -f x.yaml', undefined, ['kind: CronJob']],
      ['kubectl apply -f https://example.com/x.yaml', undefined, []],
      ['helm install web ./chart', undefined, []],
      ['kubectl autoscale deploy web --max=2', undefined, []],
      ['kubectl scale sts/db --replicas=2', undefined, []],
    ] as const;
    const no = [
      ['kubectl get svc -A', undefined, ['kind: Ingress']],
      ['kubectl apply -f -', service, ['kind: Ingress']],
      ['kubectl apply -f x.yaml', undefined, [service]],
      ['kubectl create deployment web --image=nginx', undefined, []],
      ['az network public-ip list -o table', undefined, []],
    ] as const;
    for (const [line, stdin, files] of yes) expect(mayWriteRareKind(line, stdin, files), line).toBe(true);
    for (const [line, stdin, files] of no) expect(mayWriteRareKind(line, stdin, files), line).toBe(false);
  });
});
