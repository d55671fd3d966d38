/**
 * The discovery and version documents kube-apiserver serves (`/api`, `/apis`, `/api/v1`,
 * `/apis/<group>/<version>`, `/version`), built from the simulator's discovery table so real
 * kubectl resolves `svc`, `deploy` … to the same kinds the lab's own kubectl does.
 */
import type { Discovery, ResourceType } from '../sim/kube/discovery';
import { kubernetesPatchVersion } from '../sim/options';

/** Sub-resources the simulator honours (status writes are ignored through the main resource, as upstream). */
const STATUS_KINDS = new Set(['Service', 'Pod', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'Namespace', 'Node', 'Ingress']);
const SCALE_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet']);

export function versionDoc(kubernetesVersion: string): Record<string, string> {
  const git = `v${kubernetesPatchVersion(kubernetesVersion)}`;
  return {
    major: '1',
    minor: git.split('.')[1],
    gitVersion: git,
    gitCommit: 'b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0',
    gitTreeState: 'clean',
    buildDate: '2025-06-17T18:36:06Z',
    goVersion: 'go1.24.4',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

export function coreVersions(): unknown {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '10.0.0.1:443' }] };
}

/** Groups in discovery order (as the real server lists them, by group name). */
export function groupList(discovery: Discovery): unknown {
  const groups = new Map<string, string[]>();
  for (const t of discovery.list()) {
    if (!t.group) continue;
    const versions = groups.get(t.group) ?? [];
    for (const v of t.versions) if (!versions.includes(v)) versions.push(v);
    groups.set(t.group, versions);
  }
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: [...groups].map(([name, versions]) => ({
      name,
      versions: versions.map((v) => ({ groupVersion: `${name}/${v}`, version: v })),
      preferredVersion: { groupVersion: `${name}/${versions[0]}`, version: versions[0] },
    })),
  };
}

export function typesIn(discovery: Discovery, group: string, version: string): ResourceType[] {
  return discovery.list().filter((t) => t.group === group && t.versions.includes(version));
}

export function resourceList(discovery: Discovery, group: string, version: string): unknown | undefined {
  const types = typesIn(discovery, group, version);
  if (!types.length) return undefined;
  const resources: unknown[] = [];
  for (const t of types) {
    resources.push({
      name: t.plural,
      singularName: t.singular,
      namespaced: t.namespaced,
      kind: t.kind,
      verbs: t.verbs,
      ...(t.shortNames.length ? { shortNames: t.shortNames } : {}),
      ...(t.categories ? { categories: t.categories } : {}),
    });
    if (STATUS_KINDS.has(t.kind))
      resources.push({ name: `${t.plural}/status`, singularName: '', namespaced: t.namespaced, kind: t.kind, verbs: ['get', 'patch', 'update'] });
    if (SCALE_KINDS.has(t.kind))
      resources.push({
        name: `${t.plural}/scale`,
        singularName: '',
        namespaced: t.namespaced,
        group: 'autoscaling',
        version: 'v1',
        kind: 'Scale',
        verbs: ['get', 'patch', 'update'],
      });
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/${version}` : version, resources };
}

/**
 * OpenAPI v3, only as far as kubectl reads it: the index of group versions and, per group
 * version, the operations with their `fieldValidation` parameter (kubectl checks it before
 * sending `?fieldValidation=Strict`). No schemas: kubectl then takes the strategic-merge keys
 * from its own compiled-in types, which is what it does for every built-in kind anyway.
 */
export function openApiIndex(discovery: Discovery): unknown {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const t of discovery.list()) {
    for (const v of t.versions) {
      const p = t.group ? `apis/${t.group}/${v}` : `api/${v}`;
      paths[p] = { serverRelativeURL: `/openapi/v3/${p}?hash=0` };
    }
  }
  return { paths };
}

export function openApiGroupVersion(discovery: Discovery, group: string, version: string): unknown | undefined {
  const types = typesIn(discovery, group, version);
  if (!types.length) return undefined;
  const base = group ? `/apis/${group}/${version}` : `/api/${version}`;
  const param = { name: 'fieldValidation', in: 'query', schema: { type: 'string', uniqueItems: true } };
  const paths: Record<string, unknown> = {};
  for (const t of types) {
    const gvk = { group: t.group, version, kind: t.kind };
    const ops = (verbs: string[]) =>
      Object.fromEntries(verbs.map((v) => [v, { 'x-kubernetes-group-version-kind': gvk, parameters: v === 'get' || v === 'delete' ? [] : [param] }]));
    const coll = t.namespaced ? `${base}/namespaces/{namespace}/${t.plural}` : `${base}/${t.plural}`;
    paths[coll] = ops(['get', 'post']);
    paths[`${coll}/{name}`] = ops(['get', 'put', 'patch', 'delete']);
  }
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version: 'unversioned' }, paths, components: { schemas: {} } };
}
