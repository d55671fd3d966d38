/**
 * Lab set-up for lesson 1, shared by both languages: the `qa` namespace with a Redis deployment,
 * and the `redis-lb.yaml` file the lesson's commands apply.
 */
export const redisLbYaml = `apiVersion: v1
kind: Service
metadata:
  name: redis-lb
  namespace: qa
spec:
  type: LoadBalancer
  selector:
    app: redis
  ports:
    - port: 6379
      targetPort: 6379
      protocol: TCP
`;

export const setup = [
  'kubectl create namespace qa',
  'kubectl create deployment redis --image=redis:7 --port=6379 -n qa',
  `cat > redis-lb.yaml <<'EOF'\n${redisLbYaml}EOF`,
];

import { isEgressIp, publicIpCount, publicIpIsFrontendFor, publicIps, serviceExists, serviceHasExternalIp } from '../../src/learn/exercise/predicates';
import type { CheckResult, ExerciseDef, ExerciseState } from '../../src/learn/exercise/types';
import type { Service } from '../../src/sim/kube/types';

const NODE_RG = 'MC_myResourceGroup_myAKSCluster_eastus';

const gap = (en: string, ko: string): CheckResult => ({ ok: false, gap: { en, ko } });

/** The typed count must be the number of Public IPs the node resource group holds right now. */
function isPublicIpCount(state: ExerciseState, answer: string): CheckResult {
  const n = publicIps(state.sandbox).length;
  const typed = Number.parseInt(answer, 10);
  if (!/^\d+$/.test(answer))
    return gap(
      `Type a number: how many Public IPs did az network public-ip list show?`,
      `숫자로 입력하세요. az network public-ip list에 공용 IP 주소가 몇 개 나왔나요?`,
    );
  if (typed === n) return { ok: true };
  if (typed === 1)
    return gap(
      '1 is what most people expect for one Service. List the Public IPs of the node resource group and count the rows.',
      '서비스가 하나니 1개라고 생각하기 쉽습니다. 노드 리소스 그룹의 공용 IP 주소를 나열하고 행을 세어 보세요.',
    );
  return gap(
    `${typed} is not what the node resource group holds now: list its Public IPs and count again.`,
    `${typed}개는 지금 노드 리소스 그룹에 있는 수가 아닙니다. 공용 IP 주소를 나열해 다시 세어 보세요.`,
  );
}

/** The node port that redis-lb, as a NodePort Service too, opens on every node. */
function isRedisNodePort(state: ExerciseState, answer: string): CheckResult {
  const svc = state.sandbox.kube.tryGet('Service', 'redis-lb', 'qa') as Service | undefined;
  const port = svc?.spec.ports?.[0];
  if (!port?.nodePort)
    return gap('qa/redis-lb has no node port: is it still a LoadBalancer Service?', 'qa/redis-lb에 노드 포트가 없습니다. 아직 LoadBalancer 서비스인가요?');
  if (answer === String(port.nodePort)) return { ok: true };
  if (answer === String(port.port))
    return gap(
      `${answer} is the Service port (the ClusterIP and the load balancer listen on it); the node port is the other number in PORT(S).`,
      `${answer}은(는) 서비스 포트입니다(ClusterIP와 부하 분산 장치가 이 포트에서 받습니다). 노드 포트는 PORT(S)의 다른 숫자입니다.`,
    );
  return gap(
    `${answer} is not redis-lb's node port: read PORT(S) in kubectl get service redis-lb -n qa.`,
    `${answer}은(는) redis-lb의 노드 포트가 아닙니다. kubectl get service redis-lb -n qa의 PORT(S)를 읽어 보세요.`,
  );
}

export const exercises: ExerciseDef[] = [
  {
    id: 'expose-redis',
    title: { en: 'Give Redis an EXTERNAL-IP', ko: 'Redis에 EXTERNAL-IP 부여하기' },
    task: {
      en: 'Apply the redis-lb Service in the qa namespace and wait until it has an EXTERNAL-IP backed by a Public IP on the load balancer kubernetes.',
      ko: 'qa 네임스페이스에 redis-lb 서비스를 적용하고, 부하 분산 장치 kubernetes의 공용 IP 주소로 EXTERNAL-IP가 생길 때까지 기다리세요.',
    },
    goals: [serviceExists('qa', 'redis-lb'), serviceHasExternalIp('qa', 'redis-lb'), publicIpIsFrontendFor('qa', 'redis-lb')],
    hints: [
      {
        text: {
          en: 'The editor already holds the Service: press Apply (or Ctrl+Enter).',
          ko: '편집기에 서비스가 이미 있습니다. 적용(또는 Ctrl+Enter)을 누르세요.',
        },
      },
      {
        text: {
          en: 'Run kubectl get svc -n qa again after a few seconds: <pending> turns into an address.',
          ko: '몇 초 뒤 kubectl get svc -n qa를 다시 실행하세요. <pending>이 주소로 바뀝니다.',
        },
        when: ({ sandbox }) => Boolean(sandbox.kube.tryGet('Service', 'redis-lb', 'qa')),
      },
    ],
    solution: ['kubectl apply -f redis-lb.yaml', 'sleep 30', 'kubectl get service redis-lb --namespace qa'],
  },
  {
    id: 'count-public-ips',
    needs: ['expose-redis'],
    title: { en: 'Count the Public IPs', ko: '공용 IP 주소 세기' },
    task: {
      en: 'List the Public IPs of the node resource group with az. One Service is exposed: how many Public IPs are there, and why? Type the number, then pick the reason.',
      ko: 'az로 노드 리소스 그룹의 공용 IP 주소를 나열하세요. 서비스는 하나만 노출했는데, 공용 IP 주소는 몇 개이고 왜 그럴까요? 개수를 입력하고 이유를 고르세요.',
    },
    // The lab must still be in the state the question is about: one Service, two Public IPs.
    goals: [publicIpCount(2)],
    hints: [
      { text: { en: `az network public-ip list -g ${NODE_RG} -o table`, ko: `az network public-ip list -g ${NODE_RG} -o table` } },
      {
        text: {
          en: 'One name starts with kubernetes-a…, the other is a GUID: look at their tags (add --query "[].{name:name, tags:tags}" -o json).',
          ko: '하나는 kubernetes-a…로 시작하고, 다른 하나는 GUID입니다. 둘의 태그를 살펴보세요(--query "[].{name:name, tags:tags}" -o json을 붙여 보세요).',
        },
      },
      {
        text: {
          en: 'k8s-azure-service names the Service a Public IP belongs to; aks-managed-type: aks-slb-managed-outbound-ip marks the address pods leave through.',
          ko: 'k8s-azure-service는 공용 IP 주소가 어느 서비스의 것인지 알려 주고, aks-managed-type: aks-slb-managed-outbound-ip는 파드가 나갈 때 쓰는 주소라는 표시입니다.',
        },
      },
    ],
    solution: [`az network public-ip list -g ${NODE_RG} -o table`, `az network public-ip list -g ${NODE_RG} --query "length(@)" -o tsv`],
    answer: {
      prompt: { en: 'How many Public IPs are in the node resource group?', ko: '노드 리소스 그룹에 공용 IP 주소가 몇 개 있나요?' },
      check: isPublicIpCount,
    },
    choice: {
      prompt: { en: 'Why that many, with only one Service exposed?', ko: '서비스를 하나만 노출했는데 왜 그만큼일까요?' },
      correct: 'service-and-egress',
      options: [
        {
          id: 'in-and-out',
          text: {
            en: 'redis-lb got two: one for the traffic coming in, one for its replies',
            ko: 'redis-lb가 두 개를 받았다. 하나는 들어오는 트래픽용, 하나는 응답용이다',
          },
          why: {
            en: 'No: replies leave through the same frontend the request came in on. Only one of the two carries k8s-azure-service: qa/redis-lb.',
            ko: '아닙니다. 응답은 요청이 들어온 프런트 엔드로 나갑니다. 둘 중 k8s-azure-service: qa/redis-lb 태그가 붙은 것은 하나뿐입니다.',
          },
        },
        {
          id: 'spare',
          text: { en: 'AKS keeps a spare Public IP ready for the next Service', ko: 'AKS가 다음 서비스를 위해 여분의 공용 IP를 준비해 둔다' },
          why: {
            en: 'No: the cloud provider creates a Public IP when a Service needs one. Look at the GUID-named one’s tags.',
            ko: '아닙니다. 클라우드 공급자는 서비스에 필요할 때 공용 IP 주소를 만듭니다. GUID 이름인 것의 태그를 보세요.',
          },
        },
        {
          id: 'service-and-egress',
          text: {
            en: 'One is redis-lb’s (kubernetes-a…, tagged k8s-azure-service); the other is the managed outbound IP AKS made with the cluster, which pods leave through',
            ko: '하나는 redis-lb의 것(kubernetes-a…, k8s-azure-service 태그)이고, 다른 하나는 AKS가 클러스터와 함께 만든 관리형 아웃바운드 IP로, 파드가 나갈 때 쓴다',
          },
        },
        {
          id: 'lb-address',
          text: {
            en: 'The load balancer kubernetes has an address of its own, besides the Service’s',
            ko: '부하 분산 장치 kubernetes에는 서비스 주소와 별도로 자기 주소가 있다',
          },
          why: {
            en: 'Close, but a load balancer has no address of its own: the GUID-named Public IP sits on a frontend that only the outbound rule aksOutboundRule uses, for egress.',
            ko: '비슷하지만 아닙니다. 부하 분산 장치에는 자기 주소가 없습니다. GUID 이름의 공용 IP는 아웃바운드 규칙 aksOutboundRule만 쓰는 프런트 엔드에 붙어 있고, 송신용입니다.',
          },
        },
      ],
    },
  },
  {
    id: 'egress-ip',
    needs: ['count-public-ips'],
    title: { en: 'Find the way out', ko: '나가는 길 찾기' },
    task: {
      en: 'Paste the IP address your pods leave the cluster through (the managed outbound IP).',
      ko: '파드가 클러스터 밖으로 나갈 때 쓰는 IP 주소(관리형 아웃바운드 IP)를 붙여 넣으세요.',
    },
    goals: [],
    hints: [
      {
        text: {
          en: 'It is the Public IP tagged aks-managed-type: aks-slb-managed-outbound-ip.',
          ko: 'aks-managed-type: aks-slb-managed-outbound-ip 태그가 붙은 공용 IP 주소입니다.',
        },
      },
      {
        text: {
          en: `Or start from the rule: az network lb outbound-rule list -g ${NODE_RG} --lb-name kubernetes -o json names the frontend aksOutboundRule uses (a GUID), and the Public IP with that same GUID name holds the address.`,
          ko: `규칙 쪽에서 거꾸로 찾아도 됩니다. az network lb outbound-rule list -g ${NODE_RG} --lb-name kubernetes -o json을 실행하면 aksOutboundRule이 쓰는 프런트 엔드 이름(GUID)이 나오고, 이름이 같은 GUID인 공용 IP 리소스를 보면 주소를 알 수 있습니다.`,
        },
      },
    ],
    solution: [`az network public-ip list -g ${NODE_RG} --query "[?tags.\\"aks-managed-type\\"=='aks-slb-managed-outbound-ip'].ipAddress" -o tsv`],
    answer: { prompt: { en: 'Type or paste the egress IP.', ko: '아웃바운드 IP를 입력하거나 붙여 넣으세요.' }, check: isEgressIp },
  },
  {
    id: 'service-layers',
    needs: ['expose-redis'],
    title: { en: 'A LoadBalancer is also a NodePort', ko: 'LoadBalancer는 NodePort이기도 하다' },
    task: {
      en: 'redis-lb is a LoadBalancer Service, built on a NodePort and a ClusterIP Service. Which node port does every node open for it? Type it.',
      ko: 'redis-lb는 LoadBalancer 서비스이고, 그 아래에는 NodePort와 ClusterIP 서비스가 깔려 있습니다. 모든 노드가 이 서비스를 위해 여는 노드 포트는 몇 번일까요? 입력하세요.',
    },
    goals: [serviceHasExternalIp('qa', 'redis-lb')],
    hints: [
      {
        text: {
          en: 'kubectl get service redis-lb -n qa: PORT(S) reads <service port>:<node port>/TCP.',
          ko: 'kubectl get service redis-lb -n qa의 PORT(S)는 <서비스 포트>:<노드 포트>/TCP 형식입니다.',
        },
      },
      {
        text: {
          en: 'The load balancer’s health probe checks that same node port on every node: az network lb probe list … --lb-name kubernetes shows it.',
          ko: '부하 분산 장치의 상태 프로브가 모든 노드에서 바로 그 노드 포트를 검사합니다. az network lb probe list … --lb-name kubernetes로 볼 수 있습니다.',
        },
      },
    ],
    solution: ["kubectl get service redis-lb -n qa -o jsonpath='{.spec.ports[0].nodePort}'"],
    answer: { prompt: { en: 'Type the node port.', ko: '노드 포트를 입력하세요.' }, check: isRedisNodePort },
  },
];
