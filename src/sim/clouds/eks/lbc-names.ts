/**
 * Names the AWS Load Balancer Controller gives what it creates (other-clouds §3.4, CONFIRMED-CODE
 * `model_build_load_balancer.go`, `model_build_target_group.go`, `model_build_managed_sg.go`,
 * `backend_sg_provider.go`): `k8s-<ns:8>-<name:8>-<first 10 hex of sha256>`, the hash over the
 * inputs written one after another with nothing between them; non-alphanumerics dropped from ns/name.
 */
import { sha256Hex } from '../sha256';

const alnum = (s: string) => s.replace(/[^A-Za-z0-9]/g, '');
const named = (ns: string, name: string, hashInput: string) => `k8s-${alnum(ns).slice(0, 8)}-${alnum(name).slice(0, 8)}-${sha256Hex(hashInput).slice(0, 10)}`;

/** The NLB: cluster name, Service UID, scheme (a new scheme means a new name, so a new load balancer). */
export const lbcLoadBalancerName = (cluster: string, ns: string, name: string, uid: string, scheme: string) => named(ns, name, `${cluster}${uid}${scheme}`);

/** A target group: cluster, UID, target port (nodePort or targetPort), service port, target type, protocol, health-check protocol and interval. */
export const lbcTargetGroupName = (
  cluster: string,
  ns: string,
  name: string,
  uid: string,
  tgPort: number,
  svcPort: number,
  targetType: string,
  protocol: string,
  hcProtocol: string,
  hcInterval: number,
) => named(ns, name, `${cluster}${uid}${tgPort}${svcPort}${targetType}${protocol}${hcProtocol}${hcInterval}`);

/** The managed frontend security group: cluster, then name before namespace, then UID. */
export const lbcFrontendSgName = (cluster: string, ns: string, name: string, uid: string) => named(ns, name, `${cluster}${name}${ns}${uid}`);

/** The one shared backend security group of a cluster. */
export const lbcBackendSgName = (cluster: string) => `k8s-traffic-${alnum(cluster).slice(0, 232)}-${sha256Hex(cluster).slice(0, 10)}`;
