/** `kubectl annotate … KEY-` removes a prefixed annotation key (keys like service.beta.kubernetes.io/x contain '/'). */
import { describe, expect, it } from 'vitest';
import { sandbox, WEB_LB } from './harness';

describe('kubectl annotate / label KEY-', () => {
  it('removes a prefixed annotation and a prefixed label', async () => {
    const sb = sandbox();
    await sb.exec('kubectl apply -f -', { stdin: WEB_LB });
    await sb.exec('kubectl annotate svc web service.beta.kubernetes.io/azure-dns-label-name=myapp');
    expect(await sb.exec('kubectl annotate svc web service.beta.kubernetes.io/azure-dns-label-name-')).toEqual({
      stdout: 'service/web annotated\n',
      stderr: '',
      exitCode: 0,
    });
    expect((await sb.exec("kubectl get svc web -o jsonpath='{.metadata.annotations}'")).stdout).not.toContain('azure-dns-label-name');
    await sb.exec('kubectl label svc web example.com/tier=front');
    expect((await sb.exec('kubectl label svc/web example.com/tier-')).exitCode).toBe(0);
    expect((await sb.exec('kubectl get svc web --show-labels --no-headers')).stdout).not.toContain('example.com/tier');
  });
});
