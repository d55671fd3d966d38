/**
 * The header's menu works without this; it adds what a menu button is expected to do: report its
 * state, close on Escape (focus back on the button) and on a tap or click elsewhere.
 */
export function mountNavMenus(): void {
  for (const menu of document.querySelectorAll<HTMLDetailsElement>('details.nav-menu')) {
    const button = menu.querySelector('summary')!;
    const sync = () => button.setAttribute('aria-expanded', String(menu.open));
    menu.addEventListener('toggle', sync);
    menu.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape' || !menu.open) return;
      menu.open = false;
      button.focus();
    });
    document.addEventListener('click', (e) => {
      if (menu.open && !menu.contains(e.target as Node)) menu.open = false;
    });
  }
}
