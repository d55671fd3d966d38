/**
 * `az aks update --load-balancer-outbound-ports` (domain §3, §8): aksOutboundRule's allocatedOutboundPorts
 * and the cluster profile follow it; azure-cli's own checks come first; AKS refuses a profile whose
 * nodes × ports do not fit into 64,000 ports per outbound IP, also when the IP count or the node pool
 * changes later. The flag used to be accepted and silently ignored.
 */
import { describe, expect, it } from 'vitest';
import { azJson, children, lb, sandbox } from './helpers';

const UPDATE = 'az aks update -g myResourceGroup -n myAKSCluster';
const rulePorts = (sb: ReturnType<typeof sandbox>) => children(lb(sb), 'outboundRules')[0]!.properties.allocatedOutboundPorts;
const refusal = (ports: number, nodes: number, ips: number) =>
  `(InvalidLoadBalancerProfileAllocatedOutboundPorts) Load balancer profile allocated ports ${ports} is not in an allowable range given the number of nodes and IPs provisioned. Total node count ${nodes} requires ${ports * nodes} ports but only ${64000 * ips} ports are available given ${ips} outbound public IPs. Refer to https://aka.ms/aks/slb-ports for more details.`;

describe('az aks update --load-balancer-outbound-ports', () => {
  it('sets allocatedOutboundPorts on aksOutboundRule and in the load balancer profile', async () => {
    const sb = sandbox();
    expect(rulePorts(sb)).toBe(0);
    expect(await azJson(sb, `${UPDATE} --load-balancer-outbound-ports 4000 --query networkProfile.loadBalancerProfile.allocatedOutboundPorts`)).toBe(4000);
    expect(rulePorts(sb)).toBe(4000);
    // Changing the IP count keeps the ports.
    await sb.exec(`${UPDATE} --load-balancer-managed-outbound-ip-count 2`);
    expect(rulePorts(sb)).toBe(4000);
    expect(children(lb(sb), 'outboundRules')[0]!.properties.frontendIPConfigurations).toHaveLength(2);
  });

  it('runs azure-cli’s client-side checks first', async () => {
    const sb = sandbox();
    expect(await sb.exec(`${UPDATE} --load-balancer-outbound-ports 4001`)).toMatchObject({
      stderr: '--load-balancer-allocated-ports must be a multiple of 8\n',
      exitCode: 1,
    });
    expect(await sb.exec(`${UPDATE} --load-balancer-outbound-ports 64008`)).toMatchObject({
      stderr: '--load-balancer-allocated-ports must be in the range [0,64000]\n',
      exitCode: 1,
    });
    expect(await sb.exec(`${UPDATE} --load-balancer-outbound-ports lots`)).toMatchObject({ exitCode: 2 });
    expect(rulePorts(sb)).toBe(0);
  });

  it('refuses ports that do not fit, and accepts them with a second outbound IP in the same update', async () => {
    const sb = sandbox();
    const r = await sb.exec(`${UPDATE} --load-balancer-outbound-ports 32000`);
    expect(r.exitCode).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(refusal(32000, 3, 1));
    expect(rulePorts(sb)).toBe(0);
    expect((await sb.exec(`${UPDATE} --load-balancer-managed-outbound-ip-count 2 --load-balancer-outbound-ports 32000`)).exitCode).toBe(0);
    expect(rulePorts(sb)).toBe(32000);
    // Going back to one IP, or growing the pool, would no longer fit.
    expect((await sb.exec(`${UPDATE} --load-balancer-managed-outbound-ip-count 1`)).stderr.split('\n')[0]).toBe(refusal(32000, 3, 1));
    expect((await sb.exec('az aks nodepool scale -g myResourceGroup --cluster-name myAKSCluster -n nodepool1 --node-count 5')).stderr.split('\n')[0]).toBe(
      refusal(32000, 5, 2),
    );
    expect(children(lb(sb), 'outboundRules')[0]!.properties.frontendIPConfigurations).toHaveLength(2);
    // 0 is automatic and always fits.
    expect((await sb.exec(`${UPDATE} --load-balancer-outbound-ports 0 --load-balancer-managed-outbound-ip-count 1`)).exitCode).toBe(0);
    expect(rulePorts(sb)).toBe(0);
  });
});
