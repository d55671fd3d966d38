/**
 * The `eks/aws-load-balancer-controller` chart (3.5.0, controller v3.5.0) as the lab knows it:
 * the objects its templates render with default values (the subset `kubectl get` shows; the
 * webhook certificate is a Secret with placeholder data), and its `crds/` directory, which helm
 * installs before the templates and never deletes. Loaded with the first helm command that names it.
 */
import { establishCustomKind } from '../../sim/clouds/common';
import type { KubeStore } from '../../sim/kube/store';
import type { KubeObjectInput } from '../../sim/kube/types';
import type { Values } from './chart';

export const CHART_NAME = 'aws-load-balancer-controller';
export const CHART_VERSION = '3.5.0';
export const APP_VERSION = 'v3.5.0';
export const REPO_URL = 'https://aws.github.io/eks-charts';

export function defaultValues(): Values {
  return {
    replicaCount: 2,
    image: { repository: 'public.ecr.aws/eks/aws-load-balancer-controller', tag: APP_VERSION, pullPolicy: 'IfNotPresent' },
    serviceAccount: { create: true, name: null, annotations: {} },
    clusterName: null,
    region: null,
    vpcId: null,
    ingressClass: 'alb',
    createIngressClassResource: true,
    ingressClassParams: { create: true },
    enableServiceMutatorWebhook: true,
    defaultTargetType: 'instance',
  };
}

/** The chart generates a CA and serving certificate per install; the lab stores the PEM header only. */
const PEM = 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==';
const KEY = 'LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQo=';

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/** `helm install` fails in the template's `required` call without a cluster name. */
export function templateError(values: Values): string | undefined {
  return str(values.clusterName)
    ? undefined
    : `execution error at (${CHART_NAME}/templates/deployment.yaml:67:28): Chart cannot be installed without a valid clusterName!`;
}

/** The chart's crds/: TargetGroupBinding and IngressClassParams (the Gateway API ones are left out). */
export function installCrds(kube: KubeStore): void {
  if (!kube.discovery.forKind('TargetGroupBinding'))
    establishCustomKind(kube, {
      kind: 'TargetGroupBinding',
      group: 'elbv2.k8s.aws',
      versions: ['v1beta1', 'v1alpha1'],
      plural: 'targetgroupbindings',
      shortNames: [],
      namespaced: true,
    });
  if (!kube.discovery.forKind('IngressClassParams'))
    establishCustomKind(kube, {
      kind: 'IngressClassParams',
      group: 'elbv2.k8s.aws',
      versions: ['v1beta1'],
      plural: 'ingressclassparams',
      shortNames: [],
      namespaced: false,
    });
}

export function fullname(release: string): string {
  return (release.includes(CHART_NAME) ? release : `${release}-${CHART_NAME}`).slice(0, 63).replace(/-$/, '');
}

export function render(release: string, namespace: string, values: Values): KubeObjectInput[] {
  const full = fullname(release);
  const selector = { 'app.kubernetes.io/name': CHART_NAME, 'app.kubernetes.io/instance': release };
  const labels = {
    'app.kubernetes.io/managed-by': 'Helm',
    'helm.sh/chart': `${CHART_NAME}-${CHART_VERSION}`,
    ...selector,
    'app.kubernetes.io/version': APP_VERSION,
  };
  const meta = (name: string, cluster = false) => ({
    name,
    ...(cluster ? {} : { namespace }),
    labels: { ...labels },
    annotations: { 'meta.helm.sh/release-name': release, 'meta.helm.sh/release-namespace': namespace },
  });
  const sa = values.serviceAccount as Values;
  const saName = str(sa.name) || (sa.create === false ? 'default' : full);
  const image = values.image as Values;
  const webhookService = 'aws-load-balancer-webhook-service';
  const objs: KubeObjectInput[] = [];
  if (sa.create !== false)
    objs.push({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { ...meta(saName), annotations: { ...meta(saName).annotations, ...((sa.annotations as Record<string, string>) ?? {}) } },
    });
  objs.push({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: meta('aws-load-balancer-tls'),
    type: 'kubernetes.io/tls',
    data: { 'ca.crt': PEM, 'tls.crt': PEM, 'tls.key': KEY },
  });
  objs.push({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: meta(`${full}-role`, true),
    rules: [
      { apiGroups: ['elbv2.k8s.aws'], resources: ['targetgroupbindings'], verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'] },
      { apiGroups: [''], resources: ['services', 'endpoints', 'nodes', 'pods', 'namespaces', 'secrets'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: [''], resources: ['services/status', 'pods/status'], verbs: ['update', 'patch'] },
      { apiGroups: [''], resources: ['events'], verbs: ['create', 'patch'] },
      { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: ['get', 'list', 'watch'] },
    ],
  });
  objs.push({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: meta(`${full}-rolebinding`, true),
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: `${full}-role` },
    subjects: [{ kind: 'ServiceAccount', name: saName, namespace }],
  });
  objs.push({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: meta(`${full}-leader-election-role`),
    rules: [{ apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['create', 'get', 'update', 'patch'] }],
  });
  objs.push({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: meta(`${full}-leader-election-rolebinding`),
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: `${full}-leader-election-role` },
    subjects: [{ kind: 'ServiceAccount', name: saName, namespace }],
  });
  objs.push({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { ...meta(webhookService), labels: { ...labels, 'app.kubernetes.io/component': 'webhook', 'prometheus.io/service-monitor': 'false' } },
    spec: { ports: [{ name: 'webhook-server', port: 443, targetPort: 'webhook-server' }], selector },
  });
  const args = [`--cluster-name=${str(values.clusterName)}`, `--ingress-class=${str(values.ingressClass) || 'alb'}`];
  if (str(values.region)) args.push(`--aws-region=${str(values.region)}`);
  if (str(values.vpcId)) args.push(`--aws-vpc-id=${str(values.vpcId)}`);
  if (str(values.defaultTargetType) && str(values.defaultTargetType) !== 'instance') args.push(`--default-target-type=${str(values.defaultTargetType)}`);
  objs.push({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta(full),
    spec: {
      replicas: Number(values.replicaCount ?? 2),
      revisionHistoryLimit: 10,
      selector: { matchLabels: selector },
      template: {
        metadata: { labels: { ...selector }, annotations: { 'prometheus.io/port': '8080', 'prometheus.io/scrape': 'true' } },
        spec: {
          serviceAccountName: saName,
          volumes: [{ name: 'cert', secret: { defaultMode: 420, secretName: 'aws-load-balancer-tls' } }],
          securityContext: { fsGroup: 65534 },
          containers: [
            {
              name: CHART_NAME,
              args,
              image: `${str(image.repository)}:${str(image.tag)}`,
              imagePullPolicy: str(image.pullPolicy) || 'IfNotPresent',
              volumeMounts: [{ mountPath: '/tmp/k8s-webhook-server/serving-certs', name: 'cert', readOnly: true }],
              ports: [
                { name: 'webhook-server', containerPort: 9443, protocol: 'TCP' },
                { name: 'metrics-server', containerPort: 8080, protocol: 'TCP' },
              ],
            },
          ],
          priorityClassName: 'system-cluster-critical',
        },
      },
    },
  });
  const hook = (name: string, path: string, resources: string[], extra: Values = {}) => ({
    clientConfig: { caBundle: PEM, service: { name: webhookService, namespace, path } },
    failurePolicy: 'Fail',
    name,
    admissionReviewVersions: ['v1'],
    rules: [
      {
        apiGroups: [resources[0] === 'targetgroupbindings' ? 'elbv2.k8s.aws' : ''],
        apiVersions: [resources[0] === 'targetgroupbindings' ? 'v1beta1' : 'v1'],
        operations: ['CREATE'],
        resources,
      },
    ],
    sideEffects: 'None',
    ...extra,
  });
  objs.push({
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'MutatingWebhookConfiguration',
    metadata: meta('aws-load-balancer-webhook', true),
    webhooks: [
      hook('mpod.elbv2.k8s.aws', '/mutate-v1-pod', ['pods'], {
        namespaceSelector: { matchExpressions: [{ key: 'elbv2.k8s.aws/pod-readiness-gate-inject', operator: 'In', values: ['enabled'] }] },
      }),
      ...(values.enableServiceMutatorWebhook === false
        ? []
        : [
            hook('mservice.elbv2.k8s.aws', '/mutate-v1-service', ['services'], {
              objectSelector: { matchExpressions: [{ key: 'app.kubernetes.io/name', operator: 'NotIn', values: [CHART_NAME] }] },
            }),
          ]),
      hook('mtargetgroupbinding.elbv2.k8s.aws', '/mutate-elbv2-k8s-aws-v1beta1-targetgroupbinding', ['targetgroupbindings']),
    ],
  });
  objs.push({
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingWebhookConfiguration',
    metadata: meta('aws-load-balancer-webhook', true),
    webhooks: [hook('vtargetgroupbinding.elbv2.k8s.aws', '/validate-elbv2-k8s-aws-v1beta1-targetgroupbinding', ['targetgroupbindings'])],
  });
  if (values.createIngressClassResource !== false) {
    const cls = str(values.ingressClass) || 'alb';
    const params = values.ingressClassParams as Values | undefined;
    if (params?.create !== false) objs.push({ apiVersion: 'elbv2.k8s.aws/v1beta1', kind: 'IngressClassParams', metadata: meta(cls, true) });
    objs.push({ apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: meta(cls, true), spec: { controller: 'ingress.k8s.aws/alb' } });
  }
  return objs;
}

export function notes(): string {
  return 'AWS Load Balancer controller installed!\n';
}
