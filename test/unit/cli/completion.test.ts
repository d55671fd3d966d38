import { describe, expect, it } from 'vitest';
import { completions } from '../../../src/cli/index';
import { sandbox } from './harness';

describe('completion data', () => {
  it('completes commands, sub-commands and flags', () => {
    expect(completions('kub')).toEqual(['kubectl']);
    expect(completions('kubectl ge')).toEqual(['get']);
    expect(completions('kubectl create ')).toEqual(['deployment', 'namespace', 'service']);
    expect(completions('kubectl get svc --all-n')).toEqual(['--all-namespaces']);
    expect(completions('az network ')).toEqual(['lb', 'nat', 'nsg', 'public-ip', 'route-table', 'vnet']);
    expect(completions('az network lb ')).toContain('frontend-ip');
    expect(completions('az network public-ip list --res')).toEqual(['--resource-group']);
    expect(completions('echo a && kubectl des')).toEqual(['describe']);
  });

  it('completes resource types and names from the cluster', async () => {
    const sb = sandbox();
    expect(completions('kubectl get servi', sb)).toEqual(['serviceaccounts', 'services']);
    expect(completions('kubectl get svc -n kube-system kube', sb)).toEqual(['kube-dns']);
  });
});

describe('completion from live state', () => {
  it('completes TYPE/NAME, namespaces and resource groups', () => {
    const sb = sandbox();
    expect(completions('kubectl describe svc/kub', sb)).toEqual(['svc/kubernetes']);
    expect(completions('kubectl get pods -n kube-', sb)).toContain('kube-system');
    expect(completions('kubectl get pods -n kube-', sb).every((n) => n.startsWith('kube-'))).toBe(true);
    expect(completions('az network lb list -g MC_', sb)).toEqual(['MC_myResourceGroup_myAKSCluster_eastus']);
  });

  it('prefers namespaces that hold the kind asked for, and offers all of them otherwise', async () => {
    const sb = sandbox();
    expect(completions('kubectl get svc -n ku', sb)).toEqual(['kube-system']);
    expect(completions('kubectl get ns -n ku', sb).length).toBeGreaterThan(1);
    await sb.exec('kubectl create namespace kube-lab');
    await sb.exec('kubectl create service clusterip demo --tcp=80:80 -n kube-lab');
    expect(completions('kubectl get svc -n kube-', sb)).toEqual(['kube-lab', 'kube-system']);
  });
});
