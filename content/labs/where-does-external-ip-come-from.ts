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

import type { ExerciseDef } from '../../src/learn/exercise/types';
import { isEgressIp, publicIpCount, publicIpIsFrontendFor, ranCommand, serviceExists, serviceHasExternalIp } from '../../src/learn/exercise/predicates';

const NODE_RG = 'MC_myResourceGroup_myAKSCluster_eastus';

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
      { text: { en: 'The editor already holds the Service: press Apply (or Ctrl+Enter).', ko: '편집기에 서비스가 이미 있습니다. 적용(또는 Ctrl+Enter)을 누르세요.' } },
      {
        text: { en: 'Run kubectl get svc -n qa again after a few seconds: <pending> turns into an address.', ko: '몇 초 뒤 kubectl get svc -n qa를 다시 실행하세요. <pending>이 주소로 바뀝니다.' },
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
      en: 'List the Public IPs of the node resource group with az. One Service is exposed: how many Public IPs are there, and why?',
      ko: 'az로 노드 리소스 그룹의 공용 IP 주소를 나열하세요. 서비스는 하나만 노출했는데, 공용 IP 주소는 몇 개이고 왜 그럴까요?',
    },
    goals: [ranCommand(/az network public-ip list/, { en: 'az network public-ip list', ko: 'az network public-ip list' }), publicIpCount(2)],
    hints: [
      { text: { en: `az network public-ip list -g ${NODE_RG} -o table`, ko: `az network public-ip list -g ${NODE_RG} -o table` } },
      { text: { en: 'One name starts with kubernetes-a…, the other is a GUID: look at its tags.', ko: '하나는 kubernetes-a…로 시작하고, 다른 하나는 GUID입니다. 태그를 살펴보세요.' } },
    ],
    solution: [`az network public-ip list -g ${NODE_RG} -o table`],
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
      { text: { en: 'It is the Public IP tagged aks-managed-type: aks-slb-managed-outbound-ip.', ko: 'aks-managed-type: aks-slb-managed-outbound-ip 태그가 붙은 공용 IP 주소입니다.' } },
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
];
