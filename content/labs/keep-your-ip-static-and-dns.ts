/**
 * Lab set-up for lesson 8 ("Keep your IP"), shared by both languages.
 *
 * - `shop/web` (nginx) and `web-lb.yaml`: the Service the lesson text points at a Public IP it
 *   creates in `myResourceGroup`.
 * - `blog/blog` (nginx), the resource group `myNetworkRG` and `blog-lb.yaml`: the exercises, which
 *   repeat the whole path with another group, so the cluster identity needs a second role.
 */

import { externalIpOf, ranCommand, serviceExists } from '../../src/learn/exercise/predicates';
import type { ExerciseDef, ExerciseState, Goal } from '../../src/learn/exercise/types';
import type { ArmResource } from '../../src/sim/azure/types';

export const webLbYaml = `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
  annotations:
    service.beta.kubernetes.io/azure-load-balancer-resource-group: myResourceGroup
    service.beta.kubernetes.io/azure-pip-name: shopPublicIP
spec:
  type: LoadBalancer
  selector:
    app: web
  ports:
    - port: 80
      targetPort: 80
`;

export const blogLbYaml = `apiVersion: v1
kind: Service
metadata:
  name: blog
  namespace: blog
  annotations:
    service.beta.kubernetes.io/azure-load-balancer-resource-group: myNetworkRG
    service.beta.kubernetes.io/azure-pip-name: blogPublicIP
spec:
  type: LoadBalancer
  selector:
    app: blog
  ports:
    - port: 80
      targetPort: 80
`;

export const setup = [
  'kubectl create namespace shop',
  'kubectl create deployment web --image=nginx --port=80 -n shop',
  `cat > web-lb.yaml <<'EOF'\n${webLbYaml}EOF`,
  'kubectl create namespace blog',
  'kubectl create deployment blog --image=nginx --port=80 -n blog',
  'az group create --name myNetworkRG --location eastus --output none',
  `cat > blog-lb.yaml <<'EOF'\n${blogLbYaml}EOF`,
];

const PIP_RG = 'myNetworkRG';
const PIP_NAME = 'blogPublicIP';

function blogPip({ sandbox }: ExerciseState): ArmResource | undefined {
  return sandbox.arm.get(`/subscriptions/${sandbox.options.subscriptionId}/resourceGroups/${PIP_RG}/providers/Microsoft.Network/publicIPAddresses/${PIP_NAME}`);
}

const ipOf = (pip: ArmResource | undefined) => (pip?.properties as { ipAddress?: string } | undefined)?.ipAddress;
const fqdnOf = (pip: ArmResource | undefined) => (pip?.properties as { dnsSettings?: { fqdn?: string } } | undefined)?.dnsSettings?.fqdn;

/** blogPublicIP exists in myNetworkRG, Standard and Static. */
const blogPipExists: Goal = (state) => {
  const pip = blogPip(state);
  if (!pip)
    return {
      ok: false,
      gap: {
        en: `There is no Public IP ${PIP_NAME} in ${PIP_RG} yet: create it with az network public-ip create.`,
        ko: `아직 ${PIP_RG}에 공용 IP 주소 ${PIP_NAME}이(가) 없습니다. az network public-ip create로 만드세요.`,
      },
    };
  const method = String((pip.properties as { publicIPAllocationMethod?: string }).publicIPAllocationMethod ?? '');
  if (pip.sku?.name !== 'Standard' || method.toLowerCase() !== 'static')
    return {
      ok: false,
      gap: {
        en: `${PIP_NAME} is ${pip.sku?.name ?? '?'} / ${method}: the cluster's Standard load balancer needs a Standard, Static Public IP. Delete it and create it again with --sku Standard --allocation-method static.`,
        ko: `${PIP_NAME}은(는) ${pip.sku?.name ?? '?'} / ${method}입니다. 클러스터의 Standard 부하 분산 장치에는 Standard, 고정(Static) 공용 IP 주소가 필요합니다. 지우고 --sku Standard --allocation-method static으로 다시 만드세요.`,
      },
    };
  return { ok: true };
};

/** The last events of blog/blog mention a 403, for the gap text. */
function forbidden({ sandbox }: ExerciseState): boolean {
  return sandbox.kube.select('Event', { namespace: 'blog' }).some((e) => {
    const ev = e as { reason?: string; message?: string; involvedObject?: { name?: string } };
    return ev.involvedObject?.name === 'blog' && ev.reason === 'SyncLoadBalancerFailed' && /AuthorizationFailed/.test(ev.message ?? '');
  });
}

/** blog/blog answers on blogPublicIP's address. */
const blogUsesPip: Goal = (state) => {
  const want = ipOf(blogPip(state));
  const got = externalIpOf(state.sandbox, 'blog', 'blog');
  if (want && got === want) return { ok: true };
  if (!got && forbidden(state))
    return {
      ok: false,
      gap: {
        en: 'blog/blog is <pending> and its events show 403 AuthorizationFailed: the cluster identity may not read Public IPs in myNetworkRG. Grant it Network Contributor on that group.',
        ko: 'blog/blog가 <pending>이고 이벤트에 403 AuthorizationFailed가 보입니다. 클러스터 ID가 myNetworkRG의 공용 IP 주소를 읽을 권한이 없습니다. 그 그룹에 대해 네트워크 기여자(Network Contributor) 역할을 할당하세요.',
      },
    };
  if (!got)
    return {
      ok: false,
      gap: {
        en: 'blog/blog still shows <pending>: give the cloud provider a few seconds, and read its events with kubectl describe.',
        ko: 'blog/blog가 아직 <pending>입니다. 클라우드 공급자에게 몇 초를 주고, kubectl describe로 이벤트를 확인하세요.',
      },
    };
  return {
    ok: false,
    gap: {
      en: `blog/blog answers on ${got}, not on ${PIP_NAME} (${want ?? 'no address'}): check the azure-pip-name and azure-load-balancer-resource-group annotations.`,
      ko: `blog/blog의 주소가 ${PIP_NAME}(${want ?? '주소 없음'})이 아니라 ${got}입니다. azure-pip-name과 azure-load-balancer-resource-group 어노테이션을 확인하세요.`,
    },
  };
};

/** blogPublicIP carries a DNS label (any label), so it has an FQDN under cloudapp.azure.com. */
const blogHasFqdn: Goal = (state) => {
  const fqdn = fqdnOf(blogPip(state));
  return fqdn
    ? { ok: true }
    : {
        ok: false,
        gap: {
          en: `${PIP_NAME} has no DNS name yet: annotate blog/blog with service.beta.kubernetes.io/azure-dns-label-name and wait a few seconds.`,
          ko: `${PIP_NAME}에 아직 DNS 이름이 없습니다. blog/blog에 service.beta.kubernetes.io/azure-dns-label-name 어노테이션을 달고 몇 초 기다리세요.`,
        },
      };
};

/** The learner reached the FQDN with curl. */
const curledFqdn: Goal = (state) => {
  const fqdn = fqdnOf(blogPip(state));
  if (fqdn && state.history.some((line) => /\bcurl\b/.test(line) && line.toLowerCase().includes(fqdn.toLowerCase()))) return { ok: true };
  return {
    ok: false,
    gap: {
      en: `Reach the blog by its name: curl ${fqdn ? `http://${fqdn}` : 'http://<label>.eastus.cloudapp.azure.com'}`,
      ko: `이름으로 블로그에 접속해 보세요: curl ${fqdn ? `http://${fqdn}` : 'http://<레이블>.eastus.cloudapp.azure.com'}`,
    },
  };
};

/** The Service was deleted at some point (kubectl delete of blog, by name or by file). */
const deletedBlog = ranCommand(/kubectl\s+delete\b.*(\b(svc|service|services)\b.*\bblog\b|blog-lb\.yaml)/, {
  en: 'kubectl delete service blog -n blog',
  ko: 'kubectl delete service blog -n blog',
});

export const exercises: ExerciseDef[] = [
  {
    id: 'blog-static-ip',
    title: { en: 'An address of your own', ko: '내 소유의 주소' },
    task: {
      en: 'blog-lb.yaml (already in the lab) asks for the Public IP blogPublicIP in the resource group myNetworkRG. Create that IP (Standard, static), apply the file, and get blog/blog an EXTERNAL-IP equal to the IP you created.',
      ko: '실습 환경에 있는 blog-lb.yaml은 리소스 그룹 myNetworkRG의 공용 IP 주소 blogPublicIP를 쓰도록 되어 있습니다. 이 IP를 Standard, 고정(static)으로 만들고 파일을 적용해서, blog/blog의 EXTERNAL-IP가 직접 만든 IP가 되게 하세요.',
    },
    goals: [blogPipExists, serviceExists('blog', 'blog'), blogUsesPip],
    hints: [
      {
        text: {
          en: 'az network public-ip create --resource-group myNetworkRG --name blogPublicIP --sku Standard --allocation-method static',
          ko: 'az network public-ip create --resource-group myNetworkRG --name blogPublicIP --sku Standard --allocation-method static',
        },
      },
      {
        text: {
          en: 'Still <pending>? kubectl describe service blog -n blog shows why. The fix takes the cluster identity (az aks show … --query identity.principalId) and the group id (az group show -n myNetworkRG --query id).',
          ko: '계속 <pending>인가요? kubectl describe service blog -n blog에 이유가 나옵니다. 해결하려면 클러스터 ID(az aks show … --query identity.principalId)와 그룹 ID(az group show -n myNetworkRG --query id)가 필요합니다.',
        },
        when: (s) => Boolean(s.sandbox.kube.tryGet('Service', 'blog', 'blog')),
      },
    ],
    solution: [
      'az network public-ip create --resource-group myNetworkRG --name blogPublicIP --sku Standard --allocation-method static --query publicIp.ipAddress --output tsv',
      'kubectl apply -f blog-lb.yaml',
      'az role assignment create --assignee $(az aks show -g myResourceGroup -n myAKSCluster --query identity.principalId -o tsv) --role "Network Contributor" --scope $(az group show -n myNetworkRG --query id -o tsv) --output none',
      'sleep 30',
      'kubectl get service blog --namespace blog',
    ],
  },
  {
    id: 'blog-dns-name',
    needs: ['blog-static-ip'],
    title: { en: 'A name for the address', ko: '주소에 이름 붙이기' },
    task: {
      en: 'Give blogPublicIP a DNS name through the Service (any free label), then reach the blog with curl by that name.',
      ko: '서비스를 통해 blogPublicIP에 DNS 이름을 붙이고(레이블은 자유), 그 이름으로 curl을 실행해 블로그에 접속하세요.',
    },
    goals: [blogHasFqdn, curledFqdn],
    hints: [
      {
        text: {
          en: 'kubectl annotate service blog -n blog service.beta.kubernetes.io/azure-dns-label-name=my-blog-label',
          ko: 'kubectl annotate service blog -n blog service.beta.kubernetes.io/azure-dns-label-name=my-blog-label',
        },
      },
      {
        text: {
          en: 'az network public-ip show -g myNetworkRG -n blogPublicIP --query dnsSettings.fqdn',
          ko: 'az network public-ip show -g myNetworkRG -n blogPublicIP --query dnsSettings.fqdn',
        },
      },
    ],
    solution: [
      'kubectl annotate service blog -n blog service.beta.kubernetes.io/azure-dns-label-name=blog-demo-4821',
      'sleep 10',
      'az network public-ip show -g myNetworkRG -n blogPublicIP --query dnsSettings.fqdn --output tsv',
      'curl -sI http://blog-demo-4821.eastus.cloudapp.azure.com',
    ],
  },
  {
    id: 'blog-same-ip',
    needs: ['blog-dns-name'],
    title: { en: 'Delete it, keep the address', ko: '지워도 주소는 그대로' },
    task: {
      en: 'Delete the Service blog, check that blogPublicIP is still there, then apply blog-lb.yaml again: blog/blog must come back on the same address.',
      ko: 'blog 서비스를 지우고 blogPublicIP가 그대로 있는지 확인한 뒤 blog-lb.yaml을 다시 적용하세요. blog/blog가 같은 주소로 돌아와야 합니다.',
    },
    goals: [deletedBlog, blogPipExists, serviceExists('blog', 'blog'), blogUsesPip],
    hints: [
      { text: { en: 'kubectl delete service blog -n blog', ko: 'kubectl delete service blog -n blog' } },
      { text: { en: 'az network public-ip list -g myNetworkRG -o table', ko: 'az network public-ip list -g myNetworkRG -o table' } },
    ],
    solution: [
      'kubectl delete service blog -n blog',
      'az network public-ip list -g myNetworkRG -o table',
      'kubectl apply -f blog-lb.yaml',
      'sleep 15',
      'kubectl get service blog --namespace blog',
    ],
  },
];
