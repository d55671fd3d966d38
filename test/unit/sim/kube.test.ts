/** Kubernetes-side models: Endpoints/EndpointSlices from selectors, namespace termination, decoding. */
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/sim/kube/types';
import { applyYaml, ok, sandbox, serviceYaml } from './helpers';

type Slice = KubeObject & {
  addressType: string;
  endpoints?: { addresses: string[]; conditions: { ready: boolean }; targetRef: { name: string } }[];
  ports?: { name: string; port: number; protocol: string }[];
};

describe('EndpointSlices and Endpoints', () => {
  it('one IPv4 slice per selector Service, labelled and owned by it, listing the ready Pods', async () => {
    const sb = sandbox();
    await ok(sb, 'kubectl create deployment web --image=nginx --replicas=2');
    await applyYaml(sb, serviceYaml('web', { ports: '  - port: 80\n    targetPort: 8080\n' }));
    await sb.advance(1000);
    let [slice] = sb.kube.list('EndpointSlice') as Slice[];
    expect(slice.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(slice.metadata.labels).toMatchObject({
      'kubernetes.io/service-name': 'web',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
    });
    expect(slice.metadata.ownerReferences).toEqual([
      expect.objectContaining({ kind: 'Service', name: 'web', uid: sb.kube.get('Service', 'web', 'default').metadata.uid, controller: true }),
    ]);
    expect(slice.addressType).toBe('IPv4');
    expect(slice.ports).toEqual([{ name: '', port: 8080, protocol: 'TCP' }]);
    expect(slice.endpoints!.map((e) => e.conditions.ready)).toEqual([false, false]);
    await sb.settle();
    [slice] = sb.kube.list('EndpointSlice') as Slice[];
    const pods = sb.kube.list('Pod').map((p) => [(p.status as { podIP: string }).podIP, p.metadata.name]);
    expect(slice.endpoints!.map((e) => [e.addresses[0], e.targetRef.name]).sort()).toEqual(pods.sort());
    expect(slice.endpoints!.every((e) => e.conditions.ready)).toBe(true);
    expect(await ok(sb, 'kubectl get endpoints web -o jsonpath={.subsets[0].addresses[*].ip}')).toBe(slice.endpoints!.map((e) => e.addresses[0]).join(' '));

    await ok(sb, 'kubectl delete svc web');
    await sb.settle();
    expect(sb.kube.list('EndpointSlice')).toEqual([]);
    expect(sb.kube.list('Endpoints').map((e) => e.metadata.name)).not.toContain('web');
  });

  it('no matching Pods: a placeholder slice without endpoints; no selector: no slice', async () => {
    const sb = sandbox();
    await applyYaml(sb, serviceYaml('lonely'));
    await applyYaml(sb, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: manual\nspec:\n  ports:\n  - port: 80\n');
    await sb.settle();
    const slices = sb.kube.list('EndpointSlice') as Slice[];
    expect(slices.map((s) => s.metadata.labels!['kubernetes.io/service-name'])).toEqual(['lonely']);
    expect(slices[0].endpoints).toBeUndefined();
  });
});

describe('namespace deletion', () => {
  it('Terminating while its LoadBalancer Service is cleaned up, then gone with everything in it', async () => {
    const sb = sandbox();
    await ok(sb, 'kubectl create namespace shop');
    await ok(sb, 'kubectl create deployment web --image=nginx -n shop');
    await applyYaml(sb, serviceYaml('web', { namespace: 'shop' }));
    await sb.settle();
    const pipCount = sb.arm.list({ type: 'Microsoft.Network/publicIPAddresses' }).length;
    await ok(sb, 'kubectl delete namespace shop --wait=false');
    expect(await ok(sb, 'kubectl get ns shop')).toMatch(/^NAME\s+STATUS\s+AGE\nshop\s+Terminating\s+\d+s\n$/);
    const refused = await sb.exec('kubectl apply -f -', { stdin: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: shop\n' });
    expect(refused.stderr).toBe(
      'Error from server (Forbidden): error when creating "STDIN": namespaces "shop" is forbidden: unable to create new content in namespace shop because it is being terminated\n',
    );
    await sb.advance(1000);
    // Contents are going; the Service waits for the cloud provider (finalizer).
    expect(sb.kube.peek('Deployment', 'web', 'shop')).toBeUndefined();
    expect(sb.kube.peek('Service', 'web', 'shop')?.metadata.deletionTimestamp).toBeDefined();
    expect(sb.kube.peek('Namespace', 'shop')).toBeDefined();
    await sb.settle();
    expect((await sb.exec('kubectl get ns shop')).stderr).toBe('Error from server (NotFound): namespaces "shop" not found\n');
    expect(sb.kube.namespaceContents('shop')).toEqual([]);
    expect(sb.arm.list({ type: 'Microsoft.Network/publicIPAddresses' }).length).toBe(pipCount - 1);
    // kubectl delete waits (--wait=true) until the namespace is gone.
    await ok(sb, 'kubectl create namespace shop');
    expect(await ok(sb, 'kubectl delete namespace shop')).toBe('namespace "shop" deleted\n');
    expect(sb.kube.peek('Namespace', 'shop')).toBeUndefined();
  });
});

describe('decoding and validation wording', () => {
  it('a Deployment without selector is a validation error (Required value), not a decoding error', async () => {
    const sb = sandbox();
    const r = await sb.exec('kubectl apply -f -', {
      stdin:
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n    metadata:\n      labels:\n        app: d\n    spec:\n      containers:\n      - name: c\n        image: nginx\n',
    });
    // One failing document goes through kubectl's CheckErr: the bullet-list form.
    expect(r.stderr).toBe(
      'The Deployment "d" is invalid: \n* spec.selector: Required value\n* spec.template.metadata.labels: Invalid value: map[string]string{"app":"d"}: `selector` does not match template `labels`\n',
    );
  });

  it('a malformed quantity gets the quantity message; unknown fields are strict decoding errors', async () => {
    const sb = sandbox();
    const pvc = await sb.exec('kubectl apply -f -', {
      stdin:
        'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: p\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 50MiB\n',
    });
    expect(pvc.stderr).toBe(
      `Error from server (BadRequest): error when creating "STDIN": PersistentVolumeClaim in version "v1" cannot be handled as a PersistentVolumeClaim: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'\n`,
    );
    const svc = await sb.exec('kubectl apply -f -', { stdin: serviceYaml('s', { spec: '  foo: 1\n' }) });
    expect(svc.stderr).toBe(
      'Error from server (BadRequest): error when creating "STDIN": Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.foo"\n',
    );
  });
});
