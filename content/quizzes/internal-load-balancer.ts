/**
 * Quiz for lesson 7 ("Private on purpose"), shared by both languages. The answers follow the
 * lesson text and what the lab's simulator does; the Korean uses the Azure portal's Korean terms.
 */
import type { QuizDef } from '../../src/learn/quiz/types';

export const quiz: QuizDef = {
  questions: [
    {
      id: 'what-gets-created',
      kind: 'multiple',
      prompt: {
        en: 'You apply the first Service in the cluster with `azure-load-balancer-internal: "true"`. What appears in the node resource group? Choose all that apply.',
        ko: '클러스터에서 처음으로 `azure-load-balancer-internal: "true"`가 붙은 서비스를 적용했습니다. 노드 리소스 그룹에 무엇이 생길까요? 모두 고르세요.',
      },
      choices: [
        {
          id: 'lb',
          correct: true,
          text: { en: 'The load balancer `kubernetes-internal`', ko: '부하 분산 장치 `kubernetes-internal`' },
          why: {
            en: 'Right: internal Services live on their own load balancer, created with the first one.',
            ko: '맞습니다. 내부 서비스는 전용 부하 분산 장치에 올라가며, 첫 번째 내부 서비스와 함께 만들어집니다.',
          },
        },
        {
          id: 'frontend',
          correct: true,
          text: { en: 'A frontend with a private address from a subnet', ko: '서브넷에서 받은 개인 주소를 가진 프런트 엔드' },
          why: { en: 'Right: by default a dynamic address from the node subnet.', ko: '맞습니다. 기본값은 노드 서브넷에서 동적으로 받은 주소입니다.' },
        },
        {
          id: 'pip',
          text: { en: 'A Public IP `kubernetes-a…`', ko: '공용 IP `kubernetes-a…`' },
          why: { en: 'No: an internal Service gets no Public IP at all.', ko: '아닙니다. 내부 서비스에는 공용 IP가 전혀 생기지 않습니다.' },
        },
        {
          id: 'nsg',
          text: { en: 'An NSG allow rule for the address', ko: '그 주소에 대한 NSG 허용 규칙' },
          why: {
            en: 'No: without source ranges the provider adds none; the default rule `AllowVnetInBound` already lets the virtual network in.',
            ko: '아닙니다. 원본 범위를 지정하지 않으면 클라우드 공급자는 규칙을 추가하지 않습니다. 기본 규칙 `AllowVnetInBound`가 이미 가상 네트워크의 트래픽을 허용합니다.',
          },
        },
      ],
      explanation: {
        en: 'The rule and probe are built as for a public Service, on `kubernetes-internal`. What is missing is everything that faces the Internet: the Public IP and the Internet allow rule.',
        ko: '규칙과 프로브는 공용 서비스와 똑같이 `kubernetes-internal`에 만들어집니다. 빠지는 것은 인터넷을 향한 부분, 곧 공용 IP와 인터넷 허용 규칙입니다.',
      },
    },
    {
      id: 'value-true',
      kind: 'single',
      prompt: {
        en: 'A colleague wrote `service.beta.kubernetes.io/azure-load-balancer-internal: "True"`. What happens?',
        ko: '동료가 `service.beta.kubernetes.io/azure-load-balancer-internal: "True"`라고 썼습니다. 어떻게 될까요?',
      },
      choices: [
        {
          id: 'public',
          correct: true,
          text: { en: 'The Service is public: it gets a Public IP on `kubernetes`.', ko: '서비스가 공용이 된다. `kubernetes`에서 공용 IP를 받는다.' },
          why: {
            en: 'Right: the provider compares this annotation with exactly `true`; `True` is not internal.',
            ko: '맞습니다. 클라우드 공급자는 이 어노테이션을 정확히 `true`와 비교하므로, `True`는 내부로 취급되지 않습니다.',
          },
        },
        {
          id: 'internal',
          text: { en: 'The Service is internal: booleans are case-insensitive.', ko: '서비스가 내부가 된다. 불리언은 대소문자를 구분하지 않는다.' },
          why: {
            en: 'Most of the provider’s boolean annotations are compared case-insensitively, but this one is the exception.',
            ko: '클라우드 공급자의 불리언 어노테이션은 대부분 대소문자를 가리지 않지만, 이 어노테이션은 예외입니다.',
          },
        },
        {
          id: 'rejected',
          text: { en: 'The API server rejects the Service.', ko: 'API 서버가 서비스를 거부한다.' },
          why: {
            en: 'No: the API server stores any string in an annotation; only the cloud provider reads it.',
            ko: '아닙니다. API 서버는 어노테이션에 어떤 문자열이든 저장합니다. 이 값을 읽는 것은 클라우드 공급자뿐입니다.',
          },
        },
      ],
      explanation: {
        en: 'Check the value when a Service that should be private shows a public address: it must be the string `"true"`, lower case, in quotes.',
        ko: '비공개여야 할 서비스에 공용 주소가 보이면 값을 확인하세요. 따옴표로 감싼 소문자 문자열 `"true"`여야 합니다.',
      },
    },
    {
      id: 'pod-path',
      kind: 'single',
      prompt: {
        en: 'A pod in the cluster curls the internal Service’s address `10.224.0.7` and gets the page. Which component sent its packet to the nginx pod?',
        ko: '클러스터의 파드가 내부 서비스 주소 `10.224.0.7`로 curl을 보내 페이지를 받았습니다. 패킷을 nginx 파드로 보낸 것은 무엇일까요?',
      },
      choices: [
        {
          id: 'kube-proxy',
          correct: true,
          text: { en: 'kube-proxy’s rules on the calling pod’s node', ko: '요청한 파드가 있는 노드의 kube-proxy 규칙' },
          why: {
            en: 'Right: kube-proxy knows every Service’s load balancer address and handles it on the node.',
            ko: '맞습니다. kube-proxy는 모든 서비스의 부하 분산 장치 주소를 알고 있어서 노드 안에서 처리합니다.',
          },
        },
        {
          id: 'ilb',
          text: { en: 'The load balancer `kubernetes-internal`', ko: '부하 분산 장치 `kubernetes-internal`' },
          why: {
            en: 'Not for a pod: `kubernetes-internal` serves callers elsewhere in the network, such as virtual machines or on-premises systems.',
            ko: '파드의 경우는 아닙니다. `kubernetes-internal`은 가상 머신이나 온프레미스 시스템처럼 네트워크의 다른 곳에서 오는 요청을 처리합니다.',
          },
        },
        {
          id: 'public-lb',
          text: { en: 'The load balancer `kubernetes`', ko: '부하 분산 장치 `kubernetes`' },
          why: {
            en: 'No: `kubernetes` holds public frontends and the outbound rule, not this private address.',
            ko: '아닙니다. `kubernetes`에는 공용 프런트 엔드와 아웃바운드 규칙이 있을 뿐, 이 개인 주소는 없습니다.',
          },
        },
      ],
      explanation: {
        en: 'The lab’s `curl --trace` shows it: from a pod, the first hop is kube-proxy on its node. From the Internet, the private address is simply not routable.',
        ko: '실습의 `curl --trace`로 확인할 수 있습니다. 파드에서 보내면 첫 단계가 그 노드의 kube-proxy이고, 인터넷에서는 개인 주소로 가는 경로 자체가 없습니다.',
      },
    },
    {
      id: 'static-outside',
      kind: 'single',
      prompt: {
        en: 'An internal Service in subnet `ilb-subnet` (10.225.0.0/24) asks for `azure-load-balancer-ipv4: 10.225.1.25`. What do you see?',
        ko: '서브넷 `ilb-subnet`(10.225.0.0/24)의 내부 서비스가 `azure-load-balancer-ipv4: 10.225.1.25`를 요청했습니다. 무엇을 보게 될까요?',
      },
      choices: [
        {
          id: 'not-in-subnet',
          correct: true,
          text: {
            en: 'A `SyncLoadBalancerFailed` event with `PrivateIPAddressNotInSubnet`, retried until the address is fixed',
            ko: '`PrivateIPAddressNotInSubnet`이 담긴 `SyncLoadBalancerFailed` 이벤트가 나오고, 주소를 고칠 때까지 재시도된다',
          },
          why: {
            en: 'Right: Azure refuses a static private address outside the frontend’s subnet.',
            ko: '맞습니다. Azure는 프런트 엔드 서브넷 밖의 고정 개인 주소를 거부합니다.',
          },
        },
        {
          id: 'dynamic',
          text: { en: 'Azure quietly picks a dynamic address in the subnet instead', ko: 'Azure가 조용히 서브넷 안의 동적 주소를 대신 준다' },
          why: {
            en: 'No: a requested address is either granted or refused, never replaced.',
            ko: '아닙니다. 요청한 주소는 받아들여지거나 거부될 뿐, 다른 주소로 바뀌지 않습니다.',
          },
        },
        {
          id: 'public',
          text: { en: 'The Service falls back to a Public IP', ko: '서비스가 공용 IP로 대체된다' },
          why: { en: 'No: an internal Service never gets a Public IP.', ko: '아닙니다. 내부 서비스는 절대 공용 IP를 받지 않습니다.' },
        },
      ],
      explanation: {
        en: 'The static address must be free and inside the subnet named by `azure-load-balancer-internal-subnet` (or the node subnet without it). Until then, the Service keeps its previous address or stays `<pending>`.',
        ko: '고정 주소는 `azure-load-balancer-internal-subnet`으로 지정한 서브넷(지정하지 않으면 노드 서브넷) 안의 비어 있는 주소여야 합니다. 그 전까지 서비스는 이전 주소를 유지하거나 `<pending>`으로 남습니다.',
      },
    },
  ],
};
