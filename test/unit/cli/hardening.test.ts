/**
 * Regression tests for what the fuzzer (test/unit/fuzz) found: each input once crashed, hung or
 * printed a message no real tool prints.
 */
import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../../src/sim/index';

const run = (line: string, stdin?: string) => createSandbox().exec(line, stdin === undefined ? {} : { stdin });

describe('shell', () => {
  it('printf with arguments but no conversion prints the format once (it looped forever)', async () => {
    expect(await run('printf myip 0 web redis-lb')).toEqual({ stdout: 'myip', stderr: '', exitCode: 0 });
    expect((await run("printf '%s-' a b c")).stdout).toBe('a-b-c-');
  });
});

describe('kubectl apply: type meta that is not a string', () => {
  const svc = (apiVersion: string) => `apiVersion: ${apiVersion}\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n`;
  it('an apiVersion map is the API server decoding error, not "[object Object]"', async () => {
    const r = await run('kubectl apply -f -', svc('{}'));
    expect(r.stderr).toBe(
      'Error from server (BadRequest): error when creating "STDIN": couldn\'t get version/kind; json parse error: json: cannot unmarshal object into Go struct field .apiVersion of type string\n',
    );
    expect(r.exitCode).toBe(1);
  });
  it('a list or a number the same way', async () => {
    expect((await run('kubectl create -f -', svc('[v1]'))).stderr).toContain('cannot unmarshal array into Go struct field .apiVersion of type string');
    expect((await run('kubectl apply -f -', svc('1'))).stderr).toContain('cannot unmarshal number into Go struct field .apiVersion of type string');
  });
  it('a kind that is not a string is a missing kind', async () => {
    const r = await run('kubectl apply -f -', 'apiVersion: v1\nkind: {a: 1}\nmetadata:\n  name: x\n');
    expect(r.stderr).toBe('error: unable to decode "STDIN": Object \'Kind\' is missing in \'{"apiVersion":"v1","kind":{"a":1},"metadata":{"name":"x"}}\'\n');
  });
});

describe('kubectl apply: metadata that is not a string', () => {
  it('a map as name reads as "" on the client (as unstructured.GetName does)', async () => {
    const r = await run('kubectl apply -f -', 'apiVersion: networking.k8s.io/v1beta1\nkind: Ingress\nmetadata:\n  name:\n    a: b\n');
    expect(r.stderr).toBe(
      'error: resource mapping not found for name: "" namespace: "" from "STDIN": no matches for kind "Ingress" in version "networking.k8s.io/v1beta1"\nensure CRDs are installed first\n',
    );
  });
});

describe('decoding errors name the Go struct that holds the field (as encoding/json does)', () => {
  const svc = (meta: string, ports: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n${meta}spec:\n  ports:\n${ports}`;
  const prefix = 'Error from server (BadRequest): error when creating "STDIN": Service in version "v1" cannot be handled as a Service: json: ';
  it('a port given as a string: ServicePort.spec.ports.port', async () => {
    expect((await run('kubectl apply -f -', svc('', '  - port: "80"\n'))).stderr).toBe(
      prefix + 'cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32\n',
    );
  });
  it('an annotation value that is a number: ObjectMeta.metadata.annotations of type string (map keys are not fields)', async () => {
    const r = await run('kubectl apply -f -', svc('  annotations:\n    service.beta.kubernetes.io/azure-dns-label-name: 0\n', '  - port: 80\n'));
    expect(r.stderr).toBe(prefix + 'cannot unmarshal number into Go struct field ObjectMeta.metadata.annotations of type string\n');
  });
  it('a struct given as a scalar, and a list item that is not an object', async () => {
    expect((await run('kubectl apply -f -', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec: true\n')).stderr).toBe(
      prefix + 'cannot unmarshal bool into Go struct field Service.spec of type v1.ServiceSpec\n',
    );
    expect((await run('kubectl apply -f -', svc('', '  - 80\n'))).stderr).toBe(
      prefix + 'cannot unmarshal number into Go struct field ServiceSpec.spec.ports of type v1.ServicePort\n',
    );
  });
  it('annotations that are not a map: apply replaces them (kubectl writes last-applied), create sends them', async () => {
    const yaml = svc('  annotations: -987\n', '  - port: 80\n');
    expect(await run('kubectl apply -f -', yaml)).toEqual({ stdout: 'service/web created\n', stderr: '', exitCode: 0 });
    expect((await run('kubectl create -f -', yaml)).stderr).toBe(
      prefix + 'cannot unmarshal number into Go struct field ObjectMeta.metadata.annotations of type map[string]string\n',
    );
  });
});

describe('kubectl apply: a List item without a string kind', () => {
  it('stops the stream like a document without kind', async () => {
    const r = await run(
      'kubectl apply -f -',
      'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Namespace\n  metadata:\n    name: shop\n- apiVersion: v1\n  kind: {}\n  metadata:\n    name: cfg\n',
    );
    expect(r.stdout).toBe('namespace/shop created\n');
    expect(r.stderr).toBe('error: unable to decode "STDIN": Object \'Kind\' is missing in \'{"apiVersion":"v1","kind":{},"metadata":{"name":"cfg"}}\'\n');
  });
});

describe('kubectl: an empty resource type', () => {
  it('is an unknown resource type, not a crash', async () => {
    expect(await run("kubectl expose ''")).toEqual({ stdout: '', stderr: 'error: the server doesn\'t have a resource type ""\n', exitCode: 1 });
    expect((await run('kubectl get svc,,pods')).stderr).toBe('error: the server doesn\'t have a resource type ""\n');
  });
});

describe('null fields decode as unset (Go zero values)', () => {
  it('loadBalancerIP: null is no loadBalancerIP (it crashed validation)', async () => {
    const sb = createSandbox();
    const r = await sb.exec('kubectl apply -f -', {
      stdin:
        'apiVersion: v1\nkind: Service\nmetadata:\n  name: jvb\nspec:\n  type: LoadBalancer\n  loadBalancerIP: null\n  ports:\n  - port: 10000\n    protocol: UDP\n',
    });
    expect(r).toEqual({ stdout: 'service/jvb created\n', stderr: '', exitCode: 0 });
    expect((await sb.exec('kubectl get svc jvb -o jsonpath={.spec.loadBalancerIP}')).stdout).toBe('');
  });
});

describe('kubectl explain with an empty type', () => {
  it("'..' is an unknown resource type (it crashed)", async () => {
    expect(await run("kubectl explain '..'")).toEqual({ stdout: '', stderr: 'error: the server doesn\'t have a resource type ""\n', exitCode: 1 });
  });
});

describe('an anchor whose value contains its own alias', () => {
  it('is refused as go-yaml does, not a stack overflow', async () => {
    const r = await run(
      'kubectl apply -f -',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: x\n    readinessProbe: &probe\n      exec:\n        command: [true]\n      again: *probe\n',
    );
    expect(r).toEqual({
      stdout: 'configmap/ok created\n',
      stderr: "error: error parsing STDIN: error converting YAML to JSON: yaml: anchor 'probe' value contains itself\n",
      exitCode: 1,
    });
  });
});

describe('self-referencing anchors outside manifests', () => {
  it('kubectl patch -p and helm -f values refuse them with go-yaml words', async () => {
    const sb = createSandbox();
    await sb.exec('kubectl create deployment web --image=nginx');
    const patch = await sb.exec(`kubectl patch deployment web -p '{spec: &s {x: *s}}'`);
    expect(patch.stderr).toBe(`error: unable to parse "{spec: &s {x: *s}}": yaml: anchor 's' value contains itself\n`);
    await sb.exec("cat > v.yaml <<'EOF'\ncontroller: &c\n  again: *c\nEOF");
    await sb.exec('helm repo add ingress-nginx https://kubernetes.github.io/ingress-nginx');
    const helm = await sb.exec('helm install ingress-nginx ingress-nginx/ingress-nginx -f v.yaml');
    expect(helm.stderr).toBe("Error: INSTALLATION FAILED: failed to parse v.yaml: anchor 'c' value contains itself\n");
  });
});

describe('kubectl patch --type=json: operations that do not decode', () => {
  const svc = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n';
  const patched = async (patch: string) => {
    const sb = createSandbox();
    await sb.exec('kubectl apply -f -', { stdin: svc });
    return sb.exec(`kubectl patch svc web --type=json -p ${patch}`);
  };

  it("a shell that ate the quotes (keys such as op:add) gets json-patch's words, not a crash", async () => {
    // bash turns -p [{"op":"add",...}] into [{op:add,...}]: one YAML key per pair, no "op" at all.
    const r = await patched('[{"op":"replace","path":"/spec/type","value":"NodePort"}]');
    expect(r.stderr).not.toMatch(/Cannot read|undefined/);
    expect(r.stderr).toContain('Unexpected kind: unknown');
    expect(r.exitCode).toBe(1);
  });

  it('an operation without a path, or an op that is not an object, says which', async () => {
    expect((await patched(`'[{"op":"add","value":1}]'`)).stderr).toContain('add operation failed to decode path: missing value');
    expect((await patched(`'[{"op":"move","path":"/spec/x"}]'`)).stderr).toContain('move operation failed to decode from: missing value');
    expect((await patched(`'["add"]'`)).stderr).toContain('json: cannot unmarshal string into Go value of type jsonpatch.Operation');
    expect((await patched(`'{"op":"add"}'`)).stderr).toContain('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
    expect((await patched(`'[{"op":"remove","path":"/spec/nope/x"}]'`)).stderr).toContain(
      'remove operation does not apply: doc is missing path: "/spec/nope/x": missing value',
    );
  });

  it('move and copy work as RFC 6902 says', async () => {
    const sb = createSandbox();
    await sb.exec('kubectl apply -f -', { stdin: svc });
    const r = await sb.exec(
      `kubectl patch svc web --type=json -p '[{"op":"add","path":"/metadata/annotations","value":{"a":"1"}},{"op":"copy","from":"/metadata/name","path":"/metadata/annotations/n"},{"op":"move","from":"/metadata/annotations/a","path":"/metadata/annotations/b"}]'`,
    );
    expect(r.stderr).toBe('');
    const annotations = await sb.exec(`kubectl get svc web -o jsonpath='{.metadata.annotations}'`);
    expect(JSON.parse(annotations.stdout)).toMatchObject({ b: '1', n: 'web' });
    expect(JSON.parse(annotations.stdout)).not.toHaveProperty('a');
  });
});

describe('kubectl patch -o', () => {
  it('prints the patched object (yaml, json) or its name, as the other writing commands do', async () => {
    const sb = createSandbox();
    await sb.exec('kubectl create service clusterip web --tcp=80:80');
    const yaml = await sb.exec(`kubectl patch svc web -p '{"metadata":{"labels":{"tier":"front"}}}' -o yaml`);
    expect(yaml.stdout).toMatch(/^apiVersion: v1\nkind: Service\n/);
    expect(yaml.stdout).toContain('    tier: front\n');
    expect(yaml.stdout).not.toContain('managedFields');
    const json = await sb.exec(`kubectl patch svc web -p '{"metadata":{"labels":{"tier":"back"}}}' -o json`);
    expect(JSON.parse(json.stdout).metadata.labels.tier).toBe('back');
    expect((await sb.exec(`kubectl patch svc web -p '{}' -o name`)).stdout).toBe('service/web\n');
    // The printer is chosen before anything is written: an unknown -o patches nothing.
    const wide = await sb.exec(`kubectl patch svc web -p '{"metadata":{"labels":{"tier":"x"}}}' -o wide`);
    expect(wide.stderr).toContain('unable to match a printer suitable for the output format "wide"');
    expect((await sb.exec(`kubectl get svc web -o jsonpath='{.metadata.labels.tier}'`)).stdout).toBe('back');
    // create and expose the same way: nothing is created.
    expect((await sb.exec('kubectl create namespace team -o wide')).stderr).toContain('output format "wide"');
    expect((await sb.exec('kubectl get namespace team')).stderr).toContain('not found');
    expect((await sb.exec('kubectl expose svc web --name=web2 --port=80 -o wide')).stderr).toContain('output format "wide"');
    expect((await sb.exec('kubectl get svc web2')).stderr).toContain('not found');
  });
});
