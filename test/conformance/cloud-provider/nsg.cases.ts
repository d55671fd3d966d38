/**
 * NSG rules: TestCloud_reconcileSecurityGroup (azure_loadbalancer_accesscontrol_test.go) and the
 * AccessControl tests (loadbalancer/accesscontrol_test.go). Upstream's fixture Service has TCP
 * ports 80, 443, 53 and UDP port 53. Upstream runs dual-stack fixtures; the lab's clusters are
 * IPv4, so each case asserts the IPv4 rules, with priorities as upstream hands them out when no
 * IPv6 rules sit in between (it numbers rules in creation order). Pure data.
 */
import type { ServiceInput } from './harness';
import { ref, type UpstreamRef } from './upstream';

const P = 'service.beta.kubernetes.io/';
const RSG = 'azure_loadbalancer_accesscontrol_test.go';
const AC = 'loadbalancer/accesscontrol_test.go';

export interface ExpectedNsgRule {
  priority: number;
  access: 'Allow' | 'Deny';
  protocol: 'Tcp' | 'Udp' | '*';
  /** Allow rules: sources; the deny-all rule's source is `*`. */
  sources: string[];
  /** Allow rules: the Service's ports, or its nodePorts (floating IP off). */
  ports?: 'service' | 'node';
  /** Who the rule opens: the Service's frontend IP (+ additional public IPs) or the node IPs. */
  dst: 'frontend' | 'frontend+additional' | 'nodes';
}

export interface NsgCase {
  ref: UpstreamRef;
  svc: ServiceInput;
  rules?: ExpectedNsgRule[];
  /** The innermost error text (upstream asserts the error value). */
  error?: string;
  /** Warning events NewAccessControl emits; upstream passes its emitter only while deleting. */
  warningsOnDelete?: { reason: string; message: string }[];
  /** Ensure the Service a second time and expect no NSG write (its etag unchanged). */
  resync?: boolean;
  adapted?: string;
}

export interface SkippedNsgCase {
  ref: UpstreamRef;
  reason: string;
}

const FIXTURE_PORTS: ServiceInput['portList'] = [
  { port: 80, protocol: 'TCP' },
  { port: 443, protocol: 'TCP' },
  { port: 53, protocol: 'TCP' },
  { port: 53, protocol: 'UDP' },
];

const fixture = (over: Omit<ServiceInput, 'portList' | 'name'> = {}): ServiceInput => ({ name: 'foo', portList: FIXTURE_PORTS, ...over });

/** For each protocol (Tcp, then Udp) one rule per source set, numbered from 500. */
function allowRules(sourceSets: string[][], dst: ExpectedNsgRule['dst'] = 'frontend', ports: 'service' | 'node' = 'service'): ExpectedNsgRule[] {
  const out: ExpectedNsgRule[] = [];
  for (const protocol of ['Tcp', 'Udp'] as const) {
    for (const sources of sourceSets) out.push({ priority: 500 + out.length, access: 'Allow', protocol, sources, ports, dst });
  }
  return out;
}

const denyAll = (dst: ExpectedNsgRule['dst'] = 'frontend'): ExpectedNsgRule => ({ priority: 4095, access: 'Deny', protocol: '*', sources: ['*'], dst });

const internal = { [P + 'azure-load-balancer-internal']: 'true' };
const ipRanges = (...r: string[]) => ({ [P + 'azure-allowed-ip-ranges']: r.join(',') });
const tags = (...t: string[]) => ({ [P + 'azure-allowed-service-tags']: t.join(',') });
const denyAnnotation = { [P + 'azure-deny-all-except-load-balancer-source-ranges']: 'true' };
const IPV4_HALF = 'Dual-stack upstream: the IPv4 rules are asserted; the IPv6 ranges in the input are given too and must be left out of them.';

const DUAL_RANGES = ['172.30.0.0/16', '172.31.0.1/32', '2607:f0d0:1002:51::/64', 'fd00::/8'];
const MIXED_RANGES = ['172.30.0.0/16', '172.31.0.1/32', '2607:f0d0:1002:51::/64', 'fd00::/8', '172.30.0.1/32', '2607:f0d0:1002:51::1/128'];

export const ERR_BOTH = 'cannot set both spec.LoadBalancerSourceRanges and service annotation service.beta.kubernetes.io/azure-allowed-ip-ranges';

export const nsgCases: NsgCase[] = [
  // TestCloud_reconcileSecurityGroup
  {
    ref: ref(RSG, 'TestCloud_reconcileSecurityGroup', 'internal Load Balancer/noop when no allow list specified'),
    svc: fixture({ annotations: internal }),
    rules: [],
  },
  {
    ref: ref(RSG, 'TestCloud_reconcileSecurityGroup', 'internal Load Balancer/do not add Internet allow rules if allow all'),
    svc: fixture({ annotations: { ...internal, ...ipRanges('0.0.0.0/0') } }),
    rules: allowRules([['0.0.0.0/0']]),
  },
  {
    ref: ref(RSG, 'TestCloud_reconcileSecurityGroup', 'internal Load Balancer/add rules with a mix of settings'),
    svc: fixture({ annotations: { ...internal, ...ipRanges('0.0.0.0/0', '8.8.8.8/32'), ...tags('AzureCloud') } }),
    rules: allowRules([['AzureCloud'], ['0.0.0.0/0']]),
    adapted: IPV4_HALF,
  },
  {
    ref: ref(RSG, 'TestCloud_reconcileSecurityGroup', 'public Load Balancer/add Internet allow rules if no allow list specified'),
    svc: fixture(),
    rules: allowRules([['Internet']]),
    adapted: IPV4_HALF,
  },
  {
    ref: ref(
      RSG,
      'TestCloud_reconcileSecurityGroup',
      'add rules - when no rules exist/with `service.beta.kubernetes.io/azure-additional-public-ips` specified',
    ),
    svc: fixture({ annotations: { [P + 'azure-additional-public-ips']: '203.0.113.10,203.0.113.11' } }),
    rules: allowRules([['Internet']], 'frontend+additional'),
    adapted: 'Two IPv4 additional addresses (upstream adds IPv6 ones as well).',
  },
  {
    ref: ref(
      RSG,
      'TestCloud_reconcileSecurityGroup',
      'add rules - when no rules exist/with `service.beta.kubernetes.io/azure-disable-load-balancer-floating-ip` specified',
    ),
    svc: fixture({ annotations: { [P + 'azure-disable-load-balancer-floating-ip']: 'true' } }),
    rules: allowRules([['Internet']], 'nodes', 'node'),
    adapted: IPV4_HALF,
  },
  {
    ref: ref(RSG, 'TestCloud_reconcileSecurityGroup', 'add rules - when no rules exist/with `service.beta.kubernetes.io/azure-allowed-ip-ranges` specified'),
    svc: fixture({ annotations: ipRanges(...MIXED_RANGES) }),
    rules: allowRules([['172.30.0.0/16', '172.31.0.1/32']]),
    adapted: IPV4_HALF,
  },
  {
    ref: ref(RSG, 'TestCloud_reconcileSecurityGroup', 'add rules - when no rules exist/with `spec.loadBalancerSourceRanges` specified'),
    svc: fixture({ loadBalancerSourceRanges: MIXED_RANGES }),
    rules: allowRules([['172.30.0.0/16', '172.31.0.1/32']]),
    adapted: IPV4_HALF,
  },
  {
    ref: ref(
      RSG,
      'TestCloud_reconcileSecurityGroup',
      'add rules - when no rules exist/with `service.beta.kubernetes.io/azure-deny-all-except-load-balancer-source-ranges` specified',
    ),
    svc: fixture({ loadBalancerSourceRanges: DUAL_RANGES, annotations: denyAnnotation }),
    rules: [...allowRules([['172.30.0.0/16', '172.31.0.1/32']]), denyAll()],
    adapted: IPV4_HALF,
  },
  {
    ref: ref(
      RSG,
      'TestCloud_reconcileSecurityGroup',
      'negative cases/with both `service.beta.kubernetes.io/azure-allowed-ip-ranges` and `spec.loadBalancerSourceRanges` specified',
    ),
    svc: fixture({
      loadBalancerSourceRanges: DUAL_RANGES,
      annotations: ipRanges(...DUAL_RANGES),
    }),
    error: ERR_BOTH,
  },
  {
    ref: ref(RSG, 'TestCloud_reconcileSecurityGroup', 'add rules - when no rules exist/with `service.beta.kubernetes.io/azure-allowed-service-tags` specified'),
    svc: fixture({ annotations: tags('AzureCloud', 'AzureDatabricks') }),
    rules: allowRules([['AzureCloud'], ['AzureDatabricks']]),
    adapted: IPV4_HALF,
  },

  // TestCloud_reconcileSecurityGroup "skip - when rules are up-to-date": no NSG write when nothing changes.
  ...(
    [
      [
        'with `service.beta.kubernetes.io/azure-additional-public-ips` specified',
        { annotations: { [P + 'azure-additional-public-ips']: '203.0.113.10,203.0.113.11' } },
        allowRules([['Internet']], 'frontend+additional'),
      ],
      [
        'with `service.beta.kubernetes.io/azure-disable-load-balancer-floating-ip` specified',
        { annotations: { [P + 'azure-disable-load-balancer-floating-ip']: 'true' } },
        allowRules([['Internet']], 'nodes', 'node'),
      ],
      [
        'with `service.beta.kubernetes.io/azure-allowed-ip-ranges` specified',
        { annotations: ipRanges(...DUAL_RANGES) },
        allowRules([['172.30.0.0/16', '172.31.0.1/32']]),
      ],
      [
        'with `service.beta.kubernetes.io/azure-allowed-service-tags` specified',
        { annotations: tags('AzureCloud', 'AzureDatabricks') },
        allowRules([['AzureCloud'], ['AzureDatabricks']]),
      ],
      ['with `spec.loadBalancerSourceRanges` specified', { loadBalancerSourceRanges: DUAL_RANGES }, allowRules([['172.30.0.0/16', '172.31.0.1/32']])],
      [
        'with `service.beta.kubernetes.io/azure-deny-all-except-load-balancer-source-ranges` specified',
        { loadBalancerSourceRanges: DUAL_RANGES, annotations: denyAnnotation },
        [...allowRules([['172.30.0.0/16', '172.31.0.1/32']]), denyAll()],
      ],
    ] as [string, Omit<ServiceInput, 'portList' | 'name'>, ExpectedNsgRule[]][]
  ).map(
    ([name, svc, rules]): NsgCase => ({
      ref: ref(RSG, 'TestCloud_reconcileSecurityGroup', `skip - when rules are up-to-date/${name}`),
      svc: fixture(svc),
      rules,
      resync: true,
      adapted:
        'Upstream starts from an NSG already holding the expected rules and asserts there is no write. The lab gets there by ensuring the Service once, then has the service controller ensure it again (an unrelated annotation changes) and asserts the NSG etag did not change. IPv4 half.',
    }),
  ),

  // TestAccessControl_IsAllowFromInternet: what the predicate decides shows as the rules' sources.
  ...(
    [
      ['public LB with no access control configuration', {}, [['Internet']], false],
      ['internal LB with no access control configuration', { annotations: internal }, [], false],
      ['public LB with invalid access control configuration', { loadBalancerSourceRanges: ['10.10.10.1/24'] }, [], true],
      ['internal LB with invalid access control configuration', { annotations: internal, loadBalancerSourceRanges: ['10.10.10.1/24'] }, [], true],
      ['public LB with spec.LoadBalancerSourceRanges specified but not allow all', { loadBalancerSourceRanges: ['10.10.10.0/24'] }, [['10.10.10.0/24']], false],
      ['public LB with spec.LoadBalancerSourceRanges specified and allow all', { loadBalancerSourceRanges: ['0.0.0.0/0'] }, [['0.0.0.0/0']], false],
      ['public LB with annotation allowedIPRanges specified but not allow all', { annotations: ipRanges('10.10.10.0/24') }, [['10.10.10.0/24']], false],
      ['public LB with annotation allowedIPRanges specified and allow all', { annotations: ipRanges('0.0.0.0/0') }, [['0.0.0.0/0']], false],
      [
        'public LB with annotation allowedIPRanges and allowedServiceTags specified and allow all',
        { annotations: { ...ipRanges('0.0.0.0/0'), ...tags('AzureCloud') } },
        [['AzureCloud'], ['0.0.0.0/0']],
        false,
      ],
      ['internal LB with annotation allowedIPRanges specified', { annotations: { ...internal, ...ipRanges('0.0.0.0/0') } }, [['0.0.0.0/0']], false],
      ['internal LB with spec.LoadBalancerSourceRanges specified', { annotations: internal, loadBalancerSourceRanges: ['0.0.0.0/0'] }, [['0.0.0.0/0']], false],
      [
        'internal LB with annotation allowedIPRanges and allowedServiceTags specified',
        { annotations: { ...internal, ...tags('AzureCloud') }, loadBalancerSourceRanges: ['0.0.0.0/0'] },
        [['AzureCloud'], ['0.0.0.0/0']],
        false,
      ],
    ] as [string, Omit<ServiceInput, 'portList' | 'name'>, string[][], boolean][]
  ).map(
    ([name, svc, sources, deny]): NsgCase => ({
      ref: ref(AC, 'TestAccessControl_IsAllowFromInternet', name),
      svc: fixture(svc),
      rules: [...allowRules(sources), ...(deny ? [denyAll()] : [])],
    }),
  ),

  // TestAccessControl_DenyAllExceptSourceRanges
  ...(
    [
      ['empty service', {}, [['Internet']], false],
      ['with annotation specified but no allowed IP ranges specified', { annotations: denyAnnotation }, [['Internet']], false],
      [
        'with annotation and spec.loadBalancerSourceRanges specified',
        { annotations: denyAnnotation, loadBalancerSourceRanges: ['10.0.0.1/32'] },
        [['10.0.0.1/32']],
        true,
      ],
      ['with annotation and allowedIPRanges specified', { annotations: { ...denyAnnotation, ...ipRanges('10.0.0.1/32') } }, [['10.0.0.1/32']], true],
      ['without annotation but invalid allowedIPRanges specified', { annotations: ipRanges('10.0.0.1/24') }, [], true],
    ] as [string, Omit<ServiceInput, 'portList' | 'name'>, string[][], boolean][]
  ).map(
    ([name, svc, sources, deny]): NsgCase => ({
      ref: ref(AC, 'TestAccessControl_DenyAllExceptSourceRanges', name),
      svc: fixture(svc),
      rules: [...allowRules(sources), ...(deny ? [denyAll()] : [])],
    }),
  ),

  // TestAccessControl_AllowedRanges: the ranges reach the rule after PatchSecurityGroup's aggregation
  // (iputil.AggregatePrefixes: contained prefixes dropped, adjacent halves merged, sorted).
  ...(
    [
      ['empty service', {}, [['Internet']], false],
      ['spec.LoadBalancerSourceRanges = 1 IPv4', { loadBalancerSourceRanges: ['10.10.0.0/16'] }, [['10.10.0.0/16']], false],
      [
        'spec.LoadBalancerSourceRanges = N IPv4',
        { loadBalancerSourceRanges: ['10.10.0.0/16', '10.11.0.0/16', '10.0.0.1/32'] },
        [['10.0.0.1/32', '10.10.0.0/15']],
        false,
      ],
      [
        'spec.LoadBalancerSourceRanges = N IPv4 and N IPv6',
        {
          loadBalancerSourceRanges: [
            '10.10.0.0/16',
            '2001:db8:85a3::/64',
            'fd12:3456:789a::/48',
            '10.11.0.0/16',
            '10.0.0.1/32',
            'fe80:1234:abcd::1c2d:3e4f/128',
          ],
        },
        [['10.0.0.1/32', '10.10.0.0/15']],
        false,
      ],
      [
        'spec.LoadBalancerSourceRanges = N IPv4 and N IPv6 and invalid ranges',
        {
          loadBalancerSourceRanges: [
            '10.10.0.0/16',
            '2001:db8:85a3::/64',
            'fd12:3456:789a::/48',
            '10.11.0.0/16',
            '10.0.0.1/32',
            'fe80:1234:abcd::1c2d:3e4f/128',
            '20.10.0.1/16',
            'fe80:1234:abcd::1c2d:3e4f/64',
          ],
        },
        [['10.0.0.1/32', '10.10.0.0/15']],
        true,
      ],
      ['annotation allowedIPRanges = 1 IPv4', { annotations: ipRanges('10.10.0.0/16') }, [['10.10.0.0/16']], false],
      [
        'annotation allowedIPRanges = N IPv4',
        { annotations: ipRanges('10.10.0.0/16', '10.11.0.0/16', '10.0.0.1/32') },
        [['10.0.0.1/32', '10.10.0.0/15']],
        false,
      ],
      [
        'annotation allowedIPRanges = N IPv4 and N IPv6',
        { annotations: ipRanges('10.10.0.0/16', '2001:db8:85a3::/64', 'fd12:3456:789a::/48', '10.11.0.0/16', '10.0.0.1/32', 'fe80:1234:abcd::1c2d:3e4f/128') },
        [['10.0.0.1/32', '10.10.0.0/15']],
        false,
      ],
      [
        'annotation allowedIPRanges = N IPv4 and N IPv6 with invalid ranges',
        {
          annotations: ipRanges(
            '10.10.0.0/16',
            '2001:db8:85a3::/64',
            'fd12:3456:789a::/48',
            '10.11.0.0/16',
            '10.0.0.1/32',
            'fe80:1234:abcd::1c2d:3e4f/128',
            '20.10.0.1/16',
            'fe80:1234:abcd::1c2d:3e4f/64',
          ),
        },
        [['10.0.0.1/32', '10.10.0.0/15']],
        true,
      ],
    ] as [string, Omit<ServiceInput, 'portList' | 'name'>, string[][], boolean][]
  ).map(
    ([name, svc, sources, deny]): NsgCase => ({
      ref: ref(AC, 'TestAccessControl_AllowedRanges', name),
      svc: fixture(svc),
      rules: [...allowRules(sources), ...(deny ? [denyAll()] : [])],
      adapted:
        'Upstream asserts AllowedIPv4Ranges() before aggregation; the lab shows the rule PatchSecurityGroup writes from it (aggregated). IPv6 ranges are left out on an IPv4 cluster.',
    }),
  ),

  // TestNewAccessControl
  {
    ref: ref(AC, 'TestNewAccessControl', 'it should return error if using spec.LoadBalancerSourceRanges and azure-allowed-ip-ranges'),
    svc: fixture({ loadBalancerSourceRanges: ['20.0.0.1/32'], annotations: ipRanges('10.0.0.1/32') }),
    error: ERR_BOTH,
  },
  {
    ref: ref(AC, 'TestNewAccessControl', 'it should emit warning event if invalid azure-allowed-ip-ranges'),
    svc: fixture({ annotations: ipRanges('foo', '10.0.0.1/32', 'bar') }),
    rules: [...allowRules([['10.0.0.1/32']]), denyAll()],
    warningsOnDelete: [
      {
        reason: 'InvalidAllowedIPRanges',
        message:
          'Found invalid service.beta.kubernetes.io/azure-allowed-ip-ranges ["foo" "bar"], ignoring and adding a default DenyAll rule in security group.',
      },
    ],
  },
  {
    ref: ref(AC, 'TestNewAccessControl', 'it should emit warning event if using spec.LoadBalancerSourceRanges and azure-allowed-service-tags'),
    svc: fixture({ loadBalancerSourceRanges: ['20.0.0.1/32'], annotations: tags('AKS') }),
    rules: allowRules([['AKS'], ['20.0.0.1/32']]),
    warningsOnDelete: [
      {
        reason: 'ConflictConfiguration',
        message:
          'Please use annotation service.beta.kubernetes.io/azure-allowed-ip-ranges instead of spec.loadBalancerSourceRanges while using service.beta.kubernetes.io/azure-allowed-service-tags annotation at the same time.',
      },
    ],
  },

  // TestAccessControl_PatchSecurityGroup (IPv4 rules; upstream's fixture tags TestServiceTag_0/1)
  {
    ref: ref(AC, 'TestAccessControl_PatchSecurityGroup', 'patch service without access control configuration'),
    svc: fixture(),
    rules: allowRules([['Internet']]),
    adapted: IPV4_HALF,
  },
  {
    ref: ref(AC, 'TestAccessControl_PatchSecurityGroup', 'patch service with allowedServiceTag'),
    svc: fixture({ annotations: tags('TestServiceTag_0', 'TestServiceTag_1') }),
    rules: allowRules([['TestServiceTag_0'], ['TestServiceTag_1']]),
    adapted: IPV4_HALF,
  },
  {
    ref: ref(AC, 'TestAccessControl_PatchSecurityGroup', 'patch service with allowedIPRanges on IPv4'),
    svc: fixture({ annotations: ipRanges('192.168.0.0/16', '20.0.0.1/32') }),
    rules: allowRules([['192.168.0.0/16', '20.0.0.1/32']]),
  },
  {
    ref: ref(AC, 'TestAccessControl_PatchSecurityGroup', 'patch service with allowedIPRanges on IPv4 and IPv6'),
    svc: fixture({ annotations: ipRanges('192.168.0.0/16', '20.0.0.1/32', 'fd12:3456:789a::/48', 'fe80:1234:abcd::1c2d:3e4f/128') }),
    rules: allowRules([['192.168.0.0/16', '20.0.0.1/32']]),
    adapted: IPV4_HALF,
  },
  {
    ref: ref(AC, 'TestAccessControl_PatchSecurityGroup', 'patch service with allowedIPRanges and allowedServiceTags'),
    svc: fixture({
      annotations: {
        ...ipRanges('192.168.0.0/16', '20.0.0.1/32', 'fd12:3456:789a::/48', 'fe80:1234:abcd::1c2d:3e4f/128'),
        ...tags('TestServiceTag_0', 'TestServiceTag_1'),
      },
    }),
    rules: allowRules([['TestServiceTag_0'], ['TestServiceTag_1'], ['192.168.0.0/16', '20.0.0.1/32']]),
    adapted: IPV4_HALF,
  },
  {
    ref: ref(AC, 'TestAccessControl_PatchSecurityGroup', 'patch service with allowedIPRanges and allowedServiceTags and deny vnet traffic'),
    svc: fixture({
      annotations: {
        ...ipRanges('192.168.0.0/16', '20.0.0.1/32', 'fd12:3456:789a::/48', 'fe80:1234:abcd::1c2d:3e4f/128'),
        ...tags('TestServiceTag_0', 'TestServiceTag_1'),
        ...denyAnnotation,
      },
    }),
    rules: [...allowRules([['TestServiceTag_0'], ['TestServiceTag_1'], ['192.168.0.0/16', '20.0.0.1/32']]), denyAll()],
    adapted: IPV4_HALF,
  },
  {
    ref: ref(AC, 'TestAccessControl_PatchSecurityGroup', 'patch service with invalid allowedIPRanges'),
    svc: fixture({
      annotations: {
        ...ipRanges('192.168.0.0/16', '20.0.0.1/32', '10.0.0.1/16', 'fd12:3456:789a::/48', 'fe80:1234:abcd::1c2d:3e4f/128', 'fe80:1234:abcd::3e4f/64'),
        ...denyAnnotation,
      },
    }),
    rules: [...allowRules([['192.168.0.0/16', '20.0.0.1/32']]), denyAll()],
    adapted: IPV4_HALF,
  },
];

const IPV6 = "IPv6 and dual-stack Services are not modelled (the lab's clusters are IPv4).";
const MOCKS = 'Asserts on mocked Azure client calls (a failing GET/PUT); the lab has no way to make the NSG client fail on demand.';
const PREBUILT =
  "Starts from an NSG already holding other Services' rules, built by the fixture; the lab builds NSG state only through Services, and these sharing paths are covered by our own property tests, not by a port.";

export const skippedNsgCases: SkippedNsgCase[] = [
  { ref: ref(AC, 'TestAccessControl_AllowedRanges', 'spec.LoadBalancerSourceRanges = 1 IPv6'), reason: IPV6 },
  { ref: ref(AC, 'TestAccessControl_AllowedRanges', 'spec.LoadBalancerSourceRanges = N IPv6'), reason: IPV6 },
  { ref: ref(AC, 'TestAccessControl_AllowedRanges', 'annotation allowedIPRanges = 1 IPv6'), reason: IPV6 },
  { ref: ref(AC, 'TestAccessControl_AllowedRanges', 'annotation allowedIPRanges = N IPv6'), reason: IPV6 },
  { ref: ref(AC, 'TestAccessControl_PatchSecurityGroup', 'patch service with allowedIPRanges on IPv6'), reason: IPV6 },
  {
    ref: ref(AC, 'TestNewAccessControl', 'it should emit warning event if invalid spec.LoadBalancerSourceRanges'),
    reason: "Its input (`foo`, `bar` in spec.loadBalancerSourceRanges) is refused by the API server's validation before the cloud provider sees it.",
  },
  {
    ref: ref(RSG, 'TestCloud_reconcileSecurityGroup', 'skip - when rules are up-to-date/expected rules with random priority'),
    reason: 'Starts from rules placed at arbitrary priorities by the fixture; the lab cannot place provider-managed rules at chosen priorities.',
  },
  ...[
    'update rules - add to related rules',
    'update rules - remove and add',
    'update rules - keep retain ports - external IPs',
    'update rules - keep retain ports - disable floating IP',
    'clean rules - when deleting LB / AzureLoadBalancer had been created',
    'clean rules - when deleting LB / AzureLoadBalancer had been created / service with invalid annotation',
  ].map((n) => ({ ref: ref(RSG, 'TestCloud_reconcileSecurityGroup', n), reason: PREBUILT })),
  ...[
    'when SecurityGroupClient.Get returns error',
    'when NetworkClientFactory.GetLoadBalancerClient().Get returns error',
    'when SecurityGroupClient.CreateOrUpdate returns error',
  ].map((n) => ({ ref: ref(RSG, 'TestCloud_reconcileSecurityGroup', `negative cases/${n}`), reason: MOCKS })),
  {
    ref: ref(RSG, 'TestCloud_reconcileSecurityGroup', 'negative cases/when the number of rules exceeds the limit'),
    reason: "Needs 1,000 pre-existing rules in the NSG (the fixture's noise rules); the lab's NSG limit is checked by our own limits tests instead.",
  },
  ...['TestAccessControl_RetainSecurityGroup', 'TestAccessControl_CleanSecurityGroup'].map((f) => ({
    ref: ref(AC, f, '(all cases)'),
    reason:
      "Helper-level cases on a fixture NSG with other Services' destinations; the lab reaches these paths only through whole Services, covered by our own property tests.",
  })),
];
