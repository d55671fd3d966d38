/**
 * Quiz for lesson 5 ("The fourth IP: egress"), shared by both languages. Answers follow the lesson
 * text, the simulator and the domain reference (§1.5 disableOutboundSnat, §3 outbound types, §8 SNAT numbers).
 */
import type { QuizDef } from '../../src/learn/quiz/types';

export const quiz: QuizDef = {
  questions: [
    {
      id: 'curl-from-pod',
      kind: 'single',
      prompt: {
        en: 'A pod behind the LoadBalancer Service web (EXTERNAL-IP 4.156.74.176) runs curl -s ifconfig.me on a default AKS cluster. What does it print?',
        ko: '기본 설정 AKS 클러스터에서 LoadBalancer 서비스 web(EXTERNAL-IP 4.156.74.176) 뒤에 있는 파드가 curl -s ifconfig.me를 실행합니다. 무엇이 출력될까요?',
      },
      choices: [
        {
          id: 'outbound',
          correct: true,
          text: {
            en: 'The managed outbound IP (the Public IP tagged aks-slb-managed-outbound-ip)',
            ko: '관리형 아웃바운드 IP(aks-slb-managed-outbound-ip 태그가 붙은 공용 IP 주소)',
          },
          why: {
            en: 'Right: aksOutboundRule translates the nodes’ outgoing connections to its frontends’ addresses.',
            ko: '맞습니다. aksOutboundRule이 노드에서 나가는 연결을 자기 프런트 엔드의 주소로 바꿉니다.',
          },
        },
        {
          id: 'service',
          text: { en: '4.156.74.176, the Service’s address', ko: '서비스의 주소 4.156.74.176' },
          why: {
            en: 'No: the Service rules have disableOutboundSnat set, so their frontend is never a source address for outgoing connections.',
            ko: '아닙니다. 서비스 규칙에는 disableOutboundSnat이 설정되어 있어, 그 프런트 엔드는 나가는 연결의 출발지 주소로 쓰이지 않습니다.',
          },
        },
        {
          id: 'pod-ip',
          text: { en: 'The pod’s own address, 10.244.x.x', ko: '파드 자신의 주소 10.244.x.x' },
          why: {
            en: 'No: that private address never reaches the internet; it is translated twice on the way out.',
            ko: '아닙니다. 이 개인 주소는 인터넷에 닿지 않습니다. 나가는 길에 두 번 변환됩니다.',
          },
        },
        {
          id: 'node-ip',
          text: { en: 'The node’s address, 10.224.0.x', ko: '노드의 주소 10.224.0.x' },
          why: {
            en: 'No: the node address is private too; the outbound rule translates it to a public one.',
            ko: '아닙니다. 노드 주소도 개인 주소이고, 아웃바운드 규칙이 공용 주소로 바꿉니다.',
          },
        },
      ],
      explanation: {
        en: 'Inbound and outbound use different addresses: the Service’s Public IP receives connections, the managed outbound IP is the source of connections the cluster opens.',
        ko: '들어오는 트래픽과 나가는 트래픽은 다른 주소를 씁니다. 서비스의 공용 IP는 연결을 받고, 클러스터가 여는 연결의 출발지는 관리형 아웃바운드 IP입니다.',
      },
    },
    {
      id: 'two-ips',
      kind: 'multiple',
      prompt: {
        en: 'You run az aks update --load-balancer-managed-outbound-ip-count 2 on a default cluster that had one. What changes? Choose all that apply.',
        ko: '관리형 아웃바운드 IP가 하나인 기본 클러스터에서 az aks update --load-balancer-managed-outbound-ip-count 2를 실행합니다. 무엇이 바뀔까요? 모두 고르세요.',
      },
      choices: [
        {
          id: 'new-pip',
          correct: true,
          text: {
            en: 'A second GUID-named Public IP with the aks-slb-managed-outbound-ip tag appears in the node resource group',
            ko: '노드 리소스 그룹에 aks-slb-managed-outbound-ip 태그가 붙은 GUID 이름의 공용 IP 주소가 하나 더 생긴다',
          },
          why: { en: 'Right: AKS creates it, like the first one.', ko: '맞습니다. 첫 번째 것처럼 AKS가 만듭니다.' },
        },
        {
          id: 'new-frontend',
          correct: true,
          text: { en: 'aksOutboundRule gets a second frontend IP configuration', ko: 'aksOutboundRule에 프런트 엔드 IP 구성이 하나 더 붙는다' },
          why: {
            en: 'Right: each outbound IP has its own frontend on kubernetes, and the outbound rule uses all of them.',
            ko: '맞습니다. 아웃바운드 IP마다 kubernetes에 프런트 엔드가 하나씩 있고, 아웃바운드 규칙이 그 전부를 씁니다.',
          },
        },
        {
          id: 'more-ports',
          correct: true,
          text: {
            en: 'The pool of SNAT ports grows by 64,000 (capacity; no node gets more until --load-balancer-outbound-ports is set)',
            ko: 'SNAT 포트 전체 용량이 64,000개 늘어난다(--load-balancer-outbound-ports를 정하기 전까지 노드가 받는 몫은 그대로다)',
          },
          why: {
            en: 'Right: every outbound IP brings 64,000 ports of capacity. The nodes only get more once you set the ports per node yourself.',
            ko: '맞습니다. 아웃바운드 IP 하나마다 포트 64,000개의 용량이 따라옵니다. 노드가 더 받으려면 노드당 포트 수를 직접 정해야 합니다.',
          },
        },
        {
          id: 'auto-doubles',
          text: {
            en: 'With AllocatedOutboundPorts 0, each node now gets 2,048 SNAT ports automatically',
            ko: 'AllocatedOutboundPorts가 0이면 이제 노드마다 SNAT 포트를 자동으로 2,048개 받는다',
          },
          why: {
            en: 'No: the automatic share stops at 1,024 ports per node, however many outbound IPs there are. Set --load-balancer-outbound-ports to use the new ports.',
            ko: '아닙니다. 자동 할당 몫은 아웃바운드 IP가 몇 개든 노드당 1,024개가 상한입니다. 늘어난 포트를 쓰려면 --load-balancer-outbound-ports를 정하세요.',
          },
        },
        {
          id: 'service-ip-changes',
          text: { en: 'The EXTERNAL-IP of every LoadBalancer Service changes', ko: '모든 LoadBalancer 서비스의 EXTERNAL-IP가 바뀐다' },
          why: {
            en: 'No: Service IPs are separate Public IPs on separate frontends; the outbound side does not touch them.',
            ko: '아닙니다. 서비스 IP는 별도 프런트 엔드의 별도 공용 IP이고, 아웃바운드 설정은 건드리지 않습니다.',
          },
        },
      ],
      explanation: {
        en: 'More managed outbound IPs mean more GUID-named Public IPs and frontends on aksOutboundRule, a bigger pool of SNAT ports (which nodes use only with an explicit ports-per-node setting), and more possible source addresses for allow lists.',
        ko: '관리형 아웃바운드 IP를 늘리면 GUID 이름의 공용 IP와 aksOutboundRule의 프런트 엔드가 늘고, SNAT 포트 전체 용량이 커지며(노드가 쓰려면 노드당 포트 수를 직접 정해야 합니다), 허용 목록에 올려야 할 출발지 주소도 늘어납니다.',
      },
    },
    {
      id: 'snat-default',
      kind: 'short',
      prompt: {
        en: 'aksOutboundRule shows AllocatedOutboundPorts 0 on a 3-node cluster. How many SNAT ports does each node get?',
        ko: '노드 3개짜리 클러스터에서 aksOutboundRule의 AllocatedOutboundPorts가 0으로 보입니다. 노드마다 SNAT 포트를 몇 개 받을까요?',
      },
      accept: ['1024', '1,024'],
      answer: { en: '1024', ko: '1024' },
      wrong: {
        en: 'Zero means automatic: look at the "SNAT ports in numbers" section for pools of up to 50 nodes.',
        ko: '0은 자동이라는 뜻입니다. 본문의 "숫자로 보는 SNAT 포트"에서 노드 50개 이하 풀의 값을 확인하세요.',
      },
      explanation: {
        en: 'With automatic allocation every node gets 1,024 ports for pools of up to 50 nodes (512 for 51 to 100, halving for every node the moment the pool crosses 50), out of 64,000 per outbound IP. 1,024 is the most the automatic share ever gives.',
        ko: '자동 할당에서는 노드 50개 이하 풀이면 노드마다 1,024개(51~100개면 512개. 풀이 50개를 넘는 순간 모든 노드의 몫이 절반이 됩니다)를 받습니다. 아웃바운드 IP 하나의 포트는 64,000개이고, 자동 할당 몫은 1,024개를 넘지 않습니다.',
      },
    },
    {
      id: 'ports-fit',
      kind: 'single',
      prompt: {
        en: 'A cluster has 3 nodes and 1 managed outbound IP. You run az aks update --load-balancer-outbound-ports 32000. What happens?',
        ko: '노드 3개, 관리형 아웃바운드 IP 1개인 클러스터에서 az aks update --load-balancer-outbound-ports 32000을 실행합니다. 어떻게 될까요?',
      },
      choices: [
        {
          id: 'refused',
          correct: true,
          text: {
            en: 'AKS refuses it with InvalidLoadBalancerProfileAllocatedOutboundPorts',
            ko: 'AKS가 InvalidLoadBalancerProfileAllocatedOutboundPorts로 거부한다',
          },
          why: {
            en: 'Right: 3 × 32,000 = 96,000 ports, but one outbound IP has 64,000.',
            ko: '맞습니다. 3 × 32,000 = 96,000개가 필요하지만 아웃바운드 IP 하나에는 64,000개뿐입니다.',
          },
        },
        {
          id: 'capped',
          text: { en: 'AKS caps every node at 21,328 ports and succeeds', ko: 'AKS가 노드마다 21,328개로 줄여서 적용한다' },
          why: {
            en: 'No: AKS does not adjust a fixed number; it refuses the update.',
            ko: '아닙니다. AKS는 지정한 숫자를 알아서 줄이지 않고 업데이트를 거부합니다.',
          },
        },
        {
          id: 'adds-ip',
          text: { en: 'AKS adds a second managed outbound IP to make room', ko: 'AKS가 여유를 만들려고 관리형 아웃바운드 IP를 하나 더 추가한다' },
          why: {
            en: 'No: the IP count changes only when you ask for it (--load-balancer-managed-outbound-ip-count), which you can do in the same update.',
            ko: '아닙니다. IP 수는 직접 요청할 때만(--load-balancer-managed-outbound-ip-count) 바뀝니다. 같은 업데이트에서 함께 요청할 수는 있습니다.',
          },
        },
        {
          id: 'az-rejects',
          text: { en: 'az rejects it before sending: 32000 is not a multiple of 8', ko: 'az가 보내기 전에 거부한다. 32000은 8의 배수가 아니다' },
          why: {
            en: 'No: 32,000 is a multiple of 8 and within 0 to 64,000, so az sends it; AKS does the capacity check.',
            ko: '아닙니다. 32,000은 8의 배수이고 0~64,000 범위 안이라 az는 요청을 보냅니다. 용량 검사는 AKS가 합니다.',
          },
        },
      ],
      explanation: {
        en: 'Nodes × ports per node must fit into 64,000 × outbound IPs. Add outbound IPs (or lower the ports) first, or ask for both in one az aks update.',
        ko: '노드 수 × 노드당 포트는 64,000 × 아웃바운드 IP 수 안에 들어가야 합니다. 아웃바운드 IP를 먼저 늘리거나(또는 포트를 줄이거나), 한 번의 az aks update에서 둘을 함께 요청하세요.',
      },
    },
    {
      id: 'udr',
      kind: 'single',
      prompt: {
        en: 'A cluster uses the outbound type userDefinedRouting and has no public LoadBalancer Service yet. What does its node resource group hold for egress?',
        ko: '아웃바운드 유형이 userDefinedRouting이고 공용 LoadBalancer 서비스가 아직 없는 클러스터입니다. 노드 리소스 그룹에 송신용으로 무엇이 있을까요?',
      },
      choices: [
        {
          id: 'nothing',
          correct: true,
          text: {
            en: 'No outbound IP, no outbound rule, and no load balancer kubernetes',
            ko: '아웃바운드 IP도, 아웃바운드 규칙도, 부하 분산 장치 kubernetes도 없다',
          },
          why: {
            en: 'Right: egress follows your route table to an appliance outside the node resource group; Microsoft’s UDR guide says kubernetes is created with the first public Service.',
            ko: '맞습니다. 송신은 경로 테이블을 따라 노드 리소스 그룹 밖의 어플라이언스로 갑니다. Microsoft의 UDR 가이드에 따르면 kubernetes는 첫 공용 서비스와 함께 생깁니다.',
          },
        },
        {
          id: 'outbound-ip',
          text: { en: 'One managed outbound IP on kubernetes, as with the default type', ko: '기본 유형처럼 kubernetes에 관리형 아웃바운드 IP 하나' },
          why: {
            en: 'No: managed outbound IPs belong to the loadBalancer outbound type only.',
            ko: '아닙니다. 관리형 아웃바운드 IP는 loadBalancer 아웃바운드 유형에만 있습니다.',
          },
        },
        {
          id: 'nat',
          text: { en: 'A NAT gateway with a managed Public IP', ko: '관리형 공용 IP가 붙은 NAT 게이트웨이' },
          why: {
            en: 'No: that is managedNATGateway. With user-defined routing AKS creates no egress resources.',
            ko: '아닙니다. 그것은 managedNATGateway입니다. 사용자 정의 라우팅에서는 AKS가 송신용 리소스를 만들지 않습니다.',
          },
        },
      ],
      explanation: {
        en: 'Only the default outbound type puts egress on the load balancer. With user-defined routing, Microsoft documents that kubernetes exists only while a public Service does; for the NAT gateway types the docs do not say, and the course assumes the same.',
        ko: '송신을 부하 분산 장치에 맡기는 것은 기본 아웃바운드 유형뿐입니다. 사용자 정의 라우팅에서는 공용 서비스가 있는 동안에만 kubernetes가 존재한다고 Microsoft 문서에 나와 있습니다. NAT 게이트웨이 유형은 문서에 언급이 없어, 이 과정은 같다고 가정합니다.',
      },
    },
  ],
};
