#!/usr/bin/env node
// Regenerates docs/screenshot.png (README) and public/og.png (Open Graph card) from the built site.
// Run after `npm run build`; needs Chromium. Not part of the tests.
import { chromium } from 'playwright-core';
import { startStaticServer } from '../test/support/static-server.ts';
import { CHROMIUM_ARGS, findChromium } from '../test/support/chromium.ts';

const { url, server } = await startStaticServer('dist');
const browser = await chromium.launch({
  executablePath: findChromium() ?? '/usr/bin/chromium',
  args: CHROMIUM_ARGS,
});
const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
await page.goto(`${url}/en/lessons/where-does-external-ip-come-from/`);
// The README shows the lab at work: a code block run in the terminal, the portal beside the text.
await page.locator('.run-block', { hasText: 'kubectl apply -f redis-lb.yaml' }).getByRole('button', { name: 'Run in terminal' }).click();
await page.locator('.xterm-rows').waitFor();
await page.getByRole('radio', { name: 'Skip waits' }).check();
await page.waitForTimeout(1500);
await page.getByRole('tab', { name: 'Portal' }).click();
await page.waitForTimeout(500);
await page.screenshot({ path: 'docs/screenshot.png' });

await page.setViewportSize({ width: 1200, height: 630 });
await page.setContent(`<!doctype html><html><body style="margin:0;width:1200px;height:630px;display:flex;flex-direction:column;justify-content:center;padding:0 80px;box-sizing:border-box;background:#0d1117;color:#e6edf3;font-family:system-ui,'Noto Sans CJK KR',sans-serif">
  <div style="font-size:34px;color:#6cb6ff;font-weight:700">External IP Lab</div>
  <div style="font-size:60px;font-weight:800;line-height:1.15;margin-top:18px">Where does EXTERNAL-IP come from on AKS?</div>
  <div style="font-size:30px;margin-top:24px;color:#9da7b3">Public IPs, the load balancer <code>kubernetes</code>, and the outbound IP nobody asked for — in a simulated cluster in your browser.</div>
</body></html>`);
await page.screenshot({ path: 'public/og.png' });
await browser.close();
server.close();
console.log('wrote docs/screenshot.png and public/og.png');
