/** `helm` for ingress-nginx (issue #4, Ingress): exact lines a learner sees, objects the chart creates. */
import { describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../../src/sim/index';

const NODE_RG = 'MC_myResourceGroup_myAKSCluster_eastus';
const PROBE = 'controller.service.annotations."service\\.beta\\.kubernetes\\.io/azure-load-balancer-health-probe-request-path"=/healthz';

async function ok(sb: Sandbox, line: string, stdin?: string): Promise<string> {
  const r = await sb.exec(line, stdin === undefined ? {} : { stdin });
  expect(r.stderr + `[exit ${r.exitCode}]`).toBe('[exit 0]');
  return r.stdout;
}

async function installed(): Promise<Sandbox> {
  const sb = createSandbox();
  await ok(sb, 'helm repo add ingress-nginx https://kubernetes.github.io/ingress-nginx');
  await ok(sb, 'kubectl create namespace ingress-basic');
  await ok(sb, `helm install nginx-ingress ingress-nginx/ingress-nginx -n ingress-basic --set controller.replicaCount=2 --set ${PROBE}`);
  return sb;
}

describe('helm repo', () => {
  it('add, add again, update, list', async () => {
    const sb = createSandbox();
    expect(await sb.exec('helm repo update')).toEqual({ stdout: '', stderr: 'Error: no repositories found. You must add one before updating\n', exitCode: 1 });
    expect(await ok(sb, 'helm repo add ingress-nginx https://kubernetes.github.io/ingress-nginx')).toBe(
      '"ingress-nginx" has been added to your repositories\n',
    );
    expect(await ok(sb, 'helm repo add ingress-nginx https://kubernetes.github.io/ingress-nginx')).toBe(
      '"ingress-nginx" already exists with the same configuration, skipping\n',
    );
    expect(await ok(sb, 'helm repo update')).toBe(
      'Hang tight while we grab the latest from your chart repositories...\n...Successfully got an update from the "ingress-nginx" chart repository\nUpdate Complete. ⎈Happy Helming!⎈\n',
    );
    expect(await ok(sb, 'helm repo list')).toBe('NAME         \t' + 'URL'.padEnd(42) + '\ningress-nginx\thttps://kubernetes.github.io/ingress-nginx\n');
  });

  it('install without the repo fails like helm', async () => {
    const sb = createSandbox();
    expect(await sb.exec('helm install nginx-ingress ingress-nginx/ingress-nginx')).toEqual({
      stdout: '',
      stderr: 'Error: INSTALLATION FAILED: repo ingress-nginx not found\n',
      exitCode: 1,
    });
  });
});

describe('helm install ingress-nginx', () => {
  it('prints the release and creates the chart objects', async () => {
    const sb = createSandbox();
    await ok(sb, 'helm repo add ingress-nginx https://kubernetes.github.io/ingress-nginx');
    expect((await sb.exec('helm install nginx-ingress ingress-nginx/ingress-nginx -n ingress-basic')).stderr).toBe(
      'Error: INSTALLATION FAILED: create: failed to create: namespaces "ingress-basic" not found\n',
    );
    const out = await ok(sb, `helm install nginx-ingress ingress-nginx/ingress-nginx --namespace ingress-basic --create-namespace --set ${PROBE}`);
    const when = new Date(sb.clock.now());
    expect(when.getUTCFullYear()).toBeGreaterThan(2000);
    expect(out.split('\n').slice(0, 10)).toEqual([
      'NAME: nginx-ingress',
      `LAST DEPLOYED: Mon Jun  2 09:00:00 2025`,
      'NAMESPACE: ingress-basic',
      'STATUS: deployed',
      'REVISION: 1',
      'TEST SUITE: None',
      'NOTES:',
      'The ingress-nginx controller has been installed.',
      'It may take a few minutes for the load balancer IP to be available.',
      "You can watch the status by running 'kubectl get service --namespace ingress-basic nginx-ingress-ingress-nginx-controller --output wide --watch'",
    ]);
    expect(
      await ok(sb, 'kubectl get deploy nginx-ingress-ingress-nginx-controller -n ingress-basic -o jsonpath={.spec.template.spec.containers[0].image}'),
    ).toMatch(/^registry\.k8s\.io\/ingress-nginx\/controller:v1\.12\.\d+@sha256:/);
    expect(await ok(sb, 'kubectl get sa,cm -n ingress-basic -o name')).toBe(
      'serviceaccount/nginx-ingress-ingress-nginx\nconfigmap/nginx-ingress-ingress-nginx-controller\n',
    );
    expect(await ok(sb, 'kubectl get ingressclass nginx -o jsonpath={.spec.controller}')).toBe('k8s.io/ingress-nginx');
    expect(await ok(sb, 'kubectl get svc nginx-ingress-ingress-nginx-controller -n ingress-basic -o jsonpath={.metadata.labels}')).toBe(
      '{"app.kubernetes.io/component":"controller","app.kubernetes.io/instance":"nginx-ingress","app.kubernetes.io/managed-by":"Helm","app.kubernetes.io/name":"ingress-nginx","app.kubernetes.io/part-of":"ingress-nginx","app.kubernetes.io/version":"1.12.1","helm.sh/chart":"ingress-nginx-4.12.1"}',
    );
    const pending = (await ok(sb, 'kubectl get svc -n ingress-basic')).split('\n');
    expect(pending[1]).toMatch(/^nginx-ingress-ingress-nginx-controller +LoadBalancer +10\.0\.\d+\.\d+ +<pending> +80:3\d{4}\/TCP,443:3\d{4}\/TCP +0s$/);
    expect(pending[2]).toMatch(/^nginx-ingress-ingress-nginx-controller-admission +ClusterIP +10\.0\.\d+\.\d+ +<none> +443\/TCP +0s$/);
    await sb.settle();
    const ip = await ok(sb, 'kubectl get svc nginx-ingress-ingress-nginx-controller -n ingress-basic -o jsonpath={.status.loadBalancer.ingress[0].ip}');
    expect((await ok(sb, 'kubectl get svc -n ingress-basic')).split('\n')[1]).toMatch(
      new RegExp(`^nginx-ingress-ingress-nginx-controller +LoadBalancer +10\\.0\\.\\d+\\.\\d+ +${ip.replace(/\./g, '\\.')} +80:3\\d{4}/TCP,443:3\\d{4}/TCP`),
    );
    const pips = await ok(sb, `az network public-ip list -g ${NODE_RG} --query "[].{n:name,ip:ipAddress}" -o tsv`);
    expect(pips).toMatch(new RegExp(`^kubernetes-a[0-9a-f]{31}\\t${ip.replace(/\./g, '\\.')}$`, 'm'));
    // The probe annotation reached the LB: Http probe on /healthz.
    const probes = await ok(sb, `az network lb probe list -g ${NODE_RG} --lb-name kubernetes --query "[].requestPath" -o tsv`);
    expect(probes).toContain('/healthz');
    // Without Ingress objects the controller answers 404 from its default backend.
    expect((await sb.exec(`curl -sI http://${ip}/`)).stdout.split('\n')[0]).toBe('HTTP/1.1 404 Not Found');
  });

  it('cannot re-use a name; the release Secret is there', async () => {
    const sb = await installed();
    expect(await sb.exec('helm install nginx-ingress ingress-nginx/ingress-nginx -n ingress-basic')).toEqual({
      stdout: '',
      stderr: 'Error: INSTALLATION FAILED: cannot re-use a name that is still in use\n',
      exitCode: 1,
    });
    expect(await ok(sb, 'kubectl get secret -n ingress-basic -l owner=helm -o name')).toBe('secret/sh.helm.release.v1.nginx-ingress.v1\n');
    // A second release cannot take over IngressClass nginx.
    const r = await sb.exec('helm install second ingress-nginx/ingress-nginx -n ingress-basic');
    expect(r.stderr).toMatch(
      /^Error: INSTALLATION FAILED: Unable to continue with install: IngressClass "nginx" in namespace "" exists and cannot be imported into the current release: invalid ownership metadata; annotation validation error: key "meta\.helm\.sh\/release-name" must equal "second": current value is "nginx-ingress"/,
    );
  });

  it('list, status, upgrade --set replicaCount, uninstall', async () => {
    const sb = await installed();
    await sb.settle();
    const start = 'Mon Jun  2 09:00:00 2025';
    expect(await ok(sb, 'helm list -n ingress-basic')).toBe(
      'NAME         \tNAMESPACE    \tREVISION\tUPDATED                      \tSTATUS  \tCHART               \tAPP VERSION\n' +
        'nginx-ingress\tingress-basic\t1       \t2025-06-02 09:00:00 +0000 UTC\tdeployed\tingress-nginx-4.12.1\t1.12.1     \n',
    );
    expect(await ok(sb, 'helm list')).toBe('NAME\tNAMESPACE\tREVISION\tUPDATED\tSTATUS\tCHART\tAPP VERSION\n');
    expect((await ok(sb, 'helm list -A')).split('\n')[1]).toMatch(/^nginx-ingress\tingress-basic\t/);
    expect((await ok(sb, 'helm status nginx-ingress -n ingress-basic')).split('\n').slice(0, 7)).toEqual([
      'NAME: nginx-ingress',
      `LAST DEPLOYED: ${start}`,
      'NAMESPACE: ingress-basic',
      'STATUS: deployed',
      'REVISION: 1',
      'TEST SUITE: None',
      'NOTES:',
    ]);
    expect(await sb.exec('helm status nope -n ingress-basic')).toEqual({ stdout: '', stderr: 'Error: release: not found\n', exitCode: 1 });
    expect((await ok(sb, 'kubectl get deploy -n ingress-basic')).split('\n')[1]).toMatch(/^nginx-ingress-ingress-nginx-controller +2\/2 +2 +2 /);

    await sb.advance(60_000);
    const up = await ok(sb, 'helm upgrade nginx-ingress ingress-nginx/ingress-nginx -n ingress-basic --reuse-values --set controller.replicaCount=3');
    expect(up.split('\n').slice(0, 6)).toEqual([
      'Release "nginx-ingress" has been upgraded. Happy Helming!',
      'NAME: nginx-ingress',
      expect.stringMatching(/^LAST DEPLOYED: Mon Jun {2}2 09:01:\d\d 2025$/),
      'NAMESPACE: ingress-basic',
      'STATUS: deployed',
      'REVISION: 2',
    ]);
    await sb.settle();
    expect((await ok(sb, 'kubectl get deploy -n ingress-basic')).split('\n')[1]).toMatch(/^nginx-ingress-ingress-nginx-controller +3\/3 +3 +3 /);
    // --reuse-values kept the probe annotation.
    expect(await ok(sb, 'kubectl get svc nginx-ingress-ingress-nginx-controller -n ingress-basic -o jsonpath={.metadata.annotations}')).toContain(
      '"service.beta.kubernetes.io/azure-load-balancer-health-probe-request-path":"/healthz"',
    );
    expect((await ok(sb, 'helm list -n ingress-basic')).split('\n')[1]).toMatch(/^nginx-ingress\tingress-basic\t2 +\t2025-06-02 09:01:/);
    expect(await ok(sb, 'kubectl get secret -n ingress-basic -l owner=helm -L status --no-headers')).toMatch(
      /^sh\.helm\.release\.v1\.nginx-ingress\.v1 +helm\.sh\/release\.v1 +1 +\S+ +superseded\nsh\.helm\.release\.v1\.nginx-ingress\.v2 +helm\.sh\/release\.v1 +1 +\S+ +deployed\n$/,
    );
    expect(await sb.exec('helm upgrade nope ingress-nginx/ingress-nginx -n ingress-basic')).toEqual({
      stdout: '',
      stderr: 'Error: UPGRADE FAILED: "nope" has no deployed releases\n',
      exitCode: 1,
    });

    expect(
      (await ok(sb, `az network public-ip list -g ${NODE_RG} --query "[].name" -o tsv`)).split('\n').filter((n) => n.startsWith('kubernetes-')),
    ).toHaveLength(1);
    expect(await ok(sb, 'helm uninstall nginx-ingress -n ingress-basic')).toBe('release "nginx-ingress" uninstalled\n');
    await sb.settle();
    expect(await sb.exec('kubectl get svc -n ingress-basic')).toEqual({ stdout: '', stderr: 'No resources found in ingress-basic namespace.\n', exitCode: 0 });
    expect(await sb.exec('kubectl get ingressclass')).toEqual({ stdout: '', stderr: 'No resources found\n', exitCode: 0 });
    expect(
      (await ok(sb, `az network public-ip list -g ${NODE_RG} --query "[].name" -o tsv`)).split('\n').filter((n) => n.startsWith('kubernetes-')),
    ).toHaveLength(0);
    expect(await ok(sb, 'helm list -n ingress-basic')).toBe('NAME\tNAMESPACE\tREVISION\tUPDATED\tSTATUS\tCHART\tAPP VERSION\n');
    expect(await sb.exec('helm uninstall nginx-ingress -n ingress-basic')).toEqual({
      stdout: '',
      stderr: 'Error: uninstall: Release not loaded: nginx-ingress: release: not found\n',
      exitCode: 1,
    });
  });

  it('values from -f values.yaml: loadBalancerIP, externalTrafficPolicy, replicaCount', async () => {
    const sb = createSandbox();
    await ok(sb, 'helm repo add ingress-nginx https://kubernetes.github.io/ingress-nginx');
    await ok(sb, 'cat > values.yaml', 'controller:\n  replicaCount: 2\n  service:\n    externalTrafficPolicy: Local\n    loadBalancerIP: 20.1.2.3\n');
    await ok(sb, 'helm install ingress-nginx ingress-nginx/ingress-nginx -n ingress-basic --create-namespace -f values.yaml');
    expect(await ok(sb, 'kubectl get svc ingress-nginx-controller -n ingress-basic -o jsonpath={.spec.externalTrafficPolicy}/{.spec.loadBalancerIP}')).toBe(
      'Local/20.1.2.3',
    );
    expect(await ok(sb, 'kubectl get deploy ingress-nginx-controller -n ingress-basic -o jsonpath={.spec.replicas}')).toBe('2');
    expect((await sb.exec('helm install x ingress-nginx/ingress-nginx -f missing.yaml')).stderr).toBe(
      'Error: INSTALLATION FAILED: open missing.yaml: no such file or directory\n',
    );
  });
});

describe('helm upgrade --install', () => {
  it('installs when the release does not exist yet', async () => {
    const sb = createSandbox();
    await ok(sb, 'helm repo add ingress-nginx https://kubernetes.github.io/ingress-nginx');
    const out = await ok(sb, 'helm upgrade --install ingress-nginx ingress-nginx/ingress-nginx -n ingress-basic --create-namespace');
    expect(out.split('\n').slice(0, 2)).toEqual(['Release "ingress-nginx" does not exist. Installing it now.', 'NAME: ingress-nginx']);
    expect(await ok(sb, 'kubectl get deploy -n ingress-basic -o name')).toBe('deployment.apps/ingress-nginx-controller\n');
    expect((await sb.exec('helm install x ingress-nginx/nginx')).stderr).toBe(
      `Error: INSTALLATION FAILED: chart "nginx" matching  not found in ingress-nginx index. (try 'helm repo update'): no chart name found\n`,
    );
  });
});

describe('helm: the eks-charts repository (AWS Load Balancer Controller, issue 17)', () => {
  it('adds the repo, updates both, knows only aws-load-balancer-controller in it, and lists each release with its own chart and app version', async () => {
    const sb = createSandbox();
    expect(await ok(sb, 'helm repo add eks https://aws.github.io/eks-charts')).toBe('"eks" has been added to your repositories\n');
    await ok(sb, 'helm repo add ingress-nginx https://kubernetes.github.io/ingress-nginx');
    expect(await ok(sb, 'helm repo update')).toBe(
      'Hang tight while we grab the latest from your chart repositories...\n...Successfully got an update from the "eks" chart repository\n...Successfully got an update from the "ingress-nginx" chart repository\nUpdate Complete. ⎈Happy Helming!⎈\n',
    );
    expect((await sb.exec('helm install x eks/ingress-nginx')).stderr).toBe(
      'Error: INSTALLATION FAILED: chart "ingress-nginx" matching  not found in eks index. (try \'helm repo update\'): no chart name found\n',
    );
    await ok(sb, 'helm install aws-load-balancer-controller eks/aws-load-balancer-controller -n kube-system --set clusterName=my-cluster');
    await ok(sb, 'helm install ingress-nginx ingress-nginx/ingress-nginx -n kube-system');
    const rows = (await ok(sb, 'helm list -n kube-system')).split('\n').slice(1, 3);
    expect(rows[0]).toMatch(/^aws-load-balancer-controller\tkube-system\t1 +\t.*\tdeployed\taws-load-balancer-controller-3\.5\.0\tv3\.5\.0 *$/);
    expect(rows[1]).toMatch(/^ingress-nginx +\tkube-system\t1 +\t.*\tdeployed\tingress-nginx-4\.12\.1 +\t1\.12\.1 *$/);
    // The chart's objects, named as its templates name them.
    expect(await ok(sb, 'kubectl get sa,svc,deploy -n kube-system -l app.kubernetes.io/instance=aws-load-balancer-controller -o name')).toBe(
      'serviceaccount/aws-load-balancer-controller\nservice/aws-load-balancer-webhook-service\ndeployment.apps/aws-load-balancer-controller\n',
    );
    expect(await ok(sb, 'kubectl get mutatingwebhookconfigurations,ingressclass -o name')).toContain(
      'mutatingwebhookconfiguration.admissionregistration.k8s.io/aws-load-balancer-webhook\n',
    );
  });
});
