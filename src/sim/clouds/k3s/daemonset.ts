/** The `svclb-…` DaemonSet k3s' ServiceLB applies for a LoadBalancer Service (other-clouds §6). */
import type { KubeObject, Service } from '../../kube/types';

export const LB_NAMESPACE = 'kube-system';
export const LB_IMAGE = 'rancher/klipper-lb:v0.4.9';
const P = 'svccontroller.k3s.cattle.io/';
export const LABEL = { svcName: P + 'svcname', svcNamespace: P + 'svcnamespace', nodeSelector: P + 'nodeselector', priority: P + 'priorityclassname' };

/** `svclb-<service name cut to 48, no trailing dash>-<first 8 characters of the UID>`. */
export function daemonSetName(svc: Service): string {
  let name = svc.metadata.name;
  if (name.length > 48) {
    let cut = 48;
    while (name[cut - 1] === '-') cut--;
    name = name.slice(0, cut);
  }
  return `svclb-${name}-${svc.metadata.uid.slice(0, 8)}`;
}

const requestsOnlyLocalTraffic = (svc: Service) => svc.spec.externalTrafficPolicy === 'Local' && svc.spec.type !== 'ClusterIP';

export function svclbDaemonSet(svc: Service): KubeObject {
  const name = daemonSetName(svc);
  const spec = svc.spec as Service['spec'] & { loadBalancerSourceRanges?: string[]; ipFamilies?: string[] };
  const sourceRanges = spec.loadBalancerSourceRanges?.length ? spec.loadBalancerSourceRanges.join(',') : '0.0.0.0/0';
  const local = requestsOnlyLocalTraffic(svc);
  const containers = (spec.ports ?? []).map((port) => {
    const protocol = port.protocol ?? 'TCP';
    const portName = `lb-${protocol.toLowerCase()}-${port.port}`;
    return {
      name: portName,
      image: LB_IMAGE,
      imagePullPolicy: 'IfNotPresent',
      ports: [{ name: portName, containerPort: port.port, hostPort: port.port, protocol }],
      env: [
        { name: 'SRC_PORT', value: String(port.port) },
        { name: 'SRC_RANGES', value: sourceRanges },
        { name: 'DEST_PROTO', value: protocol },
        ...(local
          ? [
              { name: 'DEST_PORT', value: String(port.nodePort) },
              { name: 'DEST_IPS', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.hostIPs' } } },
            ]
          : [
              { name: 'DEST_PORT', value: String(port.port) },
              { name: 'DEST_IPS', value: (spec.clusterIPs ?? [spec.clusterIP]).join(',') },
            ]),
      ],
      resources: {},
      securityContext: { capabilities: { add: ['NET_ADMIN'] } },
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
    };
  });
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: {
      name,
      namespace: LB_NAMESPACE,
      uid: '',
      resourceVersion: '',
      creationTimestamp: '',
      generation: 1,
      labels: { [LABEL.nodeSelector]: 'false', [LABEL.svcName]: svc.metadata.name, [LABEL.svcNamespace]: svc.metadata.namespace! },
      // wrangler's apply records the owner in annotations (a cross-namespace ownerReference is not allowed).
      annotations: {
        'objectset.rio.cattle.io/owner-gvk': '/v1, Kind=Service',
        'objectset.rio.cattle.io/owner-name': svc.metadata.name,
        'objectset.rio.cattle.io/owner-namespace': svc.metadata.namespace!,
      },
    },
    spec: {
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name, [LABEL.svcName]: svc.metadata.name, [LABEL.svcNamespace]: svc.metadata.namespace! } },
        spec: {
          automountServiceAccountToken: false,
          containers,
          dnsPolicy: 'ClusterFirst',
          priorityClassName: svc.metadata.annotations?.[LABEL.priority] ?? 'system-node-critical',
          restartPolicy: 'Always',
          schedulerName: 'default-scheduler',
          securityContext: { sysctls: [{ name: 'net.ipv4.ip_forward', value: '1' }] },
          serviceAccount: 'svclb',
          serviceAccountName: 'svclb',
          terminationGracePeriodSeconds: 30,
          tolerations: [
            { key: 'node-role.kubernetes.io/master', operator: 'Exists', effect: 'NoSchedule' },
            { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' },
            { key: 'CriticalAddonsOnly', operator: 'Exists' },
          ],
        },
      },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } },
      revisionHistoryLimit: 10,
    },
    status: { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0, observedGeneration: 1 },
  } as KubeObject;
}
