/**
 * Quiz for lesson 9 ("Locking it down"), shared by both languages. Answers follow the lesson text
 * and what the lab's simulator does (domain reference §1.6, §1.7, §5).
 */
import type { QuizDef } from '../../src/learn/quiz/types';

export const quiz: QuizDef = {
  questions: [
    {
      id: 'source-ranges-nsg',
      kind: 'single',
      prompt: {
        en: 'A public Service on port 80 gets spec.loadBalancerSourceRanges: ["198.51.100.0/24"]. What does the cloud provider change in the cluster NSG?',
        ko: '80 포트의 공용 서비스에 spec.loadBalancerSourceRanges: ["198.51.100.0/24"]를 지정했습니다. 클라우드 공급자는 클러스터 NSG를 어떻게 바꿀까요?',
      },
      choices: [
        {
          id: 'replace-source',
          correct: true,
          text: {
            en: 'The Service’s IP leaves the Internet allow rule and becomes a destination of an allow rule whose source is 198.51.100.0/24; no deny rule is added',
            ko: '서비스 IP가 Internet 허용 규칙에서 빠지고, 원본이 198.51.100.0/24인 허용 규칙의 대상이 된다. 거부 규칙은 추가되지 않는다',
          },
          why: {
            en: 'Right. The rule name is a hash of protocol, sources and ports, so the ranges’ rule has its own k8s-azure-lb_allow_IPv4_… name (new, unless another Service already allows the same); the Internet rule stays for the other Services. Everyone else is stopped by the NSG’s default DenyAllInBound (65500).',
            ko: '맞습니다. 규칙 이름은 프로토콜, 원본, 포트의 해시라서 대역 규칙은 자기 k8s-azure-lb_allow_IPv4_… 이름을 갖습니다(다른 서비스가 이미 같은 것을 허용하고 있지 않다면 새로 생깁니다). Internet 규칙은 다른 서비스를 위해 남습니다. 나머지는 NSG의 기본 규칙 DenyAllInBound(65500)가 막습니다.',
          },
        },
        {
          id: 'deny-rule',
          text: {
            en: 'It adds the allow rule and a deny-all rule k8s-azure-lb_deny-all_IPv4 at priority 4095',
            ko: '허용 규칙과 함께 우선순위 4095의 거부 규칙 k8s-azure-lb_deny-all_IPv4를 추가한다',
          },
          why: {
            en: 'Not by default: the deny-all rule appears only with the annotation azure-deny-all-except-load-balancer-source-ranges: "true" (and then only because ranges are set).',
            ko: '기본으로는 아닙니다. 이 거부 규칙은 azure-deny-all-except-load-balancer-source-ranges: "true" 어노테이션이 있을 때만 생깁니다(그것도 대역이 지정되어 있어야 합니다).',
          },
        },
        {
          id: 'keep-internet',
          text: {
            en: 'It adds an allow rule for 198.51.100.0/24, and the Internet rule keeps allowing this Service’s IP too',
            ko: '198.51.100.0/24 허용 규칙을 추가하고, Internet 규칙도 이 서비스 IP를 계속 허용한다',
          },
          why: {
            en: 'No: if the Internet rule still listed this Service’s IP the restriction would mean nothing. The IP leaves that rule; only the other Services stay in it.',
            ko: '아닙니다. Internet 규칙에 이 서비스 IP가 남아 있으면 제한이 의미가 없습니다. 이 IP는 그 규칙에서 빠지고, 다른 서비스들만 남습니다.',
          },
        },
        {
          id: 'nothing',
          text: {
            en: 'Nothing: loadBalancerSourceRanges is enforced by kube-proxy only',
            ko: '바꾸지 않는다. loadBalancerSourceRanges는 kube-proxy만 적용한다',
          },
          why: {
            en: 'No: kube-proxy does filter as well, but on AKS the NSG rule is the first gate, and az network nsg rule list shows it.',
            ko: '아닙니다. kube-proxy도 걸러 내지만, AKS에서는 NSG 규칙이 첫 번째 관문이고 az network nsg rule list로 확인할 수 있습니다.',
          },
        },
      ],
      explanation: {
        en: 'Sources in one rule: one source is sourceAddressPrefix, several are sourceAddressPrefixes. Services with the same protocol, sources and ports share one rule, with their IPs as destinations.',
        ko: '원본이 하나면 sourceAddressPrefix, 여러 개면 sourceAddressPrefixes에 들어갑니다. 프로토콜, 원본, 포트가 같은 서비스들은 규칙 하나를 함께 쓰고, 각자의 IP가 대상 목록에 들어갑니다.',
      },
    },
    {
      id: 'local-changes',
      kind: 'multiple',
      prompt: {
        en: 'You switch a Service from externalTrafficPolicy: Cluster to Local. What changes? Choose all that apply.',
        ko: '서비스의 externalTrafficPolicy를 Cluster에서 Local로 바꿨습니다. 무엇이 달라질까요? 해당하는 것을 모두 고르세요.',
      },
      choices: [
        {
          id: 'probe',
          correct: true,
          text: {
            en: 'The health probe becomes Http on spec.healthCheckNodePort, path /healthz',
            ko: '상태 프로브가 spec.healthCheckNodePort의 Http /healthz로 바뀐다',
          },
          why: {
            en: 'Yes: one probe per Service, named <base>-TCP-<healthCheckNodePort>, answered by kube-proxy on each node.',
            ko: '네. 서비스마다 프로브가 하나이고 이름은 <기본 이름>-TCP-<healthCheckNodePort>이며, 각 노드의 kube-proxy가 응답합니다.',
          },
        },
        {
          id: 'healthy-nodes',
          correct: true,
          text: { en: 'Only nodes that run a ready pod of the Service pass the probe', ko: '서비스의 준비된 파드가 있는 노드만 프로브를 통과한다' },
          why: {
            en: 'Yes: kube-proxy answers 200 on /healthz only when the node has a local ready endpoint, so the load balancer sends traffic only there.',
            ko: '네. kube-proxy는 노드에 준비된 로컬 엔드포인트가 있을 때만 /healthz에 200으로 응답하므로, 부하 분산 장치는 그 노드로만 트래픽을 보냅니다.',
          },
        },
        {
          id: 'client-ip',
          correct: true,
          text: { en: 'The pod sees the client’s own IP address as the source', ko: '파드가 클라이언트의 실제 IP 주소를 원본으로 본다' },
          why: {
            en: 'Yes: with no hop to another node, kube-proxy does not SNAT the packet.',
            ko: '네. 다른 노드로 넘길 일이 없으니 kube-proxy가 SNAT을 하지 않습니다.',
          },
        },
        {
          id: 'nsg',
          text: { en: 'The NSG rule’s source changes from Internet to the node IPs', ko: 'NSG 규칙의 원본이 Internet에서 노드 IP로 바뀐다' },
          why: {
            en: 'No: the NSG rule is about who may send, and that did not change.',
            ko: '아닙니다. NSG 규칙은 누가 보낼 수 있는지에 관한 것이고, 그것은 바뀌지 않았습니다.',
          },
        },
        {
          id: 'rule-port',
          text: { en: 'The load-balancing rule’s backend port becomes the nodePort', ko: '부하 분산 규칙의 백 엔드 포트가 nodePort로 바뀐다' },
          why: {
            en: 'No: the rule keeps port 80 → 80 with floating IP; only its probe changes.',
            ko: '아닙니다. 규칙은 부동 IP로 80 → 80을 그대로 유지하고, 연결된 프로브만 바뀝니다.',
          },
        },
      ],
      explanation: {
        en: 'Local trades even spreading for the client’s address: nodes without a pod get no traffic, and a node with one pod gets as much as a node with five.',
        ko: 'Local은 고른 분산을 포기하는 대신 클라이언트 주소를 지킵니다. 파드가 없는 노드는 트래픽을 받지 않고, 파드가 하나인 노드도 다섯 개인 노드와 같은 양을 받습니다.',
      },
    },
    {
      id: 'cluster-source',
      kind: 'single',
      prompt: {
        en: 'externalTrafficPolicy is Cluster. A client at 203.0.113.10 calls the Service through the load balancer. Which source address does the pod see?',
        ko: 'externalTrafficPolicy가 Cluster입니다. 203.0.113.10의 클라이언트가 부하 분산 장치를 거쳐 서비스를 호출하면, 파드는 어떤 원본 주소를 볼까요?',
      },
      choices: [
        {
          id: 'node-ip',
          correct: true,
          text: {
            en: 'The IP of the node the load balancer picked (kube-proxy SNATs the packet)',
            ko: '부하 분산 장치가 고른 노드의 IP (kube-proxy가 SNAT을 한다)',
          },
          why: {
            en: 'Right: kube-proxy may forward the packet to a pod on another node, so it rewrites the source to its node’s address to get the reply back.',
            ko: '맞습니다. kube-proxy는 패킷을 다른 노드의 파드로 보낼 수 있으므로, 응답이 자신에게 돌아오도록 원본을 노드 주소로 바꿉니다.',
          },
        },
        {
          id: 'client',
          text: { en: '203.0.113.10', ko: '203.0.113.10' },
          why: { en: 'Only with externalTrafficPolicy: Local.', ko: 'externalTrafficPolicy: Local일 때만 그렇습니다.' },
        },
        {
          id: 'pip',
          text: { en: 'The Service’s public IP', ko: '서비스의 공용 IP 주소' },
          why: {
            en: 'No: that is the destination (floating IP keeps it), not the source.',
            ko: '아닙니다. 그것은 원본이 아니라 목적지입니다(부동 IP 덕분에 그대로 유지됩니다).',
          },
        },
        {
          id: 'outbound',
          text: { en: 'The managed outbound IP', ko: '관리형 아웃바운드 IP' },
          why: {
            en: 'No: the outbound IP is for connections the cluster opens to the Internet, not for inbound traffic.',
            ko: '아닙니다. 아웃바운드 IP는 클러스터가 인터넷으로 여는 연결에 쓰이고, 들어오는 트래픽과는 관계없습니다.',
          },
        },
      ],
      explanation: {
        en: 'In the lab, curl --trace says it on the kube-proxy line: "source 203.0.113.10 SNAT’d to node IP …" under Cluster, "kept (no SNAT)" under Local.',
        ko: '실습 환경에서는 curl --trace의 kube-proxy 줄에 나옵니다. Cluster에서는 "source 203.0.113.10 SNAT’d to node IP …", Local에서는 "kept (no SNAT)"입니다.',
      },
    },
    {
      id: 'service-tag',
      kind: 'single',
      prompt: {
        en: 'Only Azure Front Door should reach a Service. Which setting puts the service tag AzureFrontDoor.Backend into its NSG rule?',
        ko: '서비스에는 Azure Front Door만 접속해야 합니다. NSG 규칙에 서비스 태그 AzureFrontDoor.Backend를 넣는 설정은?',
      },
      choices: [
        {
          id: 'annotation',
          correct: true,
          text: {
            en: 'The annotation service.beta.kubernetes.io/azure-allowed-service-tags: AzureFrontDoor.Backend',
            ko: 'service.beta.kubernetes.io/azure-allowed-service-tags: AzureFrontDoor.Backend 어노테이션',
          },
          why: {
            en: 'Right: the rule’s source becomes the service tag instead of Internet, one rule per tag.',
            ko: '맞습니다. 규칙의 원본이 Internet 대신 서비스 태그가 되고, 태그마다 규칙이 하나씩 생깁니다.',
          },
        },
        {
          id: 'ranges',
          text: { en: 'spec.loadBalancerSourceRanges: ["AzureFrontDoor.Backend"]', ko: 'spec.loadBalancerSourceRanges: ["AzureFrontDoor.Backend"]' },
          why: {
            en: 'No: loadBalancerSourceRanges takes CIDR ranges only; the API server rejects a tag there.',
            ko: '아닙니다. loadBalancerSourceRanges에는 CIDR 대역만 들어갑니다. 태그를 넣으면 API 서버가 거부합니다.',
          },
        },
        {
          id: 'both',
          text: {
            en: 'Both the annotation and loadBalancerSourceRanges with Front Door’s ranges, to be safe',
            ko: '안전하게 어노테이션과 Front Door 대역을 넣은 loadBalancerSourceRanges를 둘 다 쓴다',
          },
          why: {
            en: 'No: the provider writes NSG rules for both, but kube-proxy drops every source outside loadBalancerSourceRanges, so the tag’s traffic dies at the node, and Microsoft documents the combination as an error. To combine ranges with a tag, use the annotation azure-allowed-ip-ranges instead of loadBalancerSourceRanges.',
            ko: '아닙니다. 클라우드 공급자는 둘 다 NSG 규칙으로 쓰지만, kube-proxy가 loadBalancerSourceRanges 밖의 원본을 모두 버리므로 태그로 들어온 트래픽은 노드에서 끊깁니다. Microsoft 문서도 이 조합을 오류로 봅니다. 대역과 태그를 함께 쓰려면 loadBalancerSourceRanges 대신 azure-allowed-ip-ranges 어노테이션을 쓰세요.',
          },
        },
      ],
      explanation: {
        en: 'Service tags are names Azure keeps up to date for a service’s address ranges; you cannot type them as CIDRs, so the annotation exists for them.',
        ko: '서비스 태그는 어떤 Azure 서비스의 주소 대역을 Azure가 최신으로 관리해 주는 이름입니다. CIDR로 적을 수 없으니 이를 위한 어노테이션이 따로 있습니다.',
      },
    },
    {
      id: 'healthz-path',
      kind: 'short',
      prompt: {
        en: 'With externalTrafficPolicy: Local, which request path does the Azure health probe use?',
        ko: 'externalTrafficPolicy: Local일 때 Azure 상태 프로브는 어떤 요청 경로를 쓸까요?',
      },
      accept: ['/healthz'],
      pattern: '/?healthz',
      answer: { en: '/healthz', ko: '/healthz' },
      wrong: { en: 'Look at the RequestPath column of az network lb probe list.', ko: 'az network lb probe list의 RequestPath 열을 보세요.' },
      explanation: {
        en: 'kube-proxy serves /healthz on the Service’s healthCheckNodePort on every node and answers 200 only where a ready pod of the Service runs.',
        ko: 'kube-proxy는 모든 노드에서 서비스의 healthCheckNodePort로 /healthz를 제공하고, 서비스의 준비된 파드가 있는 노드에서만 200으로 응답합니다.',
      },
    },
  ],
};
