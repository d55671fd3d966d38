/** The two dev-server plugins behind the first `npm run dev` lab start (docs/performance.md). */
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { noStartupReload } from '../../../build/vite-no-startup-reload.mjs';
import { warmLabAfterFirstPage } from '../../../build/vite-warm-lab.mjs';

type Middleware = (req: unknown, res: EventEmitter & { getHeader(name: string): unknown }, next: () => void) => void;

/** Just enough of a Vite dev server for the plugins' configureServer hooks. */
function fakeServer(root = '/project') {
  const sent: unknown[] = [];
  const warmed: string[] = [];
  const middlewares: Middleware[] = [];
  const server = {
    config: { root },
    httpServer: new EventEmitter(),
    environments: {
      client: {
        hot: { send: (...args: unknown[]) => void sent.push(args[0]) },
        warmupRequest: async (url: string) => void warmed.push(url),
      },
    },
    middlewares: { use: (m: Middleware) => void middlewares.push(m) },
  };
  return { server, sent, warmed, middlewares };
}

// biome-ignore lint/suspicious/noExplicitAny: the hook's Vite types are wider than the fake
const configure = (plugin: any, server: unknown) => plugin.configureServer(server);

describe('no start-up full reload', () => {
  it('drops a full reload asked for before the server listens, and nothing else', () => {
    const { server, sent } = fakeServer();
    configure(noStartupReload(), server);
    const hot = server.environments.client.hot;
    hot.send({ type: 'full-reload', path: '*' });
    hot.send({ type: 'custom', event: 'astro:content-changed' });
    expect(sent).toEqual([{ type: 'custom', event: 'astro:content-changed' }]);
    server.httpServer.emit('listening');
    hot.send({ type: 'full-reload', path: '*' });
    expect(sent).toEqual([
      { type: 'custom', event: 'astro:content-changed' },
      { type: 'full-reload', path: '*' },
    ]);
  });

  it('is for the dev server only', () => {
    expect(noStartupReload().apply).toBe('serve');
  });
});

describe('warm the lab after the first page', () => {
  let root = '';
  afterEach(() => root && rmSync(root, { recursive: true, force: true }));

  function project() {
    root = mkdtempSync(join(tmpdir(), 'eil-warm-'));
    for (const f of [
      'src/lab/boot.ts',
      'src/lab/LabApp.tsx',
      'src/lab/editor/workers/yaml.worker.ts',
      'src/sim/index.ts',
      'src/sim/types.d.ts',
      'src/site/page.ts',
    ]) {
      mkdirSync(join(root, f, '..'), { recursive: true });
      writeFileSync(join(root, f), '');
    }
    return fakeServer(root);
  }

  const response = (type: string) => Object.assign(new EventEmitter(), { getHeader: (h: string) => (h === 'content-type' ? type : undefined) });

  async function request(middlewares: Middleware[], type: string) {
    const res = response(type);
    let passed = false;
    for (const m of middlewares) m({}, res, () => (passed = true));
    expect(passed).toBe(true);
    res.emit('finish');
    await new Promise((r) => setTimeout(r, 20));
  }

  it('waits for the first HTML page, then warms the matching modules once, as browser URLs', async () => {
    const { server, warmed, middlewares } = project();
    configure(warmLabAfterFirstPage(['src/lab/**/*.{ts,tsx}', 'src/sim/**/*.ts'], ['**/workers/**', '**/*.d.ts']), server);
    await request(middlewares, 'text/javascript');
    expect(warmed).toEqual([]);
    await request(middlewares, 'text/html; charset=utf-8');
    expect(warmed.sort()).toEqual(['/src/lab/LabApp.tsx', '/src/lab/boot.ts', '/src/sim/index.ts']);
    await request(middlewares, 'text/html');
    expect(warmed).toHaveLength(3);
  });
});
