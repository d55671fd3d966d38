import type { KubeObject } from '../../sim/kube/types';
import { evalJsonPathValues, valueText } from '../printers/jsonpath';
import { resourcePrefix } from '../printers/kube-output';
import { type KubectlCommand, KubectlError } from './common';
import { str } from './flags';
import { parseResourceArgs, qualified } from './resources';

// biome-ignore lint/suspicious/noExplicitAny: printers walk manifests by field path; the shapes are checked where the objects are stored.
type Obj = Record<string, any>;

/** `30s`, `2m`, `1h` → ms (Go duration subset). */
function parseTimeout(s: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(s);
  if (!m) throw new KubectlError(`invalid argument "${s}" for "--timeout" flag: time: invalid duration "${s}"`);
  return Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? 's') as 'ms' | 's' | 'm' | 'h'];
}

function satisfied(cond: string, o: KubeObject | undefined): boolean {
  if (cond === 'delete') return !o;
  if (!o) return false;
  if (cond.startsWith('condition=')) {
    const [type, want = 'true'] = cond.slice('condition='.length).split('=');
    const c = ((o.status as Obj | undefined)?.conditions ?? []).find((x: Obj) => String(x.type).toLowerCase() === type.toLowerCase());
    return !!c && String(c.status).toLowerCase() === want.toLowerCase();
  }
  if (cond.startsWith('jsonpath=')) {
    const spec = cond.slice('jsonpath='.length);
    const close = spec.lastIndexOf('}');
    const path = close >= 0 ? spec.slice(0, close + 1) : spec;
    const want = close >= 0 && spec[close + 1] === '=' ? spec.slice(close + 2) : undefined;
    const vals = evalJsonPathValues(path, o).filter((v) => v !== null && v !== undefined && !(Array.isArray(v) && !v.length));
    if (want === undefined) return vals.length > 0;
    return vals.some((v) => valueText(v) === want);
  }
  throw new KubectlError(`unrecognized condition: "${cond}"`);
}

/**
 * `kubectl wait --for=…`: virtual time runs until every object meets the condition or the
 * timeout passes, so a lesson can wait for a LoadBalancer IP the way a script would.
 */
export const waitCommand: KubectlCommand = {
  name: 'wait',
  short: 'Experimental: Wait for a specific condition on one or many resources',
  usage:
    "kubectl wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath='{}'[=value]] [options]",
  examples:
    '  # Wait for the service "web" to get a load balancer IP\n  kubectl wait --for=jsonpath=\'{.status.loadBalancer.ingress}\' service/web\n\n  # Wait for the deployment "web" to become available\n  kubectl wait --for=condition=Available deployment/web',
  flags: [
    {
      name: 'for',
      type: 'string',
      usage: "The condition to wait on: [create|delete|condition=condition-name[=condition-value]|jsonpath='{JSONPath expression}'=[JSONPath value]].",
    },
    { name: 'timeout', type: 'string', default: '30s', usage: 'The length of time to wait before giving up.' },
    { name: 'all', type: 'bool', usage: 'Select all resources in the namespace of the specified resource types' },
    { name: 'selector', short: 'l', type: 'string', usage: 'Selector (label query) to filter on.' },
  ],
  async run(k) {
    const cond = str(k.flags, 'for');
    if (!cond) throw new KubectlError('--for must be specified');
    if (!k.args.length) throw new KubectlError('resource(s) were provided, but no name was specified');
    const res = parseResourceArgs(k.ctx.kube, k.args);
    const targets: { type: (typeof res.targets)[number]['type']; name: string; ns?: string }[] = [];
    for (const t of res.targets) {
      const ns = t.type.namespaced ? k.namespace : undefined;
      const names =
        t.names ?? k.ctx.kube.select(t.type.kind, { namespace: ns, labelSelector: str(k.flags, 'selector') || undefined }).map((o) => o.metadata.name);
      for (const name of names) targets.push({ type: t.type, name, ns });
    }
    if (!targets.length) throw new KubectlError('no matching resources found');
    const deadline = k.ctx.clock.now() + parseTimeout(str(k.flags, 'timeout'));
    let stdout = '';
    for (const t of targets) {
      if (cond !== 'delete' && !k.ctx.kube.peek(t.type.kind, t.name, t.ns)) {
        return { stdout, stderr: `Error from server (NotFound): ${qualified(t.type)} "${t.name}" not found\n`, exitCode: 1 };
      }
      while (!satisfied(cond, k.ctx.kube.peek(t.type.kind, t.name, t.ns))) {
        if (k.ctx.clock.now() >= deadline) {
          return { stdout, stderr: `error: timed out waiting for the condition on ${qualified(t.type)}/${t.name}\n`, exitCode: 1 };
        }
        await k.ctx.advance(1000);
      }
      stdout += `${resourcePrefix(t.type.kind, t.type.group)}${t.name} condition met\n`;
    }
    return { stdout, stderr: '', exitCode: 0 };
  },
};
