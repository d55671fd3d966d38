/**
 * Quiz for lesson 3, shared by both languages. Answers follow the lesson text (what the simulator's
 * cloud provider creates for one public LoadBalancer Service) and the course's domain notes.
 */
import type { QuizDef } from '../../src/learn/quiz/types';

export const quiz: QuizDef = {
  questions: [
    {
      id: 'write-order',
      kind: 'single',
      prompt: {
        en: 'In which order does the cloud provider write to Azure for a new public LoadBalancer Service?',
        ko: '새 공용 LoadBalancer 서비스를 위해 클라우드 공급자가 Azure에 쓰는 순서는 무엇일까요?',
      },
      choices: [
        {
          id: 'pip-lb-nsg',
          correct: true,
          text: { en: 'Public IP → load balancer → network security group', ko: '공용 IP → 부하 분산 장치 → 네트워크 보안 그룹' },
          why: {
            en: 'Right: the frontend needs an existing public IP, and the NSG rule needs the address; the status is written after all three.',
            ko: '맞습니다. 프런트 엔드는 이미 있는 공용 IP를 가리켜야 하고, NSG 규칙에는 주소가 필요합니다. status는 세 작업이 모두 끝난 뒤에 기록됩니다.',
          },
        },
        {
          id: 'lb-pip-nsg',
          text: { en: 'Load balancer → public IP → network security group', ko: '부하 분산 장치 → 공용 IP → 네트워크 보안 그룹' },
          why: {
            en: 'No: the frontend on the load balancer refers to the public IP, so the public IP must exist first.',
            ko: '아닙니다. 부하 분산 장치의 프런트 엔드가 공용 IP를 참조하므로 공용 IP가 먼저 있어야 합니다.',
          },
        },
        {
          id: 'nsg-first',
          text: { en: 'Network security group → public IP → load balancer', ko: '네트워크 보안 그룹 → 공용 IP → 부하 분산 장치' },
          why: {
            en: 'No: the NSG rule allows traffic to the Service’s address, which is not known before the public IP exists.',
            ko: '아닙니다. NSG 규칙은 서비스의 주소로 오는 트래픽을 허용하는데, 그 주소는 공용 IP가 생기기 전에는 알 수 없습니다.',
          },
        },
        {
          id: 'status-first',
          text: { en: 'Service status first, then the three Azure writes', ko: '서비스 status를 먼저 쓰고, 그다음에 Azure 쓰기 세 개' },
          why: {
            en: 'No: the status gets the address only after the Azure side is done; that is why you see <pending> meanwhile.',
            ko: '아닙니다. Azure 쪽 작업이 끝난 뒤에야 status에 주소가 들어갑니다. 그동안 <pending>이 보이는 이유입니다.',
          },
        },
      ],
      explanation: {
        en: 'The activity log shows it: publicIPAddresses/write, then loadBalancers/write, then networkSecurityGroups/write, each Started and Succeeded, framed by EnsuringLoadBalancer and EnsuredLoadBalancer.',
        ko: '활동 로그에 그대로 나옵니다. publicIPAddresses/write, loadBalancers/write, networkSecurityGroups/write가 차례로 Started와 Succeeded를 남기고, 그 앞뒤를 EnsuringLoadBalancer와 EnsuredLoadBalancer가 감쌉니다.',
      },
    },
    {
      id: 'pip-name',
      kind: 'short',
      prompt: {
        en: 'A Service has the UID `257b9655-5137-4ad2-b091-ef3f07043ad3`. What is the name of the public IP the cloud provider creates for it on AKS?',
        ko: '어느 서비스의 UID가 `257b9655-5137-4ad2-b091-ef3f07043ad3`입니다. AKS에서 클라우드 공급자가 이 서비스를 위해 만드는 공용 IP의 이름은 무엇일까요?',
      },
      accept: ['kubernetes-a257b965551374ad2b091ef3f07043ad'],
      wrong: {
        en: 'Remove the dashes, put `a` in front, keep 32 characters (the last hex digit is dropped), then put `kubernetes-` in front.',
        ko: '하이픈을 지우고 앞에 `a`를 붙여 32자만 남긴 다음(마지막 16진수 한 자리는 잘림), 그 앞에 `kubernetes-`를 붙이세요.',
      },
      explanation: {
        en: 'The same `a257b965…` string names the frontend and prefixes the rule and the probe, e.g. `a257b965551374ad2b091ef3f07043ad-TCP-80`.',
        ko: '같은 `a257b965…` 문자열이 프런트 엔드의 이름이 되고, 규칙과 프로브 이름의 앞부분이 됩니다. 예: `a257b965551374ad2b091ef3f07043ad-TCP-80`.',
      },
    },
    {
      id: 'rule-settings',
      kind: 'multiple',
      prompt: {
        en: 'Which statements about the load-balancing rule the cloud provider writes for `web` (port 80, node port 31347) are true? Choose all that apply.',
        ko: '클라우드 공급자가 `web`(포트 80, 노드 포트 31347)에 대해 만드는 부하 분산 규칙에 대한 설명으로 옳은 것을 모두 고르세요.',
      },
      choices: [
        {
          id: 'floating',
          correct: true,
          text: { en: 'Floating IP is on, so the back-end port is 80', ko: '부동 IP가 켜져 있어서 백 엔드 포트가 80이다' },
          why: {
            en: 'Right: the packet keeps the Service IP and port as its destination, and kube-proxy matches them on the node.',
            ko: '맞습니다. 패킷의 목적지가 서비스 IP와 포트 그대로 유지되고, 노드의 kube-proxy가 이를 보고 서비스를 찾습니다.',
          },
        },
        {
          id: 'no-snat',
          correct: true,
          text: { en: 'Outbound SNAT is disabled on it', ko: '이 규칙에는 아웃바운드 SNAT이 꺼져 있다' },
          why: {
            en: 'Right: new outgoing connections keep using `aksOutboundRule` and the managed outbound IP.',
            ko: '맞습니다. 새로 나가는 연결은 계속 `aksOutboundRule`과 관리형 아웃바운드 IP를 씁니다.',
          },
        },
        {
          id: 'idle-4',
          correct: true,
          text: { en: 'Its idle timeout is 4 minutes unless an annotation changes it', ko: '어노테이션으로 바꾸지 않으면 유휴 시간 제한은 4분이다' },
          why: {
            en: 'Right: `service.beta.kubernetes.io/azure-load-balancer-tcp-idle-timeout` changes it.',
            ko: '맞습니다. `service.beta.kubernetes.io/azure-load-balancer-tcp-idle-timeout`으로 바꿀 수 있습니다.',
          },
        },
        {
          id: 'backend-nodeport',
          text: { en: 'It forwards to port 31347 on the nodes', ko: '노드의 31347 포트로 전달한다' },
          why: {
            en: 'No: 31347 is where the health probe connects. The rule itself forwards port 80 to port 80 (floating IP).',
            ko: '아닙니다. 31347은 상태 프로브가 연결하는 포트입니다. 규칙 자체는 80을 80으로 보냅니다(부동 IP).',
          },
        },
        {
          id: 'outbound-pool',
          text: { en: 'It sends traffic to `aksOutboundBackendPool`', ko: '`aksOutboundBackendPool`로 트래픽을 보낸다' },
          why: {
            en: 'No: Service rules use the pool `kubernetes`; `aksOutboundBackendPool` is only for the outbound rule.',
            ko: '아닙니다. 서비스 규칙은 `kubernetes` 풀을 씁니다. `aksOutboundBackendPool`은 아웃바운드 규칙 전용입니다.',
          },
        },
      ],
      explanation: {
        en: 'Rule: frontend `a…`, port 80 → 80 with floating IP, pool `kubernetes`, probe `a…-TCP-80` (TCP on the node port), idle timeout 4, TCP reset on, outbound SNAT off.',
        ko: '규칙 정리: 프런트 엔드 `a…`, 부동 IP로 80 → 80, 풀 `kubernetes`, 프로브 `a…-TCP-80`(노드 포트로 TCP), 유휴 시간 제한 4, TCP 재설정 사용, 아웃바운드 SNAT 끔.',
      },
    },
    {
      id: 'nsg-rule-shared',
      kind: 'single',
      prompt: {
        en: 'A second Service also allows TCP port 80 from the Internet. What happens in the NSG on a Kubernetes 1.33 cluster?',
        ko: '두 번째 서비스도 인터넷에서 TCP 80 포트를 허용합니다. Kubernetes 1.33 클러스터의 NSG에서는 어떤 일이 일어날까요?',
      },
      choices: [
        {
          id: 'joins',
          correct: true,
          text: { en: 'Its IP is added to the existing `k8s-azure-lb_allow_IPv4_…` rule', ko: '기존 `k8s-azure-lb_allow_IPv4_…` 규칙에 그 IP가 추가된다' },
          why: {
            en: 'Right: the rule’s name is a hash of protocol, sources and ports, so both Services share it.',
            ko: '맞습니다. 규칙 이름이 프로토콜, 원본, 포트의 해시이므로 두 서비스가 같은 규칙을 씁니다.',
          },
        },
        {
          id: 'new-rule-501',
          text: { en: 'A new rule named after its UID is added at priority 501', ko: 'UID로 이름 붙인 새 규칙이 우선순위 501로 추가된다' },
          why: {
            en: 'That was the naming of clusters on 1.28 and earlier. Since 1.29 the rule names contain no UID.',
            ko: '1.28 이하 클러스터의 방식입니다. 1.29부터는 규칙 이름에 UID가 들어가지 않습니다.',
          },
        },
        {
          id: 'nothing',
          text: { en: 'Nothing: the first rule already allows port 80 to every address', ko: '아무 일도 없다. 첫 규칙이 이미 모든 주소의 80 포트를 허용한다' },
          why: {
            en: 'No: the rule lists its destination addresses; without the second IP in it, that Service stays unreachable.',
            ko: '아닙니다. 규칙에는 대상 주소가 적혀 있어서, 두 번째 IP가 들어가지 않으면 그 서비스는 닿지 않습니다.',
          },
        },
      ],
      explanation: {
        en: 'A Service with a different protocol, source or port set gets its own rule, at the lowest free priority from 500.',
        ko: '프로토콜, 원본, 포트 조합이 다른 서비스는 자기 규칙을 받고, 우선순위는 500부터 비어 있는 가장 낮은 번호를 씁니다.',
      },
    },
  ],
};
