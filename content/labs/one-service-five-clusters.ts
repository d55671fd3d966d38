/**
 * Lab for "One Service, five clusters", shared by both languages: one tab per cluster (AKS, EKS,
 * GKE, MetalLB, k3s), each its own sandbox with the same three nginx pods `web` and the same
 * `web-svc.yaml`. The lesson applies that file in every tab; the exercises each need one cloud.
 * Goals read only Kubernetes state (and, for egress, the cloud's network through the sandbox),
 * so no cloud's code is imported into the lesson's lab.
 */

import { publicIpIsFrontendFor, ranCommand, serviceHasExternalIp } from '../../src/learn/exercise/predicates';
import type { CheckResult, ExerciseDef, ExerciseState, Goal } from '../../src/learn/exercise/types';
import type { CloudNetwork } from '../../src/sim/clouds/types';
import type { CloudName } from '../../src/sim/options';

export const webSvcYaml = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: LoadBalancer
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 80
`;

export const setup = ['kubectl create deployment web --image=nginx:1.27 --port=80 --replicas=3', `cat > web-svc.yaml <<'EOF'\n${webSvcYaml}EOF`];

export const clouds: CloudName[] = ['aks', 'eks', 'gke', 'metallb', 'k3s'];

/** k3s: a second app for the hostPort exercise (exposing it is the learner's part). */
export const cloudSetup: Partial<Record<CloudName, string[]>> = {
  k3s: ['kubectl create deployment api --image=nginx:1.27 --port=80'],
};

const ok: CheckResult = { ok: true };
const gap = (en: string, ko: string): CheckResult => ({ ok: false, gap: { en, ko } });

interface Ingress {
  ip?: string;
  hostname?: string;
}
type Svc = { metadata: { uid: string }; spec?: { type?: string; ports?: { port: number }[] }; status?: { loadBalancer?: { ingress?: Ingress[] } } };
const svcOf = ({ sandbox }: ExerciseState, name: string) => sandbox.kube.tryGet('Service', name, 'default') as Svc | undefined;
const ingressOf = (state: ExerciseState, name: string) => svcOf(state, name)?.status?.loadBalancer?.ingress ?? [];

/** The Service shows an address (IP or hostname) in EXTERNAL-IP. */
function hasExternalAddress(name: string): Goal {
  return (state) => {
    const svc = svcOf(state, name);
    if (!svc)
      return gap(
        `There is no Service ${name} yet: kubectl apply -f web-svc.yaml.`,
        `아직 ${name} 서비스가 없습니다. kubectl apply -f web-svc.yaml을 실행하세요.`,
      );
    return ingressOf(state, name).length
      ? ok
      : gap(`${name} still shows <pending>: nothing has given it an address yet.`, `${name}이(가) 아직 <pending>입니다. 아직 아무도 주소를 주지 않았습니다.`);
  };
}

/** A MetalLB kind exists in metallb-system. */
function metallbObject(kind: 'IPAddressPool' | 'L2Advertisement'): Goal {
  return ({ sandbox }) =>
    sandbox.kube.select(kind, { namespace: 'metallb-system' }).length
      ? ok
      : kind === 'IPAddressPool'
        ? gap(
            'metallb-system has no IPAddressPool: MetalLB has no address to hand out.',
            'metallb-system에 IPAddressPool이 없습니다. MetalLB가 나눠 줄 주소가 없습니다.',
          )
        : gap(
            'web has an address, but no L2Advertisement tells the speakers to answer ARP for it: nothing on the LAN reaches it.',
            'web에 주소는 생겼지만, 스피커가 그 주소의 ARP에 응답하라는 L2Advertisement가 없습니다. LAN에서 아무도 그 주소에 닿지 못합니다.',
          );
}

/** A speaker announces web's IP: MetalLB records it in a ServiceL2Status. */
const webAnnounced: Goal = ({ sandbox }) =>
  sandbox.kube
    .select('ServiceL2Status', { namespace: 'metallb-system' })
    .some((s) => (s as unknown as { status?: { serviceName?: string } }).status?.serviceName === 'web')
    ? ok
    : gap('No node announces web’s IP yet: give the speakers a moment.', '아직 web의 IP를 알리는 노드가 없습니다. 스피커에게 잠시 시간을 주세요.');

/** EKS: web's load balancer is internal (the in-tree controller names it `internal-…`). */
const webIsInternal: Goal = (state) => {
  const host = ingressOf(state, 'web')[0]?.hostname;
  if (!host) return gap('web has no load balancer hostname yet.', 'web에 아직 로드 밸런서 호스트 이름이 없습니다.');
  return host.startsWith('internal-')
    ? ok
    : gap(
        `${host} is still internet-facing: an existing Classic Load Balancer keeps its scheme when the annotation changes.`,
        `${host}은(는) 아직 인터넷 경계입니다. 이미 있는 Classic Load Balancer는 어노테이션이 바뀌어도 체계를 바꾸지 않습니다.`,
      );
};

/** k3s: every svclb pod of the Service is Running (none Pending on a taken hostPort). */
function svclbRunning(name: string): Goal {
  return ({ sandbox }) => {
    const pods = sandbox.kube.select('Pod', { namespace: 'kube-system' }).filter((p) => p.metadata.labels?.['svccontroller.k3s.cattle.io/svcname'] === name);
    const pending = pods.filter((p) => (p.status as { phase?: string } | undefined)?.phase !== 'Running');
    if (!pods.length) return gap(`No svclb pods for ${name} yet.`, `아직 ${name}의 svclb 파드가 없습니다.`);
    return pending.length
      ? gap(
          `${pending.length} of ${pods.length} svclb pods for ${name} are not running: another LoadBalancer Service already holds that port on the nodes.`,
          `${name}의 svclb 파드 ${pods.length}개 중 ${pending.length}개가 실행되지 않았습니다. 다른 LoadBalancer 서비스가 노드에서 그 포트를 이미 쓰고 있습니다.`,
        )
      : ok;
  };
}

/** The address a pod's connection to the internet leaves with, as the cloud's network says. */
function egressAddresses(state: ExerciseState): string[] {
  const network = (state.sandbox as unknown as { cloud?: { runtime?: { network?: CloudNetwork } } }).cloud?.runtime?.network;
  if (!network) return [];
  const nodes = state.sandbox.kube.select('Node').map((n) => n.metadata.name);
  return [...new Set(nodes.map((n) => network.egress(n)?.ip).filter((ip): ip is string => !!ip))];
}

function isEksEgress(state: ExerciseState, answer: string): CheckResult {
  if (egressAddresses(state).includes(answer)) return ok;
  const lbHost = ingressOf(state, 'web')[0]?.hostname;
  if (lbHost && answer.toLowerCase() === lbHost.toLowerCase())
    return gap(
      'That is web’s load balancer: traffic comes in through it. What does a pod see when it asks ifconfig.me?',
      '그것은 web의 로드 밸런서입니다. 트래픽이 들어오는 곳이죠. 파드가 ifconfig.me에 물으면 무엇이 보이나요?',
    );
  return gap(
    `${answer} is not the address your pods leave with: run curl -s ifconfig.me inside a pod.`,
    `${answer}은(는) 파드가 나가는 주소가 아닙니다. 파드 안에서 curl -s ifconfig.me를 실행해 보세요.`,
  );
}

/** GKE's legacy firewall rule for web: `k8s-fw-` + the load balancer name (`a` + UID without dashes, 32 characters). */
function isWebFirewallRule(state: ExerciseState, answer: string): CheckResult {
  const uid = svcOf(state, 'web')?.metadata.uid;
  if (!uid)
    return gap('There is no Service web in this tab yet: apply web-svc.yaml first.', '이 탭에는 아직 web 서비스가 없습니다. 먼저 web-svc.yaml을 적용하세요.');
  const name = `k8s-fw-${`a${uid.replace(/-/g, '')}`.slice(0, 32)}`;
  if (answer === name) return ok;
  if (answer.startsWith('k8s-fw-'))
    return gap(
      'Right prefix; the rest is the load balancer name: a + the Service UID without dashes, 32 characters in all.',
      '접두사는 맞습니다. 나머지는 로드 밸런서 이름입니다. a + 대시를 뺀 서비스 UID, 모두 32자입니다.',
    );
  return gap(
    'The rule GKE creates for a Service starts with k8s-fw- and ends with the load balancer name.',
    'GKE가 서비스마다 만드는 규칙은 k8s-fw-로 시작하고 로드 밸런서 이름으로 끝납니다.',
  );
}

const POOL = `kubectl apply -f - <<'EOF'
apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata:
  name: lan
  namespace: metallb-system
spec:
  addresses:
  - 192.168.1.240-192.168.1.250
---
apiVersion: metallb.io/v1beta1
kind: L2Advertisement
metadata:
  name: lan
  namespace: metallb-system
EOF`;

const INTERNAL_WEB = `kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Service
metadata:
  name: web
  annotations:
    service.beta.kubernetes.io/aws-load-balancer-internal: "true"
spec:
  type: LoadBalancer
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 80
EOF`;

const FW_NAME = `echo k8s-fw-a$(kubectl get svc web -o jsonpath='{.metadata.uid}' | tr -d - | cut -c1-31)`;

export const exercises: ExerciseDef[] = [
  {
    id: 'aks-baseline',
    cloud: 'aks',
    title: { en: 'The AKS answer, for comparison', ko: '비교 기준: AKS의 답' },
    task: {
      en: 'In the AKS tab, apply web-svc.yaml, wait for its EXTERNAL-IP, and find the Public IP behind it in the node resource group: the resource every other tab will answer differently.',
      ko: 'AKS 탭에서 web-svc.yaml을 적용하고 EXTERNAL-IP가 나오면, 노드 리소스 그룹에서 그 뒤에 있는 공용 IP 주소를 찾으세요. 다른 탭들이 저마다 다르게 답할 바로 그 리소스입니다.',
    },
    goals: [
      serviceHasExternalIp('default', 'web'),
      publicIpIsFrontendFor('default', 'web'),
      ranCommand(/az network public-ip (list|show)/, { en: 'az network public-ip list', ko: 'az network public-ip list' }),
    ],
    hints: [
      {
        text: {
          en: 'kubectl apply -f web-svc.yaml, then kubectl get svc web until it shows an IP.',
          ko: 'kubectl apply -f web-svc.yaml을 실행하고, IP가 나올 때까지 kubectl get svc web으로 확인하세요.',
        },
      },
      {
        text: {
          en: 'az network public-ip list -g MC_myResourceGroup_myAKSCluster_eastus -o table: the row named kubernetes-a… is web’s.',
          ko: 'az network public-ip list -g MC_myResourceGroup_myAKSCluster_eastus -o table에서 kubernetes-a…로 시작하는 행이 web의 것입니다.',
        },
      },
    ],
    solution: ['kubectl apply -f web-svc.yaml', 'sleep 30', 'az network public-ip list -g MC_myResourceGroup_myAKSCluster_eastus -o table'],
  },
  {
    id: 'metallb-pool',
    cloud: 'metallb',
    title: { en: 'Give MetalLB something to hand out', ko: 'MetalLB에 나눠 줄 주소 주기' },
    task: {
      en: 'In the MetalLB tab, web stays <pending> without a single event. Give MetalLB an IPAddressPool of 192.168.1.240–192.168.1.250 on your LAN and an L2Advertisement, so web gets an address that a node answers for.',
      ko: 'MetalLB 탭에서 web은 이벤트 하나 없이 <pending>에 머뭅니다. LAN 대역 192.168.1.240–192.168.1.250의 IPAddressPool과 L2Advertisement를 MetalLB에 주어, web이 주소를 받고 노드가 그 주소에 응답하게 하세요.',
    },
    goals: [hasExternalAddress('web'), metallbObject('IPAddressPool'), metallbObject('L2Advertisement'), webAnnounced],
    hints: [
      {
        text: {
          en: 'Apply web-svc.yaml first if you have not: kubectl apply -f web-svc.yaml',
          ko: '아직이라면 먼저 web-svc.yaml을 적용하세요. kubectl apply -f web-svc.yaml',
        },
      },
      {
        text: {
          en: 'An IPAddressPool (metallb.io/v1beta1) in namespace metallb-system lists spec.addresses, e.g. 192.168.1.240-192.168.1.250.',
          ko: 'metallb-system 네임스페이스의 IPAddressPool(metallb.io/v1beta1)은 spec.addresses에 192.168.1.240-192.168.1.250처럼 주소를 나열합니다.',
        },
      },
      {
        text: {
          en: 'The pool alone gives web an IP, but in layer 2 mode no node answers ARP for it until an L2Advertisement (no spec needed) exists.',
          ko: '풀만 있어도 web은 IP를 받지만, L2Advertisement(spec 없이도 됨)가 있어야 레이어 2 모드에서 노드가 그 IP의 ARP에 응답합니다.',
        },
      },
    ],
    solution: ['kubectl apply -f web-svc.yaml', POOL, 'kubectl get svc web'],
  },
  {
    id: 'eks-internal',
    cloud: 'eks',
    title: { en: 'Keep web inside the VPC', ko: 'web을 VPC 안에만 두기' },
    task: {
      en: 'In the EKS tab, make web’s Classic Load Balancer internal (reachable only from inside the VPC). Try the annotation service.beta.kubernetes.io/aws-load-balancer-internal: "true" on the existing Service first, and watch the hostname.',
      ko: 'EKS 탭에서 web의 Classic Load Balancer를 내부용(VPC 안에서만 접근)으로 바꾸세요. 먼저 기존 서비스에 service.beta.kubernetes.io/aws-load-balancer-internal: "true" 어노테이션을 달아 보고 호스트 이름을 지켜보세요.',
    },
    goals: [webIsInternal],
    hints: [
      {
        text: {
          en: 'kubectl annotate svc web service.beta.kubernetes.io/aws-load-balancer-internal=true, then kubectl get svc web: did the hostname change?',
          ko: 'kubectl annotate svc web service.beta.kubernetes.io/aws-load-balancer-internal=true를 실행하고 kubectl get svc web을 보세요. 호스트 이름이 바뀌었나요?',
        },
      },
      {
        text: {
          en: 'The in-tree controller never changes the scheme of an existing Classic Load Balancer: delete the Service and create it again with the annotation.',
          ko: '인트리 컨트롤러는 이미 있는 Classic Load Balancer의 체계를 바꾸지 않습니다. 서비스를 지우고 어노테이션을 단 채로 다시 만드세요.',
        },
      },
    ],
    solution: ['kubectl delete svc web --ignore-not-found', INTERNAL_WEB, 'sleep 10', 'kubectl get svc web'],
  },
  {
    id: 'eks-egress',
    cloud: 'eks',
    title: { en: 'Which address leaves EKS?', ko: 'EKS에서 나가는 주소는?' },
    task: {
      en: 'In the EKS tab, paste the public address your pods’ connections to the internet come from.',
      ko: 'EKS 탭에서 파드가 인터넷에 연결할 때 쓰는 공인 주소를 붙여 넣으세요.',
    },
    goals: [],
    hints: [
      { text: { en: 'kubectl exec deploy/web -- curl -s ifconfig.me', ko: 'kubectl exec deploy/web -- curl -s ifconfig.me' } },
      {
        text: {
          en: 'It is neither web’s load balancer nor a node: the nodes sit in private subnets and leave through the VPC’s NAT gateway.',
          ko: 'web의 로드 밸런서도, 노드도 아닙니다. 노드는 프라이빗 서브넷에 있고 VPC의 NAT 게이트웨이를 거쳐 나갑니다.',
        },
      },
    ],
    solution: ['kubectl exec deploy/web -- curl -s ifconfig.me'],
    answer: { prompt: { en: 'The egress address', ko: '송신 주소' }, check: isEksEgress },
  },
  {
    id: 'gke-firewall',
    cloud: 'gke',
    title: { en: 'The firewall rule behind web', ko: 'web 뒤의 방화벽 규칙' },
    task: {
      en: 'In the GKE tab, apply web-svc.yaml and type the name of the VPC firewall rule GKE created to let the internet reach web’s nodes.',
      ko: 'GKE 탭에서 web-svc.yaml을 적용하고, 인터넷에서 web의 노드로 들어오도록 GKE가 만든 VPC 방화벽 규칙의 이름을 입력하세요.',
    },
    goals: [hasExternalAddress('web')],
    hints: [
      {
        text: {
          en: 'The rule is k8s-fw- followed by the load balancer name; the name is a + the Service UID without dashes, cut to 32 characters.',
          ko: '규칙 이름은 k8s-fw- 뒤에 로드 밸런서 이름이 붙습니다. 로드 밸런서 이름은 a + 대시를 뺀 서비스 UID를 32자로 자른 것입니다.',
        },
      },
      { text: { en: FW_NAME, ko: FW_NAME } },
    ],
    solution: ['kubectl apply -f web-svc.yaml', 'sleep 60', FW_NAME],
    answer: { prompt: { en: 'Firewall rule name', ko: '방화벽 규칙 이름' }, check: isWebFirewallRule },
  },
  {
    id: 'k3s-hostport',
    cloud: 'k3s',
    title: { en: 'Two Services, one port 80', ko: '서비스 둘, 포트 80은 하나' },
    task: {
      en: 'In the k3s tab, apply web-svc.yaml, then expose the deployment api as a LoadBalancer on port 80 too. Find out why api stays <pending> in its svclb pods, then give api an address without touching web.',
      ko: 'k3s 탭에서 web-svc.yaml을 적용한 뒤 api 디플로이먼트도 포트 80의 LoadBalancer로 노출하세요. api가 <pending>에 머무는 이유를 svclb 파드에서 찾은 다음, web은 건드리지 말고 api에 주소를 주세요.',
    },
    goals: [
      hasExternalAddress('web'),
      ranCommand(/kubectl\b.*\b(get|describe)\s+(pods?|po)\b.*kube-system|kubectl\b.*kube-system.*\b(get|describe)\s+(pods?|po)\b/, {
        en: 'kubectl get pods -n kube-system',
        ko: 'kubectl get pods -n kube-system',
      }),
      hasExternalAddress('api'),
      svclbRunning('api'),
      svclbRunning('web'),
    ],
    hints: [
      { text: { en: 'kubectl expose deployment api --type=LoadBalancer --port=80', ko: 'kubectl expose deployment api --type=LoadBalancer --port=80' } },
      {
        text: {
          en: 'kubectl get pods -n kube-system -l svccontroller.k3s.cattle.io/svcname=api, then kubectl describe one of them: what do its events say about ports?',
          ko: 'kubectl get pods -n kube-system -l svccontroller.k3s.cattle.io/svcname=api로 찾은 파드 하나를 kubectl describe로 보세요. 이벤트가 포트에 대해 뭐라고 하나요?',
        },
      },
      {
        text: {
          en: 'Each node has one port 80, and web’s svclb pods hold it. Give api another port: kubectl patch svc api --type=merge -p \'{"spec":{"ports":[{"port":8080,"targetPort":80}]}}\'',
          ko: '노드마다 포트 80은 하나이고 web의 svclb 파드가 이미 쓰고 있습니다. api에 다른 포트를 주세요. kubectl patch svc api --type=merge -p \'{"spec":{"ports":[{"port":8080,"targetPort":80}]}}\'',
        },
      },
    ],
    solution: [
      'kubectl apply -f web-svc.yaml',
      'kubectl expose deployment api --type=LoadBalancer --port=80',
      'sleep 5',
      'kubectl get pods -n kube-system -l svccontroller.k3s.cattle.io/svcname=api',
      `kubectl patch svc api --type=merge -p '{"spec":{"ports":[{"port":8080,"targetPort":80}]}}'`,
      'sleep 5',
      'kubectl get svc',
    ],
  },
];
