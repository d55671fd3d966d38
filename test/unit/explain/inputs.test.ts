import { beforeAll, describe, expect, it } from 'vitest';
import { explain, missingMessages } from '../../../src/explain/index';
import { findJsonBreak } from '../../../src/explain/json-error';
import { type Outputs, outputs, redact, storySandbox } from './fixtures';

let o: Outputs;
beforeAll(async () => {
  o = await outputs(await storySandbox());
});

const only = (text: string) => explain([text]).inputs[0]!;

describe('each paste is recognised by its shape, with a message that names what to run', () => {
  it('table output instead of JSON', () => {
    const svc = only(o.servicesTable);
    expect(svc).toMatchObject({ ok: false, problem: 'table-output', command: 'kubectl get svc -A -o json' });
    expect(svc.message).toContain('kubectl get svc -A -o json');
    const pip = only(o.publicIpTable);
    expect(pip.problem).toBe('table-output');
    expect(pip.command).toBe('az network public-ip list -g <node-resource-group> -o json');
    // Once the node resource group is known (any paste that shows it), the command names it.
    const x = explain([o.publicIpTable, o.aks]);
    expect(x.inputs[0]!.command).toBe('az network public-ip list -g MC_myResourceGroup_myAKSCluster_eastus -o json');
    expect(x.inputs[0]!.message).toContain('-g MC_myResourceGroup_myAKSCluster_eastus');
  });

  it('a truncated paste: the line and column where the JSON stops', () => {
    const cut = o.services.slice(0, 2000);
    const lines = cut.split('\n');
    const r = only(cut);
    expect(r).toMatchObject({ ok: false, problem: 'truncated', line: lines.length, column: lines[lines.length - 1]!.length + 1 });
    expect(r.message).toContain(`line ${lines.length}, column ${lines[lines.length - 1]!.length + 1}`);
    // Cut inside a string, a number, a keyword: all "stops in the middle".
    for (const text of ['{"a": "abc', '[1, 2', '{"a": tr', '{"a": -', '{"a": 1.', '{"a"']) expect(only(text).problem).toBe('truncated');
  });

  it('JSON broken in the middle: where, and near what', () => {
    const broken = o.publicIps.replace('"ipTags": [],', '"ipTags": [], ...');
    const at = broken.indexOf('...');
    const before = broken.slice(0, at).split('\n');
    const r = only(broken);
    expect(r).toMatchObject({ problem: 'invalid-json', line: before.length, column: before[before.length - 1]!.length + 1 });
    expect(r.message).toContain('near "...');
    expect(findJsonBreak('{"a": 1,}')).toMatchObject({ kind: 'unexpected', offset: 8 });
    expect(findJsonBreak('{"a": [1, 2]}')).toBeNull();
  });

  it("another command's output: Pods, a load balancer's frontends, an unrelated az list", async () => {
    const sb = await storySandbox();
    const pods = (await sb.exec('kubectl get pods -A -o json')).stdout;
    expect(only(pods)).toMatchObject({ problem: 'other-command', command: 'kubectl get svc -A -o json' });
    expect(only(pods).message).toContain('Pod');
    const fe = (await sb.exec('az network lb frontend-ip list -g MC_myResourceGroup_myAKSCluster_eastus --lb-name kubernetes -o json')).stdout;
    const r = only(fe);
    expect(r.problem).toBe('other-command');
    expect(r.message).toContain('az network lb show -g <node-resource-group> -n kubernetes -o json');
    const vnets = (await sb.exec('az network vnet list -g MC_myResourceGroup_myAKSCluster_eastus -o json')).stdout;
    expect(only(vnets).problem).toBe('other-command');
  });

  it("another cloud's output", () => {
    const aws = JSON.stringify({ LoadBalancerDescriptions: [{ LoadBalancerName: 'a1b2', DNSName: 'a1b2-123.us-east-1.elb.amazonaws.com' }] });
    expect(only(aws)).toMatchObject({ problem: 'other-cloud', params: { cloud: 'AWS' } });
    const gcp = JSON.stringify([{ kind: 'compute#address', name: 'ip', address: '34.1.2.3' }]);
    expect(only(gcp).params.cloud).toBe('Google Cloud');
    expect(only(gcp).message).toContain('AKS');
  });

  it('YAML, describe output, error messages and plain text', () => {
    expect(only('apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Service\n').problem).toBe('yaml-output');
    expect(only('Name:              redis-lb\nNamespace:         qa\nType:              LoadBalancer\n').problem).toBe('describe-output');
    const err = only("ERROR: (ResourceGroupNotFound) Resource group 'MC_x' could not be found.");
    expect(err).toMatchObject({ problem: 'command-error' });
    expect(err.message).toContain('ResourceGroupNotFound');
    expect(only('hello there, how are you').problem).toBe('unrecognised');
  });

  it('the node resource group alone (az aks show --query nodeResourceGroup -o tsv)', () => {
    const x = explain([o.nodeRg, o.publicIpTable]);
    expect(x.inputs[0]).toMatchObject({ ok: true, kind: 'node-resource-group' });
    expect(x.cluster.nodeResourceGroup).toBe('MC_myResourceGroup_myAKSCluster_eastus');
    expect(x.inputs[1]!.command).toContain('-g MC_myResourceGroup_myAKSCluster_eastus');
  });

  it('BOM, CRLF, a prompt line before the JSON: read, and said so', () => {
    const windows = `\uFEFFPS C:\\> az network public-ip list -g MC_x -o json\r\n${o.publicIps.replace(/\n/g, '\r\n')}`;
    const x = explain([windows]);
    expect(x.inputs[0]).toMatchObject({ ok: true, kind: 'public-ips', count: 4 });
    expect(x.inputs[0]!.notes.map((n) => n.code)).toEqual(['note.bom', 'note.crlf', 'note.lead-in']);
    expect(x.publicIps).toEqual(explain([o.publicIps]).publicIps);
  });

  it('redacted subscription ids: still matched, by names', () => {
    const clean = explain([o.services, o.publicIps, o.lb, o.aks]);
    const red = explain([redact(o.services), redact(o.publicIps), o.lb, redact(o.aks)]);
    expect(red.inputs[1]!.notes.map((n) => n.code)).toContain('note.redacted');
    expect(red.publicIps.map((p) => [p.name, p.role, p.service, p.frontend])).toEqual(clean.publicIps.map((p) => [p.name, p.role, p.service, p.frontend]));
    expect(clean.cluster.subscriptionIds).toEqual(['9b2e5a1c-4f7d-4c3a-8e6b-2d1f0a9c8b7e']);
  });

  it('two outputs pasted into one box are both read', () => {
    const x = explain([`${o.publicIps}\n${o.lb}`]);
    expect(x.inputs[0]!.ok).toBe(true);
    expect(x.inputs[0]!.notes.map((n) => n.code)).toContain('note.several');
    expect(x.outbound?.rule).toBe('aksOutboundRule');
  });

  it('never throws, whatever is pasted', () => {
    const junk = [
      '',
      '   ',
      '{',
      '[',
      'null',
      '42',
      '"x"',
      '[null, 1, "a"]',
      '{"kind": 5, "apiVersion": {}}',
      '{"items": "no"}',
      '\u0000\u0001',
      '['.repeat(10000),
      '{"a":'.repeat(5000),
      '[{"type": "Microsoft.Network/publicIPAddresses"}]',
      '[{"type": "Microsoft.Network/publicIPAddresses", "name": "x", "tags": null, "ipConfiguration": 5}]',
      '{"apiVersion":"v1","kind":"List","items":[{"kind":"Service","metadata":null,"spec":{"type":"LoadBalancer","ports":"x"}}]}',
    ];
    for (const j of junk) expect(() => explain([j])).not.toThrow();
    expect(explain(junk).inputs).toHaveLength(junk.length);
  });

  it('an empty List is an answer, not an error', () => {
    const x = explain(['{"apiVersion": "v1", "items": [], "kind": "List", "metadata": {"resourceVersion": ""}}']);
    expect(x.inputs[0]!.ok).toBe(true);
  });

  it('every message exists in English and Korean', () => {
    expect(missingMessages()).toEqual([]);
    const ko = explain([o.servicesTable], { locale: 'ko' }).inputs[0]!;
    expect(ko.message).toContain('표 형식 출력');
    expect(ko.message).toContain('kubectl get svc -A -o json');
  });
});
