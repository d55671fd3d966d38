/**
 * Quiz for lesson 10 (cleaning up and troubleshooting), shared by both languages. Answers follow
 * the lesson text and the domain reference (§6.3–6.5); the Korean uses the Azure portal's terms.
 */
import type { QuizDef } from '../../src/learn/quiz/types';

export const quiz: QuizDef = {
  questions: [
    {
      id: 'what-counts',
      kind: 'multiple',
      prompt: {
        en: 'A Service is stuck with `PublicIPCountLimitReached` in eastus. Which Public IPs count toward that quota? Choose all that apply.',
        ko: 'eastus에서 서비스가 `PublicIPCountLimitReached`로 멈춰 있습니다. 이 할당량에 포함되는 공용 IP 주소를 모두 고르세요.',
      },
      choices: [
        {
          id: 'service-pips',
          correct: true,
          text: { en: 'The `kubernetes-a…` Public IPs of other LoadBalancer Services', ko: '다른 LoadBalancer 서비스의 `kubernetes-a…` 공용 IP 주소' },
          why: {
            en: 'Right: every Service Public IP is one Public IP of the subscription in that region.',
            ko: '맞습니다. 서비스의 공용 IP 주소 하나하나가 그 지역 구독의 공용 IP 주소입니다.',
          },
        },
        {
          id: 'outbound',
          correct: true,
          text: { en: 'The managed outbound IP that AKS created with the cluster', ko: '클러스터를 만들 때 AKS가 만든 관리형 아웃바운드 IP' },
          why: {
            en: 'Right: it is an ordinary Standard Public IP, and it counts like any other.',
            ko: '맞습니다. 평범한 Standard 공용 IP 주소이므로 다른 것과 똑같이 셉니다.',
          },
        },
        {
          id: 'own',
          correct: true,
          text: { en: 'Public IPs you created yourself in another resource group in eastus', ko: 'eastus의 다른 리소스 그룹에 직접 만든 공용 IP 주소' },
          why: {
            en: 'Right: the quota is per subscription and region, not per resource group.',
            ko: '맞습니다. 할당량은 리소스 그룹이 아니라 구독과 지역 단위입니다.',
          },
        },
        {
          id: 'other-region',
          text: { en: 'Public IPs of the same subscription in westeurope', ko: '같은 구독의 westeurope에 있는 공용 IP 주소' },
          why: {
            en: 'No: the message says "in this region". Each region has its own count.',
            ko: '아닙니다. 메시지에 "in this region"이라고 나옵니다. 지역마다 따로 셉니다.',
          },
        },
        {
          id: 'cluster-ips',
          text: { en: 'The cluster IPs of ClusterIP Services', ko: 'ClusterIP 서비스의 클러스터 IP' },
          why: {
            en: 'No: cluster IPs are virtual addresses inside the cluster, not Azure resources.',
            ko: '아닙니다. 클러스터 IP는 클러스터 안의 가상 주소일 뿐 Azure 리소스가 아닙니다.',
          },
        },
      ],
      explanation: {
        en: 'The quota counts every Public IP of the subscription in the region, whoever created it. That is why freeing one (deleting a Service, making it ClusterIP, deleting an unused Public IP) unsticks the pending Service.',
        ko: '할당량은 누가 만들었든 그 지역 구독의 공용 IP 주소를 모두 셉니다. 그래서 하나를 비우면(서비스 삭제, ClusterIP로 변경, 안 쓰는 공용 IP 주소 삭제) 멈춰 있던 서비스가 풀립니다.',
      },
    },
    {
      id: 'cleanup-order',
      kind: 'single',
      prompt: {
        en: 'You delete a public LoadBalancer Service. In which order does the cloud provider clean up Azure?',
        ko: '공용 LoadBalancer 서비스를 지웠습니다. 클라우드 공급자는 Azure를 어떤 순서로 정리할까요?',
      },
      choices: [
        {
          id: 'nsg-lb-pip',
          correct: true,
          text: {
            en: 'NSG rules, then the load balancer’s rules, probes and frontend, then the Public IP',
            ko: 'NSG 규칙 → 부하 분산 장치의 규칙, 프로브, 프런트 엔드 → 공용 IP 주소',
          },
          why: {
            en: 'Right: the activity log shows the NSG write, the load balancer write, then the Public IP deletion.',
            ko: '맞습니다. 활동 로그에 NSG 쓰기, 부하 분산 장치 쓰기, 공용 IP 주소 삭제가 차례로 나옵니다.',
          },
        },
        {
          id: 'pip-first',
          text: { en: 'The Public IP first, then the load balancer, then the NSG', ko: '공용 IP 주소 → 부하 분산 장치 → NSG' },
          why: {
            en: 'Azure refuses to delete a Public IP still attached to a frontend (`PublicIPAddressCannotBeDeleted`), so it has to come last.',
            ko: 'Azure는 프런트 엔드에 연결된 공용 IP 주소를 지우지 않습니다(`PublicIPAddressCannotBeDeleted`). 그래서 공용 IP 주소가 마지막입니다.',
          },
        },
        {
          id: 'lb-delete',
          text: {
            en: 'It deletes the whole load balancer `kubernetes` and builds it again for the remaining Services',
            ko: '부하 분산 장치 `kubernetes`를 통째로 지우고 남은 서비스를 위해 다시 만든다',
          },
          why: {
            en: 'No: it only removes this Service’s parts and writes the load balancer back. It deletes a load balancer only when no frontend is left.',
            ko: '아닙니다. 이 서비스의 부분만 빼고 부하 분산 장치를 다시 씁니다. 프런트 엔드가 하나도 안 남았을 때만 부하 분산 장치를 지웁니다.',
          },
        },
        {
          id: 'nothing',
          text: { en: 'Nothing: Azure resources stay until you delete them with az', ko: '아무것도 하지 않는다. az로 지울 때까지 Azure 리소스가 남는다' },
          why: {
            en: 'No: that is only true for Public IPs you created yourself. What the provider created, it removes.',
            ko: '아닙니다. 그것은 직접 만든 공용 IP 주소에만 해당합니다. 클라우드 공급자가 만든 것은 클라우드 공급자가 지웁니다.',
          },
        },
      ],
      explanation: {
        en: 'NSG first, load balancer second, Public IP last. `kubectl delete` waits for all of it, because the finalizer `service.kubernetes.io/load-balancer-cleanup` keeps the Service until the provider is done.',
        ko: 'NSG, 부하 분산 장치, 공용 IP 주소 순서입니다. 파이널라이저 `service.kubernetes.io/load-balancer-cleanup`이 클라우드 공급자의 정리가 끝날 때까지 서비스를 붙잡아 두므로 `kubectl delete`는 이 과정을 모두 기다립니다.',
      },
    },
    {
      id: 'what-survives',
      kind: 'multiple',
      prompt: {
        en: 'Default outbound type. You delete every LoadBalancer Service, including one that used a Public IP you created yourself (via `azure-pip-name`). What is still in the node resource group? Choose all that apply.',
        ko: '기본 아웃바운드 유형입니다. 직접 만든 공용 IP 주소를 `azure-pip-name`으로 쓰던 서비스까지 포함해 LoadBalancer 서비스를 모두 지웠습니다. 노드 리소스 그룹에 아직 남아 있는 것을 모두 고르세요.',
      },
      choices: [
        {
          id: 'lb',
          correct: true,
          text: {
            en: 'The load balancer `kubernetes` with its outbound frontend and `aksOutboundRule`',
            ko: '아웃바운드용 프런트 엔드와 `aksOutboundRule`이 있는 부하 분산 장치 `kubernetes`',
          },
          why: {
            en: 'Right: the outbound frontend is never removed, so the load balancer always has a frontend left and is updated, not deleted.',
            ko: '맞습니다. 아웃바운드용 프런트 엔드는 지워지지 않으므로 프런트 엔드가 늘 하나는 남고, 부하 분산 장치는 지워지지 않고 수정만 됩니다.',
          },
        },
        {
          id: 'outbound-ip',
          correct: true,
          text: { en: 'The managed outbound IP', ko: '관리형 아웃바운드 IP' },
          why: { en: 'Right: it belongs to AKS and carries the cluster’s egress.', ko: '맞습니다. AKS의 것이고 클러스터의 송신을 맡습니다.' },
        },
        {
          id: 'own-pip',
          correct: true,
          text: { en: 'The Public IP you created yourself', ko: '직접 만든 공용 IP 주소' },
          why: {
            en: 'Right: it has no `k8s-azure-service` tag, so the provider treats it as yours and never deletes it.',
            ko: '맞습니다. `k8s-azure-service` 태그가 없으므로 클라우드 공급자는 사용자의 것으로 보고 지우지 않습니다.',
          },
        },
        {
          id: 'service-pips',
          text: { en: 'The `kubernetes-a…` Public IPs of the deleted Services', ko: '지운 서비스들의 `kubernetes-a…` 공용 IP 주소' },
          why: {
            en: 'No: the provider created them and deletes them once no Service is left in their tag.',
            ko: '아닙니다. 클라우드 공급자가 만든 것이라 태그에 서비스가 남지 않으면 지웁니다.',
          },
        },
        {
          id: 'rules',
          text: { en: 'The load-balancing rules and health probes of the deleted Services', ko: '지운 서비스들의 부하 분산 규칙과 상태 프로브' },
          why: { en: 'No: they are removed in the load balancer step.', ko: '아닙니다. 부하 분산 장치 단계에서 지워집니다.' },
        },
      ],
      explanation: {
        en: 'What AKS owns (the load balancer’s outbound side and the managed outbound IP) and what you own (your Public IPs) survives. Everything the provider created for the Services goes.',
        ko: 'AKS의 것(부하 분산 장치의 아웃바운드 부분과 관리형 아웃바운드 IP)과 사용자의 것(직접 만든 공용 IP 주소)은 남고, 클라우드 공급자가 서비스를 위해 만든 것은 모두 사라집니다.',
      },
    },
    {
      id: 'throttled',
      kind: 'single',
      prompt: {
        en: 'A Service’s events show `SyncLoadBalancerFailed` with `Retriable: true, RetryAfter: 55s, HTTPStatusCode: 429` and the code `TooManyRequests`. What should you do?',
        ko: '서비스 이벤트에 `Retriable: true, RetryAfter: 55s, HTTPStatusCode: 429`와 코드 `TooManyRequests`가 있는 `SyncLoadBalancerFailed`가 보입니다. 어떻게 해야 할까요?',
      },
      choices: [
        {
          id: 'wait',
          correct: true,
          text: {
            en: 'Wait, and avoid extra changes: the provider retries after the time ARM asked for',
            ko: '기다리면서 불필요한 변경을 삼간다. 클라우드 공급자가 ARM이 요청한 시간 뒤에 다시 시도한다',
          },
          why: {
            en: 'Right: Azure (here the network resource provider) throttles the writes; the retry after `RetryAfter` goes through once the window has room.',
            ko: '맞습니다. Azure(여기서는 네트워크 리소스 공급자)가 쓰기를 제한한 것이므로, 관찰 기간에 여유가 생기면 `RetryAfter` 뒤의 재시도가 성공합니다.',
          },
        },
        {
          id: 'recreate',
          text: { en: 'Delete and recreate the Service to force a new attempt', ko: '서비스를 지웠다가 다시 만들어 새로 시도하게 한다' },
          why: {
            en: 'No: that spends even more writes from the same budget and makes the throttling last longer.',
            ko: '아닙니다. 같은 한도에서 쓰기를 더 써 버려 제한이 더 오래갑니다.',
          },
        },
        {
          id: 'quota',
          text: { en: 'Ask for a higher Public IP quota', ko: '공용 IP 주소 할당량을 늘려 달라고 요청한다' },
          why: {
            en: 'No: the quota error is `PublicIPCountLimitReached` (HTTP 400). 429 is about the rate of requests, not the number of resources.',
            ko: '아닙니다. 할당량 오류는 `PublicIPCountLimitReached`(HTTP 400)입니다. 429는 리소스 개수가 아니라 요청 속도의 문제입니다.',
          },
        },
        {
          id: 'create-pip',
          text: { en: 'Create the missing Public IP with az', ko: '없는 공용 IP 주소를 az로 만든다' },
          why: {
            en: 'No: nothing is missing. That is the fix for `PublicIP from annotation azure-pip-name(-IPv6)=… doesn’t exist`.',
            ko: '아닙니다. 빠진 것은 없습니다. 그것은 `PublicIP from annotation azure-pip-name(-IPv6)=… doesn’t exist`의 해결책입니다.',
          },
        },
      ],
      explanation: {
        en: 'Throttling heals itself. Quota and a missing Public IP do not: those need you to free an address or create the one the Service names.',
        ko: '요청 제한은 저절로 풀립니다. 할당량이나 없는 공용 IP 주소는 그렇지 않아서, 주소를 비우거나 서비스가 가리키는 공용 IP 주소를 만들어 줘야 합니다.',
      },
    },
    {
      id: 'finalizer',
      kind: 'short',
      prompt: {
        en: 'Which finalizer makes `kubectl delete service` wait until the Azure side of a LoadBalancer Service is cleaned up?',
        ko: 'LoadBalancer 서비스의 Azure 쪽 정리가 끝날 때까지 `kubectl delete service`를 기다리게 만드는 파이널라이저(finalizer)는 무엇일까요?',
      },
      accept: ['service.kubernetes.io/load-balancer-cleanup'],
      answer: { en: 'service.kubernetes.io/load-balancer-cleanup', ko: 'service.kubernetes.io/load-balancer-cleanup' },
      wrong: {
        en: "Look at `kubectl get service mysql-lb -n qa -o jsonpath='{.metadata.finalizers}'` in the lab.",
        ko: "실습에서 `kubectl get service mysql-lb -n qa -o jsonpath='{.metadata.finalizers}'`를 실행해 보세요.",
      },
      explanation: {
        en: 'The service controller adds `service.kubernetes.io/load-balancer-cleanup` before it builds anything in Azure, and removes it after the clean-up, right before `DeletedLoadBalancer`.',
        ko: '서비스 컨트롤러는 Azure에 무언가를 만들기 전에 `service.kubernetes.io/load-balancer-cleanup`을 붙이고, 정리가 끝나면 `DeletedLoadBalancer` 직전에 뗍니다.',
      },
    },
  ],
};
