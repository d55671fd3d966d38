// Astro's own console logger, minus the build and dev messages we have looked at and know do not
// apply here, so a newcomer's log shows only what needs attention (ux-audit S5). Every drop has
// its reason; anything else, including other warnings from the same sources, passes through.
import nodeLogger from 'astro/logger/node';

/** @type {{ test: (event: { label?: string | null; message: string }) => boolean; why: string }[]} */
export const KNOWN_HARMLESS = [
  {
    test: (e) => e.label === 'config' && e.message.startsWith('Shiki syntax highlighting uses inline styles'),
    why: "Astro says this whenever CSP is on and Shiki is used. Our policy allows inline style attributes ('unsafe-inline' in style-src, build/csp.mjs: Monaco and xterm need them too), so code blocks render as they should.",
  },
];

/** @param {{ level?: import('astro').AstroIntegrationLogger['options']['level'] }} [config] */
export default function quietLogger(config = {}) {
  const inner = nodeLogger(config);
  return {
    /** @param {{ label?: string | null; message: string; level: string; newLine: boolean }} event */
    write(event) {
      if (KNOWN_HARMLESS.some((k) => k.test(event))) return;
      inner.write(event);
    },
  };
}
