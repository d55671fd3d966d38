import { useLab } from '../use-store';
import { resourceGroupOf } from './arm-view';
import { usePortal } from './context';
import { useFreshRowScroll } from './fresh-rows';
import { CopyButton, MiddleText, NameButton } from './MiddleText';
import { portalStrings } from './strings';

/**
 * Resources as the portal lists them: name, type, location (and the group when listing one type
 * across groups). Resources added in the last seconds are highlighted and scrolled into view.
 */
export function ResourceList({ resourceGroup, type, title }: { resourceGroup?: string; type?: string; title?: string }) {
  const { sandbox, store, t, go } = usePortal();
  const p = portalStrings(t);
  useLab(store, (s) => s.worldVersion);
  const fresh = useLab(store, (s) => s.fresh);
  const removed = useLab(store, (s) => s.removed);
  const rg = resourceGroup?.toLowerCase();
  const resources = sandbox.arm
    .select({ ...(resourceGroup ? { resourceGroup } : {}), ...(type ? { type } : {}) })
    .filter((r) => r.type.toLowerCase() !== 'microsoft.resources/resourcegroups')
    .slice()
    .sort((a, b) => a.name.localeCompare(b.name));
  const gone = Object.entries(removed).filter(
    ([id, r]) => (rg ? id.includes(`/resourcegroups/${rg}/`) : true) && (!type || r.type.toLowerCase() === type.toLowerCase()),
  );
  const typeName = (ty: string) => t.resourceTypes[ty.toLowerCase()] ?? ty;
  const freshIds = resources.filter((r) => fresh[r.id.toLowerCase()] !== undefined).map((r) => r.id);
  const tbody = useFreshRowScroll(freshIds.join(','));
  const heading = title ?? t.resources;

  return (
    <section aria-labelledby="portal-resources-title">
      <h3 id="portal-resources-title" class="portal-h">
        {heading} ({resources.length})
      </h3>
      <div class="portal-table-wrap">
        <table class="portal-table resource-list">
          <caption class="visually-hidden">
            {heading}
            {resourceGroup ? `: ${resourceGroup}` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col" class="col-sticky">
                {t.name}
              </th>
              <th scope="col">{t.type}</th>
              {!resourceGroup && <th scope="col">{t.resourceGroups}</th>}
              <th scope="col">{t.location}</th>
            </tr>
          </thead>
          <tbody ref={tbody}>
            {resources.map((r) => {
              const isFresh = fresh[r.id.toLowerCase()] !== undefined;
              return (
                <tr key={r.id} class={isFresh ? 'row-fresh' : undefined}>
                  <td class="col-sticky mid-cell">
                    <NameButton value={r.name} onClick={() => go(['resource', r.id])} />
                    <CopyButton value={r.name} label={p.copy} copied={p.copied} />
                    {isFresh && <span class="badge badge-added">{t.added}</span>}
                  </td>
                  <td>{typeName(r.type)}</td>
                  {!resourceGroup && <td>{resourceGroupOf(r.id)}</td>}
                  <td>{r.location ?? '—'}</td>
                </tr>
              );
            })}
            {gone.map(([id, r]) => (
              <tr key={id} class="row-removed">
                <td class="col-sticky">
                  <s>
                    <MiddleText value={r.name} />
                  </s>{' '}
                  <span class="badge badge-removed">{t.removed}</span>
                </td>
                <td>{typeName(r.type)}</td>
                {!resourceGroup && <td>{resourceGroupOf(id)}</td>}
                <td>—</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
