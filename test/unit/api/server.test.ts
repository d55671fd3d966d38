/**
 * The HTTP API server from the outside, without a kubectl binary: what a client sends and gets
 * back (discovery, tables, Status errors, warnings, patches, sub-resources).
 */

import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiServer, listen } from '../../../src/api/server';
import { createSandbox, type Sandbox } from '../../../src/sim/index';

let sandbox: Sandbox;
let server: Server;
let base = '';

beforeAll(async () => {
  sandbox = createSandbox({ seed: 7 });
  sandbox.settleSync();
  server = createApiServer(sandbox, { settle: 'manual' });
  base = `http://127.0.0.1:${await listen(server, 0)}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
  const res = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: the tests read whatever JSON the server answered.
  return { status: res.status, warning: res.headers.get('warning'), json: (await res.json()) as Record<string, any> };
};

const SERVICE = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web' },
  spec: { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] },
};

describe('the simulated API server over HTTP', () => {
  it('serves version and discovery for the kinds the lab knows', async () => {
    // One version everywhere: the lab's own `kubectl version` names the same server version.
    const labServer = /Server Version: (\S+)/.exec((await sandbox.exec('kubectl version')).stdout)![1];
    expect((await call('GET', '/version')).json.gitVersion).toBe(labServer);
    const core = (await call('GET', '/api/v1')).json;
    expect(core.resources.find((r: { name: string }) => r.name === 'services')).toMatchObject({ kind: 'Service', namespaced: true, shortNames: ['svc'] });
    expect(core.resources.some((r: { name: string }) => r.name === 'services/status')).toBe(true);
    const groups = (await call('GET', '/apis')).json.groups.map((g: { name: string }) => g.name);
    expect(groups).toContain('apps');
    expect((await call('GET', '/openapi/v3')).json.paths['apis/apps/v1'].serverRelativeURL).toMatch(/^\/openapi\/v3\/apis\/apps\/v1/);
  });

  it('creates with a warning for a non-IP loadBalancerIP, and a Status for errors', async () => {
    const created = await call('POST', '/api/v1/namespaces/default/services', { ...SERVICE, spec: { ...SERVICE.spec, loadBalancerIP: 'my-ip' } });
    expect(created.status).toBe(201);
    expect(created.warning).toBe(
      '299 - "spec.loadBalancerIP: IP address was accepted, but will be invalid in a future Kubernetes release: ParseAddr(\\"my-ip\\"): unable to parse IP"',
    );
    const again = await call('POST', '/api/v1/namespaces/default/services', SERVICE);
    expect(again).toMatchObject({
      status: 409,
      json: { kind: 'Status', reason: 'AlreadyExists', message: 'services "web" already exists', details: { name: 'web', kind: 'services' } },
    });
    const bad = await call('POST', '/api/v1/namespaces/default/services', {
      ...SERVICE,
      metadata: { name: 'r' },
      spec: { ...SERVICE.spec, loadBalancerSourceRanges: ['10.0.0.0/33'] },
    });
    expect(bad.status).toBe(422);
    expect(bad.json.details).toMatchObject({
      name: 'r',
      kind: 'Service',
      causes: [{ reason: 'FieldValueInvalid', field: 'spec.LoadBalancerSourceRanges[0]' }],
    });
    const missing = await call('GET', '/apis/apps/v1/namespaces/default/deployments/nope');
    expect(missing).toMatchObject({
      status: 404,
      json: { message: 'deployments.apps "nope" not found', details: { name: 'nope', group: 'apps', kind: 'deployments' } },
    });
  });

  it('answers as=Table with the lab printer columns, wide ones at priority 1', async () => {
    const t = (await call('GET', '/api/v1/namespaces/default/services', undefined, { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' })).json;
    expect(t.kind).toBe('Table');
    expect(t.columnDefinitions.map((c: { name: string; priority: number }) => `${c.name}:${c.priority}`)).toEqual([
      'NAME:0',
      'TYPE:0',
      'CLUSTER-IP:0',
      'EXTERNAL-IP:0',
      'PORT(S):0',
      'AGE:0',
      'SELECTOR:1',
    ]);
    expect(t.rows.map((r: { cells: string[] }) => r.cells[0])).toEqual(['kubernetes', 'web']);
    expect(t.rows[1].object).toMatchObject({ kind: 'PartialObjectMetadata', metadata: { name: 'web' } });
  });

  it('filters lists by label and field selectors', async () => {
    const byLabel = (await call('GET', '/api/v1/services?labelSelector=component%3Dapiserver')).json.items.map(
      (i: { metadata: { name: string } }) => i.metadata.name,
    );
    expect(byLabel).toEqual(['kubernetes']);
    const byField = (await call('GET', '/api/v1/namespaces/default/services?fieldSelector=metadata.name%3Dweb')).json.items;
    expect(byField.map((i: { metadata: { name: string } }) => i.metadata.name)).toEqual(['web']);
  });

  it('applies the three patch types and ignores status sent to the main resource', async () => {
    const strategic = await call(
      'PATCH',
      '/api/v1/namespaces/default/services/web',
      { spec: { ports: [{ port: 443, name: 'https' }], '$setElementOrder/ports': [{ port: 443 }, { port: 80 }] } },
      { 'content-type': 'application/strategic-merge-patch+json' },
    );
    expect(strategic.json.spec.ports.map((p: { port: number }) => p.port)).toEqual([443, 80]);
    const merge = await call(
      'PATCH',
      '/api/v1/namespaces/default/services/web',
      { metadata: { labels: { tier: 'front' } }, status: { loadBalancer: { ingress: [{ ip: '1.2.3.4' }] } } },
      { 'content-type': 'application/merge-patch+json' },
    );
    expect(merge.json.metadata.labels).toEqual({ tier: 'front' });
    expect(merge.json.status.loadBalancer.ingress?.[0]?.ip).not.toBe('1.2.3.4');
    const json = await call('PATCH', '/api/v1/namespaces/default/services/web', [{ op: 'replace', path: '/spec/externalTrafficPolicy', value: 'Local' }], {
      'content-type': 'application/json-patch+json',
    });
    expect(json.json.spec.externalTrafficPolicy).toBe('Local');
    const unknown = await call('PATCH', '/api/v1/namespaces/default/services/web', {}, { 'content-type': 'text/plain' });
    expect(unknown.status).toBe(415);
  });

  it('deletes, and the next settle removes a finalized Service', async () => {
    const del = await call('DELETE', '/api/v1/namespaces/default/services/web', { propagationPolicy: 'Background' });
    expect(del.status).toBe(200);
    sandbox.settleSync();
    expect((await call('GET', '/api/v1/namespaces/default/services/web')).status).toBe(404);
  });
});
