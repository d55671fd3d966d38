/**
 * Every name the Azure cloud provider derives, in one place (as upstream keeps them in
 * getPublicIPName / getLoadBalancerRuleName / getFrontendIPConfigName / securitygroup helpers).
 * Domain reference §1.
 */
import { md5Hex } from '../md5';

/** The CCM's --cluster-name on AKS. */
export const CLUSTER_NAME = 'kubernetes';
export const INTERNAL_LB_SUFFIX = '-internal';
const FRONTEND_MAX = 80;
const IPV6_SUFFIX_LEN = 5;
const PIP_PREFIX_MAX = 80;
const RULE_MAX = 80;

/** `"a" + UID without dashes`, cut to 32 characters (cloudprovider.DefaultLoadBalancerName). */
export function baseName(uid: string): string {
  return ('a' + uid.replace(/-/g, '')).slice(0, 32);
}

export function loadBalancerName(internal: boolean): string {
  return internal ? CLUSTER_NAME + INTERNAL_LB_SUFFIX : CLUSTER_NAME;
}

/**
 * `<base>` or, for internal services with a subnet annotation, `<base>-<subnet>` cut to 75 with
 * a non-letter/underscore last character replaced by `_`.
 */
export function frontendName(uid: string, internalSubnet?: string): string {
  const base = baseName(uid);
  if (!internalSubnet) return base;
  let name = `${base}-${internalSubnet}`;
  if (name.length > FRONTEND_MAX - IPV6_SUFFIX_LEN) {
    name = name.slice(0, FRONTEND_MAX - IPV6_SUFFIX_LEN);
    const last = name[name.length - 1];
    if (!/[A-Za-z_]/.test(last)) name = name.slice(0, -1) + '_';
  }
  return name;
}

/** `kubernetes-<base>` (+ `-<prefix name>` with azure-pip-prefix-id), cut to 75. */
export function publicIpName(uid: string, pipPrefixId?: string): string {
  let name = `${CLUSTER_NAME}-${baseName(uid)}`;
  if (pipPrefixId) name += `-${pipPrefixId.split('/').filter(Boolean).pop()}`;
  return name.length > PIP_PREFIX_MAX - IPV6_SUFFIX_LEN ? name.slice(0, PIP_PREFIX_MAX - IPV6_SUFFIX_LEN) : name;
}

/** `<base>-TCP-80`, or `<base>-<subnet>-TCP-80` with the subnet cut so the whole fits 75. */
export function ruleName(uid: string, protocol: string, port: number, internalSubnet?: string): string {
  const base = baseName(uid);
  const tail = `${protocol.toUpperCase()}-${port}`;
  if (!internalSubnet) return `${base}-${tail}`;
  const room = RULE_MAX - IPV6_SUFFIX_LEN - base.length - tail.length - 2;
  return `${base}-${internalSubnet.slice(0, Math.max(0, room))}-${tail}`;
}

/** The ETP Local probe: one per service, `<base>-TCP-<healthCheckNodePort>`. */
export function localProbeName(uid: string, healthCheckNodePort: number, internalSubnet?: string): string {
  return ruleName(uid, 'TCP', healthCheckNodePort, internalSubnet);
}

/** Azure spelling of a Kubernetes protocol in LB rules and NSG rules. */
export function azureProtocol(k8sProtocol: string): 'Tcp' | 'Udp' | 'All' {
  if (k8sProtocol === 'UDP') return 'Udp';
  if (k8sProtocol === 'SCTP') return 'All';
  return 'Tcp';
}

export const NSG_RULE_PREFIX = 'k8s-azure-lb';

/**
 * v1.29+ consolidated allow rule: `k8s-azure-lb_allow_IPv4_<md5(Protocol_sources_ports)>`,
 * sources and ports sorted as strings.
 */
export function allowRuleName(protocol: 'Tcp' | 'Udp' | '*', sources: string[], ports: (string | number)[], family: 'IPv4' | 'IPv6' = 'IPv4'): string {
  return `${NSG_RULE_PREFIX}_allow_${family}_${md5Cached(allowRuleHashInput(protocol, sources, ports))}`;
}

/** Most services share a handful of (protocol, sources, ports) sets: hash each once. */
const md5Memo = new Map<string, string>();
function md5Cached(input: string): string {
  let h = md5Memo.get(input);
  if (h === undefined) {
    if (md5Memo.size > 10_000) md5Memo.clear();
    md5Memo.set(input, (h = md5Hex(input)));
  }
  return h;
}

export function allowRuleHashInput(protocol: string, sources: string[], ports: (string | number)[]): string {
  const src = [...sources].sort();
  const dst = ports.map(String).sort();
  return `${protocol}_${src.join(',')}_${dst.join(',')}`;
}

export function denyAllRuleName(family: 'IPv4' | 'IPv6' = 'IPv4'): string {
  return `${NSG_RULE_PREFIX}_deny-all_${family}`;
}

/** ≤ v1.28 per-service rule: `<base>-TCP-80-Internet` (`/`→`_`, `:`→`.`). */
export function legacySecurityRuleName(uid: string, protocol: string, port: number, source: string): string {
  return `${baseName(uid)}-${protocol.toUpperCase()}-${port}-${source.replace(/\//g, '_').replace(/:/g, '.')}`;
}

/** ≤ v1.28 with azure-shared-securityrule: `shared-TCP-80-Internet`. */
export function legacySharedRuleName(protocol: string, port: number, source: string): string {
  return `shared-${protocol.toUpperCase()}-${port}-${source.replace(/\//g, '_').replace(/:/g, '.')}`;
}

export function legacyDenyRuleName(uid: string, protocol: string, port: number): string {
  return `${baseName(uid)}-${protocol.toUpperCase()}-${port}-deny_all`;
}

/** `ns/name` — the value in the `k8s-azure-service` tag. */
export function serviceKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}
