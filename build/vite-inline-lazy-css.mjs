// Astro drops CSS that is reachable only through a client-side dynamic import() (the lab's Monaco,
// xterm and own styles), so the production editor would render unstyled. This plugin rewrites those
// side-effect `.css` imports into `?inline` strings that are injected as <style> when the chunk runs.
const VIRTUAL = 'virtual:eil-inject-style';
const RESOLVED = '\0' + VIRTUAL;

/** @param {(id: string) => boolean} appliesTo which importers to rewrite */
export function inlineLazyCss(appliesTo) {
  return {
    name: 'eil-inline-lazy-css',
    enforce: 'pre',
    resolveId(id) {
      return id === VIRTUAL ? RESOLVED : null;
    },
    load(id) {
      if (id !== RESOLVED) return null;
      return `const seen = new Set();
export function injectStyle(css) {
  if (typeof document === 'undefined' || seen.has(css)) return;
  seen.add(css);
  const style = document.createElement('style');
  style.dataset.lab = '';
  style.textContent = css;
  document.head.append(style);
}`;
    },
    transform(code, id, options) {
      const ssr = options?.ssr || this.environment?.name === 'ssr';
      if (ssr || !/\.(m?[jt]sx?)$/.test(id.split('?')[0]) || !appliesTo(id)) return null;
      let n = 0;
      const out = code.replace(/^\s*import\s+(['"])([^'"]+\.css)\1\s*;?/gm, (_m, _q, spec) => {
        const name = `__eil_css_${n++}`;
        return `import ${name} from ${JSON.stringify(spec + '?inline')}; __eilInjectStyle(${name});`;
      });
      if (n === 0) return null;
      return { code: `import { injectStyle as __eilInjectStyle } from '${VIRTUAL}';\n${out}`, map: null };
    },
  };
}
