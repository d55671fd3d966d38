/**
 * Goals exercises are written with. Each reads the live simulated state and, when unmet, says what
 * is missing in both languages, using the numbers and names it found.
 */
import type { LabSandbox } from '../../lab/types';
import type { ArmResource } from '../../sim/azure/types';
import type { CheckResult, ExerciseState, Goal } from './types';

const ok: CheckResult = { ok: true };
const gap = (en: string, ko: string): CheckResult => ({ ok: false, gap: { en, ko } });

export function nodeResourceGroup(sandbox: LabSandbox): string {
  const o = sandbox.options;
  return `MC_${o.resourceGroup}_${o.clusterName}_${o.location}`;
}

export function publicIps(sandbox: LabSandbox): ArmResource[] {
  return sandbox.arm.list({ resourceGroup: nodeResourceGroup(sandbox), type: 'Microsoft.Network/publicIPAddresses' });
}

export function externalIpOf(sandbox: LabSandbox, namespace: string, name: string): string | undefined {
  const svc = sandbox.kube.tryGet('Service', name, namespace) as { status?: { loadBalancer?: { ingress?: { ip?: string }[] } } } | undefined;
  return svc?.status?.loadBalancer?.ingress?.[0]?.ip;
}

/** The addresses pods leave through: the Public IPs of the outbound rule's frontends. */
export function egressIps(sandbox: LabSandbox): string[] {
  const lb = sandbox.arm.get(
    `/subscriptions/${sandbox.options.subscriptionId}/resourceGroups/${nodeResourceGroup(sandbox)}/providers/Microsoft.Network/loadBalancers/kubernetes`,
  );
  const props = (lb?.properties ?? {}) as {
    outboundRules?: { properties?: { frontendIPConfigurations?: { id: string }[] } }[];
    frontendIPConfigurations?: { id?: string; properties?: { publicIPAddress?: { id: string } } }[];
  };
  const outboundFrontends = new Set((props.outboundRules ?? []).flatMap((r) => (r.properties?.frontendIPConfigurations ?? []).map((f) => f.id.toLowerCase())));
  return (props.frontendIPConfigurations ?? [])
    .filter((f) => f.id && outboundFrontends.has(f.id.toLowerCase()))
    .map((f) => String((sandbox.arm.get(f.properties?.publicIPAddress?.id ?? '')?.properties as { ipAddress?: string } | undefined)?.ipAddress ?? ''))
    .filter(Boolean);
}

/** The Service exists in the namespace. */
export function serviceExists(namespace: string, name: string): Goal {
  return ({ sandbox }) =>
    sandbox.kube.tryGet('Service', name, namespace)
      ? ok
      : gap(`There is no Service ${namespace}/${name} yet: apply it first.`, `아직 ${namespace}/${name} 서비스가 없습니다. 먼저 적용하세요.`);
}

/** The Service has an EXTERNAL-IP (the cloud provider finished). */
export function serviceHasExternalIp(namespace: string, name: string): Goal {
  return ({ sandbox }) => {
    const svc = sandbox.kube.tryGet('Service', name, namespace) as { spec?: { type?: string } } | undefined;
    if (!svc) return gap(`There is no Service ${namespace}/${name} yet.`, `아직 ${namespace}/${name} 서비스가 없습니다.`);
    if (svc.spec?.type !== 'LoadBalancer')
      return gap(
        `${namespace}/${name} is of type ${svc.spec?.type ?? 'ClusterIP'}, not LoadBalancer, so it gets no EXTERNAL-IP.`,
        `${namespace}/${name}의 유형이 LoadBalancer가 아니라 ${svc.spec?.type ?? 'ClusterIP'}이므로 EXTERNAL-IP를 받지 않습니다.`,
      );
    return externalIpOf(sandbox, namespace, name)
      ? ok
      : gap(
          `${namespace}/${name} still shows <pending>: give the cloud provider a few seconds (or check its events with kubectl describe).`,
          `${namespace}/${name}이(가) 아직 <pending>입니다. 클라우드 공급자에게 몇 초를 주거나 kubectl describe로 이벤트를 확인하세요.`,
        );
  };
}

/** A Public IP tagged for the Service is a frontend of the load balancer `kubernetes`. */
export function publicIpIsFrontendFor(namespace: string, name: string): Goal {
  return ({ sandbox }) => {
    const key = `${namespace}/${name}`;
    const pip = publicIps(sandbox).find((p) => (p.tags?.['k8s-azure-service'] ?? '').split(',').includes(key));
    if (!pip)
      return gap(
        `No Public IP in the node resource group is tagged k8s-azure-service: ${key}.`,
        `노드 리소스 그룹에 k8s-azure-service: ${key} 태그가 붙은 공용 IP 주소가 없습니다.`,
      );
    const frontend = (pip.properties as { ipConfiguration?: { id?: string } }).ipConfiguration?.id ?? '';
    return /\/loadBalancers\/kubernetes\/frontendIPConfigurations\//i.test(frontend)
      ? ok
      : gap(
          `${pip.name} exists but is not yet a frontend IP configuration of the load balancer kubernetes.`,
          `${pip.name}은(는) 있지만 아직 부하 분산 장치 kubernetes의 프런트 엔드 IP 구성이 아닙니다.`,
        );
  };
}

/** Exactly `count` Public IPs in the node resource group. */
export function publicIpCount(count: number): Goal {
  return ({ sandbox }) => {
    const n = publicIps(sandbox).length;
    if (n === count) return ok;
    return n < count
      ? gap(
          `${n} Public IPs found in the node resource group, ${count} expected: which one is missing?`,
          `노드 리소스 그룹에서 공용 IP 주소 ${n}개를 찾았습니다. ${count}개여야 합니다. 무엇이 빠졌을까요?`,
        )
      : gap(
          `${n} Public IPs found in the node resource group, ${count} expected: one too many is still there.`,
          `노드 리소스 그룹에 공용 IP 주소가 ${n}개 있습니다. ${count}개여야 합니다. 남아 있는 것이 있습니다.`,
        );
  };
}

/** The learner ran a command matching the pattern (e.g. looked at the Public IPs with az). */
export function ranCommand(pattern: RegExp, what: { en: string; ko: string }): Goal {
  return ({ history }: ExerciseState) =>
    history.some((line) => pattern.test(line)) ? ok : gap(`Run ${what.en} in the terminal.`, `터미널에서 ${what.ko}을(를) 실행하세요.`);
}

/** Checks a typed answer: one of the cluster's egress IPs. */
export function isEgressIp(state: ExerciseState, answer: string): CheckResult {
  const ips = egressIps(state.sandbox);
  if (ips.includes(answer)) return ok;
  const services = publicIps(state.sandbox).some((p) => (p.properties as { ipAddress?: string }).ipAddress === answer && p.tags?.['k8s-azure-service']);
  return services
    ? gap(
        `${answer} belongs to a Service: traffic comes in through it, but pods do not leave through it.`,
        `${answer}은(는) 서비스의 IP입니다. 트래픽이 들어오는 주소일 뿐, 파드가 나가는 주소는 아닙니다.`,
      )
    : gap(`${answer} is not one of this cluster's Public IPs.`, `${answer}은(는) 이 클러스터의 공용 IP 주소가 아닙니다.`);
}
