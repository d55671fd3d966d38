/**
 * Lab set-up for lesson 6 ("One IP for many apps"), shared by both languages. The lab starts where
 * lesson 1 left off: `qa/redis-lb` is exposed (one Service Public IP + the managed outbound IP),
 * a MySQL deployment waits in `qa`, and the AKS hello-world app runs in `test` behind a ClusterIP
 * Service. The learner installs ingress-nginx with helm, routes two apps through its one Public IP
 * (one of them across namespaces through an ExternalName Service), then exposes `mysql-lb`: the
 * course's real cluster, three LoadBalancer Services and four Public IPs.
 */

import {
  externalIpOf,
  publicIpCount,
  publicIpIsFrontendFor,
  publicIps,
  ranCommand,
  serviceExists,
  serviceHasExternalIp,
} from '../../src/learn/exercise/predicates';
import type { ExerciseDef, ExerciseState, Goal } from '../../src/learn/exercise/types';
import type { Service } from '../../src/sim/kube/types';
import { INTERNET_CLIENT_IP, walkInbound } from '../../src/sim/network/inbound';

export const appsIngressYaml = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: apps
  namespace: ingress-basic
spec:
  ingressClassName: nginx
  rules:
    - host: apps.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  number: 80
          - path: /hello
            pathType: Prefix
            backend:
              service:
                name: external-test-aks-helloworld-one
                port:
                  number: 80
    - host: hello.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: external-test-aks-helloworld-one
                port:
                  number: 80
`;

export const setup = [
  'kubectl create namespace qa',
  'kubectl create deployment redis --image=redis:7 --port=6379 -n qa',
  'kubectl create deployment mysql --image=mysql:8.0 --port=3306 -n qa',
  'kubectl expose deployment redis --name=redis-lb --type=LoadBalancer --port=6379 -n qa',
  'kubectl create namespace test',
  'kubectl create deployment aks-helloworld-one --image=mcr.microsoft.com/azuredocs/aks-helloworld:v1 --port=80 -n test',
  'kubectl expose deployment aks-helloworld-one --port=80 -n test',
  `cat > apps.yaml <<'EOF'\n${appsIngressYaml}EOF`,
];

const NODE_RG = 'MC_myResourceGroup_myAKSCluster_eastus';
const CONTROLLER = 'ingress-nginx-controller';
const HELM_INSTALL =
  'helm install ingress-nginx ingress-nginx/ingress-nginx --namespace ingress-basic --create-namespace --set controller.service.annotations."service\\.beta\\.kubernetes\\.io/azure-load-balancer-health-probe-request-path"=/healthz';

const ok = { ok: true };
const gap = (en: string, ko: string) => ({ ok: false, gap: { en, ko } });

/** What `curl -H 'Host: <host>' http://<controller IP><path>` from the internet gets back (title of the page, or why not). */
function askController(state: ExerciseState, host: string, path: string): { ip?: string; status?: number; title?: string; failure?: string } {
  const { sandbox } = state;
  const ip = externalIpOf(sandbox, 'ingress-basic', CONTROLLER);
  if (!ip) return { failure: 'no-ip' };
  const r = walkInbound(
    { arm: sandbox.arm, kube: sandbox.kube, now: sandbox.clock.now() },
    { ip, port: 80, method: 'GET', path, host, callerIp: INTERNET_CLIENT_IP },
  );
  if (r.kind !== 'answer') return { ip, failure: r.kind };
  if (r.answer.kind !== 'http') return { ip, failure: r.answer.kind };
  const title = /<title>([^<]*)<\/title>/.exec(r.answer.body)?.[1];
  return { ip, status: r.answer.status, title };
}

/** A request for host+path through the controller's Public IP comes back with the page titled `want`. */
function routesTo(host: string, path: string, want: string, app: { en: string; ko: string }): Goal {
  return (state) => {
    const r = askController(state, host, path);
    if (r.failure === 'no-ip') return gap(`ingress-basic/${CONTROLLER} has no EXTERNAL-IP yet.`, `ingress-basic/${CONTROLLER}에 아직 EXTERNAL-IP가 없습니다.`);
    if (r.title === want) return ok;
    const got = r.failure ? `no HTTP answer (${r.failure})` : `HTTP ${r.status} “${r.title ?? ''}”`;
    const gotKo = r.failure ? `HTTP 응답 없음(${r.failure})` : `HTTP ${r.status} “${r.title ?? ''}”`;
    return gap(
      `curl -H 'Host: ${host}' http://${r.ip}${path} should reach ${app.en}, but gets ${got}.`,
      `curl -H 'Host: ${host}' http://${r.ip}${path}가 ${app.ko}에 닿아야 하는데, 지금은 ${gotKo}이(가) 돌아옵니다.`,
    );
  };
}

/** /helloworld on apps.example.com still falls through to the web pod, which answers its own 404. */
const helloworldIsThePods404: Goal = (state) => {
  const { sandbox } = state;
  const ip = externalIpOf(sandbox, 'ingress-basic', CONTROLLER);
  if (!ip) return gap(`ingress-basic/${CONTROLLER} has no EXTERNAL-IP.`, `ingress-basic/${CONTROLLER}에 EXTERNAL-IP가 없습니다.`);
  const r = walkInbound(
    { arm: sandbox.arm, kube: sandbox.kube, now: sandbox.clock.now() },
    { ip, port: 80, method: 'GET', path: '/helloworld', host: 'apps.example.com', callerIp: INTERNET_CLIENT_IP },
  );
  const answer = r.kind === 'answer' && r.answer.kind === 'http' ? r.answer : undefined;
  if (answer?.status === 404 && /<center>nginx\/[\d.]+<\/center>/.test(answer.body)) return ok;
  return gap(
    `http://apps.example.com/helloworld should reach the web pod and get its 404, but gets ${answer ? `HTTP ${answer.status}` : 'no HTTP answer'}: is the rule for / still there?`,
    `http://apps.example.com/helloworld가 web 파드에 닿아 그 404를 받아야 하는데, 지금은 ${answer ? `HTTP ${answer.status}` : 'HTTP 응답 없음'}입니다. / 규칙이 아직 있나요?`,
  );
};

function loadBalancerServices(state: ExerciseState): Service[] {
  return state.sandbox.kube
    .select('Service')
    .map((o) => o as Service)
    .filter((s) => s.spec.type === 'LoadBalancer');
}

/** Exactly three LoadBalancer Services in the cluster, each with an EXTERNAL-IP. */
const threeServicesWithIps: Goal = (state) => {
  const svcs = loadBalancerServices(state);
  const names = svcs.map((s) => `${s.metadata.namespace}/${s.metadata.name}`).join(', ') || 'none';
  if (svcs.length !== 3)
    return gap(
      `${svcs.length} LoadBalancer Services found (${names}), 3 expected: the ingress controller, qa/mysql-lb and qa/redis-lb.`,
      `LoadBalancer 서비스가 ${svcs.length}개(${names}) 있습니다. 수신 컨트롤러, qa/mysql-lb, qa/redis-lb의 3개여야 합니다.`,
    );
  const pending = svcs.filter((s) => !s.status?.loadBalancer?.ingress?.[0]?.ip).map((s) => `${s.metadata.namespace}/${s.metadata.name}`);
  return pending.length
    ? gap(
        `${pending.join(', ')} still shows <pending>: give the cloud provider a few seconds.`,
        `${pending.join(', ')}이(가) 아직 <pending>입니다. 클라우드 공급자에게 몇 초를 주세요.`,
      )
    : ok;
};

/** One Public IP is tagged as the managed outbound IP, and no Service uses its address. */
const fourthIsOutbound: Goal = (state) => {
  const outbound = publicIps(state.sandbox).filter((p) => p.tags?.['aks-managed-type'] === 'aks-slb-managed-outbound-ip');
  if (outbound.length !== 1)
    return gap(
      `${outbound.length} Public IPs are tagged aks-managed-type: aks-slb-managed-outbound-ip, 1 expected.`,
      `aks-managed-type: aks-slb-managed-outbound-ip 태그가 붙은 공용 IP 주소가 ${outbound.length}개입니다. 1개여야 합니다.`,
    );
  const address = String((outbound[0].properties as { ipAddress?: string }).ipAddress ?? '');
  const user = loadBalancerServices(state).find((s) => (s.status?.loadBalancer?.ingress ?? []).some((i) => i.ip === address));
  return user
    ? gap(
        `${address} is the managed outbound IP, but ${user.metadata.namespace}/${user.metadata.name} shows it as EXTERNAL-IP.`,
        `${address}은(는) 관리형 아웃바운드 IP인데 ${user.metadata.namespace}/${user.metadata.name}이(가) 이 주소를 EXTERNAL-IP로 쓰고 있습니다.`,
      )
    : ok;
};

export const exercises: ExerciseDef[] = [
  {
    id: 'install-controller',
    title: { en: 'Install the ingress controller', ko: '수신 컨트롤러 설치하기' },
    task: {
      en: 'Install ingress-nginx with helm into the namespace ingress-basic and wait until its Service ingress-nginx-controller has an EXTERNAL-IP on the load balancer kubernetes.',
      ko: 'helm으로 ingress-nginx를 ingress-basic 네임스페이스에 설치하고, 서비스 ingress-nginx-controller가 부하 분산 장치 kubernetes에서 EXTERNAL-IP를 받을 때까지 기다리세요.',
    },
    goals: [serviceExists('ingress-basic', CONTROLLER), serviceHasExternalIp('ingress-basic', CONTROLLER), publicIpIsFrontendFor('ingress-basic', CONTROLLER)],
    hints: [
      {
        text: {
          en: 'First tell helm where the chart lives: helm repo add ingress-nginx https://kubernetes.github.io/ingress-nginx',
          ko: '먼저 helm에 차트 저장소를 알려 주세요: helm repo add ingress-nginx https://kubernetes.github.io/ingress-nginx',
        },
      },
      {
        text: {
          en: `Then install it, with the health-probe path annotation the lesson explains: ${HELM_INSTALL}`,
          ko: `그다음 본문에서 설명한 상태 프로브 경로 어노테이션과 함께 설치하세요: ${HELM_INSTALL}`,
        },
      },
      {
        text: {
          en: 'The Service exists: run kubectl get service -n ingress-basic again after a few seconds.',
          ko: '서비스는 생겼습니다. 몇 초 뒤 kubectl get service -n ingress-basic을 다시 실행하세요.',
        },
        when: ({ sandbox }) => Boolean(sandbox.kube.tryGet('Service', CONTROLLER, 'ingress-basic')),
      },
    ],
    solution: [
      'helm repo add ingress-nginx https://kubernetes.github.io/ingress-nginx',
      HELM_INSTALL,
      'sleep 30',
      'kubectl get service --namespace ingress-basic',
    ],
  },
  {
    id: 'route-two-apps',
    needs: ['install-controller'],
    title: { en: 'Two apps behind one IP', ko: 'IP 하나 뒤의 앱 두 개' },
    task: {
      en: "Through the controller's one Public IP, make Host apps.example.com path / answer with nginx's welcome page (a web app in ingress-basic) and path /hello with the AKS hello-world page of test/aks-helloworld-one.",
      ko: '컨트롤러의 공용 IP 하나로, 호스트 apps.example.com의 경로 /에는 nginx 환영 페이지(ingress-basic의 web 앱)가, 경로 /hello에는 test/aks-helloworld-one의 AKS hello-world 페이지가 응답하게 하세요.',
    },
    goals: [
      routesTo('apps.example.com', '/', 'Welcome to nginx!', { en: "nginx's welcome page (ingress-basic/web)", ko: 'nginx 환영 페이지(ingress-basic/web)' }),
      routesTo('apps.example.com', '/hello', 'Welcome to Azure Kubernetes Service (AKS)', {
        en: 'the AKS hello-world page (test/aks-helloworld-one)',
        ko: 'AKS hello-world 페이지(test/aks-helloworld-one)',
      }),
      // The objective is testing host-based routing with curl -H, so the learner sends the Host header once.
      ranCommand(/curl\b.*(-H|--header)\s*['"]?host:\s*apps\.example\.com/i, {
        en: "curl -H 'Host: apps.example.com' http://<controller IP>/hello",
        ko: "curl -H 'Host: apps.example.com' http://<컨트롤러 IP>/hello",
      }),
    ],
    hints: [
      {
        text: {
          en: 'A web app: kubectl create deployment web --image=nginx:1.27 --port=80 -n ingress-basic, then kubectl expose deployment web --port=80 -n ingress-basic',
          ko: 'web 앱: kubectl create deployment web --image=nginx:1.27 --port=80 -n ingress-basic을 실행한 다음 kubectl expose deployment web --port=80 -n ingress-basic을 실행하세요.',
        },
      },
      {
        text: {
          en: 'An Ingress can only name Services in its own namespace. An ExternalName Service in ingress-basic can point at aks-helloworld-one.test.',
          ko: '인그레스는 자기 네임스페이스의 서비스만 가리킬 수 있습니다. ingress-basic에 aks-helloworld-one.test를 가리키는 ExternalName 서비스를 두면 됩니다.',
        },
      },
      {
        text: {
          en: 'apps.yaml in the lab (and in the editor) holds the Ingress: kubectl apply -f apps.yaml',
          ko: '실습 환경의 apps.yaml(편집기에도 있습니다)에 인그레스가 들어 있습니다: kubectl apply -f apps.yaml',
        },
      },
    ],
    solution: [
      'kubectl create deployment web --image=nginx:1.27 --port=80 -n ingress-basic',
      'kubectl expose deployment web --port=80 -n ingress-basic',
      'kubectl create service externalname external-test-aks-helloworld-one --external-name aks-helloworld-one.test -n ingress-basic',
      'kubectl apply -f apps.yaml',
      'sleep 5',
      "curl -s -H 'Host: apps.example.com' http://$(kubectl get service ingress-nginx-controller -n ingress-basic -o jsonpath='{.status.loadBalancer.ingress[0].ip}')/hello",
    ],
  },
  {
    id: 'three-services-four-ips',
    needs: ['install-controller'],
    title: { en: 'Three Services, four Public IPs', ko: '서비스는 셋, 공용 IP는 넷' },
    task: {
      en: "Rebuild the course's cluster: expose qa's mysql deployment as the LoadBalancer Service mysql-lb on port 3306, then list the node resource group's Public IPs. Three LoadBalancer Services, four Public IPs, the fourth the managed outbound IP.",
      ko: '이 과정의 예제 클러스터를 다시 만들어 보세요. qa의 mysql 디플로이먼트를 포트 3306의 LoadBalancer 서비스 mysql-lb로 노출한 다음, 노드 리소스 그룹의 공용 IP 주소를 나열하세요. LoadBalancer 서비스 셋, 공용 IP 넷, 그중 넷째는 관리형 아웃바운드 IP입니다.',
    },
    goals: [
      serviceHasExternalIp('qa', 'mysql-lb'),
      threeServicesWithIps,
      publicIpCount(4),
      fourthIsOutbound,
      ranCommand(/az network public-ip list/, { en: 'az network public-ip list', ko: 'az network public-ip list' }),
    ],
    hints: [
      {
        text: {
          en: 'kubectl expose deployment mysql --name=mysql-lb --type=LoadBalancer --port=3306 -n qa',
          ko: 'kubectl expose deployment mysql --name=mysql-lb --type=LoadBalancer --port=3306 -n qa',
        },
      },
      { text: { en: `az network public-ip list -g ${NODE_RG} -o table`, ko: `az network public-ip list -g ${NODE_RG} -o table` } },
    ],
    solution: [
      'kubectl expose deployment mysql --name=mysql-lb --type=LoadBalancer --port=3306 -n qa',
      'sleep 30',
      `az network public-ip list -g ${NODE_RG} -o table`,
    ],
  },
  {
    id: 'which-404',
    needs: ['route-two-apps'],
    title: { en: 'Whose 404 is it?', ko: '누구의 404인가?' },
    task: {
      en: 'Ask the controller for http://apps.example.com/helloworld and for a host no rule names (shop.example.com). Both answer 404 Not Found. Compare the two pages (headers too, with -sI) and say which 404 came from the web pod.',
      ko: '컨트롤러에 http://apps.example.com/helloworld와, 어떤 규칙에도 없는 호스트(shop.example.com)를 요청하세요. 둘 다 404 Not Found로 답합니다. 두 페이지를(-sI로 헤더도) 비교해 어느 404가 web 파드에서 왔는지 고르세요.',
    },
    goals: [
      helloworldIsThePods404,
      ranCommand(/curl\b.*apps\.example\.com.*\/helloworld/i, {
        en: "curl -s -H 'Host: apps.example.com' http://<controller IP>/helloworld",
        ko: "curl -s -H 'Host: apps.example.com' http://<컨트롤러 IP>/helloworld",
      }),
      ranCommand(/curl\b.*shop\.example\.com/i, {
        en: "curl -s -H 'Host: shop.example.com' http://<controller IP>/",
        ko: "curl -s -H 'Host: shop.example.com' http://<컨트롤러 IP>/",
      }),
    ],
    hints: [
      {
        text: { en: 'The last lines are enough: add | tail -n 3 to each curl -s.', ko: '마지막 몇 줄이면 충분합니다. 각 curl -s 뒤에 | tail -n 3을 붙이세요.' },
      },
      {
        text: {
          en: 'Stock nginx signs its error pages with its version; ingress-nginx, by default, signs with just nginx and removes the Server header from everything it sends.',
          ko: '기본 nginx는 오류 페이지 끝에 버전을 적습니다. ingress-nginx는 기본 설정에서 nginx라고만 적고, 보내는 모든 응답에서 Server 헤더를 지웁니다.',
        },
      },
    ],
    solution: [
      "curl -s -H 'Host: apps.example.com' http://$(kubectl get service ingress-nginx-controller -n ingress-basic -o jsonpath='{.status.loadBalancer.ingress[0].ip}')/helloworld | tail -n 3",
      "curl -s -H 'Host: shop.example.com' http://$(kubectl get service ingress-nginx-controller -n ingress-basic -o jsonpath='{.status.loadBalancer.ingress[0].ip}')/ | tail -n 3",
    ],
    choice: {
      prompt: { en: 'Which 404 came from the web pod, and how can you tell?', ko: '어느 404가 web 파드에서 왔고, 어떻게 알 수 있나요?' },
      correct: 'body-signature',
      options: [
        {
          id: 'server-header',
          text: { en: 'The /helloworld one: its Server header says nginx/1.27.4', ko: '/helloworld 쪽이다. Server 헤더에 nginx/1.27.4가 있다' },
          why: {
            en: 'Look again with curl -sI: ingress-nginx removes the Server header from every response by default (server-tokens and allow-backend-server-header are false), so neither 404 has one.',
            ko: 'curl -sI로 다시 보세요. ingress-nginx는 기본 설정(server-tokens와 allow-backend-server-header가 false)에서 모든 응답의 Server 헤더를 지우므로, 두 404 모두 이 헤더가 없습니다.',
          },
        },
        {
          id: 'body-signature',
          text: {
            en: 'The /helloworld one: its page ends with nginx/1.27.4 (stock nginx in the pod); the controller’s own page ends with just nginx',
            ko: '/helloworld 쪽이다. 페이지 끝에 nginx/1.27.4가 있다(파드의 기본 nginx). 컨트롤러 자신의 페이지 끝에는 nginx만 있다',
          },
        },
        {
          id: 'unknown-host',
          text: {
            en: 'The shop.example.com one: a host without a rule is passed to the web app',
            ko: 'shop.example.com 쪽이다. 규칙이 없는 호스트는 web 앱으로 넘어간다',
          },
          why: {
            en: 'No: a host no rule names goes to the controller’s default backend, which answers 404 itself.',
            ko: '아닙니다. 어떤 규칙에도 없는 호스트는 컨트롤러의 기본 백 엔드로 가고, 컨트롤러가 직접 404로 답합니다.',
          },
        },
        {
          id: 'same',
          text: {
            en: 'Neither: every 404 through an ingress controller is the controller’s',
            ko: '둘 다 아니다. 수신 컨트롤러를 거친 404는 모두 컨트롤러의 것이다',
          },
          why: {
            en: 'No: /helloworld matched the rule for / and reached the web pod, which has no such page; the controller passed the pod’s 404 on.',
            ko: '아닙니다. /helloworld는 / 규칙에 걸려 web 파드에 닿았고, 그런 페이지가 없는 파드가 404를 돌려줬습니다. 컨트롤러는 그 404를 그대로 전달했습니다.',
          },
        },
      ],
    },
  },
];
