/**
 * Quiz for lesson 6 ("One IP for many apps"), shared by both languages. The answers follow the
 * lesson text and what the lab's simulator does; the Korean uses the Azure portal's Korean terms.
 */
import type { QuizDef } from '../../src/learn/quiz/types';

export const quiz: QuizDef = {
  questions: [
    {
      id: 'third-app-cost',
      kind: 'single',
      prompt: {
        en: 'Two HTTP apps already run behind the ingress controller. You add a third one with a new host rule in the Ingress. What does that add in the node resource group?',
        ko: '수신 컨트롤러 뒤에 HTTP 앱 두 개가 이미 있습니다. 인그레스에 호스트 규칙을 추가해 세 번째 앱을 붙이면 노드 리소스 그룹에는 무엇이 더 생길까요?',
      },
      choices: [
        {
          id: 'nothing',
          correct: true,
          text: {
            en: 'Nothing: no Public IP, no frontend, no load-balancing rule.',
            ko: '아무것도 생기지 않는다. 공용 IP도, 프런트 엔드도, 부하 분산 규칙도 없다.',
          },
          why: {
            en: 'Right. The Ingress is read by the controller inside the cluster; Azure only ever sees the controller’s one LoadBalancer Service.',
            ko: '맞습니다. 인그레스는 클러스터 안의 컨트롤러가 읽을 뿐이고, Azure가 보는 것은 컨트롤러의 LoadBalancer 서비스 하나뿐입니다.',
          },
        },
        {
          id: 'pip',
          text: { en: 'A new Public IP `kubernetes-a…` for the third app.', ko: '세 번째 앱용 공용 IP `kubernetes-a…` 하나' },
          why: {
            en: 'No: Public IPs follow LoadBalancer Services, and the app’s Service is a ClusterIP Service.',
            ko: '아닙니다. 공용 IP는 LoadBalancer 서비스마다 생기는데, 앱의 서비스는 ClusterIP 서비스입니다.',
          },
        },
        {
          id: 'rule',
          text: { en: 'A new load-balancing rule on the controller’s frontend.', ko: '컨트롤러 프런트 엔드에 부하 분산 규칙 하나' },
          why: {
            en: 'No: the rules are per Service port (80 and 443), and those already exist.',
            ko: '아닙니다. 규칙은 서비스 포트(80, 443)마다 만들어지며, 이미 있습니다.',
          },
        },
        {
          id: 'nsg',
          text: { en: 'Only a new NSG rule for the new host name.', ko: '새 호스트 이름을 위한 NSG 규칙 하나만' },
          why: {
            en: 'No: NSG rules match addresses and ports, never HTTP host names.',
            ko: '아닙니다. NSG 규칙은 주소와 포트를 볼 뿐, HTTP 호스트 이름은 보지 않습니다.',
          },
        },
      ],
      explanation: {
        en: 'Host and path routing happens in the controller. In Azure the controller costs one Public IP, one frontend, and a rule and a probe per port, however many apps it serves.',
        ko: '호스트와 경로 라우팅은 컨트롤러 안에서 일어납니다. Azure 쪽 비용은 앱이 몇 개든 공용 IP 하나, 프런트 엔드 하나, 포트마다 규칙과 프로브 하나씩입니다.',
      },
    },
    {
      id: 'other-namespace',
      kind: 'single',
      prompt: {
        en: 'Your Ingress lives in `ingress-basic`, the app’s Service in `test`. How does the Ingress reach it?',
        ko: '인그레스는 `ingress-basic`에, 앱의 서비스는 `test`에 있습니다. 인그레스가 이 서비스에 닿으려면 어떻게 해야 할까요?',
      },
      choices: [
        {
          id: 'externalname',
          correct: true,
          text: {
            en: 'Through an ExternalName Service in `ingress-basic` whose external name is the Service in `test`.',
            ko: '`test`의 서비스를 외부 이름으로 가리키는 ExternalName 서비스를 `ingress-basic`에 만든다.',
          },
          why: {
            en: 'Right. The Ingress names the alias in its own namespace, and the controller resolves it to the Service in `test`.',
            ko: '맞습니다. 인그레스는 자기 네임스페이스의 별칭을 가리키고, 컨트롤러가 그 이름을 `test`의 서비스로 풀어냅니다.',
          },
        },
        {
          id: 'slash',
          text: { en: 'Write `test/aks-helloworld-one` as the backend Service name.', ko: '백 엔드 서비스 이름에 `test/aks-helloworld-one`이라고 쓴다.' },
          why: {
            en: 'No: a backend names a Service in the Ingress’s own namespace; there is no namespace field and `/` is not allowed in a Service name.',
            ko: '아닙니다. 백 엔드는 인그레스와 같은 네임스페이스의 서비스만 가리킵니다. 네임스페이스 필드도 없고, 서비스 이름에 `/`를 쓸 수도 없습니다.',
          },
        },
        {
          id: 'loadbalancer',
          text: { en: 'Change the app’s Service to type LoadBalancer.', ko: '앱의 서비스를 LoadBalancer 유형으로 바꾼다.' },
          why: {
            en: 'That gives the app its own Public IP, the very thing the ingress controller was meant to save, and the Ingress still cannot name it.',
            ko: '그러면 앱이 자기 공용 IP를 갖게 됩니다. 수신 컨트롤러로 아끼려던 바로 그것이고, 인그레스가 그 서비스를 가리킬 수 없는 것도 그대로입니다.',
          },
        },
        {
          id: 'impossible',
          text: { en: 'It cannot be done without moving the app into `ingress-basic`.', ko: '앱을 `ingress-basic`으로 옮기지 않고는 방법이 없다.' },
          why: {
            en: 'No: an ExternalName alias in `ingress-basic` bridges the namespaces, and the app stays where it is.',
            ko: '아닙니다. `ingress-basic`에 ExternalName 별칭을 두면 네임스페이스를 건널 수 있고, 앱은 그대로 둡니다.',
          },
        },
      ],
      explanation: {
        en: 'An ExternalName Service is a DNS alias with no cluster IP (ports are optional; ingress-nginx connects to the Ingress backend’s port). ingress-nginx resolves it and proxies the request, so it can carry traffic into another namespace.',
        ko: 'ExternalName 서비스는 클러스터 IP가 없는 DNS 별칭입니다(포트는 선택 사항이고, ingress-nginx는 인그레스 백 엔드의 포트로 연결합니다). ingress-nginx가 이 이름을 풀어 요청을 넘기므로, 다른 네임스페이스로 트래픽을 보낼 수 있습니다.',
      },
    },
    {
      id: 'prefix-match',
      kind: 'single',
      prompt: {
        en: 'Host `apps.example.com` has two `Prefix` paths: `/` → `web` and `/hello` → the hello-world app. Where does a request for `/helloworld` go?',
        ko: '호스트 `apps.example.com`에 `Prefix` 경로가 두 개 있습니다. `/` → `web`, `/hello` → hello-world 앱. `/helloworld` 요청은 어디로 갈까요?',
      },
      choices: [
        {
          id: 'web',
          correct: true,
          text: { en: 'To `web`, through the `/` rule', ko: '`/` 규칙을 따라 `web`으로' },
          why: {
            en: 'Right. `Prefix` matches whole path elements, so `/helloworld` is not under `/hello`; the longest matching prefix is `/`.',
            ko: '맞습니다. `Prefix`는 경로 요소 단위로 비교하므로 `/helloworld`는 `/hello` 아래가 아닙니다. 일치하는 가장 긴 접두사는 `/`입니다.',
          },
        },
        {
          id: 'hello',
          text: { en: 'To the hello-world app, because it starts with `/hello`', ko: '`/hello`로 시작하니 hello-world 앱으로' },
          why: {
            en: 'As a string it does, but `Prefix` compares path elements split by `/`: `helloworld` is not `hello`.',
            ko: '문자열로는 그렇지만, `Prefix`는 `/`로 나눈 경로 요소끼리 비교합니다. `helloworld`는 `hello`가 아닙니다.',
          },
        },
        {
          id: 'controller-404',
          text: { en: 'Nowhere: the controller answers with its own 404', ko: '어디로도 가지 않고 컨트롤러가 404로 답한다' },
          why: {
            en: 'The controller’s 404 is for requests no rule matches; here `/` matches. The 404 you see in the lesson comes from the `web` app itself.',
            ko: '컨트롤러의 404는 어떤 규칙에도 맞지 않는 요청에 대한 것입니다. 여기서는 `/`가 맞습니다. 단원에서 본 404는 `web` 앱이 직접 돌려준 것입니다.',
          },
        },
      ],
      explanation: {
        en: 'ingress-nginx prefers an `Exact` match, then the longest `Prefix` match by path element. `/hello/world` goes to hello-world, `/helloworld` to `web`.',
        ko: 'ingress-nginx는 `Exact` 일치를 먼저, 그다음 경로 요소 기준으로 가장 긴 `Prefix` 일치를 고릅니다. `/hello/world`는 hello-world로, `/helloworld`는 `web`으로 갑니다.',
      },
    },
    {
      id: 'probe-path',
      kind: 'short',
      prompt: {
        en: 'Which request path does the lesson set with `azure-load-balancer-health-probe-request-path` on the controller’s Service, so that Azure’s Http probes get a 200?',
        ko: '단원에서는 컨트롤러 서비스에 `azure-load-balancer-health-probe-request-path`로 어떤 요청 경로를 지정해 Azure의 Http 프로브가 200을 받게 했나요?',
      },
      accept: ['/healthz'],
      pattern: '/?healthz',
      answer: { en: '/healthz', ko: '/healthz' },
      wrong: {
        en: 'Look at the `--set` line of the helm install, or at the RequestPath column of `az network lb probe list`.',
        ko: 'helm install의 `--set` 줄이나 `az network lb probe list`의 RequestPath 열을 보세요.',
      },
      explanation: {
        en: 'The chart’s `appProtocol: http`/`https` make the cloud provider build Http/Https probes, which ask for `/` by default; the controller answers `/` with a 404 but `/healthz` with a 200.',
        ko: '차트의 `appProtocol: http`/`https` 때문에 클라우드 공급자가 Http/Https 프로브를 만들고, 기본 경로 `/`를 요청합니다. 컨트롤러는 `/`에는 404를, `/healthz`에는 200을 돌려줍니다.',
      },
    },
    {
      id: 'four-ips',
      kind: 'multiple',
      prompt: {
        en: 'The course’s cluster: an ingress controller in `ingress-basic` with two apps behind it, `mysql-lb` and `redis-lb` in `qa`. Which statements about its Public IPs are true? Choose all that apply.',
        ko: '이 과정의 예제 클러스터에는 `ingress-basic`의 수신 컨트롤러(뒤에 앱 두 개)와 `qa`의 `mysql-lb`, `redis-lb`가 있습니다. 공용 IP 주소에 대해 옳은 것을 모두 고르세요.',
      },
      choices: [
        {
          id: 'three-service-ips',
          correct: true,
          text: {
            en: 'Three are named `kubernetes-a…`, one per LoadBalancer Service.',
            ko: '세 개는 `kubernetes-a…` 이름으로, LoadBalancer 서비스마다 하나씩이다.',
          },
          why: { en: 'Right: the controller, `mysql-lb` and `redis-lb`.', ko: '맞습니다. 컨트롤러, `mysql-lb`, `redis-lb`의 것입니다.' },
        },
        {
          id: 'outbound',
          correct: true,
          text: {
            en: 'The fourth is tagged `aks-managed-type: aks-slb-managed-outbound-ip`.',
            ko: '네 번째에는 `aks-managed-type: aks-slb-managed-outbound-ip` 태그가 붙어 있다.',
          },
          why: { en: 'Right: the managed outbound IP AKS created with the cluster.', ko: '맞습니다. AKS가 클러스터와 함께 만든 관리형 아웃바운드 IP입니다.' },
        },
        {
          id: 'per-app',
          text: { en: 'Each app behind the ingress controller has a Public IP of its own.', ko: '수신 컨트롤러 뒤의 앱마다 자기 공용 IP가 있다.' },
          why: {
            en: 'No: they share the controller’s one IP and are told apart by host and path.',
            ko: '아닙니다. 앱들은 컨트롤러의 IP 하나를 함께 쓰고, 호스트와 경로로 구별됩니다.',
          },
        },
        {
          id: 'admission',
          text: { en: '`ingress-nginx-controller-admission` has a Public IP too.', ko: '`ingress-nginx-controller-admission`에도 공용 IP가 있다.' },
          why: {
            en: 'No: it is a ClusterIP Service, used only by the API server for the validating webhook.',
            ko: '아닙니다. ClusterIP 서비스이며, API 서버가 유효성 검사 웹후크를 부를 때만 씁니다.',
          },
        },
      ],
      explanation: {
        en: 'Three LoadBalancer Services give three Service Public IPs; the managed outbound IP makes four. Apps behind the ingress controller add none.',
        ko: 'LoadBalancer 서비스 셋이 서비스용 공용 IP 셋을 만들고, 관리형 아웃바운드 IP가 더해져 넷이 됩니다. 수신 컨트롤러 뒤의 앱은 공용 IP를 늘리지 않습니다.',
      },
    },
  ],
};
