/**
 * Quiz for "One Service, five clusters", shared by both languages. Answers follow the lesson text,
 * the simulator and the reference on other clouds (`other-clouds.md`: §3 EKS, §4 GKE, §5 MetalLB,
 * §6 k3s). Korean uses the AWS and Google Cloud consoles' Korean terms.
 */
import type { QuizDef } from '../../src/learn/quiz/types';

export const quiz: QuizDef = {
  questions: [
    {
      id: 'eks-hostname',
      kind: 'single',
      prompt: {
        en: 'On EKS, kubectl get svc web shows a5f…-1234567890.us-west-2.elb.amazonaws.com as EXTERNAL-IP, but curl to it says Could not resolve host. What is going on?',
        ko: 'EKS에서 kubectl get svc web의 EXTERNAL-IP가 a5f…-1234567890.us-west-2.elb.amazonaws.com로 나오는데, curl을 보내면 Could not resolve host가 나옵니다. 무슨 일일까요?',
      },
      choices: [
        {
          id: 'dns-delay',
          correct: true,
          text: {
            en: 'The controller wrote the load balancer’s DNS name as soon as AWS returned it; the name starts to resolve a minute or more later.',
            ko: '컨트롤러는 AWS가 돌려준 로드 밸런서 DNS 이름을 바로 기록합니다. 그 이름이 실제로 조회되기까지는 1분 이상 걸립니다.',
          },
          why: {
            en: 'Right: the in-tree controller does not wait for DNS. Wait and try again.',
            ko: '맞습니다. 인트리 컨트롤러는 DNS를 기다리지 않습니다. 잠시 후 다시 시도하면 됩니다.',
          },
        },
        {
          id: 'internal',
          text: { en: 'The load balancer is internal, so its name never resolves.', ko: '로드 밸런서가 내부용이라 이름이 절대 조회되지 않습니다.' },
          why: {
            en: 'No: an internal load balancer’s name (internal-…) resolves too, to private addresses you cannot reach from outside the VPC.',
            ko: '아닙니다. 내부 로드 밸런서의 이름(internal-…)도 조회됩니다. 다만 VPC 밖에서는 닿지 않는 프라이빗 주소가 나옵니다.',
          },
        },
        {
          id: 'kubectl-cut',
          text: { en: 'kubectl cut the hostname short; the real one is longer.', ko: 'kubectl이 호스트 이름을 잘라서 보여 준 것이고 실제 이름은 더 깁니다.' },
          why: {
            en: 'No: kubectl get svc prints the whole hostname (the API server builds the table).',
            ko: '아닙니다. kubectl get svc는 호스트 이름을 끝까지 보여 줍니다(표는 API 서버가 만듭니다).',
          },
        },
      ],
      explanation: {
        en: 'AWS gives load balancers names, not fixed addresses. The built-in controller writes status.loadBalancer.ingress[0].hostname right after CreateLoadBalancer; DNS catches up a little later.',
        ko: 'AWS는 로드 밸런서에 고정 주소 대신 이름을 줍니다. 인트리 컨트롤러는 CreateLoadBalancer 직후 status.loadBalancer.ingress[0].hostname을 기록하고, DNS는 조금 뒤에 따라옵니다.',
      },
    },
    {
      id: 'egress-by-cloud',
      kind: 'multiple',
      prompt: {
        en: 'A pod runs curl -s ifconfig.me. Which statements are true?',
        ko: '파드에서 curl -s ifconfig.me를 실행합니다. 맞는 설명을 모두 고르세요.',
      },
      choices: [
        {
          id: 'gke-node',
          correct: true,
          text: {
            en: 'On GKE (nodes with external IPs) it prints the external IP of the pod’s node.',
            ko: 'GKE(노드에 외부 IP가 있는 경우)에서는 파드가 있는 노드의 외부 IP가 나옵니다.',
          },
          why: {
            en: 'Right: the pod is translated to its node’s address, and the node leaves with its external IP.',
            ko: '맞습니다. 파드 주소가 노드 주소로 바뀌고, 노드는 자기 외부 IP로 나갑니다.',
          },
        },
        {
          id: 'eks-nat',
          correct: true,
          text: {
            en: 'On EKS with nodes in private subnets it prints the NAT gateway’s Elastic IP.',
            ko: '노드가 프라이빗 서브넷에 있는 EKS에서는 NAT 게이트웨이의 탄력적 IP가 나옵니다.',
          },
          why: {
            en: 'Right: the subnet’s route sends traffic to the internet through the NAT gateway.',
            ko: '맞습니다. 서브넷의 라우팅이 인터넷으로 가는 트래픽을 NAT 게이트웨이로 보냅니다.',
          },
        },
        {
          id: 'eks-elb',
          text: { en: 'On EKS it prints an address of the Service’s Classic Load Balancer.', ko: 'EKS에서는 서비스의 Classic Load Balancer 주소가 나옵니다.' },
          why: {
            en: 'No: a load balancer only takes traffic in; pods never leave through it.',
            ko: '아닙니다. 로드 밸런서는 들어오는 트래픽만 받습니다. 파드는 그쪽으로 나가지 않습니다.',
          },
        },
        {
          id: 'metallb-vip',
          text: { en: 'With MetalLB it prints the Service’s address from the pool.', ko: 'MetalLB에서는 풀에서 받은 서비스 주소가 나옵니다.' },
          why: {
            en: 'No: the nodes route out as usual, through your router; the pool address is only announced for traffic coming in.',
            ko: '아닙니다. 노드는 평소처럼 공유기를 거쳐 나갑니다. 풀 주소는 들어오는 트래픽을 위해 알릴 뿐입니다.',
          },
        },
      ],
      explanation: {
        en: 'Only AKS has an outbound rule on its load balancer, and even there it uses its own outbound IP, not a Service’s. Everywhere else egress follows the node’s route.',
        ko: '로드 밸런서에 아웃바운드 규칙이 있는 것은 AKS뿐이고, 그마저도 서비스 IP가 아닌 별도의 아웃바운드 IP를 씁니다. 다른 곳에서는 송신이 노드의 라우팅을 따릅니다.',
      },
    },
    {
      id: 'metallb-silent',
      kind: 'single',
      prompt: {
        en: 'On a fresh MetalLB cluster, a LoadBalancer Service stays <pending> and kubectl describe shows Events: <none>. What is missing?',
        ko: '막 설치한 MetalLB 클러스터에서 LoadBalancer 서비스가 <pending>에 머물고 kubectl describe에는 Events: <none>만 보입니다. 무엇이 빠졌을까요?',
      },
      choices: [
        {
          id: 'pool',
          correct: true,
          text: { en: 'An IPAddressPool in metallb-system', ko: 'metallb-system의 IPAddressPool' },
          why: {
            en: 'Right: without a pool MetalLB has nothing to assign and stays silent.',
            ko: '맞습니다. 풀이 없으면 MetalLB는 나눠 줄 주소가 없어 아무 말도 하지 않습니다.',
          },
        },
        {
          id: 'finalizer',
          text: { en: 'The service.kubernetes.io/load-balancer-cleanup finalizer', ko: 'service.kubernetes.io/load-balancer-cleanup 파이널라이저' },
          why: {
            en: 'No: MetalLB adds no finalizer at all; that one belongs to the cloud service controller.',
            ko: '아닙니다. MetalLB는 파이널라이저를 달지 않습니다. 그것은 클라우드 서비스 컨트롤러의 것입니다.',
          },
        },
        {
          id: 'class',
          text: { en: 'spec.loadBalancerClass: metallb', ko: 'spec.loadBalancerClass: metallb' },
          why: {
            en: 'No: by default MetalLB handles Services without a class; a class it does not know would make it ignore the Service.',
            ko: '아닙니다. MetalLB는 기본적으로 클래스가 없는 서비스를 처리합니다. 모르는 클래스를 달면 오히려 무시합니다.',
          },
        },
      ],
      explanation: {
        en: 'MetalLB stays idle until configured. Give it an IPAddressPool, and in layer 2 mode an L2Advertisement so a node answers ARP for the address.',
        ko: 'MetalLB는 설정하기 전까지 아무것도 하지 않습니다. IPAddressPool을 주고, 레이어 2 모드라면 노드가 그 주소의 ARP에 응답하도록 L2Advertisement도 만드세요.',
      },
    },
    {
      id: 'k3s-pending',
      kind: 'single',
      prompt: {
        en: 'On a default k3s install you expose your app as a LoadBalancer on port 80. It stays <pending> and its svclb pods are Pending. Why?',
        ko: '기본 설치한 k3s에서 앱을 포트 80의 LoadBalancer로 노출했습니다. 서비스는 <pending>이고 svclb 파드도 Pending입니다. 왜일까요?',
      },
      choices: [
        {
          id: 'hostport',
          correct: true,
          text: {
            en: 'Traefik’s LoadBalancer Service already holds host port 80 on every node.',
            ko: 'Traefik의 LoadBalancer 서비스가 모든 노드에서 호스트 포트 80을 이미 쓰고 있습니다.',
          },
          why: {
            en: 'Right: the scheduler says the nodes didn’t have free ports for the requested pod ports. Use another port, or disable Traefik.',
            ko: '맞습니다. 스케줄러가 요청한 파드 포트에 빈 포트가 없다고 알려 줍니다. 다른 포트를 쓰거나 Traefik을 끄세요.',
          },
        },
        {
          id: 'no-cloud',
          text: {
            en: 'k3s has no cloud provider, so LoadBalancer Services never get an address.',
            ko: 'k3s에는 클라우드 공급자가 없어서 LoadBalancer 서비스는 주소를 받지 못합니다.',
          },
          why: {
            en: 'No: ServiceLB gives Services the nodes’ addresses; it only needs a free port.',
            ko: '아닙니다. ServiceLB가 노드 주소를 줍니다. 빈 포트만 있으면 됩니다.',
          },
        },
        {
          id: 'pool',
          text: { en: 'ServiceLB needs an address pool first.', ko: 'ServiceLB에도 먼저 주소 풀이 필요합니다.' },
          why: {
            en: 'No: that is MetalLB. ServiceLB uses the nodes’ own addresses.',
            ko: '아닙니다. 그것은 MetalLB 이야기입니다. ServiceLB는 노드 자신의 주소를 씁니다.',
          },
        },
      ],
      explanation: {
        en: 'ServiceLB runs one pod per node that takes the Service port as a host port, so each port serves one LoadBalancer Service per node.',
        ko: 'ServiceLB는 노드마다 서비스 포트를 호스트 포트로 잡는 파드를 하나씩 띄웁니다. 그래서 포트 하나는 노드당 LoadBalancer 서비스 하나만 쓸 수 있습니다.',
      },
    },
    {
      id: 'gke-firewall-name',
      kind: 'short',
      prompt: {
        en: 'A GKE Service (target pool load balancer) has the UID 257b9655-5137-4ad2-b091-ef3f07043ad3. What is the firewall rule GKE created for it?',
        ko: 'GKE 서비스(대상 풀 부하 분산기)의 UID가 257b9655-5137-4ad2-b091-ef3f07043ad3입니다. GKE가 만든 방화벽 규칙 이름은 무엇일까요?',
      },
      accept: ['k8s-fw-a257b965551374ad2b091ef3f07043ad'],
      caseSensitive: false,
      wrong: {
        en: 'k8s-fw- + the load balancer name: a + the UID without dashes, 32 characters in all.',
        ko: 'k8s-fw- 뒤에 로드 밸런서 이름을 붙입니다. a + 대시를 뺀 UID, 모두 32자입니다.',
      },
      explanation: {
        en: 'The same a + UID name as AKS’s frontend and EKS’s Classic Load Balancer: all three come from the upstream service controller’s default name.',
        ko: 'AKS의 프런트 엔드, EKS의 Classic Load Balancer와 같은 a + UID 이름입니다. 셋 다 업스트림 서비스 컨트롤러의 기본 이름에서 나옵니다.',
      },
    },
  ],
};
