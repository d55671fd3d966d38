/**
 * Property-based invariants (issue #3 "Done means") over random sequences of apply / patch /
 * delete / type changes / internal↔public flips, with random virtual time between commands so
 * changes land while reconciles are in flight. Bounded (short sequences, ~60 runs) to stay fast.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../src/sim/index';
import type { Service } from '../../../src/sim/kube/types';
import { checkClusterInvariants } from '../../support/invariants';
import { children, lb, NODE_RG, P, pips, sandbox, serviceYaml } from './helpers';

const NAMES = ['s0', 's1', 's2'];
/** Services that only ever share the user PIP `shared` (never flipped: an internal LB cannot use a public IP). */
const SHARERS = ['h0', 'h1'];

type Cmd =
  | { op: 'apply'; name: string; internal: boolean; ports: number[]; udp: boolean; local: boolean }
  | { op: 'applyShared'; name: string }
  | { op: 'toClusterIP' | 'toLoadBalancer' | 'delete' | 'flip'; name: string }
  | { op: 'wait'; ms: number };

const name = fc.constantFrom(...NAMES);
const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  fc.record({
    op: fc.constant('apply' as const),
    name,
    internal: fc.boolean(),
    ports: fc.uniqueArray(fc.constantFrom(80, 443, 8080), { minLength: 1, maxLength: 2 }),
    udp: fc.boolean(),
    local: fc.boolean(),
  }),
  // Shares the user PIP `shared` (a port per name, so sharers never conflict).
  fc.record({ op: fc.constant('applyShared' as const), name: fc.constantFrom(...SHARERS) }),
  fc.record({ op: fc.constantFrom('toClusterIP' as const, 'toLoadBalancer' as const, 'delete' as const), name: fc.constantFrom(...NAMES, ...SHARERS) }),
  fc.record({ op: fc.constant('flip' as const), name }),
  fc.record({ op: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 12_000 }) }),
);

async function run(sb: Sandbox, c: Cmd): Promise<void> {
  const exec = async (line: string, stdin?: string) => {
    const r = await sb.exec(line, stdin === undefined ? {} : { stdin });
    // A command may legitimately fail (NotFound after a delete); it must never crash.
    expect([0, 1]).toContain(r.exitCode);
    expect(r.stdout + r.stderr).not.toMatch(/internal error|TypeError|at .*\.ts:\d+/);
  };
  switch (c.op) {
    case 'apply': {
      const ports = c.ports.map((p) => `  - name: p${p}\n    port: ${p}\n    protocol: ${c.udp && p === 8080 ? 'UDP' : 'TCP'}\n`).join('');
      const spec = c.local ? '  externalTrafficPolicy: Local\n' : '';
      return exec('kubectl apply -f -', serviceYaml(c.name, { annotations: c.internal ? { [P + 'azure-load-balancer-internal']: 'true' } : {}, ports, spec }));
    }
    case 'applyShared': {
      const ip = sharedIp(sb);
      const port = 8000 + SHARERS.indexOf(c.name);
      return exec(
        'kubectl apply -f -',
        serviceYaml(c.name, { annotations: { [P + 'azure-load-balancer-ipv4']: ip }, ports: `  - name: p${port}\n    port: ${port}\n` }),
      );
    }
    case 'toClusterIP':
      return exec(`kubectl patch svc ${c.name} -p '{"spec":{"type":"ClusterIP","externalTrafficPolicy":null}}'`);
    case 'toLoadBalancer':
      return exec(`kubectl patch svc ${c.name} -p '{"spec":{"type":"LoadBalancer"}}'`);
    case 'delete':
      return exec(`kubectl delete svc ${c.name} --wait=false`);
    case 'flip': {
      const svc = sb.kube.tryGet('Service', c.name, 'default');
      const internal = svc?.metadata.annotations?.[P + 'azure-load-balancer-internal'] === 'true';
      return exec(`kubectl annotate svc ${c.name} --overwrite ${P}azure-load-balancer-internal=${internal ? 'false' : 'true'}`);
    }
    case 'wait':
      return sb.advance(c.ms);
  }
}

const sharedIp = (sb: Sandbox) => String(pips(sb).find((p) => p.name === 'shared')!.properties.ipAddress);

async function newSandbox(): Promise<Sandbox> {
  const sb = sandbox();
  const r = await sb.exec(`az network public-ip create -g ${NODE_RG} -n shared --sku Standard -o none`);
  expect(r.exitCode).toBe(0);
  return sb;
}

const base = (uid: string) => ('a' + uid.replace(/-/g, '')).slice(0, 32);

/** How often the runs reached interesting states (guards against a vacuous property). */
const seen = { public: 0, internal: 0, shared: 0 };

function checkInvariants(sb: Sandbox): void {
  // The invariants any state must satisfy (shared with the fuzzer), then this model's own.
  checkClusterInvariants(sb);
  const services = sb.kube.list('Service') as Service[];
  const wantLb = services.filter((s) => s.spec.type === 'LoadBalancer' && !s.metadata.deletionTimestamp);
  const isInternal = (s: Service) => s.metadata.annotations?.[P + 'azure-load-balancer-internal'] === 'true';
  const publicLb = lb(sb, 'kubernetes');
  const internalLb = lb(sb, 'kubernetes-internal');
  const allPips = pips(sb, NODE_RG);
  if (wantLb.some((s) => !isInternal(s))) seen.public++;
  if (wantLb.some(isInternal)) seen.internal++;

  for (const s of wantLb) {
    const b = base(s.metadata.uid);
    const ingress = s.status?.loadBalancer?.ingress ?? [];
    expect(ingress.length, `${s.metadata.name} has an ingress IP`).toBe(1);
    const onPublic = children(publicLb, 'frontendIPConfigurations').filter((f) => f.name.startsWith(b));
    const onInternal = children(internalLb, 'frontendIPConfigurations').filter((f) => f.name.startsWith(b));
    const managed = allPips.filter((p) => p.name === `kubernetes-${b}`);
    const shared = s.metadata.annotations?.[P + 'azure-load-balancer-ipv4'];
    if (shared && !isInternal(s)) {
      // A sharer: no managed PIP of its own; exactly one frontend on the shared PIP serves it.
      seen.shared++;
      expect(managed).toEqual([]);
      expect(ingress[0].ip).toBe(shared);
      const sharedPip = allPips.find((p) => p.name === 'shared')!;
      const fronts = children(publicLb, 'frontendIPConfigurations').filter(
        (f) => (f.properties.publicIPAddress as { id: string } | undefined)?.id.toLowerCase() === sharedPip.id.toLowerCase(),
      );
      expect(fronts.length).toBe(1);
      expect(onInternal).toEqual([]);
      continue;
    }
    if (isInternal(s)) {
      expect(onInternal.map((f) => f.name)).toEqual([b]);
      expect(onPublic).toEqual([]);
      expect(managed).toEqual([]);
      expect(ingress[0].ip).toBe(onInternal[0].properties.privateIPAddress);
    } else {
      // Exactly one frontend and one managed PIP, and they point at each other.
      expect(onPublic.map((f) => f.name)).toEqual([b]);
      expect(onInternal).toEqual([]);
      expect(managed.length).toBe(1);
      expect((onPublic[0].properties.publicIPAddress as { id: string }).id.toLowerCase()).toBe(managed[0].id.toLowerCase());
      expect(managed[0].tags?.['k8s-azure-service']).toBe(`default/${s.metadata.name}`);
      expect(ingress[0].ip).toBe(managed[0].properties.ipAddress);
    }
  }

  // No orphans: every managed PIP, frontend, rule and probe belongs to a Service that wants it
  // (a shared frontend keeps its first owner's name while any sharer is left).
  const wanted = new Set(wantLb.map((s) => base(s.metadata.uid)));
  const sharers = wantLb.filter((s) => s.metadata.annotations?.[P + 'azure-load-balancer-ipv4'] && !isInternal(s));
  const sharedPipId = allPips.find((p) => p.name === 'shared')!.id.toLowerCase();
  const sharedFronts = children(publicLb, 'frontendIPConfigurations').filter(
    (f) => (f.properties.publicIPAddress as { id: string } | undefined)?.id.toLowerCase() === sharedPipId,
  );
  expect(sharedFronts.length).toBe(sharers.length ? 1 : 0);
  for (const f of sharedFronts) wanted.add(f.name.slice(0, 32));
  expect(allPips.some((p) => p.name === 'shared')).toBe(true);
  for (const p of allPips.filter((x) => x.tags?.['k8s-azure-service'])) expect(wanted.has(p.name.replace('kubernetes-', ''))).toBe(true);
  for (const res of [publicLb, internalLb]) {
    for (const key of ['frontendIPConfigurations', 'loadBalancingRules', 'probes']) {
      for (const c of children(res, key)) if (/^a[0-9a-f]{31}/.test(c.name)) expect(wanted.has(c.name.slice(0, 32))).toBe(true);
    }
  }
  // The internal LB exists only while an internal Service uses it.
  expect(!!internalLb).toBe(wantLb.some(isInternal));

  // outboundType loadBalancer: the outbound GUID frontend and aksOutboundRule are always there.
  const outbound = children(publicLb, 'outboundRules');
  expect(outbound.map((r) => r.name)).toEqual(['aksOutboundRule']);
  const outFronts = (outbound[0].properties.frontendIPConfigurations as { id: string }[]).map((f) => f.id.toLowerCase());
  expect(outFronts.length).toBe(1);
  expect(children(publicLb, 'frontendIPConfigurations').some((f) => f.id.toLowerCase() === outFronts[0])).toBe(true);

  // Uniqueness: cluster IPs, nodePorts (incl. health-check ports), public IP addresses.
  const clusterIps = services.map((s) => s.spec.clusterIP).filter((x) => x && x !== 'None');
  expect(new Set(clusterIps).size).toBe(clusterIps.length);
  const nodePorts = services.flatMap((s) => [...(s.spec.ports ?? []).map((p) => p.nodePort), s.spec.healthCheckNodePort]).filter((x) => x !== undefined);
  expect(new Set(nodePorts).size).toBe(nodePorts.length);
  const addresses = pips(sb).map((p) => p.properties.ipAddress);
  expect(new Set(addresses).size).toBe(addresses.length);

  // NSG destinations are exactly the public frontends of Services that want them.
  const nsg = sb.arm.list({ type: 'Microsoft.Network/networkSecurityGroups' })[0];
  const dst = children(nsg, 'securityRules').flatMap(
    (r) => (r.properties.destinationAddressPrefixes as string[] | undefined) ?? [r.properties.destinationAddressPrefix as string],
  );
  const publicIps = wantLb.filter((s) => !isInternal(s)).map((s) => s.status!.loadBalancer!.ingress![0].ip!);
  expect(new Set(dst)).toEqual(new Set(publicIps));
}

describe('invariants over random command sequences', () => {
  it('hold after settle for any sequence of apply/patch/delete/type change/flip', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(cmd, { minLength: 1, maxLength: 8 }), async (cmds) => {
        const sb = await newSandbox();
        for (const c of cmds) await run(sb, c);
        await sb.settle();
        checkInvariants(sb);
      }),
      { numRuns: 60, seed: 42 },
    );
    expect(seen.public).toBeGreaterThan(10);
    expect(seen.internal).toBeGreaterThan(5);
    expect(seen.shared).toBeGreaterThan(5);
  });

  it('nothing is left behind once every Service is deleted', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(cmd, { minLength: 1, maxLength: 6 }), async (cmds) => {
        const sb = await newSandbox();
        for (const c of cmds) await run(sb, c);
        for (const n of [...NAMES, ...SHARERS]) await sb.exec(`kubectl delete svc ${n} --wait=false`);
        await sb.settle();
        expect(
          pips(sb, NODE_RG)
            .map((p) => p.name)
            .filter((n) => n.startsWith('kubernetes-')),
        ).toEqual([]);
        expect(pips(sb, NODE_RG).find((p) => p.name === 'shared')!.properties.ipConfiguration).toBeUndefined();
        expect(lb(sb, 'kubernetes-internal')).toBeUndefined();
        const publicLb = lb(sb)!;
        expect(children(publicLb, 'loadBalancingRules')).toEqual([]);
        expect(children(publicLb, 'probes')).toEqual([]);
        expect(children(publicLb, 'frontendIPConfigurations').length).toBe(1);
        expect(children(sb.arm.list({ type: 'Microsoft.Network/networkSecurityGroups' })[0], 'securityRules')).toEqual([]);
      }),
      { numRuns: 40, seed: 7 },
    );
  });
});
