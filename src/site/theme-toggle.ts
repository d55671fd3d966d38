import { effectiveTheme, storeTheme } from './theme';

/** The header's theme button: reports the theme in effect and switches it (stored for next time). */
export function mountThemeToggles(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('.theme-toggle')) {
    const sync = () => {
      const dark = effectiveTheme() === 'dark';
      button.setAttribute('aria-pressed', String(dark));
      button.title = (dark ? button.dataset.labelLight : button.dataset.labelDark) ?? '';
    };
    sync();
    button.addEventListener('click', () => {
      const next = effectiveTheme() === 'dark' ? 'light' : 'dark';
      document.documentElement.setAttribute('data-theme', next);
      storeTheme(next);
      sync();
    });
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', sync);
  }
}
