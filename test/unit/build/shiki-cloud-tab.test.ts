/** The `cloud=` fence word becomes `data-cloud` on the rendered <pre> (build/shiki-cloud-tab.mjs). */
import { codeToHtml } from 'shiki';
import { describe, expect, it } from 'vitest';
import { cloudTab } from '../../../build/shiki-cloud-tab.mjs';

const render = (meta: string) => codeToHtml('kubectl get svc web', { lang: 'sh', theme: 'github-light', meta: { __raw: meta }, transformers: [cloudTab()] });

describe('cloud tab transformer', () => {
  it('copies cloud=<name> onto the <pre>, next to other words', async () => {
    expect(await render('cloud=eks')).toMatch(/^<pre [^>]*data-cloud="eks"/);
    expect(await render('wait=settle cloud=k3s')).toMatch(/^<pre [^>]*data-cloud="k3s"/);
  });

  it('leaves blocks without it alone', async () => {
    expect(await render('')).not.toContain('data-cloud');
    expect(await render('excerpt')).not.toContain('data-cloud');
  });

  it('refuses a cloud the lab has no tab for, so a typo fails the build', async () => {
    await expect(render('cloud=aws')).rejects.toThrow('code block meta "cloud=aws": use one of aks, eks, gke, metallb, k3s');
  });
});
