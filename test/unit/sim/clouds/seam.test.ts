/** The provider seam: `aks` stays the default and unchanged; other clouds load on demand and replace the Azure controller. */
import { describe, expect, it } from 'vitest';
import { type CloudName, createSandbox } from '../../../../src/sim/index';
import { applyYaml, ok, serviceYaml } from '../helpers';

describe('createSandbox({ cloud })', () => {
  it('default and explicit aks give the same cluster, byte for byte', async () => {
    const outputs = [];
    for (const sb of [createSandbox(), createSandbox({ cloud: 'aks' })]) {
      expect(sb.cloud.name).toBe('aks');
      expect(sb.cloud.runtime).toBeUndefined();
      await applyYaml(sb, serviceYaml('web'));
      await sb.settle();
      outputs.push([
        await ok(sb, 'kubectl get svc web -o yaml'),
        await ok(sb, 'kubectl get events -o wide'),
        await ok(sb, 'az network public-ip list -o json'),
      ]);
    }
    expect(outputs[1]).toEqual(outputs[0]);
    expect(outputs[0][0]).toMatch(/ip: \d+\.\d+\.\d+\.\d+/);
  });

  it.each(['eks', 'gke', 'metallb', 'k3s'] as CloudName[])('%s: loads on demand and the Azure provider never acts', async (cloud) => {
    const sb = createSandbox({ cloud });
    expect(() => sb.settleSync()).toThrow(`cloud provider "${cloud}" is still loading: await sandbox.cloud.ready first`);
    await sb.cloud.ready;
    expect(sb.cloud.runtime?.name).toBe(cloud);
    const armVersion = sb.arm.version;
    await applyYaml(sb, serviceYaml('web'));
    await sb.settle();
    expect(sb.arm.version).toBe(armVersion);
    expect(await ok(sb, 'kubectl get events -o custom-columns=R:.reason --no-headers')).not.toMatch(/SyncLoadBalancerFailed/);
  });

  it('exec waits for the provider by itself', async () => {
    const sb = createSandbox({ cloud: 'k3s' });
    await applyYaml(sb, serviceYaml('web'));
    await sb.settle();
    expect(JSON.parse(await ok(sb, 'kubectl get svc web -o json')).status.loadBalancer.ingress).toHaveLength(3);
  });

  it("settle() reports a cloud's failing keys as waiting", async () => {
    const sb = createSandbox({ cloud: 'eks' });
    await applyYaml(sb, serviceYaml('dns', { ports: '  - port: 53\n    protocol: UDP\n' }));
    expect((await sb.settle()).waiting).toEqual(['service-controller:default/dns']);
  });

  it('an unknown cloud rejects ready with the valid names', async () => {
    const sb = createSandbox({ cloud: 'azure' as CloudName });
    await expect(sb.cloud.ready).rejects.toThrow('unknown cloud "azure": use aks, eks, gke, metallb or k3s');
  });
});
