import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_OPTIONS } from '../../../src/lab/sandbox-options';
import { decodeLab, encodeLab, LIMITS, type SharedLab } from '../../../src/learn/share/codec';

const lab: SharedLab = {
  v: 1,
  lab: 'where-does-external-ip-come-from',
  options: { ...DEFAULT_PAGE_OPTIONS, managedOutboundIPCount: 2 },
  log: [
    { t: 0, line: 'kubectl apply -f -', stdin: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: qa\n' },
    { t: 4500, line: 'kubectl get svc -A' },
  ],
};

async function deflate(text: string): Promise<string> {
  const stream = new Blob([new TextEncoder().encode(text)]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

describe('share links', () => {
  it('round-trip a lab exactly', async () => {
    const encoded = await encodeLab(lab);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await decodeLab(encoded)).toEqual({ ok: true, lab });
  });

  it('refuse a truncated link', async () => {
    const encoded = await encodeLab(lab);
    const r = await decodeLab(encoded.slice(0, Math.floor(encoded.length / 2)));
    expect(r.ok).toBe(false);
  });

  it('refuse a tampered link (not base64url, wrong JSON, bad shapes)', async () => {
    expect(await decodeLab('abc$%^')).toEqual({ ok: false, error: 'The shared lab link is damaged (it is not valid base64url).' });
    expect((await decodeLab(await deflate('not json'))).ok).toBe(false);
    expect(await decodeLab(await deflate(JSON.stringify({ ...lab, v: 2 })))).toEqual({ ok: false, error: 'The shared lab link is from an unknown version.' });
    expect((await decodeLab(await deflate(JSON.stringify({ ...lab, lab: '../../etc' })))).ok).toBe(false);
    expect((await decodeLab(await deflate(JSON.stringify({ ...lab, log: [{ t: -1, line: 'x' }] })))).ok).toBe(false);
    expect(
      (
        await decodeLab(
          await deflate(
            JSON.stringify({
              ...lab,
              log: [
                { t: 5, line: 'a' },
                { t: 1, line: 'b' },
              ],
            }),
          ),
        )
      ).ok,
    ).toBe(false);
    expect((await decodeLab(await deflate(JSON.stringify({ ...lab, log: [{ t: 0, line: 42 }] })))).ok).toBe(false);
  });

  it('clamp options from a link to allowed values', async () => {
    const hostile = {
      ...lab,
      options: { outboundType: '<img src=x onerror=alert(1)>', managedOutboundIPCount: 1e9, nodeCount: 3, kubernetesVersion: '1.28', networkPlugin: 'kubenet' },
    };
    const r = await decodeLab(await deflate(JSON.stringify(hostile)));
    expect(r.ok && r.lab.options).toEqual({ ...DEFAULT_PAGE_OPTIONS, kubernetesVersion: '1.28', networkPlugin: 'kubenet' });
  });

  it('refuse oversized links, before and after decompression', async () => {
    expect(await decodeLab('A'.repeat(LIMITS.encoded + 1))).toEqual({ ok: false, error: 'The shared lab is too large to open.' });
    // A small link that inflates past the cap (a compression bomb) is refused, not expanded.
    const bomb = await deflate(JSON.stringify({ ...lab, log: [{ t: 0, line: 'echo', stdin: 'x'.repeat(LIMITS.decoded * 2) }] }));
    expect(bomb.length).toBeLessThan(LIMITS.encoded);
    expect(await decodeLab(bomb)).toEqual({ ok: false, error: 'The shared lab link is damaged or too large (it does not decompress).' });
    const many = await deflate(JSON.stringify({ ...lab, log: Array.from({ length: LIMITS.entries + 1 }, () => ({ t: 0, line: 'x' })) }));
    expect(await decodeLab(many)).toEqual({ ok: false, error: 'The shared lab has too many commands.' });
  });
});
