import type { ComponentChildren } from 'preact';
import type { ConsoleUi } from './types';

export interface NavItem {
  label: string;
  path: string[];
  /** A heading over the items that follow (the consoles group their menus). */
  group?: string;
}

/** Key–value facts, as the consoles' Details panels show them (the Azure blades' `portal-facts` style). */
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

/**
 * A provider console's frame: the breadcrumb trail (as the Azure portal's, so the pane works the
 * same), a navigation menu of the pages this console has (a strip in a narrow pane), and the page.
 */
export function Frame({
  ui,
  brand,
  navLabel,
  nav,
  current,
  crumbs,
  go,
  children,
}: {
  ui: ConsoleUi;
  brand: string;
  navLabel: string;
  nav: NavItem[];
  /** The nav item whose page (or one of its details) is shown. */
  current: string;
  crumbs: { label: string; path?: string[] }[];
  go(path: string[]): void;
  children: ComponentChildren;
}) {
  const { NameButton, MiddleText } = ui;
  return (
    <div class="portal cloud-console">
      <div class="portal-top">
        <nav aria-label="Breadcrumb" class="breadcrumbs">
          <ol>
            <li>
              <span class="console-brand">{brand}</span>
            </li>
            {crumbs.map((c, i) => (
              <li key={i}>
                {i === crumbs.length - 1 || !c.path ? (
                  <span aria-current={i === crumbs.length - 1 ? 'location' : undefined}>
                    <MiddleText value={c.label} />
                  </span>
                ) : (
                  <NameButton value={c.label} onClick={() => go(c.path!)} />
                )}
              </li>
            ))}
          </ol>
        </nav>
      </div>
      <div class="blade-body console-body">
        <nav class="blade-menu console-menu" aria-label={navLabel}>
          <ul>
            {nav.map((item) => (
              <li key={item.label}>
                {item.group && <span class="console-menu-group">{item.group}</span>}
                <button type="button" class="blade-menu-item" aria-current={item.label === current ? 'page' : undefined} onClick={() => go(item.path)}>
                  {item.label}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <div class="blade-content">{children}</div>
      </div>
    </div>
  );
}
