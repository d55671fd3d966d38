/**
 * The Google Cloud project behind a GKE sandbox: addresses, forwarding rules, target pools, legacy
 * HTTP health checks, firewall rules, the nodes' instances and how they reach the Internet. Fields
 * are spelled as the Compute API returns them (what `gcloud compute … describe` prints).
 */
import type { VirtualClock } from '../../clock';
import type { SeededRandom } from '../../random';

export interface Address {
  name: string;
  address: string;
  addressType: 'EXTERNAL' | 'INTERNAL';
  region: string;
  status: 'RESERVED' | 'IN_USE';
  description: string;
  networkTier: 'PREMIUM' | 'STANDARD';
  /** Internal addresses: the subnet they come from, and `GCE_ENDPOINT` (what a forwarding rule may hold). */
  subnetwork?: string;
  purpose?: 'GCE_ENDPOINT';
}

export interface ForwardingRule {
  name: string;
  region: string;
  IPAddress: string;
  IPProtocol: string;
  /** External rules forward a port range; internal ones list up to five ports (more: `allPorts`). */
  portRange?: string;
  ports?: string[];
  allPorts?: boolean;
  /** Target pool URL (legacy NetLB); RBS and internal rules point at `backendService` instead. */
  target?: string;
  backendService?: string;
  loadBalancingScheme: 'EXTERNAL' | 'INTERNAL';
  /** Internal rules: the VPC network and subnet the address belongs to. */
  network?: string;
  subnetwork?: string;
  allowGlobalAccess?: boolean;
  networkTier: 'PREMIUM' | 'STANDARD';
  description: string;
  creationTimestamp: string;
}

/** The provider's firewall port list: sorted, consecutive ports merged (`80-85`), as `getPortRanges` does. */
export function portRanges(ports: number[]): string[] {
  const sorted = [...new Set(ports)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    out.push(i === j ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return out;
}

/** Does the rule forward this port? */
export function ruleForwards(rule: ForwardingRule, port: number): boolean {
  if (rule.allPorts) return true;
  if (rule.ports) return rule.ports.includes(String(port));
  const [lo, hi] = (rule.portRange ?? '').split('-').map(Number);
  return lo <= port && port <= (hi ?? lo);
}

export interface TargetPool {
  name: string;
  region: string;
  instances: string[];
  healthChecks: string[];
  sessionAffinity: 'NONE' | 'CLIENT_IP';
  description: string;
}

export interface HttpHealthCheck {
  name: string;
  port: number;
  requestPath: string;
  checkIntervalSec: number;
  timeoutSec: number;
  healthyThreshold: number;
  unhealthyThreshold: number;
  description: string;
}

export interface Firewall {
  name: string;
  network: string;
  direction: 'INGRESS';
  priority: number;
  allowed: { IPProtocol: string; ports?: string[] }[];
  sourceRanges: string[];
  destinationRanges?: string[];
  targetTags: string[];
  description: string;
}

/** Regional backend service of a backend-service-based ("RBS") NetLB or an internal passthrough LB. */
export interface BackendService {
  name: string;
  region: string;
  protocol: string;
  loadBalancingScheme: 'EXTERNAL' | 'INTERNAL';
  backends: { group: string; balancingMode: 'CONNECTION' }[];
  healthChecks: string[];
  sessionAffinity: 'NONE' | 'CLIENT_IP';
  description: string;
}

/** Health check: regional (RBS) or global (the cloud provider's internal load balancers). */
export interface HealthCheck {
  name: string;
  region?: string;
  type: 'HTTP';
  httpHealthCheck: { port: number; requestPath: string };
  checkIntervalSec: number;
  timeoutSec: number;
  healthyThreshold: number;
  unhealthyThreshold: number;
  description: string;
}

/** Zonal GCE_VM_IP network endpoint group: the nodes of one zone. */
export interface NetworkEndpointGroup {
  name: string;
  zone: string;
  networkEndpointType: 'GCE_VM_IP';
  instances: string[];
}

/** Unmanaged zonal instance group `k8s-ig--<clusterID>`: the backends of the provider's internal load balancers. */
export interface InstanceGroup {
  name: string;
  zone: string;
  instances: string[];
}

export interface Instance {
  name: string;
  zone: string;
  nodeName: string;
  networkIP: string;
  /** Ephemeral external IP: pods' egress leaves with it (ip-masq-agent SNATs to the node). */
  natIP: string;
}

/** Compute API latencies on the virtual clock (INFERRED: "up to a few minutes", §4.7). */
export const GCP_TIMING = { addressMs: 3000, firewallMs: 10_000, healthCheckMs: 5000, targetPoolMs: 10_000, forwardingRuleMs: 15_000 };

/** Google's L4 health-check source ranges the health-check firewall opens. */
export const L4_HEALTH_CHECK_RANGES = ['130.211.0.0/22', '35.191.0.0/16', '209.85.152.0/22', '209.85.204.0/22'];

export class GcpStore {
  readonly project = 'my-project';
  readonly region = 'us-central1';
  readonly network = 'default';
  readonly clusterName = 'cluster-1';
  /** The cluster's subnet (auto-mode `default` in us-central1): nodes and internal load balancers take addresses here. */
  readonly subnetwork = 'default';
  readonly subnetCidr = '10.128.0.0/20';
  /** GKE's 16-hex cluster ID (seen in real `k8s-<id>-node` names; derivation not verified). */
  readonly clusterId: string;
  /** The nodes' network tag `gke-<cluster>-<8 hex>-node`. */
  readonly nodeTag: string;
  readonly addresses = new Map<string, Address>();
  readonly forwardingRules = new Map<string, ForwardingRule>();
  readonly targetPools = new Map<string, TargetPool>();
  readonly httpHealthChecks = new Map<string, HttpHealthCheck>();
  readonly firewalls = new Map<string, Firewall>();
  readonly instances = new Map<string, Instance>();
  readonly backendServices = new Map<string, BackendService>();
  readonly healthChecks = new Map<string, HealthCheck>();
  /** Keyed `<zone>/<name>`: one NEG name per zone. */
  readonly networkEndpointGroups = new Map<string, NetworkEndpointGroup>();
  /** Keyed `<zone>/<name>`. */
  readonly instanceGroups = new Map<string, InstanceGroup>();
  version = 0;

  constructor(
    readonly clock: VirtualClock,
    private readonly random: SeededRandom,
  ) {
    this.clusterId = random.hex(16);
    this.nodeTag = `gke-${this.clusterName}-${random.hex(8)}-node`;
    // The firewall rules GKE creates with the cluster, next to which `k8s-fw-…` rules appear.
    const prefix = `gke-${this.clusterName}-${random.hex(8)}`;
    this.firewalls.set(`${prefix}-all`, {
      name: `${prefix}-all`,
      network: this.network,
      direction: 'INGRESS',
      priority: 1000,
      allowed: [{ IPProtocol: 'tcp' }, { IPProtocol: 'udp' }, { IPProtocol: 'icmp' }, { IPProtocol: 'esp' }, { IPProtocol: 'ah' }, { IPProtocol: 'sctp' }],
      sourceRanges: ['10.4.0.0/14'],
      targetTags: [this.nodeTag],
      description: '',
    });
    this.firewalls.set(`${prefix}-ssh`, {
      name: `${prefix}-ssh`,
      network: this.network,
      direction: 'INGRESS',
      priority: 1000,
      allowed: [{ IPProtocol: 'tcp', ports: ['22'] }],
      sourceRanges: ['34.28.0.0/16'],
      targetTags: [this.nodeTag],
      description: '',
    });
    this.firewalls.set(`${prefix}-vms`, {
      name: `${prefix}-vms`,
      network: this.network,
      direction: 'INGRESS',
      priority: 1000,
      allowed: [{ IPProtocol: 'icmp' }, { IPProtocol: 'tcp', ports: ['1-65535'] }, { IPProtocol: 'udp', ports: ['1-65535'] }],
      sourceRanges: ['10.128.0.0/9'],
      targetTags: [this.nodeTag],
      description: '',
    });
  }

  instanceFor(nodeName: string | undefined, index: number): Instance {
    let inst = nodeName === undefined ? undefined : this.instances.get(nodeName);
    if (!inst) {
      const zone = `${this.region}-${['a', 'b', 'c', 'f'][index % 4]}`;
      const name = `gke-${this.clusterName}-default-pool-${this.random.hex(8)}-${this.random.kubeSuffix(4)}`;
      // The kubelet registers under the VM's name: a new node is keyed by it (nodeName undefined).
      nodeName ??= name;
      inst = {
        name,
        zone,
        nodeName,
        networkIP: `10.128.0.${10 + index}`,
        natIP: this.externalIp(),
      };
      this.instances.set(nodeName, inst);
      this.version++;
    }
    return inst;
  }

  /** An ephemeral external IPv4 from Google's ranges. */
  externalIp(): string {
    return `34.${this.random.int(16, 191)}.${this.random.int(1, 254)}.${this.random.int(1, 254)}`;
  }

  /** A free address in the cluster's subnet for an internal forwarding rule (GCE picks one; which one is INFERRED). */
  internalIp(): string {
    const used = new Set([
      ...[...this.instances.values()].map((i) => i.networkIP),
      ...[...this.forwardingRules.values()].map((r) => r.IPAddress),
      ...[...this.addresses.values()].map((a) => a.address),
    ]);
    for (;;) {
      const ip = `10.128.${this.random.int(0, 15)}.${this.random.int(2, 254)}`;
      if (!used.has(ip)) return ip;
    }
  }

  subnetUrl(name = this.subnetwork): string {
    return this.regionalUrl('subnetworks', name);
  }

  regionalUrl(kind: string, name: string): string {
    return `https://www.googleapis.com/compute/v1/projects/${this.project}/regions/${this.region}/${kind}/${name}`;
  }

  globalUrl(kind: string, name: string): string {
    return `https://www.googleapis.com/compute/v1/projects/${this.project}/global/${kind}/${name}`;
  }

  touch(): void {
    this.version++;
  }
}
