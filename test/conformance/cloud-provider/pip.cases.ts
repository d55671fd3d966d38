/**
 * Public IPs: which PIP a Service uses, the errors when it cannot have one, and its tags.
 * TestDeterminePublicIPName, TestReconcilePublicIPsCommon, TestEnsurePIPTagged
 * (azure_loadbalancer_test.go) and TestFindMatchedPIPSkipsListForInvalidOrNonPublicLoadBalancerIP
 * (azure_publicip_repo_test.go). Pure data.
 */
import type { ServiceInput } from './harness';
import { ref, type UpstreamRef } from './upstream';

const LB = 'azure_loadbalancer_test.go';
const REPO = 'azure_publicip_repo_test.go';
const P = 'service.beta.kubernetes.io/';
export const NODE_RG_NAME = 'MC_myResourceGroup_myAKSCluster_eastus';

export interface PipCase {
  ref: UpstreamRef;
  /** az commands run before the Service is applied (PIPs the case starts with). */
  setup?: string[];
  svc: Omit<ServiceInput, 'loadBalancerIP'> & { loadBalancerIP?: string | { addressOf: string } };
  /** The PIP the frontend must use (upstream terms: `kubernetes-atest1` is the managed one). */
  frontendPip?: string;
  /** Tags the frontend's PIP must carry (exactly). */
  tags?: Record<string, string>;
  /** Applied after the first Service reached its IP (same Service, changed). */
  then?: ServiceInput;
  error?: string;
  /** PIPs that must still exist, unchanged in tags, after the case. */
  untouched?: string[];
  adapted?: string;
}

export interface SkippedPipCase {
  ref: UpstreamRef;
  reason: string;
}

const ipv4 = (ip: string): ServiceInput => ({ annotations: { [P + 'azure-load-balancer-ipv4']: ip } });
const nonPublic = (ip: string) =>
  `external Service "default/test1" cannot use non-public LoadBalancer IP ${JSON.stringify(ip)}; use an internal LoadBalancer annotation or a valid Azure Public IP address`;
const SKIPS_LIST = 'TestFindMatchedPIPSkipsListForInvalidOrNonPublicLoadBalancerIP';
const VIA_ANNOTATION =
  'Upstream calls findMatchedPIP with the address; the lab reaches it through azure-load-balancer-ipv4, which getServiceLoadBalancerIP passes on whatever its family.';

export const pipCases: PipCase[] = [
  {
    ref: ref(LB, 'TestDeterminePublicIPName', 'determinePublicIpName shall get public IP from az.getPublicIPName if no specific loadBalancerIP is given'),
    svc: {},
    frontendPip: 'kubernetes-atest1',
    adapted: "Upstream's test cluster is named testCluster (testCluster-atest1); AKS runs the cloud provider with cluster name kubernetes.",
  },
  {
    ref: ref(LB, 'TestDeterminePublicIPName', 'determinePublicIpName shall report error if loadBalancerIP is not in the resource group'),
    svc: { loadBalancerIP: '1.2.3.4' },
    error: `findMatchedPIPByLoadBalancerIP: cannot find public IP with IP address 1.2.3.4 in resource group ${NODE_RG_NAME}: getExpectedPIPFromListByIPAddress: cannot find public IP with IP address 1.2.3.4`,
  },
  {
    ref: ref(LB, 'TestDeterminePublicIPName', 'determinePublicIpName shall report validation error for non-public LoadBalancer IP'),
    svc: { loadBalancerIP: '10.0.0.5' },
    error: nonPublic('10.0.0.5'),
  },
  {
    ref: ref(LB, 'TestDeterminePublicIPName', "determinePublicIpName shall return loadBalancerIP in service.Spec if it's in the resource group"),
    setup: [`az network public-ip create -g ${NODE_RG_NAME} -n pipName --sku Standard --allocation-method Static`],
    svc: { loadBalancerIP: { addressOf: 'pipName' } },
    frontendPip: 'pipName',
    adapted: "Azure picks a new PIP's address, so the Service asks for the address pipName received instead of 1.2.3.4.",
  },
  {
    ref: ref(LB, 'TestReconcilePublicIPsCommon', "shall report error if the given PIP name doesn't exist in the resource group"),
    setup: ['pip1', 'pip2'].map(
      (n) => `az network public-ip create -g ${NODE_RG_NAME} -n ${n} --sku Standard --allocation-method Static --tags k8s-azure-service=default/test1`,
    ),
    svc: { annotations: { [P + 'azure-pip-name']: 'testPIP' } },
    error: "PublicIP from annotation azure-pip-name(-IPv6)=testPIP for service default/test1 doesn't exist",
    untouched: ['pip1', 'pip2'],
  },
  {
    ref: ref(LB, 'TestEnsurePIPTagged', 'ensurePIPTagged should ensure the pip is tagged as configured'),
    svc: { annotations: { [P + 'azure-pip-tags']: 'foo=bar,a=j,m=n' } },
    // biome-ignore lint/suspicious/noThenProperty: the Service as updated next (a case field), never awaited.
    then: { annotations: { [P + 'azure-pip-tags']: 'A=b,c=d,e=,=f,ghi' } },
    frontendPip: 'kubernetes-atest1',
    tags: { 'k8s-azure-cluster-name': 'kubernetes', 'k8s-azure-service': 'default/test1', foo: 'bar', a: 'b', m: 'n', c: 'd', e: '' },
    adapted:
      "Upstream starts from a PIP already tagged foo=bar, a=j, m=n and a cloud config with tags a=x,y=z; the lab's PIP gets those tags from a first azure-pip-tags value, and AKS passes no config tags (so no y=z). The annotation A=b updates the existing key a, =f and ghi are ignored, old tags stay.",
  },
  {
    ref: ref(REPO, SKIPS_LIST, 'invalid load balancer IP'),
    svc: ipv4('not-an-ip'),
    error: 'external Service "default/test1" has invalid LoadBalancer IP "not-an-ip"',
    adapted: VIA_ANNOTATION,
  },
  ...(
    [
      ['non-public load balancer IP', '10.0.0.5'],
      ['RFC1918 172.16/12 load balancer IP', '172.16.0.5'],
      ['RFC1918 192.168/16 load balancer IP', '192.168.0.5'],
      ['IPv6 unique local address load balancer IP', 'fd00::5'],
      ['Azure shared address space load balancer IP', '100.100.0.202'],
      ['Azure internal DNS load balancer IP', '168.63.129.16'],
      ['IPv4-mapped RFC1918 load balancer IP', '::ffff:a00:5'],
      ['IPv4-mapped Azure shared address space load balancer IP', '::ffff:100.100.0.202'],
      ['IPv4-mapped Azure internal DNS load balancer IP', '::ffff:168.63.129.16'],
    ] as const
  ).map(([name, ip]): PipCase => ({ ref: ref(REPO, SKIPS_LIST, name), svc: ipv4(ip), error: nonPublic(ip), adapted: VIA_ANNOTATION })),
];

const CONFIG = 'Cloud-provider configuration settings (systemTags, tagsMap) that AKS does not expose.';

export const skippedPipCases: SkippedPipCase[] = [
  {
    ref: ref(LB, 'TestDeterminePublicIPName', 'determinePublicIpName shall use IPv6 pip annotation for IPv6 single stack service'),
    reason: 'IPv6 and dual-stack Services are not modelled.',
  },
  { ref: ref(LB, 'TestEnsurePIPTagged', 'ensurePIPTagged should delete the old tags if the SystemTags is set'), reason: CONFIG },
  { ref: ref(LB, 'TestEnsurePIPTagged', 'ensurePIPTagged should support TagsMap'), reason: CONFIG },
  { ref: ref(LB, 'TestEnsurePIPIPTagged', '(all cases)'), reason: 'IP tags (azure-pip-ip-tags, FirstPartyUsage) are not modelled.' },
  {
    ref: ref(LB, 'TestReconcilePublicIPsCommon', '(other cases)'),
    reason:
      'They start from fixture PIPs in states (IPv6 twins, PIP prefixes, foreign owners, mocked client failures) the lab does not reach through Services; the ownership paths are covered by our own tests.',
  },
  {
    ref: ref(REPO, 'TestIsAzureReservedIP', '(all cases)'),
    reason: 'Helper predicate; its effect (the non-public error) is asserted by the TestFindMatchedPIPSkipsList… cases.',
  },
];
