import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../../src/sim/index';

const svc = `apiVersion: v1
kind: Service
metadata:
  name: web
  annotations:
    service.beta.kubernetes.io/azure-load-balancer-resource-group: myNetworkRG
    service.beta.kubernetes.io/azure-pip-name: myAKSPublicIP
spec:
  type: LoadBalancer
  ports:
  - port: 80
  selector:
    app: web
`;

describe('a static Public IP in another resource group (AKS docs static-ip.md)', () => {
  it('fails with 403 until the cluster identity gets Network Contributor there, then recovers', async () => {
    const sb = createSandbox();
    const run = async (line: string, stdin?: string) => sb.exec(line, stdin === undefined ? {} : { stdin });
    expect((await run('az group create -n myNetworkRG -l eastus -o none')).exitCode).toBe(0);
    const pip = await run(
      'az network public-ip create -g myNetworkRG -n myAKSPublicIP --sku Standard --allocation-method static --query publicIp.ipAddress -o tsv',
    );
    expect(pip.exitCode).toBe(0);
    const address = pip.stdout.trim();
    await run('kubectl apply -f -', svc);
    await sb.settle();
    const before = await run('kubectl describe svc web');
    expect(before.stdout).toMatch(/Warning\s+SyncLoadBalancerFailed.*AuthorizationFailed/);
    expect((await run('kubectl get svc web')).stdout).toContain('<pending>');

    const principal = (await run('az aks show -g myResourceGroup -n myAKSCluster --query identity.principalId -o tsv')).stdout.trim();
    const scope = (await run('az group show -n myNetworkRG --query id -o tsv')).stdout.trim();
    const grant = await run(`az role assignment create --assignee ${principal} --role "Network Contributor" --scope ${scope}`);
    expect(grant.exitCode).toBe(0);
    const body = JSON.parse(grant.stdout);
    expect(body).toMatchObject({
      principalId: principal,
      roleDefinitionId: `/subscriptions/${sb.options.subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/4d97b98b-1d4f-4787-a291-c67834d212e7`,
      scope,
      type: 'Microsoft.Authorization/roleAssignments',
    });
    expect(body.id).toBe(`${scope}/providers/Microsoft.Authorization/roleAssignments/${body.name}`);

    await sb.settle();
    const ip = await run('kubectl get svc web -o jsonpath={.status.loadBalancer.ingress[0].ip}');
    expect(ip.stdout).toBe(address);
  });

  it('refuses unknown roles and missing groups in az style', async () => {
    const sb = createSandbox();
    const bad = await sb.exec('az role assignment create --assignee x --role "Chief Network Wizard" --scope /subscriptions/s/resourceGroups/myResourceGroup');
    expect(bad.exitCode).not.toBe(0);
    expect(bad.stderr).toContain("Role 'Chief Network Wizard' doesn't exist.");
    const missing = await sb.exec(
      `az role assignment create --assignee x --role Contributor --scope /subscriptions/${sb.options.subscriptionId}/resourceGroups/nope`,
    );
    expect(missing.stderr).toContain("Resource group 'nope' could not be found.");
  });
});
