import { siteStorage } from './storage';

export type Theme = 'light' | 'dark';

const KEY = 'eil:theme';

/** The theme in force: the stored choice if any, else the system preference. */
export function effectiveTheme(): Theme {
  const attr = document.documentElement.getAttribute('data-theme');
  if (attr === 'dark' || attr === 'light') return attr;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function storeTheme(theme: Theme): void {
  try {
    siteStorage().setItem(KEY, theme);
  } catch {
    // Storage disabled or full (the page's notice says so): the choice holds for this page only.
  }
}
