/**
 * "Skip waits" (issue 15): the lab settles in slices, the browser getting a turn between them, and
 * when only retries nothing can help are left it stops and says so (the `waiting` note).
 */
import { describe, expect, it } from 'vitest';
import { SKIP_SLICE_MS } from '../../../src/lab/clock-driver';
import { createLabStore } from '../../../src/lab/store';
import type { LabSandbox } from '../../../src/lab/types';
import { createSandbox, type SettleOptions } from '../../../src/sim/index';

const services = (n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: web-${i}\nspec:\n  type: LoadBalancer\n  ports:\n  - port: 80\n  selector:\n    app: web-${i}\n`,
  ).join('---\n');

function ips(sb: LabSandbox): number {
  return [...sb.kube.scan('Service')].filter((s) => (s.status as { loadBalancer?: { ingress?: unknown[] } })?.loadBalancer?.ingress?.length).length;
}

describe('Skip waits', () => {
  it('settles in slices (pausing) and lists what only retries a failure nothing has changed since', async () => {
    const sandbox = createSandbox({ faults: { limits: { rulesPerNic: 3 } } });
    const seen: SettleOptions[] = [];
    const spy: LabSandbox = Object.assign(Object.create(sandbox), { settle: (o?: SettleOptions) => (seen.push(o ?? {}), sandbox.settle(o)) });
    const store = createLabStore(spy);
    await store.getState().apply(services(6));
    store.getState().setSpeed('skip');
    await store.getState().tick(250);
    expect(seen[0]?.pause).toBeTypeOf('function');
    expect(SKIP_SLICE_MS).toBeLessThanOrEqual(50);
    expect(ips(sandbox)).toBe(3);
    expect(store.getState().waiting).toEqual(['service-controller:default/web-3', 'service-controller:default/web-4', 'service-controller:default/web-5']);
    // Nothing changes, nothing moves: the next tick settles at once and the note stays.
    const now = sandbox.clock.now();
    await store.getState().tick(250);
    expect(sandbox.clock.now()).toBe(now);
    expect(store.getState().waiting).toHaveLength(3);
    // Raising the limit is a change: the retries wake up, the note goes.
    sandbox.setFaults({ limits: { rulesPerNic: 300 } });
    await store.getState().tick(250);
    expect(ips(sandbox)).toBe(6);
    expect(store.getState().waiting).toEqual([]);
  });

  it('stops between slices when the learner pauses the clock', async () => {
    const sandbox = createSandbox();
    const store = createLabStore(sandbox);
    await store.getState().apply(services(3));
    store.getState().setSpeed('skip');
    let pauses = 0;
    const r = await sandbox.settle({
      pause: async () => {
        pauses++;
        store.getState().setPaused(true);
      },
      sliceMs: 0,
      shouldStop: () => store.getState().paused,
    });
    expect(pauses).toBe(1);
    expect(r.settled).toBe(false);
    expect(ips(sandbox)).toBeLessThan(3);
    expect((await sandbox.settle()).settled).toBe(true);
    expect(ips(sandbox)).toBe(3);
  });
});
