/** Code blocks with fewer elements and the same text and colours (build/shiki-compact-tokens.mjs). */
import type { Element, ElementContent, Root } from 'hast';
import { codeToHast, type ShikiTransformer } from 'shiki';
import { describe, expect, it } from 'vitest';
import { compactTokens } from '../../../build/shiki-compact-tokens.mjs';
import { TOKEN_CLASSES, tokenClasses } from '../../../build/shiki-token-classes.mjs';

const YAML = `apiVersion: v1
kind: Service
metadata:
  name: web
  annotations:
    service.beta.kubernetes.io/azure-dns-label-name: "shop-demo"   # a comment
spec:
  type: LoadBalancer
  ports:
    - port: 80
      targetPort: 8080
`;
const SHELL = `kubectl get svc web -o jsonpath='{.status.loadBalancer.ingress[0].ip}'
az network public-ip list -g MC_rg_aks_eastus --query "[].{name:name, ip:ipAddress}" -o table`;
const TEXT = `NAME   TYPE           CLUSTER-IP    EXTERNAL-IP     PORT(S)        AGE
web    LoadBalancer   10.0.12.197   20.185.78.214   80:31234/TCP   2m`;

async function render(code: string, lang: string, compact: boolean): Promise<Element> {
  const transformers: ShikiTransformer[] = [tokenClasses(), ...(compact ? [compactTokens()] : [])];
  const root = (await codeToHast(code, { lang, themes: { light: 'github-light', dark: 'github-dark' }, defaultColor: false, transformers })) as Root;
  return root.children.find((c): c is Element => c.type === 'element' && c.tagName === 'pre')!;
}

const classesOf = (node: Element): string[] => {
  const value = node.properties.class ?? node.properties.className;
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/) : [];
};
const pairByClass = Object.fromEntries(Object.entries(TOKEN_CLASSES).map(([style, cls]) => [cls, style.toLowerCase()]));
const pairOfStyle = (style: unknown) => {
  const light = /--shiki-light:\s*(#[0-9a-f]+)/i.exec(String(style ?? ''))?.[1];
  const dark = /--shiki-dark:\s*(#[0-9a-f]+)/i.exec(String(style ?? ''))?.[1];
  return light && dark ? `--shiki-light:${light};--shiki-dark:${dark}`.toLowerCase() : undefined;
};

/** Every character of the block with the colour pair it is drawn in (what the stylesheet resolves). */
function colouredText(pre: Element): string[] {
  const out: string[] = [];
  const walk = (node: ElementContent, pair: string) => {
    if (node.type === 'text') for (const ch of node.value) out.push(`${ch}:${pair}`);
    else if (node.type === 'element') {
      const cls = classesOf(node).find((c) => pairByClass[c]);
      const own = (cls && pairByClass[cls]) ?? pairOfStyle(node.properties.style) ?? pair;
      for (const c of node.children) walk(c, own);
    }
  };
  for (const c of pre.children) walk(c, pairOfStyle(pre.properties.style)!);
  return out;
}

const count = (node: ElementContent | Element): number => (node.type === 'element' ? 1 + node.children.reduce((n, c) => n + count(c), 0) : 0);
const hasLineSpan = (node: ElementContent | Element): boolean =>
  node.type === 'element' && (classesOf(node).includes('line') || node.children.some(hasLineSpan));

describe('compact code blocks', () => {
  it.each([
    ['yaml', YAML, 0.5],
    ['sh', SHELL, 0.75],
    ['text', TEXT, 0.5],
  ])('%s: the same characters in the same colours, with far fewer elements', async (lang, code, ratio) => {
    const [before, after] = await Promise.all([render(code, lang, false), render(code, lang, true)]);
    expect(colouredText(after)).toEqual(colouredText(before));
    expect(
      colouredText(after)
        .map((c) => c[0])
        .join(''),
    ).toBe(code);
    expect(hasLineSpan(before)).toBe(true);
    expect(hasLineSpan(after)).toBe(false);
    expect(count(after)).toBeLessThanOrEqual(count(before) * ratio);
  });

  it('plain output keeps no spans at all', async () => {
    expect(count(await render(TEXT, 'text', true))).toBe(2); // <pre><code>
  });

  it('keeps a colour it has no class for as the inline style Shiki gave it', async () => {
    const pre = await render(YAML, 'yaml', true);
    const styled = await render(YAML, 'yaml', false);
    const styles = (p: Element) => JSON.stringify(p).match(/--shiki-light:#[0-9A-Fa-f]+;--shiki-dark:#[0-9A-Fa-f]+(?=")/g) ?? [];
    expect(new Set(styles(pre))).toEqual(new Set(styles(styled)));
  });
});
