import type { ComponentChildren } from 'preact';
import type { Firewall, GcpStore } from '../../../sim/clouds/gke/store';
import { Gone } from './AwsConsole';
import { Facts, Frame } from './Frame';
import { isFresh, observe } from './fresh';
import { createdAt, firewalls, type GcpLbRow, gcpKeys, loadBalancers, protocolsPorts } from './gcp-model';
import type { ConsoleStrings } from './strings';
import type { PageProps } from './types';

type Page = PageProps & { gcp: GcpStore; s: ConsoleStrings; now: number; open(path: string[]): void };

const P = 'gcp';

/**
 * The Google Cloud console a GKE sandbox shows in the portal pane: Network services › Load
 * balancing (each passthrough Network Load Balancer with its frontend and backend) and VPC
 * network › Firewall (the `k8s-fw-…` and health-check rules beside GKE's own).
 * Paths: ['gcp'] load balancers, ['gcp', 'lb', key], ['gcp', 'firewall'], ['gcp', 'fw', name].
 */
export function GcpConsole(props: PageProps & { gcp: GcpStore; s: ConsoleStrings }) {
  const { ctx, ui, path, gcp, s } = props;
  ui.useLab(ctx.store, (st) => st.worldVersion);
  const now = ui.useLab(ctx.store, (st) => st.now);
  observe(gcp, gcpKeys(gcp), now);
  const [view, arg = ''] = path;
  const page: Page = { ...props, now, open: (p) => ctx.go([P, ...p]) };
  const nav = [
    { group: s.networkServices, label: s.gcpLoadBalancing, path: [P] },
    { group: s.vpcNetwork, label: s.firewall, path: [P, 'firewall'] },
  ];
  const inFirewall = view === 'firewall' || view === 'fw';
  const crumbs: { label: string; path?: string[] }[] = inFirewall
    ? [{ label: s.vpcNetwork }, { label: s.firewall, path: [P, 'firewall'] }]
    : [{ label: s.networkServices }, { label: s.gcpLoadBalancing, path: [P] }];
  let body: ComponentChildren;
  if (view === 'lb') {
    const lb = loadBalancers(gcp).find((r) => r.key === arg);
    crumbs.push({ label: lb?.name ?? arg });
    body = lb ? <LoadBalancerDetails {...page} lb={lb} /> : <Gone name={arg} />;
  } else if (view === 'fw') {
    const fw = gcp.firewalls.get(arg);
    crumbs.push({ label: fw?.name ?? arg });
    body = fw ? <FirewallDetails {...page} fw={fw} /> : <Gone name={arg} />;
  } else if (view === 'firewall') body = <FirewallList {...page} />;
  else body = <LoadBalancerList {...page} />;
  return (
    <Frame ui={ui} brand={s.gcpConsole} navLabel={s.gcpNav} nav={nav} current={inFirewall ? s.firewall : s.gcpLoadBalancing} crumbs={crumbs} go={ctx.go}>
      {body}
    </Frame>
  );
}

const typeOf = (lb: GcpLbRow, s: ConsoleStrings) => (lb.kind === 'targetPool' ? s.targetPoolBased : s.backendServiceBased);
const accessOf = (lb: GcpLbRow, s: ConsoleStrings) => (lb.scheme === 'INTERNAL' ? s.internal : s.external);
const backendsOf = (lb: GcpLbRow, s: ConsoleStrings) =>
  lb.kind === 'targetPool'
    ? s.targetPoolBackends(lb.backends.length)
    : lb.backendKind === 'instanceGroups'
      ? s.instanceGroupBackends(lb.backends.length)
      : s.backendServiceBackends(lb.backends.length);
const backendCaption = (lb: GcpLbRow, s: ConsoleStrings) => (lb.backendKind === 'instances' ? s.instances : s[lb.backendKind]);

function LoadBalancerList({ ui, gcp, s, now, open }: Page) {
  const rows = loadBalancers(gcp);
  return (
    <section aria-labelledby="gcp-lbs">
      <h3 id="gcp-lbs" class="portal-h">
        {s.gcpLoadBalancing} ({rows.length})
      </h3>
      <ui.Table
        rows={rows}
        caption={s.gcpLoadBalancing}
        empty={s.noGcpLoadBalancers}
        isNew={(r) => isFresh(gcp, r.key, now, createdAt(r))}
        columns={[
          { header: s.name, sticky: true, cell: (r) => <ui.NameButton value={r.name} onClick={() => open(['lb', r.key])} /> },
          { header: s.lbType, cell: (r) => typeOf(r, s) },
          { header: s.accessType, cell: (r) => accessOf(r, s) },
          { header: s.protocols, cell: (r) => r.protocol },
          { header: s.region, cell: (r) => r.region },
          { header: s.backends, cell: (r) => backendsOf(r, s) },
        ]}
      />
    </section>
  );
}

function LoadBalancerDetails({ ui, gcp, s, now, open, lb }: Page & { lb: GcpLbRow }) {
  const fws = firewalls(gcp).filter((f) => f.name === `k8s-fw-${lb.name}` || f.name === lb.name);
  return (
    <section aria-labelledby="gcp-lb">
      <h3 id="gcp-lb" class="portal-h">
        <ui.MiddleText value={lb.name} />
      </h3>
      <Facts
        rows={[
          [s.lbType, typeOf(lb, s)],
          [s.accessType, accessOf(lb, s)],
          [s.region, lb.region],
        ]}
      />
      <h4 class="blade-section-title">{s.frontend}</h4>
      <ui.Table
        rows={lb.frontends}
        caption={s.frontend}
        empty={s.noFrontend}
        isNew={(f) => isFresh(gcp, lb.key, now, f.createdAt)}
        columns={[
          { header: s.forwardingRule, sticky: true, cell: (f) => <ui.MiddleText value={f.rule} /> },
          { header: s.protocol, cell: () => lb.protocol },
          { header: s.ipPort, cell: (f) => `${f.ip}:${f.portRange}`, copy: (f) => f.ip },
          lb.scheme === 'INTERNAL'
            ? { header: s.subnetwork, cell: (f) => f.subnetwork ?? '—' }
            : { header: s.networkTier, cell: (f) => s.tier[f.tier] ?? f.tier },
        ]}
      />
      <h4 class="blade-section-title">{s.backend}</h4>
      <Facts
        rows={[
          [lb.kind === 'targetPool' ? s.targetPool : s.backendService, <code key="b">{lb.name}</code>],
          [s.healthCheck, lb.healthChecks.join(', ') || '—'],
          [s.sessionAffinity, s.affinity[lb.sessionAffinity] ?? lb.sessionAffinity],
        ]}
      />
      <ui.Table
        rows={lb.backends}
        caption={backendCaption(lb, s)}
        empty="—"
        columns={[{ header: backendCaption(lb, s), sticky: true, cell: (b) => <ui.MiddleText value={b} /> }]}
      />
      {fws.length > 0 && (
        <>
          <h4 class="blade-section-title">{s.firewallRules}</h4>
          <ul class="console-links">
            {fws.map((f) => (
              <li key={f.name}>
                <ui.NameButton value={f.name} onClick={() => open(['fw', f.name])} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

const targetsOf = (fw: Firewall, s: ConsoleStrings) => (fw.targetTags.length ? fw.targetTags.join(', ') : s.applyToAll);

function FirewallList({ ui, gcp, s, now, open }: Page) {
  const rows = firewalls(gcp);
  return (
    <section aria-labelledby="gcp-fws">
      <h3 id="gcp-fws" class="portal-h">
        {s.firewallRules} ({rows.length})
      </h3>
      <ui.Table
        rows={rows}
        caption={s.firewallRules}
        empty="—"
        isNew={(r) => isFresh(gcp, `fw/${r.name}`, now)}
        columns={[
          { header: s.name, sticky: true, cell: (r) => <ui.NameButton value={r.name} onClick={() => open(['fw', r.name])} /> },
          { header: s.fwType, cell: () => s.ingress },
          { header: s.targets, cell: (r) => <ui.MiddleText value={targetsOf(r, s)} /> },
          { header: s.filters, cell: (r) => <span class="console-wrap">{s.ipRanges(r.sourceRanges.join(', '))}</span> },
          { header: s.protocolsPorts, cell: (r) => protocolsPorts(r) },
          { header: s.action, cell: () => s.allow },
          { header: s.priority, cell: (r) => r.priority },
          { header: s.fwNetwork, cell: (r) => r.network },
        ]}
      />
    </section>
  );
}

function FirewallDetails({ ui, s, fw }: Page & { fw: Firewall }) {
  return (
    <section aria-labelledby="gcp-fw">
      <h3 id="gcp-fw" class="portal-h">
        <ui.MiddleText value={fw.name} />
      </h3>
      <Facts
        rows={[
          [s.description, fw.description ? <code key="d">{fw.description}</code> : '—'],
          [s.fwNetwork, fw.network],
          [s.priority, fw.priority],
          [s.fwType, s.ingress],
          [s.action, s.allow],
          [s.targets, targetsOf(fw, s)],
          [s.filters, s.ipRanges(fw.sourceRanges.join(', '))],
          ...(fw.destinationRanges?.length ? ([[s.destinationRanges, fw.destinationRanges.join(', ')]] as [string, ComponentChildren][]) : []),
          [s.protocolsPorts, protocolsPorts(fw)],
        ]}
      />
    </section>
  );
}
