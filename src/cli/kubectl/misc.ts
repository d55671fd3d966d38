import { kubernetesPatchVersion } from '../../sim/options';
import { kubeJson, kubeYaml } from '../printers/kube-output';
import { table } from '../printers/tabwriter';
import { GLOBAL_FLAGS, type KubectlCommand, KubectlError, type KubectlRun } from './common';
import { bool, flagHelp, str } from './flags';

/** The kubectl client shipped in Azure Cloud Shell for this cluster generation. */
const CLIENT_VERSION = 'v1.33.2';
const KUSTOMIZE_VERSION = 'v5.6.0';

function serverVersion(k: KubectlRun): string {
  return `v${kubernetesPatchVersion(k.ctx.options.kubernetesVersion)}`;
}

export const versionCommand: KubectlCommand = {
  name: 'version',
  short: 'Print the client and server version information',
  long: 'Print the client and server version information for the current context.',
  usage: 'kubectl version [flags] [options]',
  examples: '  # Print the client and server versions for the current context\n  kubectl version',
  flags: [
    { name: 'client', type: 'bool', usage: 'If true, shows client version only (no server required).' },
    { name: 'output', short: 'o', type: 'string', usage: "One of 'yaml' or 'json'." },
  ],
  run(k) {
    const client = bool(k.flags, 'client');
    const out = str(k.flags, 'output');
    const sv = serverVersion(k);
    const info = (v: string, commit: string) => ({
      major: '1',
      minor: v.split('.')[1],
      gitVersion: v,
      gitCommit: commit,
      gitTreeState: 'clean',
      buildDate: '2025-06-17T18:36:06Z',
      goVersion: 'go1.24.4',
      compiler: 'gc',
      platform: 'linux/amd64',
    });
    if (out === 'json' || out === 'yaml') {
      const obj: Record<string, unknown> = {
        clientVersion: info(CLIENT_VERSION, 'a9e7a1c6f5e7c4d0b1a2e3f4c5d6e7f8a9b0c1d2'),
        kustomizeVersion: KUSTOMIZE_VERSION,
      };
      if (!client) obj.serverVersion = info(sv, 'b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0');
      // kubectl prints these two in struct order, not sorted
      return { stdout: out === 'json' ? kubeJson(obj) : kubeYaml(obj), stderr: '', exitCode: 0 };
    }
    if (out) throw new KubectlError(`--output must be 'yaml' or 'json'`);
    let s = `Client Version: ${CLIENT_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`;
    if (!client) s += `Server Version: ${sv}\n`;
    return { stdout: s, stderr: '', exitCode: 0 };
  },
};

export const apiResourcesCommand: KubectlCommand = {
  name: 'api-resources',
  short: 'Print the supported API resources on the server',
  usage: 'kubectl api-resources [flags] [options]',
  examples:
    '  # Print the supported API resources\n  kubectl api-resources\n\n  # Print the supported namespaced resources\n  kubectl api-resources --namespaced=true',
  flags: [
    { name: 'namespaced', type: 'string', usage: 'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.' },
    { name: 'api-group', type: 'string', usage: 'Limit to resources in the specified API group.' },
    { name: 'output', short: 'o', type: 'string', usage: 'Output format. One of: (wide, name).' },
    { name: 'no-headers', type: 'bool', usage: "When using the default or custom-column output format, don't print headers (default print headers)." },
    { name: 'sort-by', type: 'string', usage: "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'." },
  ],
  run(k) {
    let types = k.ctx.kube.discovery.list();
    const nsFilter = str(k.flags, 'namespaced');
    if (nsFilter) types = types.filter((t) => t.namespaced === (nsFilter === 'true'));
    if (k.flags.changed.has('api-group')) types = types.filter((t) => t.group === str(k.flags, 'api-group'));
    if (str(k.flags, 'sort-by') === 'kind') types = [...types].sort((a, b) => (a.kind < b.kind ? -1 : 1));
    const out = str(k.flags, 'output');
    if (out === 'name') return { stdout: types.map((t) => `${t.plural}${t.group ? '.' + t.group : ''}\n`).join(''), stderr: '', exitCode: 0 };
    const wide = out === 'wide';
    const rows = [['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(wide ? ['VERBS', 'CATEGORIES'] : [])]];
    for (const t of types) {
      rows.push([
        t.plural,
        t.shortNames.join(','),
        t.group ? `${t.group}/${t.versions[0]}` : t.versions[0],
        String(t.namespaced),
        t.kind,
        ...(wide ? [`[${t.verbs.join(' ')}]`, (t.categories ?? []).join(',')] : []),
      ]);
    }
    return { stdout: table(bool(k.flags, 'no-headers') ? rows.slice(1) : rows), stderr: '', exitCode: 0 };
  },
};

function contextName(k: KubectlRun): string {
  return k.ctx.options.clusterName;
}

const currentContext: KubectlCommand = {
  name: 'current-context',
  short: 'Display the current-context',
  usage: 'kubectl config current-context [options]',
  flags: [],
  run: (k) => ({ stdout: contextName(k) + '\n', stderr: '', exitCode: 0 }),
};

const getContexts: KubectlCommand = {
  name: 'get-contexts',
  short: 'Describe one or many contexts',
  usage: 'kubectl config get-contexts [(-o|--output=)name)] [options]',
  flags: [
    { name: 'output', short: 'o', type: 'string', usage: 'Output format. One of: (name).' },
    { name: 'no-headers', type: 'bool', usage: "When using the default or custom-column output format, don't print headers." },
  ],
  run(k) {
    const name = contextName(k);
    if (str(k.flags, 'output') === 'name') return { stdout: name + '\n', stderr: '', exitCode: 0 };
    const user = `clusterUser_${k.ctx.options.resourceGroup}_${name}`;
    const rows = [
      ['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE'],
      ['*', name, name, user, ''],
    ];
    return { stdout: table(bool(k.flags, 'no-headers') ? rows.slice(1) : rows), stderr: '', exitCode: 0 };
  },
};

const viewConfig: KubectlCommand = {
  name: 'view',
  short: 'Display merged kubeconfig settings or a specified kubeconfig file',
  usage: 'kubectl config view [flags] [options]',
  flags: [
    { name: 'minify', type: 'bool', usage: 'Remove all information not used by current-context from the output' },
    { name: 'raw', type: 'bool', usage: 'Display raw byte data and sensitive data' },
    { name: 'output', short: 'o', type: 'string', usage: 'Output format.' },
  ],
  run(k) {
    const name = contextName(k);
    const user = `clusterUser_${k.ctx.options.resourceGroup}_${name}`;
    const server = `https://${k.ctx.options.clusterName.toLowerCase().slice(0, 10)}-${k.ctx.options.resourceGroup.toLowerCase().slice(0, 16)}-${k.ctx.options.subscriptionId.slice(0, 6)}.hcp.${k.ctx.options.location}.azmk8s.io:443`;
    const text = `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: DATA+OMITTED
    server: ${server}
  name: ${name}
contexts:
- context:
    cluster: ${name}
    user: ${user}
  name: ${name}
current-context: ${name}
kind: Config
preferences: {}
users:
- name: ${user}
  user:
    client-certificate-data: DATA+OMITTED
    client-key-data: DATA+OMITTED
    token: REDACTED
`;
    return { stdout: text, stderr: '', exitCode: 0 };
  },
};

export const configCommand: KubectlCommand = {
  name: 'config',
  short: 'Modify kubeconfig files',
  long: 'Modify kubeconfig files using subcommands like "kubectl config set current-context my-context".',
  usage: 'kubectl config SUBCOMMAND [options]',
  flags: [],
  children: [currentContext, getContexts, viewConfig],
};

export const clusterInfoCommand: KubectlCommand = {
  name: 'cluster-info',
  short: 'Display cluster information',
  usage: 'kubectl cluster-info [flags] [options]',
  flags: [],
  run(k) {
    const o = k.ctx.options;
    const host = `https://${o.clusterName.toLowerCase().slice(0, 10)}-${o.resourceGroup.toLowerCase().slice(0, 16)}-${o.subscriptionId.slice(0, 6)}.hcp.${o.location}.azmk8s.io:443`;
    const g = '\x1b[0;32m';
    const y = '\x1b[0;33m';
    const r = '\x1b[0m';
    return {
      stdout: `${g}Kubernetes control plane${r} is running at ${y}${host}${r}\n${g}CoreDNS${r} is running at ${y}${host}/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy${r}\n${g}Metrics-server${r} is running at ${y}${host}/api/v1/namespaces/kube-system/services/https:metrics-server:/proxy${r}\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`,
      stderr: '',
      exitCode: 0,
    };
  },
};

export const optionsCommand: KubectlCommand = {
  name: 'options',
  short: 'Print the list of flags inherited by all commands',
  usage: 'kubectl options [flags] [options]',
  flags: [],
  run: () => ({
    stdout: `The following options can be passed to any command:\n\n${flagHelp(GLOBAL_FLAGS.filter((f) => f.name !== 'help'))}`,
    stderr: '',
    exitCode: 0,
  }),
};
