/**
 * The Service annotations the Azure cloud provider honours, with what each does, in both languages.
 * One list feeds the editor's completion and hover and the annotation reference page, so the two can
 * never disagree. Source: the domain reference §5 (cloud-provider-azure's consts) and the simulator
 * (`src/sim/cloud-provider/annotations.ts`); `simulated: false` marks what the lab accepts but ignores.
 */
export type AnnotationTopic = 'publicIp' | 'internal' | 'rules' | 'probes' | 'nsg' | 'other';

export interface AnnotationDoc {
  key: string;
  topic: AnnotationTopic;
  description: string;
  ko: string;
  examples?: string[];
  /** The lab acts on it exactly as described; false: accepted and stored, nothing happens. */
  simulated: boolean;
  /** The lesson (slug) that teaches it. */
  lesson?: string;
}

const P = 'service.beta.kubernetes.io/';

export const AZURE_SERVICE_ANNOTATIONS: AnnotationDoc[] = [
  {
    key: `${P}azure-load-balancer-internal`,
    topic: 'internal',
    simulated: true,
    lesson: 'internal-load-balancer',
    examples: ['true'],
    description: 'Exactly "true": use the internal load balancer `kubernetes-internal` with a private frontend IP from the subnet; no Public IP is created.',
    ko: '값이 정확히 "true"이면 내부 부하 분산 장치 `kubernetes-internal`을 쓰고, 서브넷의 개인 IP 주소를 프런트 엔드로 받습니다. 공용 IP 주소는 만들지 않습니다.',
  },
  {
    key: `${P}azure-load-balancer-internal-subnet`,
    topic: 'internal',
    simulated: true,
    lesson: 'internal-load-balancer',
    examples: ['aks-subnet'],
    description:
      'Subnet (in the cluster VNet) for the internal frontend IP. Adds `-<subnet>` to the frontend and rule names. Ignored unless the Service is internal.',
    ko: '내부 프런트 엔드 IP를 가져올 서브넷(클러스터 가상 네트워크 안)입니다. 프런트 엔드와 규칙 이름 뒤에 `-<서브넷>`이 붙습니다. 내부 서비스가 아니면 무시됩니다.',
  },
  {
    key: `${P}azure-pip-name`,
    topic: 'publicIp',
    simulated: true,
    lesson: 'keep-your-ip-static-and-dns',
    examples: ['myAKSPublicIP'],
    description:
      'Use this existing Public IP resource (by name, in the Public IP resource group) instead of creating `kubernetes-a…`. A user-created Public IP is never deleted by the cloud provider.',
    ko: '`kubernetes-a…`를 새로 만들지 않고, 이 이름의 기존 공용 IP 주소 리소스(공용 IP 리소스 그룹 안)를 씁니다. 사용자가 만든 공용 IP 주소는 클라우드 공급자가 지우지 않습니다.',
  },
  {
    key: `${P}azure-load-balancer-resource-group`,
    topic: 'publicIp',
    simulated: true,
    lesson: 'keep-your-ip-static-and-dns',
    examples: ['myResourceGroup'],
    description:
      'Resource group in which the Public IP is looked up or created (default: the node resource group). The cluster identity needs Network Contributor there.',
    ko: '공용 IP 주소를 찾거나 만들 리소스 그룹입니다(기본값은 노드 리소스 그룹). 클러스터 ID에 그 그룹의 네트워크 기여자(Network Contributor) 권한이 있어야 합니다.',
  },
  {
    key: `${P}azure-load-balancer-ipv4`,
    topic: 'publicIp',
    simulated: true,
    lesson: 'keep-your-ip-static-and-dns',
    examples: ['20.62.146.49'],
    description:
      'Requested frontend IPv4 address. Public: an existing Public IP with this address must exist in the Public IP resource group. Internal: used as a static private IP. Takes precedence over the deprecated spec.loadBalancerIP.',
    ko: '원하는 프런트 엔드 IPv4 주소입니다. 공용이면 이 주소를 가진 공용 IP 주소가 공용 IP 리소스 그룹에 이미 있어야 하고, 내부면 고정 개인 IP 주소로 쓰입니다. 더 이상 사용되지 않는 spec.loadBalancerIP보다 우선합니다.',
  },
  {
    key: `${P}azure-dns-label-name`,
    topic: 'publicIp',
    simulated: true,
    lesson: 'keep-your-ip-static-and-dns',
    examples: ['myapp'],
    description: 'DNS label on the Service Public IP: the FQDN becomes `<label>.<region>.cloudapp.azure.com`. An empty value removes it.',
    ko: '서비스 공용 IP 주소의 DNS 이름 레이블입니다. FQDN은 `<레이블>.<지역>.cloudapp.azure.com`이 됩니다. 빈 값이면 레이블을 지웁니다.',
  },
  {
    key: `${P}azure-pip-tags`,
    topic: 'publicIp',
    simulated: true,
    examples: ['env=dev,team=web'],
    description: 'Extra tags for a Public IP the cloud provider manages, as `key1=value1,key2=value2`.',
    ko: '클라우드 공급자가 관리하는 공용 IP 주소에 붙일 태그를 `key1=value1,key2=value2` 형식으로 적습니다.',
  },
  {
    key: `${P}azure-pip-ip-tags`,
    topic: 'publicIp',
    simulated: false,
    examples: ['RoutingPreference=Internet'],
    description: 'IP tags for a new Public IP, e.g. `RoutingPreference=Internet`.',
    ko: '새 공용 IP 주소의 IP 태그입니다(예: `RoutingPreference=Internet`).',
  },
  {
    key: `${P}azure-pip-prefix-id`,
    topic: 'publicIp',
    simulated: true,
    description: 'Create the managed Public IP from this Public IP Prefix (resource ID); the Public IP name gets `-<prefixName>`.',
    ko: '관리형 공용 IP 주소를 이 공용 IP 접두사(리소스 ID)에서 만듭니다. 공용 IP 주소 이름 뒤에 `-<접두사 이름>`이 붙습니다.',
  },
  {
    key: `${P}azure-load-balancer-tcp-idle-timeout`,
    topic: 'rules',
    simulated: true,
    examples: ['4', '10', '30'],
    description:
      'TCP idle timeout of the load-balancing rules, in minutes (default 4). The provider accepts 4–100; the AKS annotation table still says at most 30.',
    ko: '부하 분산 규칙의 TCP 유휴 시간 제한(분)이며 기본값은 4입니다. 클라우드 공급자 코드는 4–100을 받지만, AKS 문서의 어노테이션 표에는 여전히 최대 30으로 나와 있습니다.',
  },
  {
    key: `${P}azure-load-balancer-disable-tcp-reset`,
    topic: 'rules',
    simulated: true,
    examples: ['true'],
    description: '"true" turns TCP reset off on the rules (it is on by default on a Standard load balancer).',
    ko: '"true"이면 규칙의 TCP 재설정을 끕니다. Standard 부하 분산 장치에서는 기본으로 켜져 있습니다.',
  },
  {
    key: `${P}azure-load-balancer-health-probe-protocol`,
    topic: 'probes',
    simulated: true,
    lesson: 'locking-it-down',
    examples: ['Tcp', 'Http', 'Https'],
    description: 'Health probe protocol for every port: Tcp, Http or Https (default Tcp; spec.ports[].appProtocol wins over this).',
    ko: '모든 포트의 상태 프로브 프로토콜: Tcp, Http, Https(기본값 Tcp). spec.ports[].appProtocol이 있으면 그쪽이 우선합니다.',
  },
  {
    key: `${P}azure-load-balancer-health-probe-request-path`,
    topic: 'probes',
    simulated: true,
    lesson: 'locking-it-down',
    examples: ['/healthz'],
    description: 'Request path of Http/Https health probes (default `/`).',
    ko: 'Http/Https 상태 프로브가 요청할 경로입니다(기본값 `/`).',
  },
  {
    key: `${P}azure-load-balancer-health-probe-interval`,
    topic: 'probes',
    simulated: true,
    examples: ['5'],
    description: 'Seconds between probes (at least 5; interval × number of probes must stay under 120).',
    ko: '프로브 간격(초)입니다. 5 이상이어야 하고, 간격 × 프로브 횟수는 120보다 작아야 합니다.',
  },
  {
    key: `${P}azure-load-balancer-health-probe-num-of-probe`,
    topic: 'probes',
    simulated: true,
    examples: ['2'],
    description: 'Consecutive failures before a node is taken out of rotation (at least 2).',
    ko: '노드를 순환에서 빼기 전까지 연속으로 실패해야 하는 횟수입니다(2 이상).',
  },
  {
    key: `${P}azure-load-balancer-enable-high-availability-ports`,
    topic: 'rules',
    simulated: true,
    examples: ['true'],
    description: 'Internal Standard load balancer only: one HA-ports rule (protocol All, all ports) instead of one rule per port.',
    ko: '내부 Standard 부하 분산 장치 전용: 포트마다 규칙을 만들지 않고, 모든 포트를 받는 HA 포트 규칙(프로토콜 All) 하나를 만듭니다.',
  },
  {
    key: `${P}azure-disable-load-balancer-floating-ip`,
    topic: 'rules',
    simulated: true,
    examples: ['true'],
    description: '"true": rules send traffic to the nodePort instead of the service port (floating IP off); NSG rules then target node IPs.',
    ko: '"true"이면 부동 IP를 끄고, 규칙이 서비스 포트 대신 nodePort로 트래픽을 보냅니다. 이때 NSG 규칙의 대상은 노드 IP가 됩니다.',
  },
  {
    key: `${P}azure-allowed-service-tags`,
    topic: 'nsg',
    simulated: true,
    lesson: 'locking-it-down',
    examples: ['AzureFrontDoor.Backend'],
    description: 'Comma-separated Azure service tags allowed in by the NSG instead of `Internet`, one rule per tag.',
    ko: 'NSG가 `Internet` 대신 허용할 Azure 서비스 태그를 쉼표로 구분해 적습니다. 태그마다 규칙이 하나씩 생깁니다.',
  },
  {
    key: `${P}azure-allowed-ip-ranges`,
    topic: 'nsg',
    simulated: true,
    lesson: 'locking-it-down',
    examples: ['203.0.113.0/24'],
    description: 'Source CIDRs allowed by the NSG only. Cannot be combined with spec.loadBalancerSourceRanges.',
    ko: 'NSG에서만 허용할 원본 CIDR입니다. spec.loadBalancerSourceRanges와 함께 쓸 수 없습니다.',
  },
  {
    key: `${P}load-balancer-source-ranges`,
    topic: 'nsg',
    simulated: true,
    lesson: 'locking-it-down',
    examples: ['203.0.113.0/24'],
    description: 'Older spelling of spec.loadBalancerSourceRanges as an annotation (comma-separated CIDRs); the field wins when both are set.',
    ko: 'spec.loadBalancerSourceRanges를 어노테이션으로 적던 예전 방식입니다(쉼표로 구분한 CIDR). 둘 다 있으면 필드가 우선합니다.',
  },
  {
    key: `${P}azure-deny-all-except-load-balancer-source-ranges`,
    topic: 'nsg',
    simulated: true,
    lesson: 'locking-it-down',
    examples: ['true'],
    description:
      '"true": add a deny-all inbound NSG rule for the Service IP, so only the source ranges get in (VNet traffic too). Only when source ranges are set (spec.loadBalancerSourceRanges or azure-allowed-ip-ranges) or a range is invalid; alone, or with service tags only, it adds nothing.',
    ko: '"true"이면 서비스 IP에 대한 전체 거부 인바운드 NSG 규칙을 더해, 원본 범위만 들어올 수 있게 합니다(가상 네트워크 트래픽도 막힙니다). 원본 범위가 지정된 경우(spec.loadBalancerSourceRanges 또는 azure-allowed-ip-ranges)나 잘못된 범위가 있을 때만 동작하며, 이 어노테이션만 있거나 서비스 태그와만 함께 쓰면 아무것도 추가하지 않습니다.',
  },
  {
    key: `${P}azure-disable-load-balancer-nsg-rule`,
    topic: 'nsg',
    simulated: true,
    examples: ['true'],
    description: '"true": the cloud provider leaves the NSG alone for this Service.',
    ko: '"true"이면 클라우드 공급자가 이 서비스 때문에 NSG를 건드리지 않습니다.',
  },
  {
    key: `${P}azure-additional-public-ips`,
    topic: 'nsg',
    simulated: true,
    description: 'Extra IPs written to status.loadBalancer.ingress and the NSG destinations (not configured on the load balancer).',
    ko: 'status.loadBalancer.ingress와 NSG 대상에 더할 IP 주소입니다. 부하 분산 장치에는 구성되지 않습니다.',
  },
  {
    key: `${P}azure-shared-securityrule`,
    topic: 'nsg',
    simulated: true,
    examples: ['true'],
    description: 'Legacy (cloud provider ≤ v1.28): share NSG rules between Services. No effect on Kubernetes 1.29 and later.',
    ko: '예전 방식(클라우드 공급자 v1.28 이하): 서비스끼리 NSG 규칙을 공유합니다. Kubernetes 1.29 이상에서는 효과가 없습니다.',
  },
  {
    key: `${P}azure-load-balancer-mode`,
    topic: 'other',
    simulated: false,
    description: 'Basic SKU only; ignored on AKS Standard load balancers.',
    ko: 'Basic SKU 전용입니다. AKS의 Standard 부하 분산 장치에서는 무시됩니다.',
  },
  {
    key: `${P}azure-pls-create`,
    topic: 'other',
    simulated: false,
    examples: ['true'],
    description: '"true": create a Private Link Service on the internal frontend.',
    ko: '"true"이면 내부 프런트 엔드에 Private Link 서비스를 만듭니다.',
  },
];

/** Per-port annotations: `service.beta.kubernetes.io/port_<port>_<suffix>`. */
export const PORT_ANNOTATIONS: { suffix: string; description: string; ko: string }[] = [
  { suffix: 'health-probe_protocol', description: 'Health probe protocol for this port only.', ko: '이 포트만의 상태 프로브 프로토콜입니다.' },
  { suffix: 'health-probe_request-path', description: 'Http/Https probe path for this port only.', ko: '이 포트만의 Http/Https 프로브 경로입니다.' },
  {
    suffix: 'health-probe_port',
    description: 'Probe this port (a number or a port name of the Service) instead.',
    ko: '대신 이 포트(숫자나 서비스의 포트 이름)로 프로브합니다.',
  },
  { suffix: 'no_lb_rule', description: '"true": no load-balancing rule for this port.', ko: '"true"이면 이 포트에는 부하 분산 규칙을 만들지 않습니다.' },
  { suffix: 'no_probe_rule', description: '"true": no health probe for this port.', ko: '"true"이면 이 포트에는 상태 프로브를 만들지 않습니다.' },
];
