/** EnsureLoadBalancer / EnsureLoadBalancerDeleted of the Azure provider, one step per Azure part. */
import type { Flow } from '../flow';
import type { LoadBalancerIngress, Service } from '../kube/types';
import { A, isInternal, splitList, value } from './annotations';
import type { ProviderContext } from './context';
import { loadBalancerName } from './names';
import { ensurePublicIp, findServicePip, releasePublicIps } from './reconcile-pip';
import { ensureHostsInPool, ensureServiceOnLb, removeServiceFromLb, serviceHasLbResources } from './reconcile-lb';
import { reconcileNsg } from './reconcile-nsg';

export type Warn = (reason: string, message: string) => void;

export class AzureLoadBalancerProvider {
  /** PIP each service used last time, so PIP clean-up only scans when it may have changed. */
  private lastPip = new Map<string, string | undefined>();

  constructor(readonly p: ProviderContext) {}

  *ensure(svc: Service, warn: Warn): Flow<LoadBalancerIngress[]> {
    const internal = isInternal(svc);
    const uid = svc.metadata.uid;
    const previous = this.lastPip.get(uid);
    const pip = internal ? undefined : yield* ensurePublicIp(this.p, svc);
    const frontend = yield* ensureServiceOnLb(this.p, svc, { pip }, warn);
    const ip = internal ? String(frontend.properties.privateIPAddress) : String(this.p.arm.peek(pip!.id)?.properties.ipAddress ?? '');
    const ips = [ip, ...splitList(value(svc, A.additionalPublicIps))];
    const oldIps = (svc.status?.loadBalancer?.ingress ?? []).map((x) => x.ip!).filter((x) => x && !ips.includes(x));
    yield* reconcileNsg(this.p, svc, ips, false, oldIps);
    // A service that flipped internal↔public leaves the other LB.
    yield* removeServiceFromLb(this.p, svc, loadBalancerName(!internal), warn);
    if (previous !== (pip?.id ?? '') && (this.lastPip.has(uid) || internal || value(svc, A.pipName) || value(svc, A.ipv4) || svc.spec.loadBalancerIP)) {
      yield* releasePublicIps(this.p, svc, pip?.id);
    }
    this.lastPip.set(uid, pip?.id ?? '');
    return ips.map((x) => ({ ip: x, ipMode: 'VIP' as const }));
  }

  *ensureDeleted(svc: Service, warn: Warn): Flow<void> {
    const pip = findServicePip(this.p, svc);
    const ips = [...(svc.status?.loadBalancer?.ingress ?? []).map((x) => x.ip!).filter(Boolean)];
    if (pip?.properties.ipAddress && !ips.includes(String(pip.properties.ipAddress))) ips.push(String(pip.properties.ipAddress));
    yield* reconcileNsg(this.p, svc, ips, true);
    yield* removeServiceFromLb(this.p, svc, loadBalancerName(isInternal(svc)), warn);
    yield* removeServiceFromLb(this.p, svc, loadBalancerName(!isInternal(svc)), warn);
    yield* releasePublicIps(this.p, svc);
    this.lastPip.delete(svc.metadata.uid);
  }

  /** UpdateLoadBalancer: the node set changed, bring the backend pool up to date. */
  *updateHosts(svc: Service): Flow<void> {
    yield* ensureHostsInPool(this.p, svc);
  }

  /** Whether the provider reports an existing LB for the service (GetLoadBalancer). */
  exists(svc: Service): boolean {
    return serviceHasLbResources(this.p, svc) || !!findServicePip(this.p, svc);
  }
}
