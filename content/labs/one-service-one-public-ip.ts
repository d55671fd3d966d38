/**
 * Lab for lesson 3, shared by both languages: a fresh cluster with two Deployments in `shop`.
 * The text exposes `web` on port 80; the exercises expose `api` on port 8080 (container port 80).
 */
import type { LabSandbox } from '../../src/lab/types';
import { externalIpOf, nodeResourceGroup, ranCommand, serviceHasExternalIp } from '../../src/learn/exercise/predicates';
import type { CheckResult, ExerciseDef, ExerciseState, Goal } from '../../src/learn/exercise/types';
import type { ArmResource } from '../../src/sim/azure/types';

export const setup = [
  'kubectl create namespace shop',
  'kubectl create deployment web --image=nginx --port=80 -n shop',
  'kubectl create deployment api --image=nginx --port=80 -n shop',
];

const NODE_RG = 'MC_myResourceGroup_myAKSCluster_eastus';

const ok: CheckResult = { ok: true };
const gap = (en: string, ko: string): CheckResult => ({ ok: false, gap: { en, ko } });

interface Sub {
  name: string;
  id: string;
  properties?: Record<string, unknown>;
}

function armIn(sandbox: LabSandbox, type: string, name: string): ArmResource | undefined {
  return sandbox.arm.list({ resourceGroup: nodeResourceGroup(sandbox), type }).find((r) => r.name === name);
}

function subs(r: ArmResource | undefined, key: string): Sub[] {
  return ((r?.properties as Record<string, unknown> | undefined)?.[key] as Sub[] | undefined) ?? [];
}

interface ServiceView {
  metadata: { uid?: string };
  spec?: { ports?: { port: number; protocol?: string; nodePort?: number }[] };
}

function serviceOf(sandbox: LabSandbox, namespace: string, name: string): ServiceView | undefined {
  return sandbox.kube.tryGet('Service', name, namespace) as ServiceView | undefined;
}

/** `a` + the UID without dashes, cut to 32 characters: the cloud provider's base name. */
export function baseName(uid: string): string {
  return `a${uid.replace(/-/g, '')}`.slice(0, 32);
}

/** The managed Public IP name the cloud provider gives a Service. */
export function publicIpNameOf(sandbox: LabSandbox, namespace: string, name: string): string | undefined {
  const uid = serviceOf(sandbox, namespace, name)?.metadata.uid;
  return uid ? `kubernetes-${baseName(uid)}` : undefined;
}

/** The load balancer `kubernetes` has the Service's rule and probe for `port`, the probe on the port's nodePort. */
function ruleAndProbeFor(namespace: string, name: string, port: number): Goal {
  return ({ sandbox }) => {
    const svc = serviceOf(sandbox, namespace, name);
    const uid = svc?.metadata.uid;
    if (!uid) return gap(`There is no Service ${namespace}/${name} yet.`, `아직 ${namespace}/${name} 서비스가 없습니다.`);
    const spec = svc.spec?.ports?.find((p) => p.port === port);
    if (!spec)
      return gap(
        `${namespace}/${name} has no port ${port}: expose it with --port=${port}.`,
        `${namespace}/${name}에 ${port} 포트가 없습니다. --port=${port}로 노출하세요.`,
      );
    const ruleName = `${baseName(uid)}-${(spec.protocol ?? 'TCP').toUpperCase()}-${port}`;
    const lb = armIn(sandbox, 'Microsoft.Network/loadBalancers', 'kubernetes');
    if (!subs(lb, 'loadBalancingRules').some((r) => r.name === ruleName)) {
      return gap(`The load balancer kubernetes has no rule ${ruleName} yet.`, `부하 분산 장치 kubernetes에 아직 ${ruleName} 규칙이 없습니다.`);
    }
    const probe = subs(lb, 'probes').find((p) => p.name === ruleName);
    if (!probe) return gap(`The rule is there, but no health probe ${ruleName} yet.`, `규칙은 있지만 상태 프로브 ${ruleName}는 아직 없습니다.`);
    return Number(probe.properties?.port) === spec.nodePort
      ? ok
      : gap(
          `The probe ${ruleName} checks port ${String(probe.properties?.port)}, not the node port ${spec.nodePort}.`,
          `프로브 ${ruleName}가 노드 포트 ${spec.nodePort}가 아니라 ${String(probe.properties?.port)} 포트를 확인합니다.`,
        );
  };
}

/** The names of the NSG rules that allow traffic to the Service's IP on `port`. */
export function nsgRulesFor(sandbox: LabSandbox, namespace: string, name: string, port: number): string[] {
  const ip = externalIpOf(sandbox, namespace, name);
  if (!ip) return [];
  return sandbox.arm
    .list({ resourceGroup: nodeResourceGroup(sandbox), type: 'Microsoft.Network/networkSecurityGroups' })
    .flatMap((nsg) => subs(nsg, 'securityRules'))
    .filter((r) => {
      const p = r.properties ?? {};
      const dest = [p.destinationAddressPrefix, ...((p.destinationAddressPrefixes as string[] | undefined) ?? [])];
      const ports = [p.destinationPortRange, ...((p.destinationPortRanges as string[] | undefined) ?? [])];
      return p.access === 'Allow' && dest.includes(ip) && ports.includes(String(port));
    })
    .map((r) => r.name);
}

/** The newest successful NSG write in the node resource group that AKS itself did not make. */
function lastNsgWrite(sandbox: LabSandbox) {
  return [...sandbox.arm.activityLog]
    .reverse()
    .find(
      (e) =>
        e.operationName === 'Microsoft.Network/networkSecurityGroups/write' &&
        e.status === 'Succeeded' &&
        e.caller !== 'AzureContainerService' &&
        e.resourceGroup?.toLowerCase() === nodeResourceGroup(sandbox).toLowerCase(),
    );
}

/** The cluster identity (not AKS, not the learner) wrote the NSG: that is what the question is about. */
const nsgWrittenByCluster: Goal = ({ sandbox }) =>
  lastNsgWrite(sandbox)
    ? ok
    : gap(
        'No NSG write by the cloud provider in the activity log yet: is shop/api exposed?',
        '활동 로그에 아직 클라우드 공급자의 NSG 쓰기가 없습니다. shop/api를 노출했나요?',
      );

function isNsgWriter(state: ExerciseState, answer: string): CheckResult {
  const want = lastNsgWrite(state.sandbox)?.caller;
  if (want && answer.toLowerCase() === want.toLowerCase()) return ok;
  if (answer === 'AzureContainerService')
    return gap(
      'AzureContainerService is AKS itself, building the cluster. Filter those entries out: the NSG write for shop/api has another caller.',
      'AzureContainerService는 클러스터를 만든 AKS 자신입니다. 그 항목은 걸러 내세요. shop/api를 위한 NSG 쓰기의 호출자는 따로 있습니다.',
    );
  if (answer.includes('@'))
    return gap(
      `${answer} is a user account: your own az commands are logged with it, not the cloud provider’s writes.`,
      `${answer}은(는) 사용자 계정입니다. 내 az 명령은 이 계정으로 기록되지만, 클라우드 공급자의 쓰기는 아닙니다.`,
    );
  return gap(
    `${answer} is not the caller of the NSG write: read caller on the networkSecurityGroups/write entry.`,
    `${answer}은(는) NSG 쓰기의 호출자가 아닙니다. networkSecurityGroups/write 항목의 caller를 읽어 보세요.`,
  );
}

export const exercises: ExerciseDef[] = [
  {
    id: 'expose-api',
    title: { en: 'Expose api and find its rule', ko: 'api를 노출하고 규칙 찾기' },
    task: {
      en: 'Expose the Deployment api in shop as a public LoadBalancer Service on port 8080 (the container listens on 80). Then find its load-balancing rule and health probe with az.',
      ko: 'shop의 디플로이먼트 api를 8080 포트의 공용 LoadBalancer 서비스로 노출하세요(컨테이너는 80 포트에서 대기합니다). 그런 다음 az로 부하 분산 규칙과 상태 프로브를 찾으세요.',
    },
    goals: [
      serviceHasExternalIp('shop', 'api'),
      ruleAndProbeFor('shop', 'api', 8080),
      ranCommand(/az network lb (rule|probe) (list|show)\b/, { en: 'az network lb rule list (or probe list)', ko: 'az network lb rule list(또는 probe list)' }),
    ],
    hints: [
      {
        text: {
          en: 'kubectl expose deployment api --type=LoadBalancer --port=8080 --target-port=80 --namespace shop',
          ko: 'kubectl expose deployment api --type=LoadBalancer --port=8080 --target-port=80 --namespace shop',
        },
      },
      {
        text: {
          en: 'Wait until kubectl get service api -n shop shows an EXTERNAL-IP: the rule appears in the same step.',
          ko: 'kubectl get service api -n shop에 EXTERNAL-IP가 보일 때까지 기다리세요. 규칙도 그 사이에 만들어집니다.',
        },
        when: ({ sandbox }) => Boolean(sandbox.kube.tryGet('Service', 'api', 'shop')),
      },
      {
        text: {
          en: `az network lb rule list -g ${NODE_RG} --lb-name kubernetes -o table`,
          ko: `az network lb rule list -g ${NODE_RG} --lb-name kubernetes -o table`,
        },
      },
    ],
    solution: [
      'kubectl expose deployment api --type=LoadBalancer --port=8080 --target-port=80 --namespace shop',
      'sleep 30',
      `az network lb rule list -g ${NODE_RG} --lb-name kubernetes -o table`,
      `az network lb probe list -g ${NODE_RG} --lb-name kubernetes -o table`,
    ],
  },
  {
    id: 'name-the-pip',
    needs: ['expose-api'],
    title: { en: 'Name the Public IP from the UID', ko: 'UID로 공용 IP 이름 맞히기' },
    task: {
      en: 'Without listing the Public IPs, work out the name of the Public IP the cloud provider created for shop/api, and type it.',
      ko: '공용 IP 목록을 보지 말고, 클라우드 공급자가 shop/api를 위해 만든 공용 IP의 이름을 알아내 입력하세요.',
    },
    goals: [],
    hints: [
      { text: { en: "kubectl get service api -n shop -o jsonpath='{.metadata.uid}'", ko: "kubectl get service api -n shop -o jsonpath='{.metadata.uid}'" } },
      {
        text: {
          en: 'Drop the dashes, put a in front, keep 32 characters, then put kubernetes- in front of that.',
          ko: '하이픈을 지우고 앞에 a를 붙여 32자만 남긴 다음, 그 앞에 kubernetes-를 붙이세요.',
        },
      },
    ],
    solution: [`echo kubernetes-a$(kubectl get service api -n shop -o jsonpath='{.metadata.uid}' | tr -d '-' | cut -c1-31)`],
    answer: {
      prompt: { en: 'Type the Public IP’s name.', ko: '공용 IP 이름을 입력하세요.' },
      check: (state, answer) => {
        const want = publicIpNameOf(state.sandbox, 'shop', 'api');
        if (want && answer === want) return ok;
        const base = want?.slice('kubernetes-'.length);
        if (base && answer === base)
          return gap(
            `${answer} is the frontend’s name (and the rules’ prefix). The Public IP’s name has the cluster name in front.`,
            `${answer}은(는) 프런트 엔드 이름(규칙 이름의 앞부분)입니다. 공용 IP 이름은 앞에 클러스터 이름이 붙습니다.`,
          );
        const web = publicIpNameOf(state.sandbox, 'shop', 'web');
        if (web && answer === web)
          return gap(`${answer} belongs to shop/web. Use the UID of shop/api.`, `${answer}은(는) shop/web의 것입니다. shop/api의 UID를 쓰세요.`);
        if (want && answer.startsWith('kubernetes-a') && answer.length === want.length + 1)
          return gap('One character too many: the UID’s last hex digit is dropped.', '한 글자가 많습니다. UID의 마지막 16진수 한 자리는 잘려 나갑니다.');
        return gap(
          `${answer} is not the name the cloud provider gave shop/api’s Public IP.`,
          `${answer}은(는) 클라우드 공급자가 shop/api의 공용 IP에 붙인 이름이 아닙니다.`,
        );
      },
    },
  },
  {
    id: 'find-nsg-rule',
    needs: ['expose-api'],
    title: { en: 'The NSG rule that lets the Internet in', ko: '인터넷 트래픽을 들여보내는 NSG 규칙' },
    task: {
      en: 'Which rule in the network security group lets the Internet reach shop/api on port 8080? Type its name.',
      ko: '네트워크 보안 그룹의 어느 규칙이 인터넷에서 shop/api의 8080 포트로 오는 트래픽을 허용할까요? 규칙 이름을 입력하세요.',
    },
    goals: [],
    hints: [
      {
        text: {
          en: `az network nsg list -g ${NODE_RG} -o table gives the NSG’s name; az network nsg rule list … -o table its rules.`,
          ko: `az network nsg list -g ${NODE_RG} -o table로 NSG 이름을, az network nsg rule list … -o table로 규칙을 볼 수 있습니다.`,
        },
      },
      {
        text: {
          en: 'Look for the rule whose destination is api’s EXTERNAL-IP and whose port is 8080. Its name has no UID in it.',
          ko: 'api의 EXTERNAL-IP가 대상이고 포트가 8080인 규칙을 찾으세요. 이름에는 UID가 들어 있지 않습니다.',
        },
      },
    ],
    solution: [`az network nsg rule list -g ${NODE_RG} --nsg-name aks-agentpool-22060594-nsg --query "[?contains(destinationPortRanges, '8080')].name" -o tsv`],
    answer: {
      prompt: { en: 'Type the NSG rule’s name.', ko: 'NSG 규칙 이름을 입력하세요.' },
      check: (state, answer) => {
        const names = nsgRulesFor(state.sandbox, 'shop', 'api', 8080);
        if (names.includes(answer)) return ok;
        if (nsgRulesFor(state.sandbox, 'shop', 'web', 80).includes(answer)) {
          return gap(
            `${answer} allows port 80 to shop/web. Look for port 8080.`,
            `${answer}은(는) shop/web의 80 포트를 허용하는 규칙입니다. 8080 포트를 찾으세요.`,
          );
        }
        if (/^a[0-9a-f]{31}/.test(answer))
          return gap(
            `${answer} is a load balancer name (frontend, rule or probe), not an NSG rule.`,
            `${answer}은(는) 부하 분산 장치 쪽 이름(프런트 엔드, 규칙, 프로브)이지 NSG 규칙이 아닙니다.`,
          );
        return gap(`${answer} is not an NSG rule that allows shop/api on port 8080.`, `${answer}은(는) shop/api의 8080 포트를 허용하는 NSG 규칙이 아닙니다.`);
      },
    },
  },
  {
    id: 'who-wrote-nsg',
    needs: ['expose-api'],
    title: { en: 'Who wrote the NSG?', ko: 'NSG를 누가 썼나?' },
    task: {
      en: 'Exposing shop/api wrote to the network security group. Find that write in the activity log and type its caller; then say whose identity that is.',
      ko: 'shop/api를 노출하면서 네트워크 보안 그룹에 쓰기가 일어났습니다. 활동 로그에서 그 쓰기를 찾아 호출자(caller)를 입력하고, 그것이 누구의 ID인지 고르세요.',
    },
    goals: [nsgWrittenByCluster],
    hints: [
      {
        text: {
          en: `az monitor activity-log list -g ${NODE_RG} --query "[].{op:operationName.value, caller:caller, status:status.value}" -o table`,
          ko: `az monitor activity-log list -g ${NODE_RG} --query "[].{op:operationName.value, caller:caller, status:status.value}" -o table`,
        },
      },
      {
        text: {
          en: 'Entries by AzureContainerService are AKS building the cluster; the NSG write you want came later, from someone else.',
          ko: 'AzureContainerService의 항목은 AKS가 클러스터를 만들 때 남긴 것입니다. 찾는 NSG 쓰기는 그 뒤에 다른 호출자가 남겼습니다.',
        },
      },
      {
        text: {
          en: 'Compare it with az aks show -g myResourceGroup -n myAKSCluster --query identity.principalId -o tsv.',
          ko: 'az aks show -g myResourceGroup -n myAKSCluster --query identity.principalId -o tsv의 결과와 비교해 보세요.',
        },
      },
    ],
    solution: [
      `az monitor activity-log list -g ${NODE_RG} --query "[?operationName.value=='Microsoft.Network/networkSecurityGroups/write' && caller!='AzureContainerService'] | [0].caller" -o tsv`,
    ],
    answer: { prompt: { en: 'Type the caller of the NSG write.', ko: 'NSG 쓰기의 호출자를 입력하세요.' }, check: isNsgWriter },
    choice: {
      prompt: { en: 'Whose identity is that caller?', ko: '그 호출자는 누구의 ID일까요?' },
      correct: 'cluster-identity',
      options: [
        {
          id: 'you',
          text: { en: 'Yours: kubectl expose made the Azure calls for you', ko: '내 것이다. kubectl expose가 나 대신 Azure를 호출했다' },
          why: {
            en: 'No: kubectl only talks to the Kubernetes API server. Your own az writes show your account (azureuser@contoso.com in the lab).',
            ko: '아닙니다. kubectl은 쿠버네티스 API 서버와만 이야기합니다. 내가 az로 쓴 작업에는 내 계정(실습에서는 azureuser@contoso.com)이 남습니다.',
          },
        },
        {
          id: 'aks',
          text: { en: 'AKS’s own resource provider, which manages the node resource group', ko: '노드 리소스 그룹을 관리하는 AKS 리소스 공급자' },
          why: {
            en: 'No: AKS’s writes (creating the cluster, scaling, outbound IPs) show AzureContainerService. Service resources are written by another identity.',
            ko: '아닙니다. AKS의 쓰기(클러스터 생성, 크기 조정, 아웃바운드 IP)에는 AzureContainerService가 남습니다. 서비스용 리소스는 다른 ID가 씁니다.',
          },
        },
        {
          id: 'cluster-identity',
          text: {
            en: 'The cluster’s control-plane identity, which the cloud controller manager signs in with (identity.principalId of az aks show)',
            ko: '클라우드 컨트롤러 매니저가 로그인할 때 쓰는 클러스터 관리 ID(az aks show의 identity.principalId)',
          },
        },
        {
          id: 'kubelet',
          text: { en: 'The kubelet identity of the nodes', ko: '노드의 kubelet ID' },
          why: {
            en: 'No: the kubelet identity pulls images and reads from the nodes; load balancer, Public IP and NSG writes come from the cluster identity.',
            ko: '아닙니다. kubelet ID는 노드에서 이미지를 받는 등의 일에 쓰입니다. 부하 분산 장치, 공용 IP, NSG 쓰기는 클러스터 관리 ID가 합니다.',
          },
        },
      ],
    },
  },
];
