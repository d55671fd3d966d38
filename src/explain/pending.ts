/**
 * Why a Service is still `<pending>`: its newest warning events, matched against the failures the
 * lab reproduces (the texts cloud-provider-azure and ARM really print; docs/simulator.md). The
 * first pattern that matches wins, so the more specific ones come first.
 */
import type { SectionKey } from './lessons';

export interface FailureCause {
  cause: string;
  test: RegExp;
  section: SectionKey;
}

export const FAILURE_CAUSES: FailureCause[] = [
  { cause: 'public-ip-quota', test: /PublicIPCountLimitReached|StaticPublicIPCountLimitReached|Cannot create more than \d+ public IP/i, section: 'quota' },
  { cause: 'authorization-failed', test: /LinkedAuthorizationFailed|AuthorizationFailed|does not have authorization to perform action/i, section: 'forbidden' },
  { cause: 'pip-name-not-found', test: /PublicIP from annotation azure-pip-name(?:\(-IPv6\)|-IPv6)?=\S* for service \S+ doesn't exist/i, section: 'missingIp' },
  {
    cause: 'ip-not-found',
    test: /findMatchedPIPByLoadBalancerIP|cannot find public IP with IP address|user supplied IP Address .* was not found/i,
    section: 'missingIp',
  },
  { cause: 'port-conflict', test: /checkLoadBalancerResourcesConflicts/i, section: 'portClash' },
  { cause: 'subnet-not-found', test: /failed to get subnet/i, section: 'subnet' },
  { cause: 'private-ip-outside-subnet', test: /PrivateIPAddressNotInSubnet|does not belong to the range of subnet prefix/i, section: 'outsideSubnet' },
  { cause: 'throttled', test: /TooManyRequests|request is being throttled|HTTPStatusCode: 429/i, section: 'throttled' },
  { cause: 'dns-label', test: /consuming the DNS label|InvalidDomainNameLabel/i, section: 'dnsLabel' },
  { cause: 'source-ranges-conflict', test: /cannot set both spec\.LoadBalancerSourceRanges and service annotation/i, section: 'sourceRanges' },
  { cause: 'invalid-probe', test: /total probe should be less than 120|the minimum value of health-probe|health-probe/i, section: 'probeAnnotations' },
  { cause: 'invalid-idle-timeout', test: /idle timeout value must be a whole number/i, section: 'atAGlance' },
  {
    cause: 'azure-limit',
    test: /LoadBalancerFrontendIPConfigurationCountLimitReached|RulesPerIpConfigurationLimitReached|RulesPerNicLimitReached|SecurityRulesPerNetworkSecurityGroupLimitReached|cannot have more than \d+/i,
    section: 'atAGlance',
  },
  { cause: 'invalid-name', test: /InvalidResourceName/i, section: 'atAGlance' },
  { cause: 'no-nodes', test: /There are no available nodes for LoadBalancer/i, section: 'atAGlance' },
];

export function matchCause(message: string): FailureCause | undefined {
  return FAILURE_CAUSES.find((c) => c.test.test(message));
}
