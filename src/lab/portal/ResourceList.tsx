import { usePortal } from './context';
import { useLab } from '../use-store';

/** The resource group's resources, as the portal lists them: name, type, location. */
export function ResourceList({ resourceGroup }: { resourceGroup: string }) {
  const { sandbox, store, t, go } = usePortal();
  useLab(store, (s) => s.worldVersion);
  const fresh = useLab(store, (s) => s.fresh);
  const removed = useLab(store, (s) => s.removed);
  const rg = resourceGroup.toLowerCase();
  const resources = sandbox.arm
    .select({ resourceGroup })
    .filter((r) => r.type.toLowerCase() !== 'microsoft.resources/resourcegroups')
    .slice()
    .sort((a, b) => a.name.localeCompare(b.name));
  const gone = Object.entries(removed).filter(([id]) => id.includes(`/resourcegroups/${rg}/`));
  const typeName = (type: string) => t.resourceTypes[type.toLowerCase()] ?? type;

  return (
    <section aria-labelledby="portal-resources-title">
      <h3 id="portal-resources-title" class="portal-h">
        {t.resources} ({resources.length})
      </h3>
      <div class="portal-table-wrap">
        <table class="portal-table resource-list">
          <caption class="visually-hidden">
            {t.resources}: {resourceGroup}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t.name}</th>
              <th scope="col">{t.type}</th>
              <th scope="col">{t.location}</th>
            </tr>
          </thead>
          <tbody>
            {resources.map((r) => {
              const isFresh = fresh[r.id.toLowerCase()] !== undefined;
              return (
                <tr key={r.id} class={isFresh ? 'row-fresh' : undefined}>
                  <td>
                    <button type="button" class="link-button" onClick={() => go(['resource', r.id])}>
                      {r.name}
                    </button>
                    {isFresh && <span class="badge badge-added">{t.added}</span>}
                  </td>
                  <td>{typeName(r.type)}</td>
                  <td>{r.location ?? '—'}</td>
                </tr>
              );
            })}
            {gone.map(([id, r]) => (
              <tr key={id} class="row-removed">
                <td>
                  <s>{r.name}</s> <span class="badge badge-removed">{t.removed}</span>
                </td>
                <td>{typeName(r.type)}</td>
                <td>—</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
