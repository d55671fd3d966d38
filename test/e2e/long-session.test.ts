/**
 * Undo past the undo window: older commands live in a compacted checkpoint (reads dropped), yet the
 * rebuilt lab has the same world and the exercises still see every command the learner ran.
 */

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage } from './browser';
import { runInTerminal, startLab, waitForTerminal } from './lab-helpers';

const LESSON = '/en/lessons/where-does-external-ip-come-from/';
const NODE_RG = 'MC_myResourceGroup_myAKSCluster_eastus';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('a lab with more commands than Undo keeps one by one', () => {
  it('Undo rebuilds from the checkpoint: the Service is still there and solved exercises stay solved', async () => {
    const { page, context, errors } = await openPage(browser, LESSON, { viewport: { width: 1440, height: 900 } });
    await startLab(page);
    await page.getByRole('radio', { name: 'Skip waits' }).check();
    await runInTerminal(page, 'kubectl apply -f redis-lb.yaml');
    await runInTerminal(page, `az network public-ip list -g ${NODE_RG} -o table`);
    await page.getByRole('tab', { name: 'Exercises' }).click();
    const counted = page.locator('.exercise', { has: page.getByRole('heading', { name: /Count the Public IPs/ }) });
    // Running the command is not enough: the count and the reason are answered in the card.
    await expect.poll(() => counted.getAttribute('class')).toContain('exercise-open');
    await counted.getByRole('textbox', { name: 'How many Public IPs are in the node resource group?' }).fill('2');
    await counted.getByRole('radio', { name: /One is redis-lb’s/ }).check();
    await expect.poll(() => counted.getAttribute('class')).toContain('exercise-done');

    // 60 more commands push both out of the 50-command undo window: the apply is frozen into the
    // checkpoint, the read-only az list is dropped from it.
    await page.locator('.xterm-helper-textarea').evaluate(
      (el, text) => {
        const clipboardData = new DataTransfer();
        clipboardData.setData('text/plain', text);
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
      },
      Array.from({ length: 60 }, (_, i) => `echo filler-${i}`).join('\n') + '\n',
    );
    await waitForTerminal(page, /^filler-59$/m);

    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Redo' }).isEnabled(), { timeout: 15_000 }).toBe(true);
    await page.getByRole('tab', { name: 'Exercises' }).click();
    await expect.poll(() => counted.getAttribute('class')).toContain('exercise-done');
    await runInTerminal(page, 'kubectl get svc redis-lb -n qa');
    await waitForTerminal(page, /redis-lb\s+LoadBalancer\s+\S+\s+\d+\.\d+\.\d+\.\d+/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
