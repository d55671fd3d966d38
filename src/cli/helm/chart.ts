/**
 * The `ingress-nginx/ingress-nginx` chart (4.12.x, controller v1.12.x) as the lab knows it: its
 * default values and the objects `helm template` renders from them (the subset a learner meets
 * with `kubectl get`; admission jobs are hooks that have already completed, so they are left out).
 */
import type { KubeObjectInput } from '../../sim/kube/types';

export const CHART_NAME = 'ingress-nginx';
export const CHART_VERSION = '4.12.1';
export const APP_VERSION = '1.12.1';
export const CONTROLLER_IMAGE = `registry.k8s.io/ingress-nginx/controller:v${APP_VERSION}@sha256:d2fbc4ec70d8aa2050dd91a91506e998765e86c96f32cffb56c503c9c34eed5b`;
export const REPO_URL = 'https://kubernetes.github.io/ingress-nginx';

export type Values = Record<string, unknown>;

export function defaultValues(): Values {
  return {
    controller: {
      name: 'controller',
      replicaCount: 1,
      image: { registry: 'registry.k8s.io', image: 'ingress-nginx/controller', tag: `v${APP_VERSION}` },
      containerPort: { http: 80, https: 443 },
      ingressClass: 'nginx',
      ingressClassResource: { name: 'nginx', enabled: true, default: false, controllerValue: 'k8s.io/ingress-nginx' },
      nodeSelector: { 'kubernetes.io/os': 'linux' },
      config: {},
      service: {
        enabled: true,
        type: 'LoadBalancer',
        annotations: {},
        labels: {},
        loadBalancerIP: '',
        loadBalancerSourceRanges: [],
        externalTrafficPolicy: '',
        ports: { http: 80, https: 443 },
        targetPorts: { http: 'http', https: 'https' },
      },
      admissionWebhooks: { enabled: true, port: 8443 },
    },
    defaultBackend: { enabled: false },
  };
}

const isObj = (v: unknown): v is Values => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Helm's value coalescing: maps merge key by key, anything else replaces; `null` deletes. */
export function mergeValues(base: Values, over: Values): Values {
  const out: Values = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (v === null) delete out[k];
    else if (isObj(v) && isObj(out[k])) out[k] = mergeValues(out[k] as Values, v);
    else out[k] = structuredClone(v);
  }
  return out;
}

/** `ingress-nginx.fullname`: the release name alone when it already contains the chart name. */
export function fullname(release: string): string {
  return (release.includes(CHART_NAME) ? release : `${release}-${CHART_NAME}`).slice(0, 63).replace(/-$/, '');
}

/** Go templates render maps in key order. */
const sorted = (m: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
const get = (v: Values, path: string): unknown => path.split('.').reduce<unknown>((o, k) => (isObj(o) ? o[k] : undefined), v);
const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

export function render(release: string, namespace: string, values: Values): KubeObjectInput[] {
  const full = fullname(release);
  const ctrl = `${full}-controller`;
  const labels = (component?: string): Record<string, string> => ({
    'helm.sh/chart': `${CHART_NAME}-${CHART_VERSION}`,
    'app.kubernetes.io/name': CHART_NAME,
    'app.kubernetes.io/instance': release,
    'app.kubernetes.io/version': APP_VERSION,
    'app.kubernetes.io/part-of': CHART_NAME,
    'app.kubernetes.io/managed-by': 'Helm',
    ...(component ? { 'app.kubernetes.io/component': component } : {}),
  });
  const selector = { 'app.kubernetes.io/name': CHART_NAME, 'app.kubernetes.io/instance': release, 'app.kubernetes.io/component': 'controller' };
  const meta = (
    name: string,
    component?: string,
    extra: { annotations?: Record<string, string>; labels?: Record<string, string>; cluster?: boolean } = {},
  ) => ({
    name,
    ...(extra.cluster ? {} : { namespace }),
    labels: sorted({ ...labels(component), ...(extra.labels ?? {}) }),
    annotations: sorted({ ...(extra.annotations ?? {}), 'meta.helm.sh/release-name': release, 'meta.helm.sh/release-namespace': namespace }),
  });
  const className = str(get(values, 'controller.ingressClassResource.name')) || 'nginx';
  const controllerValue = str(get(values, 'controller.ingressClassResource.controllerValue')) || 'k8s.io/ingress-nginx';
  const image = get(values, 'controller.image') as Values;
  const imageRef = `${str(image.registry)}/${str(image.image)}:${str(image.tag)}${str(image.tag) === `v${APP_VERSION}` ? CONTROLLER_IMAGE.slice(CONTROLLER_IMAGE.indexOf('@')) : ''}`;
  const webhook = get(values, 'controller.admissionWebhooks.enabled') !== false;
  const objs: KubeObjectInput[] = [];

  objs.push({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta(full, 'controller'), automountServiceAccountToken: true });
  const config = (get(values, 'controller.config') as Values | undefined) ?? {};
  objs.push({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: meta(ctrl, 'controller'),
    data: Object.fromEntries(Object.entries(config).map(([k, v]) => [k, str(v)])),
  });
  objs.push({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: meta(full, undefined, { cluster: true }),
    rules: [
      { apiGroups: [''], resources: ['configmaps', 'endpoints', 'nodes', 'pods', 'secrets', 'namespaces'], verbs: ['list', 'watch'] },
      { apiGroups: [''], resources: ['services'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: ['networking.k8s.io'], resources: ['ingresses', 'ingressclasses'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: ['networking.k8s.io'], resources: ['ingresses/status'], verbs: ['update'] },
      { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: ['list', 'watch', 'get'] },
    ],
  });
  objs.push({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: meta(full, undefined, { cluster: true }),
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: full },
    subjects: [{ kind: 'ServiceAccount', name: full, namespace }],
  });
  objs.push({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: meta(full, 'controller'),
    rules: [
      { apiGroups: [''], resources: ['namespaces'], verbs: ['get'] },
      { apiGroups: [''], resources: ['configmaps', 'pods', 'secrets', 'endpoints'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['get', 'create', 'update'] },
    ],
  });
  objs.push({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: meta(full, 'controller'),
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: full },
    subjects: [{ kind: 'ServiceAccount', name: full, namespace }],
  });
  if (webhook) {
    objs.push({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta(`${ctrl}-admission`, 'controller'),
      spec: { type: 'ClusterIP', ports: [{ name: 'https-webhook', port: 443, targetPort: 'webhook', appProtocol: 'https' }], selector },
    });
  }
  if (get(values, 'controller.service.enabled') !== false) {
    const svc = get(values, 'controller.service') as Values;
    const type = str(svc.type) || 'LoadBalancer';
    const ports = (svc.ports ?? {}) as Values;
    const targets = (svc.targetPorts ?? {}) as Values;
    const annotations = Object.fromEntries(Object.entries((svc.annotations ?? {}) as Values).map(([k, v]) => [k, str(v)]));
    const ranges = (svc.loadBalancerSourceRanges as string[] | undefined) ?? [];
    objs.push({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta(ctrl, 'controller', {
        annotations,
        labels: Object.fromEntries(Object.entries((svc.labels ?? {}) as Values).map(([k, v]) => [k, str(v)])),
      }),
      spec: {
        type,
        ipFamilyPolicy: 'SingleStack',
        ipFamilies: ['IPv4'],
        ...(str(svc.loadBalancerIP) && type === 'LoadBalancer' ? { loadBalancerIP: str(svc.loadBalancerIP) } : {}),
        ...(ranges.length && type === 'LoadBalancer' ? { loadBalancerSourceRanges: ranges } : {}),
        ...(str(svc.externalTrafficPolicy) && type !== 'ClusterIP' ? { externalTrafficPolicy: str(svc.externalTrafficPolicy) } : {}),
        ports: [
          { name: 'http', port: Number(ports.http ?? 80), protocol: 'TCP', targetPort: targets.http ?? 'http', appProtocol: 'http' },
          { name: 'https', port: Number(ports.https ?? 443), protocol: 'TCP', targetPort: targets.https ?? 'https', appProtocol: 'https' },
        ],
        selector,
      },
    });
  }
  const cp = (get(values, 'controller.containerPort') ?? {}) as Values;
  objs.push({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta(ctrl, 'controller'),
    spec: {
      selector: { matchLabels: selector },
      replicas: Number(get(values, 'controller.replicaCount') ?? 1),
      revisionHistoryLimit: 10,
      minReadySeconds: 0,
      template: {
        metadata: { labels: { ...labels('controller') } },
        spec: {
          dnsPolicy: 'ClusterFirst',
          containers: [
            {
              name: 'controller',
              image: imageRef,
              imagePullPolicy: 'IfNotPresent',
              args: [
                '/nginx-ingress-controller',
                `--publish-service=$(POD_NAMESPACE)/${ctrl}`,
                '--election-id=' + ctrl + '-leader',
                `--controller-class=${controllerValue}`,
                `--ingress-class=${className}`,
                `--configmap=$(POD_NAMESPACE)/${ctrl}`,
                ...(webhook
                  ? [
                      '--validating-webhook=:8443',
                      '--validating-webhook-certificate=/usr/local/certificates/cert',
                      '--validating-webhook-key=/usr/local/certificates/key',
                    ]
                  : []),
              ],
              ports: [
                { name: 'http', containerPort: Number(cp.http ?? 80), protocol: 'TCP' },
                { name: 'https', containerPort: Number(cp.https ?? 443), protocol: 'TCP' },
                ...(webhook ? [{ name: 'webhook', containerPort: 8443, protocol: 'TCP' }] : []),
              ],
              resources: { requests: { cpu: '100m', memory: '90Mi' } },
            },
          ],
          nodeSelector: (get(values, 'controller.nodeSelector') as Record<string, string> | undefined) ?? { 'kubernetes.io/os': 'linux' },
          serviceAccountName: full,
          terminationGracePeriodSeconds: 300,
        },
      },
    },
  });
  if (get(values, 'controller.ingressClassResource.enabled') !== false) {
    objs.push({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'IngressClass',
      metadata: meta(className, 'controller', {
        cluster: true,
        annotations: get(values, 'controller.ingressClassResource.default') === true ? { 'ingressclass.kubernetes.io/is-default-class': 'true' } : {},
      }),
      spec: { controller: controllerValue },
    });
  }
  if (webhook) {
    objs.push({
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingWebhookConfiguration',
      metadata: meta(`${full}-admission`, 'admission-webhook', { cluster: true }),
      webhooks: [
        {
          name: 'validate.nginx.ingress.kubernetes.io',
          matchPolicy: 'Equivalent',
          rules: [{ apiGroups: ['networking.k8s.io'], apiVersions: ['v1'], operations: ['CREATE', 'UPDATE'], resources: ['ingresses'] }],
          failurePolicy: 'Fail',
          sideEffects: 'None',
          admissionReviewVersions: ['v1'],
          clientConfig: { service: { name: `${ctrl}-admission`, namespace, path: '/networking/v1/ingresses', port: 443 } },
        },
      ],
    });
  }
  return objs;
}

export function notes(release: string, namespace: string, values: Values): string {
  const ctrl = `${fullname(release)}-controller`;
  const type = str(get(values, 'controller.service.type')) || 'LoadBalancer';
  const head =
    type === 'LoadBalancer'
      ? `The ingress-nginx controller has been installed.\nIt may take a few minutes for the load balancer IP to be available.\nYou can watch the status by running 'kubectl get service --namespace ${namespace} ${ctrl} --output wide --watch'\n`
      : `The ingress-nginx controller has been installed.\n`;
  return `${head}
An example Ingress that makes use of the controller:
  apiVersion: networking.k8s.io/v1
  kind: Ingress
  metadata:
    name: example
    namespace: foo
  spec:
    ingressClassName: ${str(get(values, 'controller.ingressClassResource.name')) || 'nginx'}
    rules:
      - host: www.example.com
        http:
          paths:
            - pathType: Prefix
              backend:
                service:
                  name: exampleService
                  port:
                    number: 80
              path: /
    # This section is only required if TLS is to be enabled for the Ingress
    tls:
      - hosts:
        - www.example.com
        secretName: example-tls

If TLS is enabled for the Ingress, a Secret containing the certificate and key must also be provided:

  apiVersion: v1
  kind: Secret
  metadata:
    name: example-tls
    namespace: foo
  data:
    tls.crt: <base64 encoded cert>
    tls.key: <base64 encoded key>
  type: kubernetes.io/tls
`;
}
