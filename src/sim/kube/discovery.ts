/**
 * The API server's discovery document: which kinds exist, under which group/version, their
 * plural resource names and short names. kubectl resolves `svc`, `deploy`, `ingress` … with it,
 * `kubectl api-resources` prints it, and `apply` rejects kinds/versions not listed here
 * (`no matches for kind "Deployment" in version "extensions/v1beta1"`): removed beta versions
 * are simply not served, exactly like a 1.33 API server.
 */
import { NoKindMatchError, UnknownResourceTypeError } from './errors';

export interface ResourceType {
  kind: string;
  /** API group, '' for core. */
  group: string;
  /** Served versions, preferred first. */
  versions: string[];
  /** Plural resource name: `services`. */
  plural: string;
  /** Singular: `service`. */
  singular: string;
  shortNames: string[];
  namespaced: boolean;
  verbs: string[];
  /** Categories (`all`) as in discovery; `kubectl get all` uses this. */
  categories?: string[];
  /** True for kinds registered by a CustomResourceDefinition. */
  custom?: boolean;
}

const RW = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

function t(kind: string, group: string, versions: string[], plural: string, shortNames: string[], namespaced: boolean, categories?: string[]): ResourceType {
  return { kind, group, versions, plural, singular: kind.toLowerCase(), shortNames, namespaced, verbs: RW, categories };
}

/** Built-in kinds of a Kubernetes 1.33 cluster (subset of `kubectl api-resources` relevant to lessons). */
export const BUILTIN_RESOURCES: readonly ResourceType[] = [
  t('Binding', '', ['v1'], 'bindings', [], true),
  t('ComponentStatus', '', ['v1'], 'componentstatuses', ['cs'], false),
  t('ConfigMap', '', ['v1'], 'configmaps', ['cm'], true),
  t('Endpoints', '', ['v1'], 'endpoints', ['ep'], true),
  t('Event', '', ['v1'], 'events', ['ev'], true),
  t('LimitRange', '', ['v1'], 'limitranges', ['limits'], true),
  t('Namespace', '', ['v1'], 'namespaces', ['ns'], false),
  t('Node', '', ['v1'], 'nodes', ['no'], false),
  t('PersistentVolumeClaim', '', ['v1'], 'persistentvolumeclaims', ['pvc'], true),
  t('PersistentVolume', '', ['v1'], 'persistentvolumes', ['pv'], false),
  t('Pod', '', ['v1'], 'pods', ['po'], true, ['all']),
  t('PodTemplate', '', ['v1'], 'podtemplates', [], true),
  t('ReplicationController', '', ['v1'], 'replicationcontrollers', ['rc'], true, ['all']),
  t('ResourceQuota', '', ['v1'], 'resourcequotas', ['quota'], true),
  t('Secret', '', ['v1'], 'secrets', [], true),
  t('ServiceAccount', '', ['v1'], 'serviceaccounts', ['sa'], true),
  t('Service', '', ['v1'], 'services', ['svc'], true, ['all']),
  t('MutatingWebhookConfiguration', 'admissionregistration.k8s.io', ['v1'], 'mutatingwebhookconfigurations', [], false),
  t('ValidatingWebhookConfiguration', 'admissionregistration.k8s.io', ['v1'], 'validatingwebhookconfigurations', [], false),
  t('CustomResourceDefinition', 'apiextensions.k8s.io', ['v1'], 'customresourcedefinitions', ['crd', 'crds'], false),
  t('ControllerRevision', 'apps', ['v1'], 'controllerrevisions', [], true),
  t('DaemonSet', 'apps', ['v1'], 'daemonsets', ['ds'], true, ['all']),
  t('Deployment', 'apps', ['v1'], 'deployments', ['deploy'], true, ['all']),
  t('ReplicaSet', 'apps', ['v1'], 'replicasets', ['rs'], true, ['all']),
  t('StatefulSet', 'apps', ['v1'], 'statefulsets', ['sts'], true, ['all']),
  t('HorizontalPodAutoscaler', 'autoscaling', ['v2', 'v1'], 'horizontalpodautoscalers', ['hpa'], true, ['all']),
  t('CronJob', 'batch', ['v1'], 'cronjobs', ['cj'], true, ['all']),
  t('Job', 'batch', ['v1'], 'jobs', [], true, ['all']),
  t('Lease', 'coordination.k8s.io', ['v1'], 'leases', [], true),
  t('EndpointSlice', 'discovery.k8s.io', ['v1'], 'endpointslices', [], true),
  t('IngressClass', 'networking.k8s.io', ['v1'], 'ingressclasses', [], false),
  t('Ingress', 'networking.k8s.io', ['v1'], 'ingresses', ['ing'], true),
  t('NetworkPolicy', 'networking.k8s.io', ['v1'], 'networkpolicies', ['netpol'], true),
  t('PodDisruptionBudget', 'policy', ['v1'], 'poddisruptionbudgets', ['pdb'], true),
  t('ClusterRoleBinding', 'rbac.authorization.k8s.io', ['v1'], 'clusterrolebindings', [], false),
  t('ClusterRole', 'rbac.authorization.k8s.io', ['v1'], 'clusterroles', [], false),
  t('RoleBinding', 'rbac.authorization.k8s.io', ['v1'], 'rolebindings', [], true),
  t('Role', 'rbac.authorization.k8s.io', ['v1'], 'roles', [], true),
  t('PriorityClass', 'scheduling.k8s.io', ['v1'], 'priorityclasses', ['pc'], false),
  t('CSIDriver', 'storage.k8s.io', ['v1'], 'csidrivers', [], false),
  t('StorageClass', 'storage.k8s.io', ['v1'], 'storageclasses', ['sc'], false),
];

/** `apps/v1` → {group:'apps', version:'v1'}; `v1` → core. */
export function parseApiVersion(apiVersion: string): { group: string; version: string } {
  const i = apiVersion.indexOf('/');
  return i < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
}

export function apiVersionOf(type: ResourceType, version = type.versions[0]): string {
  return type.group ? `${type.group}/${version}` : version;
}

export class Discovery {
  private byKind = new Map<string, ResourceType[]>();
  private byName = new Map<string, ResourceType>();
  private all: ResourceType[] = [];

  constructor(types: readonly ResourceType[] = BUILTIN_RESOURCES) {
    for (const type of types) this.register(type);
  }

  /** Adds a kind (a CRD becoming Established). Later registrations do not shadow built-ins. */
  register(type: ResourceType): void {
    this.all.push(type);
    const list = this.byKind.get(type.kind) ?? [];
    list.push(type);
    this.byKind.set(type.kind, list);
    const g = type.group ? `.${type.group}` : '';
    for (const name of [type.plural, type.singular, ...type.shortNames, type.plural + g, type.singular + g]) {
      if (!this.byName.has(name.toLowerCase())) this.byName.set(name.toLowerCase(), type);
    }
  }

  /** Removes a custom kind (CRD deleted). */
  unregister(group: string, kind: string): void {
    this.all = this.all.filter((x) => !(x.group === group && x.kind === kind && x.custom));
    const list = (this.byKind.get(kind) ?? []).filter((x) => !(x.group === group && x.custom));
    if (list.length) this.byKind.set(kind, list);
    else this.byKind.delete(kind);
    for (const [name, type] of [...this.byName]) if (type.custom && type.group === group && type.kind === kind) this.byName.delete(name);
  }

  /** Every registered type, sorted as `kubectl api-resources` prints them (core first, then by group, then name). */
  list(): ResourceType[] {
    return [...this.all].sort((a, b) =>
      a.group === b.group ? a.plural.localeCompare(b.plural) : a.group === '' ? -1 : b.group === '' ? 1 : a.group.localeCompare(b.group),
    );
  }

  /**
   * Maps what a user types after `kubectl get` (`svc`, `services`, `Service`, `deploy.apps`,
   * `ingresses.networking.k8s.io`) to a type. Throws UnknownResourceTypeError.
   */
  resolve(resource: string): ResourceType {
    const found = this.tryResolve(resource);
    if (!found) throw new UnknownResourceTypeError(resource);
    return found;
  }

  tryResolve(resource: string): ResourceType | undefined {
    const key = resource.toLowerCase();
    const direct = this.byName.get(key);
    if (direct) return direct;
    // `Service` / `Deployment.apps` / `deployments.v1.apps`
    const [head, ...rest] = key.split('.');
    const byKind = [...this.byKind.values()].flat().filter((x) => x.kind.toLowerCase() === head);
    if (rest.length === 0) return byKind[0];
    const tail = rest.join('.');
    return byKind.find((x) => x.group === tail) ?? this.byName.get(`${head}.${rest.slice(1).join('.')}`);
  }

  /**
   * Maps a manifest's apiVersion + kind to a type, as kubectl's REST mapper does before sending it.
   * Throws NoKindMatchError for removed versions (`extensions/v1beta1`) and unknown kinds.
   */
  forManifest(apiVersion: string, kind: string): ResourceType {
    const { group, version } = parseApiVersion(apiVersion);
    const type = (this.byKind.get(kind) ?? []).find((x) => x.group === group && x.versions.includes(version));
    if (!type) throw new NoKindMatchError(kind, apiVersion);
    return type;
  }

  /** The type of a stored kind (kinds are unique in the store except for CRD clashes). */
  forKind(kind: string): ResourceType | undefined {
    return this.byKind.get(kind)?.[0];
  }

  /** Types in category `all` (for `kubectl get all`). */
  inCategory(category: string): ResourceType[] {
    return this.all.filter((x) => x.categories?.includes(category));
  }
}
