import { beforeAll, describe, expect, it } from 'vitest';
import { explain } from '../../../src/explain/index';
import { runLoadBalancerBench } from '../../../src/sim/bench';
import { NODE_RG, type Outputs, outputs } from './fixtures';

// 1,000 LoadBalancer Services from the simulator (Azure limits raised so all get an IP), pasted
// as the four big outputs: about 9 MB of JSON.
let o: Outputs;
beforeAll(async () => {
  const { sandbox } = runLoadBalancerBench(1000);
  o = await outputs(sandbox);
}, 120_000);

describe('a large cluster: 1,000 Services', () => {
  // The machine running tests is shared (load often 8× its cores), so wall-clock time says more
  // about the neighbours than about explain(): the bound is on the CPU time this process spent
  // (best of 7), and the wall-clock figures are reported beside it.
  it('is explained in at most 200 ms of CPU time (best of 7; wall clock reported)', () => {
    const pastes = [o.services, o.publicIps, o.lb, o.aks, o.nsgs, o.events];
    const chars = pastes.reduce((n, p) => n + p.length, 0);
    explain(pastes); // warm-up
    const times: number[] = [];
    const cpu: number[] = [];
    let x = explain(pastes);
    for (let i = 0; i < 7; i++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      x = explain(pastes);
      times.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const cpuBest = Math.min(...cpu);
    console.log(
      `explain(): 1,000 Services, ${(chars / 1e6).toFixed(1)} MB pasted: CPU best ${cpuBest.toFixed(0)} ms; wall clock best ${sorted[0]!.toFixed(0)} ms, median ${sorted[3]!.toFixed(0)} ms (runs ${times.map((t) => t.toFixed(0)).join(', ')})`,
    );
    expect(x.services).toHaveLength(1000);
    expect(x.publicIps).toHaveLength(1001);
    expect(x.publicIps.filter((p) => p.role === 'service')).toHaveLength(1000);
    expect(x.services.every((s) => s.state === 'has-ip' && s.publicIp && s.frontend && s.rules.length === 1)).toBe(true);
    expect(cpuBest).toBeLessThanOrEqual(200);
  });

  it('the same outputs with CRLF line ends and a BOM give the same answer', () => {
    const crlf = (t: string) => `\uFEFF${t.replace(/\n/g, '\r\n')}`;
    const a = explain([o.services, o.publicIps]);
    const b = explain([crlf(o.services), crlf(o.publicIps)]);
    expect(b.publicIps).toEqual(a.publicIps);
    expect(b.inputs[0]!.notes.map((n) => n.code)).toEqual(['note.bom', 'note.crlf']);
    expect(NODE_RG).toBe(a.cluster.nodeResourceGroup);
  });
});
