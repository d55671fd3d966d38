import type { ComponentChildren } from 'preact';
import type { AwsStore, SecurityGroup, TargetGroup } from '../../../sim/clouds/eks/store';
import { awsKeys, inboundRules, type LbRow, loadBalancerNames, loadBalancers, targetGroups, targets } from './aws-model';
import { Facts, Frame } from './Frame';
import { isFresh, observe } from './fresh';
import { type ConsoleStrings, formatDate } from './strings';
import type { PageProps } from './types';

/** What every page of this console gets. */
type Page = PageProps & { aws: AwsStore; s: ConsoleStrings; now: number; open(path: string[]): void };

const P = 'aws';

/**
 * The AWS console an EKS sandbox shows in the portal pane: EC2 › Load balancers (Classic and
 * Network together), Target groups with their targets' health, Security groups with their inbound
 * rules. Paths: ['aws'] load balancers, ['aws', 'lb', key], ['aws', 'tgs'], ['aws', 'tg', arn],
 * ['aws', 'sgs'], ['aws', 'sg', id].
 */
export function AwsConsole(props: PageProps & { aws: AwsStore; s: ConsoleStrings }) {
  const { ctx, ui, path, aws, s } = props;
  ui.useLab(ctx.store, (st) => st.worldVersion);
  const now = ui.useLab(ctx.store, (st) => st.now);
  observe(aws, awsKeys(aws), now);
  const [view, arg = ''] = path;
  const page: Page = { ...props, now, open: (p) => ctx.go([P, ...p]) };
  const nav = [
    { group: s.loadBalancing, label: s.loadBalancers, path: [P] },
    { label: s.targetGroups, path: [P, 'tgs'] },
    { group: s.networkSecurity, label: s.securityGroups, path: [P, 'sgs'] },
  ];
  const inTgs = view === 'tgs' || view === 'tg';
  const inSgs = view === 'sgs' || view === 'sg';
  const section = inTgs ? s.targetGroups : inSgs ? s.securityGroups : s.loadBalancers;
  const crumbs: { label: string; path?: string[] }[] = [{ label: s.ec2 }, { label: section, path: [P, ...(inTgs ? ['tgs'] : inSgs ? ['sgs'] : [])] }];
  let body: ComponentChildren;
  if (view === 'lb') {
    const lb = loadBalancers(aws).find((r) => r.key === arg);
    crumbs.push({ label: lb?.name ?? arg });
    body = lb ? <LoadBalancerDetails {...page} lb={lb} /> : <Gone name={arg} />;
  } else if (view === 'tg') {
    const tg = aws.targetGroups.get(arg);
    crumbs.push({ label: tg?.TargetGroupName ?? arg });
    body = tg ? <TargetGroupDetails {...page} tg={tg} /> : <Gone name={arg} />;
  } else if (view === 'sg') {
    const sg = aws.securityGroups.get(arg);
    crumbs.push({ label: sg?.GroupId ?? arg });
    body = sg ? <SecurityGroupDetails {...page} sg={sg} /> : <Gone name={arg} />;
  } else if (view === 'tgs') body = <TargetGroupList {...page} />;
  else if (view === 'sgs') body = <SecurityGroupList {...page} />;
  else body = <LoadBalancerList {...page} />;
  return (
    <Frame ui={ui} brand={s.awsConsole} navLabel={s.awsNav} nav={nav} current={section} crumbs={crumbs} go={ctx.go}>
      {body}
    </Frame>
  );
}

/** A resource deleted while its page was open. */
export function Gone({ name }: { name: string }) {
  return (
    <p role="status">
      <s>{name}</s>
    </p>
  );
}

function State({ state, s }: { state: 'provisioning' | 'active'; s: ConsoleStrings }) {
  return <span class={`console-state console-state-${state}`}>{state === 'active' ? s.active : s.provisioning}</span>;
}

function LoadBalancerList({ ui, aws, s, now, open, locale }: Page) {
  const rows = loadBalancers(aws);
  return (
    <section aria-labelledby="aws-lbs">
      <h3 id="aws-lbs" class="portal-h">
        {s.loadBalancers} ({rows.length})
      </h3>
      <ui.Table
        rows={rows}
        caption={s.loadBalancers}
        empty={s.noLoadBalancers}
        isNew={(r) => isFresh(aws, r.key, now, r.createdAt)}
        columns={[
          { header: s.name, sticky: true, cell: (r) => <ui.NameButton value={r.name} onClick={() => open(['lb', r.key])} /> },
          { header: s.dnsName, cell: (r) => <ui.MiddleText value={r.dnsName} />, copy: (r) => r.dnsName },
          { header: s.state, cell: (r) => (r.state ? <State state={r.state} s={s} /> : '—') },
          { header: s.vpcId, cell: (r) => r.vpcId },
          { header: s.availabilityZones, cell: (r) => <span title={r.zones.join(', ')}>{s.zoneCount(r.zones.length)}</span> },
          { header: s.type, cell: (r) => r.type },
          { header: s.dateCreated, cell: (r) => formatDate(r.createdAt, locale) },
        ]}
      />
    </section>
  );
}

function LoadBalancerDetails({ ui, aws, s, now, open, locale, lb }: Page & { lb: LbRow }) {
  const classic = lb.type === 'classic';
  const facts: [string, ComponentChildren][] = [
    [s.loadBalancerType, classic ? s.classic : s.network],
    [s.state, lb.state ? <State state={lb.state} s={s} /> : '—'],
    [s.scheme, lb.scheme === 'internal' ? s.internal : s.internetFacing],
    [s.vpcId, lb.vpcId],
    [s.availabilityZones, lb.zones.map((z, i) => `${lb.subnets[i] ?? ''} (${z})`).join(', ')],
    [s.dateCreated, formatDate(lb.createdAt, locale)],
    [s.dnsName, <code key="dns">{lb.dnsName}</code>],
  ];
  if (lb.securityGroups.length)
    facts.push([s.securityGroups, lb.securityGroups.map((id) => <ui.NameButton key={id} value={id} onClick={() => open(['sg', id])} />)]);
  if (lb.healthCheck) facts.push([s.healthCheck, <code key="hc">{lb.healthCheck}</code>]);
  const instances = (lb.instances ?? []).map((id) => ({ id, inst: [...aws.instances.values()].find((i) => i.InstanceId === id) }));
  return (
    <section aria-labelledby="aws-lb">
      <h3 id="aws-lb" class="portal-h">
        <ui.MiddleText value={lb.name} />
      </h3>
      <h4 class="blade-section-title">{s.details}</h4>
      <Facts rows={facts} />
      <h4 class="blade-section-title">
        {s.listeners} ({lb.listeners.length})
      </h4>
      <ui.Table
        rows={lb.listeners}
        caption={s.listeners}
        empty="—"
        isNew={() => isFresh(aws, lb.key, now, lb.createdAt)}
        columns={[
          { header: s.protocolPort, sticky: true, cell: (l) => `${l.protocol}:${l.port}` },
          classic
            ? { header: s.instanceProtocolPort, cell: (l) => l.forward }
            : {
                header: s.defaultAction,
                cell: (l) => {
                  const tg = [...aws.targetGroups.values()].find((t) => t.TargetGroupName === l.forward);
                  return tg ? <ui.NameButton value={s.forwardTo(l.forward)} onClick={() => open(['tg', tg.TargetGroupArn])} /> : s.forwardTo(l.forward);
                },
              },
        ]}
      />
      {classic && (
        <>
          <h4 class="blade-section-title">
            {s.instances} ({instances.length})
          </h4>
          <ui.Table
            rows={instances}
            caption={s.instances}
            empty="—"
            columns={[
              { header: s.instanceId, sticky: true, cell: (i) => i.id },
              { header: s.name, cell: (i) => i.inst?.nodeName ?? '—' },
              { header: s.zone, cell: (i) => aws.subnets.find((x) => x.SubnetId === i.inst?.SubnetId)?.AvailabilityZone ?? '—' },
            ]}
          />
        </>
      )}
    </section>
  );
}

function TargetGroupList({ ui, aws, s, now, open }: Page) {
  const rows = targetGroups(aws);
  return (
    <section aria-labelledby="aws-tgs">
      <h3 id="aws-tgs" class="portal-h">
        {s.targetGroups} ({rows.length})
      </h3>
      <ui.Table
        rows={rows}
        caption={s.targetGroups}
        empty={s.noTargetGroups}
        isNew={(r) => isFresh(aws, r.TargetGroupArn, now)}
        columns={[
          { header: s.name, sticky: true, cell: (r) => <ui.NameButton value={r.TargetGroupName} onClick={() => open(['tg', r.TargetGroupArn])} /> },
          { header: s.arn, cell: (r) => <ui.MiddleText value={r.TargetGroupArn} />, copy: (r) => r.TargetGroupArn },
          { header: s.port, cell: (r) => r.Port },
          { header: s.protocol, cell: (r) => r.Protocol },
          { header: s.targetType, cell: () => s.instance },
          { header: s.loadBalancer, cell: (r) => loadBalancerNames(aws, r).join(', ') || '—' },
          { header: s.vpcId, cell: (r) => r.VpcId },
        ]}
      />
    </section>
  );
}

function TargetGroupDetails({ ui, aws, s, now, tg }: Page & { tg: TargetGroup }) {
  const rows = targets(aws, tg, now);
  return (
    <section aria-labelledby="aws-tg">
      <h3 id="aws-tg" class="portal-h">
        <ui.MiddleText value={tg.TargetGroupName} />
      </h3>
      <h4 class="blade-section-title">{s.details}</h4>
      <Facts
        rows={[
          [s.arn, <code key="arn">{tg.TargetGroupArn}</code>],
          [s.targetType, tg.TargetType === 'ip' ? s.ipAddresses : s.instance],
          [s.protocolPort, `${tg.Protocol}:${tg.Port}`],
          [s.vpcId, tg.VpcId],
          [s.loadBalancer, loadBalancerNames(aws, tg).join(', ') || '—'],
          [s.healthCheck, `${tg.HealthCheckProtocol}${tg.HealthCheckPath ? ` ${tg.HealthCheckPath}` : ''} (${tg.HealthCheckPort})`],
        ]}
      />
      <h4 class="blade-section-title">
        {s.registeredTargets} ({rows.length})
      </h4>
      <ui.Table
        rows={rows}
        caption={s.registeredTargets}
        empty="—"
        columns={[
          { header: tg.TargetType === 'ip' ? s.ipAddress : s.instanceId, sticky: true, cell: (r) => r.id },
          { header: s.name, cell: (r) => r.node },
          { header: s.port, cell: (r) => r.port },
          { header: s.zone, cell: (r) => r.zone },
          { header: s.healthStatus, cell: (r) => <span class={`console-state console-state-${r.state}`}>{s.targetState[r.state]}</span> },
          { header: s.healthDetails, cell: (r) => s.targetReason[r.state] || '—' },
        ]}
      />
    </section>
  );
}

function SecurityGroupList({ ui, aws, s, now, open }: Page) {
  const rows = [...aws.securityGroups.values()].sort((a, b) => a.GroupName.localeCompare(b.GroupName));
  return (
    <section aria-labelledby="aws-sgs">
      <h3 id="aws-sgs" class="portal-h">
        {s.securityGroups} ({rows.length})
      </h3>
      <ui.Table
        rows={rows}
        caption={s.securityGroups}
        empty="—"
        isNew={(r) => isFresh(aws, r.GroupId, now)}
        columns={[
          { header: s.securityGroupId, sticky: true, cell: (r) => <ui.NameButton value={r.GroupId} onClick={() => open(['sg', r.GroupId])} /> },
          { header: s.securityGroupName, cell: (r) => <ui.MiddleText value={r.GroupName} /> },
          { header: s.vpcId, cell: (r) => r.VpcId },
          { header: s.description, cell: (r) => <span class="console-wrap">{r.Description}</span> },
          { header: s.inboundRulesCount, cell: (r) => inboundRules(r.IpPermissions).length },
        ]}
      />
    </section>
  );
}

function SecurityGroupDetails({ ui, aws, s, now, sg }: Page & { sg: SecurityGroup }) {
  const rules = inboundRules(sg.IpPermissions);
  return (
    <section aria-labelledby="aws-sg">
      <h3 id="aws-sg" class="portal-h">
        {sg.GroupId} - <ui.MiddleText value={sg.GroupName} />
      </h3>
      <h4 class="blade-section-title">{s.details}</h4>
      <Facts
        rows={[
          [s.securityGroupName, <code key="n">{sg.GroupName}</code>],
          [s.securityGroupId, sg.GroupId],
          [s.description, sg.Description],
          [s.vpcId, sg.VpcId],
        ]}
      />
      <h4 class="blade-section-title">
        {s.inboundRules} ({rules.length})
      </h4>
      <ui.Table
        rows={rules}
        caption={s.inboundRules}
        empty={s.noRules}
        isNew={(r) => isFresh(aws, `${sg.GroupId}/${r.key}`, now)}
        columns={[
          { header: s.type, sticky: true, cell: (r) => s.ruleType[r.type] },
          { header: s.ipVersion, cell: (r) => (r.source.includes('/') ? 'IPv4' : '–') },
          { header: s.protocol, cell: (r) => (r.protocol === 'All' ? s.all : r.protocol) },
          { header: s.portRange, cell: (r) => (r.portRange === 'All' ? s.all : r.portRange) },
          { header: s.source, cell: (r) => <ui.MiddleText value={r.source} />, copy: (r) => r.source },
          { header: s.description, cell: (r) => <span class="console-wrap">{r.description || '–'}</span> },
        ]}
      />
    </section>
  );
}
