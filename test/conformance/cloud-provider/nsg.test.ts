/** Upstream's NSG cases, replayed through kubectl and az (see nsg.cases.ts). */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type AzSecurityRule, Lab, NODE_RG, type ServiceView, title } from './harness';
import { type ExpectedNsgRule, type NsgCase, nsgCases } from './nsg.cases';

const PROTOCOL = { Tcp: 'TCP', Udp: 'UDP' } as const;

/** securitygroup.GenerateAllowSecurityRuleName, the spec upstream's fixtures name rules by. */
function allowRuleName(protocol: string, sources: string[], ports: string[]): string {
  const key = `${protocol}_${[...sources].sort().join(',')}_${[...ports].sort().join(',')}`;
  return `k8s-azure-lb_allow_IPv4_${createHash('md5').update(key).digest('hex')}`;
}

/** An ARM rule as upstream's fixture builds it (AllowSecurityRule / DenyAllSecurityRule + WithDestination). */
function armRule(
  e: ExpectedNsgRule,
  svc: ServiceView & { spec: { ports: { port: number; nodePort?: number; protocol?: string }[] } },
  dst: string[],
): AzSecurityRule {
  const dstProps = dst.length === 1 ? { destinationAddressPrefix: dst[0] } : { destinationAddressPrefixes: [...dst].sort() };
  if (e.access === 'Deny') {
    return {
      name: 'k8s-azure-lb_deny-all_IPv4',
      priority: e.priority,
      access: 'Deny',
      direction: 'Inbound',
      protocol: '*',
      sourcePortRange: '*',
      sourceAddressPrefix: '*',
      destinationPortRange: '*',
      ...dstProps,
    };
  }
  const ports = svc.spec.ports
    .filter((p) => (p.protocol ?? 'TCP') === PROTOCOL[e.protocol as 'Tcp' | 'Udp'])
    .map((p) => String(e.ports === 'node' ? p.nodePort : p.port));
  const sources = [...e.sources].sort();
  return {
    name: allowRuleName(e.protocol, sources, ports),
    priority: e.priority,
    access: 'Allow',
    direction: 'Inbound',
    protocol: e.protocol,
    sourcePortRange: '*',
    ...(sources.length === 1 ? { sourceAddressPrefix: sources[0] } : { sourceAddressPrefixes: sources }),
    destinationPortRanges: [...ports].sort(),
    ...dstProps,
  };
}

/** Only the fields upstream's fixture sets (ARM adds id, etag, provisioningState, empty lists…). */
function comparable(r: AzSecurityRule): AzSecurityRule {
  const keys = [
    'name',
    'priority',
    'access',
    'direction',
    'protocol',
    'sourcePortRange',
    'sourceAddressPrefix',
    'sourceAddressPrefixes',
    'destinationPortRange',
    'destinationPortRanges',
    'destinationAddressPrefix',
    'destinationAddressPrefixes',
  ] as const;
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const v = r[k];
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out as unknown as AzSecurityRule;
}

async function expectedRules(lab: Lab, tc: NsgCase): Promise<AzSecurityRule[]> {
  const svc = (await lab.service(tc.svc.name)) as Parameters<typeof armRule>[1];
  const frontend = svc.status.loadBalancer.ingress?.[0]?.ip;
  expect(frontend, 'the Service got an IP').toBeTruthy();
  const additional = (tc.svc.annotations?.['service.beta.kubernetes.io/azure-additional-public-ips'] ?? '').split(',').filter(Boolean);
  const nodes = await lab.nodeIps();
  const dst = { frontend: [frontend!], 'frontend+additional': [frontend!, ...additional], nodes };
  return tc.rules!.map((e) => armRule(e, svc, dst[e.dst]));
}

describe('cloud-provider-azure: network security group rules', () => {
  for (const tc of nsgCases) {
    it(title(tc.ref), async () => {
      const lab = new Lab();
      await lab.apply(tc.svc);
      const name = tc.svc.name!;
      if (tc.error !== undefined) {
        expect(await lab.syncError(name)).toBe(tc.error);
        expect((await lab.nsgRules()).map(comparable)).toEqual([]);
        return;
      }
      expect(await lab.syncError(name)).toBeUndefined();
      const actual = (await lab.nsgRules()).map(comparable).sort((a, b) => a.priority - b.priority);
      expect(actual).toEqual(await expectedRules(lab, tc));
      if (tc.resync) {
        const [nsg] = await lab.json<{ name: string }[]>(`az network nsg list -g ${NODE_RG}`);
        const etag = () => lab.ok(`az network nsg show -g ${NODE_RG} -n ${nsg.name} --query etag -o tsv`);
        const ensured = async () => (await lab.events(name)).filter((e) => e.reason === 'EnsuredLoadBalancer').reduce((n, e) => n + (e.count ?? 1), 0);
        const [etagBefore, ensuredBefore] = [await etag(), await ensured()];
        await lab.ok(`kubectl annotate svc ${name} conformance.example/resync=yes`);
        await lab.ok('sleep 120');
        expect(await ensured(), 'the Service was ensured again').toBe(ensuredBefore + 1);
        expect(await etag()).toBe(etagBefore);
        expect((await lab.nsgRules()).map(comparable).sort((a, b) => a.priority - b.priority)).toEqual(actual);
      }
      if (tc.warningsOnDelete) {
        const warnings = async () => (await lab.events(name)).filter((e) => e.type === 'Warning').map((e) => ({ reason: e.reason, message: e.message }));
        // Upstream hands NewAccessControl its event emitter only while deleting.
        expect(await warnings()).toEqual([]);
        await lab.delete(name);
        expect(await warnings()).toEqual(tc.warningsOnDelete);
      }
    });
  }
});
