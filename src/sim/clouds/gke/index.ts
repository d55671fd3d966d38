/**
 * Google GKE (other-clouds §4): the upstream service controller over the GCP cloud provider's
 * legacy target-pool Network Load Balancer, and ingress-gce's L4 NetLB controller for the
 * backend-service ("RBS") load balancer, the default from GKE 1.37 (`kubernetesVersion`).
 */

import { bindLib, kubeletPatch, replaceNodes, startServiceController } from '../common';
import type { CloudContext, CloudRuntime } from '../types';
import { gkeNetwork } from './network';
import { startRbsController } from './rbs';
import { GcpStore } from './store';
import { GceTargetPoolLoadBalancer } from './target-pool';

export function start(ctx: CloudContext): CloudRuntime<GcpStore> {
  bindLib(ctx);
  const gcp = new GcpStore(ctx.clock, new ctx.lib.SeededRandom(`${ctx.seed}:gcp`));
  const kubelet = `${kubeletPatch(ctx.kube)}-gke.1240000`;
  // Node names are the VMs' names; nodes have an ephemeral external IP unless the cluster is private.
  replaceNodes(ctx.kube, (i) => {
    const inst = gcp.instanceFor(undefined, i);
    return {
      name: inst.name,
      internalIP: inst.networkIP,
      externalIP: inst.natIP,
      podCIDR: `10.4.${i}.0/24`,
      providerID: `gce://${gcp.project}/${inst.zone}/${inst.name}`,
      region: gcp.region,
      zone: inst.zone,
      instanceType: 'e2-medium',
      labels: {
        'cloud.google.com/gke-boot-disk': 'pd-balanced',
        'cloud.google.com/gke-container-runtime': 'containerd',
        'cloud.google.com/gke-nodepool': 'default-pool',
        'cloud.google.com/gke-os-distribution': 'cos',
        'cloud.google.com/machine-family': 'e2',
      },
      kubeletVersion: kubelet,
      osImage: 'Container-Optimized OS from Google',
      kernelVersion: '6.6.87+',
      containerRuntimeVersion: 'containerd://2.0.4',
    };
  });
  const minor = ctx.kubeMinor;
  const controller = startServiceController(ctx, new GceTargetPoolLoadBalancer(gcp, ctx.kube, minor));
  const rbs = startRbsController(ctx.kube, ctx.events, ctx.clock, ctx.worldVersion, gcp, minor);
  const l4Ilb = startRbsController(ctx.kube, ctx.events, ctx.clock, ctx.worldVersion, gcp, minor, true);
  return { name: 'gke', store: gcp, queues: [controller.queue, rbs, l4Ilb], network: gkeNetwork(gcp, ctx.kube) };
}
