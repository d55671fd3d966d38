import type { MetalLbStore } from '../../../sim/clouds/metallb/store';
import { loadBalancerServices, metalLbServices, pools, svclbDaemonSets, svclbPods } from './bare-metal-model';
import { isFresh, observe } from './fresh';
import type { ConsoleStrings } from './strings';
import type { PageProps } from './types';

/**
 * The portal pane of a cluster without a cloud (MetalLB, k3s): it says there is no console and
 * shows what stands in for one, read from the cluster itself. New rows are marked as in the
 * consoles; the Kubernetes objects are keyed by namespace/name.
 */
export function BareMetalView(props: PageProps & { cloud: 'metallb' | 'k3s'; metallb?: MetalLbStore; s: ConsoleStrings }) {
  const { ctx, ui, cloud, metallb, s } = props;
  ui.useLab(ctx.store, (st) => st.worldVersion);
  const now = ui.useLab(ctx.store, (st) => st.now);
  const kube = ctx.sandbox.kube;
  const owner = metallb ?? kube;
  return (
    <div class="portal cloud-console">
      <section aria-labelledby="bare-metal-title" class="console-bare">
        <h3 id="bare-metal-title" class="portal-h">
          {s.noConsole}
        </h3>
        <p class="console-intro">{cloud === 'metallb' ? s.metallbIntro : s.k3sIntro}</p>
        {cloud === 'metallb' && metallb ? <MetalLb {...props} metallb={metallb} now={now} /> : <K3s {...props} owner={owner} now={now} />}
      </section>
    </div>
  );
}

function MetalLb({ ctx, ui, s, metallb, now }: PageProps & { metallb: MetalLbStore; s: ConsoleStrings; now: number }) {
  const kube = ctx.sandbox.kube;
  const poolRows = pools(kube, metallb);
  const services = metalLbServices(kube, metallb);
  observe(metallb, [...poolRows.map((p) => `pool/${p.name}`), ...services.map((x) => `svc/${x.key}/${x.ip ?? ''}`)], now);
  return (
    <>
      <h4 class="blade-section-title">{s.pools}</h4>
      <ui.Table
        rows={poolRows}
        caption={s.pools}
        empty={s.noPools}
        isNew={(p) => isFresh(metallb, `pool/${p.name}`, now)}
        columns={[
          { header: s.name, sticky: true, cell: (p) => <code>{p.name}</code> },
          { header: s.addresses, cell: (p) => p.addresses.join(', ') || '—' },
          { header: s.autoAssign, cell: (p) => (p.autoAssign ? s.yes : s.no) },
          { header: s.l2Advertisement, cell: (p) => (p.l2 ? s.yes : s.no) },
        ]}
      />
      <h4 class="blade-section-title">{s.servicesAndIps}</h4>
      <ui.Table
        rows={services}
        caption={s.servicesAndIps}
        empty={s.noServices}
        isNew={(x) => !!x.ip && isFresh(metallb, `svc/${x.key}/${x.ip}`, now)}
        columns={[
          { header: s.service, sticky: true, cell: (x) => <ui.MiddleText value={x.key} /> },
          { header: s.ports, cell: (x) => x.ports },
          { header: s.ip, cell: (x) => x.ip ?? s.pending, copy: (x) => x.ip },
          { header: s.pool, cell: (x) => x.pool ?? '—' },
          { header: s.announcingNode, cell: (x) => (x.node ? <ui.MiddleText value={x.node} /> : '—') },
        ]}
      />
    </>
  );
}

function K3s({ ctx, ui, s, owner, now }: PageProps & { s: ConsoleStrings; owner: object; now: number }) {
  const kube = ctx.sandbox.kube;
  const daemonSets = svclbDaemonSets(kube);
  const pods = svclbPods(kube);
  const services = loadBalancerServices(kube);
  observe(
    owner,
    [...daemonSets.map((d) => `ds/${d.name}`), ...pods.map((p) => `pod/${p.key}`), ...services.map((x) => `svc/${x.key}/${x.externalIps.join(',')}`)],
    now,
  );
  return (
    <>
      <h4 class="blade-section-title">{s.svclbDaemonSets}</h4>
      <ui.Table
        rows={daemonSets}
        caption={s.svclbDaemonSets}
        empty={s.noSvclb}
        isNew={(d) => isFresh(owner, `ds/${d.name}`, now)}
        columns={[
          { header: s.daemonSet, sticky: true, cell: (d) => <ui.MiddleText value={d.name} /> },
          { header: s.service, cell: (d) => d.service },
        ]}
      />
      <h4 class="blade-section-title">{s.svclbPods}</h4>
      <ui.Table
        rows={pods}
        caption={s.svclbPods}
        empty="—"
        isNew={(p) => isFresh(owner, `pod/${p.key}`, now)}
        columns={[
          { header: s.pod, sticky: true, cell: (p) => <ui.MiddleText value={p.pod} /> },
          { header: s.node, cell: (p) => (p.node ? <ui.MiddleText value={p.node} /> : '—') },
          { header: s.nodeIp, cell: (p) => p.nodeIp || '—' },
          { header: s.hostPorts, cell: (p) => p.hostPorts },
          { header: s.status, cell: (p) => (p.ready ? 'Running' : p.phase) },
        ]}
      />
      <h4 class="blade-section-title">{s.lbServices}</h4>
      <ui.Table
        rows={services}
        caption={s.lbServices}
        empty={s.noServices}
        isNew={(x) => x.externalIps.length > 0 && isFresh(owner, `svc/${x.key}/${x.externalIps.join(',')}`, now)}
        columns={[
          { header: s.service, sticky: true, cell: (x) => <ui.MiddleText value={x.key} /> },
          { header: s.ports, cell: (x) => x.ports },
          { header: s.externalIp, cell: (x) => x.externalIps.join(',') || s.pending, copy: (x) => x.externalIps.join(',') || undefined },
        ]}
      />
    </>
  );
}
