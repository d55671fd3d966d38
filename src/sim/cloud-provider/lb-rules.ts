/** Expected load-balancing rules and health probes of one Service (domain §1.5, §1.6). Pure. */
import type { Service, ServicePort } from '../kube/types';
import { A, flag, portAnnotation, value } from './annotations';
import { CloudError } from './context';
import { probePortOverride, probeProtocol, probeRequestPath, probeTiming } from './health-probe';
import { azureProtocol, localProbeName, ruleName } from './names';

export interface Child {
  id: string;
  name: string;
  type?: string;
  etag?: string;
  zones?: string[];
  properties: Record<string, unknown>;
}

export function expectedRulesAndProbes(
  svc: Service,
  lbId: string,
  frontendId: string,
  subnet: string | undefined,
  internal: boolean,
): { rules: Child[]; probes: Child[] } {
  const spec = svc.spec;
  const uid = svc.metadata.uid;
  const pool = { id: `${lbId}/backendAddressPools/kubernetes` };
  const floating = !flag(svc, A.disableFloatingIp);
  const rules: Child[] = [];
  const probes: Child[] = [];
  const probe = (name: string, protocol: string, port: number, timing: { interval: number; count: number }, path?: string): Child => {
    const props: Record<string, unknown> = {
      intervalInSeconds: timing.interval,
      numberOfProbes: timing.count,
      port,
      probeThreshold: timing.count,
      protocol,
      provisioningState: 'Succeeded',
    };
    if (path !== undefined) props.requestPath = path;
    return { id: `${lbId}/probes/${name}`, name, type: 'Microsoft.Network/loadBalancers/probes', properties: props };
  };
  // ETP Local: kube-proxy's health check node port answers for the node (one probe per Service,
  // timing read from the annotations of that port number, errors unwrapped as upstream).
  const local = spec.externalTrafficPolicy === 'Local' && spec.healthCheckNodePort ? spec.healthCheckNodePort : undefined;
  const nodeProbe = local ? probe(localProbeName(uid, local, subnet), 'Http', local, probeTiming(svc, local), '/healthz') : undefined;
  let nodeProbeAdded = false;
  /** The per-port probe (buildHealthProbeRulesForPort), undefined when the port gets none. */
  const portProbe = (port: ServicePort, name: string): Child | undefined => {
    if (port.protocol === 'UDP' || port.protocol === 'SCTP') return undefined;
    const override = probePortOverride(svc, port.port);
    if (override === undefined && nodeProbe) return undefined;
    const protocol = probeProtocol(svc, port);
    let timing: ReturnType<typeof probeTiming>;
    try {
      timing = probeTiming(svc, port.port);
    } catch (err) {
      throw new CloudError(`failed to parse health probe config for port ${port.port}: ${(err as Error).message}`);
    }
    return probe(name, protocol, override ?? port.nodePort ?? port.port, timing, protocol === 'Tcp' ? undefined : probeRequestPath(svc, port.port));
  };
  const ports = spec.ports ?? [];
  // The rule-properties error is wrapped with a text naming HA mode even for ordinary rules
  // (upstream's wording), and once more on the HA path.
  const idle = () => {
    try {
      return idleTimeout(svc);
    } catch (err) {
      throw new CloudError(`error generate lb rule for ha mod loadbalancer. err: ${(err as Error).message}`);
    }
  };
  const ruleProps = (proto: string, frontendPort: number, backendPort: number, tcpReset: boolean | undefined): Record<string, unknown> => {
    const props: Record<string, unknown> = {
      frontendIPConfiguration: { id: frontendId },
      backendAddressPool: pool,
      backendAddressPools: [pool],
      protocol: proto,
      frontendPort,
      backendPort,
      enableFloatingIP: true,
      idleTimeoutInMinutes: idle(),
      loadDistribution: spec.sessionAffinity === 'ClientIP' ? 'SourceIP' : 'Default',
      // Azure reports false where the provider leaves it unset (non-TCP rules).
      enableTcpReset: tcpReset ?? false,
      disableOutboundSnat: true,
      provisioningState: 'Succeeded',
    };
    return props;
  };
  const push = (name: string, props: Record<string, unknown>, ref: Child | undefined) => {
    if (ref) props.probe = { id: ref.id };
    rules.push({ id: `${lbId}/loadBalancingRules/${name}`, name, type: 'Microsoft.Network/loadBalancers/loadBalancingRules', properties: props });
  };
  if (internal && flag(svc, A.haPorts) && ports.length) {
    // HA ports: one rule named after the first port; the first port that yields a probe gives it
    // (probe errors are only logged upstream, so a bad port is skipped).
    const name = ruleName(uid, ports[0].protocol ?? 'TCP', ports[0].port, subnet);
    let props: Record<string, unknown>;
    try {
      props = ruleProps('All', 0, 0, !flag(svc, A.disableTcpReset));
    } catch (err) {
      throw new CloudError(`error generate lb rule for ha mod loadbalancer. err: ${(err as Error).message}`);
    }
    let ref = nodeProbe;
    if (!ref) {
      for (const port of ports) {
        try {
          ref = portProbe(port, name);
        } catch {
          ref = undefined;
        }
        if (ref) break;
      }
    }
    if (ref) probes.push(ref);
    push(name, props, ref);
    return { rules, probes };
  }
  for (const port of ports) {
    const proto = port.protocol ?? 'TCP';
    const name = ruleName(uid, proto, port.port, subnet);
    if (flag(svc, portAnnotation(port.port, 'no_lb_rule'))) continue;
    if (proto === 'SCTP' && !internal) throw new CloudError('SCTP is only supported on standard loadbalancer in internal mode');
    const props = ruleProps(azureProtocol(proto), port.port, port.port, proto === 'TCP' ? !flag(svc, A.disableTcpReset) : undefined);
    let ref: Child | undefined;
    if (!flag(svc, portAnnotation(port.port, 'no_probe_rule'))) {
      ref = portProbe(port, name);
      if (ref) probes.push(ref);
      else if (nodeProbe) {
        ref = nodeProbe;
        if (!nodeProbeAdded) probes.push(nodeProbe);
        nodeProbeAdded = true;
      }
    }
    if (!floating) {
      props.backendPort = port.nodePort ?? port.port;
      props.enableFloatingIP = false;
    }
    push(name, props, ref);
  }
  return { rules, probes };
}

export function idleTimeout(svc: Service): number {
  const raw = value(svc, A.idleTimeout);
  if (raw === undefined) return 4;
  const wrap = (inner: string) => new CloudError(`error parsing idle timeout key: ${A.idleTimeout}, err: ${inner}`);
  const v = raw.trim();
  if (!/^[+-]?\d+$/.test(v) || Math.abs(Number(v)) > 2 ** 31 - 1) {
    throw wrap(
      `error value: strconv.ParseInt: parsing ${JSON.stringify(v)}: ${/^[+-]?\d+$/.test(v) ? 'value out of range' : 'invalid syntax'}: ${v} value must be a whole number`,
    );
  }
  const n = Number(v);
  if (n < 4 || n > 100) throw wrap(`error parsing value: idle timeout value must be a whole number representing minutes between 4 and 100, actual value: ${n}`);
  return n;
}
