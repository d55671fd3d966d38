/**
 * Quiz for lesson 4 ("Many Services"), shared by both languages. Answers follow the lesson text and
 * what the simulator does (domain reference §1.3–§1.6, §2, §6.2 step 4, §6.4).
 */
import type { QuizDef } from '../../src/learn/quiz/types';

export const quiz: QuizDef = {
  questions: [
    {
      id: 'three-services-count',
      kind: 'single',
      prompt: {
        en: 'A default AKS cluster (outbound type loadBalancer) has three public LoadBalancer Services with one port each and no IP sharing. How many Public IPs and load balancers does the node resource group hold?',
        ko: '기본 AKS 클러스터(아웃바운드 유형 loadBalancer)에 포트가 하나씩인 공용 LoadBalancer 서비스가 세 개 있고, IP를 공유하지 않습니다. 노드 리소스 그룹에 공용 IP 주소와 부하 분산 장치는 각각 몇 개일까요?',
      },
      choices: [
        {
          id: 'four-one',
          correct: true,
          text: { en: '4 Public IPs, 1 load balancer', ko: '공용 IP 주소 4개, 부하 분산 장치 1개' },
          why: {
            en: 'Right: one Public IP per Service plus the managed outbound IP, all as frontends of the one load balancer kubernetes.',
            ko: '맞습니다. 서비스마다 공용 IP 주소가 하나씩, 여기에 관리형 아웃바운드 IP가 더해지고, 모두 부하 분산 장치 kubernetes 하나의 프런트 엔드입니다.',
          },
        },
        {
          id: 'three-three',
          text: { en: '3 Public IPs, 3 load balancers', ko: '공용 IP 주소 3개, 부하 분산 장치 3개' },
          why: {
            en: 'No: Services do not get their own load balancer. They add frontends to kubernetes, and the outbound IP makes a fourth Public IP.',
            ko: '아닙니다. 서비스마다 부하 분산 장치가 생기지 않습니다. kubernetes에 프런트 엔드가 추가될 뿐이고, 아웃바운드 IP까지 더하면 공용 IP 주소는 4개입니다.',
          },
        },
        {
          id: 'three-one',
          text: { en: '3 Public IPs, 1 load balancer', ko: '공용 IP 주소 3개, 부하 분산 장치 1개' },
          why: {
            en: 'Close, but you forgot the managed outbound IP that AKS created with the cluster.',
            ko: '거의 맞았지만, AKS가 클러스터와 함께 만든 관리형 아웃바운드 IP를 빠뜨렸습니다.',
          },
        },
        {
          id: 'four-four',
          text: { en: '4 Public IPs, 4 load balancers', ko: '공용 IP 주소 4개, 부하 분산 장치 4개' },
          why: {
            en: 'The Public IPs are right, but there is one public load balancer per cluster: kubernetes.',
            ko: '공용 IP 주소 수는 맞지만, 공용 부하 분산 장치는 클러스터당 하나(kubernetes)뿐입니다.',
          },
        },
      ],
      explanation: {
        en: 'Each public LoadBalancer Service adds a Public IP kubernetes-a… and a frontend IP configuration to the load balancer kubernetes; the GUID-named outbound IP was there from the start.',
        ko: '공용 LoadBalancer 서비스마다 공용 IP 주소 kubernetes-a…와 프런트 엔드 IP 구성이 부하 분산 장치 kubernetes에 하나씩 추가됩니다. GUID 이름의 아웃바운드 IP는 처음부터 있었습니다.',
      },
    },
    {
      id: 'multi-port',
      kind: 'multiple',
      prompt: {
        en: 'web-lb has two ports, 80 and 443, and no other Service shares its IP. What does it add to the load balancer kubernetes? Choose all that apply.',
        ko: 'web-lb에는 포트가 80과 443 두 개 있고, IP를 공유하는 다른 서비스는 없습니다. 이 서비스가 부하 분산 장치 kubernetes에 추가하는 것을 모두 고르세요.',
      },
      choices: [
        {
          id: 'one-frontend',
          correct: true,
          text: { en: 'One frontend IP configuration', ko: '프런트 엔드 IP 구성 1개' },
          why: { en: 'Right: one Service, one address, one frontend.', ko: '맞습니다. 서비스 하나에 주소 하나, 프런트 엔드 하나입니다.' },
        },
        {
          id: 'two-rules',
          correct: true,
          text: { en: 'Two load-balancing rules, …-TCP-80 and …-TCP-443', ko: '부하 분산 규칙 2개(…-TCP-80, …-TCP-443)' },
          why: { en: 'Right: one rule per Service port.', ko: '맞습니다. 서비스 포트마다 규칙이 하나씩 생깁니다.' },
        },
        {
          id: 'two-probes',
          correct: true,
          text: { en: 'Two health probes, each on the node port of one Service port', ko: '상태 프로브 2개(각 서비스 포트의 노드 포트를 검사)' },
          why: {
            en: 'Right: with externalTrafficPolicy Cluster every TCP port gets its own probe on its node port.',
            ko: '맞습니다. externalTrafficPolicy가 Cluster이면 TCP 포트마다 자기 노드 포트를 검사하는 프로브가 생깁니다.',
          },
        },
        {
          id: 'two-frontends',
          text: { en: 'Two frontend IP configurations, one per port', ko: '포트마다 하나씩, 프런트 엔드 IP 구성 2개' },
          why: {
            en: 'No: ports multiply rules and probes, not frontends or addresses.',
            ko: '아닙니다. 포트 수만큼 늘어나는 것은 규칙과 프로브이지, 프런트 엔드나 주소가 아닙니다.',
          },
        },
      ],
      explanation: {
        en: 'A Service gets one Public IP and one frontend; each of its TCP ports gets a rule and a probe named <Service prefix>-<PROTOCOL>-<port>. The prefix comes from the Service’s UID and equals the frontend name for the Service that created the frontend.',
        ko: '서비스 하나는 공용 IP 주소와 프런트 엔드를 하나씩 받고, TCP 포트마다 <서비스 접두사>-<프로토콜>-<포트> 이름의 규칙과 프로브가 생깁니다. 접두사는 서비스의 UID에서 나오며, 프런트 엔드를 만든 서비스라면 프런트 엔드 이름과 같습니다.',
      },
    },
    {
      id: 'share-how',
      kind: 'single',
      prompt: {
        en: 'web-lb has the address 135.237.47.206. How do you make a second Service use that same public IP?',
        ko: 'web-lb의 주소는 135.237.47.206입니다. 두 번째 서비스가 같은 공용 IP를 쓰게 하려면 어떻게 할까요?',
      },
      choices: [
        {
          id: 'annotation',
          correct: true,
          text: {
            en: 'Set service.beta.kubernetes.io/azure-load-balancer-ipv4: 135.237.47.206 on the second Service',
            ko: '두 번째 서비스에 service.beta.kubernetes.io/azure-load-balancer-ipv4: 135.237.47.206을 지정한다',
          },
          why: {
            en: 'Right: the provider finds the Public IP with that address and puts the new rules on the frontend that already uses it.',
            ko: '맞습니다. 클라우드 공급자가 그 주소의 공용 IP 주소를 찾아, 이미 그 주소를 쓰는 프런트 엔드에 새 규칙을 붙입니다.',
          },
        },
        {
          id: 'same-selector',
          text: { en: 'Give it the same selector as web-lb', ko: 'web-lb와 같은 셀렉터를 준다' },
          why: {
            en: 'No: the selector picks pods. web-admin has the same selector and still needs the annotation to share the IP.',
            ko: '아닙니다. 셀렉터는 파드를 고를 뿐입니다. web-admin도 셀렉터는 같지만 IP를 공유하려면 어노테이션이 필요합니다.',
          },
        },
        {
          id: 'external-ips',
          text: { en: 'Put 135.237.47.206 in spec.externalIPs', ko: 'spec.externalIPs에 135.237.47.206을 넣는다' },
          why: {
            en: 'No: externalIPs is a kube-proxy feature; the Azure cloud provider does not configure the load balancer from it.',
            ko: '아닙니다. externalIPs는 kube-proxy의 기능이고, Azure 클라우드 공급자는 이 값으로 부하 분산 장치를 구성하지 않습니다.',
          },
        },
        {
          id: 'same-name',
          text: { en: 'Name the second Service web-lb in another namespace', ko: '다른 네임스페이스에 같은 이름 web-lb로 만든다' },
          why: {
            en: 'No: Azure names come from the Service UID, which is different for every Service.',
            ko: '아닙니다. Azure 리소스 이름은 서비스 UID에서 나오고, UID는 서비스마다 다릅니다.',
          },
        },
      ],
      explanation: {
        en: 'Sharing is asked for by address, with the azure-load-balancer-ipv4 annotation (or the deprecated spec.loadBalancerIP), or by the Public IP’s name with azure-pip-name. The Public IP’s k8s-azure-service tag then lists both Services.',
        ko: '공유는 주소로 요청하거나(azure-load-balancer-ipv4 어노테이션, 또는 더 이상 사용되지 않는 spec.loadBalancerIP) azure-pip-name으로 공용 IP 이름을 지정해 요청합니다. 그러면 공용 IP 주소의 k8s-azure-service 태그에 두 서비스가 함께 기록됩니다.',
      },
    },
    {
      id: 'conflict',
      kind: 'single',
      prompt: {
        en: 'web-canary asks for web-lb’s address and also wants TCP port 80, which web-lb already uses. What happens?',
        ko: 'web-canary가 web-lb의 주소를 요청하면서, web-lb가 이미 쓰는 TCP 포트 80도 원합니다. 어떻게 될까요?',
      },
      choices: [
        {
          id: 'pending-event',
          correct: true,
          text: {
            en: 'web-canary stays <pending> with a SyncLoadBalancerFailed event naming checkLoadBalancerResourcesConflicts',
            ko: 'web-canary가 <pending>에 머물고, checkLoadBalancerResourcesConflicts가 적힌 SyncLoadBalancerFailed 이벤트가 남는다',
          },
          why: {
            en: 'Right: the check runs before the load balancer is written, and the controller keeps retrying until the port or the address changes.',
            ko: '맞습니다. 이 검사는 부하 분산 장치를 쓰기 전에 실행되고, 포트나 주소가 바뀔 때까지 컨트롤러가 계속 재시도합니다.',
          },
        },
        {
          id: 'api-rejects',
          text: { en: 'kubectl apply fails: the API server rejects the Service', ko: 'kubectl apply가 실패한다. API 서버가 서비스를 거부한다' },
          why: {
            en: 'No: the API server knows nothing about Azure frontends and accepts the Service.',
            ko: '아닙니다. API 서버는 Azure 프런트 엔드를 전혀 모르므로 서비스를 받아들입니다.',
          },
        },
        {
          id: 'takes-over',
          text: {
            en: 'web-canary takes port 80 over and web-lb stops answering on it',
            ko: 'web-canary가 포트 80을 가져가고 web-lb는 그 포트로 응답하지 않게 된다',
          },
          why: { en: 'No: the existing rule is left alone; web-lb keeps working.', ko: '아닙니다. 기존 규칙은 그대로이고 web-lb는 계속 동작합니다.' },
        },
        {
          id: 'new-ip',
          text: { en: 'The provider gives web-canary a new Public IP instead', ko: '클라우드 공급자가 대신 web-canary에 새 공용 IP 주소를 준다' },
          why: {
            en: 'No: web-canary asked for one specific address, so the provider does not pick another one.',
            ko: '아닙니다. web-canary는 특정 주소를 요청했으므로 클라우드 공급자가 다른 주소를 고르지 않습니다.',
          },
        },
      ],
      explanation: {
        en: 'On one frontend each protocol and port belongs to one Service. Move the port (a JSON patch, for example) or drop the annotation, and the next sync succeeds.',
        ko: '프런트 엔드 하나에서 프로토콜과 포트 조합은 한 서비스만 가질 수 있습니다. 포트를 옮기거나(예: JSON 패치) 어노테이션을 빼면 다음 동기화가 성공합니다.',
      },
    },
    {
      id: 'owner-deleted',
      kind: 'short',
      prompt: {
        en: 'You delete web-lb while web-admin still shares its IP. Which Warning reason does web-lb’s event list show for the frontend that stays?',
        ko: 'web-admin이 아직 IP를 공유하는 상태에서 web-lb를 삭제했습니다. 남아 있는 프런트 엔드에 대해 web-lb의 이벤트 목록에 어떤 Warning 사유(Reason)가 보일까요?',
      },
      accept: ['DeletingFrontendIPConfiguration'],
      answer: { en: 'DeletingFrontendIPConfiguration', ko: 'DeletingFrontendIPConfiguration' },
      wrong: {
        en: 'Look at kubectl get events --field-selector involvedObject.name=web-lb in the lesson: the Warning between DeletingLoadBalancer and DeletedLoadBalancer.',
        ko: '본문의 kubectl get events --field-selector involvedObject.name=web-lb 출력에서 DeletingLoadBalancer와 DeletedLoadBalancer 사이의 Warning을 보세요.',
      },
      explanation: {
        en: 'isFrontendIPConfigUnsafeToDelete keeps a frontend that other Services’ rules still use; the Public IP stays because web-admin is still in its k8s-azure-service tag.',
        ko: 'isFrontendIPConfigUnsafeToDelete는 다른 서비스의 규칙이 아직 쓰는 프런트 엔드를 지우지 않습니다. 공용 IP 주소도 k8s-azure-service 태그에 web-admin이 남아 있어서 유지됩니다.',
      },
    },
  ],
};
