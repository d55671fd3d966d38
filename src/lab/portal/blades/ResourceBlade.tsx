import { useEffect, useRef } from 'preact/hooks';
import type { ArmResource } from '../../../sim/azure/types';
import { changeTracker } from '../../changes/tracker';
import { useLab } from '../../use-store';
import { ActivityLog } from '../ActivityLog';
import { usePortal } from '../context';
import { JsonView } from '../JsonView';
import { CopyButton, MiddleText } from '../MiddleText';
import { portalStrings } from '../strings';
import { Tags } from '../Tags';
import { genericOverview, loadBalancerSections, nsgSections, publicIpSections, routeTableSections, type Section, vmssSections, vnetSections } from './sections';

function sectionsFor(r: ArmResource, ctx: Parameters<typeof publicIpSections>[0]): Section[] {
  const type = r.type.toLowerCase();
  const own =
    type === 'microsoft.network/publicipaddresses'
      ? publicIpSections(ctx)
      : type === 'microsoft.network/loadbalancers'
        ? loadBalancerSections(ctx)
        : type === 'microsoft.network/networksecuritygroups'
          ? [genericOverview(ctx), ...nsgSections(ctx)]
          : type === 'microsoft.compute/virtualmachinescalesets'
            ? [genericOverview(ctx), ...vmssSections(ctx)]
            : type === 'microsoft.network/virtualnetworks'
              ? [genericOverview(ctx), ...vnetSections(ctx)]
              : type === 'microsoft.network/routetables'
                ? [genericOverview(ctx), ...routeTableSections(ctx)]
                : [genericOverview(ctx)];
  const { t } = ctx;
  return [
    ...own,
    { key: 'tags', label: t.tags, render: () => <Tags tags={r.tags} /> },
    { key: 'activity', label: t.activityLog, render: () => <ActivityLog resourceId={r.id} /> },
    { key: 'json', label: t.jsonView, render: () => <JsonView resource={r} /> },
  ];
}

/** A resource's blade: a menu of the portal's sections for its type and the chosen section. */
export function ResourceBlade({ id, section }: { id: string; section?: string }) {
  const { sandbox, store, t, go } = usePortal();
  const p = portalStrings(t);
  useLab(store, (s) => s.worldVersion);
  const menu = useRef<HTMLUListElement>(null);
  // In the narrow strip layout the current section may be scrolled away: bring it into the strip.
  useEffect(() => {
    const list = menu.current;
    const current = list?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!list || !current || list.scrollWidth <= list.clientWidth) return;
    const left = current.offsetLeft - list.offsetLeft;
    if (left < list.scrollLeft || left + current.offsetWidth > list.scrollLeft + list.clientWidth) list.scrollLeft = Math.max(0, left - 16);
  }, [id, section]);
  const r = sandbox.arm.get(id);
  if (!r) {
    return (
      <p role="status">
        <s>{id.split('/').pop()}</s> — {t.removed}
      </p>
    );
  }
  const sections = sectionsFor(r, { r, t, sandbox, go, fresh: changeTracker(store, sandbox).latestIds() });
  const current = sections.find((s) => s.key === section) ?? sections[0]!;
  const typeName = t.resourceTypes[r.type.toLowerCase()] ?? r.type;
  return (
    <div class="blade">
      <header class="blade-header">
        <h3 class="portal-h">
          <MiddleText value={r.name} />
        </h3>
        <span class="copy-always">
          <CopyButton value={r.name} label={p.copy} copied={p.copied} />
        </span>
        <p class="muted small">{typeName}</p>
      </header>
      <div class="blade-body">
        <nav class="blade-menu" aria-label={`${r.name}: ${typeName}`}>
          <ul ref={menu}>
            {sections.map((s) => (
              <li key={s.key}>
                <button
                  type="button"
                  class="blade-menu-item"
                  aria-current={s.key === current.key ? 'page' : undefined}
                  onClick={() => go(['resource', r.id, s.key])}
                >
                  {s.label}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <section class="blade-content" aria-label={current.label}>
          <h4 class="blade-section-title">{current.label}</h4>
          {current.render()}
        </section>
      </div>
    </div>
  );
}
