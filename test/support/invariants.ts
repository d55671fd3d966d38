/**
 * Cluster-wide invariants that hold after `settle()` whatever the learner did: shared by the
 * property tests (test/unit/sim/properties.test.ts) and the fuzzer. Plain Errors, not `expect`,
 * so the long fuzz run can report them with its seed.
 */

import type { ArmResource } from '../../src/sim/azure/types';
import type { Sandbox } from '../../src/sim/index';
import type { Service } from '../../src/sim/kube/types';

const P = 'service.beta.kubernetes.io/';

interface Child {
  id: string;
  name: string;
  properties: Record<string, unknown>;
}

const children = (res: ArmResource | undefined, key: string): Child[] => (res?.properties[key] as Child[] | undefined) ?? [];
const lower = (s: string | undefined) => (s ?? '').toLowerCase();

function check(cond: boolean, message: string): void {
  if (!cond) throw new Error(`invariant: ${message}`);
}

function unique(values: unknown[], what: string): void {
  const seen = new Set<unknown>();
  for (const v of values) {
    check(!seen.has(v), `${what} ${String(v)} is used twice`);
    seen.add(v);
  }
}

const isInternal = (s: Service) => lower(s.metadata.annotations?.[P + 'azure-load-balancer-internal']) === 'true';

/**
 * Holds for any set of Services: the outbound frontend and rule are intact, every public
 * LoadBalancer Service with an address has exactly one frontend on exactly one Public IP, no
 * managed Public IP outlives its Service, and cluster IPs, node ports and addresses are unique.
 */
export function checkClusterInvariants(sb: Sandbox): void {
  const services = sb.kube.list('Service') as Service[];
  const lbs = sb.arm.list({ type: 'Microsoft.Network/loadBalancers' });
  const publicLb = lbs.find((r) => r.name === 'kubernetes');
  const allPips = sb.arm.list({ type: 'Microsoft.Network/publicIPAddresses' });

  // outboundType loadBalancer: the outbound frontend and aksOutboundRule are always there.
  if (sb.options.outboundType === 'loadBalancer') {
    check(!!publicLb, 'the public load balancer exists');
    const outbound = children(publicLb, 'outboundRules');
    check(outbound.length === 1 && outbound[0].name === 'aksOutboundRule', 'aksOutboundRule is the only outbound rule');
    const outFronts = (outbound[0].properties.frontendIPConfigurations as { id: string }[]).map((f) => lower(f.id));
    check(outFronts.length >= 1, 'the outbound rule has a frontend');
    for (const id of outFronts)
      check(
        children(publicLb, 'frontendIPConfigurations').some((f) => lower(f.id) === id),
        `outbound frontend ${id} exists`,
      );
  }

  // One frontend and one Public IP per public LoadBalancer Service that has an address.
  const fronts = children(publicLb, 'frontendIPConfigurations');
  for (const s of services) {
    if (s.spec.type !== 'LoadBalancer' || s.metadata.deletionTimestamp || s.spec.loadBalancerClass || isInternal(s)) continue;
    const ip = s.status?.loadBalancer?.ingress?.[0]?.ip;
    if (!ip) continue;
    const key = `${s.metadata.namespace}/${s.metadata.name}`;
    const withIp = allPips.filter((p) => p.properties.ipAddress === ip);
    check(withIp.length === 1, `${key}: exactly one Public IP has ${ip} (found ${withIp.length})`);
    const onPip = fronts.filter((f) => lower((f.properties.publicIPAddress as { id?: string } | undefined)?.id) === lower(withIp[0].id));
    check(onPip.length === 1, `${key}: exactly one frontend uses the Public IP ${withIp[0].name} (found ${onPip.length})`);
  }

  // No orphan: a Public IP the cloud provider tags for a Service belongs to a live LoadBalancer Service.
  const wanted = new Set(
    services.filter((s) => s.spec.type === 'LoadBalancer' && !s.metadata.deletionTimestamp).map((s) => `${s.metadata.namespace}/${s.metadata.name}`),
  );
  for (const p of allPips) {
    const tag = p.tags?.['k8s-azure-service'];
    if (!tag) continue;
    const owners = tag
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
    check(
      owners.some((o) => wanted.has(o)),
      `Public IP ${p.name} (tag ${tag}) has no LoadBalancer Service`,
    );
  }
  // No frontend, rule or probe of a Service that is gone.
  const bases = new Set(services.map((s) => ('a' + s.metadata.uid.replace(/-/g, '')).slice(0, 32)));
  for (const res of lbs) {
    for (const key of ['frontendIPConfigurations', 'loadBalancingRules', 'probes']) {
      for (const c of children(res, key))
        if (/^a[0-9a-f]{31}/.test(c.name)) check(bases.has(c.name.slice(0, 32)), `${res.name}/${key}/${c.name} has no Service`);
    }
  }

  // Uniqueness: cluster IPs, node ports (incl. health-check ports), public addresses.
  unique(
    services.map((s) => s.spec.clusterIP).filter((x) => x && x !== 'None'),
    'cluster IP',
  );
  unique(
    services.flatMap((s) => [...(s.spec.ports ?? []).map((p) => p.nodePort), s.spec.healthCheckNodePort]).filter((x) => x !== undefined),
    'node port',
  );
  unique(
    allPips.map((p) => p.properties.ipAddress).filter((x) => x !== undefined),
    'public IP address',
  );
}
