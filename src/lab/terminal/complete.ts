import type { LabSandbox } from '../types';
import type { Completer } from './completer';

const TOP = ['az', 'clear', 'echo', 'help', 'history', 'kubectl', 'sleep'];
const KUBECTL = ['annotate', 'api-resources', 'apply', 'config', 'create', 'delete', 'describe', 'explain', 'expose', 'get', 'label', 'patch', 'version'];
const KINDS = ['all', 'deployments', 'endpoints', 'events', 'ingress', 'namespaces', 'nodes', 'pods', 'services', 'svc', 'deploy', 'ns', 'po'];
const AZ: Record<string, string[]> = {
  '': ['aks', 'group', 'monitor', 'network', 'resource'],
  aks: ['get-credentials', 'list', 'nodepool', 'show', 'update'],
  group: ['list'],
  resource: ['list'],
  monitor: ['activity-log'],
  'monitor activity-log': ['list'],
  network: ['lb', 'nsg', 'public-ip', 'route-table', 'vnet'],
  'network lb': ['address-pool', 'frontend-ip', 'list', 'outbound-rule', 'probe', 'rule', 'show'],
  'network public-ip': ['create', 'delete', 'list', 'show'],
  'network nsg': ['list', 'rule', 'show'],
  'network vnet': ['list', 'show', 'subnet'],
};
const KIND_TO_STORE: Record<string, string> = {
  svc: 'Service', services: 'Service', service: 'Service',
  po: 'Pod', pods: 'Pod', pod: 'Pod',
  deploy: 'Deployment', deployments: 'Deployment', deployment: 'Deployment',
  ns: 'Namespace', namespaces: 'Namespace', namespace: 'Namespace',
  nodes: 'Node', node: 'Node', no: 'Node',
  endpoints: 'Endpoints', ep: 'Endpoints',
  ingress: 'Ingress', ing: 'Ingress',
};

/**
 * Tab completion from the live sandbox: commands, sub-commands, resource kinds, and names of
 * namespaces, objects and resource groups that exist right now.
 */
export function createCompleter(sandbox: LabSandbox): Completer {
  return (line, cursor) => {
    const before = line.slice(0, cursor);
    const start = before.search(/\S*$/);
    const word = before.slice(start);
    const words = before.slice(0, start).trim().split(/\s+/).filter(Boolean);
    const prev = words[words.length - 1];
    const match = (options: string[]) => ({ start, candidates: [...new Set(options)].filter((o) => o.startsWith(word)).sort() });

    if (words.length === 0) return match(TOP);
    const namespaces = () => sandbox.kube.list('Namespace').map((n) => n.metadata.name);
    if (prev === '-n' || prev === '--namespace') {
      const all = match(namespaces());
      // A teaching aid beyond kubectl's own completion: when several namespaces fit, prefer the
      // ones that hold the kind being asked for (`get svc -n ku` → kube-system, not kube-public).
      const kind = words[0] === 'kubectl' ? KIND_TO_STORE[words[2] ?? ''] : undefined;
      if (kind && all.candidates.length > 1) {
        const holding = all.candidates.filter((ns) => sandbox.kube.select(kind, { namespace: ns }).length > 0);
        if (holding.length > 0) return { start, candidates: holding };
      }
      return all;
    }
    if (prev === '-g' || prev === '--resource-group') return match(sandbox.arm.list({ type: 'Microsoft.Resources/resourceGroups' }).map((g) => g.name));
    if (prev === '-o' || prev === '--output') return match(words[0] === 'az' ? ['json', 'jsonc', 'none', 'table', 'tsv', 'yaml'] : ['json', 'name', 'wide', 'yaml', 'jsonpath=']);

    if (words[0] === 'kubectl') {
      const positional = words.slice(1).filter((w, i, all) => !w.startsWith('-') && !['-n', '--namespace', '-o', '-l'].includes(all[i - 1] ?? ''));
      if (word.startsWith('-')) return match(['--all-namespaces', '--namespace', '--output', '--selector', '--help', '-A', '-n', '-o', '-l', '-f']);
      if (positional.length === 0) return match(KUBECTL);
      const verb = positional[0]!;
      if (['get', 'describe', 'delete', 'edit', 'label', 'annotate', 'patch', 'explain'].includes(verb)) {
        if (positional.length === 1) return match(KINDS);
        const kind = KIND_TO_STORE[positional[1]!];
        if (kind && positional.length === 2) {
          const nsIdx = words.findIndex((w) => w === '-n' || w === '--namespace');
          const ns = nsIdx >= 0 ? words[nsIdx + 1] : 'default';
          return match(sandbox.kube.list(kind, kind === 'Namespace' || kind === 'Node' ? {} : { namespace: ns }).map((o) => o.metadata.name));
        }
      }
      if (verb === 'create' && positional.length === 1) return match(['deployment', 'namespace', 'service']);
      return { start, candidates: [] };
    }

    if (words[0] === 'az') {
      if (word.startsWith('-')) return match(['--help', '--name', '--output', '--query', '--resource-group', '-g', '-n', '-o']);
      const path = words.slice(1).filter((w) => !w.startsWith('-')).join(' ');
      return match(AZ[path] ?? []);
    }
    return { start, candidates: [] };
  };
}
