import type { ComponentChildren } from 'preact';
import type { ArmResource } from '../../../sim/azure/types';
import type { LabStrings } from '../../i18n';
import type { LabSandbox } from '../../types';
import { lastSegment, props, refId, str, subList } from '../arm-view';
import { MiddleText } from '../MiddleText';
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
  /** Lower-case ids of the parts the last command added or changed (highlighted rows). */
  fresh?: Set<string>;
}

/** Rows the last command added or changed: highlighted and scrolled into view. */
const isNewIn =
  (fresh: Set<string> | undefined) =>
  (x: { id?: string }): boolean =>
    !!x.id && !!fresh?.has(x.id.toLowerCase());

/** A name in a table cell: shortened in the middle, whole in the DOM and the tooltip. */
const Name = ({ value }: { value: string | undefined }) => (value ? <code>{<MiddleText value={value} />}</code> : <>—</>);

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
  const text = parent === id ? lastSegment(id) : `${lastSegment(parent)} / ${lastSegment(id)}`;
  return (
    <button type="button" class="link-button" aria-label={label ?? text} onClick={() => go(['resource', parent])}>
      <MiddleText value={label ?? text} />
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

export function loadBalancerSections({ r, t, sandbox, go, fresh }: Ctx): Section[] {
  const frontends = subList(r, 'frontendIPConfigurations');
  const pools = subList(r, 'backendAddressPools');
  const probes = subList(r, 'probes');
  const rules = subList(r, 'loadBalancingRules');
  const outbound = subList(r, 'outboundRules');
  const pipAddress = (id: string | undefined) => (id ? str(props(sandbox.arm.get(id)).ipAddress) : '—');
  const names = (refs: unknown) => {
    const list = Array.isArray(refs) ? refs.map((x) => lastSegment(refId(x))).filter(Boolean) : [];
    if (list.length === 0) return '—';
    return list.map((n, i) => (
      <span key={n}>
        {i > 0 && ', '}
        <MiddleText value={n} />
      </span>
    ));
  };
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
          isNew={isNewIn(fresh)}
          rows={frontends}
          empty={t.noEntries}
          columns={[
            { header: t.name, sticky: true, copy: (f) => f.name, cell: (f) => <Name value={f.name} /> },
            {
              header: t.ipAddress,
              cell: (f) => (
                <code>{f.properties?.privateIPAddress ? str(f.properties.privateIPAddress) : pipAddress(refId(f.properties?.publicIPAddress))}</code>
              ),
            },
            { header: t.publicIpAddress, cell: (f) => <ResourceLink id={refId(f.properties?.publicIPAddress)} go={go} /> },
            {
              header: t.usedBy,
              cell: (f) => names([...((f.properties?.loadBalancingRules as unknown[]) ?? []), ...((f.properties?.outboundRules as unknown[]) ?? [])]),
            },
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
          isNew={isNewIn(fresh)}
          rows={pools}
          empty={t.noEntries}
          columns={[
            { header: t.name, sticky: true, copy: (b) => b.name, cell: (b) => <Name value={b.name} /> },
            {
              header: t.members,
              cell: (b) =>
                String(((b.properties?.backendIPConfigurations as unknown[]) ?? (b.properties?.loadBalancerBackendAddresses as unknown[]) ?? []).length),
            },
            {
              header: t.usedBy,
              cell: (b) => names([...((b.properties?.loadBalancingRules as unknown[]) ?? []), ...((b.properties?.outboundRules as unknown[]) ?? [])]),
            },
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
          isNew={isNewIn(fresh)}
          rows={probes}
          empty={t.noEntries}
          columns={[
            { header: t.name, sticky: true, copy: (p) => p.name, cell: (p) => <Name value={p.name} /> },
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
          isNew={isNewIn(fresh)}
          rows={rules}
          empty={t.noEntries}
          columns={[
            { header: t.name, sticky: true, copy: (x) => x.name, cell: (x) => <Name value={x.name} /> },
            { header: t.frontendIpConfiguration, cell: (x) => <Name value={lastSegment(refId(x.properties?.frontendIPConfiguration))} /> },
            { header: t.protocol, cell: (x) => str(x.properties?.protocol) },
            { header: t.frontendPort, cell: (x) => str(x.properties?.frontendPort) },
            { header: t.backendPort, cell: (x) => str(x.properties?.backendPort) },
            { header: t.healthProbes, cell: (x) => <Name value={lastSegment(refId(x.properties?.probe))} /> },
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
          isNew={isNewIn(fresh)}
          rows={outbound}
          empty={t.noEntries}
          columns={[
            { header: t.name, sticky: true, copy: (x) => x.name, cell: (x) => <Name value={x.name} /> },
            { header: t.frontendIpConfiguration, cell: (x) => names(x.properties?.frontendIPConfigurations) },
            { header: t.backendPools, cell: (x) => <Name value={lastSegment(refId(x.properties?.backendAddressPool))} /> },
            { header: t.protocol, cell: (x) => str(x.properties?.protocol) },
            { header: t.idleTimeout, cell: (x) => str(x.properties?.idleTimeoutInMinutes) },
          ]}
        />
      ),
    },
  ];
}

export function nsgSections({ r, t, fresh }: Ctx): Section[] {
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
          isNew={isNewIn(fresh)}
          rows={rules}
          empty={t.noEntries}
          columns={[
            { header: t.priority, cell: (x) => str(x.properties?.priority) },
            { header: t.name, sticky: true, copy: (x) => x.name, cell: (x) => <Name value={x.name} /> },
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
            { header: t.name, sticky: true, cell: (n) => <Name value={n.metadata.name} /> },
            {
              header: t.privateIpAddress,
              cell: (n) =>
                str(
                  ((n as { status?: { addresses?: { type: string; address: string }[] } }).status?.addresses ?? []).find((a) => a.type === 'InternalIP')
                    ?.address,
                ),
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
            { header: t.name, sticky: true, copy: (s) => s.name, cell: (s) => <Name value={s.name} /> },
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
            { header: t.name, sticky: true, copy: (x) => x.name, cell: (x) => <Name value={x.name} /> },
            { header: 'Address prefix', cell: (x) => str(x.properties?.addressPrefix) },
            {
              header: 'Next hop',
              cell: (x) => `${str(x.properties?.nextHopType)} ${x.properties?.nextHopIpAddress ? str(x.properties.nextHopIpAddress) : ''}`,
            },
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
