/**
 * ingress-gce's L4 names (other-clouds §4.3): `k8s2-<uid8>-<ns>-<name>-<hash8>`, where uid8 hashes
 * the kube-system namespace UID and hash8 hashes `<uid8>;<ns>;<name>`. The hash takes the first n
 * bytes of SHA-256, each mod 36, as [0-9a-z] (checked against upstream's test vector in the tests).
 */
import { sha256 } from './sha256';

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
const MAX_COMBINED = 39;

export function contentHash(s: string, n: number): string {
  return [...sha256(s).slice(0, n)].map((b) => DIGITS[b % 36]).join('');
}

/** Cuts the longer of namespace/name first until both fit together in `max` characters. */
function trimEvenly(max: number, ns: string, name: string): [string, string] {
  let [a, b] = [ns, name];
  while (a.length + b.length > max) {
    if (a.length >= b.length) a = a.slice(0, -1);
    else b = b.slice(0, -1);
  }
  return [a, b];
}

export class L4Namer {
  readonly uid8: string;
  constructor(kubeSystemUid: string) {
    this.uid8 = contentHash(kubeSystemUid, 8);
  }

  backend(ns: string, name: string): string {
    return ['k8s2', this.uid8, ...trimEvenly(MAX_COMBINED, ns, name), contentHash(`${this.uid8};${ns};${name}`, 8)].join('-');
  }

  /** `k8s2-<proto>-<uid8>-<ns>-<name>-<hash8>`: the protocol's length comes off the ns/name budget. */
  forwardingRule(ns: string, name: string, protocol: string): string {
    const proto = protocol.toLowerCase();
    return ['k8s2', proto, this.uid8, ...trimEvenly(MAX_COMBINED - proto.length - 1, ns, name), contentHash(`${this.uid8};${ns};${name}`, 8)].join('-');
  }

  sharedHealthCheck(): string {
    return `k8s2-${this.uid8}-l4-shared-hc`;
  }

  sharedHealthCheckFirewall(): string {
    return `${this.sharedHealthCheck()}-fw`;
  }
}
