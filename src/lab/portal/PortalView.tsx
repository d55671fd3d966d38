import { useEffect, useState } from 'preact/hooks';
import { useLab } from '../use-store';
import { ActivityLog } from './ActivityLog';
import { resourceGroupOf } from './arm-view';
import { ResourceBlade } from './blades/ResourceBlade';
import type * as Consoles from './consoles/index';
import { usePortal } from './context';
import { MiddleText, NameButton } from './MiddleText';
import { ResourceList } from './ResourceList';
import { localeOf, portalStrings } from './strings';
import { Table } from './Table';
import './portal.css';

/** The services the portal's Home offers, each a list of one resource type across groups. */
const SERVICES = ['Microsoft.Network/publicIPAddresses', 'Microsoft.Network/loadBalancers', 'Microsoft.Network/networkSecurityGroups'];

function ResourceGroups() {
  const { sandbox, store, t, go } = usePortal();
  useLab(store, (s) => s.worldVersion);
  const groups = sandbox.arm.list({ type: 'Microsoft.Resources/resourceGroups' });
  return (
    <section aria-labelledby="portal-rgs">
      <h3 id="portal-rgs" class="portal-h">
        {t.resourceGroups}
      </h3>
      <div class="portal-table-wrap">
        <table class="portal-table">
          <thead>
            <tr>
              <th scope="col" class="col-sticky">
                {t.name}
              </th>
              <th scope="col">{t.location}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.id}>
                <td class="col-sticky">
                  <button type="button" class="link-button" onClick={() => go(['rg', g.name])}>
                    {g.name}
                  </button>
                </td>
                <td>{g.location}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Home, as in the real portal: Azure services to open, and the resources that changed lately. */
function Home() {
  const { sandbox, store, t, go } = usePortal();
  const p = portalStrings(t);
  useLab(store, (s) => s.worldVersion);
  const fresh = useLab(store, (s) => s.fresh);
  const recent = Object.entries(fresh)
    .sort(([, a], [, b]) => b - a)
    .map(([id]) => sandbox.arm.get(id))
    .filter((r) => r !== undefined)
    .slice(0, 8);
  return (
    <section aria-labelledby="portal-home">
      <h3 id="portal-home" class="portal-h">
        {p.azureServices}
      </h3>
      <ul class="portal-services">
        <li>
          <button type="button" class="portal-service" onClick={() => go(['rgs'])}>
            {t.resourceGroups}
          </button>
        </li>
        {SERVICES.map((type) => (
          <li key={type}>
            <button type="button" class="portal-service" onClick={() => go(['type', type])}>
              {t.resourceTypes[type.toLowerCase()] ?? type}
            </button>
          </li>
        ))}
        <li>
          <button type="button" class="portal-service" onClick={() => go(['activity'])}>
            {t.activityLog}
          </button>
        </li>
      </ul>
      <h4 class="blade-section-title">{p.recentResources}</h4>
      {recent.length === 0 ? (
        <p class="muted">{p.noRecent}</p>
      ) : (
        <ul class="portal-recent">
          {recent.map((r) => (
            <li key={r.id}>
              <NameButton value={r.name} onClick={() => go(['resource', r.id])} />{' '}
              <span class="muted small">{t.resourceTypes[r.type.toLowerCase()] ?? r.type}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * The pane's view for a sandbox on another cloud: its console, fetched on first use (issue 17).
 * Kept this small because it ships in every AKS lab; the console does the rest.
 */
function OtherCloud() {
  const ctx = usePortal();
  const [m, setM] = useState<typeof Consoles | null>(null);
  useEffect(() => void import('./consoles/index').then(setM), []);
  return m && <m.CloudConsole ctx={ctx} ui={{ Table, NameButton, MiddleText, useLab }} locale={localeOf(ctx.t)} />;
}

export function PortalView() {
  const { sandbox } = usePortal();
  return sandbox.cloud && sandbox.cloud.name !== 'aks' ? <OtherCloud /> : <AzurePortal />;
}

/**
 * The simulated Azure portal: breadcrumbs and one view at a time, all read from the ARM store.
 * Views: [] Home, ['rgs'] resource groups, ['rg', name], ['type', armType] (one service's list),
 * ['resource', id, section?], ['activity'].
 */
function AzurePortal() {
  const { store, t, go, sandbox } = usePortal();
  const path = useLab(store, (s) => s.portalPath);
  const [view, arg, section] = path;
  const crumbs: { label: string; path: string[] }[] = [{ label: t.home, path: [] }];
  if (view === 'rgs' || view === 'rg' || view === 'resource') crumbs.push({ label: t.resourceGroups, path: ['rgs'] });
  if (view === 'rg' || view === 'resource') {
    const rg = view === 'rg' ? arg! : resourceGroupOf(arg!);
    const rgName = sandbox.arm.list({ type: 'Microsoft.Resources/resourceGroups' }).find((g) => g.name.toLowerCase() === rg.toLowerCase())?.name ?? rg;
    crumbs.push({ label: rgName, path: ['rg', rgName] });
    if (view === 'resource') crumbs.push({ label: arg!.split('/').pop() ?? '', path });
  }
  if (view === 'type') crumbs.push({ label: t.resourceTypes[arg!.toLowerCase()] ?? arg!, path });
  if (view === 'activity') crumbs.push({ label: t.activityLog, path });

  return (
    <div class="portal">
      <div class="portal-top">
        <nav aria-label="Breadcrumb" class="breadcrumbs">
          <ol>
            {crumbs.map((c, i) => (
              <li key={i}>
                {i === crumbs.length - 1 ? (
                  <span aria-current="location">
                    <MiddleText value={c.label} />
                  </span>
                ) : (
                  <NameButton value={c.label} onClick={() => go(c.path)} />
                )}
              </li>
            ))}
          </ol>
        </nav>
        <button type="button" class="button small" onClick={() => go(['activity'])}>
          {t.activityLog}
        </button>
      </div>
      {view === 'rg' ? (
        <ResourceList resourceGroup={arg!} />
      ) : view === 'type' ? (
        <ResourceList type={arg!} title={t.resourceTypes[arg!.toLowerCase()] ?? arg!} />
      ) : view === 'resource' ? (
        <ResourceBlade id={arg!} section={section} />
      ) : view === 'activity' ? (
        <ActivityLog />
      ) : view === 'rgs' ? (
        <ResourceGroups />
      ) : (
        <Home />
      )}
    </div>
  );
}
