/**
 * Lab for lesson 5 ("The fourth IP: egress"), shared by both languages: three nginx pods in `qa`
 * (one per node) behind the LoadBalancer Service `web`, on a default cluster (outbound type
 * loadBalancer, one managed outbound IP). Pods call out with `kubectl exec … -- curl`.
 */

import { egressIps, publicIpCount, ranCommand } from '../../src/learn/exercise/predicates';
import type { ExerciseDef, Goal } from '../../src/learn/exercise/types';

export const setup = [
  'kubectl create namespace qa',
  'kubectl create deployment web --image=nginx:1.27 --port=80 --replicas=3 -n qa',
  'kubectl expose deployment web --type=LoadBalancer --port=80 -n qa',
];

const NODE_RG = 'MC_myResourceGroup_myAKSCluster_eastus';
const OUTBOUND_QUERY = `"[?tags.\\"aks-managed-type\\"=='aks-slb-managed-outbound-ip'].{name:name, address:ipAddress}"`;
const GET_POD = `POD=$(kubectl get pods --namespace qa -l app=web -o jsonpath='{.items[0].metadata.name}')`;
/** What-is-my-IP services the lab's curl answers (src/cli/curl). */
const WHATS_MY_IP = /kubectl\s+(exec|run)\b.*\b(curl|wget)\b.*\b(ifconfig\.me|icanhazip\.com|api\.ipify\.org|ifconfig\.co|checkip\.amazonaws\.com)/;

/** aksOutboundRule uses exactly `count` frontends (managed outbound IPs). */
function outboundIpCount(count: number): Goal {
  return ({ sandbox }) => {
    const n = egressIps(sandbox).length;
    if (n === count) return { ok: true };
    return {
      ok: false,
      gap: {
        en: `aksOutboundRule uses ${n} outbound IP${n === 1 ? '' : 's'}, ${count} expected: change it with az aks update --load-balancer-managed-outbound-ip-count.`,
        ko: `aksOutboundRule이 아웃바운드 IP를 ${n}개 쓰고 있습니다. ${count}개여야 합니다. az aks update --load-balancer-managed-outbound-ip-count로 바꾸세요.`,
      },
    };
  };
}

/** aksOutboundRule hands every node `ports` SNAT ports (allocatedOutboundPorts). */
function allocatedPorts(ports: number): Goal {
  return ({ sandbox }) => {
    const lb = sandbox.arm.get(
      `/subscriptions/${sandbox.options.subscriptionId}/resourceGroups/${NODE_RG}/providers/Microsoft.Network/loadBalancers/kubernetes`,
    );
    const rule = ((lb?.properties.outboundRules as { name: string; properties: { allocatedOutboundPorts?: number } }[] | undefined) ?? []).find(
      (r) => r.name === 'aksOutboundRule',
    );
    const now = Number(rule?.properties.allocatedOutboundPorts ?? 0);
    if (now === ports) return { ok: true };
    return {
      ok: false,
      gap: {
        en: `aksOutboundRule allocates ${now === 0 ? 'ports automatically (0)' : `${now} ports per node`}, ${ports} expected: az aks update --load-balancer-outbound-ports ${ports}.`,
        ko: `aksOutboundRule이 ${now === 0 ? '포트를 자동(0)으로' : `노드당 ${now}개를`} 할당하고 있습니다. ${ports}개여야 합니다. az aks update --load-balancer-outbound-ports ${ports}를 실행하세요.`,
      },
    };
  };
}

export const exercises: ExerciseDef[] = [
  {
    id: 'egress-from-pod',
    title: { en: 'Ask the internet who you are', ko: '인터넷에 내 주소 물어보기' },
    task: {
      en: 'From a pod in qa, call ifconfig.me with curl to see the address the internet sees, then find that address among the Public IPs of the node resource group.',
      ko: 'qa의 파드 안에서 curl로 ifconfig.me를 호출해 인터넷이 보는 주소를 확인하고, 노드 리소스 그룹의 공용 IP 주소 중에서 그 주소를 찾으세요.',
    },
    goals: [
      ranCommand(WHATS_MY_IP, { en: 'kubectl exec <pod> -n qa -- curl -s ifconfig.me', ko: 'kubectl exec <파드> -n qa -- curl -s ifconfig.me' }),
      ranCommand(/az network public-ip (list|show)/, { en: 'az network public-ip list', ko: 'az network public-ip list' }),
    ],
    hints: [
      { text: { en: `Pick a pod name first: ${GET_POD}`, ko: `먼저 파드 이름을 구하세요. ${GET_POD}` } },
      { text: { en: 'kubectl exec $POD --namespace qa -- curl -s ifconfig.me; echo', ko: 'kubectl exec $POD --namespace qa -- curl -s ifconfig.me; echo' } },
      {
        text: {
          en: `az network public-ip list -g ${NODE_RG} -o table: which row has that address?`,
          ko: `az network public-ip list -g ${NODE_RG} -o table에서 그 주소가 있는 행을 찾으세요.`,
        },
      },
    ],
    solution: [GET_POD, 'kubectl exec $POD --namespace qa -- curl -s ifconfig.me; echo', `az network public-ip list -g ${NODE_RG} -o table`],
  },
  {
    id: 'two-outbound-ips',
    needs: ['egress-from-pod'],
    title: { en: 'Two managed outbound IPs', ko: '관리형 아웃바운드 IP 두 개' },
    task: {
      en: 'Give the cluster two managed outbound IPs with az aks update, then count the Public IPs of the node resource group.',
      ko: 'az aks update로 클러스터의 관리형 아웃바운드 IP를 두 개로 늘린 다음, 노드 리소스 그룹의 공용 IP 주소를 세어 보세요.',
    },
    goals: [
      outboundIpCount(2),
      ranCommand(/az network public-ip list/, { en: 'az network public-ip list', ko: 'az network public-ip list' }),
      publicIpCount(3),
    ],
    hints: [
      {
        text: {
          en: 'az aks update --resource-group myResourceGroup --name myAKSCluster --load-balancer-managed-outbound-ip-count 2',
          ko: 'az aks update --resource-group myResourceGroup --name myAKSCluster --load-balancer-managed-outbound-ip-count 2',
        },
      },
      { text: { en: 'Two outbound IPs plus the Service web’s IP make three.', ko: '아웃바운드 IP 두 개에 web 서비스의 IP 하나를 더하면 세 개입니다.' } },
    ],
    solution: [
      'az aks update --resource-group myResourceGroup --name myAKSCluster --load-balancer-managed-outbound-ip-count 2 --query networkProfile.loadBalancerProfile.managedOutboundIPs',
      `az network public-ip list -g ${NODE_RG} -o table`,
    ],
  },
  {
    id: 'snat-ports',
    needs: ['two-outbound-ips'],
    title: { en: '32,000 SNAT ports per node', ko: '노드당 SNAT 포트 32,000개' },
    task: {
      en: 'Give every node 32,000 SNAT ports. With three nodes, how many outbound IPs does that need?',
      ko: '모든 노드에 SNAT 포트를 32,000개씩 주세요. 노드가 3개라면 아웃바운드 IP는 몇 개가 필요할까요?',
    },
    goals: [allocatedPorts(32000), outboundIpCount(2)],
    hints: [
      {
        text: {
          en: 'az aks update --resource-group myResourceGroup --name myAKSCluster --load-balancer-outbound-ports 32000',
          ko: 'az aks update --resource-group myResourceGroup --name myAKSCluster --load-balancer-outbound-ports 32000',
        },
      },
      {
        text: {
          en: '3 × 32,000 = 96,000 ports: more than one outbound IP’s 64,000, within two IPs’ 128,000.',
          ko: '3 × 32,000 = 96,000개입니다. 아웃바운드 IP 하나(64,000개)로는 부족하고 두 개(128,000개)면 됩니다.',
        },
      },
    ],
    solution: [
      'az aks update --resource-group myResourceGroup --name myAKSCluster --load-balancer-outbound-ports 32000 --query networkProfile.loadBalancerProfile.allocatedOutboundPorts',
    ],
  },
  {
    id: 'new-egress-ip',
    needs: ['two-outbound-ips'],
    title: { en: 'The new way out', ko: '새로 생긴 출구' },
    task: {
      en: 'Paste the address of the outbound IP that AKS added, the one a partner must now add to their allow list.',
      ko: 'AKS가 새로 추가한 아웃바운드 IP의 주소를 붙여 넣으세요. 협력사가 허용 목록에 새로 넣어야 하는 주소입니다.',
    },
    goals: [],
    hints: [
      {
        text: {
          en: `Filter on the tag: az network public-ip list -g ${NODE_RG} --query ${OUTBOUND_QUERY} -o table`,
          ko: `태그로 거르세요. az network public-ip list -g ${NODE_RG} --query ${OUTBOUND_QUERY} -o table`,
        },
      },
      {
        text: {
          en: 'The original one, 20.185.78.214 in the lesson, has been there since the cluster was created.',
          ko: '원래 있던 것(본문에서는 20.185.78.214)은 클러스터를 만들 때부터 있었습니다.',
        },
      },
    ],
    solution: [`az network public-ip list -g ${NODE_RG} --query "[?tags.\\"aks-managed-type\\"=='aks-slb-managed-outbound-ip'].ipAddress" -o tsv | tail -n 1`],
    answer: {
      prompt: { en: 'Type or paste the new outbound IP.', ko: '새 아웃바운드 IP를 입력하거나 붙여 넣으세요.' },
      check: ({ sandbox }, answer) => {
        const ips = egressIps(sandbox);
        const typed = answer.trim();
        if (ips.length < 2)
          return {
            ok: false,
            gap: {
              en: 'There is only one outbound IP: finish the previous exercise first.',
              ko: '아웃바운드 IP가 하나뿐입니다. 먼저 앞의 연습 문제를 마치세요.',
            },
          };
        if (typed === ips[0])
          return {
            ok: false,
            gap: {
              en: `${typed} is the original outbound IP, not the one AKS added.`,
              ko: `${typed}은(는) 원래 있던 아웃바운드 IP입니다. AKS가 추가한 것이 아닙니다.`,
            },
          };
        if (ips.slice(1).includes(typed)) return { ok: true };
        return {
          ok: false,
          gap: { en: `${typed} is not one of aksOutboundRule’s outbound IPs.`, ko: `${typed}은(는) aksOutboundRule의 아웃바운드 IP가 아닙니다.` },
        };
      },
    },
  },
];
