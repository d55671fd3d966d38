/**
 * The VPC firewall rules the GCP cloud provider makes for its load balancers (external target
 * pool and internal passthrough alike, `firewallName` / `ensureFirewall` upstream): they open the
 * nodes' network tag, never a subnet, and are named and described the provider's way.
 */
import type { Service } from '../../kube/types';
import { defaultLoadBalancerName, serviceKey } from '../common';
import { type GcpStore, L4_HEALTH_CHECK_RANGES, portRanges } from './store';

/**
 * `k8s-fw-<lb name>`: the Service's ports (merged into ranges) to the load balancer's address, from
 * `loadBalancerSourceRanges` (everywhere when unset).
 */
export function setServiceFirewall(gcp: GcpStore, svc: Service, ip: string): void {
  const name = `k8s-fw-${defaultLoadBalancerName(svc)}`;
  const ports = svc.spec.ports ?? [];
  const ranges = (svc.spec as { loadBalancerSourceRanges?: string[] }).loadBalancerSourceRanges;
  gcp.firewalls.set(name, {
    name,
    network: gcp.network,
    direction: 'INGRESS',
    priority: 1000,
    allowed: [{ IPProtocol: (ports[0]?.protocol ?? 'TCP').toLowerCase(), ports: portRanges(ports.map((p) => p.port)) }],
    sourceRanges: ranges?.length ? ranges : ['0.0.0.0/0'],
    destinationRanges: [ip],
    targetTags: [gcp.nodeTag],
    description: serviceIpDescription(svc, ip),
  });
}

/** The provider's description of a rule made for one Service's address (its own formatting: a space after the comma). */
export function serviceIpDescription(svc: Service, ip: string): string {
  return `{"kubernetes.io/service-name":"${serviceKey(svc)}", "kubernetes.io/service-ip":"${ip}"}`;
}

/** The rule that lets Google's health checkers reach the health-check port on the nodes. */
export function setHealthCheckFirewall(gcp: GcpStore, name: string, port: number, description: string): void {
  gcp.firewalls.set(name, {
    name,
    network: gcp.network,
    direction: 'INGRESS',
    priority: 1000,
    allowed: [{ IPProtocol: 'tcp', ports: [String(port)] }],
    sourceRanges: [...L4_HEALTH_CHECK_RANGES],
    targetTags: [gcp.nodeTag],
    description,
  });
}
