/**
 * Lab for lesson 2, shared by both languages: a fresh cluster with one ordinary Deployment and no
 * LoadBalancer Service, so the load balancer `kubernetes` is exactly what AKS created.
 */
import type { LabSandbox } from '../../src/lab/types';
import { nodeResourceGroup, ranCommand } from '../../src/learn/exercise/predicates';
import type { CheckResult, ExerciseDef, Goal } from '../../src/learn/exercise/types';
import type { ArmResource } from '../../src/sim/azure/types';

export const setup = ['kubectl create namespace shop', 'kubectl create deployment web --image=nginx --port=80 -n shop'];

const NODE_RG = 'MC_myResourceGroup_myAKSCluster_eastus';

const ok: CheckResult = { ok: true };
const gap = (en: string, ko: string): CheckResult => ({ ok: false, gap: { en, ko } });

function lbOf(sandbox: LabSandbox): ArmResource | undefined {
  return sandbox.arm.get(
    `/subscriptions/${sandbox.options.subscriptionId}/resourceGroups/${nodeResourceGroup(sandbox)}/providers/Microsoft.Network/loadBalancers/kubernetes`,
  );
}

interface Sub {
  name: string;
  id: string;
  properties?: Record<string, unknown>;
}

function subs(lb: ArmResource | undefined, key: string): Sub[] {
  return ((lb?.properties as Record<string, unknown> | undefined)?.[key] as Sub[] | undefined) ?? [];
}

function scaleSets(sandbox: LabSandbox): ArmResource[] {
  return sandbox.arm.list({ resourceGroup: nodeResourceGroup(sandbox), type: 'Microsoft.Compute/virtualMachineScaleSets' });
}

/** The names of the frontends `aksOutboundRule` uses. */
export function outboundFrontendNames(sandbox: LabSandbox): string[] {
  const lb = lbOf(sandbox);
  const rule = subs(lb, 'outboundRules').find((r) => r.name === 'aksOutboundRule');
  const ids = ((rule?.properties?.frontendIPConfigurations as { id: string }[] | undefined) ?? []).map((f) => f.id.toLowerCase());
  return subs(lb, 'frontendIPConfigurations')
    .filter((f) => ids.includes(f.id.toLowerCase()))
    .map((f) => f.name);
}

/** The node pool's scale set has `count` instances. */
function scaleSetCapacity(count: number): Goal {
  return ({ sandbox }) => {
    const vmss = scaleSets(sandbox)[0];
    const n = Number((vmss?.sku as { capacity?: number } | undefined)?.capacity ?? 0);
    return n === count
      ? ok
      : gap(
          `The scale set ${vmss?.name ?? ''} has ${n} instances, ${count} wanted: scale nodepool1 with az aks nodepool scale.`,
          `확장 집합 ${vmss?.name ?? ''}의 인스턴스가 ${n}개입니다. ${count}개가 되도록 az aks nodepool scale로 nodepool1의 크기를 조정하세요.`,
        );
  };
}

/** The backend pool has `count` members. */
function poolMembers(pool: string, count: number): Goal {
  return ({ sandbox }) => {
    const p = subs(lbOf(sandbox), 'backendAddressPools').find((b) => b.name === pool);
    const n = ((p?.properties?.backendIPConfigurations as unknown[] | undefined) ?? []).length;
    return n === count
      ? ok
      : gap(`The backend pool ${pool} has ${n} members, ${count} expected.`, `백 엔드 풀 ${pool}의 멤버가 ${n}개입니다. ${count}개여야 합니다.`);
  };
}

export const exercises: ExerciseDef[] = [
  {
    id: 'scale-to-five',
    title: { en: 'Five nodes, which pools?', ko: '노드 다섯 개, 어느 풀에?' },
    task: {
      en: 'Scale the node pool nodepool1 to 5 nodes, then count the members of each backend pool of kubernetes with az.',
      ko: '노드 풀 nodepool1을 노드 5개로 늘린 다음, az로 kubernetes의 백 엔드 풀마다 멤버 수를 세어 보세요.',
    },
    goals: [
      scaleSetCapacity(5),
      poolMembers('aksOutboundBackendPool', 5),
      ranCommand(/az network lb (address-pool (list|show)|show)\b/, { en: 'az network lb address-pool list', ko: 'az network lb address-pool list' }),
    ],
    hints: [
      {
        text: {
          en: 'az aks nodepool scale --resource-group myResourceGroup --cluster-name myAKSCluster --name nodepool1 --node-count 5',
          ko: 'az aks nodepool scale --resource-group myResourceGroup --cluster-name myAKSCluster --name nodepool1 --node-count 5',
        },
      },
      {
        text: {
          en: `Count with a query: az network lb address-pool list -g ${NODE_RG} --lb-name kubernetes --query "[].{name:name, members:length(backendIPConfigurations)}" -o table`,
          ko: `쿼리로 세어 보세요: az network lb address-pool list -g ${NODE_RG} --lb-name kubernetes --query "[].{name:name, members:length(backendIPConfigurations)}" -o table`,
        },
      },
      {
        text: {
          en: 'Both pools follow the scale at once: the scale set names both for every instance, so a new node is in each from the start.',
          ko: '두 풀 모두 곧바로 따라옵니다. 확장 집합이 모든 인스턴스에 두 풀을 지정하므로, 새 노드는 처음부터 양쪽에 들어 있습니다.',
        },
      },
    ],
    solution: [
      'az aks nodepool scale --resource-group myResourceGroup --cluster-name myAKSCluster --name nodepool1 --node-count 5 --query count -o tsv',
      `az network lb address-pool list -g ${NODE_RG} --lb-name kubernetes --query "[].{name:name, members:length(backendIPConfigurations)}" -o table`,
    ],
  },
  {
    id: 'outbound-frontend',
    title: { en: 'The outbound rule’s frontend', ko: '아웃바운드 규칙의 프런트 엔드' },
    task: {
      en: 'Which frontend IP configuration does aksOutboundRule use? Type its name.',
      ko: 'aksOutboundRule은 어느 프런트 엔드 IP 구성을 쓸까요? 그 이름을 입력하세요.',
    },
    goals: [],
    hints: [
      {
        text: {
          en: 'az network lb outbound-rule show … -n aksOutboundRule shows frontendIPConfigurations: the name is the last part of the id.',
          ko: 'az network lb outbound-rule show … -n aksOutboundRule의 frontendIPConfigurations를 보세요. id의 마지막 부분이 이름입니다.',
        },
      },
      {
        text: {
          en: 'In the portal: the load balancer kubernetes → Frontend IP configuration, column Used by.',
          ko: '포털에서는 부하 분산 장치 kubernetes → 프런트 엔드 IP 구성의 "사용 대상" 열을 보세요.',
        },
      },
    ],
    solution: [
      `az network lb outbound-rule show -g ${NODE_RG} --lb-name kubernetes -n aksOutboundRule --query "frontendIPConfigurations[].id" -o tsv | awk -F/ '{print $NF}'`,
    ],
    answer: {
      prompt: { en: 'Type or paste the frontend’s name.', ko: '프런트 엔드 이름을 입력하거나 붙여 넣으세요.' },
      check: (state, answer) => {
        const names = outboundFrontendNames(state.sandbox);
        if (names.some((n) => n.toLowerCase() === answer.toLowerCase())) return ok;
        if (/^\d+\.\d+\.\d+\.\d+$/.test(answer)) {
          return gap(
            `${answer} is an IP address. The question asks for the frontend IP configuration’s name.`,
            `${answer}은(는) IP 주소입니다. 프런트 엔드 IP 구성의 이름을 입력하세요.`,
          );
        }
        if (answer.toLowerCase() === 'aksoutboundbackendpool' || answer.toLowerCase() === 'kubernetes') {
          return gap(
            `${answer} is a backend pool: the nodes the rule works for, not its frontend.`,
            `${answer}은(는) 백 엔드 풀입니다. 규칙이 적용되는 노드들이지 프런트 엔드가 아닙니다.`,
          );
        }
        return gap(`${answer} is not a frontend that aksOutboundRule uses.`, `${answer}은(는) aksOutboundRule이 쓰는 프런트 엔드가 아닙니다.`);
      },
    },
  },
  {
    id: 'scale-set-name',
    title: { en: 'Behind the pools', ko: '풀 뒤에 있는 것' },
    task: {
      en: 'The backend pools hold network interfaces of one virtual machine scale set. Type that scale set’s name.',
      ko: '백 엔드 풀에는 가상 머신 확장 집합 하나의 네트워크 인터페이스가 들어 있습니다. 그 확장 집합의 이름을 입력하세요.',
    },
    goals: [],
    hints: [
      {
        text: {
          en: 'Each member id reads …/virtualMachineScaleSets/<name>/virtualMachines/<n>/…',
          ko: '멤버 id는 …/virtualMachineScaleSets/<이름>/virtualMachines/<번호>/… 형식입니다.',
        },
      },
      {
        text: {
          en: `az resource list -g ${NODE_RG} -o table lists it too (type Microsoft.Compute/virtualMachineScaleSets).`,
          ko: `az resource list -g ${NODE_RG} -o table에도 나옵니다(유형 Microsoft.Compute/virtualMachineScaleSets).`,
        },
      },
    ],
    solution: [
      `az network lb address-pool show -g ${NODE_RG} --lb-name kubernetes -n aksOutboundBackendPool --query "backendIPConfigurations[0].id" -o tsv | cut -d/ -f9`,
    ],
    answer: {
      prompt: { en: 'Type or paste the scale set’s name.', ko: '확장 집합 이름을 입력하거나 붙여 넣으세요.' },
      check: (state, answer) => {
        const names = scaleSets(state.sandbox).map((v) => v.name);
        if (names.some((n) => n.toLowerCase() === answer.toLowerCase())) return ok;
        if (/vmss\d{6}$/i.test(answer)) {
          return gap(
            `${answer} is one node (one instance). The scale set’s name has no instance number at the end.`,
            `${answer}은(는) 노드 하나(인스턴스)의 이름입니다. 확장 집합 이름 끝에는 인스턴스 번호가 없습니다.`,
          );
        }
        return gap(`${answer} is not a scale set in the node resource group.`, `${answer}은(는) 노드 리소스 그룹에 있는 확장 집합이 아닙니다.`);
      },
    },
  },
];
