import { describe, expect, it } from 'vitest';
import { azView } from '../../../src/cli/az/flatten';
import { closeMatches, similarity } from '../../../src/cli/az/parser';
import { formatAzJson, formatAzTable, formatAzTsv, formatAzYaml } from '../../../src/cli/printers/az-output';
import { humanDuration } from '../../../src/cli/printers/duration';
import { executeJsonPath } from '../../../src/cli/printers/jsonpath';
import { serviceExternalIP, servicePorts } from '../../../src/cli/printers/kube-columns';
import { kubeJson, kubeYaml } from '../../../src/cli/printers/kube-output';
import { DESCRIBE, GET_TABLE, table, tabwrite } from '../../../src/cli/printers/tabwriter';

describe('tabwriter (Go text/tabwriter semantics)', () => {
  it('pads columns to the widest cell plus 3, leaves the last column unpadded', () => {
    expect(
      table([
        ['NAME', 'TYPE', 'AGE'],
        ['nginx', 'LoadBalancer', '16s'],
      ]),
    ).toBe('NAME    TYPE           AGE\nnginx   LoadBalancer   16s\n');
  });

  it('applies the minimum width of 6', () => {
    expect(
      table(
        [
          ['A', 'B'],
          ['x', 'y'],
        ],
        GET_TABLE,
      ),
    ).toBe('A     B\nx     y\n');
  });

  it('aligns describe blocks per run of lines, restarting after a tab-less line', () => {
    const text = 'Name:\tweb\nExternal Traffic Policy:\tCluster\nEvents:\n  Type\tReason\n  ----\t------\n';
    expect(tabwrite(text, DESCRIBE)).toBe('Name:                     web\nExternal Traffic Policy:  Cluster\nEvents:\n  Type  Reason\n  ----  ------\n');
  });

  it('pads an inner column only across the lines that have it', () => {
    const text = 'Port:\t<unset>\t80/TCP\nTargetPort:\t80/TCP\n';
    expect(tabwrite(text, DESCRIBE)).toBe('Port:        <unset>  80/TCP\nTargetPort:  80/TCP\n');
  });
});

describe('humanDuration (apimachinery duration.HumanDuration)', () => {
  it.each([
    [0, '0s'],
    [16_000, '16s'],
    [119_000, '119s'],
    [120_000, '2m'],
    [330_000, '5m30s'],
    [600_000, '10m'],
    [3 * 3600_000 + 5 * 60_000, '3h5m'],
    [32 * 3600_000, '32h'],
    [3 * 86400_000, '3d'],
    [3 * 86400_000 + 5 * 3600_000, '3d5h'],
    [10 * 86400_000, '10d'],
    [800 * 86400_000, '2y70d'],
  ])('%d ms → %s', (ms, text) => expect(humanDuration(ms)).toBe(text));
});

describe('kubectl JSONPath', () => {
  const list = {
    kind: 'List',
    items: [
      { metadata: { name: 'a', uid: 'u1' }, status: { loadBalancer: { ingress: [{ ip: '1.2.3.4' }] } } },
      { metadata: { name: 'b', uid: 'u2' }, status: { loadBalancer: {} } },
    ],
  };

  it('prints every match of a wildcard space-separated', () => {
    expect(executeJsonPath('{.items[*].metadata.name}', list)).toBe('a b');
  });

  it('ranges with literals', () => {
    expect(executeJsonPath('{range .items[*]}{.metadata.name}{"\\t"}{.metadata.uid}{"\\n"}{end}', list)).toBe('a\tu1\nb\tu2\n');
  });

  it('prints nothing for missing keys (allow-missing-template-keys)', () => {
    expect(executeJsonPath('{.items[1].status.loadBalancer.ingress[0].ip}', list)).toBe('');
    expect(executeJsonPath('{.items[0].status.loadBalancer.ingress[0].ip}', list)).toBe('1.2.3.4');
  });

  it('filters, slices and prints objects as JSON', () => {
    expect(executeJsonPath('{.items[?(@.metadata.name=="b")].metadata.uid}', list)).toBe('u2');
    expect(executeJsonPath('{.items[-1:].metadata.name}', list)).toBe('b');
    expect(executeJsonPath('{.items[0].status}', list)).toBe('{"loadBalancer":{"ingress":[{"ip":"1.2.3.4"}]}}');
    expect(executeJsonPath('name={.items[0].metadata.name}', list)).toBe('name=a');
  });
});

describe('service columns', () => {
  it('formats ports with and without nodePort', () => {
    expect(
      servicePorts([
        { port: 80, nodePort: 31507, protocol: 'TCP' },
        { port: 443, protocol: 'TCP' },
      ]),
    ).toBe('80:31507/TCP,443/TCP');
    expect(servicePorts([])).toBe('<none>');
  });

  it('shows <pending>, <none>, and cuts long ingress lists to 16 characters', () => {
    expect(serviceExternalIP({ spec: { type: 'LoadBalancer' } }, false)).toBe('<pending>');
    expect(serviceExternalIP({ spec: { type: 'ClusterIP' } }, false)).toBe('<none>');
    const two = { spec: { type: 'LoadBalancer' }, status: { loadBalancer: { ingress: [{ ip: '20.240.25.37' }, { ip: '20.240.25.38' }] } } };
    expect(serviceExternalIP(two, false)).toBe('20.240.25.37,...');
    expect(serviceExternalIP(two, true)).toBe('20.240.25.37,20.240.25.38');
  });
});

describe('az output (knack)', () => {
  it('json sorts keys recursively with 2-space indent', () => {
    expect(formatAzJson({ b: 1, a: { d: true, c: null } })).toBe('{\n  "a": {\n    "c": null,\n    "d": true\n  },\n  "b": 1\n}\n');
  });

  it('table keeps scalar fields, skips id/type/etag, sorts and capitalises headers, prints True', () => {
    const out = formatAzTable([{ name: 'x', id: '/i', type: 't', etag: 'e', enableTcpReset: true, tags: {}, port: 80 }], { queryActive: false });
    expect(out).toBe('EnableTcpReset    Name    Port  \n----------------  ------  ------\nTrue              x       80    \n');
  });

  it('table keeps --query key order', () => {
    expect(formatAzTable([{ z: 1, a: 2 }], { queryActive: true })).toBe('Z    A  \n---  ---\n1    2  \n');
  });

  it('tsv prints values tab-separated, lists as counts', () => {
    expect(formatAzTsv([{ b: 'x', a: [1, 2], c: true }])).toBe('2\tx\tTrue\n');
    expect(formatAzTsv(['a', 'b'])).toBe('a\nb\n');
  });

  it('yaml sorts keys and does not indent sequences', () => {
    expect(formatAzYaml({ zones: ['1', '2'], name: 'x' })).toBe("name: x\nzones:\n- '1'\n- '2'\n");
  });

  it('flattens properties and adds resourceGroup from ids', () => {
    const v = azView({
      id: '/subscriptions/s/resourceGroups/MC_rg/providers/Microsoft.Network/loadBalancers/kubernetes',
      name: 'kubernetes',
      properties: {
        provisioningState: 'Succeeded',
        frontendIPConfigurations: [{ id: '/subscriptions/s/resourceGroups/mc_rg/providers/x/y/z', properties: { privateIPAllocationMethod: 'Dynamic' } }],
      },
    });
    expect(v).toEqual({
      id: '/subscriptions/s/resourceGroups/MC_rg/providers/Microsoft.Network/loadBalancers/kubernetes',
      name: 'kubernetes',
      provisioningState: 'Succeeded',
      frontendIPConfigurations: [{ id: '/subscriptions/s/resourceGroups/mc_rg/providers/x/y/z', privateIPAllocationMethod: 'Dynamic', resourceGroup: 'mc_rg' }],
      resourceGroup: 'MC_rg',
    });
  });

  it('suggests like difflib.get_close_matches', () => {
    expect(similarity('publicip', 'public-ip')).toBeCloseTo(16 / 17);
    expect(closeMatches('publicip', ['lb', 'public-ip', 'nsg'])).toEqual(['public-ip']);
  });

  it('skips only what cannot reach the cutoff (2·min/sum of the lengths), however long the word', () => {
    const long = 'describe-local-gateway-route-table-virtual-interface-group-associations-and-more-words';
    // Past 80 characters a near miss is still suggested, as difflib would.
    expect(closeMatches(long.replace('table', 'tabel'), ['describe-vpcs', long], 0.8)).toEqual([long]);
    // A pasted line cannot match short names (and is not compared with them at all).
    expect(closeMatches('x'.repeat(200_000), ['public-ip', 'lb', long])).toEqual([]);
    expect(closeMatches('', [''])).toEqual(['']);
  });
});

describe('kubectl json/yaml', () => {
  it('yaml: go-yaml v2 quoting — double for type-ambiguous strings, single when plain is impossible', () => {
    expect(kubeYaml({ a: '*', b: '80', c: 'true', d: '', e: 'y', f: 'a: b', g: 'web', h: ['*'] })).toBe(
      'a: \'*\'\nb: "80"\nc: "true"\nd: ""\ne: "y"\nf: \'a: b\'\ng: web\nh:\n- \'*\'\n',
    );
  });

  it('json: sorted keys, 4-space indent, Go HTML escaping', () => {
    expect(kubeJson({ kind: 'x', apiVersion: 'v1', a: '<b>' })).toBe('{\n    "a": "\\u003cb\\u003e",\n    "apiVersion": "v1",\n    "kind": "x"\n}\n');
  });

  it('yaml: quotes timestamps and numeric strings like go-yaml, block-literal for last-applied', () => {
    const y = kubeYaml({ metadata: { creationTimestamp: '2025-06-02T09:00:00Z', annotations: { a: '{"x":1}\n', p: '80' } }, spec: { ports: [{ port: 80 }] } });
    expect(y).toBe(
      'metadata:\n  annotations:\n    a: |\n      {"x":1}\n    p: "80"\n  creationTimestamp: "2025-06-02T09:00:00Z"\nspec:\n  ports:\n  - port: 80\n',
    );
  });
});
