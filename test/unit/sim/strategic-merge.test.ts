/**
 * Strategic merge patch and kubectl apply's three-way patch, seen through the lab's kubectl:
 * the directives real kubectl sends ($setElementOrder, $patch, $retainKeys,
 * $deleteFromPrimitiveList) and fields removed from keyed list items on re-apply.
 */
import { describe, expect, it } from 'vitest';
import { sandbox } from './helpers';

const svc = (ports: string) => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
${ports}`;

type Sb = ReturnType<typeof sandbox>;
const jp = async (sb: Sb, kind: string, path: string) => (await sb.exec(`kubectl get ${kind} web -o jsonpath='${path}'`)).stdout;

/** `kubectl patch <kind> web -p <patch>` must succeed; returns what `path` reads afterwards. */
async function patchThenRead(sb: Sb, kind: string, patch: object, path: string): Promise<string> {
  const r = await sb.exec(`kubectl patch ${kind} web -p '${JSON.stringify(patch)}'`);
  expect(r.stderr + `[exit ${r.exitCode}]`).toBe('[exit 0]');
  return jp(sb, kind, path);
}

describe('strategic merge patch', () => {
  it('re-apply removes a field dropped from a keyed item (targetPort) and keeps server-set ones', async () => {
    const sb = sandbox();
    await sb.exec('kubectl apply -f -', { stdin: svc('  - name: http\n    port: 80\n    targetPort: 8080\n') });
    const clusterIP = await jp(sb, 'svc', '{.spec.clusterIP}');
    const r = await sb.exec('kubectl apply -f -', { stdin: svc('  - name: http\n    port: 80\n') });
    expect(r.stdout).toBe('service/web configured\n');
    // targetPort is defaulted again from port once the user stops setting it.
    expect(await jp(sb, 'svc', '{.spec.ports[0].targetPort}')).toBe('80');
    expect(await jp(sb, 'svc', '{.spec.clusterIP}')).toBe(clusterIP);
    const last = JSON.parse(await jp(sb, 'svc', '{.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}')) as { metadata: unknown };
    expect(last.metadata).toEqual({ annotations: {}, name: 'web', namespace: 'default' });
  });

  it('orders merged items by $setElementOrder and deletes with $patch: delete', async () => {
    const sb = sandbox();
    await sb.exec('kubectl apply -f -', { stdin: svc('  - name: a\n    port: 80\n  - name: b\n    port: 81\n') });
    const order = { '$setElementOrder/ports': [{ port: 82 }, { port: 81 }, { port: 80 }], ports: [{ name: 'c', port: 82 }] };
    expect(await patchThenRead(sb, 'svc', { spec: order }, '{.spec.ports[*].port}')).toBe('82 81 80');
    expect(await patchThenRead(sb, 'svc', { spec: { ports: [{ port: 81, $patch: 'delete' }] } }, '{.spec.ports[*].name}')).toBe('c a');
  });

  it('replaces a map with $patch: replace and a list with a replace item', async () => {
    const sb = sandbox();
    await sb.exec('kubectl apply -f -', { stdin: svc('  - name: a\n    port: 80\n  - name: b\n    port: 81\n') });
    expect(await patchThenRead(sb, 'svc', { spec: { selector: { $patch: 'replace', tier: 'db' } } }, '{.spec.selector}')).toBe('{"tier":"db"}');
    expect(await patchThenRead(sb, 'svc', { spec: { ports: [{ $patch: 'replace' }, { name: 'z', port: 90 }] } }, '{.spec.ports[*].name}')).toBe('z');
  });

  it('clears keys not listed in $retainKeys (a Deployment switched to Recreate)', async () => {
    const sb = sandbox();
    const deploy = (strategy: string) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n${strategy}  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n`;
    await sb.exec('kubectl apply -f -', { stdin: deploy('') });
    expect(await jp(sb, 'deploy', '{.spec.strategy}')).toBe('{"rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"},"type":"RollingUpdate"}');
    await sb.exec('kubectl apply -f -', { stdin: deploy('  strategy:\n    type: Recreate\n') });
    expect(await jp(sb, 'deploy', '{.spec.strategy}')).toBe('{"type":"Recreate"}');
  });

  it('removes finalizers with $deleteFromPrimitiveList and merges them as a set', async () => {
    const sb = sandbox();
    await sb.exec('kubectl apply -f -', { stdin: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n' });
    const finalizers = '{.metadata.finalizers}';
    await patchThenRead(sb, 'configmap', { metadata: { finalizers: ['a/x', 'a/y'] } }, finalizers);
    expect(await patchThenRead(sb, 'configmap', { metadata: { finalizers: ['a/x', 'a/z'] } }, finalizers)).toBe('["a/x","a/y","a/z"]');
    expect(await patchThenRead(sb, 'configmap', { metadata: { '$deleteFromPrimitiveList/finalizers': ['a/y'] } }, finalizers)).toBe('["a/x","a/z"]');
  });

  it('refuses a keyed item without its merge key, as the API server does', async () => {
    const sb = sandbox();
    await sb.exec('kubectl apply -f -', { stdin: svc('  - name: a\n    port: 80\n') });
    const r = await sb.exec(`kubectl patch svc web -p '{"spec":{"ports":[{"name":"x"}]}}'`);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('Error from server (BadRequest): map: map[name:x] does not contain declared merge key: port\n');
    // Nested values print as Go's %v does, keys sorted (seen by the fuzzer as `resources:[object Object]`).
    const nested = await sb.exec(
      `kubectl patch svc web -p '{"spec":{"ports":[{"targetPort":8080,"name":"y","appProtocol":null,"x":{"b":[1,"two"],"a":true}}]}}'`,
    );
    expect(nested.stderr).toBe(
      'Error from server (BadRequest): map: map[appProtocol:<nil> name:y targetPort:8080 x:map[a:true b:[1 two]]] does not contain declared merge key: port\n',
    );
  });
});
