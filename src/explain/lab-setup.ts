/**
 * "Open in the lab": a sandbox set-up rebuilt from what was pasted — the same namespaces, Service
 * names, ports and annotations, node count and outbound IP count — as sandbox options plus a
 * command log the share-link codec can carry. The lab draws its own addresses (the simulator has
 * no way to pin a given public address), so requested public addresses are left out and said so.
 */
import { DEFAULT_PAGE_OPTIONS, K8S_VERSIONS, NETWORK_PLUGINS, OUTBOUND_TYPES, type SandboxPageOptions } from '../lab/sandbox-options';
import type { Explanation, Params } from './types';

export interface LabSetup {
  options: SandboxPageOptions;
  log: { t: number; line: string; stdin?: string }[];
  /** What could not be carried over, as codes for the i18n table (`lab.*`). */
  notes: { code: string; params: Params }[];
  services: number;
}

/** The node resource group of the sandbox the link opens (its default names). */
export const LAB_NODE_RG = 'MC_myResourceGroup_myAKSCluster_eastus';
const SYSTEM_NAMESPACES = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);
/** Keeps each `kubectl apply` within the share link's limit on one command's input. */
const STDIN_BUDGET = 150_000;
const MAX_SERVICES = 400;

const A = (k: string) => `service.beta.kubernetes.io/${k}`;

function clamp(v: number | undefined, lo: number, hi: number, fallback: number): number {
  if (v === undefined || !Number.isFinite(v)) return fallback;
  return Math.min(hi, Math.max(lo, Math.round(v)));
}

export function labSetup(x: Explanation): LabSetup {
  const notes: LabSetup['notes'] = [];
  const c = x.cluster;
  const minor = c.kubernetesVersion ? /^v?(\d+\.\d+)/.exec(c.kubernetesVersion)?.[1] : undefined;
  const outboundIps = c.managedOutboundIPCount ?? (x.publicIps.filter((p) => p.role === 'outbound').length || undefined);
  const options: SandboxPageOptions = {
    // The explainer reads AKS clusters (az aks show + the node resource group).
    cloud: 'aks',
    outboundType: (OUTBOUND_TYPES as readonly string[]).includes(c.outboundType ?? '')
      ? (c.outboundType as SandboxPageOptions['outboundType'])
      : DEFAULT_PAGE_OPTIONS.outboundType,
    managedOutboundIPCount: clamp(outboundIps, 1, 100, DEFAULT_PAGE_OPTIONS.managedOutboundIPCount),
    kubernetesVersion: (K8S_VERSIONS as readonly string[]).includes(minor ?? '')
      ? (minor as SandboxPageOptions['kubernetesVersion'])
      : DEFAULT_PAGE_OPTIONS.kubernetesVersion,
    nodeCount: clamp(c.nodeCount, 1, 10, DEFAULT_PAGE_OPTIONS.nodeCount),
    networkPlugin: (NETWORK_PLUGINS as readonly string[]).includes(c.networkPlugin ?? '')
      ? (c.networkPlugin as SandboxPageOptions['networkPlugin'])
      : DEFAULT_PAGE_OPTIONS.networkPlugin,
  };
  if (c.nodeCount !== undefined && c.nodeCount !== options.nodeCount)
    notes.push({ code: 'lab.nodes-clamped', params: { nodes: c.nodeCount, lab: options.nodeCount } });
  if (minor && minor !== options.kubernetesVersion) notes.push({ code: 'lab.version', params: { version: minor, lab: options.kubernetesVersion } });

  const services = x.services.slice(0, MAX_SERVICES);
  if (x.services.length > MAX_SERVICES) notes.push({ code: 'lab.too-many', params: { count: x.services.length, lab: MAX_SERVICES } });
  const log: LabSetup['log'] = [];
  const namespaces = [...new Set(services.map((s) => s.namespace))].filter((ns) => !SYSTEM_NAMESPACES.has(ns)).sort();
  for (const ns of namespaces) log.push({ t: 0, line: `kubectl create namespace ${ns}` });

  const pipNames = new Set<string>();
  const docs: string[] = [];
  let droppedIps = 0;
  for (const s of services) {
    const annotations = { ...s.annotations };
    delete annotations['kubectl.kubernetes.io/last-applied-configuration'];
    for (const [k, v] of Object.entries(annotations)) if (v.length > 4000) delete annotations[k];
    let loadBalancerIP = s.loadBalancerIP;
    if (!s.internal && (loadBalancerIP || annotations[A('azure-load-balancer-ipv4')])) {
      // The lab cannot create a Public IP with a chosen address: let the Service get its own.
      delete annotations[A('azure-load-balancer-ipv4')];
      loadBalancerIP = undefined;
      droppedIps++;
    }
    if (annotations[A('azure-load-balancer-internal-subnet')]) {
      notes.push({ code: 'lab.subnet', params: { service: `${s.namespace}/${s.name}`, subnet: annotations[A('azure-load-balancer-internal-subnet')]! } });
      delete annotations[A('azure-load-balancer-internal-subnet')];
    }
    if (annotations[A('azure-load-balancer-resource-group')]) {
      notes.push({ code: 'lab.pip-rg', params: { service: `${s.namespace}/${s.name}` } });
      delete annotations[A('azure-load-balancer-resource-group')];
    }
    const pipName = annotations[A('azure-pip-name')];
    if (pipName && /^[\w.-]{1,80}$/.test(pipName)) pipNames.add(pipName);
    const manifest = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: s.name, namespace: s.namespace, ...(Object.keys(annotations).length ? { annotations } : {}) },
      spec: {
        type: 'LoadBalancer',
        ...(s.selector && Object.keys(s.selector).length ? { selector: s.selector } : {}),
        ports: s.ports.map((p) => ({
          ...(p.name ? { name: p.name } : {}),
          port: p.port,
          protocol: p.protocol,
          ...(p.targetPort !== undefined ? { targetPort: p.targetPort } : {}),
          ...(p.nodePort && p.nodePort >= 30000 && p.nodePort <= 32767 ? { nodePort: p.nodePort } : {}),
        })),
        ...(s.externalTrafficPolicy ? { externalTrafficPolicy: s.externalTrafficPolicy } : {}),
        ...(s.loadBalancerSourceRanges?.length ? { loadBalancerSourceRanges: s.loadBalancerSourceRanges } : {}),
        ...(loadBalancerIP ? { loadBalancerIP } : {}),
        ...(s.loadBalancerClass ? { loadBalancerClass: s.loadBalancerClass } : {}),
      },
    };
    docs.push(JSON.stringify(manifest, null, 2));
  }
  if (droppedIps) notes.push({ code: 'lab.ips', params: { count: droppedIps } });
  for (const name of [...pipNames].sort()) log.push({ t: 0, line: `az network public-ip create -g ${LAB_NODE_RG} -n ${name} --sku Standard` });
  // One `kubectl apply -f -` per chunk of documents, each chunk within the link's input limit.
  let chunk: string[] = [];
  let size = 0;
  const flush = () => {
    if (!chunk.length) return;
    log.push({ t: 0, line: 'kubectl apply -f -', stdin: `${chunk.join('\n---\n')}\n` });
    chunk = [];
    size = 0;
  };
  for (const d of docs) {
    if (size + d.length > STDIN_BUDGET) flush();
    chunk.push(d);
    size += d.length + 5;
  }
  flush();
  return { options, log, notes, services: services.length };
}
