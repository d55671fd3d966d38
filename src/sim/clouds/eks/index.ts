/**
 * Amazon EKS (other-clouds §3): the upstream service controller over the AWS in-tree provider, and
 * the AWS account it writes to. The AWS Load Balancer Controller is not installed by default (as on
 * a real cluster): Services meant for it (`aws-load-balancer-type: external`, `loadBalancerClass:
 * service.k8s.aws/nlb`) wait until its Helm chart is installed (./lbc.ts).
 */

import type { Service } from '../../kube/types';
import { bindLib, kubeletPatch, replaceNodes, startServiceController } from '../common';
import type { CloudContext, CloudRuntime } from '../types';
import { AwsInTreeLoadBalancer } from './in-tree';
import { LBC, serviceMutatorActive, startLoadBalancerController } from './lbc';
import { eksNetwork } from './network';
import { AwsStore } from './store';

export const EKS_DEFAULTS = { region: 'us-west-2', clusterName: 'my-cluster' };

export function start(ctx: CloudContext): CloudRuntime<AwsStore> {
  bindLib(ctx);
  const aws = new AwsStore(ctx.clock, new ctx.lib.SeededRandom(`${ctx.seed}:aws`), EKS_DEFAULTS);
  const nodeRandom = new ctx.lib.SeededRandom(`${ctx.seed}:eks-nodes`);
  const kubelet = `${kubeletPatch(ctx.kube)}-eks-${nodeRandom.hex(7)}`;
  const ami = `ami-0${nodeRandom.hex(16)}`;
  // A managed node group's instances: named after their private IP in the VPC (no public IP).
  replaceNodes(ctx.kube, (i) => {
    const subnet = aws.nodeSubnet(i);
    const [a, b, c] = subnet.CidrBlock.split('.').map(Number);
    const ip = `${a}.${b}.${c + nodeRandom.int(0, 31)}.${nodeRandom.int(4, 254)}`;
    const name = `ip-${ip.replace(/\./g, '-')}.${aws.region}.compute.internal`;
    const inst = aws.instanceFor(name, i, ip);
    return {
      name,
      internalIP: ip,
      providerID: `aws:///${subnet.AvailabilityZone}/${inst.InstanceId}`,
      region: aws.region,
      zone: subnet.AvailabilityZone,
      instanceType: 'm5.large',
      labels: {
        'alpha.eksctl.io/cluster-name': aws.clusterName,
        'alpha.eksctl.io/nodegroup-name': 'ng-1',
        'eks.amazonaws.com/capacityType': 'ON_DEMAND',
        'eks.amazonaws.com/nodegroup': 'ng-1',
        'eks.amazonaws.com/nodegroup-image': ami,
        'eks.amazonaws.com/sourceLaunchTemplateVersion': '1',
      },
      kubeletVersion: kubelet,
      osImage: 'Amazon Linux 2023.7.20250609',
      kernelVersion: '6.1.140-154.222.amzn2023.x86_64',
      containerRuntimeVersion: 'containerd://1.7.27',
    };
  });
  const controller = startServiceController(ctx, new AwsInTreeLoadBalancer(aws, ctx.kube));
  installServiceMutator(ctx);
  const lbc = startLoadBalancerController({ kube: ctx.kube, events: ctx.events, clock: ctx.clock, aws, worldVersion: ctx.worldVersion });
  return { name: 'eks', store: aws, queues: [controller.queue, ...lbc.queues], network: eksNetwork(aws, ctx.kube) };
}

/**
 * The chart's `mservice.elbv2.k8s.aws` webhook (serviceMutator): while registered, a new
 * LoadBalancer Service without a class gets `service.k8s.aws/nlb`, and an update that drops the
 * class keeps the old one. Existing Services are left alone (it only sees creates and updates).
 */
function installServiceMutator(ctx: CloudContext): void {
  const base = ctx.kube.strategyOf('Service') ?? {};
  ctx.kube.registerStrategy('Service', {
    ...base,
    defaults(obj, old, c) {
      base.defaults?.(obj, old, c);
      const spec = (obj as Service).spec;
      if (spec?.type !== 'LoadBalancer' || spec.loadBalancerClass || !serviceMutatorActive(ctx.kube)) return;
      // Its objectSelector leaves out the controller's own Services.
      if (obj.metadata.labels?.['app.kubernetes.io/name'] === LBC.appLabel) return;
      const before = (old as Service | undefined)?.spec?.loadBalancerClass;
      if (!old) spec.loadBalancerClass = LBC.loadBalancerClass;
      else if (before) spec.loadBalancerClass = before;
    },
  });
}
