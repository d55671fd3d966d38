import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startStaticServer } from '../support/static-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

/** Serves the production build in dist/ (built by scripts/test.mjs before this runs). */
export default async function setup(project: TestProject) {
  if (!existsSync('dist/index.html')) {
    throw new Error('dist/ has no build: run `npm test` (it builds first) or `npm run build`.');
  }
  const { url, server } = await startStaticServer('dist');
  project.provide('baseURL', url);
  return () => new Promise<void>((ok) => server.close(() => ok()));
}
