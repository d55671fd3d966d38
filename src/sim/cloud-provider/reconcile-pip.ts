/**
 * Public IPs of a Service (domain §2): find the user's PIP (azure-pip-name, requested IP) or
 * create/bind the managed `kubernetes-<base>`; tags record ownership; release deletes a managed
 * PIP only when no service is left in its tag. User-created PIPs are never deleted.
 */
import { standardPublicIp } from '../azure/aks-resources';
import { authorizationFailed } from '../azure/authz';
import { ArmError } from '../azure/errors';
import type { ArmResource } from '../azure/types';
import type { Flow } from '../flow';
import type { Service } from '../kube/types';
import { publicIpCandidateProblem } from './access-control';
import { A, mergeTags, parseTags, requestedIp, value } from './annotations';
import { CloudError, opCtx, type ProviderContext, pipId, wrapArmError } from './context';
import { CLUSTER_NAME, publicIpName, serviceKey } from './names';

const PIP_TYPE = 'Microsoft.Network/publicIPAddresses';
export const TAG_SERVICE = 'k8s-azure-service';
export const TAG_CLUSTER = 'k8s-azure-cluster-name';
export const TAG_DNS = 'k8s-azure-dns-label-service';

export function pipResourceGroup(p: ProviderContext, svc: Service): string {
  return value(svc, A.resourceGroup) || p.rg;
}

export function taggedServices(pip: ArmResource): string[] {
  const t = pip.tags?.[TAG_SERVICE] ?? pip.tags?.service;
  return t
    ? t
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
}

/** A PIP with no service tag was created by a user. */
export function isManagedPip(pip: ArmResource): boolean {
  return taggedServices(pip).length > 0 || !!pip.tags?.[TAG_CLUSTER];
}

/** Finds the PIP a service should use without creating anything (undefined: managed, not yet created). */
export function findServicePip(p: ProviderContext, svc: Service): ArmResource | undefined {
  const rg = pipResourceGroup(p, svc);
  const name = value(svc, A.pipName);
  if (name) return p.arm.peek(pipId(p, name, rg));
  const ip = requestedIp(svc);
  if (ip) return p.arm.select({ type: PIP_TYPE, resourceGroup: rg }).find((r) => r.properties.ipAddress === ip);
  return p.arm.peek(pipId(p, publicIpName(svc.metadata.uid, value(svc, A.pipPrefixId)), rg));
}

/**
 * The CCM lists public IPs of the PIP resource group before anything else: outside the node RG
 * that needs a role assignment, else ARM answers 403 AuthorizationFailed (not retried as transient).
 */
export function authorizePipGroup(p: ProviderContext, rg: string): void {
  if (rg.toLowerCase() === p.rg) return;
  const layout = p.aks.layout;
  const scope = `/subscriptions/${layout.subscriptionId}/resourceGroups/${rg}/providers/Microsoft.Network`;
  if (p.client.authz.allows(layout.clusterPrincipalId, scope)) return;
  throw wrapPipError(authorizationFailed(layout.clusterClientId, layout.clusterPrincipalId, 'Microsoft.Network/publicIPAddresses/read', scope));
}

/** Ensures the service's PIP exists and carries the right tags/DNS settings; returns it. */
export function* ensurePublicIp(p: ProviderContext, svc: Service): Flow<ArmResource> {
  const key = serviceKey(svc.metadata.namespace!, svc.metadata.name);
  const rg = pipResourceGroup(p, svc);
  const pipName = value(svc, A.pipName);
  const ip = requestedIp(svc);
  // determinePublicIPName: a requested address is checked before the PIPs are even listed.
  if (!pipName && ip) {
    const problem = publicIpCandidateProblem(ip);
    if (problem === 'invalid') throw new CloudError(`external Service ${JSON.stringify(key)} has invalid LoadBalancer IP ${JSON.stringify(ip)}`);
    if (problem === 'non-public') {
      throw new CloudError(
        `external Service ${JSON.stringify(key)} cannot use non-public LoadBalancer IP ${JSON.stringify(ip)}; use an internal LoadBalancer annotation or a valid Azure Public IP address`,
      );
    }
  }
  authorizePipGroup(p, rg);
  const pip = findServicePip(p, svc);
  if (!pip && pipName) throw new CloudError(`PublicIP from annotation azure-pip-name(-IPv6)=${pipName} for service ${key} doesn't exist`);
  if (!pip && ip) {
    const shownRg = rg === p.rg ? p.aks.layout.nodeResourceGroup : rg;
    throw new CloudError(
      `findMatchedPIPByLoadBalancerIP: cannot find public IP with IP address ${ip} in resource group ${shownRg}: getExpectedPIPFromListByIPAddress: cannot find public IP with IP address ${ip}`,
    );
  }
  const ctx = opCtx(p, svc, 'ensure public IP');
  if (!pip) {
    const name = publicIpName(svc.metadata.uid, value(svc, A.pipPrefixId));
    const id = pipId(p, name, rg);
    let address: string | undefined;
    try {
      return yield* p.client.putFlow(
        id,
        PIP_TYPE,
        () => {
          address ??= p.aks.publicIps.allocate(p.aks.layout.location);
          return newManagedPip(p, svc, id, name, address);
        },
        ctx,
      );
    } catch (err) {
      if (address) p.aks.publicIps.release(address);
      throw wrapPipError(err);
    }
  }
  const desired = desiredPipUpdate(p, svc, pip);
  if (!desired) return pip;
  try {
    return yield* p.client.putFlow(
      pip.id,
      PIP_TYPE,
      () => desiredPipUpdate(p, svc, p.arm.peek(pip!.id) ?? pip!) ?? pip!,
      ctx,
      1000 * p.client.faults.provisioningDelayFactor,
    );
  } catch (err) {
    throw wrapPipError(err);
  }
}

const wrapPipError = wrapArmError;

/** azure-pip-tags, minus the ownership tags ensurePIPTagged always takes from the PIP itself. */
function annotationTags(svc: Service): Record<string, string> {
  const tags = parseTags(value(svc, A.pipTags));
  for (const k of [TAG_CLUSTER, TAG_SERVICE, TAG_DNS]) delete tags[k];
  return tags;
}

function newManagedPip(p: ProviderContext, svc: Service, id: string, name: string, address: string): ArmResource {
  const key = serviceKey(svc.metadata.namespace!, svc.metadata.name);
  const pip = standardPublicIp(id, name, p.aks.layout.location, mergeTags({ [TAG_CLUSTER]: CLUSTER_NAME, [TAG_SERVICE]: key }, annotationTags(svc)), address);
  applyDns(p, svc, pip, true);
  return pip;
}

/** The updated PIP (new object) if tags/DNS must change, else undefined. */
function desiredPipUpdate(p: ProviderContext, svc: Service, pip: ArmResource): ArmResource | undefined {
  const managed = isManagedPip(pip);
  const key = serviceKey(svc.metadata.namespace!, svc.metadata.name);
  const next: ArmResource = { ...pip, tags: { ...(pip.tags ?? {}) }, properties: { ...pip.properties } };
  if (managed) {
    const list = taggedServices(pip);
    if (!list.includes(key)) next.tags![TAG_SERVICE] = [...list, key].join(',');
    next.tags = mergeTags(next.tags!, annotationTags(svc));
  }
  applyDns(p, svc, next, managed);
  return JSON.stringify(next.tags) === JSON.stringify(pip.tags ?? {}) &&
    JSON.stringify(next.properties.dnsSettings) === JSON.stringify(pip.properties.dnsSettings)
    ? undefined
    : next;
}

function applyDns(p: ProviderContext, svc: Service, pip: ArmResource, managed: boolean): void {
  const label = svc.metadata.annotations?.[A.dnsLabel];
  if (label === undefined) return;
  const key = serviceKey(svc.metadata.namespace!, svc.metadata.name);
  const owner = pip.tags?.[TAG_DNS];
  if (owner && owner !== key && (pip.properties.dnsSettings as { domainNameLabel?: string } | undefined)?.domainNameLabel !== label) {
    throw new CloudError(
      `ensurePublicIPExists for service(${key}): pip(${pip.name}) - there is an existing service ${owner} consuming the DNS label on the public IP, so the service cannot set the DNS label annotation with this value`,
    );
  }
  if (label === '') {
    delete pip.properties.dnsSettings;
    if (pip.tags) delete pip.tags[TAG_DNS];
    return;
  }
  pip.properties.dnsSettings = { domainNameLabel: label, fqdn: `${label}.${p.aks.layout.location}.cloudapp.azure.com` };
  if (managed) pip.tags = { ...(pip.tags ?? {}), [TAG_DNS]: key };
}

/**
 * Removes the service from every PIP's tag; deletes managed PIPs left with no service (except
 * `keepId`). User PIPs only lose this service's DNS label tag.
 */
export function* releasePublicIps(p: ProviderContext, svc: Service, keepId?: string): Flow<void> {
  const key = serviceKey(svc.metadata.namespace!, svc.metadata.name);
  const groups = new Set([p.rg, pipResourceGroup(p, svc).toLowerCase()]);
  authorizePipGroup(p, pipResourceGroup(p, svc));
  const candidates: ArmResource[] = [];
  const managedName = publicIpName(svc.metadata.uid, value(svc, A.pipPrefixId)).toLowerCase();
  for (const rg of groups) {
    for (const pip of p.arm.select({ type: PIP_TYPE, resourceGroup: rg })) {
      if (keepId && pip.id.toLowerCase() === keepId.toLowerCase()) continue;
      if (taggedServices(pip).includes(key) || pip.tags?.[TAG_DNS] === key || pip.name.toLowerCase() === managedName) candidates.push(pip);
    }
  }
  const ctx = opCtx(p, svc, 'release public IP');
  for (const pip of candidates) {
    const rest = taggedServices(pip).filter((s) => s !== key);
    if (isManagedPip(pip) && rest.length === 0) {
      const address = pip.properties.ipAddress;
      try {
        yield* p.client.deleteFlow(pip.id, ctx);
        if (typeof address === 'string') p.aks.publicIps.release(address);
      } catch (err) {
        // PublicIPAddressCannotBeDeleted is skipped without failing (DeletePublicIP).
        if (!(err instanceof ArmError && err.code === 'PublicIPAddressCannotBeDeleted')) throw wrapPipError(err);
      }
      continue;
    }
    const tags = { ...(pip.tags ?? {}) };
    if (isManagedPip(pip)) tags[TAG_SERVICE] = rest.join(',');
    let props = pip.properties;
    if (tags[TAG_DNS] === key) {
      delete tags[TAG_DNS];
      props = { ...props };
      delete props.dnsSettings;
    }
    yield* p.client.putFlow(
      pip.id,
      PIP_TYPE,
      () => ({ ...(p.arm.peek(pip.id) ?? pip), tags, properties: props }),
      ctx,
      1000 * p.client.faults.provisioningDelayFactor,
    );
  }
}
