/**
 * Service registry strategy: the API server's defaulting, validation and IP/port allocation for
 * Services (pkg/registry/core/service, pkg/apis/core/validation), including the type-change
 * rules: nodePorts are dropped when a Service becomes ClusterIP, clusterIP is immutable.
 */
import { cidrContains } from '../../azure/ip-allocator';
import { parseIPv6 } from '../../network/addr';
import { type FieldCause, fieldMsg, invalid } from '../errors';
import { validateLabels } from '../names-validation';
import type { KindStrategy } from '../strategy';
import type { KubeObject, Service, ServicePort, ServiceSpec } from '../types';
import type { ClusterIpAllocator, NodePortAllocator } from './allocators';

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function isIPv4(s: string): boolean {
  return IPV4.test(s);
}

/** netutils.ParseCIDRSloppy: an IPv4 or IPv6 CIDR; host bits may be set (the API server keeps the text). */
function isCidr(s: string): boolean {
  const [ip, bits, ...rest] = s.split('/');
  if (rest.length !== 0 || bits === undefined || !/^\d+$/.test(bits)) return false;
  if (isIPv4(ip)) return Number(bits) <= 32;
  return parseIPv6(ip) !== undefined && Number(bits) <= 128;
}

const wantsNodePorts = (s: ServiceSpec) => s.type === 'NodePort' || (s.type === 'LoadBalancer' && s.allocateLoadBalancerNodePorts !== false);

export function serviceStrategy(clusterIps: ClusterIpAllocator, nodePorts: NodePortAllocator): KindStrategy {
  return {
    nameRule: 'dns1035-label',
    warnings: (obj) => serviceWarnings(obj),
    defaults(obj, old) {
      const spec = ((obj as Service).spec ??= {});
      const prev = (old as Service | undefined)?.spec;
      spec.type ??= 'ClusterIP';
      if (spec.type === 'ExternalName') return;
      spec.sessionAffinity ??= 'None';
      spec.internalTrafficPolicy ??= 'Cluster';
      for (const p of spec.ports ?? []) {
        p.protocol ??= 'TCP';
        p.targetPort ??= p.port;
      }
      if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') spec.externalTrafficPolicy ??= 'Cluster';
      else if (prev && spec.externalTrafficPolicy === prev.externalTrafficPolicy) delete spec.externalTrafficPolicy;
      if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
      else if (prev?.allocateLoadBalancerNodePorts !== undefined && spec.allocateLoadBalancerNodePorts === prev.allocateLoadBalancerNodePorts) {
        delete spec.allocateLoadBalancerNodePorts;
      }
      // Keep the allocated clusterIP when a client (apply, replace) leaves it out.
      if (prev?.clusterIP && (spec.clusterIP === undefined || spec.clusterIP === '')) {
        spec.clusterIP = prev.clusterIP;
        spec.clusterIPs = prev.clusterIPs;
      }
      if (spec.clusterIP && !spec.clusterIPs) spec.clusterIPs = [spec.clusterIP];
      if (spec.clusterIPs && !spec.clusterIP) spec.clusterIP = spec.clusterIPs[0];
      spec.ipFamilies ??= ['IPv4'];
      spec.ipFamilyPolicy ??= 'SingleStack';
      // Dropping type-dependent fields the user did not change (registry dropTypeDependentFields).
      if (prev) {
        if (!wantsNodePorts(spec)) {
          for (const p of spec.ports ?? []) {
            const before = prev.ports?.find((x) => x.port === p.port && x.protocol === p.protocol);
            if (p.nodePort !== undefined && before?.nodePort === p.nodePort) delete p.nodePort;
          }
        } else {
          // `kubectl apply` without nodePort keeps the allocated one.
          for (const p of spec.ports ?? []) {
            const before =
              prev.ports?.find((x) => (x.name ?? '') === (p.name ?? '') && x.protocol === p.protocol) ?? prev.ports?.find((x) => x.port === p.port);
            if (p.nodePort === undefined && before?.nodePort) p.nodePort = before.nodePort;
          }
        }
        const local = spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local';
        if (!local && spec.healthCheckNodePort !== undefined && spec.healthCheckNodePort === prev.healthCheckNodePort) delete spec.healthCheckNodePort;
        if (local && spec.healthCheckNodePort === undefined && prev.healthCheckNodePort) spec.healthCheckNodePort = prev.healthCheckNodePort;
      }
      if (spec.type === 'LoadBalancer') {
        const status = (obj.status ?? {}) as { loadBalancer?: unknown };
        status.loadBalancer ??= {};
        obj.status = status;
      } else if (!obj.status) obj.status = { loadBalancer: {} };
    },
    validate(obj, old) {
      return validateService(obj as Service, old as Service | undefined);
    },
    allocate(obj, old) {
      const svc = obj as Service;
      const spec = svc.spec;
      const prev = (old as Service | undefined)?.spec;
      const claimedIps: string[] = [];
      const claimedPorts: number[] = [];
      const rollback = () => {
        for (const ip of claimedIps) clusterIps.release(ip);
        for (const p of claimedPorts) nodePorts.release(p);
      };
      const name = svc.metadata.name;
      const fail = (causes: FieldCause[]) => {
        rollback();
        throw invalid('Service', name, causes);
      };
      if (spec.type !== 'ExternalName' && spec.clusterIP !== 'None' && !prev?.clusterIP) {
        if (spec.clusterIP) {
          const err = clusterIps.claim(spec.clusterIP);
          if (err)
            fail([
              { field: 'spec.clusterIPs', message: fieldMsg.invalid([spec.clusterIP], err).replace(`["${spec.clusterIP}"]`, `[]string{"${spec.clusterIP}"}`) },
            ]);
          claimedIps.push(spec.clusterIP);
        } else {
          spec.clusterIP = clusterIps.allocateNext();
          claimedIps.push(spec.clusterIP);
        }
        spec.clusterIPs = [spec.clusterIP];
      }
      const prevPorts = new Set((prev?.ports ?? []).map((p) => p.nodePort).filter((p): p is number => !!p));
      const ports = spec.ports ?? [];
      if (wantsNodePorts(spec)) {
        ports.forEach((p, i) => {
          if (p.nodePort === undefined || p.nodePort === 0) {
            p.nodePort = nodePorts.allocateNext();
            claimedPorts.push(p.nodePort);
          } else if (!prevPorts.has(p.nodePort)) {
            const err = nodePorts.claim(p.nodePort);
            if (err) fail([{ field: `spec.ports[${i}].nodePort`, message: fieldMsg.invalid(p.nodePort, err) }]);
            claimedPorts.push(p.nodePort);
          }
        });
      }
      if (spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local') {
        if (!spec.healthCheckNodePort) {
          spec.healthCheckNodePort = nodePorts.allocateNext();
          claimedPorts.push(spec.healthCheckNodePort);
        } else if (spec.healthCheckNodePort !== prev?.healthCheckNodePort) {
          const err = nodePorts.claim(spec.healthCheckNodePort);
          if (err) fail([{ field: 'spec.healthCheckNodePort', message: fieldMsg.invalid(spec.healthCheckNodePort, err) }]);
          claimedPorts.push(spec.healthCheckNodePort);
        }
      }
      // Release what the old version held and the new one no longer does.
      if (prev) {
        const keep = new Set([...ports.map((p) => p.nodePort), spec.healthCheckNodePort]);
        for (const p of [...prevPorts, prev.healthCheckNodePort]) if (p && !keep.has(p)) nodePorts.release(p);
        if (prev.clusterIP && prev.clusterIP !== 'None' && !spec.clusterIP) clusterIps.release(prev.clusterIP);
      }
    },
    release(obj) {
      const spec = (obj as Service).spec ?? {};
      if (spec.clusterIP && spec.clusterIP !== 'None') clusterIps.release(spec.clusterIP);
      for (const p of spec.ports ?? []) if (p.nodePort) nodePorts.release(p.nodePort);
      if (spec.healthCheckNodePort) nodePorts.release(spec.healthCheckNodePort);
    },
  };
}

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const IP_FAMILY_POLICIES = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];

function validateService(svc: Service, old: Service | undefined): FieldCause[] {
  const spec = svc.spec;
  const out: FieldCause[] = [];
  const add = (field: string, message: string) => out.push({ field, message });
  const ports = spec.ports ?? [];
  if (spec.type === 'ExternalName') {
    if (!spec.externalName) add('spec.externalName', fieldMsg.required());
  } else if (ports.length === 0 && spec.clusterIP !== 'None') add('spec.ports', fieldMsg.required());
  const names = new Set<string>();
  ports.forEach((p: ServicePort, i) => {
    const f = `spec.ports[${i}]`;
    if (ports.length > 1 && !p.name) add(`${f}.name`, fieldMsg.required());
    if (p.name) {
      if (names.has(p.name)) add(`${f}.name`, fieldMsg.duplicate(p.name));
      names.add(p.name);
    }
    if (!Number.isInteger(p.port) || p.port < 1 || p.port > 65535) add(`${f}.port`, fieldMsg.invalid(p.port ?? 0, 'must be between 1 and 65535, inclusive'));
    if (p.protocol && !['TCP', 'UDP', 'SCTP'].includes(p.protocol)) add(`${f}.protocol`, fieldMsg.unsupported(p.protocol, ['SCTP', 'TCP', 'UDP']));
    if (typeof p.targetPort === 'number' && (p.targetPort < 1 || p.targetPort > 65535)) {
      add(`${f}.targetPort`, fieldMsg.invalid(p.targetPort, 'must be between 1 and 65535, inclusive'));
    }
    if (p.nodePort && !(spec.type === 'NodePort' || spec.type === 'LoadBalancer')) {
      add(`${f}.nodePort`, fieldMsg.forbidden("may not be used when `type` is 'ClusterIP'"));
    }
  });
  const str = (v: unknown) => (v === undefined ? undefined : String(v));
  const affinity = str(spec.sessionAffinity);
  if (affinity !== undefined && !['ClientIP', 'None'].includes(affinity)) add('spec.sessionAffinity', fieldMsg.unsupported(affinity, ['ClientIP', 'None']));
  const type = str(spec.type);
  if (type !== undefined && !SERVICE_TYPES.includes(type)) add('spec.type', fieldMsg.unsupported(type, SERVICE_TYPES));
  // Duplicate (protocol, port) pairs: the key is a ServicePort with only those two fields set,
  // printed with Go's %#v.
  const seen = new Set<string>();
  ports.forEach((p, i) => {
    const key = `${p.protocol ?? ''}/${p.port}`;
    if (seen.has(key)) {
      add(
        `spec.ports[${i}]`,
        `Duplicate value: core.ServicePort{Name:"", Protocol:${JSON.stringify(p.protocol ?? '')}, AppProtocol:(*string)(nil), Port:${p.port ?? 0}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`,
      );
    }
    seen.add(key);
  });
  const etp = str(spec.externalTrafficPolicy);
  if (etp !== undefined && !['Cluster', 'Local'].includes(etp)) add('spec.externalTrafficPolicy', fieldMsg.unsupported(etp, ['Cluster', 'Local']));
  const itp = str(spec.internalTrafficPolicy);
  if (itp !== undefined && !['Cluster', 'Local'].includes(itp)) add('spec.internalTrafficPolicy', fieldMsg.unsupported(itp, ['Cluster', 'Local']));
  const familyPolicy = str(spec.ipFamilyPolicy);
  if (familyPolicy !== undefined && !IP_FAMILY_POLICIES.includes(familyPolicy))
    add('spec.ipFamilyPolicy', fieldMsg.unsupported(familyPolicy, IP_FAMILY_POLICIES));
  (spec.ipFamilies ?? []).forEach((f, i) => {
    if (!['IPv4', 'IPv6'].includes(String(f))) add(`spec.ipFamilies[${i}]`, fieldMsg.unsupported(f, ['IPv4', 'IPv6']));
  });
  if (spec.externalTrafficPolicy === 'Local' && spec.type !== 'NodePort' && spec.type !== 'LoadBalancer') {
    add('spec.externalTrafficPolicy', fieldMsg.invalid('Local', "may only be set when `type` is 'NodePort' or 'LoadBalancer'"));
  }
  if (spec.loadBalancerIP !== undefined && spec.loadBalancerIP !== '') {
    if (spec.type !== 'LoadBalancer') add('spec.loadBalancerIP', fieldMsg.forbidden("may only be used when `type` is 'LoadBalancer'"));
    // Any other text is accepted (with a warning, see serviceWarnings): the API server never
    // validated this deprecated field's format; the cloud provider then finds no such IP.
  }
  // The API server reports these under the Go field name (a historical accident upstream keeps).
  if (spec.loadBalancerSourceRanges?.length && spec.type !== 'LoadBalancer') {
    add('spec.LoadBalancerSourceRanges', fieldMsg.forbidden("may only be used when `type` is 'LoadBalancer'"));
  }
  (spec.loadBalancerSourceRanges ?? []).forEach((r, i) => {
    if (!isCidr(String(r).trim()))
      add(`spec.LoadBalancerSourceRanges[${i}]`, fieldMsg.invalid(r, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'));
  });
  if (spec.loadBalancerClass !== undefined && spec.type !== 'LoadBalancer') {
    add('spec.loadBalancerClass', fieldMsg.forbidden("may only be used when `type` is 'LoadBalancer'"));
  }
  if (spec.clusterIP && spec.clusterIP !== 'None' && !isIPv4(spec.clusterIP)) {
    add('spec.clusterIPs[0]', fieldMsg.invalid(spec.clusterIP, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
  } else if (spec.clusterIP && spec.clusterIP !== 'None' && !cidrContains('10.0.0.0/16', spec.clusterIP) && !old) {
    // Reported by the allocator with the range message.
  }
  if (old) {
    const prev = old.spec;
    if (prev.clusterIP && spec.clusterIP !== prev.clusterIP && spec.type !== 'ExternalName' && prev.type !== 'ExternalName') {
      add('spec.clusterIPs[0]', `Invalid value: []string{${JSON.stringify(spec.clusterIP ?? '')}}: may not change once set`);
    }
    if (prev.type === 'LoadBalancer' && spec.type === 'LoadBalancer' && prev.loadBalancerClass !== spec.loadBalancerClass) {
      add('spec.loadBalancerClass', fieldMsg.invalid(spec.loadBalancerClass ?? null, 'may not change once set'));
    }
  }
  for (const [k, v] of Object.entries(spec.selector ?? {})) void k, out.push(...validateLabels({ v }, 'spec.selector'));
  return out;
}

/**
 * The API server's warnings for a Service it accepts (pkg/api/service/warnings.go): an
 * IP-ish field Go's netip.ParseAddr cannot read is "accepted, but will be invalid in a future
 * Kubernetes release".
 */
export function serviceWarnings(obj: KubeObject): string[] {
  const spec = ((obj as Service).spec ?? {}) as ServiceSpec;
  const out: string[] = [];
  const ip = (path: string, value: unknown) => {
    if (typeof value !== 'string' || value.includes(':')) return;
    const err = goParseAddrError(value);
    if (err) out.push(`${path}: IP address was accepted, but will be invalid in a future Kubernetes release: ParseAddr(${JSON.stringify(value)}): ${err}`);
  };
  for (const [i, x] of (spec.externalIPs ?? []).entries()) ip(`spec.externalIPs[${i}]`, x);
  if (spec.loadBalancerIP) ip('spec.loadBalancerIP', spec.loadBalancerIP);
  if (spec.type === 'ExternalName' && spec.externalIPs?.length) out.push('spec.externalIPs is ignored when spec.type is "ExternalName"');
  if (spec.type !== 'ExternalName' && spec.externalName) out.push('spec.externalName is ignored when spec.type is not "ExternalName"');
  return out;
}

/** The error text of Go's netip.ParseAddr for an IPv4-or-garbage string, '' when it parses. */
function goParseAddrError(s: string): string {
  if (s === '') return 'unable to parse IP';
  if (!s.includes('.')) return 'unable to parse IP';
  let fields = 0;
  let digits = 0;
  let value = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c >= '0' && c <= '9') {
      if (digits === 1 && value === 0) return 'IPv4 field has octet with leading zero';
      value = value * 10 + Number(c);
      digits++;
      if (value > 255) return 'IPv4 field has value >255';
    } else if (c === '.') {
      if (digits === 0) return 'IPv4 field must have at least one digit' + ` (at ${JSON.stringify(s.slice(i))})`;
      if (fields === 3) return 'IPv4 address too long';
      fields++;
      digits = 0;
      value = 0;
    } else return `unexpected character (at ${JSON.stringify(s.slice(i))})`;
  }
  if (fields < 3 || digits === 0) return 'IPv4 address too short';
  return '';
}

export type { KubeObject };
