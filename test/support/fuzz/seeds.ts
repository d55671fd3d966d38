/**
 * Starting points for mutation: real manifests (../shared/corpus/manifests, when that folder
 * exists), the lessons' own YAML and commands (content/labs/*.ts exports, code fences in
 * content/lessons/en/*.mdx, read at run time: other lessons appear while we work) and a few
 * built-in ones, so the fuzzer never runs without seeds.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseAllDocuments } from 'yaml';

export const ROOT = resolve(__dirname, '../../..');
const CORPUS = join(ROOT, '../shared/corpus/manifests');

export interface Seeds {
  yaml: string[];
  commands: string[];
  /** Where they came from (for the report). */
  counts: { corpus: number; labs: number; lessons: number; builtin: number };
}

const BUILTIN_YAML = [
  `apiVersion: v1
kind: Service
metadata:
  name: web
  annotations:
    service.beta.kubernetes.io/azure-dns-label-name: myweb
spec:
  type: LoadBalancer
  selector:
    app: web
  ports:
  - name: http
    port: 80
    targetPort: 8080
`,
  `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
        ports:
        - containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: internal
  annotations:
    service.beta.kubernetes.io/azure-load-balancer-internal: "true"
spec:
  type: LoadBalancer
  externalTrafficPolicy: Local
  selector:
    app: web
  ports:
  - port: 443
    protocol: TCP
`,
  `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ConfigMap
  metadata:
    name: cfg
  data:
    a: "1"
- apiVersion: v1
  kind: Namespace
  metadata:
    name: shop
`,
];

const BUILTIN_COMMANDS = [
  'kubectl get svc -A',
  'kubectl get svc web -o jsonpath={.status.loadBalancer.ingress[0].ip}',
  'kubectl describe svc web',
  'kubectl create deployment web --image=nginx --replicas=2',
  'kubectl expose deployment web --type=LoadBalancer --port=80',
  'kubectl patch svc web -p \'{"spec":{"type":"ClusterIP"}}\'',
  'kubectl annotate svc web service.beta.kubernetes.io/azure-load-balancer-internal=true --overwrite',
  'kubectl label svc web tier=front',
  'kubectl scale deployment web --replicas=3',
  'kubectl delete svc web --wait=false',
  'kubectl get events --sort-by=.lastTimestamp',
  'kubectl get pods -o wide | grep web | wc -l',
  "kubectl get svc -o json | jq -r '.items[].metadata.name'",
  'kubectl explain service.spec.ports',
  'kubectl wait --for=jsonpath={.status.loadBalancer.ingress} svc/web --timeout=60s',
  'kubectl run tmp --rm -it --image=curlimages/curl --restart=Never -- curl -s ifconfig.me',
  'az network public-ip list -g MC_myResourceGroup_myAKSCluster_eastus -o table',
  'az network public-ip create -g MC_myResourceGroup_myAKSCluster_eastus -n myip --sku Standard --dns-name myip',
  'az network lb frontend-ip list -g MC_myResourceGroup_myAKSCluster_eastus --lb-name kubernetes --query "[].name" -o tsv',
  'az network nsg rule list -g MC_myResourceGroup_myAKSCluster_eastus --nsg-name aks-agentpool-12345678-nsg -o table',
  'az aks show -g myResourceGroup -n myAKSCluster --query networkProfile',
  'az monitor activity-log list --offset 1h -o table',
  'helm repo add ingress-nginx https://kubernetes.github.io/ingress-nginx',
  'helm install ingress-nginx ingress-nginx/ingress-nginx --set controller.replicaCount=2',
  'curl -s -m 5 http://20.1.2.3/',
  'curl --trace http://web.example.com',
  'echo "$(kubectl get svc web -o name)" && printf "%s\\n" a b | sort -r | uniq -c',
  "cat > svc.yaml <<'EOF'\napiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n  - port: 80\nEOF",
  'kubectl get svc | awk \'{print $1, NF}\' | cut -d" " -f1 | tr a-z A-Z | head -n 2 | tail -1',
  'watch -n 2 kubectl get svc',
  'sleep 10; kubectl get svc -w',
];

function fences(mdx: string, langs: RegExp): string[] {
  const out: string[] = [];
  const re = /^```(\S*)[^\n]*\n([\s\S]*?)^```/gm;
  for (let m = re.exec(mdx); m; m = re.exec(mdx)) if (langs.test(m[1])) out.push(m[2]);
  return out;
}

/** Shell commands from a `sh` fence: one per line, a heredoc kept with its body. */
function commandsOf(block: string): string[] {
  const lines = block.replace(/^\$ /gm, '').split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.trim() || line.trim().startsWith('#')) continue;
    const here = /<<-?\s*['"]?(\w+)['"]?/.exec(line);
    if (here) {
      const end = lines.findIndex((l, j) => j > i && l.trim() === here[1]);
      const stop = end < 0 ? lines.length - 1 : end;
      out.push(lines.slice(i, stop + 1).join('\n'));
      i = stop;
    } else out.push(line);
  }
  return out;
}

const isManifest = (s: string) => {
  try {
    return parseAllDocuments(s).some((d) => {
      const v = d.toJS() as unknown;
      return !!v && typeof v === 'object' && 'kind' in v;
    });
  } catch {
    return false;
  }
};

export async function loadSeeds(): Promise<Seeds> {
  const yaml = [...BUILTIN_YAML];
  const commands = [...BUILTIN_COMMANDS];
  const counts = { corpus: 0, labs: 0, lessons: 0, builtin: BUILTIN_YAML.length + BUILTIN_COMMANDS.length };
  if (existsSync(CORPUS)) {
    for (const f of readdirSync(CORPUS)
      .filter((x) => /\.ya?ml$/.test(x))
      .sort()) {
      yaml.push(readFileSync(join(CORPUS, f), 'utf8'));
      counts.corpus++;
    }
  }
  const labs = join(ROOT, 'content/labs');
  if (existsSync(labs)) {
    for (const f of readdirSync(labs)
      .filter((x) => x.endsWith('.ts'))
      .sort()) {
      let mod: Record<string, unknown>;
      try {
        mod = (await import(/* @vite-ignore */ pathToFileURL(join(labs, f)).href)) as Record<string, unknown>;
      } catch {
        continue; // a lesson in progress elsewhere must not break the fuzzer
      }
      for (const v of Object.values(mod)) {
        if (typeof v === 'string' && isManifest(v)) {
          yaml.push(v);
          counts.labs++;
        } else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) {
          commands.push(...(v as string[]));
          counts.labs += v.length;
        }
      }
    }
  }
  const lessons = join(ROOT, 'content/lessons/en');
  if (existsSync(lessons)) {
    for (const f of readdirSync(lessons)
      .filter((x) => x.endsWith('.mdx'))
      .sort()) {
      const mdx = readFileSync(join(lessons, f), 'utf8');
      for (const y of fences(mdx, /^ya?ml$/)) if (isManifest(y)) yaml.push(y), counts.lessons++;
      for (const b of fences(mdx, /^(sh|bash|shell|console)$/)) for (const c of commandsOf(b)) commands.push(c), counts.lessons++;
    }
  }
  return { yaml, commands, counts };
}
