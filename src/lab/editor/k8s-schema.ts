import type { JSONSchema } from 'monaco-yaml';
import { AZURE_SERVICE_ANNOTATIONS } from '../../reference/azure-annotations';

/**
 * A compact JSON Schema for the manifests lessons use, written for the editor: completion, hover
 * text and early markers. The simulator's API server (kubernetes-models) remains the real judge;
 * this only helps the learner before pressing Apply.
 */
const str = (description: string, extra: JSONSchema = {}): JSONSchema => ({ type: 'string', description, ...extra });
const int = (description: string, extra: JSONSchema = {}): JSONSchema => ({ type: 'integer', description, ...extra });
const port = (description: string): JSONSchema => int(description, { minimum: 1, maximum: 65535 });
const stringMap = (description: string): JSONSchema => ({ type: 'object', description, additionalProperties: { type: 'string' } });
const intOrString = (description: string): JSONSchema => ({ description, anyOf: [{ type: 'integer', minimum: 1, maximum: 65535 }, { type: 'string' }] });

const serviceAnnotations: JSONSchema = {
  type: 'object',
  description: 'Free-form notes on the object. The Azure cloud provider reads the `service.beta.kubernetes.io/azure-*` ones.',
  properties: Object.fromEntries(
    AZURE_SERVICE_ANNOTATIONS.map((a) => [a.key, { type: 'string', description: a.description, ...(a.examples ? { examples: a.examples } : {}) }]),
  ),
  additionalProperties: { type: 'string' },
};

const metadata = (annotations: JSONSchema): JSONSchema => ({
  type: 'object',
  description: 'Name, namespace, labels and annotations of the object.',
  required: ['name'],
  properties: {
    name: str('Name, unique per kind within the namespace (lower-case letters, digits and "-").', {
      pattern: '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$',
      maxLength: 253,
    }),
    namespace: str('Namespace of the object; `default` when omitted. It must exist before you apply.'),
    labels: stringMap('Key/value labels; Services select Pods by these.'),
    annotations,
  },
});

const servicePort: JSONSchema = {
  type: 'object',
  required: ['port'],
  additionalProperties: false,
  properties: {
    name: str('Port name; required when a Service has more than one port.'),
    protocol: {
      type: 'string',
      enum: ['TCP', 'UDP', 'SCTP'],
      default: 'TCP',
      description: 'TCP (default), UDP or SCTP. On Azure each port becomes a load-balancing rule `<frontend>-<PROTOCOL>-<port>`.',
    },
    port: port('The port the Service listens on: also the load balancer frontend port and the rule name suffix.'),
    targetPort: intOrString('Port (or named container port) on the Pods; defaults to `port`.'),
    nodePort: int('Port opened on every node (30000–32767), allocated when omitted. Azure health probes check it for externalTrafficPolicy Cluster.', {
      minimum: 30000,
      maximum: 32767,
    }),
    appProtocol: str('Application protocol hint; on Azure `http`/`https` makes the health probe Http/Https.'),
  },
};

const serviceSpec: JSONSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    type: {
      type: 'string',
      enum: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'],
      default: 'ClusterIP',
      description:
        'ClusterIP (in-cluster only), NodePort (adds a port on every node), LoadBalancer (adds a cloud load balancer: on AKS a Public IP and frontend on `kubernetes`), ExternalName (a DNS alias).',
    },
    selector: stringMap('Pods with all these labels become the endpoints.'),
    ports: { type: 'array', items: servicePort, description: 'Ports the Service exposes.' },
    clusterIP: str(
      'Virtual IP inside the cluster, allocated from the service CIDR (10.0.0.0/16 on AKS) when omitted; `None` for a headless Service. Immutable.',
    ),
    clusterIPs: { type: 'array', items: { type: 'string' } },
    externalTrafficPolicy: {
      type: 'string',
      enum: ['Cluster', 'Local'],
      description:
        'Cluster (default): any node forwards, client IP is SNATed. Local: only nodes with a ready Pod answer the Azure Http probe on healthCheckNodePort, and the client IP is kept.',
    },
    internalTrafficPolicy: { type: 'string', enum: ['Cluster', 'Local'] },
    healthCheckNodePort: int('Node port for the `/healthz` probe when externalTrafficPolicy is Local; allocated when omitted.'),
    loadBalancerIP: str(
      'Deprecated: requested IP. On Azure an existing Public IP with this address must exist. Prefer the azure-load-balancer-ipv4 annotation.',
    ),
    loadBalancerSourceRanges: {
      type: 'array',
      items: { type: 'string' },
      description: 'Client CIDRs allowed in: the NSG allow rule uses them instead of `Internet`.',
    },
    loadBalancerClass: str('When set, the Azure cloud provider ignores this Service (another controller must implement it).'),
    sessionAffinity: { type: 'string', enum: ['None', 'ClientIP'], description: 'ClientIP makes the Azure rules use load distribution SourceIP.' },
    externalName: str('DNS name a Service of type ExternalName points to.'),
    externalIPs: { type: 'array', items: { type: 'string' } },
    ipFamilies: { type: 'array', items: { type: 'string', enum: ['IPv4', 'IPv6'] } },
    ipFamilyPolicy: { type: 'string', enum: ['SingleStack', 'PreferDualStack', 'RequireDualStack'] },
    allocateLoadBalancerNodePorts: { type: 'boolean' },
    publishNotReadyAddresses: { type: 'boolean' },
    trafficDistribution: { type: 'string' },
  },
};

const container: JSONSchema = {
  type: 'object',
  required: ['name', 'image'],
  properties: {
    name: str('Container name.'),
    image: str('Container image, e.g. `nginx:1.27` or `mcr.microsoft.com/azuredocs/aks-helloworld:v1`.'),
    ports: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          containerPort: port('Port the container listens on.'),
          name: str('Port name a Service targetPort can refer to.'),
          protocol: { type: 'string', enum: ['TCP', 'UDP', 'SCTP'] },
        },
      },
    },
    env: { type: 'array', items: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, value: { type: 'string' } } } },
    args: { type: 'array', items: { type: 'string' } },
    command: { type: 'array', items: { type: 'string' } },
  },
};

const podTemplate: JSONSchema = {
  type: 'object',
  description: 'The Pods this controller creates.',
  properties: {
    metadata: { type: 'object', properties: { labels: stringMap('Must match spec.selector.matchLabels.') } },
    spec: { type: 'object', properties: { containers: { type: 'array', items: container, minItems: 1 } } },
  },
};

const workloadSpec: JSONSchema = {
  type: 'object',
  required: ['selector', 'template'],
  properties: {
    replicas: int('Number of Pods.', { minimum: 0 }),
    selector: { type: 'object', properties: { matchLabels: stringMap('Labels that find this controller’s Pods.') } },
    template: podTemplate,
    serviceName: str('StatefulSet only: the headless Service that names its Pods.'),
  },
};

const kindSpecs: Record<string, JSONSchema> = {
  Service: serviceSpec,
  Deployment: workloadSpec,
  StatefulSet: workloadSpec,
};

export const KNOWN_KINDS = [
  'Service',
  'Deployment',
  'StatefulSet',
  'Namespace',
  'ConfigMap',
  'Secret',
  'Ingress',
  'Pod',
  'ServiceAccount',
  'PersistentVolumeClaim',
  'IngressClass',
  'Job',
];

export const manifestSchema: JSONSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Kubernetes manifest',
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata'],
  properties: {
    apiVersion: {
      type: 'string',
      description: 'API group/version: `v1` for Service, Namespace, ConfigMap; `apps/v1` for Deployment and StatefulSet; `networking.k8s.io/v1` for Ingress.',
      examples: ['v1', 'apps/v1', 'networking.k8s.io/v1'],
    },
    kind: { type: 'string', description: 'The kind of object.', examples: KNOWN_KINDS },
    metadata: metadata({ type: 'object', additionalProperties: { type: 'string' } }),
    spec: { type: 'object' },
  },
  allOf: Object.entries(kindSpecs).map(([kind, spec]) => ({
    if: { properties: { kind: { const: kind } }, required: ['kind'] },
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword, never awaited.
    then: {
      properties: {
        spec,
        ...(kind === 'Service' ? { metadata: metadata(serviceAnnotations) } : {}),
      },
    },
  })),
};
