/**
 * Fixtures built from the simulator's own outputs (they follow the real kubectl/az formats): a
 * sandbox is driven as a learner would, then the commands the explain page lists are run against
 * it. Hand-made variants (redacted, truncated, table, CRLF, BOM) are derived from those outputs.
 */

import { setup as ingressLessonSetup } from '../../../content/labs/one-ip-many-apps-ingress';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../../src/sim/index';

export const NODE_RG = 'MC_myResourceGroup_myAKSCluster_eastus';

export interface Outputs {
  services: string;
  publicIps: string;
  lb: string;
  lbInternal: string;
  aks: string;
  nsgs: string;
  events: string;
  publicIpTable: string;
  servicesTable: string;
  nodeRg: string;
}

export async function run(sb: Sandbox, lines: string[]): Promise<void> {
  for (const line of lines) {
    const r = await sb.exec(line);
    if (r.exitCode !== 0 && !line.startsWith('-')) throw new Error(`${line}: ${r.stderr}`);
  }
  await sb.settle();
}

export async function outputs(sb: Sandbox): Promise<Outputs> {
  const out = async (line: string) => {
    const r = await sb.exec(line);
    return r.stdout;
  };
  return {
    services: await out('kubectl get svc -A -o json'),
    publicIps: await out(`az network public-ip list -g ${NODE_RG} -o json`),
    lb: await out(`az network lb show -g ${NODE_RG} -n kubernetes -o json`),
    lbInternal: await out(`az network lb show -g ${NODE_RG} -n kubernetes-internal -o json`),
    aks: await out('az aks show -g myResourceGroup -n myAKSCluster -o json'),
    nsgs: await out(`az network nsg list -g ${NODE_RG} -o json`),
    events: await out('kubectl get events -A -o json'),
    publicIpTable: await out(`az network public-ip list -g ${NODE_RG} -o table`),
    servicesTable: await out('kubectl get svc -A'),
    nodeRg: await out('az aks show -g myResourceGroup -n myAKSCluster --query nodeResourceGroup -o tsv'),
  };
}

/** The course's first lesson: ingress-nginx in ingress-basic, mysql-lb and redis-lb in qa — three Services, four Public IPs. */
export async function storySandbox(): Promise<Sandbox> {
  const sb = createSandbox();
  await run(sb, [
    ...ingressLessonSetup,
    'helm repo add ingress-nginx https://kubernetes.github.io/ingress-nginx',
    'helm install ingress-nginx ingress-nginx/ingress-nginx --namespace ingress-basic --create-namespace',
    'kubectl expose deployment mysql --name=mysql-lb --type=LoadBalancer --port=3306 -n qa',
  ]);
  return sb;
}

export function svcYaml(name: string, ns: string, ports: number[], annotations: Record<string, string> = {}, extra = ''): string {
  const ann = Object.keys(annotations).length
    ? `  annotations:\n${Object.entries(annotations)
        .map(([k, v]) => `    ${k}: ${JSON.stringify(v)}\n`)
        .join('')}`
    : '';
  return `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  namespace: ${ns}\n${ann}spec:\n  type: LoadBalancer\n  selector:\n    app: ${name}\n  ports:\n${ports.map((p) => `  - port: ${p}\n    name: p${p}\n`).join('')}${extra}`;
}

export async function apply(sb: Sandbox, yaml: string): Promise<void> {
  const r = await sb.exec('kubectl apply -f -', { stdin: yaml });
  if (r.exitCode !== 0) throw new Error(r.stderr);
  await sb.settle();
}

export function sandbox(options: SandboxOptions = {}): Sandbox {
  return createSandbox(options);
}

/** Replaces every subscription id with the `xxxxxxxx-…` people use when they post outputs. */
export function redact(text: string): string {
  return text.replace(/\/subscriptions\/[0-9a-f-]{36}/gi, '/subscriptions/xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx');
}
