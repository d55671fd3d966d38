#!/usr/bin/env node
// Regenerates the pictures of the site from the built site (run after `npm run build`; needs Chromium):
// - docs/screenshots/lesson1-<width>-<theme>.png: lesson 1 with the lab started and its Service
//   applied, at 390 (phone), 1024 (the sheet below the text) and 1440 px (docked), light and dark;
// - docs/screenshot.png (README) and public/og.png (Open Graph card).
// Not part of the tests. Look at the pictures after running it.
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../test/support/chromium.ts';
import { startStaticServer } from '../test/support/static-server.ts';

const LESSON = '/en/lessons/where-does-external-ip-come-from/';
const SHOTS = [
  { width: 390, height: 844, phone: true, pane: 'Terminal' },
  { width: 1024, height: 768, pane: 'Terminal' },
  { width: 1440, height: 900, pane: 'Portal' },
];

const { url, server } = await startStaticServer('dist');
const browser = await chromium.launch({ executablePath: findChromium() ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
mkdirSync('docs/screenshots', { recursive: true });

/** Lesson 1 with its lab started, the Service applied and its Public IP provisioned. */
async function labAfterApply(page, pane) {
  await page.goto(`${url}${LESSON}`);
  await page.getByRole('button', { name: 'Start lab' }).click();
  await page.locator('.lab-started .xterm-rows').waitFor({ timeout: 180_000 });
  await page.getByRole('radio', { name: 'Skip waits' }).check();
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.waitForFunction(() => /service\/redis-lb created/.test(document.querySelector('.xterm-rows')?.textContent ?? ''), undefined, { timeout: 60_000 });
  await page.waitForTimeout(1000);
  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.type('kubectl get svc -n qa');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /redis-lb\s+LoadBalancer/.test(document.querySelector('.xterm-rows')?.textContent ?? ''), undefined, { timeout: 60_000 });
  const tab = page.getByRole('tab', { name: new RegExp(`^${pane}`) });
  if (await tab.isVisible()) await tab.click();
  // The text column at the lab's section heading, as a learner working through it would see it.
  await page.evaluate(() => document.getElementById('try-it-yourself')?.scrollIntoView());
  await page.mouse.move(0, 0);
  await page.waitForTimeout(600);
}

for (const theme of ['light', 'dark']) {
  for (const shot of SHOTS) {
    const context = await browser.newContext({
      viewport: { width: shot.width, height: shot.height },
      deviceScaleFactor: 1,
      isMobile: !!shot.phone,
      hasTouch: !!shot.phone,
      colorScheme: theme,
    });
    const page = await context.newPage();
    await labAfterApply(page, shot.pane);
    const path = `docs/screenshots/lesson1-${shot.width}-${theme}.png`;
    await page.screenshot({ path });
    console.log(`wrote ${path}`);
    await context.close();
  }
}

// The README's picture: the docked lab beside the text, the new Public IP in the portal.
const readme = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
await labAfterApply(readme, 'Portal');
await readme.screenshot({ path: 'docs/screenshot.png' });

await readme.setViewportSize({ width: 1200, height: 630 });
await readme.setContent(`<!doctype html><html><body style="margin:0;width:1200px;height:630px;display:flex;flex-direction:column;justify-content:center;padding:0 80px;box-sizing:border-box;background:#0d1117;color:#e6edf3;font-family:system-ui,'Noto Sans CJK KR',sans-serif">
  <div style="font-size:34px;color:#6cb6ff;font-weight:700">External IP Lab</div>
  <div style="font-size:60px;font-weight:800;line-height:1.15;margin-top:18px">Where does EXTERNAL-IP come from on AKS?</div>
  <div style="font-size:30px;margin-top:24px;color:#9da7b3">Public IPs, the load balancer <code>kubernetes</code>, and the outbound IP nobody asked for — in a simulated cluster in your browser.</div>
</body></html>`);
await readme.screenshot({ path: 'public/og.png' });
await browser.close();
server.close();
console.log('wrote docs/screenshot.png and public/og.png');
