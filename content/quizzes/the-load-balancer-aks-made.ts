/**
 * Quiz for lesson 2, shared by both languages. Answers follow the lesson text (a fresh cluster's
 * load balancer `kubernetes` as the simulator builds it) and the course's domain notes.
 */
import type { QuizDef } from '../../src/learn/quiz/types';

export const quiz: QuizDef = {
  questions: [
    {
      id: 'fresh-lb-contents',
      kind: 'multiple',
      prompt: {
        en: 'A cluster was just created with the default outbound type and has no LoadBalancer Service yet. What does its load balancer `kubernetes` have? Choose all that apply.',
        ko: '기본 아웃바운드 유형으로 방금 만든 클러스터에 LoadBalancer 서비스는 아직 없습니다. 부하 분산 장치 `kubernetes`에 있는 것을 모두 고르세요.',
      },
      choices: [
        {
          id: 'outbound-rule',
          correct: true,
          text: { en: 'The outbound rule `aksOutboundRule`', ko: '아웃바운드 규칙 `aksOutboundRule`' },
          why: { en: 'Right: AKS creates it with the cluster, for egress.', ko: '맞습니다. AKS가 송신을 위해 클러스터와 함께 만듭니다.' },
        },
        {
          id: 'two-pools',
          correct: true,
          text: { en: 'Two backend pools, `kubernetes` and `aksOutboundBackendPool`', ko: '백 엔드 풀 두 개, `kubernetes`와 `aksOutboundBackendPool`' },
          why: { en: 'Right: both exist from the start and hold the same nodes.', ko: '맞습니다. 둘 다 처음부터 있고 같은 노드를 담고 있습니다.' },
        },
        {
          id: 'guid-frontend',
          correct: true,
          text: { en: 'One frontend IP configuration named with a GUID', ko: 'GUID 이름의 프런트 엔드 IP 구성 하나' },
          why: {
            en: 'Right: it carries the managed outbound public IP and has the same GUID as its name.',
            ko: '맞습니다. 관리형 아웃바운드 공용 IP가 연결되어 있고, 그 공용 IP와 같은 GUID를 이름으로 씁니다.',
          },
        },
        {
          id: 'probe',
          text: { en: 'A health probe for the nodes', ko: '노드용 상태 프로브' },
          why: {
            en: 'No: `az network lb probe list` returns `[]`. Probes come with the Services’ rules.',
            ko: '아닙니다. `az network lb probe list`는 `[]`를 돌려줍니다. 프로브는 서비스의 규칙과 함께 만들어집니다.',
          },
        },
        {
          id: 'lb-rule',
          text: { en: 'A load-balancing rule for port 80', ko: '80 포트용 부하 분산 규칙' },
          why: {
            en: 'No: there are no load-balancing rules until a LoadBalancer Service asks for one.',
            ko: '아닙니다. LoadBalancer 서비스가 요청하기 전에는 부하 분산 규칙이 하나도 없습니다.',
          },
        },
      ],
      explanation: {
        en: 'The fresh load balancer is complete on the outbound side (frontend, pool, outbound rule) and empty on the inbound side. Every rule and probe comes later from the cloud provider, per Service.',
        ko: '갓 만든 부하 분산 장치는 아웃바운드 쪽(프런트 엔드, 풀, 아웃바운드 규칙)만 갖춰져 있고 인바운드 쪽은 비어 있습니다. 규칙과 프로브는 나중에 서비스마다 클라우드 공급자가 만듭니다.',
      },
    },
    {
      id: 'allocated-ports-zero',
      kind: 'single',
      prompt: {
        en: '`aksOutboundRule` shows `AllocatedOutboundPorts 0`. What does that mean?',
        ko: '`aksOutboundRule`에 `AllocatedOutboundPorts 0`이 보입니다. 무슨 뜻일까요?',
      },
      choices: [
        {
          id: 'automatic',
          correct: true,
          text: { en: 'SNAT ports per node are chosen automatically from the pool size', ko: '노드당 SNAT 포트 수를 풀 크기에 따라 자동으로 정한다' },
          why: {
            en: 'Right: with 0, Azure uses its default allocation, 1,024 ports per node for up to 50 nodes.',
            ko: '맞습니다. 0이면 Azure의 기본 할당을 씁니다. 노드 50개까지는 노드당 1,024개입니다.',
          },
        },
        {
          id: 'no-egress',
          text: { en: 'The nodes cannot open outbound connections', ko: '노드가 밖으로 연결을 열 수 없다' },
          why: { en: 'No: egress works; 0 is the automatic setting, not a block.', ko: '아닙니다. 송신은 동작합니다. 0은 자동 설정이지 차단이 아닙니다.' },
        },
        {
          id: 'unlimited',
          text: { en: 'Each node may use every one of the IP’s 64,000 ports', ko: '노드마다 IP의 64,000개 포트를 모두 쓸 수 있다' },
          why: { en: 'No: the ports of an outbound IP are shared out between the nodes.', ko: '아닙니다. 아웃바운드 IP의 포트는 노드들이 나눠 씁니다.' },
        },
      ],
      explanation: {
        en: 'You change the number through the cluster (`az aks update --load-balancer-outbound-ports`), not on the load balancer: AKS owns the rule.',
        ko: '이 값은 부하 분산 장치가 아니라 클러스터에서 바꿉니다(`az aks update --load-balancer-outbound-ports`). 이 규칙의 주인은 AKS입니다.',
      },
    },
    {
      id: 'pools-after-scale',
      kind: 'single',
      prompt: {
        en: 'You scale the node pool from 3 to 4 nodes on a cluster without LoadBalancer Services. Which backend pools of `kubernetes` have 4 members right afterwards?',
        ko: 'LoadBalancer 서비스가 없는 클러스터에서 노드 풀을 3개에서 4개로 늘렸습니다. 바로 뒤에 멤버가 4개인 `kubernetes`의 백 엔드 풀은 어느 것일까요?',
      },
      choices: [
        {
          id: 'both',
          correct: true,
          text: { en: 'Both, `kubernetes` and `aksOutboundBackendPool`', ko: '둘 다, `kubernetes`와 `aksOutboundBackendPool`' },
          why: {
            en: 'Right: the scale set’s network profile names both pools, so every new instance is created in both.',
            ko: '맞습니다. 확장 집합의 네트워크 프로필이 두 풀을 모두 지정하므로, 새 인스턴스는 만들어질 때부터 두 풀에 들어갑니다.',
          },
        },
        {
          id: 'outbound-only',
          text: { en: 'Only `aksOutboundBackendPool`', ko: '`aksOutboundBackendPool`만' },
          why: {
            en: 'No: membership is not handed out pool by pool. It lives on the instance’s IP configuration, which references both pools.',
            ko: '아닙니다. 멤버십은 풀마다 따로 나눠 주는 것이 아니라 인스턴스의 IP 구성에 있고, 그 IP 구성이 두 풀을 모두 참조합니다.',
          },
        },
        {
          id: 'kubernetes-only',
          text: { en: 'Only `kubernetes`', ko: '`kubernetes`만' },
          why: {
            en: 'No: a new node must have egress at once, so it is in the outbound pool from the start too.',
            ko: '아닙니다. 새 노드는 바로 밖으로 나갈 수 있어야 하므로 처음부터 아웃바운드 풀에도 들어 있습니다.',
          },
        },
        {
          id: 'neither',
          text: { en: 'Neither: pools only change when you edit them', ko: '둘 다 아니다. 풀은 직접 고쳐야만 바뀐다' },
          why: {
            en: 'No: you never edit these pools by hand; they follow the scale set.',
            ko: '아닙니다. 이 풀들은 직접 고치지 않습니다. 확장 집합을 따라 바뀝니다.',
          },
        },
      ],
      explanation: {
        en: 'With the default `nodeIPConfiguration` pools, membership lives on each instance’s IP configuration and the scale set names both pools: a new node is in both at once. The owners still differ: AKS keeps the outbound pool and rule, the cloud provider keeps `kubernetes` for the Services’ rules.',
        ko: '기본 `nodeIPConfiguration` 풀에서는 멤버십이 각 인스턴스의 IP 구성에 있고 확장 집합이 두 풀을 모두 지정하므로, 새 노드는 곧바로 두 풀에 들어갑니다. 주인은 여전히 다릅니다. 아웃바운드 풀과 규칙은 AKS가, `kubernetes` 풀은 서비스 규칙을 위해 클라우드 공급자가 관리합니다.',
      },
    },
    {
      id: 'frontend-name',
      kind: 'short',
      prompt: {
        en: 'The outbound public IP of a cluster is named `37bb5577-705d-49b5-8443-790cc834f025`. What is the name of the frontend IP configuration that uses it?',
        ko: '어느 클러스터의 아웃바운드 공용 IP 이름이 `37bb5577-705d-49b5-8443-790cc834f025`입니다. 이 IP를 쓰는 프런트 엔드 IP 구성의 이름은 무엇일까요?',
      },
      accept: ['37bb5577-705d-49b5-8443-790cc834f025'],
      wrong: {
        en: 'AKS names the outbound frontend after the public IP it points to.',
        ko: 'AKS는 아웃바운드 프런트 엔드에 그 프런트 엔드가 가리키는 공용 IP의 이름을 그대로 붙입니다.',
      },
      explanation: {
        en: 'Frontend and public IP share the GUID, and each points at the other: the frontend’s `publicIPAddress` and the public IP’s `ipConfiguration`.',
        ko: '프런트 엔드와 공용 IP는 같은 GUID를 쓰고, 서로를 가리킵니다. 프런트 엔드의 `publicIPAddress`와 공용 IP의 `ipConfiguration`입니다.',
      },
    },
  ],
};
