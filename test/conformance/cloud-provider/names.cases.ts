/**
 * Names the provider derives: TestGetLoadBalancingRuleName (azure_standard_test.go) and
 * TestGetFrontendIPConfigName (azure_loadbalancer_test.go). Upstream's Service UID
 * 257b9655-5137-4ad2-b091-ef3f07043ad3 gives the prefix `a257b965551374ad2b091ef3f07043ad`; the
 * sandbox's own prefix (same length) is renamed to it before comparing. Pure data.
 */
import { ref, type UpstreamRef } from './upstream';

export const UPSTREAM_PREFIX = 'a257b965551374ad2b091ef3f07043ad';

export interface NameCase {
  ref: UpstreamRef;
  internal: boolean;
  subnet: string;
  /** Which name the case is about. */
  kind: 'rule' | 'frontend';
  expected: string;
}

const RULE = (name: string) => ref('azure_standard_test.go', 'TestGetLoadBalancingRuleName', name);
const FRONT = (name: string) => ref('azure_loadbalancer_test.go', 'TestGetFrontendIPConfigName', name);
const LONG = 'averylonnnngggnnnnnnnnnnnnnnnnnnnnnngggggggggggggggggggggggggggggggggggggsubet';

export const nameCases: NameCase[] = [
  {
    ref: RULE('internal lb should have subnet name on the rule name'),
    internal: true,
    subnet: 'shortsubnet',
    kind: 'rule',
    expected: `${UPSTREAM_PREFIX}-shortsubnet-TCP-9000`,
  },
  {
    ref: RULE('internal standard lb should have subnet name on the rule name but truncated to 80 (-5) characters'),
    internal: true,
    subnet: LONG,
    kind: 'rule',
    expected: `${UPSTREAM_PREFIX}-averylonnnngggnnnnnnnnnnnnnnnnnnn-TCP-9000`,
  },
  {
    ref: RULE('external standard lb should not have subnet name on the rule name'),
    internal: false,
    subnet: 'shortsubnet',
    kind: 'rule',
    expected: `${UPSTREAM_PREFIX}-TCP-9000`,
  },
  {
    ref: FRONT('internal lb should have subnet name on the frontend ip configuration name'),
    internal: true,
    subnet: 'shortsubnet',
    kind: 'frontend',
    expected: `${UPSTREAM_PREFIX}-shortsubnet`,
  },
  {
    ref: FRONT("internal lb should have subnet name on the frontend ip configuration name but truncated to 80 characters, also not end with char like '-'"),
    internal: true,
    subnet: 'a--------------------------------------------------z',
    kind: 'frontend',
    expected: `${UPSTREAM_PREFIX}-a----------------------------------------_`,
  },
  {
    ref: FRONT('internal standard lb should have subnet name on the frontend ip configuration name but truncated to 80 characters'),
    internal: true,
    subnet: LONG,
    kind: 'frontend',
    expected: `${UPSTREAM_PREFIX}-averylonnnngggnnnnnnnnnnnnnnnnnnnnnngggggg`,
  },
  {
    ref: FRONT('external standard lb should not have subnet name on the frontend ip configuration name'),
    internal: false,
    subnet: 'shortsubnet',
    kind: 'frontend',
    expected: UPSTREAM_PREFIX,
  },
];

const BASIC = 'Basic SKU load balancers: AKS clusters in the lab use the Standard SKU.';
const IPV6 = 'IPv6 and dual-stack Services are not modelled.';

export const skippedNameCases: { ref: UpstreamRef; reason: string }[] = [
  { ref: RULE('internal lb should have subnet name on the rule name IPv6'), reason: IPV6 },
  { ref: RULE('internal standard lb should have subnet name on the rule name but truncated to 80 (-5) characters IPv6'), reason: IPV6 },
  { ref: RULE('internal basic lb should have subnet name on the rule name but truncated to 80 (-5) characters'), reason: BASIC },
  { ref: RULE('internal basic lb should have subnet name on the rule name but truncated to 80 (-5) characters IPv6'), reason: BASIC },
  { ref: RULE('external standard lb should not have subnet name on the rule name IPv6'), reason: IPV6 },
  { ref: RULE('external basic lb should not have subnet name on the rule name'), reason: BASIC },
  { ref: RULE('external basic lb should not have subnet name on the rule name IPv6'), reason: BASIC },
  { ref: FRONT('internal basic lb should have subnet name on the frontend ip configuration name but truncated to 80 characters'), reason: BASIC },
  { ref: FRONT('external basic lb should not have subnet name on the frontend ip configuration name'), reason: BASIC },
  {
    ref: ref('azure_standard_test.go', 'TestGetPublicIPName', '(prefix and IPv6 cases)'),
    reason: 'Public IP prefixes (azure-pip-prefix-id) and IPv6 PIPs are not modelled; the common case is asserted by TestDeterminePublicIPName.',
  },
];
