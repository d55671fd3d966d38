// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';

export default defineConfig({
  site: 'https://external-ip-lab.example',
  trailingSlash: 'always',
  integrations: [mdx(), preact()],
  i18n: {
    locales: ['en', 'ko'],
    defaultLocale: 'en',
    routing: {
      // Both languages live under a prefix; `/` is our own page that picks one by the browser language.
      prefixDefaultLocale: true,
      redirectToDefaultLocale: false,
    },
  },
  markdown: {
    shikiConfig: {
      // Two themes switched by CSS variables, so code blocks follow the light/dark toggle without JS.
      themes: { light: 'github-light', dark: 'github-dark' },
      defaultColor: false,
    },
  },
  build: {
    format: 'directory',
  },
  devToolbar: { enabled: false },
});
