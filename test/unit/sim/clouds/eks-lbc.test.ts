/** The AWS Load Balancer Controller in an EKS sandbox, from the outside: helm, kubectl, aws, curl (other-clouds §3.4). */
import { describe, expect, it } from 'vitest';
import { lbcBackendSgName, lbcFrontendSgName, lbcLoadBalancerName, lbcTargetGroupName } from '../../../../src/sim/clouds/eks/lbc-names';
import type { AwsStore } from '../../../../src/sim/clouds/eks/store';
import { sha256Hex } from '../../../../src/sim/clouds/sha256';
import { createSandbox, type Sandbox } from '../../../../src/sim/index';
import { applyYaml, ok, P, serviceYaml } from '../helpers';

const INSTALL = [
  'helm repo add eks https://aws.github.io/eks-charts',
  'helm install aws-load-balancer-controller eks/aws-load-balancer-controller -n kube-system --set clusterName=my-cluster',
];

async function eks(install = true): Promise<Sandbox> {
  const sb = createSandbox({ cloud: 'eks' });
  await sb.cloud.ready;
  if (install) {
    for (const c of INSTALL) await ok(sb, c);
    await sb.settle();
  }
  return sb;
}
const aws = (sb: Sandbox) => sb.cloud.runtime!.store as AwsStore;
const svcJson = async (sb: Sandbox, name = 'web', ns = 'default') => JSON.parse(await ok(sb, `kubectl get svc ${name} -n ${ns} -o json`));
const eventsOf = async (sb: Sandbox, name = 'web') =>
  (await ok(sb, `kubectl get events --field-selector involvedObject.name=${name} -o custom-columns=T:.type,REASON:.reason,FROM:.source.component,MESSAGE:.message --no-headers`))
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split(/\s{2,}/));
const EXTERNAL = { [P + 'aws-load-balancer-type']: 'external', [P + 'aws-load-balancer-nlb-target-type']: 'ip' };
const CLASS = '  loadBalancerClass: service.k8s.aws/nlb\n';

describe('smoke', () => {
  it('works', async () => {
    const sb = await eks();
    console.log(await ok(sb, 'kubectl get deploy,pods -n kube-system'));
    console.log(await ok(sb, 'helm list -A'));
    await ok(sb, 'kubectl create deployment web --image=nginx:1.27 --port=80 --replicas=2');
    await applyYaml(sb, serviceYaml('web', { annotations: EXTERNAL, ports: '  - port: 80\n    targetPort: 80\n' }));
    await sb.settle();
    console.log(await ok(sb, 'kubectl get svc web -o yaml'));
    console.log(await ok(sb, 'kubectl get targetgroupbindings'));
    console.log(await ok(sb, 'kubectl describe svc web'));
    console.log(JSON.stringify([...aws(sb).targetGroups.values()], null, 1));
    console.log(await ok(sb, 'aws elbv2 describe-load-balancers'));
  });
});
