/**
 * Lab set-up for lesson 7 ("Private on purpose"), shared by both languages: an nginx deployment
 * `web` in `qa`, and the two Service manifests the lesson applies — `web-ilb.yaml` (internal,
 * dynamic address from the node subnet) and `web-static.yaml` (internal, subnet `ilb-subnet`,
 * static address 10.225.0.25). The learner creates the subnet itself.
 */

import type { LabSandbox } from '../../src/lab/types';
import { externalIpOf, nodeResourceGroup, publicIps, ranCommand, serviceExists } from '../../src/learn/exercise/predicates';
import type { ExerciseDef, Goal } from '../../src/learn/exercise/types';
import type { ArmResource } from '../../src/sim/azure/types';
import type { Service } from '../../src/sim/kube/types';

export const webIlbYaml = `apiVersion: v1
kind: Service
metadata:
  name: web-ilb
  namespace: qa
  annotations:
    service.beta.kubernetes.io/azure-load-balancer-internal: "true"
spec:
  type: LoadBalancer
  selector:
    app: web
  ports:
    - port: 80
      targetPort: 80
`;

export const webStaticYaml = `apiVersion: v1
kind: Service
metadata:
  name: web-static
  namespace: qa
  annotations:
    service.beta.kubernetes.io/azure-load-balancer-internal: "true"
    service.beta.kubernetes.io/azure-load-balancer-internal-subnet: ilb-subnet
    service.beta.kubernetes.io/azure-load-balancer-ipv4: 10.225.0.25
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
  'kubectl create deployment web --image=nginx:1.27 --port=80 -n qa',
  `cat > web-ilb.yaml <<'EOF'\n${webIlbYaml}EOF`,
  `cat > web-static.yaml <<'EOF'\n${webStaticYaml}EOF`,
];

const NODE_RG = 'MC_myResourceGroup_myAKSCluster_eastus';
const INTERNAL = 'service.beta.kubernetes.io/azure-load-balancer-internal';
const SUBNET = 'service.beta.kubernetes.io/azure-load-balancer-internal-subnet';

const ok = { ok: true };
const gap = (en: string, ko: string) => ({ ok: false, gap: { en, ko } });

type Frontend = { id: string; name: string; properties: { privateIPAddress?: string; privateIPAllocationMethod?: string; subnet?: { id: string } } };

function lbNamed(sandbox: LabSandbox, name: string): ArmResource | undefined {
  return sandbox.arm.get(
    `/subscriptions/${sandbox.options.subscriptionId}/resourceGroups/${nodeResourceGroup(sandbox)}/providers/Microsoft.Network/loadBalancers/${name}`,
  );
}

function internalFrontendWith(sandbox: LabSandbox, ip: string): Frontend | undefined {
  const lb = lbNamed(sandbox, 'kubernetes-internal');
  return ((lb?.properties.frontendIPConfigurations as Frontend[] | undefined) ?? []).find((f) => f.properties.privateIPAddress === ip);
}

/** The Service carries the internal annotation with the exact value "true". */
function isInternalService(namespace: string, name: string): Goal {
  return ({ sandbox }) => {
    const svc = sandbox.kube.tryGet('Service', name, namespace) as Service | undefined;
    if (!svc) return gap(`There is no Service ${namespace}/${name} yet.`, `아직 ${namespace}/${name} 서비스가 없습니다.`);
    if (svc.spec.type !== 'LoadBalancer')
      return gap(
        `${namespace}/${name} is of type ${svc.spec.type ?? 'ClusterIP'}; an internal load balancer needs type LoadBalancer.`,
        `${namespace}/${name}의 유형이 ${svc.spec.type ?? 'ClusterIP'}입니다. 내부 부하 분산 장치를 쓰려면 LoadBalancer 유형이어야 합니다.`,
      );
    const value = svc.metadata.annotations?.[INTERNAL];
    if (value === 'true') return ok;
    return value === undefined
      ? gap(
          `${namespace}/${name} has no annotation ${INTERNAL}: "true", so it is public.`,
          `${namespace}/${name}에 ${INTERNAL}: "true" 어노테이션이 없어서 공용으로 노출됩니다.`,
        )
      : gap(
          `${namespace}/${name} has ${INTERNAL}: "${value}"; the provider wants exactly "true" (lower case).`,
          `${namespace}/${name}의 ${INTERNAL} 값이 "${value}"입니다. 클라우드 공급자는 정확히 "true"(소문자)만 인정합니다.`,
        );
  };
}

/** EXTERNAL-IP is a private address held by a frontend of `kubernetes-internal`. */
function privateIpOnInternalLb(namespace: string, name: string): Goal {
  return ({ sandbox }) => {
    const ip = externalIpOf(sandbox, namespace, name);
    if (!ip)
      return gap(
        `${namespace}/${name} still shows <pending>: give the cloud provider a few seconds, or look at its events with kubectl describe.`,
        `${namespace}/${name}이(가) 아직 <pending>입니다. 몇 초 기다리거나 kubectl describe로 이벤트를 확인하세요.`,
      );
    return internalFrontendWith(sandbox, ip)
      ? ok
      : gap(
          `${namespace}/${name} shows ${ip}, which is not a private frontend of the load balancer kubernetes-internal (yet).`,
          `${namespace}/${name}의 주소 ${ip}은(는) (아직) 부하 분산 장치 kubernetes-internal의 개인 프런트 엔드 주소가 아닙니다.`,
        );
  };
}

/** No Public IP in the node resource group belongs to the Service. */
function noPublicIpFor(namespace: string, name: string): Goal {
  return ({ sandbox }) => {
    const key = `${namespace}/${name}`;
    const pip = publicIps(sandbox).find((p) => (p.tags?.['k8s-azure-service'] ?? '').split(',').includes(key));
    return pip
      ? gap(
          `The Public IP ${pip.name} (tagged k8s-azure-service: ${key}) still exists: the Service is still public, or the provider is not done yet.`,
          `공용 IP ${pip.name}(k8s-azure-service: ${key} 태그)이 아직 있습니다. 서비스가 아직 공용이거나, 클라우드 공급자가 작업을 끝내지 않았습니다.`,
        )
      : ok;
  };
}

const subnetExists: Goal = ({ sandbox }) => {
  const vnet = sandbox.arm.list({ resourceGroup: nodeResourceGroup(sandbox), type: 'Microsoft.Network/virtualNetworks' })[0];
  const subnets = (vnet?.properties.subnets as { name: string; properties: { addressPrefix?: string } }[] | undefined) ?? [];
  const subnet = subnets.find((s) => s.name === 'ilb-subnet');
  if (!subnet)
    return gap(
      `The virtual network ${vnet?.name ?? ''} has no subnet ilb-subnet yet: create it with az network vnet subnet create (address prefix 10.225.0.0/24).`,
      `가상 네트워크 ${vnet?.name ?? ''}에 아직 ilb-subnet 서브넷이 없습니다. az network vnet subnet create로 만드세요(주소 접두사 10.225.0.0/24).`,
    );
  return ok;
};

/** Some internal Service in subnet ilb-subnet holds 10.225.0.25 as a Static frontend. */
const pinnedAddress: Goal = ({ sandbox }) => {
  const want = '10.225.0.25';
  const services = sandbox.kube
    .select('Service')
    .map((o) => o as Service)
    .filter((s) => s.metadata.annotations?.[INTERNAL] === 'true' && s.metadata.annotations?.[SUBNET] === 'ilb-subnet');
  if (!services.length)
    return gap(
      `No internal Service names the subnet ilb-subnet (annotation ${SUBNET}).`,
      `서브넷 ilb-subnet을 지정한(${SUBNET} 어노테이션) 내부 서비스가 없습니다.`,
    );
  const holder = services.find((s) => (s.status?.loadBalancer?.ingress ?? []).some((i) => i.ip === want));
  if (!holder) {
    const shown = services.map((s) => `${s.metadata.namespace}/${s.metadata.name} ${s.status?.loadBalancer?.ingress?.[0]?.ip ?? '<pending>'}`).join(', ');
    return gap(
      `No Service in ilb-subnet shows ${want} yet (${shown}). Request it with service.beta.kubernetes.io/azure-load-balancer-ipv4.`,
      `ilb-subnet의 서비스 중 ${want}을(를) 받은 것이 아직 없습니다(${shown}). service.beta.kubernetes.io/azure-load-balancer-ipv4로 요청하세요.`,
    );
  }
  const fe = internalFrontendWith(sandbox, want);
  if (fe?.properties.privateIPAllocationMethod !== 'Static')
    return gap(`${want} is not yet a Static frontend of kubernetes-internal.`, `${want}이(가) 아직 kubernetes-internal의 Static 프런트 엔드가 아닙니다.`);
  return ok;
};

/**
 * The learner called web-ilb's private address with curl `from` the terminal (the Internet) or
 * from a pod (`kubectl run … curl`); the address is read from the live Service.
 */
function curledWebIlb(from: 'internet' | 'pod'): Goal {
  return ({ sandbox, history }) => {
    const ip = externalIpOf(sandbox, 'qa', 'web-ilb');
    if (!ip)
      return gap('qa/web-ilb has no private EXTERNAL-IP: the first exercise makes it.', 'qa/web-ilb에 개인 EXTERNAL-IP가 없습니다. 첫 번째 연습에서 만듭니다.');
    // The address typed out, or read from the Service inline with $(kubectl get service web-ilb …).
    const escaped = `(${ip.replace(/\./g, '\\.')}|\\$\\(kubectl get (service|svc) web-ilb)`;
    const pattern = from === 'pod' ? new RegExp(`^kubectl run\\b.*\\bcurl\\b.*${escaped}`) : new RegExp(`^curl\\b.*${escaped}`);
    if (history.some((line) => pattern.test(line.trim()))) return ok;
    return from === 'pod'
      ? gap(
          `Now from inside: kubectl run tmp --image=curlimages/curl --rm -it --restart=Never -- curl -s http://${ip}/`,
          `이번에는 안에서: kubectl run tmp --image=curlimages/curl --rm -it --restart=Never -- curl -s http://${ip}/`,
        )
      : gap(
          `Call it from the terminal first, which sits on the Internet: curl --connect-timeout 5 http://${ip}/`,
          `먼저 인터넷에 있는 터미널에서 불러 보세요: curl --connect-timeout 5 http://${ip}/`,
        );
  };
}

export const exercises: ExerciseDef[] = [
  {
    id: 'make-it-internal',
    title: { en: 'Private on purpose', ko: '일부러 비공개로' },
    task: {
      en: 'Expose qa/web only inside the virtual network as the Service web-ilb (web-ilb.yaml is ready), wait for its private EXTERNAL-IP, then find with az the load balancer that now holds its frontend.',
      ko: 'qa/web을 가상 네트워크 안에서만 보이는 서비스 web-ilb로 노출하고(web-ilb.yaml이 준비되어 있습니다) 개인 EXTERNAL-IP를 받을 때까지 기다린 다음, 그 프런트 엔드를 가진 부하 분산 장치를 az로 찾아보세요.',
    },
    goals: [
      serviceExists('qa', 'web-ilb'),
      isInternalService('qa', 'web-ilb'),
      privateIpOnInternalLb('qa', 'web-ilb'),
      noPublicIpFor('qa', 'web-ilb'),
      ranCommand(/az network lb (list|show|frontend-ip)/, {
        en: 'az network lb list (or lb show / lb frontend-ip list)',
        ko: 'az network lb list(또는 lb show / lb frontend-ip list)',
      }),
    ],
    hints: [
      {
        text: {
          en: 'The editor holds web-ilb.yaml: press Apply, or run kubectl apply -f web-ilb.yaml.',
          ko: '편집기에 web-ilb.yaml이 있습니다. 적용을 누르거나 kubectl apply -f web-ilb.yaml을 실행하세요.',
        },
      },
      {
        text: {
          en: `After a few seconds: kubectl get service web-ilb -n qa, then az network lb list -g ${NODE_RG} -o table`,
          ko: `몇 초 뒤 kubectl get service web-ilb -n qa, 그다음 az network lb list -g ${NODE_RG} -o table`,
        },
        when: ({ sandbox }) => Boolean(sandbox.kube.tryGet('Service', 'web-ilb', 'qa')),
      },
    ],
    solution: ['kubectl apply -f web-ilb.yaml', 'sleep 30', 'kubectl get service web-ilb --namespace qa', `az network lb list -g ${NODE_RG} -o table`],
  },
  {
    id: 'public-to-private',
    needs: ['make-it-internal'],
    title: { en: 'Take a Service off the Internet', ko: '서비스를 인터넷에서 내리기' },
    task: {
      en: 'Expose qa/web publicly as web-public (kubectl expose … --type=LoadBalancer), wait for its Public IP, then make the same Service internal without deleting it: its Public IP must disappear and it must get a private address on kubernetes-internal.',
      ko: 'qa/web을 공용 서비스 web-public으로 노출하고(kubectl expose … --type=LoadBalancer) 공용 IP를 받을 때까지 기다린 다음, 서비스를 지우지 않고 그대로 내부 서비스로 바꾸세요. 공용 IP는 사라지고, kubernetes-internal에서 개인 주소를 받아야 합니다.',
    },
    goals: [
      serviceExists('qa', 'web-public'),
      isInternalService('qa', 'web-public'),
      privateIpOnInternalLb('qa', 'web-public'),
      noPublicIpFor('qa', 'web-public'),
    ],
    hints: [
      {
        text: {
          en: 'kubectl expose deployment web --name=web-public --type=LoadBalancer --port=80 -n qa',
          ko: 'kubectl expose deployment web --name=web-public --type=LoadBalancer --port=80 -n qa',
        },
      },
      {
        text: {
          en: 'One annotation does it: kubectl annotate service web-public -n qa service.beta.kubernetes.io/azure-load-balancer-internal=true',
          ko: '어노테이션 하나면 됩니다: kubectl annotate service web-public -n qa service.beta.kubernetes.io/azure-load-balancer-internal=true',
        },
      },
      {
        text: {
          en: 'Moving between the two load balancers takes longer than a first ensure: wait 20 seconds or so, then look again.',
          ko: '두 부하 분산 장치 사이를 옮기는 일은 처음 만들 때보다 오래 걸립니다. 20초쯤 기다린 뒤 다시 보세요.',
        },
        when: ({ sandbox }) => (sandbox.kube.tryGet('Service', 'web-public', 'qa') as Service | undefined)?.metadata.annotations?.[INTERNAL] === 'true',
      },
    ],
    solution: [
      'kubectl expose deployment web --name=web-public --type=LoadBalancer --port=80 -n qa',
      'sleep 30',
      'kubectl annotate service web-public -n qa service.beta.kubernetes.io/azure-load-balancer-internal=true',
      'sleep 30',
      'kubectl get service web-public -n qa',
    ],
  },
  {
    id: 'pin-static-ip',
    needs: ['make-it-internal'],
    title: { en: 'Pin a private address', ko: '개인 주소 고정하기' },
    task: {
      en: 'Create the subnet ilb-subnet (10.225.0.0/24) in the cluster’s virtual network, then give an internal Service in that subnet the static private address 10.225.0.25 (web-static.yaml is ready).',
      ko: '클러스터 가상 네트워크에 서브넷 ilb-subnet(10.225.0.0/24)을 만들고, 그 서브넷의 내부 서비스에 고정 개인 주소 10.225.0.25를 주세요(web-static.yaml이 준비되어 있습니다).',
    },
    goals: [subnetExists, pinnedAddress],
    hints: [
      {
        text: {
          en: 'az network vnet list -g ' + NODE_RG + ' -o table shows the virtual network’s name.',
          ko: 'az network vnet list -g ' + NODE_RG + ' -o table로 가상 네트워크 이름을 확인하세요.',
        },
      },
      {
        text: {
          en: `az network vnet subnet create -g ${NODE_RG} --vnet-name aks-vnet-22060594 --name ilb-subnet --address-prefixes 10.225.0.0/24`,
          ko: `az network vnet subnet create -g ${NODE_RG} --vnet-name aks-vnet-22060594 --name ilb-subnet --address-prefixes 10.225.0.0/24`,
        },
      },
      {
        text: {
          en: 'Then kubectl apply -f web-static.yaml and wait a few seconds.',
          ko: '그다음 kubectl apply -f web-static.yaml을 실행하고 몇 초 기다리세요.',
        },
      },
    ],
    solution: [
      `az network vnet subnet create -g ${NODE_RG} --vnet-name aks-vnet-22060594 --name ilb-subnet --address-prefixes 10.225.0.0/24 -o none`,
      'kubectl apply -f web-static.yaml',
      'sleep 30',
      'kubectl get service web-static -n qa',
    ],
  },
  {
    id: 'inside-and-outside',
    needs: ['make-it-internal'],
    title: { en: 'From outside, from inside', ko: '밖에서, 안에서' },
    task: {
      en: 'Call web-ilb’s private address with curl from the lab terminal (the Internet) and from a pod (kubectl run … curl). Only one of them gets the page: say why.',
      ko: 'web-ilb의 개인 주소를 실습 터미널(인터넷)과 파드(kubectl run … curl)에서 각각 curl로 불러 보세요. 페이지를 받는 쪽은 하나뿐입니다. 이유를 고르세요.',
    },
    goals: [privateIpOnInternalLb('qa', 'web-ilb'), curledWebIlb('internet'), curledWebIlb('pod')],
    hints: [
      { text: { en: 'kubectl get service web-ilb -n qa shows the private address.', ko: 'kubectl get service web-ilb -n qa로 개인 주소를 확인하세요.' } },
      {
        text: {
          en: 'Add --trace to either curl: the lab names the hop that decided.',
          ko: '어느 curl에든 --trace를 붙이면 실습 환경이 결정을 내린 단계를 알려 줍니다.',
        },
      },
    ],
    solution: [
      "curl --connect-timeout 5 http://$(kubectl get service web-ilb -n qa -o jsonpath='{.status.loadBalancer.ingress[0].ip}')/",
      "kubectl run tmp --image=curlimages/curl --rm -it --restart=Never -- curl -s http://$(kubectl get service web-ilb -n qa -o jsonpath='{.status.loadBalancer.ingress[0].ip}')/",
    ],
    choice: {
      prompt: { en: 'Why does only the pod get the page?', ko: '왜 파드만 페이지를 받을까요?' },
      correct: 'not-routable',
      options: [
        {
          id: 'nsg',
          text: { en: 'An NSG rule blocks the Internet from the internal Service', ko: 'NSG 규칙이 인터넷에서 내부 서비스로 오는 트래픽을 막는다' },
          why: {
            en: 'No: an internal Service gets no NSG rule at all. The request never reaches the NSG: nothing on the Internet routes to a private address.',
            ko: '아닙니다. 내부 서비스에는 NSG 규칙이 아예 생기지 않습니다. 요청은 NSG까지 가지도 못합니다. 인터넷에는 개인 주소로 가는 경로가 없습니다.',
          },
        },
        {
          id: 'not-routable',
          text: {
            en: 'The address is private: the Internet does not route it, while a pod’s node (kube-proxy) handles the Service’s address itself',
            ko: '개인 주소라서 인터넷은 이 주소로 경로를 잡지 않고, 파드는 노드의 kube-proxy가 서비스 주소를 직접 처리한다',
          },
        },
        {
          id: 'pods-only',
          text: { en: 'kubernetes-internal accepts only pods as clients', ko: 'kubernetes-internal은 파드만 클라이언트로 받는다' },
          why: {
            en: 'No: it serves everything in your network, such as VMs in the virtual network, peered networks and on-premises over VPN. A pod does not even use it: kube-proxy answers first.',
            ko: '아닙니다. 가상 네트워크의 VM, 피어링된 네트워크, VPN으로 연결된 온프레미스 등 내 네트워크 전체를 위한 것입니다. 파드는 이것을 쓰지도 않습니다. kube-proxy가 먼저 처리합니다.',
          },
        },
        {
          id: 'timeout',
          text: {
            en: 'The terminal’s curl was just too impatient: with a longer timeout it gets the page',
            ko: '터미널의 curl이 너무 빨리 포기했을 뿐이다. 제한 시간을 늘리면 페이지를 받는다',
          },
          why: {
            en: 'No: without --connect-timeout curl waits over two minutes and still fails; no packet reaches the address.',
            ko: '아닙니다. --connect-timeout 없이도 curl은 2분 넘게 기다린 끝에 실패합니다. 패킷이 그 주소에 닿지 않습니다.',
          },
        },
      ],
    },
  },
];
