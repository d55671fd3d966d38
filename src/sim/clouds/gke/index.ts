/**
 * Google GKE (other-clouds §4): the upstream service controller over the GCP cloud provider's
 * legacy target-pool Network Load Balancer. (The backend-service "RBS" load balancer that GKE
 * 1.37+ creates by default runs in ingress-gce and is not modelled yet.)
 */
import { SeededRandom } from '../../random';
import { readyNodes, startServiceController } from '../common';
import type { CloudContext, CloudRuntime } from '../types';
import { GcpStore } from './store';
import { GceTargetPoolLoadBalancer } from './target-pool';

export function start(ctx: CloudContext): CloudRuntime<GcpStore> {
  const gcp = new GcpStore(ctx.clock, new SeededRandom(`${ctx.seed}:gcp`));
  readyNodes(ctx.kube).forEach((n, i) => gcp.instanceFor(n.metadata.name, i));
  const controller = startServiceController(ctx, new GceTargetPoolLoadBalancer(gcp, ctx.kube));
  return { name: 'gke', store: gcp, queues: [controller.queue] };
}
