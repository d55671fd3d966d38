/**
 * Amazon EKS (other-clouds §3): the upstream service controller over the AWS in-tree provider, and
 * the AWS account it writes to. The AWS Load Balancer Controller is not installed: Services meant
 * for it (`aws-load-balancer-type: external`, `loadBalancerClass: service.k8s.aws/nlb`) wait.
 */
import { bindLib, readyNodes, startServiceController } from '../common';
import type { CloudContext, CloudRuntime } from '../types';
import { AwsInTreeLoadBalancer } from './in-tree';
import { AwsStore } from './store';

export const EKS_DEFAULTS = { region: 'us-west-2', clusterName: 'my-cluster' };

export function start(ctx: CloudContext): CloudRuntime<AwsStore> {
  bindLib(ctx);
  const aws = new AwsStore(ctx.clock, new ctx.lib.SeededRandom(`${ctx.seed}:aws`), EKS_DEFAULTS);
  for (const [i, n] of readyNodes(ctx.kube).entries()) aws.instanceFor(n.metadata.name, i);
  const controller = startServiceController(ctx, new AwsInTreeLoadBalancer(aws, ctx.kube));
  return { name: 'eks', store: aws, queues: [controller.queue] };
}
