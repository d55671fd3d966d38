/**
 * Lab set-up for lesson 6 ("One IP for many apps"), shared by both languages. The lab starts where
 * lesson 1 left off: `qa/redis-lb` is exposed (one Service Public IP + the managed outbound IP),
 * a MySQL deployment waits in `qa`, and the AKS hello-world app runs in `test` behind a ClusterIP
 * Service. The learner installs ingress-nginx with helm, routes two apps through its one Public IP
 * (one of them across namespaces through an ExternalName Service), then exposes `mysql-lb`: the
 * course's real cluster, three LoadBalancer Services and four Public IPs.
 */
import type { ExerciseDef, ExerciseState, Goal } from '../../src/learn/exercise/types';
import { externalIpOf, publicIpCount, publicIps, ranCommand, serviceExists, serviceHasExternalIp, publicIpIsFrontendFor } from '../../src/learn/exercise/predicates';
import { INTERNET_CLIENT_IP, walkInbound } from '../../src/sim/network/inbound';
import type { Service } from '../../src/sim/kube/types';

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
  const r = walkInbound({ arm: sandbox.arm, kube: sandbox.kube, now: sandbox.clock.now() }, { ip, port: 80, method: 'GET', path, host, callerIp: INTERNET_CLIENT_IP });
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

function loadBalancerServices(state: ExerciseState): Service[] {
  return state.sandbox.kube.select('Service').map((o) => o as Service).filter((s) => s.spec.type === 'LoadBalancer');
}

/** Exactly three LoadBalancer Services in the cluster, each with an EXTERNAL-IP. */
const threeServicesWithIps: Goal = (state) => {
  const svcs = loadBalancerServices(state);
  const names = svcs.map((s) => `${s.metadata.namespace}/${s.metadata.name}`).join(', ') || 'none';
  if (svcs.length !== 3) return gap(`${svcs.length} LoadBalancer Services found (${names}), 3 expected: the ingress controller, qa/mysql-lb and qa/redis-lb.`, `LoadBalancer 서비스가 ${svcs.length}개(${names}) 있습니다. 수신 컨트롤러, qa/mysql-lb, qa/redis-lb의 3개여야 합니다.`);
  const pending = svcs.filter((s) => !s.status?.loadBalancer?.ingress?.[0]?.ip).map((s) => `${s.metadata.namespace}/${s.metadata.name}`);
  return pending.length
    ? gap(`${pending.join(', ')} still shows <pending>: give the cloud provider a few seconds.`, `${pending.join(', ')}이(가) 아직 <pending>입니다. 클라우드 공급자에게 몇 초를 주세요.`)
    : ok;
};

/** One Public IP is tagged as the managed outbound IP, and no Service uses its address. */
const fourthIsOutbound: Goal = (state) => {
  const outbound = publicIps(state.sandbox).filter((p) => p.tags?.['aks-managed-type'] === 'aks-slb-managed-outbound-ip');
  if (outbound.length !== 1) return gap(`${outbound.length} Public IPs are tagged aks-managed-type: aks-slb-managed-outbound-ip, 1 expected.`, `aks-managed-type: aks-slb-managed-outbound-ip 태그가 붙은 공용 IP 주소가 ${outbound.length}개입니다. 1개여야 합니다.`);
  const address = String((outbound[0].properties as { ipAddress?: string }).ipAddress ?? '');
  const user = loadBalancerServices(state).find((s) => (s.status?.loadBalancer?.ingress ?? []).some((i) => i.ip === address));
  return user
    ? gap(`${address} is the managed outbound IP, but ${user.metadata.namespace}/${user.metadata.name} shows it as EXTERNAL-IP.`, `${address}은(는) 관리형 아웃바운드 IP인데 ${user.metadata.namespace}/${user.metadata.name}이(가) 이 주소를 EXTERNAL-IP로 쓰고 있습니다.`)
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
      { text: { en: 'First tell helm where the chart lives: helm repo add ingress-nginx https://kubernetes.github.io/ingress-nginx', ko: '먼저 helm에 차트 저장소를 알려 주세요: helm repo add ingress-nginx https://kubernetes.github.io/ingress-nginx' } },
      {
        text: {
          en: `Then install it, with the health-probe path annotation the lesson explains: ${HELM_INSTALL}`,
          ko: `그다음 본문에서 설명한 상태 프로브 경로 어노테이션과 함께 설치하세요: ${HELM_INSTALL}`,
        },
      },
      {
        text: { en: 'The Service exists: run kubectl get service -n ingress-basic again after a few seconds.', ko: '서비스는 생겼습니다. 몇 초 뒤 kubectl get service -n ingress-basic을 다시 실행하세요.' },
        when: ({ sandbox }) => Boolean(sandbox.kube.tryGet('Service', CONTROLLER, 'ingress-basic')),
      },
    ],
    solution: ['helm repo add ingress-nginx https://kubernetes.github.io/ingress-nginx', HELM_INSTALL, 'sleep 30', 'kubectl get service --namespace ingress-basic'],
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
      routesTo('apps.example.com', '/hello', 'Welcome to Azure Kubernetes Service (AKS)', { en: 'the AKS hello-world page (test/aks-helloworld-one)', ko: 'AKS hello-world 페이지(test/aks-helloworld-one)' }),
    ],
    hints: [
      { text: { en: 'A web app: kubectl create deployment web --image=nginx:1.27 --port=80 -n ingress-basic, then kubectl expose deployment web --port=80 -n ingress-basic', ko: 'web 앱: kubectl create deployment web --image=nginx:1.27 --port=80 -n ingress-basic을 실행한 다음 kubectl expose deployment web --port=80 -n ingress-basic을 실행하세요.' } },
      { text: { en: 'An Ingress can only name Services in its own namespace. An ExternalName Service in ingress-basic can point at aks-helloworld-one.test.', ko: '인그레스는 자기 네임스페이스의 서비스만 가리킬 수 있습니다. ingress-basic에 aks-helloworld-one.test를 가리키는 ExternalName 서비스를 두면 됩니다.' } },
      { text: { en: 'apps.yaml in the lab (and in the editor) holds the Ingress: kubectl apply -f apps.yaml', ko: '실습 환경의 apps.yaml(편집기에도 있습니다)에 인그레스가 들어 있습니다: kubectl apply -f apps.yaml' } },
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
    goals: [serviceHasExternalIp('qa', 'mysql-lb'), threeServicesWithIps, publicIpCount(4), fourthIsOutbound, ranCommand(/az network public-ip list/, { en: 'az network public-ip list', ko: 'az network public-ip list' })],
    hints: [
      { text: { en: 'kubectl expose deployment mysql --name=mysql-lb --type=LoadBalancer --port=3306 -n qa', ko: 'kubectl expose deployment mysql --name=mysql-lb --type=LoadBalancer --port=3306 -n qa' } },
      { text: { en: `az network public-ip list -g ${NODE_RG} -o table`, ko: `az network public-ip list -g ${NODE_RG} -o table` } },
    ],
    solution: ['kubectl expose deployment mysql --name=mysql-lb --type=LoadBalancer --port=3306 -n qa', 'sleep 30', `az network public-ip list -g ${NODE_RG} -o table`],
  },
];
