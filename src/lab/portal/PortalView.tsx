import { usePortal } from './context';
import { useLab } from '../use-store';
import { ResourceList } from './ResourceList';
import { ResourceBlade } from './blades/ResourceBlade';
import { ActivityLog } from './ActivityLog';
import { resourceGroupOf } from './arm-view';

function ResourceGroups() {
  const { sandbox, store, t, go } = usePortal();
  useLab(store, (s) => s.worldVersion);
  const groups = sandbox.arm.list({ type: 'Microsoft.Resources/resourceGroups' });
  return (
    <section aria-labelledby="portal-rgs">
      <h3 id="portal-rgs" class="portal-h">
        {t.resourceGroups}
      </h3>
      <table class="portal-table">
        <thead>
          <tr>
            <th scope="col">{t.name}</th>
            <th scope="col">{t.location}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.id}>
              <td>
                <button type="button" class="link-button" onClick={() => go(['rg', g.name])}>
                  {g.name}
                </button>
              </td>
              <td>{g.location}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The simulated Azure portal: breadcrumbs and one view at a time, all read from the ARM store. */
export function PortalView() {
  const { store, t, go, sandbox } = usePortal();
  const path = useLab(store, (s) => s.portalPath);
  const [view, arg, section] = path;
  const crumbs: { label: string; path: string[] }[] = [{ label: t.home, path: [] }];
  if (view === 'rg' || view === 'resource') {
    crumbs.push({ label: t.resourceGroups, path: [] });
    const rg = view === 'rg' ? arg! : resourceGroupOf(arg!);
    const rgName = sandbox.arm.list({ type: 'Microsoft.Resources/resourceGroups' }).find((g) => g.name.toLowerCase() === rg.toLowerCase())?.name ?? rg;
    crumbs.push({ label: rgName, path: ['rg', rgName] });
    if (view === 'resource') crumbs.push({ label: arg!.split('/').pop() ?? '', path });
  }
  if (view === 'activity') crumbs.push({ label: t.activityLog, path });

  return (
    <div class="portal">
      <div class="portal-top">
        <nav aria-label="Breadcrumb" class="breadcrumbs">
          <ol>
            {crumbs.map((c, i) => (
              <li key={i}>
                {i === crumbs.length - 1 ? (
                  <span aria-current="location">{c.label}</span>
                ) : (
                  <button type="button" class="link-button" onClick={() => go(c.path)}>
                    {c.label}
                  </button>
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
      ) : view === 'resource' ? (
        <ResourceBlade id={arg!} section={section} />
      ) : view === 'activity' ? (
        <ActivityLog />
      ) : (
        <ResourceGroups />
      )}
    </div>
  );
}
