/**
 * What kube-apiserver adds to pod specs: the defaulting of `SetDefaults_PodSpec` /
 * `SetDefaults_Container` (also applied to the pod templates of Deployments, ReplicaSets …, so
 * `kubectl get deploy -o yaml` shows them), and for Pods themselves the Pod defaults and the
 * admission plugins every AKS cluster runs (ServiceAccount, Priority, DefaultTolerationSeconds).
 * The projected service-account token volume is not modelled.
 */

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `IfNotPresent`, or `Always` for `:latest` and untagged images (SetDefaults_Container). */
function pullPolicy(image: unknown): string {
  if (typeof image !== 'string') return 'IfNotPresent';
  const name = image.includes('@') ? image.slice(0, image.indexOf('@')) : image;
  const lastSlash = name.lastIndexOf('/');
  const colon = name.indexOf(':', lastSlash + 1);
  if (image.includes('@')) return 'IfNotPresent';
  return colon < 0 || name.slice(colon + 1) === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultContainer(c: unknown): void {
  if (!isObj(c)) return;
  c.imagePullPolicy ??= pullPolicy(c.image);
  c.resources ??= {};
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  if (Array.isArray(c.ports)) for (const p of c.ports) if (isObj(p)) p.protocol ??= 'TCP';
  for (const env of Array.isArray(c.env) ? c.env : []) {
    const ref = isObj(env) && isObj(env.valueFrom) ? env.valueFrom.fieldRef : undefined;
    if (isObj(ref)) ref.apiVersion ??= 'v1';
  }
}

/** SetDefaults_PodSpec and its containers. */
export function defaultPodSpec(spec: unknown): void {
  if (!isObj(spec)) return;
  for (const list of ['initContainers', 'containers']) for (const c of Array.isArray(spec[list]) ? (spec[list] as unknown[]) : []) defaultContainer(c);
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.securityContext ??= {};
  spec.schedulerName ??= 'default-scheduler';
}

/** The pod template of a workload (`spec.template.spec`, `spec.jobTemplate.spec.template.spec`). */
export function defaultTemplate(spec: unknown): void {
  if (!isObj(spec)) return;
  const template = isObj(spec.template) ? spec.template : isObj(spec.jobTemplate) && isObj(spec.jobTemplate.spec) ? spec.jobTemplate.spec.template : undefined;
  if (isObj(template)) defaultPodSpec(template.spec);
}

/** A Pod as stored after defaulting and admission (what a controller-created pod looks like). */
export function defaultPod(spec: unknown): void {
  if (!isObj(spec)) return;
  defaultPodSpec(spec);
  spec.enableServiceLinks ??= true;
  spec.serviceAccountName ??= 'default';
  spec.serviceAccount ??= spec.serviceAccountName;
  spec.priority ??= 0;
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
  const tolerations = (Array.isArray(spec.tolerations) ? spec.tolerations : []) as Obj[];
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    if (!tolerations.some((t) => t.key === key && (t.effect === 'NoExecute' || t.effect === undefined))) {
      tolerations.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
    }
  }
  spec.tolerations = tolerations;
}
