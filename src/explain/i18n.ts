/**
 * Every sentence the explainer produces, in English and Korean, keyed by code. Parameters are
 * names and numbers from the pastes; the view escapes them (they are text, never HTML).
 * Korean follows the Korean Azure portal's terms (공용 IP 주소, 부하 분산 장치, 프런트 엔드 IP 구성 …).
 */
import type { Locale, Params } from './types';

type Msg = (p: Params) => string;

const n = (v: string | number | undefined) => (typeof v === 'number' ? v.toLocaleString('en-US') : String(v ?? ''));
const cmd = (p: Params) => (p.command ? String(p.command) : '');

const en: Record<string, Msg> = {
  // Inputs recognised.
  'input.services': (p) =>
    `Services from kubectl get svc -o json: ${n(p.count)} Service${p.count === 1 ? '' : 's'}${p.others ? ` (also ${p.others}, not used)` : ''}.`,
  'input.public-ips': (p) => `Public IPs from az network public-ip list: ${n(p.count)}.`,
  'input.load-balancers': (p) => `Load balancer from az network lb show: ${n(p.count)}.`,
  'input.cluster': () => 'The cluster from az aks show.',
  'input.nsgs': (p) =>
    p.rulesOnly ? `Security rules from az network nsg rule list: ${n(p.count)}.` : `Network security groups from az network nsg list: ${n(p.count)}.`,
  'input.events': (p) => `Events from kubectl get events -o json: ${n(p.count)}.`,
  'input.nodes': (p) => `Nodes from kubectl get nodes -o json: ${n(p.count)}.`,
  'input.node-resource-group': (p) => `The node resource group: ${p.name}. The commands above now use it.`,
  'input.empty': () => 'Empty.',
  'input.empty-list': () => 'An empty list: nothing to explain from this one.',
  // Inputs not usable, and what to run instead.
  'problem.table': (p) => `This is table output (${p.seen}), which leaves out tags, ids and links. Run it with -o json instead${cmd(p) ? `: ${cmd(p)}` : '.'}`,
  'problem.yaml': () => 'This is YAML. The explainer reads JSON: run the same command with -o json.',
  'problem.describe': (p) => `This is kubectl describe output. Paste ${cmd(p)} instead, and kubectl get events -A -o json for the events.`,
  'problem.truncated': (p) =>
    `The JSON stops in the middle, at line ${p.line}, column ${p.column}: the paste was cut short. Copy the whole output, or save it to a file (… -o json > out.json) and drop the file here.`,
  'problem.invalid-json': (p) =>
    `The JSON breaks at line ${p.line}, column ${p.column}${p.near ? ` (near "${p.near}")` : ''}. Was something edited or cut out by hand? Paste the output as the command printed it; replacing ids inside quotes is fine.`,
  'problem.other-kubectl': (p) => `This is a list of ${p.kind} objects (${p.seen}). For Services run: ${cmd(p)}`,
  'problem.lb-child': (p) => `This is ${p.seen} output: only one part of the load balancer. Run ${cmd(p)} for frontends, rules and outbound rules together.`,
  'problem.other-az': (p) => `This is Azure output of another kind (${p.seen}). Paste ${cmd(p)} or one of the commands above.`,
  'problem.other-cloud': (p) => `This looks like ${p.cloud} output. The explainer reads AKS and Azure: run ${cmd(p)} against an AKS cluster.`,
  'problem.command-error': (p) =>
    `This is an error message, not output: "${p.first}". Fix the command (logged in? right subscription, resource group and cluster name?) and paste what it prints then.`,
  'problem.unrecognised': () => 'Not recognised. Paste the JSON one of the commands above prints (with -o json).',
  'problem.unrecognised-json': () => 'JSON, but not from one of the commands above. Paste what they print.',
  'note.bom': () => 'A byte order mark at the start was ignored.',
  'note.crlf': () => 'Windows line ends (CRLF) were read as plain line ends.',
  'note.lead-in': (p) => `The first ${p.lines === 1 ? 'line' : `${p.lines} lines`} before the JSON ("${p.first}") ${p.lines === 1 ? 'was' : 'were'} skipped.`,
  'note.redacted': () => 'Some ids are redacted: matched by names instead.',
  'note.several': () => 'Two outputs in one box: both were read.',
  // Evidence.
  'ev.tag-outbound': (p) => `Tag ${p.tag}: ${p.value}: AKS created it for outbound traffic when it created the cluster.`,
  'ev.tag-outbound-legacy': (p) => `Tag ${p.tag}: ${p.value}, the name older clusters give the managed outbound IP tag.`,
  'ev.outbound-rule': (p) => `Its frontend ${p.frontend} on ${p.lb} is used by the outbound rule ${p.rule}.`,
  'ev.aks-outbound': () => 'az aks show lists it under effectiveOutboundIPs.',
  'ev.nat-gateway': (p) => `It is attached to the NAT gateway ${p.name}.`,
  'ev.tag-service': (p) =>
    `Tag ${p.tag}: ${p.services}: the cloud provider created it for ${String(p.services).includes(',') ? 'these Services' : 'this Service'}.`,
  'ev.tag-service-legacy': (p) => `Tag ${p.tag}: ${p.services} (the tag older cloud provider versions wrote).`,
  'ev.tag-service-empty': () => 'The service tag is empty: no Service claims it any more.',
  'ev.services-not-pasted': (p) => `Whether that Service still exists is not known: paste ${p.command}.`,
  'ev.status-ingress': (p) => `${p.service} shows ${p.ip} as its EXTERNAL-IP (status.loadBalancer.ingress).`,
  'ev.service-exists': (p) => `${p.service} exists.`,
  'ev.service-missing': (p) => `There is no Service ${p.service} in the pasted Services: it was deleted.`,
  'ev.service-not-lb': (p) => `${p.service} exists but is no longer of type LoadBalancer.`,
  'ev.namespace-not-pasted': (p) => `The pasted Services do not cover namespace ${p.namespace}: paste kubectl get svc -A -o json to check ${p.service}.`,
  'ev.no-service-tag': () => 'No k8s-azure-service tag: someone created it outside Kubernetes, and the cloud provider will never delete it.',
  'ev.used-by-name': (p) => `${p.service} names it in ${p.annotation}.`,
  'ev.used-by-ip': (p) => `${p.service} uses its address ${p.ip}.`,
  'ev.tags-unknown': (p) => `Known only from the load balancer; its tags were not pasted (${p.command}).`,
  'ev.frontend-rules': (p) => `Its frontend ${p.frontend} has ${p.count} load-balancing rule${p.count === 1 ? '' : 's'} (${p.first}…).`,
  'ev.frontend': (p) => `ipConfiguration points to the frontend ${p.frontend} of the load balancer ${p.lb}.`,
  'ev.attached-other': (p) => `Attached to something else: ${p.id}.`,
  'ev.not-attached': () => 'Not attached to anything (no ipConfiguration).',
  'ev.shares-frontend': (p) => `${p.service} has rules on the same frontend ${p.frontend}: they share this IP.`,
  // Pending reasons.
  'pending.events-not-pasted': (p) => `Paste ${p.command} to see why.`,
  'pending.no-events': () =>
    'No events for it: events expire after an hour; run kubectl describe service to see new ones, or check for spec.loadBalancerClass.',
  'pending.in-progress': () => 'The cloud provider is still building it (EnsuringLoadBalancer and no error yet): wait a few seconds and look again.',
  'pending.public-ip-quota': () =>
    'The subscription is out of Public IPs in this region (PublicIPCountLimitReached). Delete unused ones or ask for a higher quota.',
  'pending.authorization-failed': () =>
    'The cluster identity may not read or use that Public IP (AuthorizationFailed): give it Network Contributor on the resource group that holds it.',
  'pending.pip-name-not-found': () => 'The Public IP named in azure-pip-name does not exist in the resource group the cloud provider looks in.',
  'pending.ip-not-found': () =>
    'No Public IP with the requested address exists in the resource group the cloud provider looks in (loadBalancerIP / azure-load-balancer-ipv4).',
  'pending.port-conflict': () => 'Another Service already uses that port on the same shared IP (checkLoadBalancerResourcesConflicts).',
  'pending.subnet-not-found': () => 'The subnet named in azure-load-balancer-internal-subnet does not exist in the cluster\u2019s virtual network.',
  'pending.private-ip-outside-subnet': () => 'The requested private address is outside the subnet (PrivateIPAddressNotInSubnet).',
  'pending.throttled': () => 'Azure is throttling writes (429 TooManyRequests); the cloud provider retries by itself.',
  'pending.dns-label': () => 'The DNS label annotation is refused (taken by another Service on that IP, or not a valid label).',
  'pending.source-ranges-conflict': () => 'spec.loadBalancerSourceRanges and azure-allowed-ip-ranges are both set; use one.',
  'pending.invalid-probe': () => 'A health probe annotation has a value Azure refuses (interval × count must stay under 120).',
  'pending.invalid-idle-timeout': () => 'azure-load-balancer-tcp-idle-timeout is outside 4–100 minutes.',
  'pending.azure-limit': () => 'An Azure limit is reached (frontends per load balancer, rules per node NIC or NSG rules).',
  'pending.invalid-name': () => 'A name the Service asks Azure to use is not a valid resource name.',
  'pending.no-nodes': () => 'There are no nodes to put behind the load balancer.',
  'pending.other': (p) => `${p.reason}: ${p.message}`,
  // Findings.
  'f.ip-count': (p) =>
    `${n(p.services)} public LoadBalancer Service${p.services === 1 ? '' : 's'} and ${n(p.ips)} Public IP${p.ips === 1 ? '' : 's'}: ${n(p.service)} for Services, ${n(p.outbound)} outbound${p.user ? `, ${n(p.user)} yours` : ''}${p.orphan ? `, ${n(p.orphan)} left behind` : ''}${p.unknown ? `, ${n(p.unknown)} unknown` : ''}.`,
  'f.outbound-ip': (p) =>
    `${p.name} (${p.ip}) is the managed outbound IP: AKS made it for egress, and ${p.rule} on ${p.lb} gives pods and nodes this address when they connect out. No Service owns it, and it stays when the last Service is gone.`,
  'f.outbound-ip-yours': (p) => `${p.name} (${p.ip}) is an outbound IP you brought: ${p.rule} on ${p.lb} uses it for egress.`,
  'f.orphan-ip': (p) =>
    `${p.name} (${p.ip}) is still tagged for ${p.services}, which no longer exists, and nothing uses it. It costs money: once you are sure, delete it with az network public-ip delete -g ${p.rg} -n ${p.name}.`,
  'f.orphan-ip-attached': (p) =>
    `${p.name} (${p.ip}) is tagged for ${p.services}, which no longer exists, but is still attached to the frontend ${p.frontend}. The cloud provider should clean it up; if it stays, look at the events of the Services that shared it.`,
  'f.user-ip': (p) =>
    `${p.name} (${p.ip}) is a Public IP you created; ${p.services} use${String(p.services).includes(',') ? '' : 's'} it. Deleting the Service keeps it.`,
  'f.user-ip-unused': (p) =>
    `${p.name} (${p.ip}) has no Kubernetes tags and is attached to nothing: a Public IP somebody created and nothing uses. It costs money while it sits there.`,
  'f.legacy-tags': () => 'Some Public IPs carry the tags older cluster versions wrote (service, type): read them like k8s-azure-service and aks-managed-type.',
  'f.pending': (p) => `${p.service} is <pending>. ${p.reason}`,
  'f.shared-ip': (p) =>
    `${n(p.count)} Services share ${p.ip}${p.frontend ? ` (frontend ${p.frontend})` : ''}: ${p.services}. Each has its own rules on the one frontend.`,
  'f.internal': (p) => `${p.service} is internal: ${p.ip} is a private address on ${p.lb}, and it has no Public IP.`,
  'f.other-cloud': (p) => `${p.service} has the address ${p.host}: this does not look like an AKS cluster.`,
  'f.other-outbound': (p) => `Outbound type ${p.type}: egress does not go through the load balancer kubernetes, so there is no managed outbound IP on it.`,
  'f.snat-auto': (p) =>
    `SNAT ports: ${n(p.nodes)} node${p.nodes === 1 ? '' : 's'} × ${n(p.perNode)} ports (automatic share) = ${n(p.used)} of ${n(p.capacity)} on ${n(p.ips)} outbound IP${p.ips === 1 ? '' : 's'}.${Number(p.nodes) > 50 ? ' Above 50 nodes the automatic share per node shrinks: set the ports per node, and add outbound IPs for them.' : ''}`,
  'f.snat-fixed': (p) =>
    `SNAT ports: ${n(p.nodes)} node${p.nodes === 1 ? '' : 's'} × ${n(p.perNode)} ports = ${n(p.used)} of ${n(p.capacity)} on ${n(p.ips)} outbound IP${p.ips === 1 ? '' : 's'}: room for ${n(p.moreNodes)} more node${p.moreNodes === 1 ? '' : 's'}${Number(p.moreNodes) < 1 ? ' — a scale-out or an upgrade\u2019s extra node will be refused' : ''}.`,
  'f.nsg-open-db': (p) =>
    `The NSG rule ${p.rule} lets ${p.source} reach ${p.db} on port ${p.port} at ${p.destination}${p.services ? ` (${p.services})` : ''}. A database should not face the whole Internet: limit it with loadBalancerSourceRanges, or make the Service internal.`,
  'f.db-open-inferred': (p) =>
    `${p.service} exposes ${p.db} on port ${p.port} at ${p.ip} with no source ranges, so the cloud provider's NSG rule allows the whole Internet. Paste the NSG list to check.`,
  // "Open in the lab": what could not be carried over.
  'lab.nodes-clamped': (p) => `The cluster has ${n(p.nodes)} nodes; the lab runs ${n(p.lab)}.`,
  'lab.version': (p) => `Kubernetes ${p.version} is not offered in the lab; it uses ${p.lab}.`,
  'lab.too-many': (p) => `Only the first ${n(p.lab)} of ${n(p.count)} Services go into the lab.`,
  'lab.ips': (p) =>
    `${n(p.count)} Service${p.count === 1 ? ' asks' : 's ask'} for a fixed public address; the lab cannot make that address, so ${p.count === 1 ? 'it gets' : 'they get'} a new one.`,
  'lab.subnet': (p) => `${p.service}: the subnet ${p.subnet} does not exist in the lab, so the annotation was left out.`,
  'lab.pip-rg': (p) => `${p.service}: the Public IP's other resource group does not exist in the lab, so the annotation was left out.`,
};

const ko: Record<string, Msg> = {
  'input.services': (p) => `kubectl get svc -o json의 서비스 ${n(p.count)}개${p.others ? ` (${p.others}도 있지만 쓰지 않음)` : ''}.`,
  'input.public-ips': (p) => `az network public-ip list의 공용 IP 주소 ${n(p.count)}개.`,
  'input.load-balancers': (p) => `az network lb show의 부하 분산 장치 ${n(p.count)}개.`,
  'input.cluster': () => 'az aks show의 클러스터 정보.',
  'input.nsgs': (p) => (p.rulesOnly ? `az network nsg rule list의 보안 규칙 ${n(p.count)}개.` : `az network nsg list의 네트워크 보안 그룹 ${n(p.count)}개.`),
  'input.events': (p) => `kubectl get events -o json의 이벤트 ${n(p.count)}개.`,
  'input.nodes': (p) => `kubectl get nodes -o json의 노드 ${n(p.count)}개.`,
  'input.node-resource-group': (p) => `노드 리소스 그룹: ${p.name}. 위 명령에 이 이름을 채워 넣었습니다.`,
  'input.empty': () => '비어 있습니다.',
  'input.empty-list': () => '빈 목록입니다. 여기서는 설명할 것이 없습니다.',
  'problem.table': (p) =>
    `표 형식 출력(${p.seen})입니다. 표에는 태그, ID, 연결 관계가 빠져 있습니다. -o json으로 다시 실행하세요${cmd(p) ? `: ${cmd(p)}` : '.'}`,
  'problem.yaml': () => 'YAML 출력입니다. 설명기는 JSON을 읽습니다. 같은 명령을 -o json으로 실행하세요.',
  'problem.describe': (p) => `kubectl describe 출력입니다. 대신 ${cmd(p)} 명령의 출력을 붙여 넣고, 이벤트는 kubectl get events -A -o json으로 가져오세요.`,
  'problem.truncated': (p) =>
    `JSON이 ${p.line}번째 줄 ${p.column}번째 칸에서 중간에 끊겼습니다. 출력 전체를 복사하거나, 파일로 저장(… -o json > out.json)해서 여기에 끌어다 놓으세요.`,
  'problem.invalid-json': (p) =>
    `JSON이 ${p.line}번째 줄 ${p.column}번째 칸에서 깨졌습니다${p.near ? ` ("${p.near}" 부근)` : ''}. 손으로 고치거나 잘라 낸 부분이 있나요? 명령이 출력한 그대로 붙여 넣으세요. 따옴표 안의 ID를 가리는 것은 괜찮습니다.`,
  'problem.other-kubectl': (p) => `${p.kind} 오브젝트 목록(${p.seen})입니다. 서비스는 다음 명령으로 가져오세요: ${cmd(p)}`,
  'problem.lb-child': (p) =>
    `${p.seen} 출력으로, 부하 분산 장치의 일부만 담겨 있습니다. 프런트 엔드 IP 구성, 규칙, 아웃바운드 규칙을 한 번에 보려면 ${cmd(p)} 명령을 실행하세요.`,
  'problem.other-az': (p) => `다른 종류의 Azure 출력(${p.seen})입니다. ${cmd(p)} 또는 위의 명령 중 하나의 출력을 붙여 넣으세요.`,
  'problem.other-cloud': (p) => `${p.cloud} 출력으로 보입니다. 설명기는 AKS와 Azure 출력을 읽습니다. AKS 클러스터에서 ${cmd(p)} 명령을 실행하세요.`,
  'problem.command-error': (p) =>
    `출력이 아니라 오류 메시지입니다: "${p.first}". 명령을 고친 뒤(로그인했는지, 구독·리소스 그룹·클러스터 이름이 맞는지) 그 출력을 붙여 넣으세요.`,
  'problem.unrecognised': () => '알아볼 수 없는 내용입니다. 위 명령 중 하나를 -o json으로 실행한 출력을 붙여 넣으세요.',
  'problem.unrecognised-json': () => 'JSON이지만 위 명령의 출력이 아닙니다. 위 명령의 출력을 붙여 넣으세요.',
  'note.bom': () => '맨 앞의 BOM(바이트 순서 표시)은 무시했습니다.',
  'note.crlf': () => 'Windows 줄 끝(CRLF)을 일반 줄 끝으로 읽었습니다.',
  'note.lead-in': (p) => `JSON 앞의 ${p.lines}줄("${p.first}")은 건너뛰었습니다.`,
  'note.redacted': () => '가려진 ID가 있어 이름으로 대신 맞춰 보았습니다.',
  'note.several': () => '한 칸에 출력이 두 개 있어 둘 다 읽었습니다.',
  'ev.tag-outbound': (p) => `태그 ${p.tag}: ${p.value}. 클러스터를 만들 때 AKS가 아웃바운드 트래픽용으로 만든 주소입니다.`,
  'ev.tag-outbound-legacy': (p) => `태그 ${p.tag}: ${p.value}. 예전 클러스터가 관리형 아웃바운드 IP에 붙이던 태그 이름입니다.`,
  'ev.outbound-rule': (p) => `이 주소의 프런트 엔드 IP 구성(${p.lb}의 ${p.frontend})은 ${p.rule} 아웃바운드 규칙이 사용합니다.`,
  'ev.aks-outbound': () => 'az aks show의 effectiveOutboundIPs에 들어 있습니다.',
  'ev.nat-gateway': (p) => `NAT 게이트웨이 ${p.name}에 연결되어 있습니다.`,
  'ev.tag-service': (p) => `태그 ${p.tag}: ${p.services}. 클라우드 공급자가 이 서비스를 위해 만든 주소입니다.`,
  'ev.tag-service-legacy': (p) => `태그 ${p.tag}: ${p.services}. 예전 버전의 클라우드 공급자가 쓰던 태그입니다.`,
  'ev.tag-service-empty': () => '서비스 태그가 비어 있습니다. 이 주소를 쓰겠다는 서비스가 더 이상 없습니다.',
  'ev.services-not-pasted': (p) => `그 서비스가 아직 있는지는 알 수 없습니다. ${p.command} 출력을 붙여 넣으세요.`,
  'ev.status-ingress': (p) => `${p.service}의 EXTERNAL-IP(status.loadBalancer.ingress)가 ${p.ip}입니다.`,
  'ev.service-exists': (p) => `${p.service} 서비스가 있습니다.`,
  'ev.service-missing': (p) => `붙여 넣은 서비스 중에 ${p.service} 서비스가 없습니다. 삭제된 서비스입니다.`,
  'ev.service-not-lb': (p) => `${p.service} 서비스는 있지만 이제 LoadBalancer 유형이 아닙니다.`,
  'ev.namespace-not-pasted': (p) =>
    `붙여 넣은 서비스에 ${p.namespace} 네임스페이스가 없습니다. ${p.service} 서비스를 확인하려면 kubectl get svc -A -o json 출력을 붙여 넣으세요.`,
  'ev.no-service-tag': () => 'k8s-azure-service 태그가 없습니다. 누군가 Kubernetes 밖에서 만든 주소이고, 클라우드 공급자는 이 주소를 지우지 않습니다.',
  'ev.used-by-name': (p) => `${p.service} 서비스가 ${p.annotation} 어노테이션에 이 이름을 적었습니다.`,
  'ev.used-by-ip': (p) => `${p.service} 서비스가 이 주소(${p.ip})를 씁니다.`,
  'ev.tags-unknown': (p) => `부하 분산 장치 쪽에서만 보인 주소입니다. 태그는 붙여 넣지 않았습니다(${p.command}).`,
  'ev.frontend-rules': (p) => `프런트 엔드 IP 구성 ${p.frontend}에 부하 분산 규칙이 ${p.count}개 있습니다(${p.first}…).`,
  'ev.frontend': (p) => `ipConfiguration이 가리키는 곳은 부하 분산 장치 ${p.lb}의 프런트 엔드 IP 구성 ${p.frontend}입니다.`,
  'ev.attached-other': (p) => `다른 리소스에 연결되어 있습니다: ${p.id}.`,
  'ev.not-attached': () => '아무것에도 연결되어 있지 않습니다(ipConfiguration 없음).',
  'ev.shares-frontend': (p) => `${p.service} 서비스도 같은 프런트 엔드 IP 구성 ${p.frontend}에 규칙이 있어 이 주소를 함께 씁니다.`,
  'pending.events-not-pasted': (p) => `이유를 보려면 ${p.command} 출력을 붙여 넣으세요.`,
  'pending.no-events': () =>
    '이 서비스의 이벤트가 없습니다. 이벤트는 한 시간 뒤 사라지니 kubectl describe service로 새 이벤트를 보거나, spec.loadBalancerClass가 있는지 확인하세요.',
  'pending.in-progress': () => '클라우드 공급자가 아직 만드는 중입니다(EnsuringLoadBalancer 뒤에 오류 없음). 몇 초 뒤에 다시 보세요.',
  'pending.public-ip-quota': () =>
    '이 지역에서 구독의 공용 IP 주소 할당량이 바닥났습니다(PublicIPCountLimitReached). 쓰지 않는 주소를 지우거나 할당량을 늘려 달라고 요청하세요.',
  'pending.authorization-failed': () =>
    '클러스터 ID가 그 공용 IP 주소를 읽거나 쓸 권한이 없습니다(AuthorizationFailed). 주소가 있는 리소스 그룹에 네트워크 기여자(Network Contributor) 역할을 주세요.',
  'pending.pip-name-not-found': () => 'azure-pip-name에 적은 공용 IP 주소가 클라우드 공급자가 찾는 리소스 그룹에 없습니다.',
  'pending.ip-not-found': () => '요청한 주소(loadBalancerIP / azure-load-balancer-ipv4)를 가진 공용 IP 주소가 클라우드 공급자가 찾는 리소스 그룹에 없습니다.',
  'pending.port-conflict': () => '같은 공유 IP에서 다른 서비스가 이미 그 포트를 쓰고 있습니다(checkLoadBalancerResourcesConflicts).',
  'pending.subnet-not-found': () => 'azure-load-balancer-internal-subnet에 적은 서브넷이 클러스터의 가상 네트워크에 없습니다.',
  'pending.private-ip-outside-subnet': () => '요청한 개인 IP 주소가 서브넷 범위 밖에 있습니다(PrivateIPAddressNotInSubnet).',
  'pending.throttled': () => 'Azure가 쓰기 요청을 제한하고 있습니다(429 TooManyRequests). 클라우드 공급자가 알아서 다시 시도합니다.',
  'pending.dns-label': () => 'DNS 레이블 어노테이션이 거부되었습니다(그 IP의 다른 서비스가 이미 쓰고 있거나 올바른 레이블이 아님).',
  'pending.source-ranges-conflict': () => 'spec.loadBalancerSourceRanges와 azure-allowed-ip-ranges를 둘 다 지정했습니다. 하나만 쓰세요.',
  'pending.invalid-probe': () => '상태 프로브 어노테이션 값을 Azure가 거부합니다(간격 × 횟수는 120보다 작아야 함).',
  'pending.invalid-idle-timeout': () => 'azure-load-balancer-tcp-idle-timeout이 4–100분 범위를 벗어났습니다.',
  'pending.azure-limit': () => 'Azure 한도(부하 분산 장치당 프런트 엔드 IP 구성, 노드 NIC당 규칙, NSG 규칙 수)에 걸렸습니다.',
  'pending.invalid-name': () => '서비스가 Azure에 요청한 이름이 올바른 리소스 이름이 아닙니다.',
  'pending.no-nodes': () => '부하 분산 장치 뒤에 둘 노드가 없습니다.',
  'pending.other': (p) => `${p.reason}: ${p.message}`,
  'f.ip-count': (p) =>
    `공용 LoadBalancer 서비스 ${n(p.services)}개, 공용 IP 주소 ${n(p.ips)}개: 서비스용 ${n(p.service)}개, 아웃바운드용 ${n(p.outbound)}개${p.user ? `, 직접 만든 주소 ${n(p.user)}개` : ''}${p.orphan ? `, 남겨진 주소 ${n(p.orphan)}개` : ''}${p.unknown ? `, 알 수 없음 ${n(p.unknown)}개` : ''}.`,
  'f.outbound-ip': (p) =>
    `관리형 아웃바운드 IP는 ${p.name}(${p.ip})입니다. AKS가 송신 트래픽용으로 만들었고, 파드와 노드가 밖으로 나갈 때 ${p.lb}의 ${p.rule} 규칙이 이 주소를 씁니다. 이 주소의 주인인 서비스는 없으며, 마지막 서비스를 지워도 남습니다.`,
  'f.outbound-ip-yours': (p) => `직접 지정한 아웃바운드 IP는 ${p.name}(${p.ip})입니다. ${p.lb}의 ${p.rule} 규칙이 송신 트래픽에 씁니다.`,
  'f.orphan-ip': (p) =>
    `${p.name}(${p.ip})에는 아직 ${p.services} 태그가 붙어 있지만 그 서비스는 없고, 이 주소를 쓰는 것도 없습니다. 비용은 계속 나갑니다. 확실하면 az network public-ip delete -g ${p.rg} -n ${p.name}으로 지우세요.`,
  'f.orphan-ip-attached': (p) =>
    `${p.name}(${p.ip})에는 ${p.services} 태그가 있지만 그 서비스는 없고, 아직 프런트 엔드 IP 구성 ${p.frontend}에 연결되어 있습니다. 클라우드 공급자가 정리해야 하는 상태이니, 남아 있으면 이 주소를 함께 쓰던 서비스의 이벤트를 보세요.`,
  'f.user-ip': (p) => `${p.name}(${p.ip}): 직접 만든 공용 IP 주소로, ${p.services} 서비스가 씁니다. 서비스를 지워도 주소는 남습니다.`,
  'f.user-ip-unused': (p) =>
    `${p.name}(${p.ip})에는 Kubernetes 태그가 없고 아무것에도 연결되어 있지 않습니다. 누군가 만들어 두고 쓰지 않는 주소로, 그대로 두면 비용이 나갑니다.`,
  'f.legacy-tags': () =>
    '예전 클러스터 버전이 붙이던 태그(service, type)가 있는 공용 IP 주소가 있습니다. k8s-azure-service, aks-managed-type과 같은 뜻으로 읽으세요.',
  'f.pending': (p) => `${p.service} 서비스가 <pending> 상태입니다. ${p.reason}`,
  'f.shared-ip': (p) =>
    `서비스 ${n(p.count)}개가 ${p.ip} 주소를 함께 씁니다${p.frontend ? `(프런트 엔드 IP 구성 ${p.frontend})` : ''}: ${p.services}. 한 프런트 엔드 IP 구성에 서비스마다 자기 규칙이 있습니다.`,
  'f.internal': (p) => `${p.service} 서비스는 내부용입니다. ${p.ip} 주소는 ${p.lb}의 개인 IP 주소이고, 공용 IP 주소는 없습니다.`,
  'f.other-cloud': (p) => `${p.service}의 주소가 ${p.host}입니다. AKS 클러스터가 아닌 것 같습니다.`,
  'f.other-outbound': (p) =>
    `아웃바운드 유형이 ${p.type}입니다. 송신 트래픽이 부하 분산 장치 kubernetes를 거치지 않으므로, 거기에 관리형 아웃바운드 IP가 없습니다.`,
  'f.snat-auto': (p) =>
    `SNAT 포트: 노드 ${n(p.nodes)}개 × 포트 ${n(p.perNode)}개(자동 할당) = 아웃바운드 IP ${n(p.ips)}개의 ${n(p.capacity)}개 중 ${n(p.used)}개.${Number(p.nodes) > 50 ? ' 노드가 50개를 넘으면 노드당 자동 할당량이 줄어듭니다. 노드당 포트 수를 정하고, 그만큼 아웃바운드 IP를 늘리세요.' : ''}`,
  'f.snat-fixed': (p) =>
    `SNAT 포트: 노드 ${n(p.nodes)}개 × 포트 ${n(p.perNode)}개 = 아웃바운드 IP ${n(p.ips)}개의 ${n(p.capacity)}개 중 ${n(p.used)}개. 노드를 ${n(p.moreNodes)}개 더 늘릴 여유가 있습니다${Number(p.moreNodes) < 1 ? '. 스케일 아웃이나 업그레이드 때 추가되는 노드는 거부됩니다' : ''}.`,
  'f.nsg-open-db': (p) =>
    `NSG의 ${p.rule} 규칙이 ${p.source}에서 ${p.destination}의 ${p.port}번 포트(${p.db})로 들어오는 트래픽을 허용합니다${p.services ? `(${p.services})` : ''}. 데이터베이스를 인터넷 전체에 열어 두면 안 됩니다. loadBalancerSourceRanges로 범위를 좁히거나 내부 서비스로 바꾸세요.`,
  'f.db-open-inferred': (p) =>
    `${p.service} 서비스가 ${p.ip}의 ${p.port}번 포트로 ${p.db} 데이터베이스를 노출하고 있고 원본 범위가 없어서, 클라우드 공급자가 만든 NSG 규칙이 인터넷 전체를 허용합니다. NSG 목록을 붙여 넣어 확인하세요.`,
  'lab.nodes-clamped': (p) => `클러스터의 노드는 ${n(p.nodes)}개지만 실습에서는 ${n(p.lab)}개로 실행합니다.`,
  'lab.version': (p) => `실습에는 Kubernetes ${p.version} 버전이 없어 ${p.lab} 버전을 씁니다.`,
  'lab.too-many': (p) => `서비스 ${n(p.count)}개 중 처음 ${n(p.lab)}개만 실습에 넣습니다.`,
  'lab.ips': (p) => `서비스 ${n(p.count)}개가 고정 공용 IP 주소를 요청합니다. 실습에서는 그 주소를 만들 수 없어 새 주소를 받습니다.`,
  'lab.subnet': (p) => `${p.service}: 실습에는 ${p.subnet} 서브넷이 없어 이 어노테이션은 뺐습니다.`,
  'lab.pip-rg': (p) => `${p.service}: 공용 IP 주소가 있는 다른 리소스 그룹이 실습에는 없어 이 어노테이션은 뺐습니다.`,
};

const tables: Record<Locale, Record<string, Msg>> = { en, ko };

export function render(code: string, params: Params, locale: Locale = 'en'): string {
  const msg = tables[locale][code] ?? en[code];
  return msg ? msg(params) : code;
}

/** Codes with no message in a language (a test keeps both tables complete). */
export function missingMessages(): { locale: Locale; code: string }[] {
  const codes = new Set([...Object.keys(en), ...Object.keys(ko)]);
  const out: { locale: Locale; code: string }[] = [];
  for (const code of codes) for (const locale of ['en', 'ko'] as const) if (!tables[locale][code]) out.push({ locale, code });
  return out;
}
