import { describe, expect, it } from 'vitest';
import { lines, NODE_RG, sandbox, WEB_LB } from './harness';

const jp = async (sb: ReturnType<typeof sandbox>, line: string) => (await sb.exec(line)).stdout;

describe('kubectl apply', () => {
  it('reports created, unchanged and configured per object', async () => {
    const sb = sandbox();
    expect(await sb.exec('kubectl apply -f -', { stdin: WEB_LB })).toEqual({ stdout: 'service/web created\n', stderr: '', exitCode: 0 });
    expect((await sb.exec('kubectl apply -f -', { stdin: WEB_LB })).stdout).toBe('service/web unchanged\n');
    expect((await sb.exec('kubectl apply -f -', { stdin: WEB_LB.replace('8080', '9090') })).stdout).toBe('service/web configured\n');
  });

  it('reads a heredoc and a file written by cat', async () => {
    const sb = sandbox();
    expect((await sb.exec(`kubectl apply -f - <<EOF\n${WEB_LB}EOF`)).stdout).toBe('service/web created\n');
    await sb.exec(`cat > web.yaml <<'EOF'\n${WEB_LB.replace('name: web', 'name: web2')}EOF`);
    expect((await sb.exec('kubectl apply -f web.yaml')).stdout).toBe('service/web2 created\n');
    expect(await sb.exec('kubectl apply -f nope.yaml')).toEqual({ stdout: '', stderr: 'error: the path "nope.yaml" does not exist\n', exitCode: 1 });
  });

  it('continues past a bad document and exits 1', async () => {
    const sb = sandbox();
    const stdin = [
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\nspec:\n  ports:\n  - port: 80\n',
      'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: old\n',
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: c\nspec:\n  ports:\n  - port: 81\n',
    ].join('---\n');
    const r = await sb.exec('kubectl apply -f -', { stdin });
    expect(r.stdout).toBe('service/a created\nservice/c created\n');
    expect(r.stderr).toBe(
      'error: resource mapping not found for name: "old" namespace: "" from "STDIN": no matches for kind "Ingress" in version "extensions/v1beta1"\nensure CRDs are installed first\n',
    );
    expect(r.exitCode).toBe(1);
  });

  it('reports YAML syntax errors like kubectl, after applying the documents before them', async () => {
    const sb = sandbox();
    const stdin =
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: d\nspec:\n  ports:\n  - port: 80\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: e\n   foo: bar\n';
    const r = await sb.exec('kubectl apply -f -', { stdin });
    expect(r.stdout).toBe('service/d created\n');
    expect(r.stderr).toBe('error: error parsing STDIN: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context\n');
    expect(r.exitCode).toBe(1);
  });

  it('words server errors as kubectl does', async () => {
    const sb = sandbox();
    const qa = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n  namespace: qa\nspec:\n  ports:\n  - port: 80\n';
    expect((await sb.exec('kubectl apply -f -', { stdin: qa })).stderr).toBe(
      'Error from server (NotFound): error when creating "STDIN": namespaces "qa" not found\n',
    );
    const bad = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: bad\nspec:\n  ports:\n  - port: 70000\n    targetPort: 80\n';
    expect((await sb.exec('kubectl apply -f -', { stdin: bad })).stderr).toBe(
      'The Service "bad" is invalid: spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive\n',
    );
  });

  it('supports --dry-run=client', async () => {
    const sb = sandbox();
    expect((await sb.exec('kubectl apply -f - --dry-run=client', { stdin: WEB_LB })).stdout).toBe('service/web created (dry run)\n');
    expect((await sb.exec('kubectl get svc web')).stderr).toBe('Error from server (NotFound): services "web" not found\n');
  });
});

describe('kubectl get', () => {
  it('shows <pending> until the cloud provider assigns the IP', async () => {
    const sb = sandbox();
    await sb.exec('kubectl apply -f -', { stdin: WEB_LB });
    const ip = await jp(sb, 'kubectl get svc web -o jsonpath={.spec.clusterIP}');
    const np = await jp(sb, "kubectl get svc web -o jsonpath='{.spec.ports[0].nodePort}'");
    const before = lines((await sb.exec('kubectl get svc web')).stdout);
    expect(before[0]).toMatch(/^NAME   TYPE           CLUSTER-IP +EXTERNAL-IP   PORT\(S\)        AGE$/);
    expect(before[1]).toBe(`web    LoadBalancer   ${ip.padEnd(Math.max(13, ip.length + 3) - 0)}<pending>     80:${np}/TCP   0s`.replace(`${ip}`, ip));
    await sb.settle();
    const ext = await jp(sb, 'kubectl get svc web -o jsonpath={.status.loadBalancer.ingress[0].ip}');
    expect(ext).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const after = (await sb.exec('kubectl get svc web --no-headers')).stdout;
    expect(after).toContain(` ${ext} `);
  });

  it('names the Azure objects after the UID (a + 31 hex)', async () => {
    const sb = sandbox();
    await sb.exec('kubectl apply -f -', { stdin: WEB_LB });
    await sb.settle();
    const uid = await jp(sb, 'kubectl get svc web -o jsonpath={.metadata.uid}');
    const base = 'a' + uid.replace(/-/g, '').slice(0, 31);
    const pips = (await sb.exec(`az network public-ip list -g ${NODE_RG} --query [].name -o tsv`)).stdout;
    expect(pips).toContain(`kubernetes-${base}\n`);
    const rules = (await sb.exec(`az network lb rule list -g ${NODE_RG} --lb-name kubernetes --query [].name -o tsv`)).stdout;
    expect(rules).toBe(`${base}-TCP-80\n`);
  });

  it('lists across namespaces with -A and prints kind/name for several kinds', async () => {
    const sb = sandbox();
    const a = lines((await sb.exec('kubectl get svc -A')).stdout);
    expect(a[0]).toMatch(/^NAMESPACE +NAME +TYPE +CLUSTER-IP +EXTERNAL-IP +PORT\(S\) +AGE$/);
    expect(a.some((l) => /^kube-system +kube-dns +ClusterIP +10\.0\.0\.10 +<none> +53\/UDP,53\/TCP +\S+$/.test(l))).toBe(true);
    await sb.exec('kubectl create deployment web --image=nginx');
    await sb.settle();
    const out = (await sb.exec('kubectl get deploy,svc')).stdout;
    expect(out).toMatch(/^NAME +READY +UP-TO-DATE +AVAILABLE +AGE\ndeployment\.apps\/web +1\/1 +1 +1 +\S+\n\nNAME +TYPE/);
    expect(out).toContain('\nservice/kubernetes   ClusterIP');
  });

  it('prints -o name, -o wide, -l and custom-columns', async () => {
    const sb = sandbox();
    await sb.exec('kubectl apply -f -', { stdin: WEB_LB });
    await sb.exec('kubectl label svc web tier=front');
    expect((await sb.exec('kubectl get svc -o name')).stdout).toBe('service/kubernetes\nservice/web\n');
    expect((await sb.exec('kubectl get svc -l tier=front -o name')).stdout).toBe('service/web\n');
    expect(lines((await sb.exec('kubectl get svc web -o wide')).stdout)[0]).toMatch(/ AGE   SELECTOR$/);
    expect(lines((await sb.exec('kubectl get svc web -o wide')).stdout)[1]).toMatch(/ app=web$/);
    expect((await sb.exec('kubectl get svc -o custom-columns=NAME:.metadata.name,TYPE:.spec.type')).stdout).toBe(
      'NAME         TYPE\nkubernetes   ClusterIP\nweb          LoadBalancer\n',
    );
  });

  it('prints a single object bare and lists inside a List for -o yaml/json', async () => {
    const sb = sandbox();
    await sb.exec('kubectl apply -f -', { stdin: WEB_LB });
    const one = (await sb.exec('kubectl get svc web -o yaml')).stdout;
    expect(one).toMatch(/^apiVersion: v1\nkind: Service\nmetadata:\n  annotations:\n    kubectl\.kubernetes\.io\/last-applied-configuration: \|\n/);
    expect(one).toContain('  creationTimestamp: "2025-');
    const list = JSON.parse((await sb.exec('kubectl get svc -o json')).stdout);
    expect(list.kind).toBe('List');
    expect(list.items.map((i: { metadata: { name: string } }) => i.metadata.name)).toEqual(['kubernetes', 'web']);
    expect((await sb.exec('kubectl get svc -o json')).stdout).toMatch(/^\{\n {4}"apiVersion": "v1",\n {4}"items": \[/);
  });

  it('reports what is missing', async () => {
    const sb = sandbox();
    expect(await sb.exec('kubectl get svc nope')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): services "nope" not found\n', exitCode: 1 });
    expect(await sb.exec('kubectl get ingress')).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 });
    expect((await sb.exec('kubectl get svc -n qa')).stderr).toBe('No resources found in qa namespace.\n');
    expect(await sb.exec('kubectl get foo')).toEqual({ stdout: '', stderr: 'error: the server doesn\'t have a resource type "foo"\n', exitCode: 1 });
    expect((await sb.exec('kubectl get')).stderr).toContain('error: Required resource not specified.');
  });

  it('shows nodes, namespaces, endpoints and events', async () => {
    const sb = sandbox();
    const nodes = lines((await sb.exec('kubectl get nodes')).stdout);
    expect(nodes[0]).toMatch(/^NAME +STATUS +ROLES +AGE +VERSION$/);
    expect(nodes).toHaveLength(4);
    expect(nodes[1]).toMatch(/^aks-nodepool1-\d{8}-vmss000000 +Ready +\S+ +\S+ +v1\.33\.\d+$/);
    expect((await sb.exec('kubectl get ns')).stdout).toMatch(/^NAME +STATUS +AGE\ndefault +Active +/);
    await sb.exec('kubectl create deployment web --image=nginx --port=8080');
    await sb.exec('kubectl apply -f -', { stdin: WEB_LB });
    await sb.settle();
    expect((await sb.exec('kubectl get endpoints web')).stdout).toMatch(/^NAME +ENDPOINTS +AGE\nweb +10\.244\.\d+\.\d+:8080 +\S+\n$/);
    const ev = (await sb.exec('kubectl get events')).stdout;
    expect(ev).toMatch(/^LAST SEEN +TYPE +REASON +OBJECT +MESSAGE\n/);
    expect(ev).toMatch(/\n\S+ +Normal +EnsuredLoadBalancer +service\/web +Ensured load balancer\n/);
  });
});

describe('kubectl describe', () => {
  it('prints a LoadBalancer service in kubectl field order with events', async () => {
    const sb = sandbox();
    await sb.exec('kubectl apply -f -', { stdin: WEB_LB });
    await sb.settle();
    const ip = await jp(sb, 'kubectl get svc web -o jsonpath={.status.loadBalancer.ingress[0].ip}');
    const out = lines((await sb.exec('kubectl describe svc web')).stdout);
    expect(out.slice(0, 6)).toEqual([
      'Name:                     web',
      'Namespace:                default',
      'Labels:                   <none>',
      'Annotations:              <none>',
      'Selector:                 app=web',
      'Type:                     LoadBalancer',
    ]);
    expect(out).toContain(`LoadBalancer Ingress:     ${ip} (VIP)`);
    expect(out).toContain('Port:                     <unset>  80/TCP');
    expect(out).toContain('TargetPort:               8080/TCP');
    expect(out).toContain('External Traffic Policy:  Cluster');
    const ev = out.indexOf('Events:');
    expect(out[ev + 1]).toBe('  Type    Reason                Age   From                Message');
    expect(out[ev + 2]).toBe('  ----    ------                ----  ----                -------');
    expect(out[ev + 3]).toMatch(/^ {2}Normal  EnsuringLoadBalancer  \S+ +service-controller  Ensuring load balancer$/);
  });

  it('prints <none> events for a plain service and NotFound for unknown names', async () => {
    const sb = sandbox();
    expect((await sb.exec('kubectl describe svc kubernetes')).stdout).toMatch(/\nEvents:                   <none>\n$/);
    expect((await sb.exec('kubectl describe svc nope')).stderr).toBe('Error from server (NotFound): services "nope" not found\n');
  });
});

describe('kubectl mutations', () => {
  it('creates namespaces, deployments and services', async () => {
    const sb = sandbox();
    expect((await sb.exec('kubectl create namespace qa')).stdout).toBe('namespace/qa created\n');
    expect((await sb.exec('kubectl create ns qa')).stderr).toBe('Error from server (AlreadyExists): namespaces "qa" already exists\n');
    expect((await sb.exec('kubectl create deployment web --image=nginx:1.27 -n qa')).stdout).toBe('deployment.apps/web created\n');
    expect((await sb.exec('kubectl create deployment web2')).stderr).toBe('error: required flag(s) "image" not set\n');
    expect((await sb.exec('kubectl create service loadbalancer lb --tcp=80:8080 -n qa')).stdout).toBe('service/lb created\n');
    expect(await jp(sb, 'kubectl get svc lb -n qa -o jsonpath={.spec.ports[0].name}/{.spec.ports[0].targetPort}')).toBe('80-8080/8080');
  });

  it('exposes a deployment', async () => {
    const sb = sandbox();
    await sb.exec('kubectl create deployment web --image=nginx');
    expect((await sb.exec('kubectl expose deployment web --port=80 --target-port=8080 --type=LoadBalancer')).stdout).toBe('service/web exposed\n');
    expect(await jp(sb, 'kubectl get svc web -o jsonpath={.spec.type},{.spec.selector.app},{.spec.ports[0].targetPort}')).toBe('LoadBalancer,web,8080');
    expect((await sb.exec('kubectl expose deployment web')).stderr).toBe(
      "error: couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples\n",
    );
  });

  it('patches, annotates and labels', async () => {
    const sb = sandbox();
    await sb.exec('kubectl apply -f -', { stdin: WEB_LB });
    expect((await sb.exec(`kubectl patch svc web -p '{"spec":{"type":"NodePort"}}'`)).stdout).toBe('service/web patched\n');
    expect((await sb.exec(`kubectl patch svc web -p '{"spec":{"type":"NodePort"}}'`)).stdout).toBe('service/web patched (no change)\n');
    expect((await sb.exec(`kubectl patch svc web --type merge -p '{"metadata":{"labels":{"x":"y"}}}'`)).stdout).toBe('service/web patched\n');
    expect((await sb.exec('kubectl annotate svc web service.beta.kubernetes.io/azure-dns-label-name=myapp')).stdout).toBe('service/web annotated\n');
    expect((await sb.exec('kubectl annotate svc web service.beta.kubernetes.io/azure-dns-label-name=other')).stderr).toBe(
      "error: --overwrite is false but found the following declared annotation(s): 'service.beta.kubernetes.io/azure-dns-label-name' already has a value (myapp)\n",
    );
    expect((await sb.exec('kubectl annotate svc web service.beta.kubernetes.io/azure-dns-label-name=other --overwrite')).stdout).toBe(
      'service/web annotated\n',
    );
    expect((await sb.exec('kubectl label svc web tier=fe')).stdout).toBe('service/web labeled\n');
    expect((await sb.exec('kubectl label svc web tier=fe')).stdout).toBe('service/web not labeled\n');
    expect((await sb.exec('kubectl label svc web tier-')).stdout).toBe('service/web unlabeled\n');
    // Keys with a prefix are removed the same way: the usual way to take an Azure annotation back.
    expect((await sb.exec('kubectl annotate svc web service.beta.kubernetes.io/azure-dns-label-name-')).stdout).toBe('service/web annotated\n');
    expect((await sb.exec(`kubectl get svc web -o jsonpath='{.metadata.annotations}'`)).stdout).not.toContain('azure-dns-label-name');
    expect((await sb.exec('kubectl annotate svc web a=b svc/other')).stderr).toBe(
      'error: all resources must be specified before annotation changes: svc/other\n',
    );
  });

  it('deletes by name, by file and with --all, waiting for the load balancer finalizer', async () => {
    const sb = sandbox();
    await sb.exec('kubectl apply -f -', { stdin: WEB_LB });
    await sb.settle();
    expect((await sb.exec('kubectl delete svc web')).stdout).toBe('service "web" deleted\n');
    expect((await sb.exec('kubectl get svc web')).exitCode).toBe(1);
    await sb.exec('kubectl apply -f -', { stdin: WEB_LB });
    expect((await sb.exec('kubectl delete -f -', { stdin: WEB_LB })).stdout).toBe('service "web" deleted\n');
    expect((await sb.exec('kubectl delete -f -', { stdin: WEB_LB })).stderr).toBe(
      'Error from server (NotFound): error when deleting "STDIN": services "web" not found\n',
    );
    expect((await sb.exec('kubectl delete svc nope')).stderr).toBe('Error from server (NotFound): services "nope" not found\n');
    await sb.exec('kubectl create ns qa');
    expect((await sb.exec('kubectl delete ns qa')).stdout).toBe('namespace "qa" deleted\n');
    await sb.exec('kubectl create deployment a --image=nginx && kubectl create deployment b --image=nginx');
    expect((await sb.exec('kubectl delete deploy --all')).stdout).toBe('deployment.apps "a" deleted\ndeployment.apps "b" deleted\n');
  });
});

describe('kubectl errors, help and misc', () => {
  it('rejects unknown commands with suggestions and unknown flags', async () => {
    const sb = sandbox();
    expect(await sb.exec('kubectl gett pods')).toEqual({
      stdout: '',
      stderr: 'error: unknown command "gett" for "kubectl"\n\nDid you mean this?\n\tget\n',
      exitCode: 1,
    });
    expect(await sb.exec('kubectl get svc --foo')).toEqual({
      stdout: '',
      stderr: "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n",
      exitCode: 1,
    });
    expect((await sb.exec('kubectl get svc -n')).stderr).toBe("error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage.\n");
    expect((await sb.exec('kubectl get svc -o xml')).stderr).toMatch(
      /^error: unable to match a printer suitable for the output format "xml", allowed formats are: /,
    );
  });

  it('finds the command after global flags', async () => {
    const sb = sandbox();
    expect((await sb.exec('kubectl -n kube-system get svc kube-dns -o name')).stdout).toBe('service/kube-dns\n');
  });

  it('has --help everywhere', async () => {
    const sb = sandbox();
    expect((await sb.exec('kubectl --help')).stdout).toContain('kubectl controls the Kubernetes cluster manager.');
    expect((await sb.exec('kubectl get --help')).stdout).toMatch(/^Display one or many resources\.[\s\S]*\nUsage:\n  kubectl get /);
    expect((await sb.exec('kubectl create service loadbalancer -h')).stdout).toContain('kubectl create service loadbalancer NAME');
  });

  it('prints version, context, api-resources and explain', async () => {
    const sb = sandbox();
    expect((await sb.exec('kubectl version')).stdout).toBe('Client Version: v1.33.2\nKustomize Version: v5.6.0\nServer Version: v1.33.2\n');
    expect((await sb.exec('kubectl config current-context')).stdout).toBe('myAKSCluster\n');
    const api = lines((await sb.exec('kubectl api-resources')).stdout);
    expect(api[0]).toMatch(/^NAME +SHORTNAMES +APIVERSION +NAMESPACED +KIND$/);
    expect(api.some((l) => /^services +svc +v1 +true +Service$/.test(l))).toBe(true);
    const ex = (await sb.exec('kubectl explain service.spec')).stdout;
    expect(ex).toMatch(/^KIND: {7}Service\nVERSION: {4}v1\n\nFIELD: spec <ServiceSpec>\n/);
    expect(ex).toContain('\n  externalTrafficPolicy\t<string>\n  enum: Cluster, Local\n');
    expect((await sb.exec('kubectl explain service.spec.nope')).stderr).toBe('error: field "nope" does not exist\n');
  });

  it('works in pipelines with grep and variables', async () => {
    const sb = sandbox();
    expect((await sb.exec('kubectl get svc -A | grep kube-dns | wc -l')).stdout).toBe('1\n');
    await sb.exec('NS=kube-system');
    expect((await sb.exec('kubectl get svc -n $NS -o name | head -1')).stdout).toBe('service/kube-dns\n');
  });
});

describe('kubectl workloads', () => {
  it('runs, scales and waits for a rollout', async () => {
    const sb = sandbox();
    expect((await sb.exec('kubectl run nginx --image=nginx')).stdout).toBe('pod/nginx created\n');
    await sb.exec('kubectl create deployment web --image=nginx');
    expect((await sb.exec('kubectl scale deployment web --replicas=3')).stdout).toBe('deployment.apps/web scaled\n');
    const r = await sb.exec('kubectl rollout status deployment/web');
    expect(r.stdout).toMatch(/deployment "web" successfully rolled out\n$/);
    expect((await sb.exec('kubectl get deploy web --no-headers')).stdout).toMatch(/^web +3\/3 +3 +3 +\S+\n$/);
  });
});

describe('kubectl get -w', () => {
  it('appends a row when the external IP arrives', async () => {
    const sb = sandbox();
    await sb.exec('kubectl apply -f -', { stdin: WEB_LB });
    const out = lines((await sb.exec('kubectl get svc web -w')).stdout);
    expect(out).toHaveLength(3);
    expect(out[1]).toMatch(/<pending>/);
    expect(out[2]).toMatch(/^web +LoadBalancer +\S+ +\d+\.\d+\.\d+\.\d+ +80:\d+\/TCP +\d+s$/);
    const cols = (l: string) => [...l.matchAll(/\S+/g)].map((m) => m.index);
    expect(cols(out[2]).slice(0, 3)).toEqual(cols(out[0]).slice(0, 3));
  });
});

describe('shell around the CLIs', () => {
  it('captures an IP with $(…) and uses it in az --query', async () => {
    const sb = sandbox();
    await sb.exec('kubectl apply -f -', { stdin: WEB_LB });
    await sb.settle();
    await sb.exec(`IP=$(kubectl get svc web -o jsonpath='{.status.loadBalancer.ingress[0].ip}')`);
    const ip = (await sb.exec('echo "$IP"')).stdout.trim();
    expect(ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const r = await sb.exec(`az network public-ip list -g ${NODE_RG} --query "[?ipAddress=='$IP'].tags.\\"k8s-azure-service\\"" -o tsv`);
    expect(r.stdout).toBe('default/web\n');
  });

  it('reports unknown commands, and help lists the tools', async () => {
    const sb = sandbox();
    expect(await sb.exec('kubeclt get svc')).toEqual({ stdout: '', stderr: 'bash: kubeclt: command not found\n', exitCode: 127 });
    expect((await sb.exec('help')).stdout).toContain('kubectl');
    expect((await sb.exec('kubectl get svc -o name && echo ok || echo failed')).stdout).toBe('service/kubernetes\nok\n');
    expect((await sb.exec('kubectl get svc nope || echo failed')).stdout).toBe('failed\n');
  });
});

describe('kubectl events', () => {
  it('lists events for one object, oldest first, with Kind/name', async () => {
    const sb = sandbox();
    await sb.exec('kubectl apply -f -', { stdin: WEB_LB });
    await sb.settle();
    const out = lines((await sb.exec('kubectl events --for service/web')).stdout);
    expect(out[0]).toMatch(/^LAST SEEN +TYPE +REASON +OBJECT +MESSAGE$/);
    expect(out[1]).toMatch(/^\S+ +Normal +EnsuringLoadBalancer +Service\/web +Ensuring load balancer$/);
    expect(out[2]).toMatch(/^\S+ +Normal +EnsuredLoadBalancer +Service\/web +Ensured load balancer$/);
  });
});

describe('kubectl wait', () => {
  it('waits for the load balancer IP and for deletion in virtual time', async () => {
    const sb = sandbox();
    await sb.exec('kubectl apply -f -', { stdin: WEB_LB });
    expect(await sb.exec("kubectl wait --for=jsonpath='{.status.loadBalancer.ingress}' service/web")).toEqual({
      stdout: 'service/web condition met\n',
      stderr: '',
      exitCode: 0,
    });
    expect((await sb.exec('kubectl get svc web -o jsonpath={.status.loadBalancer.ingress[0].ip}')).stdout).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(await sb.exec("kubectl wait --for=jsonpath='{.spec.type}'=ClusterIP svc/web --timeout=5s")).toEqual({
      stdout: '',
      stderr: 'error: timed out waiting for the condition on services/web\n',
      exitCode: 1,
    });
    await sb.exec('kubectl create deployment api --image=nginx');
    expect((await sb.exec('kubectl wait --for=condition=Available deployment/api')).stdout).toBe('deployment.apps/api condition met\n');
  });
});

describe('kubectl apply input errors', () => {
  it('rejects a document without kind', async () => {
    const sb = sandbox();
    const r = await sb.exec('kubectl apply -f -', { stdin: 'apiVersion: v1\nmetadata:\n  name: x\n' });
    expect(r).toEqual({
      stdout: '',
      stderr: `error: unable to decode "STDIN": Object 'Kind' is missing in '{"apiVersion":"v1","metadata":{"name":"x"}}'\n`,
      exitCode: 1,
    });
  });

  it('asks for -f', async () => {
    const sb = sandbox();
    expect((await sb.exec('kubectl apply')).stderr).toBe('error: must specify one of -f and -k\n');
  });
});

describe('kubectl empty input', () => {
  it('says no objects were passed', async () => {
    const sb = sandbox();
    expect(await sb.exec('kubectl apply -f -', { stdin: '' })).toEqual({ stdout: '', stderr: 'error: no objects passed to apply\n', exitCode: 1 });
  });
});

describe('kubectl apply error aggregation', () => {
  it('prints client errors bare ahead of server errors when there are several', async () => {
    const sb = sandbox();
    const stdin = [
      'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: old\n',
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: b\nspec:\n  portz:\n  - port: 80\n',
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: c\nspec:\n  ports:\n  - port: 81\n',
    ].join('---\n');
    const r = await sb.exec('kubectl apply -f -', { stdin });
    expect(r.stdout).toBe('service/c created\n');
    expect(r.stderr).toBe(
      'resource mapping not found for name: "old" namespace: "" from "STDIN": no matches for kind "Ingress" in version "extensions/v1beta1"\nensure CRDs are installed first\n' +
        'Error from server (BadRequest): error when creating "STDIN": Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.portz"\n',
    );
  });
});
