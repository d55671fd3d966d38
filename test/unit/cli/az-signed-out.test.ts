/**
 * `az` in another cloud's sandbox: a machine with the Azure CLI but no `az login` (as `aws` and
 * `gcloud` answer without credentials in the AKS sandbox). Scaling must not touch that cloud's nodes.
 */
import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../../src/sim/index';
import type { CloudName } from '../../../src/sim/options';

const NOT_SIGNED_IN = "ERROR: Please run 'az login' to setup account.\n";
const OTHER_CLOUDS: CloudName[] = ['eks', 'gke', 'metallb', 'k3s'];

async function sandbox(cloud: CloudName) {
  const sb = createSandbox({ cloud });
  await sb.cloud.ready;
  return sb;
}

describe.each(OTHER_CLOUDS)('az in a %s sandbox', (cloud) => {
  it('az aks scale / nodepool scale answer "az login" and leave the nodes as they are', async () => {
    const sb = await sandbox(cloud);
    const nodes = async () => (await sb.exec('kubectl get nodes -o name')).stdout;
    const before = await nodes();
    expect(before).not.toContain('aks-nodepool1');
    for (const cmd of [
      'az aks scale -g myResourceGroup -n myAKSCluster --node-count 5',
      'az aks nodepool scale -g myResourceGroup --cluster-name myAKSCluster -n nodepool1 --node-count 1',
    ]) {
      expect(await sb.exec(cmd)).toEqual({ stdout: '', stderr: NOT_SIGNED_IN, exitCode: 1 });
      await sb.settle();
      expect(await nodes()).toBe(before);
    }
    // The simulator's own AKS operation (what az would call) does not reach this cluster's nodes either.
    sb.aks.scaleNodePool('nodepool1', 2);
    await sb.settle();
    expect(await nodes()).toBe(before);
  });

  it('reads need a sign-in too; version, help, misspellings and usage errors answer as before', async () => {
    const sb = await sandbox(cloud);
    expect(await sb.exec('az network public-ip list -o table')).toEqual({ stdout: '', stderr: NOT_SIGNED_IN, exitCode: 1 });
    expect(await sb.exec('az account show')).toEqual({ stdout: '', stderr: NOT_SIGNED_IN, exitCode: 1 });
    expect(await sb.exec('az account list')).toEqual({ stdout: '[]\n', stderr: 'WARNING: Please run "az login" to access your accounts.\n', exitCode: 0 });
    expect((await sb.exec('az version')).stdout).toContain('"azure-cli": "2.75.0"');
    expect((await sb.exec('az aks scale --help')).exitCode).toBe(0);
    expect((await sb.exec('az netwrk lb list')).stderr).toBe("'netwrk' is misspelled or not recognized by the system.\nDid you mean 'network' ?\n");
    const usage = await sb.exec('az aks scale -g myResourceGroup -n myAKSCluster');
    expect(usage.exitCode).toBe(2);
    expect(usage.stderr).toContain('the following arguments are required: --node-count/-c');
  });
});

describe('az in the AKS sandbox', () => {
  it('is signed in: az aks scale adds aks-nodepool1 nodes', async () => {
    const sb = createSandbox();
    const r = await sb.exec('az aks scale -g myResourceGroup -n myAKSCluster --node-count 4 -o none');
    expect(r.exitCode).toBe(0);
    await sb.settle();
    expect((await sb.exec('kubectl get nodes -o name')).stdout.trim().split('\n')).toHaveLength(4);
    expect((await sb.exec('az account list --query [0].user.name -o tsv')).stdout).toBe('azureuser@contoso.com\n');
  });
});
