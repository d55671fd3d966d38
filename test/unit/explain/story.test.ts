import { beforeAll, describe, expect, it } from 'vitest';
import { type Explanation, explain } from '../../../src/explain/index';
import { type Outputs, outputs, storySandbox } from './fixtures';

let o: Outputs;
let x: Explanation;
beforeAll(async () => {
  o = await outputs(await storySandbox());
  x = explain([o.services, o.publicIps, o.lb, o.aks, o.nsgs, o.events]);
});

describe("the first lesson's story: three Services, four Public IPs", () => {
  it('recognises every paste by its shape', () => {
    expect(x.inputs.map((i) => i.kind)).toEqual(['services', 'public-ips', 'load-balancers', 'cluster', 'nsgs', 'events']);
    expect(x.inputs.every((i) => i.ok)).toBe(true);
    // The order of the boxes does not matter.
    const shuffled = explain([o.events, o.lb, o.aks, o.publicIps, o.nsgs, o.services]);
    expect(shuffled.publicIps).toEqual(x.publicIps);
  });

  it('gives three Public IPs to their Services and names the fourth the managed outbound IP', () => {
    expect(x.publicIps).toHaveLength(4);
    const services = x.publicIps.filter((p) => p.role === 'service');
    expect(services.map((p) => p.service).sort()).toEqual(['ingress-basic/ingress-nginx-controller', 'qa/mysql-lb', 'qa/redis-lb']);
    for (const p of services) {
      expect(p.name).toMatch(/^kubernetes-a[0-9a-f]{31}$/);
      expect(p.frontend).toBe(p.name.slice('kubernetes-'.length));
      expect(p.loadBalancer).toBe('kubernetes');
      expect(p.evidence.map((e) => e.code)).toEqual(expect.arrayContaining(['ev.tag-service', 'ev.status-ingress', 'ev.frontend']));
      const svc = x.services.find((s) => `${s.namespace}/${s.name}` === p.service)!;
      expect(svc.externalIp).toBe(p.ipAddress);
      expect(svc.publicIp).toBe(p.name);
    }
    const [outbound] = x.publicIps.filter((p) => p.role === 'outbound');
    expect(outbound!.name).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(outbound!.service).toBeUndefined();
    expect(outbound!.evidence.map((e) => e.code)).toEqual(expect.arrayContaining(['ev.tag-outbound', 'ev.outbound-rule', 'ev.aks-outbound']));
    expect(outbound!.evidence.find((e) => e.code === 'ev.outbound-rule')!.text).toContain('aksOutboundRule');
    expect(x.outbound).toMatchObject({ rule: 'aksOutboundRule', loadBalancer: 'kubernetes', publicIps: [outbound!.name] });
  });

  it('explains the count and the fourth IP as the lesson does, linking to its sections', () => {
    const count = x.findings.find((f) => f.code === 'f.ip-count')!;
    expect(count.message).toBe('3 public LoadBalancer Services and 4 Public IPs: 3 for Services, 1 outbound.');
    expect(count).toMatchObject({ lesson: 'where-does-external-ip-come-from', section: 'puzzle' });
    const out = x.findings.find((f) => f.code === 'f.outbound-ip')!;
    expect(out.message).toContain('aksOutboundRule');
    expect(out.lesson).toBe('where-does-external-ip-come-from');
  });

  it('lists each Service with its frontend and rules, all with an IP', () => {
    expect(x.services.map((s) => `${s.namespace}/${s.name}:${s.state}`)).toEqual([
      'ingress-basic/ingress-nginx-controller:has-ip',
      'qa/mysql-lb:has-ip',
      'qa/redis-lb:has-ip',
    ]);
    const redis = x.services.find((s) => s.name === 'redis-lb')!;
    expect(redis.rules.map((r) => r.name)).toEqual([`${redis.frontend}-TCP-6379`]);
    expect(redis.rules[0]).toMatchObject({ protocol: 'Tcp', frontendPort: 6379, seen: true });
    const ingress = x.services.find((s) => s.name === 'ingress-nginx-controller')!;
    expect(ingress.rules.map((r) => r.frontendPort).sort()).toEqual([443, 80]);
  });

  it('flags the databases the story puts on the Internet, from the NSG rules', () => {
    const open = x.findings.filter((f) => f.code === 'f.nsg-open-db');
    expect(open.map((f) => `${f.params.db}:${f.params.port}:${f.params.services}`).sort()).toEqual(['MySQL:3306:qa/mysql-lb', 'Redis:6379:qa/redis-lb']);
    expect(open.every((f) => f.severity === 'problem' && f.lesson === 'locking-it-down')).toBe(true);
  });

  it('works out the SNAT budget from node count, outbound IPs and the automatic share', () => {
    const snat = x.findings.find((f) => f.code === 'f.snat-auto')!;
    expect(snat.params).toMatchObject({ nodes: 3, perNode: 1024, used: 3072, capacity: 64000, ips: 1 });
    expect(snat.severity).toBe('info');
    expect(snat.lesson).toBe('the-fourth-ip-egress');
  });

  it('speaks Korean when asked, from the same codes', () => {
    const ko = explain([o.services, o.publicIps, o.lb, o.aks], { locale: 'ko' });
    expect(ko.findings.find((f) => f.code === 'f.ip-count')!.message).toBe('공용 LoadBalancer 서비스 3개, 공용 IP 주소 4개: 서비스용 3개, 아웃바운드용 1개.');
    expect(ko.findings.find((f) => f.code === 'f.outbound-ip')!.message).toContain('관리형 아웃바운드 IP');
    expect(ko.inputs[0]!.message).toContain('서비스 3개'.replace('3', String(ko.inputs[0]!.count)));
  });

  it('with only the Public IP list, still tells the outbound IP from Service IPs by their tags', () => {
    const only = explain([o.publicIps]);
    expect(only.publicIps.map((p) => p.role).sort()).toEqual(['outbound', 'service', 'service', 'service']);
    expect(only.missing).toEqual(['services', 'load-balancers', 'cluster', 'nsgs']);
    expect(only.publicIps.find((p) => p.role === 'service')!.evidence.map((e) => e.code)).toContain('ev.services-not-pasted');
  });

  it('with only the load balancer, reads roles from outbound rules and load-balancing rules', () => {
    const lbOnly = explain([o.lb]);
    expect(lbOnly.publicIps.map((p) => p.role).sort()).toEqual(['outbound', 'service', 'service', 'service']);
    expect(lbOnly.publicIps.every((p) => p.ipAddress === undefined)).toBe(true);
  });
});
