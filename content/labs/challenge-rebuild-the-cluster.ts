/**
 * Lab for the challenge (lesson 11), shared by both languages: a default cluster with only the
 * workloads in place (Redis and MySQL in `qa`, two aks-helloworld apps in `ingress-basic`). The
 * learner builds every Service, Public IP, Ingress and the egress set-up from the written brief.
 * Each goal reads the live state; reachability goals ask the simulator's own packet walk
 * (src/sim/network/inbound.ts), the same one `curl` uses, so "only from the office" is tested the
 * way Azure would decide it.
 */

import { egressIps, externalIpOf, publicIps } from '../../src/learn/exercise/predicates';
import type { ExerciseDef, ExerciseState, Goal } from '../../src/learn/exercise/types';
import type { ArmResource } from '../../src/sim/azure/types';
import type { KubeObject, Service } from '../../src/sim/kube/types';
import { walkInbound } from '../../src/sim/network/inbound';

export const setup = [
  'kubectl create namespace qa',
  'kubectl create namespace ingress-basic',
  'kubectl create deployment redis --image=redis:7 --port=6379 -n qa',
  'kubectl create deployment mysql --image=mysql:8 --port=3306 -n qa',
  'kubectl create deployment aks-helloworld-one --image=mcr.microsoft.com/azuredocs/aks-helloworld:v1 --port=80 -n ingress-basic',
  'kubectl create deployment aks-helloworld-two --image=mcr.microsoft.com/azuredocs/aks-helloworld:v1 --port=80 -n ingress-basic',
];

const NODE_RG = 'MC_myResourceGroup_myAKSCluster_eastus';
/** The team's own group: an address that must outlive the cluster cannot live in the node resource group (lesson 8). */
const TEAM_RG = 'myResourceGroup';
/** An address inside the office range, and the lab terminal's own address on the internet. */
const OFFICE_CLIENT = '198.51.100.20';
const INTERNET_CLIENT = '203.0.113.10';
const MYSQL_IP = '10.224.0.100';

const ok = { ok: true };
const gap = (en: string, ko: string) => ({ ok: false, gap: { en, ko } });

/** LoadBalancer Services in `ns` whose selector picks `app=<app>`. */
function lbServicesFor(state: ExerciseState, ns: string, app: string): Service[] {
  return (state.sandbox.kube.list('Service', { namespace: ns }) as Service[]).filter(
    (s) => s.spec.type === 'LoadBalancer' && (s.spec.selector as Record<string, string> | undefined)?.app === app,
  );
}

const redisService = (state: ExerciseState) => lbServicesFor(state, 'qa', 'redis')[0];

/** What a TCP connection from `from` to ip:port gets, decided by the simulator's packet walk. */
function connect(state: ExerciseState, ip: string, port: number, from: string, host = ip) {
  const { sandbox } = state;
  return walkInbound({ arm: sandbox.arm, kube: sandbox.kube, now: sandbox.clock.now() }, { ip, port, method: 'GET', path: '/', host, callerIp: from });
}

const redisExposed: Goal = (state) => {
  const svc = redisService(state);
  if (!svc) return gap('No LoadBalancer Service in qa selects app=redis yet.', 'qa에 app=redis를 고르는 LoadBalancer 서비스가 아직 없습니다.');
  if (!svc.spec.ports?.some((p) => p.port === 6379))
    return gap(`qa/${svc.metadata.name} does not listen on port 6379.`, `qa/${svc.metadata.name}이(가) 6379 포트를 열지 않습니다.`);
  const ip = externalIpOf(state.sandbox, 'qa', svc.metadata.name);
  return ip
    ? ok
    : gap(
        `qa/${svc.metadata.name} has no EXTERNAL-IP yet: wait a few seconds, or read its events.`,
        `qa/${svc.metadata.name}에 아직 EXTERNAL-IP가 없습니다. 몇 초 기다리거나 이벤트를 읽어 보세요.`,
      );
};

const redisFromOfficeOnly: Goal = (state) => {
  const svc = redisService(state)!;
  const ip = externalIpOf(state.sandbox, 'qa', svc.metadata.name)!;
  if (connect(state, ip, 6379, OFFICE_CLIENT).kind !== 'answer')
    return gap(`A client in the office (${OFFICE_CLIENT}) cannot reach ${ip}:6379.`, `사무실의 클라이언트(${OFFICE_CLIENT})가 ${ip}:6379에 닿지 못합니다.`);
  if (connect(state, ip, 6379, INTERNET_CLIENT).kind !== 'timeout')
    return gap(
      `Anyone on the Internet (for example ${INTERNET_CLIENT}) can still reach ${ip}:6379.`,
      `인터넷의 아무나(예: ${INTERNET_CLIENT}) 아직 ${ip}:6379에 닿을 수 있습니다.`,
    );
  return ok;
};

const pipName = 'qa-redis-ip';
const keptIp = (state: ExerciseState): ArmResource | undefined =>
  state.sandbox.arm.list({ resourceGroup: TEAM_RG, type: 'Microsoft.Network/publicIPAddresses' }).find((p) => p.name === pipName);
const keptIpExists: Goal = (state) => {
  const pip = keptIp(state);
  if (!pip) {
    const inNodeRg = publicIps(state.sandbox).some((p) => p.name === pipName);
    return inNodeRg
      ? gap(
          `${pipName} is in ${NODE_RG}, which is deleted with the cluster: the ticket wants it in ${TEAM_RG}.`,
          `${pipName}이(가) 클러스터와 함께 지워지는 ${NODE_RG}에 있습니다. 티켓은 ${TEAM_RG}에 두라고 합니다.`,
        )
      : gap(`There is no Public IP named ${pipName} in ${TEAM_RG}.`, `${TEAM_RG}에 ${pipName}이라는 공용 IP 주소가 없습니다.`);
  }
  if (pip.tags?.['k8s-azure-service'])
    return gap(
      `${pipName} carries a k8s-azure-service tag, so the cloud provider would delete it with the Service: create it yourself.`,
      `${pipName}에 k8s-azure-service 태그가 있어 서비스와 함께 지워집니다. 직접 만드세요.`,
    );
  const label = (pip.properties.dnsSettings as { domainNameLabel?: string } | undefined)?.domainNameLabel;
  return label === 'qa-redis'
    ? ok
    : gap(
        `${pipName} has ${label ? `the DNS label ${label}` : 'no DNS label'}; qa-redis.eastus.cloudapp.azure.com needs the label qa-redis.`,
        `${pipName}의 DNS 레이블이 ${label ?? '없습니다'}${label ? '입니다' : ''}. qa-redis.eastus.cloudapp.azure.com이 되려면 레이블이 qa-redis여야 합니다.`,
      );
};

const redisOnKeptIp: Goal = (state) => {
  const svc = redisService(state);
  const pip = keptIp(state)!;
  const want = String(pip.properties.ipAddress ?? '');
  const ip = svc && externalIpOf(state.sandbox, 'qa', svc.metadata.name);
  if (!svc) return gap('No LoadBalancer Service in qa selects app=redis.', 'qa에 app=redis를 고르는 LoadBalancer 서비스가 없습니다.');
  return ip === want
    ? ok
    : gap(
        `qa/${svc.metadata.name} shows ${ip ?? '<pending>'}, not ${pipName}'s address ${want}.`,
        `qa/${svc.metadata.name}의 주소가 ${pipName}의 주소 ${want}가 아니라 ${ip ?? '<pending>'}입니다.`,
      );
};

const mysqlInternal: Goal = (state) => {
  const svcs = lbServicesFor(state, 'qa', 'mysql');
  if (!svcs.length) return gap('No LoadBalancer Service in qa selects app=mysql yet.', 'qa에 app=mysql을 고르는 LoadBalancer 서비스가 아직 없습니다.');
  for (const s of svcs) {
    const ip = externalIpOf(state.sandbox, 'qa', s.metadata.name);
    if (ip && ip !== MYSQL_IP)
      return gap(
        `qa/${s.metadata.name} answers on ${ip}: MySQL must be reachable on ${MYSQL_IP} only, from inside the virtual network.`,
        `qa/${s.metadata.name}의 주소가 ${ip}입니다. MySQL은 가상 네트워크 안에서 ${MYSQL_IP}로만 접속할 수 있어야 합니다.`,
      );
  }
  const good = svcs.find((s) => externalIpOf(state.sandbox, 'qa', s.metadata.name) === MYSQL_IP);
  return good
    ? ok
    : gap(
        `qa/${svcs[0]!.metadata.name} is still <pending>: read its events.`,
        `qa/${svcs[0]!.metadata.name}이(가) 아직 <pending>입니다. 이벤트를 읽어 보세요.`,
      );
};

const mysqlOnInternalLb: Goal = ({ sandbox }) => {
  const lb = sandbox.arm.get(
    `/subscriptions/${sandbox.options.subscriptionId}/resourceGroups/${NODE_RG}/providers/Microsoft.Network/loadBalancers/kubernetes-internal`,
  );
  const fes = (lb?.properties.frontendIPConfigurations ?? []) as {
    name: string;
    properties: { privateIPAddress?: string; privateIPAllocationMethod?: string };
  }[];
  const fe = fes.find((f) => f.properties.privateIPAddress === MYSQL_IP);
  if (!fe)
    return gap(
      `The internal load balancer kubernetes-internal has no frontend on ${MYSQL_IP}.`,
      `내부 부하 분산 장치 kubernetes-internal에 ${MYSQL_IP} 프런트 엔드가 없습니다.`,
    );
  return fe.properties.privateIPAllocationMethod === 'Static'
    ? ok
    : gap(`${MYSQL_IP} is Dynamic: request it explicitly so it stays fixed.`, `${MYSQL_IP}가 Dynamic입니다. 고정되도록 주소를 직접 요청하세요.`);
};

/** The ingress controller was installed with helm into ingress-basic and has a public address. */
const controllerUp: Goal = ({ sandbox }) => {
  const releases = (sandbox.kube.list('Secret', { namespace: 'ingress-basic' }) as (KubeObject & { type?: string })[]).filter(
    (s) => s.type === 'helm.sh/release.v1',
  );
  if (!releases.length)
    return gap(
      'No helm release in ingress-basic: install the ingress-nginx chart there.',
      'ingress-basic에 helm 릴리스가 없습니다. 그곳에 ingress-nginx 차트를 설치하세요.',
    );
  const svc = (sandbox.kube.list('Service', { namespace: 'ingress-basic' }) as Service[]).find(
    (s) => s.spec.type === 'LoadBalancer' && /controller$/.test(s.metadata.name),
  );
  if (!svc)
    return gap('The ingress controller has no LoadBalancer Service in ingress-basic.', 'ingress-basic에 수신 컨트롤러의 LoadBalancer 서비스가 없습니다.');
  return externalIpOf(sandbox, 'ingress-basic', svc.metadata.name)
    ? ok
    : gap(`ingress-basic/${svc.metadata.name} is still <pending>.`, `ingress-basic/${svc.metadata.name}이(가) 아직 <pending>입니다.`);
};

function hostRoutesTo(host: string, app: string): Goal {
  return (state) => {
    const svc = (state.sandbox.kube.list('Service', { namespace: 'ingress-basic' }) as Service[]).find(
      (s) => s.spec.type === 'LoadBalancer' && /controller$/.test(s.metadata.name),
    )!;
    const ip = externalIpOf(state.sandbox, 'ingress-basic', svc.metadata.name)!;
    const r = connect(state, ip, 80, INTERNET_CLIENT, host);
    const status = r.kind === 'answer' && r.answer.kind === 'http' ? r.answer.status : undefined;
    if (status === 200 && r.trace.some((l) => l.includes(`(pod ingress-basic/${app}-`))) return ok;
    return gap(
      `http://${host}/ (sent to ${ip}) ${status ? `answers ${status}` : 'gets no answer'}${status === 200 ? ', but not from ' + app : ''}: it must reach ${app}.`,
      `http://${host}/(${ip}로 보냄)의 응답이 ${status ?? '없음'}${status === 200 ? `이지만 ${app}에서 온 것이 아닙니다` : '입니다'}. ${app}에 닿아야 합니다.`,
    );
  };
}

const twoManagedOutboundIps: Goal = ({ sandbox }) => {
  const ips = egressIps(sandbox);
  const managed = publicIps(sandbox)
    .filter((p) => p.tags?.['aks-managed-type'] === 'aks-slb-managed-outbound-ip')
    .map((p) => String(p.properties.ipAddress));
  if (ips.length !== 2)
    return gap(
      `aksOutboundRule uses ${ips.length} Public IP${ips.length === 1 ? '' : 's'}, 2 expected.`,
      `aksOutboundRule이 공용 IP 주소 ${ips.length}개를 씁니다. 2개여야 합니다.`,
    );
  return ips.every((ip) => managed.includes(ip))
    ? ok
    : gap(
        'Egress uses Public IPs that AKS does not manage: ask AKS for 2 managed outbound IPs instead.',
        '송신에 AKS가 관리하지 않는 공용 IP 주소가 쓰입니다. 대신 관리형 아웃바운드 IP 2개를 AKS에 요청하세요.',
      );
};

const PATCH_REDIS = `kubectl patch service redis-lb -n qa -p '{"spec":{"type":"LoadBalancer","loadBalancerSourceRanges":["198.51.100.0/24"]}}'`;

export const ingressYaml = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: hello-world-ingress
  namespace: ingress-basic
spec:
  ingressClassName: nginx
  rules:
    - host: hello-one.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: aks-helloworld-one
                port:
                  number: 80
    - host: hello-two.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: aks-helloworld-two
                port:
                  number: 80
`;

export const exercises: ExerciseDef[] = [
  {
    id: 'redis-office-only',
    title: { en: 'Redis for the office only', ko: '사무실 전용 Redis' },
    task: {
      en: 'Put qa/redis (app=redis) on the Internet on port 6379 through a LoadBalancer Service, reachable only from the office network 198.51.100.0/24.',
      ko: 'qa의 Redis(app=redis)를 LoadBalancer 서비스로 6379 포트에 공개하되, 사무실 네트워크 198.51.100.0/24에서만 접속할 수 있게 하세요.',
    },
    goals: [redisExposed, redisFromOfficeOnly],
    hints: [
      {
        text: {
          en: 'Lesson 9, “Locking it down”: spec.loadBalancerSourceRanges turns into the source of the NSG allow rule.',
          ko: '9단원 ‘접근 잠그기’를 떠올려 보세요. spec.loadBalancerSourceRanges가 NSG 허용 규칙의 원본이 됩니다.',
        },
      },
      {
        text: {
          en: 'kubectl expose deployment redis --name=redis-lb --port=6379 -n qa makes a ClusterIP Service; then change type and loadBalancerSourceRanges in one kubectl patch.',
          ko: 'kubectl expose deployment redis --name=redis-lb --port=6379 -n qa로 ClusterIP 서비스를 만든 다음, kubectl patch로 type과 loadBalancerSourceRanges를 한 번에 바꾸세요.',
        },
      },
      {
        text: {
          en: 'curl from the lab terminal comes from 203.0.113.10, outside the office: once it is right, curl times out.',
          ko: '실습 터미널의 curl은 사무실 밖인 203.0.113.10에서 나갑니다. 제대로 됐다면 curl은 시간 초과로 끝납니다.',
        },
      },
    ],
    solution: ['kubectl expose deployment redis --name=redis-lb --port=6379 -n qa', PATCH_REDIS, 'sleep 15', 'kubectl get service redis-lb -n qa'],
  },
  {
    id: 'redis-kept-ip',
    needs: ['redis-office-only'],
    title: { en: 'An address that outlives the Service', ko: '서비스보다 오래 사는 주소' },
    task: {
      en: `Redis must answer on a Public IP named ${pipName} in ${TEAM_RG} that survives deleting the Service (and the next rebuild of the cluster), with the DNS name qa-redis.eastus.cloudapp.azure.com.`,
      ko: `Redis는 ${TEAM_RG}에 있는 ${pipName}이라는 공용 IP 주소로 응답해야 합니다. 서비스를 지워도(클러스터를 다시 만들어도) 남아야 하고, DNS 이름은 qa-redis.eastus.cloudapp.azure.com이어야 합니다.`,
    },
    goals: [keptIpExists, redisOnKeptIp, redisFromOfficeOnly],
    hints: [
      {
        text: {
          en: `Lesson 8, “Keep your IP”: a Public IP you create yourself has no k8s-azure-service tag and is never deleted by the cloud provider. It goes in ${TEAM_RG}, because the node resource group is deleted with the cluster.`,
          ko: `8단원 ‘내 IP 지키기’를 떠올려 보세요. 직접 만든 공용 IP 주소에는 k8s-azure-service 태그가 없고, 클라우드 공급자가 지우지 않습니다. 노드 리소스 그룹은 클러스터와 함께 지워지므로 ${TEAM_RG}에 만듭니다.`,
        },
      },
      {
        text: {
          en: `az network public-ip create -g ${TEAM_RG} -n ${pipName} --sku Standard --allocation-method Static --dns-name qa-redis`,
          ko: `az network public-ip create -g ${TEAM_RG} -n ${pipName} --sku Standard --allocation-method Static --dns-name qa-redis`,
        },
      },
      {
        text: {
          en: `Point the Service at it with two annotations: service.beta.kubernetes.io/azure-pip-name=${pipName} and service.beta.kubernetes.io/azure-load-balancer-resource-group=${TEAM_RG}.`,
          ko: `어노테이션 두 개로 서비스가 그 주소를 쓰게 하세요. service.beta.kubernetes.io/azure-pip-name=${pipName}, service.beta.kubernetes.io/azure-load-balancer-resource-group=${TEAM_RG}입니다.`,
        },
      },
      {
        text: {
          en: `403 AuthorizationFailed in the events? As in lesson 8, the cluster identity needs Network Contributor on ${TEAM_RG}: az role assignment create --assignee <az aks show … --query identity.principalId> --role "Network Contributor" --scope <az group show -n ${TEAM_RG} --query id>.`,
          ko: `이벤트에 403 AuthorizationFailed가 보이나요? 8단원처럼 클러스터 관리 ID에 ${TEAM_RG} 범위의 네트워크 기여자 역할이 필요합니다. az role assignment create --assignee <az aks show … --query identity.principalId> --role "Network Contributor" --scope <az group show -n ${TEAM_RG} --query id>`,
        },
        when: (state) => Boolean(keptIp(state)),
      },
    ],
    solution: [
      `az network public-ip create -g ${TEAM_RG} -n ${pipName} --sku Standard --allocation-method Static --dns-name qa-redis -o none`,
      `az role assignment create --assignee $(az aks show -g ${TEAM_RG} -n myAKSCluster --query identity.principalId -o tsv) --role "Network Contributor" --scope $(az group show -n ${TEAM_RG} --query id -o tsv) -o none`,
      `kubectl annotate service redis-lb -n qa service.beta.kubernetes.io/azure-load-balancer-resource-group=${TEAM_RG} service.beta.kubernetes.io/azure-pip-name=${pipName}`,
      'sleep 15',
      'kubectl get service redis-lb -n qa',
    ],
  },
  {
    id: 'mysql-private',
    title: { en: 'MySQL on a fixed private address', ko: '고정 개인 주소의 MySQL' },
    task: {
      en: `Make qa/mysql (app=mysql, port 3306) reachable from inside the virtual network only, on the fixed private IP ${MYSQL_IP}. It must never get a Public IP.`,
      ko: `qa의 MySQL(app=mysql, 3306 포트)을 가상 네트워크 안에서만, 고정 개인 IP ${MYSQL_IP}로 접속할 수 있게 하세요. 공용 IP 주소를 받아서는 안 됩니다.`,
    },
    goals: [mysqlInternal, mysqlOnInternalLb],
    hints: [
      {
        text: {
          en: 'Lesson 7, “Private on purpose”: the annotation service.beta.kubernetes.io/azure-load-balancer-internal: "true" puts the frontend on kubernetes-internal.',
          ko: '7단원 ‘일부러 비공개로’를 떠올려 보세요. service.beta.kubernetes.io/azure-load-balancer-internal: "true" 어노테이션이 프런트 엔드를 kubernetes-internal에 둡니다.',
        },
      },
      {
        text: {
          en: `service.beta.kubernetes.io/azure-load-balancer-ipv4: ${MYSQL_IP} asks for that address (it is inside aks-subnet, 10.224.0.0/16).`,
          ko: `service.beta.kubernetes.io/azure-load-balancer-ipv4: ${MYSQL_IP}로 그 주소를 요청합니다(aks-subnet 10.224.0.0/16 안의 주소입니다).`,
        },
      },
      {
        text: {
          en: 'The annotations must be there when the type becomes LoadBalancer (in the manifest you apply, or added before you patch the type), or the Service gets a Public IP first.',
          ko: '유형이 LoadBalancer가 되는 순간 두 어노테이션이 이미 있어야 합니다(적용하는 매니페스트에 넣거나, 유형을 patch하기 전에 다세요). 그렇지 않으면 서비스가 먼저 공용 IP 주소를 받습니다.',
        },
      },
    ],
    solution: [
      'kubectl expose deployment mysql --name=mysql-ilb --port=3306 -n qa',
      `kubectl annotate service mysql-ilb -n qa service.beta.kubernetes.io/azure-load-balancer-internal=true service.beta.kubernetes.io/azure-load-balancer-ipv4=${MYSQL_IP}`,
      `kubectl patch service mysql-ilb -n qa -p '{"spec":{"type":"LoadBalancer"}}'`,
      'sleep 15',
      'kubectl get service mysql-ilb -n qa',
    ],
  },
  {
    id: 'two-hosts',
    title: { en: 'One ingress controller, two hosts', ko: '수신 컨트롤러 하나, 호스트 둘' },
    task: {
      en: 'Install the ingress-nginx controller with helm into ingress-basic. http://hello-one.example.com/ must reach aks-helloworld-one and http://hello-two.example.com/ aks-helloworld-two, both through the controller’s one Public IP.',
      ko: 'helm으로 ingress-basic에 ingress-nginx 수신 컨트롤러를 설치하세요. http://hello-one.example.com/은 aks-helloworld-one에, http://hello-two.example.com/은 aks-helloworld-two에 닿아야 하며, 둘 다 컨트롤러의 공용 IP 주소 하나를 거쳐야 합니다.',
    },
    goals: [controllerUp, hostRoutesTo('hello-one.example.com', 'aks-helloworld-one'), hostRoutesTo('hello-two.example.com', 'aks-helloworld-two')],
    hints: [
      {
        text: {
          en: 'Lesson 6, “One IP for many apps”: helm repo add ingress-nginx https://kubernetes.github.io/ingress-nginx, then helm install … --namespace ingress-basic, with the /healthz probe-path annotation (on a real cluster every node would fail the probe without it).',
          ko: '6단원 ‘IP 하나로 여러 앱 열기’를 떠올려 보세요. helm repo add ingress-nginx https://kubernetes.github.io/ingress-nginx를 실행한 다음 helm install … --namespace ingress-basic으로 설치하되, /healthz 프로브 경로 어노테이션을 함께 넣으세요(실제 클러스터에서는 이것이 없으면 모든 노드가 프로브에 실패합니다).',
        },
      },
      {
        text: {
          en: 'The two apps need ClusterIP Services (kubectl expose … --port=80), then one Ingress with two host rules and ingressClassName: nginx.',
          ko: '두 앱에 ClusterIP 서비스(kubectl expose … --port=80)를 만들고, 호스트 규칙 두 개와 ingressClassName: nginx를 가진 인그레스 하나를 만드세요.',
        },
      },
      {
        text: {
          en: 'Test with curl --trace -H "Host: hello-one.example.com" http://<controller IP>/: the trace names the pod that answered.',
          ko: 'curl --trace -H "Host: hello-one.example.com" http://<컨트롤러 IP>/로 확인하세요. 추적 결과에 응답한 파드가 나옵니다.',
        },
      },
    ],
    solution: [
      'helm repo add ingress-nginx https://kubernetes.github.io/ingress-nginx',
      'helm install ingress-nginx ingress-nginx/ingress-nginx --namespace ingress-basic --set controller.service.annotations."service\\.beta\\.kubernetes\\.io/azure-load-balancer-health-probe-request-path"=/healthz',
      'kubectl expose deployment aks-helloworld-one --port=80 -n ingress-basic',
      'kubectl expose deployment aks-helloworld-two --port=80 -n ingress-basic',
      `kubectl apply -f - <<'EOF'\n${ingressYaml}EOF`,
      'sleep 15',
      'kubectl get ingress -n ingress-basic',
    ],
  },
  {
    id: 'two-egress-ips',
    title: { en: 'Two ways out', ko: '나가는 길 두 개' },
    task: {
      en: 'The partner’s firewall will allow two egress addresses: make the cluster leave through 2 managed outbound IPs.',
      ko: '협력사 방화벽은 송신 주소 두 개를 허용할 예정입니다. 클러스터가 관리형 아웃바운드 IP 2개로 나가게 하세요.',
    },
    goals: [twoManagedOutboundIps],
    hints: [
      {
        text: {
          en: 'Lesson 5, “The fourth IP: egress”: the outbound side belongs to AKS, so change it through az aks update, not on the load balancer.',
          ko: '5단원 ‘네 번째 IP: 송신(egress)’을 떠올려 보세요. 아웃바운드 쪽은 AKS의 것이므로 부하 분산 장치가 아니라 az aks update로 바꿉니다.',
        },
      },
      {
        text: {
          en: 'az aks update -g myResourceGroup -n myAKSCluster --load-balancer-managed-outbound-ip-count 2',
          ko: 'az aks update -g myResourceGroup -n myAKSCluster --load-balancer-managed-outbound-ip-count 2',
        },
      },
    ],
    solution: [
      'az aks update -g myResourceGroup -n myAKSCluster --load-balancer-managed-outbound-ip-count 2 -o none',
      `az network lb outbound-rule list -g ${NODE_RG} --lb-name kubernetes -o table`,
    ],
  },
];
