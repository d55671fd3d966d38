/**
 * Resource limits (issue 8): oversized, deeply nested or hostile input gets the real tools'
 * refusal. These tests assert the messages only; the handling times are in bench/limits.bench.ts.
 */
import { describe, expect, it } from 'vitest';
import { eventsOf, NODE_RG, P, sandbox, serviceYaml } from './helpers';

const exec = (line: string, stdin?: string) => sandbox().exec(line, stdin === undefined ? {} : { stdin });
const configMap = (name: string, data: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  a: ${data}\n`;
const TOO_LARGE = 'Error from server (RequestEntityTooLarge): error when creating "STDIN": Request entity too large: limit is 3145728\n';

describe('request size', () => {
  it('a 10 MB document is refused with the API server 413, without parsing it', async () => {
    expect(await exec('kubectl apply -f -', configMap('big', 'x'.repeat(10 * 1024 * 1024)))).toEqual({ stdout: '', stderr: TOO_LARGE, exitCode: 1 });
  });
  it('documents of a big stream are judged one by one: small ones apply, the big one is refused', async () => {
    const r = await exec('kubectl apply -f -', [configMap('a', 'b'), configMap('big', 'x'.repeat(4 * 1024 * 1024)), configMap('c', 'd')].join('---\n'));
    expect(r.stdout).toBe('configmap/a created\nconfigmap/c created\n');
    expect(r.stderr).toBe(TOO_LARGE);
  });
  it('apply doubles the body (last-applied): a 2 MB object is too large for apply, fine for create', async () => {
    const yaml = configMap('two', 'x'.repeat(2 * 1024 * 1024));
    expect((await exec('kubectl apply -f -', yaml)).stderr).toBe(TOO_LARGE);
    expect((await exec('kubectl create -f -', yaml)).stdout).toBe('configmap/two created\n');
  });
  it('apply of an object over 256 KiB: the last-applied annotation is too long', async () => {
    expect((await exec('kubectl apply -f -', configMap('mid', 'y'.repeat(300_000)))).stderr).toBe(
      'The ConfigMap "mid" is invalid: metadata.annotations: Too long: must have at most 262144 bytes\n',
    );
    expect((await exec('kubectl create -f -', configMap('mid', 'y'.repeat(300_000)))).exitCode).toBe(0);
  });
});

describe('documents and nesting', () => {
  it('10,000 documents apply, one line each', async () => {
    const r = await exec('kubectl apply -f -', Array.from({ length: 10_000 }, (_, i) => configMap(`c${i}`, 'v')).join('---\n'));
    expect(r.exitCode).toBe(0);
    expect(r.stdout.split('\n').filter(Boolean).length).toBe(10_000);
    expect(r.stdout.endsWith('configmap/c9999 created\n')).toBe(true);
  });
  it('100 levels of nesting parse; the decoder names the field', async () => {
    const deep =
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata:\n' +
      Array.from({ length: 100 }, (_, i) => ' '.repeat(2 * i + 2) + `k${i}:\n`).join('') +
      ' '.repeat(202) +
      'v\n';
    expect((await exec('kubectl apply -f -', deep)).stderr).toBe(
      'Error from server (BadRequest): error when creating "STDIN": ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal object into Go struct field ConfigMap.data of type string\n',
    );
  });
  it('10,000 levels (flow or block) stop at the lab parser limit with go-yaml wording; earlier documents apply', async () => {
    const flow = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\n  annotations:\n    a: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`;
    const r = await exec('kubectl apply -f -', configMap('first', 'ok') + '---\n' + flow);
    expect(r.stdout).toBe('configmap/first created\n');
    expect(r.stderr).toBe('error: error parsing STDIN: error converting YAML to JSON: yaml: line 6: exceeded max depth of 500\n');
    const block =
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata:\n' +
      Array.from({ length: 1000 }, (_, i) => ' '.repeat(i + 1) + `k${i}:\n`).join('') +
      ' '.repeat(1001) +
      'v\n';
    expect((await exec('kubectl apply -f -', block)).stderr).toMatch(
      /^error: error parsing STDIN: error converting YAML to JSON: yaml: line \d+: exceeded max depth of 500\n$/,
    );
  });
  it('the alias bomb stays refused', async () => {
    const bomb =
      'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\nkind: ConfigMap\n';
    expect((await exec('kubectl apply -f -', bomb)).stderr).toBe(
      'error: error parsing STDIN: error converting YAML to JSON: yaml: document contains excessive aliasing\n',
    );
  });
  it('a 5 MB line through the shell is just text', async () => {
    expect((await exec(`echo ${'z'.repeat(5_000_000)} | wc -c`)).stdout).toBe('5000001\n');
  });
});

describe('names, labels and annotations (the API server validation text)', () => {
  const svc = (name: string, meta = '') => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n${meta}spec:\n  ports:\n  - port: 80\n`;
  it('a Service name over 63 characters, any name over 253', async () => {
    expect((await exec('kubectl apply -f -', svc('a'.repeat(64)))).stderr).toBe(
      `The Service "${'a'.repeat(64)}" is invalid: metadata.name: Invalid value: "${'a'.repeat(64)}": must be no more than 63 characters\n`,
    );
    expect((await exec('kubectl apply -f -', configMap('b'.repeat(254), 'x'))).stderr).toContain(
      `metadata.name: Invalid value: "${'b'.repeat(254)}": must be no more than 253 characters`,
    );
  });
  it('control characters, NUL and RTL overrides in a name are escaped as Go %q does, and refused', async () => {
    const r = await exec('kubectl apply -f -', svc('"we\\u202eb\\u0000\\x1b[31m"'));
    expect(r.stderr).toBe(
      `The Service "we\\u202eb\\x00\\x1b[31m" is invalid: metadata.name: Invalid value: "we\\u202eb\\x00\\x1b[31m": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')\n`,
    );
    expect(r.stderr).not.toMatch(/[\u0000\u001b\u202e]/);
  });
  it('label values over 63 and bad label keys (prefix and name parts)', async () => {
    const r = await exec(
      'kubectl apply -f -',
      svc('web', `  labels:\n    ok: ${'v'.repeat(64)}\n    Bad_Prefix.io/x: "y"\n    a/b/c: "d"\n    example.com/${'n'.repeat(64)}: "e"\n`),
    );
    expect(r.stderr).toBe(
      'The Service "web" is invalid: \n' +
        `* metadata.labels: Invalid value: "${'v'.repeat(64)}": must be no more than 63 characters\n` +
        `* metadata.labels: Invalid value: "Bad_Prefix.io/x": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')\n` +
        `* metadata.labels: Invalid value: "a/b/c": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')\n` +
        `* metadata.labels: Invalid value: "example.com/${'n'.repeat(64)}": name part must be no more than 63 characters\n`,
    );
  });
  it('annotations over 256 KiB in total', async () => {
    const r = await exec('kubectl create -f -', svc('web', `  annotations:\n    a: ${'x'.repeat(200_000)}\n    b: ${'x'.repeat(70_000)}\n`));
    expect(r.stderr).toBe('The Service "web" is invalid: metadata.annotations: Too long: must have at most 262144 bytes\n');
  });
});

describe('Azure name rules on ARM PUTs', () => {
  it('az network public-ip create with an invalid name: InvalidResourceName', async () => {
    const r = await exec(`az network public-ip create -g ${NODE_RG} -n 'my ip!' --sku Standard`);
    const msg =
      "Resource name my ip! is invalid. The name can be up to 80 characters long. It must begin with a word character, and it must end with a word character or with '_'. The name may contain word characters or '.', '-', '_'.";
    expect(r).toEqual({ stdout: '', stderr: `(InvalidResourceName) ${msg}\nCode: InvalidResourceName\nMessage: ${msg}\n`, exitCode: 1 });
    expect((await exec(`az network public-ip create -g ${NODE_RG} -n ${'p'.repeat(81)} --sku Standard`)).stderr).toContain(
      '(InvalidResourceName) Resource name ppp',
    );
  });
  it('an invalid DNS label: InvalidDomainNameLabel', async () => {
    const r = await exec(`az network public-ip create -g ${NODE_RG} -n myip --sku Standard --dns-name My_App`);
    expect(r.stderr).toBe(
      '(InvalidDomainNameLabel) The domain name label My_App is invalid. It must conform to the following regular expression: ^[a-z][a-z0-9-]{1,61}[a-z0-9]$.\nCode: InvalidDomainNameLabel\nMessage: The domain name label My_App is invalid. It must conform to the following regular expression: ^[a-z][a-z0-9-]{1,61}[a-z0-9]$.\n',
    );
    expect(r.exitCode).toBe(1);
  });
  it('the cloud provider hitting it through azure-dns-label-name: SyncLoadBalancerFailed with the ARM error, no IP', async () => {
    const sb = sandbox();
    await sb.exec('kubectl apply -f -', { stdin: serviceYaml('web', { annotations: { [P + 'azure-dns-label-name']: 'My_App' } }) });
    await sb.settle();
    const failed = eventsOf(sb, 'web').filter((e) => e.startsWith('SyncLoadBalancerFailed: '));
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]).toContain('InvalidDomainNameLabel');
    expect(failed[0]).toContain(
      'The domain name label My_App is invalid. It must conform to the following regular expression: ^[a-z][a-z0-9-]{1,61}[a-z0-9]$.',
    );
    expect((await sb.exec('kubectl get svc web -o jsonpath={.status.loadBalancer}')).stdout).toBe('{}');
  });
});
