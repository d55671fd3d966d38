/**
 * Google GKE (other-clouds §4): the upstream service controller over the GCP cloud provider's
 * legacy target-pool Network Load Balancer, and ingress-gce's L4 NetLB controller for the
 * backend-service ("RBS") load balancer, the default from GKE 1.37 (`kubernetesVersion`).
 */

import { bindLib, readyNodes, startServiceController } from '../common';
import type { CloudContext, CloudRuntime } from '../types';
import { startRbsController } from './rbs';
import { GcpStore } from './store';
import { GceTargetPoolLoadBalancer } from './target-pool';

export function start(ctx: CloudContext): CloudRuntime<GcpStore> {
  bindLib(ctx);
  const gcp = new GcpStore(ctx.clock, new ctx.lib.SeededRandom(`${ctx.seed}:gcp`));
  for (const [i, n] of readyNodes(ctx.kube).entries()) gcp.instanceFor(n.metadata.name, i);
  const minor = ctx.kubeMinor;
  const controller = startServiceController(ctx, new GceTargetPoolLoadBalancer(gcp, ctx.kube, minor));
  const rbs = startRbsController(ctx.kube, ctx.events, ctx.clock, ctx.worldVersion, gcp, minor);
  return { name: 'gke', store: gcp, queues: [controller.queue, rbs] };
}
