/**
 * Lab set-up for lesson 9 ("Locking it down"), shared by both languages.
 *
 * - `shop/web` (nginx, one replica) already exposed: the lesson text restricts it and switches its
 *   traffic policy.
 * - `admin/dashboard` (nginx) already exposed: exercise 1 restricts it to an office range.
 * - `api/api` (nginx, two replicas) already exposed: exercises 2 and 3 switch it to
 *   externalTrafficPolicy Local and look for the probe change.
 */
import type { ExerciseDef, ExerciseState, Goal } from '../../src/learn/exercise/types';
import type { Service } from '../../src/sim/kube/types';
import { externalIpOf, nodeResourceGroup, ranCommand } from '../../src/learn/exercise/predicates';

export const setup = [
  'kubectl create namespace shop',
  'kubectl create deployment web --image=nginx --port=80 -n shop',
  'kubectl expose deployment web --type=LoadBalancer --port=80 -n shop',
  'kubectl create namespace admin',
  'kubectl create deployment dashboard --image=nginx --port=80 -n admin',
  'kubectl expose deployment dashboard --type=LoadBalancer --port=80 -n admin',
  'kubectl create namespace api',
  'kubectl create deployment api --image=nginx --port=80 --replicas=2 -n api',
  'kubectl expose deployment api --type=LoadBalancer --port=80 -n api',
];

const OFFICE = '198.51.100.0/24';

interface NsgRule {
  name: string;
  properties: {
    access?: string;
    direction?: string;
    priority?: number;
    sourceAddressPrefix?: string;
    sourceAddressPrefixes?: string[];
    destinationAddressPrefix?: string;
    destinationAddressPrefixes?: string[];
  };
}

/** The provider-managed inbound allow rules (`k8s-azure-lb_allow_…`) whose destinations include `ip`. */
function allowRulesFor(state: ExerciseState, ip: string): NsgRule[] {
  const nsgs = state.sandbox.arm.list({ resourceGroup: nodeResourceGroup(state.sandbox), type: 'Microsoft.Network/networkSecurityGroups' });
  return nsgs
    .flatMap((n) => ((n.properties as { securityRules?: NsgRule[] }).securityRules ?? []))
    .filter((r) => r.name.startsWith('k8s-azure-lb_allow') && [r.properties.destinationAddressPrefix, ...(r.properties.destinationAddressPrefixes ?? [])].includes(ip));
}

const sources = (r: NsgRule) => [r.properties.sourceAddressPrefix, ...(r.properties.sourceAddressPrefixes ?? [])].filter((s): s is string => Boolean(s));

const svcOf = (state: ExerciseState, ns: string, name: string) => state.sandbox.kube.tryGet('Service', name, ns) as Service | undefined;

/** admin/dashboard lists exactly the office range in spec.loadBalancerSourceRanges. */
const dashboardRanges: Goal = (state) => {
  const svc = svcOf(state, 'admin', 'dashboard');
  if (!svc) return { ok: false, gap: { en: 'The Service admin/dashboard is gone: the lab reset brings it back.', ko: 'admin/dashboard 서비스가 없습니다. 실습을 초기화하면 다시 생깁니다.' } };
  const ranges = svc.spec.loadBalancerSourceRanges ?? [];
  if (ranges.length === 1 && ranges[0] === OFFICE) return { ok: true };
  return {
    ok: false,
    gap: {
      en: ranges.length
        ? `admin/dashboard allows ${ranges.join(', ')}; only the office ${OFFICE} should be there.`
        : `admin/dashboard has no spec.loadBalancerSourceRanges yet: anybody on the Internet may connect.`,
      ko: ranges.length
        ? `admin/dashboard가 ${ranges.join(', ')}을(를) 허용합니다. 사무실 대역 ${OFFICE}만 있어야 합니다.`
        : `admin/dashboard에 아직 spec.loadBalancerSourceRanges가 없습니다. 인터넷의 누구나 접속할 수 있습니다.`,
    },
  };
};

/** The NSG allows only the office to the dashboard's IP (no Internet rule left for it). */
const dashboardNsg: Goal = (state) => {
  const ip = externalIpOf(state.sandbox, 'admin', 'dashboard');
  if (!ip) return { ok: false, gap: { en: 'admin/dashboard has no EXTERNAL-IP.', ko: 'admin/dashboard에 EXTERNAL-IP가 없습니다.' } };
  const all = allowRulesFor(state, ip).flatMap(sources);
  if (all.length === 1 && all[0] === OFFICE) return { ok: true };
  if (!all.length)
    return {
      ok: false,
      gap: {
        en: `No NSG allow rule lets anyone reach ${ip} yet: give the cloud provider a few seconds, then list the rules again.`,
        ko: `아직 ${ip}로 가는 트래픽을 허용하는 NSG 규칙이 없습니다. 클라우드 공급자에게 몇 초를 준 뒤 규칙을 다시 확인하세요.`,
      },
    };
  return {
    ok: false,
    gap: {
      en: `The NSG still lets ${all.join(', ')} reach ${ip}, and only the office ${OFFICE} should: give the cloud provider a few seconds, then list the rules again.`,
      ko: `NSG가 아직 ${all.join(', ')}에서 ${ip}로 가는 트래픽을 허용합니다. 사무실 대역 ${OFFICE}만 허용해야 합니다. 클라우드 공급자에게 몇 초를 준 뒤 규칙을 다시 확인하세요.`,
    },
  };
};

/** The learner tried the dashboard from the lab's Internet address (203.0.113.10) with curl. */
const curledDashboard: Goal = (state) => {
  const ip = externalIpOf(state.sandbox, 'admin', 'dashboard');
  if (ip && state.history.some((l) => /\bcurl\b/.test(l) && (l.includes(ip) || /kubectl get (svc|service) dashboard/.test(l)))) return { ok: true };
  return {
    ok: false,
    gap: {
      en: `Check it from the outside: curl -m 5 http://${ip ?? '<dashboard IP>'} (the lab's curl comes from 203.0.113.10, outside the office range).`,
      ko: `밖에서 확인해 보세요: curl -m 5 http://${ip ?? '<dashboard IP>'} (실습 환경의 curl은 사무실 대역 밖인 203.0.113.10에서 접속합니다).`,
    },
  };
};

/** api/api uses externalTrafficPolicy Local. */
const apiLocal: Goal = (state) => {
  const svc = svcOf(state, 'api', 'api');
  if (svc?.spec.externalTrafficPolicy === 'Local') return { ok: true };
  return {
    ok: false,
    gap: {
      en: `api/api uses externalTrafficPolicy ${svc?.spec.externalTrafficPolicy ?? '(none)'}: switch it to Local.`,
      ko: `api/api의 externalTrafficPolicy가 ${svc?.spec.externalTrafficPolicy ?? '(없음)'}입니다. Local로 바꾸세요.`,
    },
  };
};

/** The load balancer's probe for api/api is now Http /healthz on its healthCheckNodePort. */
const apiHttpProbe: Goal = (state) => {
  const svc = svcOf(state, 'api', 'api');
  const port = svc?.spec.healthCheckNodePort;
  const lb = state.sandbox.arm.get(`/subscriptions/${state.sandbox.options.subscriptionId}/resourceGroups/${nodeResourceGroup(state.sandbox)}/providers/Microsoft.Network/loadBalancers/kubernetes`);
  const probes = ((lb?.properties as { probes?: { name: string; properties: { protocol?: string; port?: number; requestPath?: string } }[] } | undefined)?.probes ?? []);
  const found = port !== undefined && probes.some((p) => p.properties.port === port && String(p.properties.protocol).toLowerCase() === 'http' && p.properties.requestPath === '/healthz');
  if (found) return { ok: true };
  return {
    ok: false,
    gap: {
      en: 'The load balancer has no Http /healthz probe for api/api yet: give the cloud provider a few seconds.',
      ko: '부하 분산 장치에 아직 api/api용 Http /healthz 프로브가 없습니다. 클라우드 공급자에게 몇 초를 주세요.',
    },
  };
};

export const exercises: ExerciseDef[] = [
  {
    id: 'office-only',
    title: { en: 'Office network only', ko: '사무실에서만 열리는 대시보드' },
    task: {
      en: `Only the office network ${OFFICE} may reach admin/dashboard. Restrict the Service, check the NSG rule the cloud provider wrote, and try it with curl from the lab (your address is 203.0.113.10).`,
      ko: `admin/dashboard에는 사무실 네트워크 ${OFFICE}에서만 접속할 수 있어야 합니다. 서비스를 제한하고, 클라우드 공급자가 만든 NSG 규칙을 확인한 뒤, 실습 환경에서 curl로 접속해 보세요(내 주소는 203.0.113.10입니다).`,
    },
    goals: [dashboardRanges, dashboardNsg, curledDashboard],
    hints: [
      {
        text: {
          en: `kubectl patch service dashboard -n admin -p '{"spec":{"loadBalancerSourceRanges":["${OFFICE}"]}}'`,
          ko: `kubectl patch service dashboard -n admin -p '{"spec":{"loadBalancerSourceRanges":["${OFFICE}"]}}'`,
        },
      },
      {
        text: {
          en: 'az network nsg rule list -g MC_myResourceGroup_myAKSCluster_eastus --nsg-name aks-agentpool-22060594-nsg -o table',
          ko: 'az network nsg rule list -g MC_myResourceGroup_myAKSCluster_eastus --nsg-name aks-agentpool-22060594-nsg -o table',
        },
        when: (s) => (svcOf(s, 'admin', 'dashboard')?.spec.loadBalancerSourceRanges ?? []).length > 0,
      },
      {
        text: {
          en: 'curl -m 5 http://$(kubectl get service dashboard -n admin -o jsonpath={.status.loadBalancer.ingress[0].ip}) should time out.',
          ko: 'curl -m 5 http://$(kubectl get service dashboard -n admin -o jsonpath={.status.loadBalancer.ingress[0].ip})는 시간 초과가 나야 정상입니다.',
        },
      },
    ],
    solution: [
      `kubectl patch service dashboard -n admin -p '{"spec":{"loadBalancerSourceRanges":["${OFFICE}"]}}'`,
      'sleep 10',
      'az network nsg rule list -g MC_myResourceGroup_myAKSCluster_eastus --nsg-name aks-agentpool-22060594-nsg -o table',
      'curl --trace -m 5 http://$(kubectl get service dashboard -n admin -o jsonpath={.status.loadBalancer.ingress[0].ip})',
    ],
  },
  {
    id: 'api-local',
    needs: ['office-only'],
    title: { en: 'Keep the caller’s address', ko: '호출한 쪽 주소 지키기' },
    task: {
      en: 'The api team wants to see their callers’ real addresses. Switch api/api to externalTrafficPolicy Local and look at the load balancer’s health probes.',
      ko: 'api 팀은 호출한 쪽의 실제 주소를 보고 싶어 합니다. api/api를 externalTrafficPolicy Local로 바꾸고 부하 분산 장치의 상태 프로브를 살펴보세요.',
    },
    goals: [apiLocal, apiHttpProbe, ranCommand(/az network lb probe (list|show)/, { en: 'az network lb probe list', ko: 'az network lb probe list' })],
    hints: [
      {
        text: {
          en: `kubectl patch service api -n api -p '{"spec":{"externalTrafficPolicy":"Local"}}'`,
          ko: `kubectl patch service api -n api -p '{"spec":{"externalTrafficPolicy":"Local"}}'`,
        },
      },
      {
        text: {
          en: 'az network lb probe list -g MC_myResourceGroup_myAKSCluster_eastus --lb-name kubernetes -o table',
          ko: 'az network lb probe list -g MC_myResourceGroup_myAKSCluster_eastus --lb-name kubernetes -o table',
        },
      },
    ],
    solution: [
      `kubectl patch service api -n api -p '{"spec":{"externalTrafficPolicy":"Local"}}'`,
      'sleep 10',
      'az network lb probe list -g MC_myResourceGroup_myAKSCluster_eastus --lb-name kubernetes -o table',
    ],
  },
  {
    id: 'api-probe-port',
    needs: ['api-local'],
    title: { en: 'Which port does the probe knock on?', ko: '프로브는 어느 포트를 두드릴까?' },
    task: {
      en: 'Type the port the load balancer now probes for api/api.',
      ko: '부하 분산 장치가 이제 api/api를 확인하려고 두드리는 포트 번호를 입력하세요.',
    },
    goals: [],
    hints: [
      { text: { en: 'It is the Service’s spec.healthCheckNodePort.', ko: '서비스의 spec.healthCheckNodePort입니다.' } },
      { text: { en: 'The probe is named <base>-TCP-<that port>, protocol Http, path /healthz.', ko: '프로브 이름은 <기본 이름>-TCP-<그 포트>이고, 프로토콜은 Http, 경로는 /healthz입니다.' } },
    ],
    solution: ["kubectl get service api -n api -o jsonpath='{.spec.healthCheckNodePort}'"],
    answer: {
      prompt: { en: 'Type the probe port.', ko: '프로브 포트를 입력하세요.' },
      check: (state, answer) => {
        const svc = svcOf(state, 'api', 'api');
        const port = svc?.spec.healthCheckNodePort;
        const nodePort = svc?.spec.ports?.[0]?.nodePort;
        const given = answer.trim();
        if (port !== undefined && given === String(port)) return { ok: true };
        if (nodePort !== undefined && given === String(nodePort))
          return {
            ok: false,
            gap: {
              en: `${given} is the Service’s nodePort: that is what the Tcp probe used under Cluster. With Local the probe moved.`,
              ko: `${given}은(는) 서비스의 nodePort입니다. Cluster일 때 Tcp 프로브가 쓰던 포트이고, Local에서는 프로브가 옮겨 갔습니다.`,
            },
          };
        return {
          ok: false,
          gap: {
            en: `${given || 'That'} is not the port of api/api’s Http /healthz probe. Look at az network lb probe list or spec.healthCheckNodePort.`,
            ko: `${given || '그 값'}은(는) api/api의 Http /healthz 프로브 포트가 아닙니다. az network lb probe list나 spec.healthCheckNodePort를 확인하세요.`,
          },
        };
      },
    },
  },
];
