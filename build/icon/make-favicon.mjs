/**
 * Writes public/favicon.png from build/icon/favicon.svg, drawn by Chromium. Run by hand after
 * changing the SVG: `node build/icon/make-favicon.mjs`.
 *
 * Why a PNG and not the SVG itself: Chrome draws an SVG favicon in the page's own renderer, as a
 * small document of its own (a window, a parser, a layout): 10–30 ms of a lesson's main thread
 * after its first paint on this machine, more on a busy one (issue 18). A PNG is only decoded.
 */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../test/support/chromium.ts';

const SIZE = 64;
const svg = readFileSync(new URL('favicon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${SIZE}px;height:${SIZE}px}</style>${svg}`);
  await page.screenshot({ path: new URL('../../public/favicon.png', import.meta.url).pathname, omitBackground: true });
} finally {
  await browser.close();
}
