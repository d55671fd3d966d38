/**
 * Quiz for lesson 8 ("Keep your IP"), shared by both languages. Answers follow the lesson text and
 * what the lab's simulator does (domain reference §2, §5, §6.4, §6.5).
 */
import type { QuizDef } from '../../src/learn/quiz/types';

export const quiz: QuizDef = {
  questions: [
    {
      id: 'recreate-service',
      kind: 'single',
      prompt: {
        en: 'A LoadBalancer Service with no IP annotations is deleted and applied again a minute later. What happens to its EXTERNAL-IP?',
        ko: 'IP 관련 어노테이션이 없는 LoadBalancer 서비스를 지웠다가 1분 뒤 다시 적용했습니다. EXTERNAL-IP는 어떻게 될까요?',
      },
      choices: [
        {
          id: 'new-address',
          correct: true,
          text: {
            en: 'It is most likely a different address: the old Public IP was deleted and a new one was created',
            ko: '다른 주소가 될 가능성이 크다. 예전 공용 IP 주소는 삭제되고 새로 만들어지기 때문이다',
          },
          why: {
            en: 'Right. The managed Public IP kubernetes-a… named the Service in its k8s-azure-service tag, so it was deleted with it. The new Service has a new UID, hence a new Public IP, and Azure gives it whatever address is free.',
            ko: '맞습니다. 관리형 공용 IP 주소 kubernetes-a…는 k8s-azure-service 태그에 이 서비스가 적혀 있었으므로 서비스와 함께 삭제됩니다. 새 서비스는 UID가 새로 생기니 공용 IP 주소도 새로 만들어지고, Azure는 그때 비어 있는 주소를 줍니다.',
          },
        },
        {
          id: 'same-name',
          text: { en: 'The same address, because the Service has the same name and namespace', ko: '서비스 이름과 네임스페이스가 같으니 같은 주소가 된다' },
          why: {
            en: 'No: the Public IP is named after the Service’s UID, not its name, and it no longer exists anyway.',
            ko: '아닙니다. 공용 IP 주소의 이름은 서비스 이름이 아니라 UID에서 나오고, 어차피 이미 삭제되었습니다.',
          },
        },
        {
          id: 'reserved',
          text: {
            en: 'The same address, because Azure keeps a deleted static IP reserved for the subscription',
            ko: 'Azure가 삭제된 고정 IP를 구독에 예약해 두므로 같은 주소가 된다',
          },
          why: {
            en: 'No: an address belongs to a Public IP resource only while the resource exists. Once deleted, the address goes back to Azure.',
            ko: '아닙니다. 주소는 공용 IP 주소 리소스가 있는 동안에만 그 리소스의 것입니다. 리소스가 삭제되면 주소는 Azure로 돌아갑니다.',
          },
        },
        {
          id: 'pending',
          text: {
            en: 'It stays <pending>, because the cloud provider refuses to create a second Public IP for the same Service name',
            ko: '같은 서비스 이름으로 공용 IP를 두 번 만들 수 없으므로 <pending>에 머문다',
          },
          why: {
            en: 'No: the new Service gets a new Public IP in a few seconds, just like the first time.',
            ko: '아닙니다. 새 서비스도 처음과 똑같이 몇 초 뒤에 새 공용 IP 주소를 받습니다.',
          },
        },
      ],
      explanation: {
        en: 'To keep an address across deletions, create the Public IP yourself and point the Service at it (azure-pip-name, or azure-load-balancer-ipv4).',
        ko: '삭제해도 주소를 유지하려면 공용 IP 주소를 직접 만들고 서비스가 그것을 쓰도록 지정하세요(azure-pip-name 또는 azure-load-balancer-ipv4).',
      },
    },
    {
      id: 'fix-403',
      kind: 'single',
      prompt: {
        en: 'A Service uses azure-load-balancer-resource-group: myResourceGroup and azure-pip-name: shopPublicIP. It stays <pending> with SyncLoadBalancerFailed … HTTPStatusCode: 403 … AuthorizationFailed. Which fix keeps the IP where it is?',
        ko: '서비스에 azure-load-balancer-resource-group: myResourceGroup과 azure-pip-name: shopPublicIP를 지정했는데, SyncLoadBalancerFailed … HTTPStatusCode: 403 … AuthorizationFailed와 함께 <pending>에 머뭅니다. IP를 그 자리에 둔 채 고치는 방법은?',
      },
      choices: [
        {
          id: 'role-identity',
          correct: true,
          text: {
            en: 'az role assignment create for the cluster identity’s principalId, role Network Contributor, scope = the id of myResourceGroup',
            ko: '클러스터 관리 ID의 보안 주체 ID(principalId)에 myResourceGroup ID 범위로 네트워크 기여자(Network Contributor) 역할을 az role assignment create로 할당한다',
          },
          why: {
            en: 'Right. The cloud provider signs in as the cluster identity, which AKS by default only gives rights on the node resource group (plus the subnet when you brought your own virtual network). The role lets it read and use Public IPs in myResourceGroup; it picks the Service up on its next retry. With a user-assigned identity, read its principal id from identity.userAssignedIdentities instead of identity.principalId.',
            ko: '맞습니다. 클라우드 공급자는 클러스터 관리 ID로 Azure에 로그인하는데, AKS는 기본적으로 이 ID에 노드 리소스 그룹 권한만 줍니다(직접 준비한 가상 네트워크라면 서브넷 권한도 줍니다). 역할을 할당하면 myResourceGroup의 공용 IP 주소를 읽고 쓸 수 있고, 다음 재시도 때 서비스가 처리됩니다. 사용자 할당 관리 ID라면 identity.principalId 대신 identity.userAssignedIdentities에서 보안 주체 ID를 읽으세요.',
          },
        },
        {
          id: 'role-me',
          text: {
            en: 'Give your own user account Network Contributor on myResourceGroup',
            ko: '내 사용자 계정에 myResourceGroup에 대한 네트워크 기여자 역할을 준다',
          },
          why: {
            en: 'No: the request that failed came from the cluster identity (the client in the message), not from you.',
            ko: '아닙니다. 실패한 요청은 내가 아니라 클러스터 ID(메시지의 client)가 보낸 것입니다.',
          },
        },
        {
          id: 'tag',
          text: { en: 'Add the tag k8s-azure-service=shop/web to shopPublicIP', ko: 'shopPublicIP에 k8s-azure-service=shop/web 태그를 붙인다' },
          why: {
            en: 'No: tags do not grant permissions. Worse, that tag marks the IP as created by the cloud provider, which may then delete it with the Service.',
            ko: '아닙니다. 태그는 권한을 주지 않습니다. 게다가 이 태그는 IP를 클라우드 공급자가 만든 것으로 표시하므로, 서비스와 함께 지워질 수 있습니다.',
          },
        },
        {
          id: 'dynamic',
          text: { en: 'Recreate shopPublicIP with --allocation-method dynamic', ko: 'shopPublicIP를 --allocation-method dynamic으로 다시 만든다' },
          why: {
            en: 'No: 403 is about permission, not the IP’s settings. And a Standard load balancer needs a Standard, static Public IP.',
            ko: '아닙니다. 403은 권한 문제이지 IP 설정 문제가 아닙니다. 게다가 Standard 부하 분산 장치에는 Standard, 고정 공용 IP 주소가 필요합니다.',
          },
        },
      ],
      explanation: {
        en: 'Find the principal id with az aks show --query identity.principalId and the scope with az group show --query id, as in Microsoft’s static IP guide.',
        ko: 'Microsoft의 고정 IP 가이드처럼 principal ID는 az aks show --query identity.principalId로, 범위는 az group show --query id로 찾습니다.',
      },
    },
    {
      id: 'what-survives',
      kind: 'multiple',
      prompt: {
        en: 'web used your Public IP shopPublicIP (with a granted role). You delete web. Which of these are still there? Choose all that apply.',
        ko: 'web 서비스가 직접 만든 공용 IP 주소 shopPublicIP를 쓰고 있었고 역할도 할당되어 있었습니다. web을 지우면 무엇이 남을까요? 해당하는 것을 모두 고르세요.',
      },
      choices: [
        {
          id: 'pip',
          correct: true,
          text: { en: 'The Public IP shopPublicIP, with the same address', ko: '같은 주소를 가진 공용 IP 주소 shopPublicIP' },
          why: {
            en: 'Yes: it has no k8s-azure-service tag, so the cloud provider treats it as user-created and never deletes it.',
            ko: '네. k8s-azure-service 태그가 없으므로 클라우드 공급자는 사용자가 만든 IP로 보고 절대 지우지 않습니다.',
          },
        },
        {
          id: 'role',
          correct: true,
          text: { en: 'The Network Contributor role assignment of the cluster identity', ko: '클러스터 ID의 네트워크 기여자 역할 할당' },
          why: {
            en: 'Yes: role assignments are Azure RBAC objects; deleting a Service does not touch them. That is why re-applying web worked without a new 403.',
            ko: '네. 역할 할당은 Azure RBAC 개체라서 서비스를 지워도 그대로입니다. 그래서 web을 다시 적용했을 때 403이 다시 나오지 않았습니다.',
          },
        },
        {
          id: 'frontend',
          text: {
            en: 'The frontend IP configuration for web on the load balancer kubernetes',
            ko: '부하 분산 장치 kubernetes에 있던 web의 프런트 엔드 IP 구성',
          },
          why: {
            en: 'No: the cloud provider removes the Service’s frontend, rules and probes whoever owns the Public IP.',
            ko: '아닙니다. 공용 IP 주소의 주인이 누구든 클라우드 공급자는 서비스의 프런트 엔드, 규칙, 프로브를 지웁니다.',
          },
        },
        {
          id: 'nsg',
          text: { en: 'The NSG rule that allowed traffic to the address on port 80', ko: '그 주소의 80 포트로 가는 트래픽을 허용하던 NSG 규칙' },
          why: {
            en: 'No: the address is removed from the managed NSG rules, and a rule left with no destination is removed.',
            ko: '아닙니다. 관리되는 NSG 규칙에서 그 주소가 빠지고, 대상이 하나도 남지 않은 규칙은 삭제됩니다.',
          },
        },
      ],
      explanation: {
        en: 'Only what you created yourself stays: the Public IP (unattached) and the role. Everything the cloud provider built for the Service on the load balancer and the NSG is cleaned up.',
        ko: '내가 직접 만든 것, 즉 공용 IP 주소(연결 해제 상태)와 역할 할당만 남습니다. 클라우드 공급자가 서비스를 위해 부하 분산 장치와 NSG에 만든 것은 모두 정리됩니다.',
      },
    },
    {
      id: 'fqdn',
      kind: 'short',
      prompt: {
        en: 'The cluster is in eastus. A Service’s annotation is service.beta.kubernetes.io/azure-dns-label-name: shop-demo-7f3a. Which fully qualified name does its Public IP get?',
        ko: '클러스터는 eastus 지역에 있습니다. 서비스에 service.beta.kubernetes.io/azure-dns-label-name: shop-demo-7f3a 어노테이션이 있으면, 공용 IP 주소는 어떤 FQDN을 받을까요?',
      },
      accept: ['shop-demo-7f3a.eastus.cloudapp.azure.com'],
      pattern: '(https?://)?shop-demo-7f3a\\.eastus\\.cloudapp\\.azure\\.com\\.?/?',
      answer: { en: 'shop-demo-7f3a.eastus.cloudapp.azure.com', ko: 'shop-demo-7f3a.eastus.cloudapp.azure.com' },
      wrong: {
        en: 'The pattern is <label>.<location>.cloudapp.azure.com: look at dnsSettings.fqdn of the Public IP.',
        ko: '형식은 <레이블>.<지역>.cloudapp.azure.com입니다. 공용 IP 주소의 dnsSettings.fqdn을 확인하세요.',
      },
      explanation: {
        en: 'The label goes into dnsSettings.domainNameLabel of the Service’s Public IP, and Azure publishes <label>.<location>.cloudapp.azure.com for it.',
        ko: '레이블은 서비스 공용 IP 주소의 dnsSettings.domainNameLabel에 들어가고, Azure는 <레이블>.<지역>.cloudapp.azure.com이라는 이름을 게시합니다.',
      },
    },
    {
      id: 'ipv4-missing',
      kind: 'single',
      prompt: {
        en: 'A Service sets service.beta.kubernetes.io/azure-load-balancer-ipv4 to an address that no Public IP in the node resource group has. What happens?',
        ko: '서비스의 service.beta.kubernetes.io/azure-load-balancer-ipv4에 노드 리소스 그룹의 어떤 공용 IP 주소도 갖고 있지 않은 주소를 적었습니다. 어떻게 될까요?',
      },
      choices: [
        {
          id: 'pending',
          correct: true,
          text: {
            en: 'It stays <pending>, with findMatchedPIPByLoadBalancerIP: cannot find public IP with IP address … in its events',
            ko: '이벤트에 findMatchedPIPByLoadBalancerIP: cannot find public IP with IP address …가 남고 <pending>에 머문다',
          },
          why: {
            en: 'Right. The annotation picks an existing Public IP by address; it cannot make Azure hand out a particular address.',
            ko: '맞습니다. 이 어노테이션은 이미 있는 공용 IP 주소를 주소로 고를 뿐, Azure가 특정 주소를 내주게 할 수는 없습니다.',
          },
        },
        {
          id: 'allocate',
          text: { en: 'The cloud provider creates a Public IP with exactly that address', ko: '클라우드 공급자가 정확히 그 주소로 공용 IP 주소를 만든다' },
          why: {
            en: 'No: nobody can choose which address Azure allocates to a new Public IP.',
            ko: '아닙니다. 새 공용 IP 주소에 어떤 주소가 배정될지는 누구도 고를 수 없습니다.',
          },
        },
        {
          id: 'fallback',
          text: {
            en: 'It falls back to a managed kubernetes-a… Public IP with another address',
            ko: '다른 주소를 가진 관리형 kubernetes-a… 공용 IP 주소로 대신 만들어진다',
          },
          why: {
            en: 'No: a requested address is a requirement, not a wish; the provider does not silently give another one.',
            ko: '아닙니다. 요청한 주소는 희망 사항이 아니라 조건이라서, 공급자가 몰래 다른 주소를 주지 않습니다.',
          },
        },
      ],
      explanation: {
        en: 'Create the Public IP first (az network public-ip create), then request its address or its name. The annotation wins over the deprecated spec.loadBalancerIP.',
        ko: '공용 IP 주소를 먼저 만들고(az network public-ip create) 그 주소나 이름을 요청하세요. 어노테이션이 더 이상 사용되지 않는 spec.loadBalancerIP보다 우선합니다.',
      },
    },
  ],
};
