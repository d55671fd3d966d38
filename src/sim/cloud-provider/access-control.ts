/**
 * Who may reach a Service, as cloud-provider-azure v1.33 decides it (pkg/provider/loadbalancer
 * accesscontrol.go + configuration.go, pkg/util/iputil): source ranges from the spec and from the
 * `azure-allowed-ip-ranges` / `load-balancer-source-ranges` annotations, service tags, and the
 * resulting rule sets in upstream's order (per protocol Tcp, Udp, *: one rule per service tag,
 * then one rule for the aggregated ranges; then the deny-all rule). Pure.
 */
import type { Service } from '../kube/types';
import { parseIPv4Strict as parseV4, parseIPv6 as parseV6 } from '../network/addr';
import { A, annotationsOf, isInternal } from './annotations';
import { CloudError } from './context';

export interface Prefix {
  text: string;
  v4: boolean;
  /** IPv4 only: network address and prefix length. */
  addr: number;
  bits: number;
}

/**
 * iputil.ParsePrefix: a CIDR whose address has no bits beyond its prefix length. `10.10.10.1/24` is
 * refused (upstream: "not a valid network prefix, should be properly masked like 10.10.10.0/24").
 */
export function parsePrefix(text: string): Prefix | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const addrText = text.slice(0, slash);
  const bitsText = text.slice(slash + 1);
  if (!/^(0|[1-9]\d*)$/.test(bitsText)) return undefined;
  const bits = Number(bitsText);
  const v4 = parseV4(addrText);
  if (v4 !== undefined) {
    if (bits > 32) return undefined;
    if (v4 % 2 ** (32 - bits) !== 0) return undefined;
    return { text: `${addrText}/${bits}`, v4: true, addr: v4, bits };
  }
  const v6 = parseV6(addrText);
  if (v6 === undefined || bits > 128) return undefined;
  const hostMask = (1n << BigInt(128 - bits)) - 1n;
  if ((v6 & hostMask) !== 0n) return undefined;
  return { text, v4: false, addr: 0, bits };
}

const v4Text = (addr: number, bits: number) => `${[24, 16, 8, 0].map((s) => Math.floor(addr / 2 ** s) % 256).join('.')}/${bits}`;

/**
 * iputil.AggregatePrefixes for IPv4: sort by address (then shorter first), drop prefixes contained
 * in the previous one, merge adjacent halves into their parent.
 */
export function aggregateV4(prefixes: Prefix[]): Prefix[] {
  const sorted = [...prefixes].sort((a, b) => a.addr - b.addr || a.bits - b.bits);
  const out: Prefix[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last && last.bits <= p.bits && Math.floor(p.addr / 2 ** (32 - last.bits)) === Math.floor(last.addr / 2 ** (32 - last.bits))) continue;
    out.push(p);
    while (out.length >= 2) {
      const a = out[out.length - 2];
      const b = out[out.length - 1];
      if (a.bits !== b.bits || a.bits === 0) break;
      const size = 2 ** (32 - a.bits);
      if (a.addr % (2 * size) !== 0 || b.addr !== a.addr + size) break;
      out.splice(-2, 2, { text: v4Text(a.addr, a.bits - 1), v4: true, addr: a.addr, bits: a.bits - 1 });
    }
  }
  return out;
}

export interface AccessControl {
  sourceRanges: Prefix[];
  allowedIpRanges: Prefix[];
  serviceTags: string[];
  invalidSourceRanges: string[];
  invalidAllowedIpRanges: string[];
}

function parseList(values: string[], valid: Prefix[], invalid: string[]): void {
  for (const raw of values) {
    const v = raw.trim();
    const p = parsePrefix(v);
    if (p) valid.push(p);
    else invalid.push(v);
  }
}

export const ERR_BOTH_RANGES = `cannot set both spec.LoadBalancerSourceRanges and service annotation ${A.allowedIpRanges}`;

/** NewAccessControl: throws when both spec ranges and azure-allowed-ip-ranges are set. */
export function accessControl(svc: Service): AccessControl {
  const ann = annotationsOf(svc);
  const ac: AccessControl = { sourceRanges: [], allowedIpRanges: [], serviceTags: [], invalidSourceRanges: [], invalidAllowedIpRanges: [] };
  parseList(svc.spec.loadBalancerSourceRanges ?? [], ac.sourceRanges, ac.invalidSourceRanges);
  for (const key of [A.allowedIpRanges, A.sourceRanges]) {
    if (ann[key] !== undefined) parseList(ann[key].trim().split(','), ac.allowedIpRanges, ac.invalidAllowedIpRanges);
  }
  if (ann[A.allowedServiceTags] !== undefined)
    ac.serviceTags = ann[A.allowedServiceTags]
      .trim()
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
  if (ac.sourceRanges.length && ac.allowedIpRanges.length) throw new CloudError(ERR_BOTH_RANGES);
  return ac;
}

const allowsAll = (ps: Prefix[]) => ps.some((p) => p.bits === 0);

export function isAllowFromInternet(svc: Service, ac: AccessControl): boolean {
  if (ac.serviceTags.length) return false;
  if (ac.sourceRanges.length && !allowsAll(ac.sourceRanges)) return false;
  if (ac.allowedIpRanges.length && !allowsAll(ac.allowedIpRanges)) return false;
  if (ac.invalidSourceRanges.length || ac.invalidAllowedIpRanges.length) return false;
  if (!isInternal(svc)) return true;
  return ac.allowedIpRanges.length > 0 || ac.sourceRanges.length > 0;
}

export function denyAllExceptSourceRanges(svc: Service, ac: AccessControl): boolean {
  const enabled = (annotationsOf(svc)[A.denyAll] ?? '').toLowerCase() === 'true';
  const ranges = ac.sourceRanges.length > 0 || ac.allowedIpRanges.length > 0;
  return (enabled && ranges) || ac.invalidSourceRanges.length > 0 || ac.invalidAllowedIpRanges.length > 0;
}

/** The allow rules' source sets in upstream's order for one protocol (IPv4 destinations). */
export function allowSources(svc: Service, ac: AccessControl): string[][] {
  const tags = [...ac.serviceTags];
  if (isAllowFromInternet(svc, ac) && !allowsAll(ac.allowedIpRanges) && !allowsAll(ac.sourceRanges)) tags.push('Internet');
  const v4 = aggregateV4([...ac.sourceRanges, ...ac.allowedIpRanges].filter((p) => p.v4));
  const out = tags.map((t) => [t]);
  if (v4.length) out.push(v4.map((p) => p.text).sort());
  return out;
}

/**
 * Warnings NewAccessControl emits. Upstream passes its event emitter only while deleting the load
 * balancer (reconcileSecurityGroup with wantLb=false), so these appear on deletion only.
 */
export function accessControlWarnings(_svc: Service, ac: AccessControl): [reason: string, message: string][] {
  const out: [string, string][] = [];
  const q = (xs: string[]) => `[${xs.map((x) => JSON.stringify(x)).join(' ')}]`;
  if (ac.invalidSourceRanges.length) {
    out.push([
      'InvalidSourceRanges',
      `Found invalid spec.LoadBalancerSourceRanges ${q(ac.invalidSourceRanges)}, ignoring and adding a default DenyAll rule in security group.`,
    ]);
  }
  if (ac.invalidAllowedIpRanges.length) {
    out.push([
      'InvalidAllowedIPRanges',
      `Found invalid ${A.allowedIpRanges} ${q(ac.invalidAllowedIpRanges)}, ignoring and adding a default DenyAll rule in security group.`,
    ]);
  }
  if (ac.sourceRanges.length && ac.serviceTags.length) {
    out.push([
      'ConflictConfiguration',
      `Please use annotation ${A.allowedIpRanges} instead of spec.loadBalancerSourceRanges while using ${A.allowedServiceTags} annotation at the same time.`,
    ]);
  }
  return out;
}

const inV4 = (addr: number, net: string, bits: number) => Math.floor(addr / 2 ** (32 - bits)) === Math.floor(parseV4(net)! / 2 ** (32 - bits));

/**
 * validatePublicIPCandidate: a requested address must parse, and (IPv4-mapped addresses unmapped)
 * be a global unicast address that is neither private nor one of Azure's reserved ranges
 * (100.64.0.0/10, 168.63.129.16).
 */
export function publicIpCandidateProblem(ip: string): 'invalid' | 'non-public' | undefined {
  let v4 = parseV4(ip);
  if (v4 === undefined) {
    const v6 = parseV6(ip);
    if (v6 === undefined) return 'invalid';
    if (v6 >> 32n === 0xffffn) v4 = Number(v6 & 0xffffffffn);
    else {
      const top = Number(v6 >> 112n);
      const globalUnicast = v6 > 1n && top >> 8 !== 0xff && (top & 0xffc0) !== 0xfe80;
      return globalUnicast && (top & 0xfe00) !== 0xfc00 ? undefined : 'non-public';
    }
  }
  const globalUnicast = v4 !== 0 && v4 !== 0xffffffff && !inV4(v4, '127.0.0.0', 8) && !inV4(v4, '224.0.0.0', 4) && !inV4(v4, '169.254.0.0', 16);
  const priv = inV4(v4, '10.0.0.0', 8) || inV4(v4, '172.16.0.0', 12) || inV4(v4, '192.168.0.0', 16);
  const reserved = inV4(v4, '100.64.0.0', 10) || v4 === parseV4('168.63.129.16');
  return globalUnicast && !priv && !reserved ? undefined : 'non-public';
}
