/** Expected load-balancing rules and health probes of one Service (domain §1.5, §1.6). Pure. */
import type { Service } from '../kube/types';
import { A, flag, portAnnotation, value } from './annotations';
import { CloudError } from './context';
import { azureProtocol, localProbeName, ruleName } from './names';

export interface Child {
  id: string;
  name: string;
  type?: string;
  etag?: string;
  zones?: string[];
  properties: Record<string, unknown>;
}

export function expectedRulesAndProbes(svc: Service, lbId: string, frontendId: string, subnet: string | undefined, internal: boolean): { rules: Child[]; probes: Child[] } {
  const spec = svc.spec;
  const uid = svc.metadata.uid;
  const pool = { id: `${lbId}/backendAddressPools/kubernetes` };
  const idle = idleTimeout(svc);
  const floating = !flag(svc, A.disableFloatingIp);
  const interval = intAnn(svc, A.probeInterval, 5, 5);
  const count = intAnn(svc, A.probeCount, 2, 2);
  if (interval * count >= 120) throw new CloudError('total probe should be less than 120, please adjust interval and number of probe accordingly');
  const rules: Child[] = [];
  const probes: Child[] = [];
  const probe = (name: string, protocol: string, port: number, path?: string): Child => {
    const props: Record<string, unknown> = { intervalInSeconds: interval, numberOfProbes: count, port, probeThreshold: count, protocol, provisioningState: 'Succeeded' };
    if (path) props.requestPath = path;
    return { id: `${lbId}/probes/${name}`, name, type: 'Microsoft.Network/loadBalancers/probes', properties: props };
  };
  const local = spec.externalTrafficPolicy === 'Local' && spec.healthCheckNodePort;
  let localProbe: Child | undefined;
  if (local) {
    localProbe = probe(localProbeName(uid, spec.healthCheckNodePort!, subnet), 'Http', spec.healthCheckNodePort!, '/healthz');
    probes.push(localProbe);
  }
  const ports = spec.ports ?? [];
  const ha = internal && flag(svc, A.haPorts);
  for (const port of ha ? ports.slice(0, 1) : ports) {
    if (!ha && flag(svc, portAnnotation(port.port, 'no_lb_rule'))) continue;
    const proto = port.protocol ?? 'TCP';
    const name = ruleName(uid, proto, port.port, subnet);
    let probeRef: Child | undefined = localProbe;
    if (!local && proto === 'TCP' && !flag(svc, portAnnotation(port.port, 'no_probe_rule'))) {
      const chosen = probeProtocol(svc, port.port, port.appProtocol);
      const path = chosen === 'Tcp' ? undefined : value(svc, portAnnotation(port.port, 'health-probe_request-path')) || value(svc, A.probePath) || '/';
      const portOverride = value(svc, portAnnotation(port.port, 'health-probe_port'));
      let probePort = port.nodePort ?? port.port;
      if (portOverride) {
        const byName = ports.find((x) => x.name === portOverride || String(x.port) === portOverride);
        probePort = byName ? byName.nodePort ?? byName.port : Number(portOverride);
      }
      probeRef = probe(name, chosen, probePort, path);
      probes.push(probeRef);
    }
    const tcp = proto === 'TCP';
    const props: Record<string, unknown> = {
      frontendIPConfiguration: { id: frontendId },
      backendAddressPool: pool,
      backendAddressPools: [pool],
      protocol: ha ? 'All' : azureProtocol(proto),
      frontendPort: ha ? 0 : port.port,
      backendPort: ha ? 0 : floating ? port.port : port.nodePort ?? port.port,
      enableFloatingIP: floating,
      idleTimeoutInMinutes: idle,
      loadDistribution: spec.sessionAffinity === 'ClientIP' ? 'SourceIP' : 'Default',
      enableTcpReset: tcp || ha ? !flag(svc, A.disableTcpReset) : false,
      disableOutboundSnat: true,
      provisioningState: 'Succeeded',
    };
    if (probeRef) props.probe = { id: probeRef.id };
    rules.push({ id: `${lbId}/loadBalancingRules/${name}`, name, type: 'Microsoft.Network/loadBalancers/loadBalancingRules', properties: props });
  }
  return { rules, probes };
}

function probeProtocol(svc: Service, port: number, appProtocol: string | undefined): string {
  const raw = value(svc, portAnnotation(port, 'health-probe_protocol')) || appProtocol || value(svc, A.probeProtocol) || 'Tcp';
  const v = raw.toLowerCase();
  return v === 'http' ? 'Http' : v === 'https' ? 'Https' : 'Tcp';
}

function intAnn(svc: Service, key: string, def: number, min: number): number {
  const raw = value(svc, key);
  if (raw === undefined) return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new CloudError(`the minimum value of ${key.split('/')[1]} is ${min}`);
  return n;
}

export function idleTimeout(svc: Service): number {
  const raw = value(svc, A.idleTimeout);
  if (raw === undefined) return 4;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 4 || n > 100) {
    throw new CloudError(`idle timeout value must be a whole number representing minutes between 4 and 100, actual value: ${raw}`);
  }
  return n;
}
