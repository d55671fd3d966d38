import { age } from '../printers/duration';
import { table } from '../printers/tabwriter';
import { type KubectlCommand, KubectlError } from './common';
import { bool, list, str } from './flags';

// biome-ignore lint/suspicious/noExplicitAny: printers walk manifests by field path; the shapes are checked where the objects are stored.
type Obj = Record<string, any>;

/**
 * `kubectl events` (kubectl ≥ 1.26): like `get events` but sorted by time, OBJECT as `Kind/name`,
 * and `--for TYPE/NAME` to narrow to one object.
 */
export const eventsCommand: KubectlCommand = {
  name: 'events',
  short: 'List events',
  long: 'Display events.\n\n Prints a table of the most important information about events. You can request events for a namespace, for all namespace, or filtered to only those pertaining to a specified resource.',
  usage:
    'kubectl events [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--watch] [--types=Normal,Warning] [options]',
  examples:
    '  # List recent events in the default namespace\n  kubectl events\n\n  # List recent events for the specified service\n  kubectl events --for service/web',
  flags: [
    { name: 'all-namespaces', short: 'A', type: 'bool', usage: 'If present, list the requested object(s) across all namespaces.' },
    { name: 'for', type: 'string', usage: 'Filter events to only those pertaining to the specified resource.' },
    { name: 'types', type: 'stringSlice', usage: 'Output only events of given types.' },
    { name: 'no-headers', type: 'bool', usage: "When using the default output format, don't print headers." },
    { name: 'watch', short: 'w', type: 'bool', usage: 'After listing the requested events, watch for more events.' },
  ],
  run(k) {
    const allNs = bool(k.flags, 'all-namespaces');
    let events = k.ctx.kube.select('Event', { namespace: allNs ? undefined : k.namespace }) as unknown as Obj[];
    const forArg = str(k.flags, 'for');
    if (forArg) {
      const i = forArg.indexOf('/');
      if (i < 0) throw new KubectlError(`--for must be in resource/name form`);
      const type = k.ctx.kube.discovery.resolve(forArg.slice(0, i));
      const name = forArg.slice(i + 1);
      events = events.filter((e) => e.involvedObject?.kind === type.kind && e.involvedObject?.name === name);
    }
    const types = list(k.flags, 'types');
    if (types.length) events = events.filter((e) => types.some((t) => t.toLowerCase() === String(e.type).toLowerCase()));
    if (!events.length) {
      return { stdout: '', stderr: allNs ? 'No events found.\n' : `No events found in ${k.namespace} namespace.\n`, exitCode: 0 };
    }
    const when = (e: Obj) => Date.parse(e.lastTimestamp ?? e.eventTime ?? e.metadata?.creationTimestamp ?? '');
    events = [...events].sort((a, b) => when(a) - when(b));
    const now = k.ctx.clock.now();
    const rows = [[...(allNs ? ['NAMESPACE'] : []), 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE']];
    for (const e of events) {
      const seen =
        (e.count ?? 1) > 1 ? `${age(e.lastTimestamp, now)} (x${e.count} over ${age(e.firstTimestamp, now)})` : age(e.lastTimestamp ?? e.eventTime, now);
      rows.push([
        ...(allNs ? [e.metadata?.namespace ?? ''] : []),
        seen,
        e.type,
        e.reason,
        `${e.involvedObject?.kind}/${e.involvedObject?.name}`,
        String(e.message ?? '').trim(),
      ]);
    }
    return { stdout: table(bool(k.flags, 'no-headers') ? rows.slice(1) : rows), stderr: '', exitCode: 0 };
  },
};
