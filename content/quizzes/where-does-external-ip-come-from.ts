/**
 * Quiz for lesson 1, shared by both languages. The answers and explanations follow the lesson
 * text and the course's domain notes; the Korean uses the Azure portal's Korean terms.
 */
import type { QuizDef } from '../../src/learn/quiz/types';

export const quiz: QuizDef = {
  questions: [
    {
      id: 'who-creates-pip',
      kind: 'single',
      prompt: {
        en: 'You apply a public LoadBalancer Service. Who creates its public IP address in Azure?',
        ko: '공용 LoadBalancer 서비스를 적용했습니다. Azure에 이 서비스의 공용 IP 주소를 만드는 것은 누구일까요?',
      },
      choices: [
        {
          id: 'ccm',
          correct: true,
          text: { en: 'The cloud controller manager (cloud-provider-azure)', ko: '클라우드 컨트롤러 매니저(cloud-provider-azure)' },
          why: {
            en: 'Right. It watches Services, creates the public IP, frontend, rules, probes and NSG rule, then writes the address into the Service’s status.',
            ko: '맞습니다. 서비스를 지켜보다가 공용 IP, 프런트 엔드 IP 구성, 규칙, 프로브, NSG 규칙을 만들고 주소를 서비스의 status에 기록합니다.',
          },
        },
        {
          id: 'kube-proxy',
          text: { en: 'kube-proxy on each node', ko: '각 노드의 kube-proxy' },
          why: {
            en: 'kube-proxy only programs the node to forward Service traffic to pods. It never talks to Azure.',
            ko: 'kube-proxy는 노드에서 서비스 트래픽을 파드로 넘기도록 설정할 뿐, Azure와는 통신하지 않습니다.',
          },
        },
        {
          id: 'aks-create',
          text: { en: 'AKS, when the cluster is created', ko: '클러스터를 만들 때 AKS가' },
          why: {
            en: 'AKS creates only the managed outbound IP up front. A Service’s IP appears when the Service does.',
            ko: 'AKS가 클러스터와 함께 미리 만드는 것은 관리형 아웃바운드 IP뿐입니다. 서비스의 IP는 서비스가 생길 때 만들어집니다.',
          },
        },
        {
          id: 'api-server',
          text: { en: 'The Kubernetes API server', ko: '쿠버네티스 API 서버' },
          why: {
            en: 'The API server stores the Service object; it does not create cloud resources.',
            ko: 'API 서버는 서비스 오브젝트를 저장할 뿐, 클라우드 리소스를 만들지 않습니다.',
          },
        },
      ],
      explanation: {
        en: 'The cloud controller manager is the only component that turns Service objects into Azure resources. Until it has written the address back, kubectl shows <pending>.',
        ko: '서비스 오브젝트를 Azure 리소스로 바꾸는 것은 클라우드 컨트롤러 매니저뿐입니다. 이 컴포넌트가 주소를 기록하기 전까지 kubectl에는 <pending>이 보입니다.',
      },
    },
    {
      id: 'fourth-ip',
      kind: 'multiple',
      prompt: {
        en: 'Three Services, four public IPs. Which statements about the fourth, GUID-named public IP are true? Choose all that apply.',
        ko: '서비스는 셋인데 공용 IP는 넷입니다. GUID 이름이 붙은 네 번째 공용 IP에 대한 설명으로 옳은 것을 모두 고르세요.',
      },
      choices: [
        {
          id: 'tag',
          correct: true,
          text: {
            en: 'It is tagged `aks-managed-type: aks-slb-managed-outbound-ip`.',
            ko: '`aks-managed-type: aks-slb-managed-outbound-ip` 태그가 붙어 있다.',
          },
          why: {
            en: 'Right: that tag marks the managed outbound IP.',
            ko: '맞습니다. 이 태그가 관리형 아웃바운드 IP라는 표시입니다.',
          },
        },
        {
          id: 'outbound-rule',
          correct: true,
          text: { en: '`aksOutboundRule` uses it for the cluster’s egress.', ko: '`aksOutboundRule`이 클러스터의 송신에 이 IP를 쓴다.' },
          why: {
            en: 'Right: outgoing connections from pods and nodes leave from this address.',
            ko: '맞습니다. 파드와 노드에서 나가는 연결은 이 주소로 나갑니다.',
          },
        },
        {
          id: 'leftover',
          text: { en: 'It is left over from a deleted Service and can be removed.', ko: '지워진 서비스가 남긴 찌꺼기이므로 지워도 된다.' },
          why: {
            en: 'No: AKS created it with the cluster, before any Service existed. Removing it would break egress.',
            ko: '아닙니다. 서비스가 생기기 전, 클러스터를 만들 때 AKS가 만든 것입니다. 지우면 송신이 끊깁니다.',
          },
        },
        {
          id: 'ingress',
          text: { en: 'It is the ingress controller’s address.', ko: '수신 컨트롤러의 주소다.' },
          why: {
            en: 'No: the ingress controller is a LoadBalancer Service too, so its IP is one of the three `kubernetes-a…` ones.',
            ko: '아닙니다. 수신 컨트롤러도 LoadBalancer 서비스이므로 그 IP는 `kubernetes-a…` 세 개 중 하나입니다.',
          },
        },
      ],
      explanation: {
        en: 'With the default outbound type `loadBalancer`, AKS gives the load balancer `kubernetes` a managed outbound IP and an outbound rule before any Service exists. Your Services’ IPs handle inbound traffic only.',
        ko: '기본 아웃바운드 유형인 `loadBalancer`에서는 서비스가 없을 때부터 AKS가 부하 분산 장치 `kubernetes`에 관리형 아웃바운드 IP와 아웃바운드 규칙을 붙여 둡니다. 서비스의 IP는 인바운드 트래픽만 처리합니다.',
      },
    },
    {
      id: 'pip-name',
      kind: 'short',
      prompt: {
        en: 'A Service’s UID is `b94d0a6c-3e75-4b12-9f8d-2c61e7a05b34`. What is the name of its public IP in the node resource group?',
        ko: '어떤 서비스의 UID가 `b94d0a6c-3e75-4b12-9f8d-2c61e7a05b34`입니다. 노드 리소스 그룹에 있는 이 서비스의 공용 IP 이름은 무엇일까요?',
      },
      accept: ['kubernetes-ab94d0a6c3e754b129f8d2c61e7a05b3'],
      answer: { en: 'kubernetes-ab94d0a6c3e754b129f8d2c61e7a05b3', ko: 'kubernetes-ab94d0a6c3e754b129f8d2c61e7a05b3' },
      wrong: {
        en: 'Check the three steps: remove the dashes, put `a` in front, keep 32 characters (the UID’s last hex digit is dropped), then prefix `kubernetes-`.',
        ko: '세 단계를 확인해 보세요. 하이픈을 빼고, 앞에 `a`를 붙이고, 32자만 남긴 뒤(UID의 마지막 16진수 한 자리는 버려집니다) 앞에 `kubernetes-`를 붙입니다.',
      },
      explanation: {
        en: 'The name is `kubernetes-a` followed by the first 31 hex digits of the UID. The same `a…` string names the frontend and prefixes the rule and the probe.',
        ko: '이름은 `kubernetes-a` 뒤에 UID의 앞 31자리 16진수를 붙인 것입니다. 같은 `a…` 문자열이 프런트 엔드 IP 구성의 이름이 되고, 규칙과 프로브 이름의 앞부분이 됩니다.',
      },
    },
    {
      id: 'lb-survives',
      kind: 'single',
      prompt: {
        en: 'You delete every LoadBalancer Service in the cluster. Why does the load balancer `kubernetes` stay?',
        ko: '클러스터의 LoadBalancer 서비스를 모두 지웠습니다. 부하 분산 장치 `kubernetes`가 남아 있는 이유는 무엇일까요?',
      },
      choices: [
        {
          id: 'outbound-frontend',
          correct: true,
          text: {
            en: 'Its outbound frontend is still in use by `aksOutboundRule`, and the provider deletes a load balancer only when no frontends are left.',
            ko: '아웃바운드용 프런트 엔드를 `aksOutboundRule`이 여전히 쓰고 있고, 클라우드 공급자는 프런트 엔드가 하나도 남지 않았을 때만 부하 분산 장치를 지운다.',
          },
          why: {
            en: 'Right: the managed outbound IP anchors the load balancer, and egress keeps working.',
            ko: '맞습니다. 관리형 아웃바운드 IP가 부하 분산 장치를 붙잡아 두고, 송신도 계속 동작합니다.',
          },
        },
        {
          id: 'delay',
          text: { en: 'The cloud controller manager deletes it later, after a grace period.', ko: '클라우드 컨트롤러 매니저가 유예 시간이 지난 뒤에 지운다.' },
          why: {
            en: 'There is no grace period: with the default outbound type it is never deleted while the cluster exists.',
            ko: '유예 시간 같은 것은 없습니다. 기본 아웃바운드 유형에서는 클러스터가 있는 동안 지워지지 않습니다.',
          },
        },
        {
          id: 'lock',
          text: { en: 'AKS puts a resource lock on it.', ko: 'AKS가 리소스 잠금을 걸어 둔다.' },
          why: {
            en: 'No lock is involved; it is kept because something still uses it.',
            ko: '잠금과는 관계가 없습니다. 아직 쓰는 것이 있어서 남는 것입니다.',
          },
        },
        {
          id: 'never',
          text: {
            en: 'Load balancers in the node resource group are never deleted, whatever the outbound type.',
            ko: '노드 리소스 그룹의 부하 분산 장치는 아웃바운드 유형과 관계없이 절대 지워지지 않는다.',
          },
          why: {
            en: 'With user-defined routing (documented), and by the same rule with a NAT gateway, nothing anchors `kubernetes`, and it is deleted with the last public Service.',
            ko: '사용자 정의 라우팅에서는(문서에 나온 경우), 그리고 같은 원리로 NAT 게이트웨이에서도 붙잡아 둘 것이 없어, 마지막 공용 서비스와 함께 `kubernetes`도 지워집니다.',
          },
        },
      ],
      explanation: {
        en: 'The outbound frontend, its managed outbound IP and `aksOutboundRule` keep `kubernetes` alive. That is why it survives the last Service with the default outbound type.',
        ko: '아웃바운드용 프런트 엔드와 관리형 아웃바운드 IP, `aksOutboundRule`이 `kubernetes`를 살려 둡니다. 기본 아웃바운드 유형에서 마지막 서비스를 지워도 남는 이유가 이것입니다.',
      },
    },
  ],
};
