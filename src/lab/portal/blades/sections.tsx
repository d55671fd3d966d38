import type { ComponentChildren } from 'preact';
import type { ArmResource } from '../../../sim/azure/types';
import type { LabStrings } from '../../i18n';
import type { LabSandbox } from '../../types';
import { lastSegment, props, refId, str, subList } from '../arm-view';
import { Table } from '../Table';

export interface Section {
  key: string;
  label: string;
  render: () => ComponentChildren;
}

interface Ctx {
  r: ArmResource;
  t: LabStrings;
  sandbox: LabSandbox;
  go(path: string[]): void;
}

export function Facts({ rows }: { rows: [string, ComponentChildren][] }) {
  return (
    <dl class="portal-facts">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function ResourceLink({ id, go, label }: { id: string | undefined; go: Ctx['go']; label?: string }) {
  if (!id) return <>—</>;
  const parts = id.split('/');
  const providers = parts.findIndex((p) => p.toLowerCase() === 'providers');
  const parent = providers < 0 ? id : parts.slice(0, providers + 4).join('/');
  return (
    <button type="button" class="link-button" onClick={() => go(['resource', parent])}>
      {label ?? (parent === id ? lastSegment(id) : `${lastSegment(parent)} / ${lastSegment(id)}`)}
    </button>
  );
}

export function publicIpSections({ r, t, go }: Ctx): Section[] {
  const p = props(r);
  const ipConfig = refId(p.ipConfiguration);
  const dns = p.dnsSettings as { fqdn?: string } | undefined;
  return [
    {
      key: 'overview',
      label: t.overview,
      render: () => (
        <Facts
          rows={[
            [t.ipAddress, <code>{str(p.ipAddress)}</code>],
            [t.sku, str(r.sku?.name)],
            [t.tier, str(r.sku?.tier)],
            [t.assignment, str(p.publicIPAllocationMethod)],
            [t.associatedTo, <ResourceLink id={ipConfig} go={go} />],
            [t.dnsName, str(dns?.fqdn)],
            [t.idleTimeout, str(p.idleTimeoutInMinutes)],
            [t.location, str(r.location)],
            ['Zones', str(r.zones)],
            [t.provisioningState, str(p.provisioningState)],
          ]}
        />
      ),
    },
  ];
}

export function loadBalancerSections({ r, t, sandbox, go }: Ctx): Section[] {
  const frontends = subList(r, 'frontendIPConfigurations');
  const pools = subList(r, 'backendAddressPools');
  const probes = subList(r, 'probes');
  const rules = subList(r, 'loadBalancingRules');
  const outbound = subList(r, 'outboundRules');
  const pipAddress = (id: string | undefined) => (id ? str(props(sandbox.arm.get(id)).ipAddress) : '—');
  const names = (refs: unknown) => (Array.isArray(refs) ? refs.map((x) => lastSegment(refId(x))).join(', ') || '—' : '—');
  return [
    {
      key: 'overview',
      label: t.overview,
      render: () => (
        <Facts
          rows={[
            [t.sku, str(r.sku?.name)],
            [t.tier, str(r.sku?.tier)],
            [t.location, str(r.location)],
            [t.frontendIpConfiguration, String(frontends.length)],
            [t.loadBalancingRules, String(rules.length)],
            [t.provisioningState, str(props(r).provisioningState)],
          ]}
        />
      ),
    },
    {
      key: 'frontends',
      label: t.frontendIpConfiguration,
      render: () => (
        <Table
          caption={t.frontendIpConfiguration}
          rows={frontends}
          empty={t.noEntries}
          columns={[
            { header: t.name, cell: (f) => <code>{f.name}</code> },
            {
              header: t.ipAddress,
              cell: (f) => <code>{f.properties?.privateIPAddress ? str(f.properties.privateIPAddress) : pipAddress(refId(f.properties?.publicIPAddress))}</code>,
            },
            { header: t.publicIpAddress, cell: (f) => <ResourceLink id={refId(f.properties?.publicIPAddress)} go={go} /> },
            { header: t.usedBy, cell: (f) => names([...((f.properties?.loadBalancingRules as unknown[]) ?? []), ...((f.properties?.outboundRules as unknown[]) ?? [])]) },
          ]}
        />
      ),
    },
    {
      key: 'pools',
      label: t.backendPools,
      render: () => (
        <Table
          caption={t.backendPools}
          rows={pools}
          empty={t.noEntries}
          columns={[
            { header: t.name, cell: (b) => <code>{b.name}</code> },
            { header: t.members, cell: (b) => String(((b.properties?.backendIPConfigurations as unknown[]) ?? (b.properties?.loadBalancerBackendAddresses as unknown[]) ?? []).length) },
            { header: t.usedBy, cell: (b) => names([...((b.properties?.loadBalancingRules as unknown[]) ?? []), ...((b.properties?.outboundRules as unknown[]) ?? [])]) },
          ]}
        />
      ),
    },
    {
      key: 'probes',
      label: t.healthProbes,
      render: () => (
        <Table
          caption={t.healthProbes}
          rows={probes}
          empty={t.noEntries}
          columns={[
            { header: t.name, cell: (p) => <code>{p.name}</code> },
            { header: t.protocol, cell: (p) => str(p.properties?.protocol) },
            { header: t.port, cell: (p) => str(p.properties?.port) },
            { header: 'Path', cell: (p) => str(p.properties?.requestPath) },
            { header: t.interval, cell: (p) => str(p.properties?.intervalInSeconds) },
          ]}
        />
      ),
    },
    {
      key: 'rules',
      label: t.loadBalancingRules,
      render: () => (
        <Table
          caption={t.loadBalancingRules}
          rows={rules}
          empty={t.noEntries}
          columns={[
            { header: t.name, cell: (x) => <code>{x.name}</code> },
            { header: t.frontendIpConfiguration, cell: (x) => <code>{lastSegment(refId(x.properties?.frontendIPConfiguration))}</code> },
            { header: t.protocol, cell: (x) => str(x.properties?.protocol) },
            { header: t.frontendPort, cell: (x) => str(x.properties?.frontendPort) },
            { header: t.backendPort, cell: (x) => str(x.properties?.backendPort) },
            { header: t.healthProbes, cell: (x) => <code>{lastSegment(refId(x.properties?.probe)) || '—'}</code> },
          ]}
        />
      ),
    },
    {
      key: 'outbound',
      label: t.outboundRules,
      render: () => (
        <Table
          caption={t.outboundRules}
          rows={outbound}
          empty={t.noEntries}
          columns={[
            { header: t.name, cell: (x) => <code>{x.name}</code> },
            { header: t.frontendIpConfiguration, cell: (x) => names(x.properties?.frontendIPConfigurations) },
            { header: t.backendPools, cell: (x) => <code>{lastSegment(refId(x.properties?.backendAddressPool))}</code> },
            { header: t.protocol, cell: (x) => str(x.properties?.protocol) },
            { header: t.idleTimeout, cell: (x) => str(x.properties?.idleTimeoutInMinutes) },
          ]}
        />
      ),
    },
  ];
}

export function nsgSections({ r, t }: Ctx): Section[] {
  const rules = [...subList(r, 'securityRules'), ...subList(r, 'defaultSecurityRules')]
    .filter((x) => (x.properties?.direction ?? 'Inbound') === 'Inbound')
    .sort((a, b) => Number(a.properties?.priority ?? 0) - Number(b.properties?.priority ?? 0));
  const join = (one: unknown, many: unknown) => (Array.isArray(many) && many.length ? many.join(', ') : str(one));
  return [
    {
      key: 'inbound',
      label: t.inboundSecurityRules,
      render: () => (
        <Table
          caption={t.inboundSecurityRules}
          rows={rules}
          empty={t.noEntries}
          columns={[
            { header: t.priority, cell: (x) => str(x.properties?.priority) },
            { header: t.name, cell: (x) => <code>{x.name}</code> },
            { header: t.port, cell: (x) => join(x.properties?.destinationPortRange, x.properties?.destinationPortRanges) },
            { header: t.protocol, cell: (x) => str(x.properties?.protocol) },
            { header: t.source, cell: (x) => join(x.properties?.sourceAddressPrefix, x.properties?.sourceAddressPrefixes) },
            { header: t.destination, cell: (x) => join(x.properties?.destinationAddressPrefix, x.properties?.destinationAddressPrefixes) },
            { header: t.action, cell: (x) => str(x.properties?.access) },
          ]}
        />
      ),
    },
  ];
}

export function vmssSections({ r, t, sandbox }: Ctx): Section[] {
  const nodes = sandbox.kube.list('Node').filter((n) => n.metadata.name.startsWith(r.name));
  return [
    {
      key: 'instances',
      label: t.instances,
      render: () => (
        <Table
          caption={t.instances}
          rows={nodes}
          empty={t.noEntries}
          columns={[
            { header: t.name, cell: (n) => <code>{n.metadata.name}</code> },
            {
              header: t.privateIpAddress,
              cell: (n) => str(((n as { status?: { addresses?: { type: string; address: string }[] } }).status?.addresses ?? []).find((a) => a.type === 'InternalIP')?.address),
            },
            { header: t.provisioningState, cell: () => 'Succeeded' },
          ]}
        />
      ),
    },
  ];
}

export function vnetSections({ r, t }: Ctx): Section[] {
  const subnets = subList(r, 'subnets');
  return [
    {
      key: 'subnets',
      label: t.subnets,
      render: () => (
        <Table
          caption={t.subnets}
          rows={subnets}
          empty={t.noEntries}
          columns={[
            { header: t.name, cell: (s) => <code>{s.name}</code> },
            { header: 'Address range', cell: (s) => str(s.properties?.addressPrefix) },
          ]}
        />
      ),
    },
  ];
}

export function routeTableSections({ r, t }: Ctx): Section[] {
  const routes = subList(r, 'routes');
  return [
    {
      key: 'routes',
      label: t.routes,
      render: () => (
        <Table
          caption={t.routes}
          rows={routes}
          empty={t.noEntries}
          columns={[
            { header: t.name, cell: (x) => <code>{x.name}</code> },
            { header: 'Address prefix', cell: (x) => str(x.properties?.addressPrefix) },
            { header: 'Next hop', cell: (x) => `${str(x.properties?.nextHopType)} ${x.properties?.nextHopIpAddress ? str(x.properties.nextHopIpAddress) : ''}` },
          ]}
        />
      ),
    },
  ];
}

/** Scalar properties, for resource types without a dedicated overview. */
export function genericOverview({ r, t }: Ctx): Section {
  const p = props(r);
  const rows: [string, ComponentChildren][] = [[t.location, str(r.location)]];
  for (const [k, v] of Object.entries(p)) if (v === null || typeof v !== 'object') rows.push([k, str(v)]);
  return { key: 'overview', label: t.overview, render: () => <Facts rows={rows} /> };
}
