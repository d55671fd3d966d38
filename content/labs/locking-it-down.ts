/**
 * Lab set-up for lesson 9 ("Locking it down"), shared by both languages.
 *
 * - `shop/web` (nginx, one replica) already exposed: the lesson text restricts it and switches its
 *   traffic policy.
 * - `admin/dashboard` (nginx) already exposed: exercise 1 restricts it to an office range.
 * - `api/api` (nginx, two replicas) already exposed: exercises 2 and 3 switch it to
 *   externalTrafficPolicy Local and look for the probe change.
 */

import { externalIpOf, nodeResourceGroup, ranCommand } from '../../src/learn/exercise/predicates';
import type { ExerciseDef, ExerciseState, Goal } from '../../src/learn/exercise/types';
import type { Service } from '../../src/sim/kube/types';

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
    .flatMap((n) => (n.properties as { securityRules?: NsgRule[] }).securityRules ?? [])
    .filter(
      (r) =>
        r.name.startsWith('k8s-azure-lb_allow') && [r.properties.destinationAddressPrefix, ...(r.properties.destinationAddressPrefixes ?? [])].includes(ip),
    );
}

const sources = (r: NsgRule) => [r.properties.sourceAddressPrefix, ...(r.properties.sourceAddressPrefixes ?? [])].filter((s): s is string => Boolean(s));

const svcOf = (state: ExerciseState, ns: string, name: string) => state.sandbox.kube.tryGet('Service', name, ns) as Service | undefined;

/** admin/dashboard lists exactly the office range in spec.loadBalancerSourceRanges. */
const dashboardRanges: Goal = (state) => {
  const svc = svcOf(state, 'admin', 'dashboard');
  if (!svc)
    return {
      ok: false,
      gap: {
        en: 'The Service admin/dashboard is gone: the lab reset brings it back.',
        ko: 'admin/dashboard 서비스가 없습니다. 실습을 초기화하면 다시 생깁니다.',
      },
    };
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
  const lb = state.sandbox.arm.get(
    `/subscriptions/${state.sandbox.options.subscriptionId}/resourceGroups/${nodeResourceGroup(state.sandbox)}/providers/Microsoft.Network/loadBalancers/kubernetes`,
  );
  const probes =
    (lb?.properties as { probes?: { name: string; properties: { protocol?: string; port?: number; requestPath?: string } }[] } | undefined)?.probes ?? [];
  const found =
    port !== undefined &&
    probes.some((p) => p.properties.port === port && String(p.properties.protocol).toLowerCase() === 'http' && p.properties.requestPath === '/healthz');
  if (found) return { ok: true };
  return {
    ok: false,
    gap: {
      en: 'The load balancer has no Http /healthz probe for api/api yet: give the cloud provider a few seconds.',
      ko: '부하 분산 장치에 아직 api/api용 Http /healthz 프로브가 없습니다. 클라우드 공급자에게 몇 초를 주세요.',
    },
  };
};

/** The provider's deny-all rule names `ns/name`'s IP as a destination. */
function denyAllFor(ns: string, name: string): Goal {
  return (state) => {
    const ip = externalIpOf(state.sandbox, ns, name);
    if (!ip) return { ok: false, gap: { en: `${ns}/${name} has no EXTERNAL-IP.`, ko: `${ns}/${name}에 EXTERNAL-IP가 없습니다.` } };
    const nsgs = state.sandbox.arm.list({ resourceGroup: nodeResourceGroup(state.sandbox), type: 'Microsoft.Network/networkSecurityGroups' });
    const deny = nsgs
      .flatMap((n) => (n.properties as { securityRules?: NsgRule[] }).securityRules ?? [])
      .find(
        (r) =>
          r.name.startsWith('k8s-azure-lb_deny-all') &&
          r.properties.access === 'Deny' &&
          [r.properties.destinationAddressPrefix, ...(r.properties.destinationAddressPrefixes ?? [])].includes(ip),
      );
    if (deny) return { ok: true };
    return {
      ok: false,
      gap: {
        en: `No k8s-azure-lb_deny-all rule names ${ip} yet: add the annotation service.beta.kubernetes.io/azure-deny-all-except-load-balancer-source-ranges: "true" to ${ns}/${name} and give the cloud provider a few seconds.`,
        ko: `아직 ${ip}를 대상으로 하는 k8s-azure-lb_deny-all 규칙이 없습니다. ${ns}/${name}에 service.beta.kubernetes.io/azure-deny-all-except-load-balancer-source-ranges: "true" 어노테이션을 달고 클라우드 공급자에게 몇 초를 주세요.`,
      },
    };
  };
}

const FRONT_DOOR = 'AzureFrontDoor.Backend';

/** shop/web is open to the Front Door service tag and nothing else, through the tag annotation alone. */
const webFrontDoorOnly: Goal = (state) => {
  const svc = svcOf(state, 'shop', 'web');
  const ip = externalIpOf(state.sandbox, 'shop', 'web');
  if (!svc || !ip) return { ok: false, gap: { en: 'shop/web has no EXTERNAL-IP.', ko: 'shop/web에 EXTERNAL-IP가 없습니다.' } };
  if (svc.spec.loadBalancerSourceRanges?.length)
    return {
      ok: false,
      gap: {
        en: 'shop/web still has spec.loadBalancerSourceRanges: kube-proxy would drop Front Door’s addresses at the node. Remove the ranges and use the service tag alone.',
        ko: 'shop/web에 아직 spec.loadBalancerSourceRanges가 있습니다. 그러면 kube-proxy가 노드에서 Front Door의 주소를 버립니다. 대역을 지우고 서비스 태그만 쓰세요.',
      },
    };
  const all = [...new Set(allowRulesFor(state, ip).flatMap(sources))];
  if (all.length === 1 && all[0] === FRONT_DOOR) return { ok: true };
  return {
    ok: false,
    gap: {
      en: `The NSG lets ${all.join(', ') || 'nobody'} reach ${ip}; only the service tag ${FRONT_DOOR} should. Use the annotation service.beta.kubernetes.io/azure-allowed-service-tags, then give the cloud provider a few seconds.`,
      ko: `NSG가 ${all.join(', ') || '아무도 허용하지 않고'}${all.length ? '에서 ' + ip + '로 가는 트래픽을 허용합니다' : ''}. 서비스 태그 ${FRONT_DOOR}만 허용해야 합니다. service.beta.kubernetes.io/azure-allowed-service-tags 어노테이션을 쓰고 클라우드 공급자에게 몇 초를 주세요.`,
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
      {
        text: {
          en: 'The probe is named <base>-TCP-<that port>, protocol Http, path /healthz.',
          ko: '프로브 이름은 <기본 이름>-TCP-<그 포트>이고, 프로토콜은 Http, 경로는 /healthz입니다.',
        },
      },
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
  {
    id: 'dashboard-deny-all',
    needs: ['office-only'],
    title: { en: 'Close the virtual network’s way in', ko: '가상 네트워크 쪽 입구 닫기' },
    task: {
      en: 'The office-only dashboard should refuse hosts inside the virtual network too. Make the cloud provider add its deny-all rule for the dashboard’s IP, then answer: what would the same annotation add to a Service without source ranges?',
      ko: '사무실 전용 대시보드는 가상 네트워크 안의 호스트도 거부해야 합니다. 클라우드 공급자가 대시보드 IP에 대한 deny-all 규칙을 추가하게 한 다음, 답해 보세요. 원본 대역이 없는 서비스에 같은 어노테이션을 달면 무엇이 추가될까요?',
    },
    goals: [dashboardRanges, denyAllFor('admin', 'dashboard')],
    hints: [
      {
        text: {
          en: 'kubectl annotate service dashboard -n admin service.beta.kubernetes.io/azure-deny-all-except-load-balancer-source-ranges=true',
          ko: 'kubectl annotate service dashboard -n admin service.beta.kubernetes.io/azure-deny-all-except-load-balancer-source-ranges=true',
        },
      },
      {
        text: {
          en: 'az network nsg rule list -g MC_myResourceGroup_myAKSCluster_eastus --nsg-name aks-agentpool-22060594-nsg -o table shows k8s-azure-lb_deny-all_IPv4 at priority 4095.',
          ko: 'az network nsg rule list -g MC_myResourceGroup_myAKSCluster_eastus --nsg-name aks-agentpool-22060594-nsg -o table에 우선순위 4095의 k8s-azure-lb_deny-all_IPv4가 보입니다.',
        },
      },
    ],
    solution: [
      'kubectl annotate service dashboard -n admin service.beta.kubernetes.io/azure-deny-all-except-load-balancer-source-ranges=true',
      'sleep 10',
      'az network nsg rule list -g MC_myResourceGroup_myAKSCluster_eastus --nsg-name aks-agentpool-22060594-nsg -o table',
    ],
    choice: {
      prompt: { en: 'The same annotation on a Service without source ranges adds…', ko: '원본 대역이 없는 서비스에 같은 어노테이션을 달면…' },
      correct: 'nothing',
      options: [
        {
          id: 'deny-anyway',
          text: { en: 'the deny-all rule all the same, so nobody gets in', ko: '그래도 deny-all 규칙이 생겨 아무도 들어오지 못한다' },
          why: {
            en: 'No: the provider adds the deny rule only when ranges are set (loadBalancerSourceRanges or azure-allowed-ip-ranges) or a range is invalid.',
            ko: '아닙니다. 클라우드 공급자는 대역이 지정되었거나(loadBalancerSourceRanges 또는 azure-allowed-ip-ranges) 잘못된 대역이 있을 때만 거부 규칙을 추가합니다.',
          },
        },
        {
          id: 'nothing',
          text: {
            en: 'nothing: without ranges (or an invalid range) the annotation is ignored',
            ko: '아무것도 추가되지 않는다. 대역(또는 잘못된 대역)이 없으면 어노테이션은 무시된다',
          },
        },
        {
          id: 'vnet-only',
          text: { en: 'a rule that allows only the virtual network', ko: '가상 네트워크만 허용하는 규칙' },
          why: {
            en: 'No: the annotation only ever adds a deny rule, and only next to ranges; the virtual network is already allowed by the default rule AllowVnetInBound.',
            ko: '아닙니다. 이 어노테이션이 추가하는 것은 거부 규칙뿐이고, 그것도 대역이 있을 때만입니다. 가상 네트워크는 기본 규칙 AllowVnetInBound가 이미 허용합니다.',
          },
        },
      ],
    },
  },
  {
    id: 'front-door-only',
    title: { en: 'Front Door only', ko: 'Front Door에서만' },
    task: {
      en: `shop/web will sit behind Azure Front Door. Make the NSG allow it from the service tag ${FRONT_DOOR} and from nothing else, then say whether that alone keeps other people out.`,
      ko: `shop/web을 Azure Front Door 뒤에 두려고 합니다. NSG가 서비스 태그 ${FRONT_DOOR}에서 오는 트래픽만 허용하게 한 다음, 그것만으로 다른 사람을 막을 수 있는지 답하세요.`,
    },
    goals: [webFrontDoorOnly],
    hints: [
      {
        text: {
          en: `kubectl annotate service web -n shop service.beta.kubernetes.io/azure-allowed-service-tags=${FRONT_DOOR}`,
          ko: `kubectl annotate service web -n shop service.beta.kubernetes.io/azure-allowed-service-tags=${FRONT_DOOR}`,
        },
      },
      {
        text: {
          en: 'Followed the lesson in this lab? Take shop/web’s source ranges away first: kubectl patch service web -n shop --type=json -p \'[{"op":"remove","path":"/spec/loadBalancerSourceRanges"}]\'',
          ko: '이 실습에서 본문을 따라 했다면 먼저 shop/web의 원본 대역을 지우세요: kubectl patch service web -n shop --type=json -p \'[{"op":"remove","path":"/spec/loadBalancerSourceRanges"}]\'',
        },
        when: (s) => (svcOf(s, 'shop', 'web')?.spec.loadBalancerSourceRanges ?? []).length > 0,
      },
    ],
    solution: [
      `kubectl annotate service web -n shop service.beta.kubernetes.io/azure-allowed-service-tags=${FRONT_DOOR}`,
      'sleep 10',
      'az network nsg rule list -g MC_myResourceGroup_myAKSCluster_eastus --nsg-name aks-agentpool-22060594-nsg -o table',
    ],
    choice: {
      prompt: { en: 'Does the service tag alone keep everyone else out?', ko: '서비스 태그만으로 다른 사람을 모두 막을 수 있을까요?' },
      correct: 'check-fdid',
      options: [
        {
          id: 'enough',
          text: {
            en: 'Yes: only Front Door’s addresses pass the NSG, so only my Front Door can call',
            ko: '그렇다. NSG를 통과하는 것은 Front Door의 주소뿐이니 내 Front Door만 호출할 수 있다',
          },
          why: {
            en: 'Not quite: the tag covers every Front Door profile, other customers’ too. Anyone can point their own Front Door at your address.',
            ko: '그렇지 않습니다. 이 태그에는 다른 고객의 것까지 모든 Front Door 프로필이 포함됩니다. 누구든 자기 Front Door가 내 주소를 가리키게 할 수 있습니다.',
          },
        },
        {
          id: 'check-fdid',
          text: {
            en: 'No: the tag admits every Front Door profile, so the app (or ingress) must also check the X-Azure-FDID header, or use Private Link origins',
            ko: '아니다. 태그는 모든 Front Door 프로필을 허용하므로, 앱(또는 수신 컨트롤러)에서 X-Azure-FDID 헤더도 확인하거나 Private Link 원본을 써야 한다',
          },
        },
        {
          id: 'add-ranges',
          text: {
            en: 'No: also list Front Door’s ranges in loadBalancerSourceRanges',
            ko: '아니다. loadBalancerSourceRanges에도 Front Door 대역을 적어야 한다',
          },
          why: {
            en: 'No: with ranges, kube-proxy drops every source outside them at the node, and the lists change over time; combining ranges with a tag goes through azure-allowed-ip-ranges. It would still not tell your Front Door from others.',
            ko: '아닙니다. 대역을 적으면 kube-proxy가 그 밖의 원본을 노드에서 모두 버리고, 주소 목록은 수시로 바뀝니다. 대역과 태그를 함께 쓰려면 azure-allowed-ip-ranges를 씁니다. 그래도 내 Front Door와 남의 것을 구별하지는 못합니다.',
          },
        },
      ],
    },
  },
];
