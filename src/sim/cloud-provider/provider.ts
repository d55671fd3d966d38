/** EnsureLoadBalancer / EnsureLoadBalancerDeleted of the Azure provider, one step per Azure part. */
import type { Flow } from '../flow';
import type { LoadBalancerIngress, Service } from '../kube/types';
import { accessControl, accessControlWarnings } from './access-control';
import { A, flag, isInternal, splitList, value } from './annotations';
import type { ProviderContext } from './context';
import { loadBalancerName } from './names';
import { ensureHostsInPool, ensureServiceOnLb, nodeIps, removeServiceFromLb, serviceHasLbResources } from './reconcile-lb';
import { desiredRules, type Retained, reconcileNsg } from './reconcile-nsg';
import { ensurePublicIp, findServicePip, releasePublicIps } from './reconcile-pip';

export type Warn = (reason: string, message: string) => void;

export class AzureLoadBalancerProvider {
  /** PIP each service used last time, so PIP clean-up only scans when it may have changed. */
  private lastPip = new Map<string, string | undefined>();

  /** Frontend IP → Services (by UID, as last ensured) using it: who else needs a shared IP's NSG rules. */
  private ipUsers = new Map<string, Map<string, Service>>();
  private ipsOf = new Map<string, string[]>();

  constructor(readonly p: ProviderContext) {}

  private track(svc: Service, ips: string[]): void {
    const uid = svc.metadata.uid;
    for (const old of this.ipsOf.get(uid) ?? []) if (!ips.includes(old)) this.ipUsers.get(old)?.delete(uid);
    for (const ip of ips) {
      let users = this.ipUsers.get(ip);
      if (!users) this.ipUsers.set(ip, (users = new Map()));
      users.set(uid, svc);
    }
    if (ips.length) this.ipsOf.set(uid, ips);
    else this.ipsOf.delete(uid);
  }

  /** For each of `ips`, the NSG rules other Services sharing it want (they keep the IP there). */
  private retained(svc: Service, ips: string[]): Retained {
    const out: Retained = new Map();
    for (const ip of ips) {
      for (const [uid, other] of this.ipUsers.get(ip) ?? []) {
        if (uid === svc.metadata.uid || flag(other, A.disableNsg)) continue;
        const names = out.get(ip) ?? new Set<string>();
        for (const name of desiredRules(this.p, other).keys()) names.add(name);
        out.set(ip, names);
      }
    }
    return out;
  }

  *ensure(svc: Service, warn: Warn): Flow<LoadBalancerIngress[]> {
    const internal = isInternal(svc);
    const uid = svc.metadata.uid;
    const previous = this.lastPip.get(uid);
    const pip = internal ? undefined : yield* ensurePublicIp(this.p, svc);
    const frontend = yield* ensureServiceOnLb(this.p, svc, { pip }, warn);
    const ip = internal ? String(frontend.properties.privateIPAddress) : String(this.p.arm.peek(pip!.id)?.properties.ipAddress ?? '');
    const additional = splitList(value(svc, A.additionalPublicIps));
    const ips = [ip, ...additional];
    // Without floating IP the rules open the node IPs (the backend pool), nodePorts as ports.
    const nsgIps = flag(svc, A.disableFloatingIp) ? [...additional, ...nodeIps(this.p)] : ips;
    const oldIps = [...(svc.status?.loadBalancer?.ingress ?? []).map((x) => x.ip!), ...(this.ipsOf.get(uid) ?? [])].filter(
      (x, i, all) => x && !nsgIps.includes(x) && all.indexOf(x) === i,
    );
    yield* reconcileNsg(this.p, svc, nsgIps, false, oldIps, this.retained(svc, [...nsgIps, ...oldIps]));
    // A service that flipped internal↔public leaves the other LB.
    yield* removeServiceFromLb(this.p, svc, loadBalancerName(!internal), warn);
    if (previous !== (pip?.id ?? '') && (this.lastPip.has(uid) || internal || value(svc, A.pipName) || value(svc, A.ipv4) || svc.spec.loadBalancerIP)) {
      yield* releasePublicIps(this.p, svc, pip?.id);
    }
    this.lastPip.set(uid, pip?.id ?? '');
    this.track(svc, nsgIps);
    return ips.map((x) => ({ ip: x, ipMode: 'VIP' as const }));
  }

  *ensureDeleted(svc: Service, warn: Warn): Flow<void> {
    // Upstream validates the access control settings again while deleting (an error stops the
    // deletion) and only then emits their warnings (NewAccessControl with the event emitter).
    if (!flag(svc, A.disableNsg) && this.p.kubeMinor >= 29) {
      for (const [reason, message] of accessControlWarnings(svc, accessControl(svc))) warn(reason, message);
    }
    const pip = findServicePip(this.p, svc);
    const ips = [...(svc.status?.loadBalancer?.ingress ?? []).map((x) => x.ip!).filter(Boolean), ...(this.ipsOf.get(svc.metadata.uid) ?? [])];
    if (pip?.properties.ipAddress && !ips.includes(String(pip.properties.ipAddress))) ips.push(String(pip.properties.ipAddress));
    yield* reconcileNsg(this.p, svc, [...new Set(ips)], true, [], this.retained(svc, ips));
    yield* removeServiceFromLb(this.p, svc, loadBalancerName(isInternal(svc)), warn);
    yield* removeServiceFromLb(this.p, svc, loadBalancerName(!isInternal(svc)), warn);
    yield* releasePublicIps(this.p, svc);
    this.lastPip.delete(svc.metadata.uid);
    this.track(svc, []);
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
