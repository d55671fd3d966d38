import { defineConfig } from 'vitest/config';

// Two projects: fast headless unit tests, and browser tests that need a built site and Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/support/fast-check-ci.ts'],
          testTimeout: 20_000,
        },
      },
      {
        // Upstream projects' own test cases, replayed against a fresh sandbox through `exec`.
        test: {
          name: 'conformance',
          include: ['test/conformance/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          // A failed browser test prints its step and a screenshot path (.cache/test-results/).
          setupFiles: ['test/e2e/failure-report.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
