import type { KubeObject } from '../../sim/kube/types';
import { DRY_RUN, dryRunMode, dryRunSuffix } from './apply';
import { type KubectlCommand, KubectlError } from './common';
import { str } from './flags';
import { checkOutputFormat, printWritten } from './object-output';
import { parseResourceArgs } from './resources';

// biome-ignore lint/suspicious/noExplicitAny: printers walk manifests by field path; the shapes are checked where the objects are stored.
type Obj = Record<string, any>;

/** The selector `expose` copies: a Service's selector, a workload's matchLabels, or a Pod's labels. */
function selectorOf(o: KubeObject): Record<string, string> | undefined {
  const spec = (o.spec ?? {}) as Obj;
  if (o.kind === 'Service') return spec.selector;
  if (o.kind === 'Pod') return o.metadata.labels;
  if (spec.selector?.matchExpressions?.length) return undefined;
  return spec.selector?.matchLabels ?? spec.selector;
}

function introspectPorts(o: KubeObject): Obj[] {
  const spec = (o.spec ?? {}) as Obj;
  if (o.kind === 'Service') return (spec.ports ?? []).map((p: Obj) => ({ port: p.port, protocol: p.protocol ?? 'TCP', name: p.name }));
  const containers: Obj[] = o.kind === 'Pod' ? (spec.containers ?? []) : (spec.template?.spec?.containers ?? []);
  return containers.flatMap((c) => (c.ports ?? []).map((p: Obj) => ({ port: p.containerPort, protocol: p.protocol ?? 'TCP', name: p.name })));
}

export const exposeCommand: KubectlCommand = {
  name: 'expose',
  short: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  long: 'Expose a resource as a new Kubernetes service.\n\n Looks up a deployment, service, replica set, replication controller or pod by name and uses the selector for that resource as the selector for a new service on the specified port.',
  usage:
    'kubectl expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type] [options]',
  examples:
    '  # Create a LoadBalancer service for deployment web, serving on port 80 and connecting to the containers on port 8080\n  kubectl expose deployment web --port=80 --target-port=8080 --type=LoadBalancer',
  flags: [
    { name: 'port', type: 'string', usage: 'The port that the service should serve on.' },
    { name: 'target-port', type: 'string', usage: 'Name or number for the port on the container that the service should direct traffic to.' },
    { name: 'protocol', type: 'string', usage: "The network protocol for the service to be created. Default is 'TCP'." },
    { name: 'type', type: 'string', usage: "Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is 'ClusterIP'." },
    { name: 'name', type: 'string', usage: 'The name for the newly created object.' },
    { name: 'selector', type: 'string', usage: 'A label selector to use for this service.' },
    { name: 'labels', short: 'l', type: 'string', usage: 'Labels to apply to the service created by this call.' },
    { name: 'load-balancer-ip', type: 'string', usage: 'IP to assign to the LoadBalancer.' },
    { name: 'external-ip', type: 'string', usage: 'Additional external IP address (not managed by Kubernetes) to accept for the service.' },
    { name: 'output', short: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name).' },
    DRY_RUN,
  ],
  run(k) {
    if (!k.args.length)
      throw new KubectlError(
        "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
      );
    const res = parseResourceArgs(k.ctx.kube, k.args);
    const t = res.targets[0];
    if (!t.names?.length) throw new KubectlError('resource(s) were provided, but no name was specified');
    const src = k.ctx.kube.get(t.type.kind, t.names[0], t.type.namespaced ? k.namespace : undefined);
    if (!['Service', 'Pod', 'Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet'].includes(src.kind)) {
      throw new KubectlError(`cannot expose a ${src.kind}.${t.type.group || ''}`.replace(/\.$/, ''));
    }
    let selector: Record<string, string> | undefined = selectorOf(src);
    if (str(k.flags, 'selector'))
      selector = Object.fromEntries(
        str(k.flags, 'selector')
          .split(',')
          .map((p) => p.split('=') as [string, string]),
      );
    if (!selector || !Object.keys(selector).length) {
      throw new KubectlError(
        `couldn't retrieve selectors via --selector flag or introspection: the ${src.kind} has no selector\nSee 'kubectl expose -h' for help and examples`,
      );
    }
    const protocol = str(k.flags, 'protocol') || 'TCP';
    let ports: Obj[];
    if (str(k.flags, 'port')) {
      ports = str(k.flags, 'port')
        .split(',')
        .map((p, i, all) => ({ ...(all.length > 1 ? { name: `port-${i + 1}` } : {}), port: Number(p), protocol }));
    } else {
      ports = introspectPorts(src).map((p, i, all) => ({ ...(all.length > 1 ? { name: p.name ?? `port-${i + 1}` } : {}), port: p.port, protocol: p.protocol }));
      if (!ports.length) throw new KubectlError("couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples");
    }
    const target = str(k.flags, 'target-port');
    for (const p of ports) p.targetPort = target ? (/^\d+$/.test(target) ? Number(target) : target) : p.port;
    const name = str(k.flags, 'name') || src.metadata.name;
    const labels = str(k.flags, 'labels')
      ? Object.fromEntries(
          str(k.flags, 'labels')
            .split(',')
            .map((p) => p.split('=') as [string, string]),
        )
      : src.metadata.labels;
    const spec: Obj = { ports, selector };
    if (str(k.flags, 'type')) spec.type = str(k.flags, 'type');
    if (str(k.flags, 'load-balancer-ip')) spec.loadBalancerIP = str(k.flags, 'load-balancer-ip');
    if (str(k.flags, 'external-ip')) spec.externalIPs = [str(k.flags, 'external-ip')];
    const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name, ...(labels ? { labels } : {}) }, spec, status: { loadBalancer: {} } };
    const mode = dryRunMode(k);
    checkOutputFormat(str(k.flags, 'output'));
    const created = mode === 'client' ? svc : k.ctx.kube.create(svc, { namespace: k.namespace, dryRun: mode === 'server', fieldManager: 'kubectl-expose' });
    const out = str(k.flags, 'output');
    const printed = printWritten(out, [{ object: created, name: `service/${name}` }]);
    if (printed !== undefined) return { stdout: printed, stderr: '', exitCode: 0 };
    return { stdout: `service/${name} exposed${dryRunSuffix(mode)}\n`, stderr: '', exitCode: 0 };
  },
};
