import { defineConfig } from 'vitest/config';

// `npm run fuzz` only (scripts/fuzz.mjs): the long run of the properties in test/unit/fuzz.
export default defineConfig({
  test: {
    include: ['test/fuzz/**/*.fuzz.ts'],
    environment: 'node',
    testTimeout: 24 * 3600_000,
    disableConsoleIntercept: true,
  },
});
