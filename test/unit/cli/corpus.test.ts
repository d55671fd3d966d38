import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandbox } from './harness';

// The shared corpus of real-world manifests: every one must go through `kubectl apply -f -`
// without the CLI throwing, with one output line or error per object.
const dir = join(__dirname, '../../../../shared/corpus/manifests');
const files = existsSync(dir)
  ? readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
  : [];

describe.skipIf(!files.length)('shared manifest corpus through kubectl apply', () => {
  it.each(files)('%s', async (f) => {
    const sb = sandbox();
    await sb.exec('kubectl create namespace qa');
    const r = await sb.exec('kubectl apply -f -', { stdin: readFileSync(join(dir, f), 'utf8') });
    expect(r.exitCode === 0 || r.exitCode === 1).toBe(true);
    expect(r.stdout + r.stderr).not.toMatch(/TypeError|undefined is not|Cannot read prop/);
    if (r.exitCode === 0) expect(r.stdout).toMatch(/ (created|configured|unchanged)\n$/);
    await sb.settle();
    const get = await sb.exec('kubectl get all -A');
    expect(get.exitCode).toBe(0);
  });
});
