/**
 * The answer `explain()` gives for a set of pasted outputs. Everything a person reads is a code
 * plus parameters (rendered by `i18n.ts` in the page's language); `message`/`text` hold the
 * rendering in the locale explain() was asked for, so tests and simple callers can read it.
 */
export type Locale = 'en' | 'ko';

export type PublicIpRole = 'service' | 'outbound' | 'user' | 'orphan' | 'unknown';
export type ServiceState = 'has-ip' | 'pending' | 'unknown';
export type Severity = 'info' | 'warning' | 'problem';

export type Params = Record<string, string | number>;

/** One reason behind a decision, in words a learner understands. */
export interface Evidence {
  code: string;
  params: Params;
  text: string;
}

export interface PublicIpExplanation {
  name: string;
  /** Full ARM id when the paste showed one (may hold a subscription id: mask it in views). */
  id?: string;
  resourceGroup?: string;
  ipAddress?: string;
  role: PublicIpRole;
  /** `<namespace>/<name>` of the first owner; `services` lists all when several share the IP. */
  service?: string;
  services: string[];
  frontend?: string;
  loadBalancer?: string;
  evidence: Evidence[];
}

export interface RuleExplanation {
  name: string;
  protocol: string;
  frontendPort: number;
  backendPort?: number;
  probe?: string;
  /** false: the LB was not pasted, this is the name the cloud provider gives the rule. */
  seen: boolean;
}

export interface ServicePort {
  name?: string;
  port: number;
  protocol: string;
  targetPort?: number | string;
  nodePort?: number;
}

export interface PendingReason {
  /** Known failure cause (`public-ip-quota`, `port-conflict`, …), `in-progress`, `no-events` or `other`. */
  cause: string;
  /** Event reason and message the cause was read from. */
  reason?: string;
  message?: string;
  text: string;
  lesson?: LessonRef;
}

export interface ServiceExplanation {
  namespace: string;
  name: string;
  uid?: string;
  internal: boolean;
  externalIp?: string;
  publicIp?: string;
  frontend?: string;
  loadBalancer?: string;
  rules: RuleExplanation[];
  state: ServiceState;
  pending?: PendingReason;
  ports: ServicePort[];
  annotations: Record<string, string>;
  selector?: Record<string, string>;
  externalTrafficPolicy?: string;
  loadBalancerSourceRanges?: string[];
  loadBalancerIP?: string;
  loadBalancerClass?: string;
}

export interface LessonRef {
  slug: string;
  /** Key into LESSON_SECTIONS: the heading the finding is explained under. */
  section: string;
}

export interface Finding {
  severity: Severity;
  code: string;
  params: Params;
  message: string;
  /** Lesson slug that explains it. */
  lesson?: string;
  section?: string;
  /** What it is about, for the view to link (a Public IP name or `<ns>/<name>`). */
  subject?: string;
}

export type InputKind = 'services' | 'public-ips' | 'load-balancers' | 'cluster' | 'nsgs' | 'events' | 'nodes' | 'node-resource-group' | 'empty';

export type InputProblem =
  | 'table-output'
  | 'yaml-output'
  | 'describe-output'
  | 'truncated'
  | 'invalid-json'
  | 'other-command'
  | 'other-cloud'
  | 'command-error'
  | 'unrecognised';

export interface InputNote {
  code: string;
  params: Params;
  text: string;
}

export interface InputExplanation {
  index: number;
  ok: boolean;
  kind?: InputKind;
  problem?: InputProblem;
  /** How many objects of that kind it held. */
  count?: number;
  /** The command that gives what this paste should have been (for problems) or that made it. */
  command?: string;
  line?: number;
  column?: number;
  message: string;
  code: string;
  params: Params;
  /** BOM removed, CRLF line ends, redacted ids, text before the JSON skipped… */
  notes: InputNote[];
}

export interface ClusterFacts {
  name?: string;
  resourceGroup?: string;
  nodeResourceGroup?: string;
  subscriptionIds: string[];
  kubernetesVersion?: string;
  networkPlugin?: string;
  outboundType?: string;
  nodeCount?: number;
  managedOutboundIPCount?: number;
  /** 0 = automatic (Azure's default share per node). */
  allocatedOutboundPorts?: number;
  location?: string;
}

export interface OutboundPath {
  rule: string;
  loadBalancer: string;
  frontends: string[];
  publicIps: string[];
  allocatedOutboundPorts?: number;
}

export interface Explanation {
  publicIps: PublicIpExplanation[];
  services: ServiceExplanation[];
  findings: Finding[];
  inputs: InputExplanation[];
  cluster: ClusterFacts;
  outbound?: OutboundPath;
  /** Kinds of output not pasted yet that would add to the answer, in the order worth pasting. */
  missing: InputKind[];
}
