/**
 * The sandbox page on other clouds (issue 17): `?cloud=eks|gke|metallb|k3s` builds that cluster,
 * and after Apply (waits skipped) the portal pane's console lists what the provider made: the AWS
 * console's load balancers, target groups and security groups, the Google Cloud console's load
 * balancer and firewall rules, MetalLB's pool and IPs, k3s' svclb pods. Checked from outside: roles,
 * accessible names, text; axe finds nothing serious in any console.
 */

import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { axeViolations, launch, openPage, serious } from './browser';
import { setEditorText, waitForTerminal } from './lab-helpers';

vi.setConfig({ testTimeout: 150_000 });

const WIDE = { viewport: { width: 1440, height: 900 } };

let browser: Awaited<ReturnType<typeof launch>>;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

// Flow style keeps each manifest a few lines long: the paste helper compares the editor's visible lines.
const SERVICE = (name: string, annotation = '') => `apiVersion: v1
kind: Service
metadata: {name: ${name}${annotation ? `, annotations: {${annotation}}` : ''}}
spec: {type: LoadBalancer, ports: [{port: 80, targetPort: 8080}], selector: {app: web}}`;

const METALLB_POOL = `apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata: {name: lan, namespace: metallb-system}
spec: {addresses: [192.168.1.240-192.168.1.250]}
---
apiVersion: metallb.io/v1beta1
kind: L2Advertisement
metadata: {name: l2, namespace: metallb-system}`;

const T = {
  en: { start: 'Start lab', skip: 'Skip waits', apply: 'Apply', portalTab: 'Portal', region: 'Portal' },
  ko: { start: '실습 시작', skip: '대기 건너뛰기', apply: '적용', portalTab: '포털', region: '포털' },
};

/** Opens the sandbox on `cloud`, applies `yaml` with waits skipped, and returns the console region. */
async function appliedOn(page: Page, cloud: string, yaml: string, created: RegExp, lang: 'en' | 'ko' = 'en'): Promise<Locator> {
  const t = T[lang];
  await page.getByRole('button', { name: t.start }).click();
  await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 60_000 });
  await page.locator('.xterm-rows').waitFor({ timeout: 30_000 });
  await page.getByRole('radio', { name: t.skip }).check();
  await setEditorText(page, yaml);
  await page.getByRole('button', { name: t.apply, exact: true }).click();
  await waitForTerminal(page, created, 30_000);
  await page.getByRole('tab', { name: t.portalTab }).click();
  const region = page.getByRole('region', { name: t.region, exact: true });
  await region.waitFor();
  expect(await page.getByRole('region', { name: 'Azure portal' }).count(), `${cloud}: no Azure portal`).toBe(0);
  return region;
}

async function noSeriousViolations(page: Page, what: string): Promise<void> {
  const found = serious(await axeViolations(page));
  expect(found, `${what}: ${JSON.stringify(found, null, 2)}`).toEqual([]);
}

/**
 * "Skip waits" settles on the lab's next ticks, in slices that give the browser turns, so right
 * after `created` the console may still show the step before (`<pending>`): reads of the end state poll.
 */
const SETTLED = { timeout: 20_000 };

/** The rows of the table a caption names, as text. */
async function rows(region: Locator, caption: string): Promise<string[]> {
  const table = region.getByRole('table', { name: caption });
  await table.waitFor();
  return table.locator('tbody tr').allInnerTexts();
}

describe('sandbox page: provider option', () => {
  it('?cloud=eks selects Amazon EKS, hides the AKS-only settings, and the select writes the URL', async () => {
    const { page, context, errors } = await openPage(browser, '/en/sandbox/?cloud=eks&outboundType=managedNATGateway', WIDE);
    const provider = page.getByRole('combobox', { name: 'Provider' });
    expect(await provider.inputValue()).toBe('eks');
    expect(await page.getByRole('combobox', { name: 'Outbound type' }).isVisible()).toBe(false);
    expect(await page.getByRole('combobox', { name: 'Kubernetes version' }).isVisible()).toBe(true);
    await expect.poll(() => new URL(page.url()).search).toBe('?cloud=eks&k8s=1.33&nodes=3');
    await provider.selectOption('aks');
    expect(await page.getByRole('combobox', { name: 'Outbound type' }).isVisible()).toBe(true);
    await expect.poll(() => new URL(page.url()).search).toBe('?outboundType=loadBalancer&outboundIPs=1&k8s=1.33&nodes=3&plugin=azure');
    await provider.selectOption('gke');
    await expect.poll(() => new URL(page.url()).search).toBe('?cloud=gke&k8s=1.33&nodes=3');
    await noSeriousViolations(page, 'sandbox options');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('Korean labels: 공급자', async () => {
    const { page, context } = await openPage(browser, '/ko/sandbox/?cloud=k3s', WIDE);
    expect(await page.getByRole('combobox', { name: '공급자' }).inputValue()).toBe('k3s');
    await context.close();
  });
});

describe('consoles after Apply', () => {
  it('EKS: the AWS console lists the Classic and the Network Load Balancer, the target group and its targets, the security groups', async () => {
    const { page, context, errors } = await openPage(browser, '/en/sandbox/?cloud=eks', WIDE);
    const yaml = `${SERVICE('web')}\n---\n${SERVICE('web-nlb', 'service.beta.kubernetes.io/aws-load-balancer-type: nlb')}`;
    const aws = await appliedOn(page, 'eks', yaml, /service\/web-nlb created/);
    expect(await aws.getByRole('navigation', { name: 'Breadcrumb' }).innerText()).toMatch(/AWS console[\s\S]*EC2[\s\S]*Load balancers/);
    await expect.poll(() => rows(aws, 'Load balancers'), SETTLED).toHaveLength(2);
    const lbs = await rows(aws, 'Load balancers');
    expect(lbs.join('\n')).toMatch(/\.elb\.amazonaws\.com/);
    expect(lbs.some((r) => /\bclassic\b/.test(r))).toBe(true);
    expect(lbs.some((r) => /\bnetwork\b/.test(r) && /Provisioning|Active/.test(r))).toBe(true);
    await noSeriousViolations(page, 'AWS load balancers');

    // A Network Load Balancer's details: its listener forwards to its target group.
    const nav = aws.getByRole('navigation', { name: 'EC2 navigation' });
    const nlbRow = aws.getByRole('table', { name: 'Load balancers' }).locator('tbody tr', { hasText: 'network' });
    await nlbRow.getByRole('button').first().click();
    const listeners = await rows(aws, 'Listeners');
    expect(listeners).toEqual([expect.stringMatching(/TCP:80[\s\S]*Forward to target group k8s-default-webnlb-/)]);
    await aws.getByRole('button', { name: /^Forward to target group/ }).click();
    const targets = await rows(aws, 'Registered targets');
    expect(targets.length).toBeGreaterThan(0);
    expect(targets[0]).toMatch(/i-0[0-9a-f]+[\s\S]*(Initial|Healthy)/);
    await noSeriousViolations(page, 'AWS target group');

    await nav.getByRole('button', { name: 'Target groups' }).click();
    expect(await rows(aws, 'Target groups')).toEqual([expect.stringMatching(/^k8s-default-webnlb-/)]);
    await nav.getByRole('button', { name: 'Security groups' }).click();
    const sgs = await rows(aws, 'Security groups');
    const elb = sgs.find((r) => r.includes('k8s-elb-a'));
    expect(elb).toBeTruthy();
    await aws.getByRole('table', { name: 'Security groups' }).locator('tbody tr', { hasText: 'k8s-elb-a' }).getByRole('button').first().click();
    const rules = await rows(aws, 'Inbound rules');
    expect(rules.some((r) => /Custom TCP[\s\S]*TCP[\s\S]*80[\s\S]*0\.0\.0\.0\/0/.test(r))).toBe(true);
    expect(rules.some((r) => /Custom ICMP - IPv4/.test(r))).toBe(true);
    // The pane is keyboard-driven like the Azure portal: the menu's buttons take focus and Enter.
    await nav.getByRole('button', { name: 'Load balancers' }).focus();
    await page.keyboard.press('Enter');
    await aws.getByRole('table', { name: 'Load balancers' }).waitFor();
    expect(await nav.getByRole('button', { name: 'Load balancers' }).getAttribute('aria-current')).toBe('page');
    await noSeriousViolations(page, 'AWS security groups');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('GKE: the Google Cloud console lists the load balancer with its frontend IP and the k8s-fw firewall rule', async () => {
    const { page, context, errors } = await openPage(browser, '/en/sandbox/?cloud=gke', WIDE);
    const gcp = await appliedOn(page, 'gke', SERVICE('web'), /service\/web created/);
    await expect
      .poll(() => rows(gcp, 'Load balancing'), SETTLED)
      .toEqual([expect.stringMatching(/^a[0-9a-f]{31}[\s\S]*Network \(target pool-based\)[\s\S]*External[\s\S]*TCP[\s\S]*us-central1[\s\S]*1 target pool/)]);
    await noSeriousViolations(page, 'GCP load balancing');
    await gcp.getByRole('table', { name: 'Load balancing' }).getByRole('button').first().click();
    expect(await rows(gcp, 'Frontend')).toEqual([expect.stringMatching(/\b34\.\d+\.\d+\.\d+:80-80[\s\S]*Premium/)]);
    await gcp.getByRole('navigation', { name: 'Google Cloud navigation' }).getByRole('button', { name: 'Firewall' }).click();
    const fws = await rows(gcp, 'Firewall rules');
    expect(
      fws.some((r) => /^k8s-fw-a[0-9a-f]{31}[\s\S]*Ingress[\s\S]*gke-cluster-1-[\s\S]*IP ranges: 0\.0\.0\.0\/0[\s\S]*tcp:80[\s\S]*Allow[\s\S]*1000/.test(r)),
    ).toBe(true);
    expect(fws.some((r) => /-node-http-hc[\s\S]*130\.211\.0\.0\/22/.test(r))).toBe(true);
    await noSeriousViolations(page, 'GCP firewall');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('GKE (Korean page): an internal Service is listed with access type 내부, its subnet frontend and instance groups', async () => {
    const { page, context, errors } = await openPage(browser, '/ko/sandbox/?cloud=gke', WIDE);
    const gcp = await appliedOn(page, 'gke', SERVICE('web', 'networking.gke.io/load-balancer-type: Internal'), /service\/web created/, 'ko');
    await expect
      .poll(() => rows(gcp, '부하 분산'), SETTLED)
      .toEqual([expect.stringMatching(/^a[0-9a-f]{31}[\s\S]*네트워크\(백엔드 서비스 기반\)[\s\S]*내부[\s\S]*TCP[\s\S]*us-central1[\s\S]*인스턴스 그룹 3개/)]);
    await gcp.getByRole('table', { name: '부하 분산' }).getByRole('button').first().click();
    expect(await rows(gcp, '프런트엔드')).toEqual([expect.stringMatching(/\b10\.128\.\d+\.\d+:80[\s\S]*default/)]);
    expect(await rows(gcp, '인스턴스 그룹')).toHaveLength(3);
    await noSeriousViolations(page, 'GCP internal load balancer');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('MetalLB: no cloud console; the pool, the IP the Service got and the announcing node', async () => {
    const { page, context, errors } = await openPage(browser, '/en/sandbox/?cloud=metallb', WIDE);
    const view = await appliedOn(page, 'metallb', `${METALLB_POOL}\n---\n${SERVICE('web')}`, /service\/web created/);
    await view.getByRole('heading', { name: 'No cloud console' }).waitFor();
    await expect
      .poll(() => rows(view, 'IP address pools'), SETTLED)
      .toEqual([expect.stringMatching(/^lan[\s\S]*192\.168\.1\.240-192\.168\.1\.250[\s\S]*Yes[\s\S]*Yes/)]);
    await expect
      .poll(() => rows(view, 'Services and their IPs'), SETTLED)
      .toEqual([expect.stringMatching(/default\/web[\s\S]*80\/TCP[\s\S]*192\.168\.1\.240[\s\S]*lan[\s\S]*\S/)]);
    await noSeriousViolations(page, 'MetalLB view');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('k3s (Korean page): no cloud console; the svclb DaemonSet, its pods on every node and the node IPs as EXTERNAL-IP', async () => {
    const { page, context, errors } = await openPage(browser, '/ko/sandbox/?cloud=k3s', WIDE);
    const view = await appliedOn(page, 'k3s', SERVICE('web'), /service\/web created/, 'ko');
    await view.getByRole('heading', { name: '클라우드 콘솔 없음' }).waitFor();
    await expect.poll(() => rows(view, 'svclb DaemonSet'), SETTLED).toEqual([expect.stringMatching(/^svclb-web-[0-9a-f]{8}[\s\S]*default\/web/)]);
    await expect.poll(async () => (await rows(view, 'svclb 파드')).filter((p) => /Running/.test(p)), SETTLED).toHaveLength(3);
    const pods = await rows(view, 'svclb 파드');
    expect(pods).toHaveLength(3);
    for (const p of pods) expect(p).toMatch(/svclb-web-[\s\S]*\d+\.\d+\.\d+\.\d+[\s\S]*80\/TCP[\s\S]*Running/);
    await expect
      .poll(() => rows(view, 'LoadBalancer 서비스'), SETTLED)
      .toEqual([expect.stringMatching(/default\/web[\s\S]*\d+\.\d+\.\d+\.\d+,\d+\.\d+\.\d+\.\d+/)]);
    await noSeriousViolations(page, 'k3s view');
    expect(errors).toEqual([]);
    await context.close();
  });
});
