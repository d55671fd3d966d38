/**
 * `npm run api`: serves one fresh sandbox's Kubernetes API on 127.0.0.1 so a real kubectl (or
 * k9s) can drive the simulated AKS cluster, offline. Options: `--port N` (default 8001),
 * `--seed S`, `--quiet`.
 */
import { createSandbox } from '../sim/index';
import { createApiServer, listen } from './server';

function option(args: string[], name: string): string | undefined {
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  return args[i].includes('=') ? args[i].slice(args[i].indexOf('=') + 1) : args[i + 1];
}

export async function main(args: string[]): Promise<void> {
  const port = Number(option(args, 'port') ?? process.env.PORT ?? 8001);
  const seedText = option(args, 'seed');
  const seed = seedText === undefined ? undefined : Number(seedText);
  const quiet = args.includes('--quiet');
  const sandbox = createSandbox(seed === undefined || Number.isNaN(seed) ? {} : { seed });
  sandbox.settleSync();
  const server = createApiServer(sandbox, { log: quiet ? undefined : (line) => console.log(line) });
  const bound = await listen(server, port);
  const url = `http://127.0.0.1:${bound}`;
  const cluster = sandbox.options.clusterName;
  console.log(`Simulated AKS cluster "${cluster}" (Kubernetes v${sandbox.options.kubernetesVersion}) serving its API on ${url}

Try:
  kubectl --server=${url} get nodes

or save this kubeconfig (e.g. as lab.kubeconfig) and run  KUBECONFIG=lab.kubeconfig kubectl get svc

apiVersion: v1
kind: Config
clusters:
- name: ${cluster}
  cluster:
    server: ${url}
contexts:
- name: ${cluster}
  context:
    cluster: ${cluster}
    user: lab
    namespace: default
current-context: ${cluster}
users:
- name: lab
  user: {}

Virtual time advances after every write (controllers settle), so Services get their EXTERNAL-IP at once.
Press Ctrl+C to stop.`);
}
