/**
 * Google GKE (other-clouds §4): the upstream service controller over the GCP cloud provider's
 * legacy target-pool Network Load Balancer, and ingress-gce's L4 NetLB controller for the
 * backend-service ("RBS") load balancer, the default from GKE 1.37 (`kubernetesVersion`).
 */
import { kubernetesMinor } from '../../options';
import { SeededRandom } from '../../random';
import { startRbsController } from './rbs';
import { readyNodes, startServiceController } from '../common';
import type { CloudContext, CloudRuntime } from '../types';
import { GcpStore } from './store';
import { GceTargetPoolLoadBalancer } from './target-pool';

export function start(ctx: CloudContext): CloudRuntime<GcpStore> {
  const gcp = new GcpStore(ctx.clock, new SeededRandom(`${ctx.seed}:gcp`));
  readyNodes(ctx.kube).forEach((n, i) => gcp.instanceFor(n.metadata.name, i));
  const minor = kubernetesMinor(ctx.options.kubernetesVersion);
  const controller = startServiceController(ctx, new GceTargetPoolLoadBalancer(gcp, ctx.kube, minor));
  const rbs = startRbsController(ctx.kube, ctx.events, ctx.clock, ctx.worldVersion, gcp, minor);
  return { name: 'gke', store: gcp, queues: [controller.queue, rbs] };
}
