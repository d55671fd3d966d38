/**
 * Lab for lesson 4 ("Many Services"), shared by both languages: the `qa` namespace with Redis,
 * MySQL and nginx deployments, and the three Service files the lesson applies. Nothing is exposed
 * yet, so the node resource group starts with the managed outbound IP only.
 */

import { externalIpOf, publicIpCount, ranCommand, serviceHasExternalIp } from '../../src/learn/exercise/predicates';
import type { ExerciseDef, ExerciseState, Goal } from '../../src/learn/exercise/types';
import type { KubeEvent } from '../../src/sim/kube/types';

export const redisLbYaml = `apiVersion: v1
kind: Service
metadata:
  name: redis-lb
  namespace: qa
spec:
  type: LoadBalancer
  selector:
    app: redis
  ports:
    - port: 6379
      targetPort: 6379
      protocol: TCP
`;

export const mysqlLbYaml = `apiVersion: v1
kind: Service
metadata:
  name: mysql-lb
  namespace: qa
spec:
  type: LoadBalancer
  selector:
    app: mysql
  ports:
    - port: 3306
      targetPort: 3306
      protocol: TCP
`;

export const webLbYaml = `apiVersion: v1
kind: Service
metadata:
  name: web-lb
  namespace: qa
spec:
  type: LoadBalancer
  selector:
    app: web
  ports:
    - name: http
      port: 80
      targetPort: 80
    - name: https
      port: 443
      targetPort: 443
`;

export const setup = [
  'kubectl create namespace qa',
  'kubectl create deployment redis --image=redis:7 --port=6379 -n qa',
  'kubectl create deployment mysql --image=mysql:8.4 --port=3306 -n qa',
  'kubectl create deployment web --image=nginx:1.27 --port=80 -n qa',
  `cat > redis-lb.yaml <<'EOF'\n${redisLbYaml}EOF`,
  `cat > mysql-lb.yaml <<'EOF'\n${mysqlLbYaml}EOF`,
  `cat > web-lb.yaml <<'EOF'\n${webLbYaml}EOF`,
];

const NODE_RG = 'MC_myResourceGroup_myAKSCluster_eastus';
const IPV4_ANNOTATION = 'service.beta.kubernetes.io/azure-load-balancer-ipv4';

type Svc = { metadata: { annotations?: Record<string, string> }; spec?: { loadBalancerIP?: string } };

/** The address a Service asks for: the annotation wins over the deprecated spec.loadBalancerIP. */
function requestedIp(state: ExerciseState, name: string): string | undefined {
  const svc = state.sandbox.kube.tryGet('Service', name, 'qa') as Svc | undefined;
  return svc?.metadata.annotations?.[IPV4_ANNOTATION] || svc?.spec?.loadBalancerIP || undefined;
}

/** Said when web-lb is gone while Services that share its address remain (the text deletes it, then brings it back). */
const WEB_LB_GONE = {
  en: 'qa/web-lb is gone, but Services still share its old address. Bring it back on that address (the last step of "Who owns a shared IP"), or press Reset lab to start over.',
  ko: 'qa/web-lb는 지워졌지만 예전 주소를 함께 쓰는 서비스가 남아 있습니다. 그 주소로 web-lb를 되살리거나("공유 IP의 주인은 누구인가"의 마지막 단계), 실습 초기화를 눌러 처음부터 시작하세요.',
};

function webLbDeletedWhileShared(state: ExerciseState): boolean {
  if (state.sandbox.kube.tryGet('Service', 'web-lb', 'qa')) return false;
  return ['web-admin', 'web-canary'].some((n) => Boolean(state.sandbox.kube.tryGet('Service', n, 'qa')));
}

/** Before web-lb's own goal: a learner who deleted web-lb in the text is told how to recover. */
const webLbNotDeletedWhileShared: Goal = (state) => (webLbDeletedWhileShared(state) ? { ok: false, gap: WEB_LB_GONE } : { ok: true });

/** qa/<name> asks for web-lb's address and got it. */
function sharesWebIp(name: string): Goal {
  return (state) => {
    const web = externalIpOf(state.sandbox, 'qa', 'web-lb');
    if (!web && webLbDeletedWhileShared(state)) return { ok: false, gap: WEB_LB_GONE };
    if (!web)
      return {
        ok: false,
        gap: { en: 'qa/web-lb has no EXTERNAL-IP: apply web-lb.yaml first.', ko: 'qa/web-lb에 EXTERNAL-IP가 없습니다. 먼저 web-lb.yaml을 적용하세요.' },
      };
    if (!state.sandbox.kube.tryGet('Service', name, 'qa'))
      return { ok: false, gap: { en: `There is no Service qa/${name} yet.`, ko: `아직 qa/${name} 서비스가 없습니다.` } };
    const wanted = requestedIp(state, name);
    if (wanted !== web) {
      return {
        ok: false,
        gap: wanted
          ? {
              en: `qa/${name} asks for ${wanted}, but web-lb's address is ${web}.`,
              ko: `qa/${name}은(는) ${wanted}를 요청하지만 web-lb의 주소는 ${web}입니다.`,
            }
          : {
              en: `qa/${name} does not ask for an address: set the annotation ${IPV4_ANNOTATION}: ${web}.`,
              ko: `qa/${name}이(가) 주소를 요청하지 않습니다. ${IPV4_ANNOTATION}: ${web} 어노테이션을 지정하세요.`,
            },
      };
    }
    const got = externalIpOf(state.sandbox, 'qa', name);
    return got === web
      ? { ok: true }
      : {
          ok: false,
          gap: {
            en: `qa/${name} still shows <pending>: read its events with kubectl describe service ${name} -n qa.`,
            ko: `qa/${name}이(가) 아직 <pending>입니다. kubectl describe service ${name} -n qa로 이벤트를 확인하세요.`,
          },
        };
  };
}

/** The cloud provider refused qa/web-canary at least once because of a port clash on the shared frontend. */
const conflictSeen: Goal = ({ sandbox }) => {
  for (const e of sandbox.kube.scan('Event') as IterableIterator<KubeEvent>) {
    if (
      e.involvedObject.name === 'web-canary' &&
      e.involvedObject.namespace === 'qa' &&
      e.reason === 'SyncLoadBalancerFailed' &&
      e.message.includes('checkLoadBalancerResourcesConflicts')
    )
      return { ok: true };
  }
  return {
    ok: false,
    gap: {
      en: 'No port conflict recorded for qa/web-canary yet: give it web-lb’s address and port 80.',
      ko: '아직 qa/web-canary의 포트 충돌이 기록되지 않았습니다. web-lb의 주소와 포트 80을 지정하세요.',
    },
  };
};

const webCanaryYaml = `cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Service
metadata:
  name: web-canary
  namespace: qa
  annotations:
    ${IPV4_ANNOTATION}: $WEB_IP
spec:
  type: LoadBalancer
  selector:
    app: web
  ports:
    - name: http
      port: 80
      targetPort: 80
EOF`;

const webAdminYaml = `cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Service
metadata:
  name: web-admin
  namespace: qa
  annotations:
    ${IPV4_ANNOTATION}: $WEB_IP
spec:
  type: LoadBalancer
  selector:
    app: web
  ports:
    - port: 8080
      targetPort: 80
EOF`;

const GET_WEB_IP = `WEB_IP=$(kubectl get service web-lb -n qa -o jsonpath='{.status.loadBalancer.ingress[0].ip}')`;

export const exercises: ExerciseDef[] = [
  {
    id: 'three-services',
    title: { en: 'Three Services, how many Public IPs?', ko: '서비스 세 개, 공용 IP 주소는 몇 개?' },
    task: {
      en: 'Expose redis-lb, mysql-lb and web-lb (the files are in the lab), wait until all three have an EXTERNAL-IP, then list the Public IPs of the node resource group with az.',
      ko: 'redis-lb, mysql-lb, web-lb를 노출하고(파일은 실습 환경에 있습니다) 세 서비스 모두 EXTERNAL-IP를 받을 때까지 기다린 다음, az로 노드 리소스 그룹의 공용 IP 주소를 나열하세요.',
    },
    goals: [
      serviceHasExternalIp('qa', 'redis-lb'),
      serviceHasExternalIp('qa', 'mysql-lb'),
      webLbNotDeletedWhileShared,
      serviceHasExternalIp('qa', 'web-lb'),
      ranCommand(/az network public-ip list/, { en: 'az network public-ip list', ko: 'az network public-ip list' }),
    ],
    hints: [
      {
        text: {
          en: 'kubectl apply accepts several -f flags: kubectl apply -f redis-lb.yaml -f mysql-lb.yaml -f web-lb.yaml',
          ko: 'kubectl apply에는 -f를 여러 번 줄 수 있습니다. kubectl apply -f redis-lb.yaml -f mysql-lb.yaml -f web-lb.yaml',
        },
      },
      {
        text: {
          en: 'The cloud provider handles one Service at a time, about 8 seconds each: wait half a minute, then kubectl get svc -n qa.',
          ko: '클라우드 공급자는 서비스를 하나씩, 각각 8초 정도 걸려 처리합니다. 30초쯤 기다린 뒤 kubectl get svc -n qa를 실행하세요.',
        },
        when: ({ sandbox }) => Boolean(sandbox.kube.tryGet('Service', 'web-lb', 'qa')),
      },
      { text: { en: `az network public-ip list -g ${NODE_RG} -o table`, ko: `az network public-ip list -g ${NODE_RG} -o table` } },
    ],
    solution: ['kubectl apply -f redis-lb.yaml -f mysql-lb.yaml -f web-lb.yaml', 'sleep 30', `az network public-ip list -g ${NODE_RG} -o table`],
  },
  {
    id: 'share-web-ip',
    needs: ['three-services'],
    title: { en: 'Two Services, one IP', ko: '서비스 두 개, IP 하나' },
    task: {
      en: 'Create a LoadBalancer Service qa/web-admin (selector app=web, port 8080 → 80) that uses the same public address as web-lb, without a fifth Public IP.',
      ko: 'web-lb와 같은 공용 주소를 쓰는 LoadBalancer 서비스 qa/web-admin(셀렉터 app=web, 포트 8080 → 80)을 만드세요. 다섯 번째 공용 IP 주소가 생기면 안 됩니다.',
    },
    goals: [sharesWebIp('web-admin'), publicIpCount(4)],
    hints: [
      { text: { en: `Ask for the address with the annotation ${IPV4_ANNOTATION}.`, ko: `${IPV4_ANNOTATION} 어노테이션으로 주소를 요청하세요.` } },
      { text: { en: `Keep the address in a variable: ${GET_WEB_IP}`, ko: `주소를 변수에 담아 두세요. ${GET_WEB_IP}` } },
      {
        text: {
          en: 'A fifth Public IP means web-admin was created without the annotation: delete it, then create it again with the annotation.',
          ko: '공용 IP 주소가 다섯 개라면 web-admin이 어노테이션 없이 만들어진 것입니다. 삭제하고 어노테이션을 넣어 다시 만드세요.',
        },
        when: (state) => !publicIpCount(4)(state).ok && Boolean(state.sandbox.kube.tryGet('Service', 'web-admin', 'qa')),
      },
    ],
    solution: [GET_WEB_IP, webAdminYaml, 'sleep 10', 'kubectl get service --namespace qa'],
  },
  {
    id: 'port-conflict',
    needs: ['share-web-ip'],
    title: { en: 'Provoke, read and fix a port conflict', ko: '포트 충돌을 일으키고, 읽고, 고치기' },
    task: {
      en: 'Create qa/web-canary on web-lb’s address with port 80, read why it stays <pending>, then move it to port 8081 so it gets the shared address.',
      ko: 'web-lb의 주소와 포트 80으로 qa/web-canary를 만들고, 왜 <pending>에 머무는지 읽은 다음, 포트를 8081로 옮겨 공유 주소를 받게 하세요.',
    },
    goals: [
      conflictSeen,
      ranCommand(/kubectl (describe (svc|service|services)[ /]web-canary|get events|events)/, {
        en: 'kubectl describe service web-canary -n qa',
        ko: 'kubectl describe service web-canary -n qa',
      }),
      sharesWebIp('web-canary'),
    ],
    hints: [
      {
        text: {
          en: 'Same Service as web-admin, with the name web-canary and port 80 (name: http, targetPort: 80).',
          ko: 'web-admin과 같은 서비스에 이름만 web-canary, 포트는 80(name: http, targetPort: 80)으로 하세요.',
        },
      },
      {
        text: {
          en: 'kubectl describe service web-canary -n qa shows the SyncLoadBalancerFailed event.',
          ko: 'kubectl describe service web-canary -n qa에 SyncLoadBalancerFailed 이벤트가 보입니다.',
        },
        when: ({ sandbox }) => Boolean(sandbox.kube.tryGet('Service', 'web-canary', 'qa')),
      },
      {
        text: {
          en: `A JSON patch changes just the port: kubectl patch service web-canary -n qa --type=json -p '[{"op":"replace","path":"/spec/ports/0/port","value":8081}]'`,
          ko: `JSON 패치로 포트만 바꿀 수 있습니다. kubectl patch service web-canary -n qa --type=json -p '[{"op":"replace","path":"/spec/ports/0/port","value":8081}]'`,
        },
      },
    ],
    solution: [
      GET_WEB_IP,
      webCanaryYaml,
      'sleep 10',
      'kubectl describe service web-canary -n qa | tail -n 4',
      `kubectl patch service web-canary -n qa --type=json -p '[{"op":"replace","path":"/spec/ports/0/port","value":8081}]'`,
      'sleep 10',
      'kubectl get service web-canary --namespace qa',
    ],
  },
];
