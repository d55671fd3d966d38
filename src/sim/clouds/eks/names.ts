/** Names the AWS cloud provider gives what it creates (other-clouds §3.2–3.3, CONFIRMED-CODE). */
import { sha1Hex } from './sha1';

const alnum = (s: string) => s.replace(/[^A-Za-z0-9]/g, '');

/** Per-Service security group of a Classic ELB. */
export const elbSecurityGroupName = (lbName: string) => `k8s-elb-${lbName}`;

/**
 * buildTargetGroupName: `k8s-<ns:8>-<svc:8>-<10 hex>` of sha1 over cluster ID, namespace, name,
 * port, nodePort, protocol, target type, health-check protocol and interval (written one after
 * another, nothing between them).
 */
export function targetGroupName(
  clusterId: string,
  ns: string,
  name: string,
  port: number,
  nodePort: number,
  protocol: string,
  targetType: string,
  hcProtocol: string,
  hcInterval: number,
): string {
  const hash = sha1Hex(`${clusterId}${ns}${name}${port}${nodePort}${protocol}${targetType}${hcProtocol}${hcInterval}`);
  return `k8s-${alnum(ns).slice(0, 8)}-${alnum(name).slice(0, 8)}-${hash.slice(0, 10)}`;
}

/** Node security group rule descriptions the NLB code finds its rules by. */
export const nlbRuleDescription = {
  client: (lbName: string) => `kubernetes.io/rule/nlb/client=${lbName}`,
  health: (lbName: string) => `kubernetes.io/rule/nlb/health=${lbName}`,
  mtu: 'kubernetes.io/rule/nlb/mtu',
};
