/** Kubernetes objects a fresh AKS cluster already has: namespaces, Nodes, system Services. */
import type { AksCluster } from '../azure/aks';
import { toRfc3339 } from '../clock';
import { kubernetesPatchVersion, type ResolvedOptions } from '../options';
import type { KubeStore } from './store';
import type { ClusterIpAllocator } from './strategies/allocators';
import type { KubeObject } from './types';

/** The cluster was created this long before virtual time starts (ages in `kubectl get` look real). */
export const CLUSTER_AGE_MS = 20 * 60 * 1000;

export function bootstrapKube(kube: KubeStore, aks: AksCluster, o: ResolvedOptions, clusterIps: ClusterIpAllocator): void {
  const created = toRfc3339(kube.clock.now() - CLUSTER_AGE_MS);
  const sys = (obj: Omit<KubeObject, 'metadata'> & { metadata: Partial<KubeObject['metadata']> & { name: string } }) =>
    kube.putSystem({ ...obj, metadata: { uid: '', resourceVersion: '', creationTimestamp: created, ...obj.metadata } } as KubeObject);
  for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
    sys({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: ns, labels: { 'kubernetes.io/metadata.name': ns } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
  }
  syncNodes(kube, aks, o, aks.nodeCount, created);
  const apiIp = clusterIps.nth(1);
  const dnsIp = clusterIps.nth(10);
  clusterIps.claim(apiIp);
  clusterIps.claim(dnsIp);
  sys({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: {
      clusterIP: apiIp,
      clusterIPs: [apiIp],
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 443 }],
      sessionAffinity: 'None',
      type: 'ClusterIP',
    },
    status: { loadBalancer: {} },
  });
  sys({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kube-dns',
      namespace: 'kube-system',
      labels: {
        'addonmanager.kubernetes.io/mode': 'Reconcile',
        'k8s-app': 'kube-dns',
        'kubernetes.io/cluster-service': 'true',
        'kubernetes.io/name': 'CoreDNS',
      },
    },
    spec: {
      clusterIP: dnsIp,
      clusterIPs: [dnsIp],
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
      ],
      selector: { 'k8s-app': 'kube-dns' },
      sessionAffinity: 'None',
      type: 'ClusterIP',
    },
    status: { loadBalancer: {} },
  });
  const metricsIp = clusterIps.allocateNext();
  sys({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'metrics-server',
      namespace: 'kube-system',
      labels: {
        'addonmanager.kubernetes.io/mode': 'Reconcile',
        'k8s-app': 'metrics-server',
        'kubernetes.io/cluster-service': 'true',
        'kubernetes.io/name': 'Metrics-server',
      },
    },
    spec: {
      clusterIP: metricsIp,
      clusterIPs: [metricsIp],
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [{ port: 443, protocol: 'TCP', targetPort: 4443 }],
      selector: { 'k8s-app': 'metrics-server' },
      sessionAffinity: 'None',
      type: 'ClusterIP',
    },
    status: { loadBalancer: {} },
  });
  for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
    sys({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: ns } });
  }
  sys({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'kube-root-ca.crt', namespace: 'default' },
    data: { 'ca.crt': '-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----\n' },
  });
  for (const [name, prov] of [
    ['azurefile-csi', 'file.csi.azure.com'],
    ['default', 'disk.csi.azure.com'],
    ['managed-csi', 'disk.csi.azure.com'],
  ] as const) {
    sys({
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name, ...(name === 'default' ? { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } : {}) },
      provisioner: prov,
      parameters: { skuname: prov.startsWith('file') ? 'Standard_LRS' : 'StandardSSD_LRS' },
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'WaitForFirstConsumer',
      allowVolumeExpansion: true,
    });
  }
  void kubernetesPatchVersion;
}

/** Creates/removes Node objects to match the node pool size. */
export function syncNodes(kube: KubeStore, aks: AksCluster, o: ResolvedOptions, count: number, created = kube.clock.nowIso()): void {
  const names = aks.nodeNames();
  const l = aks.layout;
  names.forEach((name, i) => {
    if (kube.peek('Node', name)) return;
    const podCidr = `10.244.${i}.0/24`;
    kube.putSystem({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name,
        uid: '',
        resourceVersion: '',
        creationTimestamp: created,
        labels: {
          agentpool: l.poolName,
          'beta.kubernetes.io/arch': 'amd64',
          'beta.kubernetes.io/instance-type': 'Standard_DS2_v2',
          'beta.kubernetes.io/os': 'linux',
          'failure-domain.beta.kubernetes.io/region': o.location,
          'failure-domain.beta.kubernetes.io/zone': '0',
          'kubernetes.azure.com/agentpool': l.poolName,
          'kubernetes.azure.com/cluster': l.nodeResourceGroup,
          'kubernetes.azure.com/mode': 'system',
          'kubernetes.azure.com/role': 'agent',
          'kubernetes.io/arch': 'amd64',
          'kubernetes.io/hostname': name,
          'kubernetes.io/os': 'linux',
          'node.kubernetes.io/instance-type': 'Standard_DS2_v2',
          'topology.kubernetes.io/region': o.location,
          'topology.kubernetes.io/zone': '0',
        },
      },
      spec: { podCIDR: podCidr, podCIDRs: [podCidr], providerID: `azure://${aks.ids.vmss}/virtualMachines/${i}` },
      status: {
        addresses: [
          { address: `10.224.0.${4 + i}`, type: 'InternalIP' },
          { address: name, type: 'Hostname' },
        ],
        capacity: { cpu: '2', 'ephemeral-storage': '129886128Ki', memory: '7097684Ki', pods: o.networkPlugin === 'kubenet' ? '110' : '250' },
        allocatable: { cpu: '1900m', 'ephemeral-storage': '119703055367', memory: '5160276Ki', pods: o.networkPlugin === 'kubenet' ? '110' : '250' },
        conditions: [
          {
            type: 'Ready',
            status: 'True',
            reason: 'KubeletReady',
            message: 'kubelet is posting ready status',
            lastHeartbeatTime: created,
            lastTransitionTime: created,
          },
        ],
        nodeInfo: {
          architecture: 'amd64',
          containerRuntimeVersion: 'containerd://1.7.27-1',
          kernelVersion: '5.15.0-1089-azure',
          kubeProxyVersion: `v${kubernetesPatchVersion(o.kubernetesVersion)}`,
          kubeletVersion: `v${kubernetesPatchVersion(o.kubernetesVersion)}`,
          operatingSystem: 'linux',
          osImage: 'Ubuntu 22.04.5 LTS',
        },
      },
    });
  });
  for (const node of [...kube.scan('Node')]) if (!names.includes(node.metadata.name)) kube.delete('Node', node.metadata.name);
  void count;
}
