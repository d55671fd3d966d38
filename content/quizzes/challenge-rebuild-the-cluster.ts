/**
 * Quiz for the challenge (lesson 11), shared by both languages: predict what Azure shows for the
 * ticket's YAML. Every answer is what the lab's simulator builds in the worked solution.
 */
import type { QuizDef } from '../../src/learn/quiz/types';

export const quiz: QuizDef = {
  questions: [
    {
      id: 'redis-resources',
      kind: 'multiple',
      prompt: {
        en: 'You apply `redis-lb` with `azure-pip-name: qa-redis-ip` (a Public IP you created in `myResourceGroup`, with the role assignment in place) and `loadBalancerSourceRanges: [198.51.100.0/24]`. What does the cloud provider add in the node resource group? Choose all that apply.',
        ko: '`azure-pip-name: qa-redis-ip`(`myResourceGroup`에 직접 만든 공용 IP 주소, 역할 할당도 마친 상태)와 `loadBalancerSourceRanges: [198.51.100.0/24]`를 지정한 `redis-lb`를 적용했습니다. 클라우드 공급자가 노드 리소스 그룹에 더하는 것을 모두 고르세요.',
      },
      choices: [
        {
          id: 'frontend',
          correct: true,
          text: {
            en: 'A frontend IP configuration on `kubernetes` that points at `qa-redis-ip`',
            ko: '`qa-redis-ip`를 가리키는 `kubernetes`의 프런트 엔드 IP 구성',
          },
          why: {
            en: 'Right: the frontend is the provider’s, even though the Public IP is yours.',
            ko: '맞습니다. 공용 IP 주소는 사용자의 것이어도 프런트 엔드는 클라우드 공급자가 만듭니다.',
          },
        },
        {
          id: 'rule-probe',
          correct: true,
          text: { en: 'A load-balancing rule and a health probe for port 6379', ko: '6379 포트의 부하 분산 규칙과 상태 프로브' },
          why: {
            en: 'Right: one rule and one probe per TCP Service port, named `<Service prefix>-TCP-6379` after the Service’s own UID (`a` + 31 hex), whichever Public IP the frontend uses.',
            ko: '맞습니다. TCP 서비스 포트마다 규칙과 프로브가 하나씩 생기고, 이름은 프런트 엔드가 어느 공용 IP를 쓰든 서비스 자신의 UID에서 온 접두사(`a` + 16진수 31자리)를 딴 `<서비스 접두사>-TCP-6379`입니다.',
          },
        },
        {
          id: 'nsg-office',
          correct: true,
          text: {
            en: 'An NSG allow rule from `198.51.100.0/24` to the Redis address on port 6379',
            ko: '`198.51.100.0/24`에서 Redis 주소의 6379 포트로 가는 NSG 허용 규칙',
          },
          why: {
            en: 'Right: the source ranges become the rule’s source instead of `Internet`.',
            ko: '맞습니다. 원본 범위가 `Internet` 대신 규칙의 원본이 됩니다.',
          },
        },
        {
          id: 'new-pip',
          text: { en: 'A new Public IP `kubernetes-a…` for the Service', ko: '서비스용 새 공용 IP 주소 `kubernetes-a…`' },
          why: {
            en: 'No: `azure-pip-name` makes the provider use the existing Public IP instead of creating one.',
            ko: '아닙니다. `azure-pip-name`이 있으면 클라우드 공급자는 새로 만들지 않고 기존 공용 IP 주소를 씁니다.',
          },
        },
        {
          id: 'nsg-internet',
          text: { en: 'An NSG allow rule from `Internet` to the Redis address', ko: '`Internet`에서 Redis 주소로 가는 NSG 허용 규칙' },
          why: {
            en: 'No: with source ranges, only those ranges are allowed. That is why curl from the lab terminal times out.',
            ko: '아닙니다. 원본 범위가 있으면 그 범위만 허용됩니다. 그래서 실습 터미널의 curl이 시간 초과로 끝납니다.',
          },
        },
      ],
      explanation: {
        en: 'Frontend, rule, probe and NSG rule are always the provider’s work. Only the Public IP changes hands: with `azure-pip-name` it is yours, and it stays when the Service goes.',
        ko: '프런트 엔드, 규칙, 프로브, NSG 규칙은 언제나 클라우드 공급자가 만듭니다. 주인이 바뀌는 것은 공용 IP 주소뿐입니다. `azure-pip-name`을 쓰면 사용자의 것이 되고, 서비스가 사라져도 남습니다.',
      },
    },
    {
      id: 'mysql-frontend',
      kind: 'single',
      prompt: {
        en: '`mysql-ilb` has `azure-load-balancer-internal: "true"` and `azure-load-balancer-ipv4: 10.224.0.100`. Where does its frontend go?',
        ko: '`mysql-ilb`에는 `azure-load-balancer-internal: "true"`와 `azure-load-balancer-ipv4: 10.224.0.100`이 있습니다. 프런트 엔드는 어디에 생길까요?',
      },
      choices: [
        {
          id: 'internal-static',
          correct: true,
          text: {
            en: 'On `kubernetes-internal`, with the Static private IP 10.224.0.100 in `aks-subnet`, and no Public IP',
            ko: '`kubernetes-internal`에, `aks-subnet`의 Static 개인 IP 10.224.0.100으로, 공용 IP 주소 없이',
          },
          why: {
            en: 'Right: internal Services get their own load balancer, and a requested address makes the frontend Static.',
            ko: '맞습니다. 내부 서비스는 따로 부하 분산 장치를 쓰고, 주소를 요청하면 프런트 엔드가 Static이 됩니다.',
          },
        },
        {
          id: 'kubernetes-private',
          text: { en: 'On `kubernetes`, next to the public frontends', ko: '공용 프런트 엔드들 옆, `kubernetes`에' },
          why: {
            en: 'No: `kubernetes` is the public load balancer; private frontends live on `kubernetes-internal`.',
            ko: '아닙니다. `kubernetes`는 공용 부하 분산 장치이고, 개인 프런트 엔드는 `kubernetes-internal`에 있습니다.',
          },
        },
        {
          id: 'dynamic',
          text: {
            en: 'On `kubernetes-internal`, with a Dynamic address that happens to be 10.224.0.100',
            ko: '`kubernetes-internal`에, 마침 10.224.0.100인 Dynamic 주소로',
          },
          why: {
            en: 'No: a requested address is allocated Static; `az network lb frontend-ip list` shows `Static`, not `Dynamic`, for this frontend.',
            ko: '아닙니다. 요청한 주소는 Static으로 할당됩니다. `az network lb frontend-ip list`에서 이 프런트 엔드는 `Dynamic`이 아니라 `Static`으로 나옵니다.',
          },
        },
        {
          id: 'pip',
          text: {
            en: 'On `kubernetes`, with a Public IP, plus an NSG rule that allows only the virtual network',
            ko: '`kubernetes`에 공용 IP 주소와 함께 만들고, 가상 네트워크만 허용하는 NSG 규칙을 더한다',
          },
          why: {
            en: 'No: the internal annotation means no Public IP at all; nothing on the Internet leads to MySQL.',
            ko: '아닙니다. 내부 어노테이션이 있으면 공용 IP 주소가 아예 없습니다. 인터넷에서 MySQL로 가는 길이 없습니다.',
          },
        },
      ],
      explanation: {
        en: 'The worked solution shows it with `kubectl get service`: EXTERNAL-IP `10.224.0.100`, and `az network lb list` prints both `kubernetes` and `kubernetes-internal`.',
        ko: '풀이에서 `kubectl get service`의 EXTERNAL-IP가 `10.224.0.100`으로 나오고, `az network lb list`에 `kubernetes`와 `kubernetes-internal`이 함께 나옵니다.',
      },
    },
    {
      id: 'pip-count',
      kind: 'single',
      prompt: {
        en: 'All five requirements are met. How many Public IPs are in the node resource group?',
        ko: '다섯 가지 요구 사항을 모두 채웠습니다. 노드 리소스 그룹에 공용 IP 주소는 몇 개일까요?',
      },
      choices: [
        {
          id: 'three',
          correct: true,
          text: { en: '3', ko: '3개' },
          why: {
            en: 'Right: 2 managed outbound IPs and the ingress controller’s `kubernetes-a…`; `qa-redis-ip` lives in `myResourceGroup`.',
            ko: '맞습니다. 관리형 아웃바운드 IP 2개와 수신 컨트롤러의 `kubernetes-a…`입니다. `qa-redis-ip`는 `myResourceGroup`에 있습니다.',
          },
        },
        {
          id: 'four',
          text: { en: '4', ko: '4개' },
          why: {
            en: 'Did you count `qa-redis-ip`? The ticket put it in `myResourceGroup`, so that it survives the next rebuild of the cluster.',
            ko: '`qa-redis-ip`를 세지 않았나요? 티켓은 다음에 클러스터를 다시 만들어도 남도록 그 주소를 `myResourceGroup`에 두라고 했습니다.',
          },
        },
        {
          id: 'two',
          text: { en: '2', ko: '2개' },
          why: {
            en: 'Did you count one outbound IP? Requirement 5 asked for two.',
            ko: '아웃바운드 IP를 하나로 세지 않았나요? 5번 요구 사항은 두 개를 요구했습니다.',
          },
        },
        {
          id: 'five',
          text: { en: '5', ko: '5개' },
          why: {
            en: 'Did you count one for MySQL, or one per host? An internal Service has no Public IP, and both hosts share the ingress controller’s single address.',
            ko: 'MySQL 몫이나 호스트마다 하나씩 세지 않았나요? 내부 서비스에는 공용 IP 주소가 없고, 두 호스트는 수신 컨트롤러의 주소 하나를 함께 씁니다.',
          },
        },
      ],
      explanation: {
        en: 'Only LoadBalancer Services without the internal annotation, and AKS’s outbound side, put Public IPs in the node resource group, and only when the Service brings no Public IP of its own. The cloud provider created exactly one of the three.',
        ko: '노드 리소스 그룹에 공용 IP 주소를 만드는 것은 내부 어노테이션이 없는 LoadBalancer 서비스(자기 공용 IP를 가져오지 않은 경우)와 AKS의 아웃바운드 쪽뿐입니다. 세 개 중 클라우드 공급자가 만든 것은 하나뿐입니다.',
      },
    },
    {
      id: 'redeploy-redis',
      kind: 'single',
      prompt: {
        en: 'Later someone deletes `redis-lb` and applies it again. What happens to the address the office firewall allows?',
        ko: '나중에 누군가 `redis-lb`를 지웠다가 다시 적용했습니다. 사무실 방화벽이 허용한 주소는 어떻게 될까요?',
      },
      choices: [
        {
          id: 'same',
          correct: true,
          text: { en: 'It stays the same, and so does qa-redis.eastus.cloudapp.azure.com', ko: '그대로이고, qa-redis.eastus.cloudapp.azure.com도 그대로다' },
          why: {
            en: 'Right: `qa-redis-ip` has no `k8s-azure-service` tag, so the delete leaves it alone and the new Service picks it up again.',
            ko: '맞습니다. `qa-redis-ip`에는 `k8s-azure-service` 태그가 없어 삭제 때 남고, 새 서비스가 다시 가져다 씁니다.',
          },
        },
        {
          id: 'new',
          text: { en: 'Redis gets a new address; the DNS name follows it', ko: 'Redis가 새 주소를 받고, DNS 이름이 그 주소를 따라간다' },
          why: {
            en: 'That would happen with a provider-created Public IP, which is deleted with its Service. The ticket asked for one that stays.',
            ko: '클라우드 공급자가 만든 공용 IP 주소라면 서비스와 함께 지워지니 그렇게 됩니다. 티켓은 남는 주소를 요구했습니다.',
          },
        },
        {
          id: 'pending',
          text: { en: 'The new Service stays <pending> because the address is still in use', ko: '주소가 아직 쓰이는 중이라 새 서비스가 <pending>에 머문다' },
          why: {
            en: 'No: the delete detached the Public IP from its frontend, so the new Service can attach it again.',
            ko: '아닙니다. 삭제 때 공용 IP 주소가 프런트 엔드에서 떨어졌으므로 새 서비스가 다시 연결할 수 있습니다.',
          },
        },
      ],
      explanation: {
        en: 'Owning the Public IP is how you keep an address across Service lifecycles: the provider only ever deletes what it created.',
        ko: '서비스가 몇 번 새로 생겨도 주소를 지키는 방법은 공용 IP 주소를 직접 소유하는 것입니다. 클라우드 공급자는 자기가 만든 것만 지웁니다.',
      },
    },
    {
      id: 'ingress-pips',
      kind: 'short',
      prompt: {
        en: 'How many Public IPs does the Ingress `hello-world-ingress`, with its two host rules, add to the node resource group? Answer with a number.',
        ko: '호스트 규칙 두 개를 가진 인그레스 `hello-world-ingress`는 노드 리소스 그룹에 공용 IP 주소를 몇 개 더할까요? 숫자로 답하세요.',
      },
      accept: ['0'],
      pattern: '0|zero|none|영|없음',
      answer: { en: '0', ko: '0' },
      wrong: {
        en: 'An Ingress is read by the controller; the controller’s own LoadBalancer Service is what has the Public IP.',
        ko: '인그레스는 컨트롤러가 읽는 규칙일 뿐입니다. 공용 IP 주소를 가진 것은 컨트롤러 자신의 LoadBalancer 서비스입니다.',
      },
      explanation: {
        en: 'None: both hosts arrive on the ingress controller’s one address, and ingress-nginx picks the backend by the Host header.',
        ko: '하나도 없습니다. 두 호스트 모두 수신 컨트롤러의 주소 하나로 들어오고, ingress-nginx가 Host 헤더를 보고 백 엔드를 고릅니다.',
      },
    },
  ],
};
