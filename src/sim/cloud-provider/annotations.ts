/** Service annotations the Azure provider reads (domain §5), parsed into one typed config. */
import type { Service } from '../kube/types';

const P = 'service.beta.kubernetes.io/';
export const A = {
  internal: P + 'azure-load-balancer-internal',
  internalSubnet: P + 'azure-load-balancer-internal-subnet',
  pipName: P + 'azure-pip-name',
  resourceGroup: P + 'azure-load-balancer-resource-group',
  ipv4: P + 'azure-load-balancer-ipv4',
  dnsLabel: P + 'azure-dns-label-name',
  pipTags: P + 'azure-pip-tags',
  pipPrefixId: P + 'azure-pip-prefix-id',
  idleTimeout: P + 'azure-load-balancer-tcp-idle-timeout',
  disableTcpReset: P + 'azure-load-balancer-disable-tcp-reset',
  probeProtocol: P + 'azure-load-balancer-health-probe-protocol',
  probePath: P + 'azure-load-balancer-health-probe-request-path',
  probeInterval: P + 'azure-load-balancer-health-probe-interval',
  probeCount: P + 'azure-load-balancer-health-probe-num-of-probe',
  haPorts: P + 'azure-load-balancer-enable-high-availability-ports',
  disableFloatingIp: P + 'azure-disable-load-balancer-floating-ip',
  allowedServiceTags: P + 'azure-allowed-service-tags',
  allowedIpRanges: P + 'azure-allowed-ip-ranges',
  sourceRanges: P + 'load-balancer-source-ranges',
  denyAll: P + 'azure-deny-all-except-load-balancer-source-ranges',
  disableNsg: P + 'azure-disable-load-balancer-nsg-rule',
  sharedSecurityRule: P + 'azure-shared-securityrule',
  additionalPublicIps: P + 'azure-additional-public-ips',
};

export const portAnnotation = (port: number, suffix: string) => `${P}port_${port}_${suffix}`;

const isTrue = (v: string | undefined) => v !== undefined && v.toLowerCase() === 'true';

export function annotationsOf(svc: Service): Record<string, string> {
  return svc.metadata.annotations ?? {};
}

/** Only the exact string `true` makes a Service internal (requiresInternalLoadBalancer). */
export function isInternal(svc: Service): boolean {
  return annotationsOf(svc)[A.internal] === 'true';
}

export function internalSubnet(svc: Service): string | undefined {
  return isInternal(svc) ? annotationsOf(svc)[A.internalSubnet] || undefined : undefined;
}

export function flag(svc: Service, key: string): boolean {
  return isTrue(annotationsOf(svc)[key]);
}

export function value(svc: Service, key: string): string | undefined {
  return annotationsOf(svc)[key];
}

/** The IP the service asks for: azure-load-balancer-ipv4 wins over spec.loadBalancerIP. */
export function requestedIp(svc: Service): string | undefined {
  return annotationsOf(svc)[A.ipv4] || svc.spec.loadBalancerIP || undefined;
}

/**
 * `a=b,c=d` → {a:'b', c:'d'} as upstream's parseTags reads azure-pip-tags: a pair must have
 * exactly one `=`, keys and values are trimmed (a value spelling `null` keeps its spaces: ARM
 * reserves `null`), pairs with an empty key are ignored.
 */
export function parseTags(text: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!text) return out;
  for (const kv of text.split(',')) {
    const parts = kv.split('=');
    if (parts.length !== 2) continue;
    const k = parts[0].trim();
    let v = parts[1].trim();
    if (v.toLowerCase() === 'null') v = parts[1];
    if (!k) continue;
    out[k] = v;
  }
  return out;
}

/**
 * reconcileTags without system tags: each wanted tag is added, or updated under the key already
 * on the resource when the keys match case-insensitively and the values differ case-insensitively.
 * Tags not wanted stay. Returns the same object when nothing changes.
 */
export function mergeTags(current: Record<string, string>, wanted: Record<string, string>): Record<string, string> {
  let out = current;
  for (const [k, v] of Object.entries(wanted)) {
    const existing = Object.keys(out).find((x) => x.toLowerCase() === k.toLowerCase());
    if (existing === undefined) out = { ...out, [k]: v };
    else if (out[existing].toLowerCase() !== v.toLowerCase()) out = { ...out, [existing]: v };
  }
  return out;
}

export function splitList(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Does the Azure provider handle this service at all? (`wantsLoadBalancer` in the service controller). */
export function wantsLoadBalancer(svc: Service): boolean {
  return svc.spec?.type === 'LoadBalancer' && !svc.spec.loadBalancerClass;
}
