/**
 * Lab for lesson 10 (cleaning up and troubleshooting), shared by both languages.
 *
 * The subscription may hold only 3 Public IPs in eastus (`faults.publicIPQuota`). The managed outbound
 * IP takes one, `demo/hello-lb` (a forgotten demo) and `qa/redis-lb` the other two, so `qa/mysql-lb`
 * stays `<pending>` on `PublicIPCountLimitReached`. `qa/web` asks for a Public IP `store-ip` by name
 * (`azure-pip-name`) that nobody has created. The set-up sleeps two minutes so both have retried a few
 * times when the learner arrives.
 */

import { egressIps, externalIpOf, publicIps, serviceHasExternalIp } from '../../src/learn/exercise/predicates';
import type { ExerciseDef, ExerciseState, Goal } from '../../src/learn/exercise/types';
import type { SandboxOptions } from '../../src/sim/options';

export const sandbox: SandboxOptions = { faults: { publicIPQuota: 3 } };

export const webYaml = `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: qa
  annotations:
    service.beta.kubernetes.io/azure-pip-name: store-ip
spec:
  type: LoadBalancer
  selector:
    app: web
  ports:
    - port: 80
      targetPort: 80
`;

export const setup = [
  'kubectl create namespace qa',
  'kubectl create namespace demo',
  'kubectl create deployment redis --image=redis:7 --port=6379 -n qa',
  'kubectl create deployment mysql --image=mysql:8 --port=3306 -n qa',
  'kubectl create deployment web --image=nginx --port=80 -n qa',
  'kubectl create deployment hello --image=nginx --port=80 -n demo',
  'kubectl expose deployment hello --type=LoadBalancer --port=80 --name=hello-lb -n demo',
  'sleep 20',
  'kubectl expose deployment redis --type=LoadBalancer --port=6379 --name=redis-lb -n qa',
  'sleep 20',
  'kubectl expose deployment mysql --type=LoadBalancer --port=3306 --name=mysql-lb -n qa',
  `cat > web.yaml <<'EOF'\n${webYaml}EOF`,
  'kubectl apply -f web.yaml',
  'sleep 120',
];

const NODE_RG = 'MC_myResourceGroup_myAKSCluster_eastus';
const ok = { ok: true };
const gap = (en: string, ko: string) => ({ ok: false, gap: { en, ko } });

type Svc = { spec?: { type?: string }; metadata: { annotations?: Record<string, string> } };
const service = (state: ExerciseState, ns: string, name: string) => state.sandbox.kube.tryGet('Service', name, ns) as Svc | undefined;
const ipOf = (p: { properties?: unknown }) => String((p.properties as { ipAddress?: string } | undefined)?.ipAddress ?? '');

/** The Service is gone, or no longer of type LoadBalancer. */
function notPublic(ns: string, name: string): Goal {
  return (state) => {
    const svc = service(state, ns, name);
    return svc?.spec?.type !== 'LoadBalancer'
      ? ok
      : gap(
          `${ns}/${name} is still a LoadBalancer Service and holds a Public IP.`,
          `${ns}/${name}은(는) 아직 LoadBalancer 서비스라서 공용 IP 주소를 하나 차지하고 있습니다.`,
        );
  };
}

/** The Service still exists (the learner was asked to keep it). */
function kept(ns: string, name: string): Goal {
  return (state) =>
    service(state, ns, name)
      ? ok
      : gap(
          `${ns}/${name} was deleted, but the task asked to keep it (reset the exercise to get it back).`,
          `${ns}/${name}이(가) 지워졌지만 과제는 이 서비스를 남겨 두라고 했습니다. 연습 문제를 초기화하면 되돌릴 수 있습니다.`,
        );
}

/** A Public IP `store-ip` the learner created (no k8s-azure-service tag) is web's EXTERNAL-IP. */
const storeIpServesWeb: Goal = (state) => {
  const pip = publicIps(state.sandbox).find((p) => p.name === 'store-ip');
  if (!pip) return gap(`There is no Public IP named store-ip in ${NODE_RG} yet.`, `${NODE_RG}에 아직 store-ip라는 공용 IP 주소가 없습니다.`);
  if (pip.tags?.['k8s-azure-service'])
    return gap(
      'store-ip carries a k8s-azure-service tag: create it yourself with az, so the cloud provider treats it as yours.',
      'store-ip에 k8s-azure-service 태그가 붙어 있습니다. 클라우드 공급자가 사용자의 것으로 여기도록 az로 직접 만드세요.',
    );
  const ip = externalIpOf(state.sandbox, 'qa', 'web');
  if (!ip)
    return gap(
      `store-ip (${ipOf(pip)}) exists; qa/web is still <pending>: the service controller picks it up at its next retry (up to 5 minutes).`,
      `store-ip(${ipOf(pip)})는 생겼습니다. qa/web은 아직 <pending>입니다. 서비스 컨트롤러가 다음 재시도(최대 5분 뒤)에 가져갑니다.`,
    );
  return ip === ipOf(pip)
    ? ok
    : gap(`qa/web shows ${ip}, not store-ip's address ${ipOf(pip)}.`, `qa/web의 주소가 store-ip의 주소 ${ipOf(pip)}가 아니라 ${ip}입니다.`);
};

/** No Service of type LoadBalancer anywhere. */
const noLoadBalancerServices: Goal = ({ sandbox }) => {
  const left = (sandbox.kube.list('Service') as (Svc & { metadata: { name: string; namespace?: string } })[])
    .filter((s) => s.spec?.type === 'LoadBalancer')
    .map((s) => `${s.metadata.namespace}/${s.metadata.name}`);
  return left.length === 0 ? ok : gap(`Still of type LoadBalancer: ${left.join(', ')}.`, `아직 LoadBalancer 유형인 서비스: ${left.join(', ')}.`);
};

/** The node resource group holds exactly one Public IP, and it is the managed outbound IP. */
const onlyOutboundIpLeft: Goal = ({ sandbox }) => {
  const pips = publicIps(sandbox);
  const others = pips.filter((p) => p.tags?.['aks-managed-type'] !== 'aks-slb-managed-outbound-ip').map((p) => p.name);
  if (others.length)
    return gap(
      `Besides the outbound IP, the node resource group still holds: ${others.join(', ')}.`,
      `노드 리소스 그룹에 아웃바운드 IP 말고도 남은 것이 있습니다: ${others.join(', ')}.`,
    );
  return egressIps(sandbox).length > 0
    ? ok
    : gap(
        'The managed outbound IP is gone from aksOutboundRule: egress is broken. Reset the exercise.',
        '관리형 아웃바운드 IP가 aksOutboundRule에서 사라져 송신이 끊겼습니다. 연습 문제를 초기화하세요.',
      );
};

/** The Service has recorded a throttled (429) sync: the fault was really on. */
function sawThrottling(ns: string, name: string): Goal {
  return ({ sandbox }) => {
    const events = sandbox.kube.list('Event', { namespace: ns }) as { involvedObject?: { name?: string }; message?: string }[];
    return events.some((e) => e.involvedObject?.name === name && /HTTPStatusCode: 429/.test(e.message ?? ''))
      ? ok
      : gap(
          `No throttled sync of ${ns}/${name} yet. Press "Reset exercise" on this card first (it turns throttling on), then change the Service.`,
          `아직 ${ns}/${name}의 동기화가 제한(throttling)된 적이 없습니다. 먼저 이 카드의 "연습 문제 초기화"를 눌러 제한을 켠 뒤 서비스를 바꾸세요.`,
        );
  };
}

/** The Service's managed Public IP is gone (deletion finished). */
function managedPipGone(ns: string, name: string): Goal {
  return ({ sandbox }) => {
    const key = `${ns}/${name}`;
    const pip = publicIps(sandbox).find((p) => (p.tags?.['k8s-azure-service'] ?? '').split(',').includes(key));
    return pip
      ? gap(
          `${pip.name} (tagged ${key}) is still there: the clean-up is waiting for its next try.`,
          `${key} 태그가 붙은 ${pip.name}이(가) 아직 있습니다. 정리 작업이 다음 시도를 기다리고 있습니다.`,
        )
      : ok;
  };
}

export const exercises: ExerciseDef[] = [
  {
    id: 'free-a-slot',
    title: { en: 'Unstick mysql-lb', ko: 'mysql-lb 살리기' },
    task: {
      en: 'qa/mysql-lb has been <pending> for minutes. Find out why, then get it an EXTERNAL-IP without raising the quota and without touching anything in qa: the Service in the demo namespace is a forgotten demo nobody uses.',
      ko: 'qa/mysql-lb가 몇 분째 <pending>입니다. 이유를 찾은 다음, 할당량을 늘리지 않고 qa의 어떤 것도 건드리지 않은 채 EXTERNAL-IP를 받게 하세요. demo 네임스페이스의 서비스는 아무도 쓰지 않는 잊힌 데모입니다.',
    },
    goals: [kept('qa', 'redis-lb'), notPublic('demo', 'hello-lb'), serviceHasExternalIp('qa', 'mysql-lb')],
    hints: [
      {
        text: {
          en: 'kubectl describe service mysql-lb -n qa: read the Warning events at the bottom.',
          ko: 'kubectl describe service mysql-lb -n qa를 실행하고 맨 아래의 Warning 이벤트를 읽어 보세요.',
        },
      },
      {
        text: {
          en: `Count the Public IPs: az network public-ip list -g ${NODE_RG} -o table. The outbound IP counts too.`,
          ko: `공용 IP 주소를 세어 보세요: az network public-ip list -g ${NODE_RG} -o table. 아웃바운드 IP도 하나로 셉니다.`,
        },
      },
      {
        text: {
          en: 'kubectl delete service hello-lb -n demo frees one slot; the service controller retries mysql-lb on its own, within 5 minutes.',
          ko: 'kubectl delete service hello-lb -n demo로 한 자리를 비우면 서비스 컨트롤러가 5분 안에 mysql-lb를 알아서 다시 시도합니다.',
        },
      },
    ],
    solution: ['kubectl describe service mysql-lb -n qa', 'kubectl delete service hello-lb -n demo', 'sleep 300', 'kubectl get service mysql-lb -n qa'],
  },
  {
    id: 'store-ip',
    needs: ['free-a-slot'],
    title: { en: 'Create the IP web asks for', ko: 'web이 찾는 IP 만들기' },
    task: {
      en: 'qa/web asks for a Public IP named store-ip (annotation azure-pip-name). Create it yourself in the node resource group (Standard, Static) so that web gets its address. The quota is still 3, and qa/redis-lb is only used from inside the cluster: it may become a ClusterIP Service, but keep it.',
      ko: 'qa/web은 store-ip라는 공용 IP 주소를 찾습니다(azure-pip-name 어노테이션). 노드 리소스 그룹에 직접 만들어(Standard, Static) web이 주소를 받게 하세요. 할당량은 여전히 3이고, qa/redis-lb는 클러스터 안에서만 쓰므로 ClusterIP 서비스로 바꿔도 되지만 지우지는 마세요.',
    },
    goals: [kept('qa', 'redis-lb'), storeIpServesWeb],
    hints: [
      {
        text: {
          en: 'kubectl describe service web -n qa names the missing Public IP.',
          ko: 'kubectl describe service web -n qa에 없는 공용 IP 주소의 이름이 나옵니다.',
        },
      },
      {
        text: {
          en: `az network public-ip create -g ${NODE_RG} -n store-ip --sku Standard --allocation-method Static`,
          ko: `az network public-ip create -g ${NODE_RG} -n store-ip --sku Standard --allocation-method Static`,
        },
      },
      {
        text: {
          en: 'PublicIPCountLimitReached again? Turn redis-lb into a ClusterIP Service first: kubectl patch service redis-lb -n qa -p \'{"spec":{"type":"ClusterIP"}}\'',
          ko: '또 PublicIPCountLimitReached인가요? 먼저 redis-lb를 ClusterIP 서비스로 바꾸세요: kubectl patch service redis-lb -n qa -p \'{"spec":{"type":"ClusterIP"}}\'',
        },
      },
    ],
    solution: [
      'kubectl patch service redis-lb -n qa -p \'{"spec":{"type":"ClusterIP"}}\'',
      'sleep 15',
      `az network public-ip create -g ${NODE_RG} -n store-ip --sku Standard --allocation-method Static --query publicIp.ipAddress -o tsv`,
      'sleep 300',
      'kubectl get service web -n qa',
    ],
  },
  {
    id: 'only-outbound',
    // No `needs`: deleting the Services un-ticks the two exercises before it, which would lock this one.
    title: { en: 'Leave only the outbound IP', ko: '아웃바운드 IP만 남기기' },
    task: {
      en: 'The test is over. Remove every public entry point so that the node resource group holds a single Public IP: the managed outbound IP. Egress must keep working.',
      ko: '테스트가 끝났습니다. 공개된 진입점을 모두 없애서 노드 리소스 그룹에 공용 IP 주소가 하나, 관리형 아웃바운드 IP만 남게 하세요. 송신은 계속 동작해야 합니다.',
    },
    goals: [noLoadBalancerServices, onlyOutboundIpLeft],
    hints: [
      {
        text: {
          en: 'kubectl get service -A shows which Services are still of type LoadBalancer.',
          ko: 'kubectl get service -A로 아직 LoadBalancer 유형인 서비스를 확인하세요.',
        },
      },
      {
        text: {
          en: 'A Public IP you created yourself survives its Service: the cloud provider never deletes it. Delete it with az network public-ip delete.',
          ko: '직접 만든 공용 IP 주소는 서비스가 사라져도 남습니다. 클라우드 공급자는 이것을 지우지 않으니 az network public-ip delete로 지우세요.',
        },
      },
    ],
    solution: [
      'kubectl delete service mysql-lb web -n qa',
      `az network public-ip delete -g ${NODE_RG} -n store-ip`,
      `az network public-ip list -g ${NODE_RG} -o table`,
    ],
  },
  {
    id: 'throttled',
    title: { en: 'Throttled', ko: '요청 제한' },
    task: {
      en: 'Press "Reset exercise" on this card: the lab starts over with hello-lb and web gone, and ARM now lets the cluster identity make only 2 writes per minute. Then turn qa/redis-lb into a ClusterIP Service, wait until its Public IP is gone, and type the ARM error code that slowed the clean-up down.',
      ko: '이 카드의 "연습 문제 초기화"를 누르세요. hello-lb와 web이 없는 상태로 실습을 다시 시작하고, ARM은 이제 클러스터 ID에 1분에 쓰기 2번만 허용합니다. 그다음 qa/redis-lb를 ClusterIP 서비스로 바꾸고, 공용 IP 주소가 사라질 때까지 기다린 뒤 정리를 늦춘 ARM 오류 코드를 입력하세요.',
    },
    setup: ['kubectl delete service hello-lb -n demo', 'kubectl delete service web -n qa'],
    faults: { armThrottling: { writesPerWindow: 2, windowSeconds: 60 } },
    goals: [sawThrottling('qa', 'redis-lb'), notPublic('qa', 'redis-lb'), managedPipGone('qa', 'redis-lb')],
    hints: [
      {
        text: {
          en: 'kubectl get events -n qa --field-selector involvedObject.name=redis-lb',
          ko: 'kubectl get events -n qa --field-selector involvedObject.name=redis-lb',
        },
      },
      {
        text: {
          en: 'Look for HTTPStatusCode: 429 and the "code" inside RawError. RetryAfter says when the provider tries again: just wait.',
          ko: 'HTTPStatusCode: 429와 RawError 안의 "code"를 찾아보세요. RetryAfter는 클라우드 공급자가 다시 시도할 시점입니다. 그냥 기다리면 됩니다.',
        },
      },
    ],
    solution: ['kubectl patch service redis-lb -n qa -p \'{"spec":{"type":"ClusterIP"}}\'', 'sleep 90', 'echo TooManyRequests'],
    answer: {
      prompt: { en: 'Type the ARM error code from the event.', ko: '이벤트에 나온 ARM 오류 코드를 입력하세요.' },
      check: (_state, answer) => {
        const a = answer.trim().toLowerCase();
        if (a === 'toomanyrequests' || a === '429') return ok;
        if (a.includes('publicipcountlimitreached'))
          return gap(
            'That one is the quota. The clean-up was slowed down by something else: look for HTTPStatusCode: 429.',
            '그것은 할당량 오류입니다. 정리를 늦춘 것은 다른 오류입니다. HTTPStatusCode: 429를 찾아보세요.',
          );
        return gap(
          'Not that one: look for the "code" in the event with HTTPStatusCode: 429.',
          '그것이 아닙니다. HTTPStatusCode: 429가 있는 이벤트에서 "code"를 찾아보세요.',
        );
      },
    },
  },
];
