import { describe, expect, it } from 'vitest';
import { CLOUDS, DEFAULT_PAGE_OPTIONS, optionsToSearch, outboundIPCountApplies, parseSandboxOptions, toSandboxOptions } from '../../../src/lab/sandbox-options';
import { createSandbox } from '../../../src/sim/index';

describe('sandbox page options from the URL', () => {
  it('reads valid values', () => {
    expect(parseSandboxOptions('?outboundType=managedNATGateway&outboundIPs=3&k8s=1.28&nodes=5&plugin=kubenet')).toEqual({
      cloud: 'aks',
      outboundType: 'managedNATGateway',
      managedOutboundIPCount: 3,
      kubernetesVersion: '1.28',
      nodeCount: 5,
      networkPlugin: 'kubenet',
    });
  });
  it('falls back to AKS defaults for anything unexpected', () => {
    expect(parseSandboxOptions('?outboundType=<script>&outboundIPs=101&k8s=9.99&nodes=-1&plugin=x')).toEqual(DEFAULT_PAGE_OPTIONS);
    expect(parseSandboxOptions('?cloud=aws')).toEqual(DEFAULT_PAGE_OPTIONS);
    expect(parseSandboxOptions('?cloud=EKS&cloud=eks').cloud).toBe('aks');
    expect(parseSandboxOptions('?outboundIPs=1e3&nodes=03.5')).toEqual(DEFAULT_PAGE_OPTIONS);
    expect(parseSandboxOptions('')).toEqual(DEFAULT_PAGE_OPTIONS);
  });
});

describe('sandbox page options per outbound type', () => {
  it('the outbound IP count goes to the load balancer or to the NAT gateway (1–16), and is dropped where it does not apply', () => {
    expect(toSandboxOptions(parseSandboxOptions('?outboundIPs=3'))).toMatchObject({ outboundType: 'loadBalancer', managedOutboundIPCount: 3 });
    const nat = toSandboxOptions(parseSandboxOptions('?outboundType=managedNATGateway&outboundIPs=2'));
    expect(nat).toMatchObject({ natGatewayManagedOutboundIPCount: 2 });
    expect(nat).not.toHaveProperty('managedOutboundIPCount');
    expect(parseSandboxOptions('?outboundType=managedNATGateway&outboundIPs=17').managedOutboundIPCount).toBe(1);
    expect(parseSandboxOptions('?outboundType=userDefinedRouting&outboundIPs=5').managedOutboundIPCount).toBe(1);
    expect(outboundIPCountApplies('userAssignedNATGateway')).toBe(false);
    // And back: a NAT gateway lab's link keeps its count.
    expect(parseSandboxOptions(optionsToSearch(nat))).toMatchObject({ outboundType: 'managedNATGateway', managedOutboundIPCount: 2 });
  });

  it('every option changes what az aks show reports', async () => {
    const show = async (search: string) => {
      const sb = createSandbox(toSandboxOptions(parseSandboxOptions(search)));
      return JSON.parse((await sb.exec('az aks show -g myResourceGroup -n myAKSCluster -o json')).stdout);
    };
    const base = await show('');
    expect(base.networkProfile.loadBalancerProfile.managedOutboundIPs.count).toBe(1);
    expect((await show('?outboundIPs=3')).networkProfile.loadBalancerProfile.effectiveOutboundIPs).toHaveLength(3);
    const nat = await show('?outboundType=managedNATGateway&outboundIPs=2');
    expect(nat.networkProfile.outboundType).toBe('managedNATGateway');
    expect(nat.networkProfile.natGatewayProfile.managedOutboundIPProfile.count).toBe(2);
    expect(nat.networkProfile.natGatewayProfile.effectiveOutboundIPs).toHaveLength(2);
    expect((await show('?k8s=1.29')).kubernetesVersion).toBe('1.29');
    expect((await show('?nodes=5')).agentPoolProfiles[0].count).toBe(5);
    expect((await show('?plugin=kubenet')).networkProfile.networkPlugin).toBe('kubenet');
    expect((await show('?outboundType=userDefinedRouting')).networkProfile.outboundType).toBe('userDefinedRouting');
  });

  it("the NAT gateway's Public IPs have names and addresses of their own, not the default cluster's outbound IP", async () => {
    const pips = async (search: string) => {
      const sb = createSandbox(toSandboxOptions(parseSandboxOptions(search)));
      return (await sb.exec('az network public-ip list -g MC_myResourceGroup_myAKSCluster_eastus --query "[].[name, ipAddress]" -o tsv')).stdout
        .trim()
        .split('\n');
    };
    const [lb] = await pips('');
    const nat = await pips('?outboundType=managedNATGateway&outboundIPs=2');
    expect(nat).toHaveLength(2);
    const [lbName, lbIp] = lb!.split('\t');
    for (const row of nat) {
      const [name, ip] = row.split('\t');
      expect(name).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
      expect(name).not.toBe(lbName);
      expect(ip).not.toBe(lbIp);
    }
  });
});

describe('the provider option (issue 17)', () => {
  it('reads every provider, defaults to AKS, and round-trips through links and saved labs', () => {
    for (const cloud of CLOUDS) {
      const o = parseSandboxOptions(`?cloud=${cloud}&k8s=1.30&nodes=2`);
      expect(o).toMatchObject({ cloud, kubernetesVersion: '1.30', nodeCount: 2 });
      expect(parseSandboxOptions(optionsToSearch(toSandboxOptions(o)))).toEqual(o);
    }
    expect(parseSandboxOptions('').cloud).toBe('aks');
  });

  it('AKS links read as before (no cloud=aks); other clouds name theirs and drop the AKS-only settings', () => {
    expect(optionsToSearch(toSandboxOptions(parseSandboxOptions('?outboundIPs=2')))).toBe(
      '?outboundType=loadBalancer&outboundIPs=2&k8s=1.33&nodes=3&plugin=azure',
    );
    const eks = parseSandboxOptions('?cloud=eks&outboundType=managedNATGateway&outboundIPs=3&plugin=kubenet');
    expect(eks).toEqual({ ...DEFAULT_PAGE_OPTIONS, cloud: 'eks' });
    expect(optionsToSearch(toSandboxOptions(eks))).toBe('?cloud=eks&k8s=1.33&nodes=3');
    expect(toSandboxOptions(eks)).toEqual({ cloud: 'eks', kubernetesVersion: '1.33', nodeCount: 3 });
  });

  it("an AKS lab names its cloud, so spreading it over another cloud's options gives AKS", () => {
    expect({ cloud: 'gke', ...toSandboxOptions(parseSandboxOptions('')) }.cloud).toBe('aks');
  });

  it('the sandbox is built on the chosen cloud', async () => {
    const sb = createSandbox(toSandboxOptions(parseSandboxOptions('?cloud=gke&nodes=2')));
    await sb.cloud.ready;
    expect(sb.cloud.name).toBe('gke');
    expect(sb.cloud.runtime?.store).toBeDefined();
    expect((await sb.exec('kubectl get nodes --no-headers')).stdout.trim().split('\n')).toHaveLength(2);
  });
});
