/**
 * TestReconcileLoadBalancerRuleCommon and TestGetExpectedLBRulesSharedProbe
 * (pkg/provider/azure_loadbalancer_test.go): the rules and probes getExpectedLBRules builds.
 * Expectations are upstream's, IPv4 half (the lab's clusters are IPv4), in upstream's terms
 * (prefix `atest1`, nodePort = port + 10000, health check node port 34567; see harness.ts).
 * Pure data: the fidelity ledger imports it at build time.
 */
import type { ServiceInput, UpstreamProbe, UpstreamRule } from './harness';
import { ref, type UpstreamRef } from './upstream';

const FILE = 'azure_loadbalancer_test.go';
const FUNC = 'TestReconcileLoadBalancerRuleCommon';
const P = 'service.beta.kubernetes.io/';
const port = (p: number, param: string) => `${P}port_${p}_health-probe_${param}`;

export interface RuleCase {
  ref: UpstreamRef;
  svc: ServiceInput;
  rules?: UpstreamRule[];
  probes?: UpstreamProbe[];
  /** The innermost error text upstream returns (the case only asserts "an error"). */
  error?: string;
  /** How the case differs from upstream's table, when it does. */
  adapted?: string;
}

export interface SkippedCase {
  ref: UpstreamRef;
  reason: string;
}

/** getTestRule(enableTCPReset, port, IPv4). */
function rule(p: number, over: Partial<UpstreamRule> = {}): UpstreamRule {
  return {
    name: `atest1-TCP-${p}`,
    protocol: 'Tcp',
    frontendPort: p,
    backendPort: p,
    enableFloatingIP: true,
    enableTcpReset: true,
    idleTimeoutInMinutes: 4,
    loadDistribution: 'Default',
    probe: `atest1-TCP-${p}`,
    ...over,
  };
}

/** getTestProbe(protocol, path, interval, servicePort, probePort, numOfProbe, IPv4). */
function probe(protocol: string, path: string, interval: number, servicePort: number, probePort: number, num: number): UpstreamProbe {
  const http = protocol.toLowerCase() === 'http' || protocol.toLowerCase() === 'https';
  return {
    name: `atest1-TCP-${servicePort}`,
    protocol,
    port: probePort,
    intervalInSeconds: interval,
    probeThreshold: num,
    requestPath: http && path.trim() ? path : null,
  };
}

/** getDefaultTestProbes(protocol, path). */
const defaultProbe = (protocol: string, path: string) => [probe(protocol, path, 5, 80, 10080, 2)];

const ON_STANDARD =
  'upstream runs it with the SKU unset (Basic); the lab is an AKS cluster (Standard), so its rules carry enableTcpReset: true. Probes are SKU-independent here.';
const PLS = 'Private Link Service annotations (azure-pls-*) are not modelled.';

const c = (position: number, name: string, rest: Omit<RuleCase, 'ref'>): RuleCase => ({ ref: ref(FILE, FUNC, name, position), ...rest });
const skip = (position: number, name: string, reason: string): SkippedCase => ({ ref: ref(FILE, FUNC, name, position), reason });

const BASIC = 'Basic SKU load balancers: AKS clusters in the lab use the Standard SKU.';

export const ruleCases: RuleCase[] = [
  c(4, 'getExpectedLBRules shall return error (slb with external mode and SCTP)', {
    svc: { protocol: 'SCTP' },
    error: 'SCTP is only supported on standard loadbalancer in internal mode',
  }),
  c(5, 'getExpectedLBRules shall return corresponding probe and lbRule(slb with tcp reset)', { svc: {}, probes: defaultProbe('Tcp', ''), rules: [rule(80)] }),
  c(6, 'getExpectedLBRules shall respect the probe protocol and path configuration in the config file', {
    svc: { appProtocol: 'Http', annotations: { [port(80, 'request-path')]: '/healthy' } },
    probes: defaultProbe('Http', '/healthy'),
    rules: [rule(80)],
  }),
  c(7, 'getExpectedLBRules shall respect the probe protocol and path configuration in the config file', {
    svc: { appProtocol: 'Https', annotations: { [port(80, 'request-path')]: '/healthy1' } },
    probes: defaultProbe('Https', '/healthy1'),
    rules: [rule(80)],
  }),
  c(9, 'getExpectedLBRules shall return corresponding probe and lbRule (slb with HA enabled)', {
    svc: { internal: true, annotations: { [P + 'azure-load-balancer-enable-high-availability-ports']: 'true' } },
    probes: defaultProbe('Tcp', ''),
    rules: [rule(80, { protocol: 'All', frontendPort: 0, backendPort: 0 })],
  }),
  c(10, 'getExpectedLBRules shall return corresponding probe and lbRule (slb with HA mode and SCTP)', {
    svc: { internal: true, protocol: 'SCTP', annotations: { [P + 'azure-load-balancer-enable-high-availability-ports']: 'true' } },
    probes: [],
    rules: [rule(80, { name: 'atest1-SCTP-80', protocol: 'All', frontendPort: 0, backendPort: 0, probe: null })],
  }),
  c(11, 'getExpectedLBRules shall return corresponding probe and lbRule (slb with HA enabled multi-ports services)', {
    svc: { internal: true, ports: [80, 8080], annotations: { [P + 'azure-load-balancer-enable-high-availability-ports']: 'true' } },
    probes: defaultProbe('Tcp', ''),
    rules: [rule(80, { protocol: 'All', frontendPort: 0, backendPort: 0 })],
  }),
  c(12, 'getExpectedLBRules should leave probe path empty when using TCP probe', {
    svc: { appProtocol: 'Tcp' },
    probes: defaultProbe('Tcp', ''),
    rules: [rule(80)],
  }),
  c(13, 'getExpectedLBRules should return tcp probe when invalid protocol is defined', {
    svc: { appProtocol: 'TCP1', annotations: { [port(80, 'request-path')]: '/healthy1' } },
    probes: defaultProbe('Tcp', ''),
    rules: [rule(80)],
  }),
  c(15, 'getExpectedLBRules should return correct rule when deprecated annotations are added', {
    svc: { annotations: { [port(80, 'request-path')]: '/healthy1', [P + 'azure-load-balancer-health-probe-protocol']: 'https' } },
    probes: defaultProbe('Https', '/healthy1'),
    rules: [rule(80)],
  }),
  c(16, 'getExpectedLBRules should return correct rule when deprecated annotations are added', {
    svc: { annotations: { [port(80, 'request-path')]: '/healthy1', [P + 'azure-load-balancer-health-probe-protocol']: 'http' } },
    probes: defaultProbe('Http', '/healthy1'),
    rules: [rule(80)],
  }),
  c(17, 'getExpectedLBRules should return correct rule when deprecated annotations are added', {
    svc: { annotations: { [port(80, 'request-path')]: '/healthy1', [P + 'azure-load-balancer-health-probe-protocol']: 'tcp' } },
    probes: defaultProbe('Tcp', ''),
    rules: [rule(80)],
  }),
  c(18, 'getExpectedLBRules should return correct rule when deprecated annotations are added', {
    svc: { appProtocol: 'Https', annotations: { [port(80, 'request-path')]: '/healthy1' } },
    probes: defaultProbe('Https', '/healthy1'),
    rules: [rule(80)],
  }),
  c(19, 'getExpectedLBRules should overwrite value defined in deprecated annotation when deprecated annotations and probe path are defined', {
    svc: { appProtocol: 'Https', annotations: { [P + 'azure-load-balancer-health-probe-request-path']: '/healthy1', [port(80, 'request-path')]: '/healthy2' } },
    probes: defaultProbe('Https', '/healthy2'),
    rules: [rule(80)],
  }),
  c(20, 'getExpectedLBRules should return error when probe interval * num > 120', {
    svc: {
      appProtocol: 'Tcp',
      annotations: { [port(80, 'interval')]: '10', [port(80, 'num-of-probe')]: '20', [P + 'azure-load-balancer-health-probe-protocol']: 'https' },
    },
    error: 'failed to parse health probe config for port 80: total probe should be less than 120, please adjust interval and number of probe accordingly',
  }),
  c(21, 'getExpectedLBRules should return error when probe interval * num ==  120', {
    svc: {
      appProtocol: 'Tcp',
      annotations: { [port(80, 'interval')]: '10', [port(80, 'num-of-probe')]: '20', [P + 'azure-load-balancer-health-probe-protocol']: 'tcp' },
    },
    error: 'failed to parse health probe config for port 80: total probe should be less than 120, please adjust interval and number of probe accordingly',
  }),
  c(22, 'getExpectedLBRules should return correct rule when health probe annotations are added', {
    svc: { appProtocol: 'Https', annotations: { [port(80, 'interval')]: '20', [port(80, 'num-of-probe')]: '5', [port(80, 'request-path')]: '/healthy1' } },
    probes: [probe('Https', '/healthy1', 20, 80, 10080, 5)],
    rules: [rule(80)],
  }),
  c(23, 'getExpectedLBRules should return correct rule when health probe annotations are added,default path should be /', {
    svc: { appProtocol: 'Http', annotations: { [port(80, 'interval')]: '20', [port(80, 'num-of-probe')]: '5' } },
    probes: [probe('Http', '/', 20, 80, 10080, 5)],
    rules: [rule(80)],
  }),
  c(24, 'getExpectedLBRules should return correct rule when tcp health probe annotations are added', {
    svc: { appProtocol: 'Tcp', annotations: { [port(80, 'interval')]: '20', [port(80, 'num-of-probe')]: '5' } },
    probes: [probe('Tcp', '', 20, 80, 10080, 5)],
    rules: [rule(80)],
  }),
  c(25, 'getExpectedLBRules should return error when invalid tcp health probe annotations are added', {
    svc: { appProtocol: 'Tcp', annotations: { [port(80, 'interval')]: '20', [port(80, 'num-of-probe')]: '5a' } },
    error:
      'failed to parse health probe config for port 80: failed to parse annotation service.beta.kubernetes.io/port_80_health-probe_num-of-probe: error value: strconv.ParseInt: parsing "5a": invalid syntax: 5a value must be a whole number',
  }),
  c(26, 'getExpectedLBRules should return error when invalid tcp health probe annotations are added', {
    svc: { appProtocol: 'Tcp', annotations: { [port(80, 'interval')]: '1', [port(80, 'num-of-probe')]: '5' } },
    error:
      'failed to parse health probe config for port 80: failed to parse annotation service.beta.kubernetes.io/port_80_health-probe_interval:error parsing value: the minimum value of interval is 5',
  }),
  c(27, 'getExpectedLBRules should return error when invalid tcp health probe annotations are added', {
    svc: { appProtocol: 'Tcp', annotations: { [port(80, 'interval')]: '10', [port(80, 'num-of-probe')]: '1' } },
    error:
      'failed to parse health probe config for port 80: failed to parse annotation service.beta.kubernetes.io/port_80_health-probe_num-of-probe: error parsing value: the minimum value of num-of-probe is 2',
  }),
  c(28, 'getExpectedLBRules should return error when invalid tcp health probe annotations are added', {
    svc: { appProtocol: 'Tcp', annotations: { [port(80, 'interval')]: '10', [port(80, 'num-of-probe')]: '20' } },
    error: 'failed to parse health probe config for port 80: total probe should be less than 120, please adjust interval and number of probe accordingly',
  }),
  c(29, 'getExpectedLBRules should return correct rule when floating ip annotations are added', {
    svc: { annotations: { [P + 'azure-disable-load-balancer-floating-ip']: 'true' } },
    probes: defaultProbe('Tcp', ''),
    rules: [rule(80, { backendPort: 10080, enableFloatingIP: false })],
    adapted: ON_STANDARD,
  }),
  c(30, 'getExpectedLBRules should prioritize port specific probe protocol over defaults', {
    svc: { annotations: { [port(80, 'protocol')]: 'HtTp' } },
    probes: defaultProbe('Http', '/'),
    rules: [rule(80)],
    adapted: ON_STANDARD,
  }),
  c(31, 'getExpectedLBRules should disable tcp reset when annotation is set', {
    svc: { annotations: { [P + 'azure-load-balancer-disable-tcp-reset']: 'true' } },
    probes: defaultProbe('Tcp', ''),
    rules: [rule(80, { enableTcpReset: false })],
  }),
  c(32, 'getExpectedLBRules should prioritize port specific probe protocol over appProtocol', {
    svc: { appProtocol: 'Mongodb', annotations: { [port(80, 'protocol')]: 'HtTp' } },
    probes: defaultProbe('Http', '/'),
    rules: [rule(80)],
    adapted: ON_STANDARD,
  }),
  c(33, 'getExpectedLBRules should prioritize port specific probe protocol over deprecated annotation', {
    svc: { appProtocol: 'Https', annotations: { [port(80, 'protocol')]: 'HtTpS', [P + 'azure-load-balancer-health-probe-protocol']: 'TcP' } },
    probes: defaultProbe('Https', '/'),
    rules: [rule(80)],
  }),
  c(34, 'getExpectedLBRules should default to Tcp on invalid port specific probe protocol', {
    svc: { appProtocol: 'Http', annotations: { [port(80, 'protocol')]: 'FooBar' } },
    probes: defaultProbe('Tcp', ''),
    rules: [rule(80)],
    adapted: ON_STANDARD,
  }),
  c(35, 'getExpectedLBRules should support customize health probe port in multi-port service', {
    svc: { ports: [80, 8000], annotations: { [port(8000, 'port')]: 'port-tcp-80' } },
    rules: [rule(80), rule(8000)],
    probes: [probe('Tcp', '/', 5, 80, 10080, 2), probe('Tcp', '/', 5, 8000, 10080, 2)],
    adapted: ON_STANDARD,
  }),
  c(36, 'getExpectedLBRules should support customize health probe port in multi-port service', {
    svc: { ports: [80, 8000], annotations: { [port(8000, 'port')]: '80' } },
    rules: [rule(80), rule(8000)],
    probes: [probe('Tcp', '/', 5, 80, 10080, 2), probe('Tcp', '/', 5, 8000, 10080, 2)],
    adapted: ON_STANDARD,
  }),
  c(37, 'getExpectedLBRules should not generate probe rule when no health probe rule is specified.', {
    svc: { ports: [80, 8000], annotations: { [`${P}port_8000_no_probe_rule`]: 'true' } },
    rules: [rule(80), rule(8000, { probe: null })],
    probes: [probe('Tcp', '/', 5, 80, 10080, 2)],
    adapted: ON_STANDARD,
  }),
  c(38, 'getExpectedLBRules should not generate lb rule and health probe rule when no lb rule is specified.', {
    svc: { ports: [80, 8000], annotations: { [`${P}port_8000_no_lb_rule`]: 'true' } },
    rules: [rule(80)],
    probes: [probe('Tcp', '/', 5, 80, 10080, 2)],
    adapted: ON_STANDARD,
  }),
  c(39, 'getExpectedLBRules should support customize health probe port ', {
    svc: { ports: [80, 8000], annotations: { [port(8000, 'port')]: '5080' } },
    rules: [rule(80), rule(8000)],
    probes: [probe('Tcp', '/', 5, 80, 10080, 2), probe('Tcp', '/', 5, 8000, 5080, 2)],
    adapted: ON_STANDARD,
  }),
  c(40, 'getExpectedLBRules should expected rules when timeout are added', {
    svc: {
      appProtocol: 'Tcp',
      annotations: { [port(80, 'interval')]: '10', [port(80, 'num-of-probe')]: '10', [P + 'azure-load-balancer-tcp-idle-timeout']: '5' },
    },
    probes: [probe('Tcp', '', 10, 80, 10080, 10)],
    rules: [rule(80, { idleTimeoutInMinutes: 5 })],
  }),
  c(41, 'getExpectedLBRules should expected rules when externalTrafficPolicy is local', {
    svc: {
      ports: [80, 443, 421],
      appProtocol: 'Http',
      externalTrafficPolicy: 'Local',
      annotations: {
        [P + 'azure-load-balancer-health-probe-protocol']: 'tcp',
        [P + 'azure-load-balancer-health-probe-request-path']: '/broken/global/path',
        [port(80, 'interval')]: '10',
        [port(80, 'protocol')]: 'https',
        [port(80, 'request-path')]: '/broken/local/path',
        [port(80, 'num-of-probe')]: '10',
      },
    },
    probes: [probe('Http', '/healthz', 5, 34567, 34567, 2)],
    rules: [rule(80, { probe: 'atest1-TCP-34567' }), rule(443, { probe: 'atest1-TCP-34567' }), rule(421, { probe: 'atest1-TCP-34567' })],
  }),
];

export const skippedRuleCases: SkippedCase[] = [
  skip(1, 'getExpectedLBRules shall return corresponding probe and lbRule(blb)', BASIC),
  skip(2, 'getExpectedLBRules shall return tcp probe on non supported protocols when basic lb SKU is used', BASIC),
  skip(3, 'getExpectedLBRules shall return tcp probe on https protocols when basic lb SKU is used', BASIC),
  skip(8, 'getExpectedLBRules shall return corresponding probe and lbRule (slb with IPv6)', 'IPv6 and dual-stack Services are not modelled.'),
  skip(14, 'getExpectedLBRules should return tcp probe when invalid protocol is defined', BASIC),
  skip(
    42,
    'getExpectedLBRules should return expected rules when externalTrafficPolicy is local and service.beta.kubernetes.io/azure-pls-proxy-protocol is enabled',
    PLS,
  ),
  skip(
    43,
    'getExpectedLBRules should return expected rules when externalTrafficPolicy is local and service.beta.kubernetes.io/azure-pls-proxy-protocol is enabled',
    PLS,
  ),
  {
    ref: ref('azure_loadbalancer_healthprobe_test.go', 'TestFindProbe', '(all cases)'),
    reason:
      'Helper that compares two probe objects field by field; the lab shows only its effect (a probe whose settings changed is rewritten), which our own probe tests cover.',
  },
  {
    ref: ref('azure_loadbalancer_healthprobe_test.go', 'TestShouldKeepSharedProbe', '(all cases)'),
    reason:
      "About the shared cluster-service probe, a cloud-provider setting (clusterServiceLoadBalancerHealthProbeMode: shared) the lab's AKS configuration does not turn on.",
  },
  {
    ref: ref('azure_test.go', '(reconcile and session-affinity functions)', '(not table-driven)'),
    reason:
      'TestReconcilePublicIPs*, TestReconcileLoadBalancer*, TestService*SessionAffinity/Persistence and the rest drive the provider on mocked clients with dual-stack fixtures, without case tables. What they claim (one managed PIP per Service, removed with it, none for internal Services, ClientIP affinity → SourceIP) is checked by our own tests in test/unit/sim, not by ports.',
  },
  {
    ref: ref(FILE, 'TestGetExpectedLBRulesSharedProbe', 'getExpectedLBRules should return a shared rule for a cluster service when shared probe is enabled'),
    reason:
      "The shared cluster-service probe is a cloud-provider setting (clusterServiceLoadBalancerHealthProbeMode: shared) the lab's AKS configuration does not turn on.",
  },
];
