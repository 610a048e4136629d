import { defineConfig } from 'vitest/config';

const integration = {
  pool: 'forks' as const,
  globalSetup: ['tests/support/global-setup.ts'],
  testTimeout: 60_000,
  hookTimeout: 180_000,
};

// Three projects: pure rules (domain, configuration) run alone and fast; everything else shares one
// real PostgreSQL and one real Temporal dev server started by the global setup,
// the API through HTTP (integration) or through the web UI in a browser (browser).
// A third, only with ACUERDOS_RECORD_HISTORIES=1 (`npm run record-histories`),
// writes workflow histories for the replay test.
export default defineConfig({
  test: {
    pool: 'forks',
    reporters: ['default', './tests/support/summary-reporter.ts'],
    coverage: {
      provider: 'v8',
      include: ['domain/**/*.ts'],
      exclude: ['tests/**'],
      reporter: ['text-summary', 'text'],
    },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/domain/**/*.test.ts', 'tests/config/**/*.test.ts'],
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/domain/**', 'tests/config/**', 'tests/record/**', 'tests/browser/**'],
          ...integration,
        },
      },
      {
        // The web UI in Debian's Chromium against the same real services, after
        // building it when its sources changed (tests/support/browser-setup.ts).
        // One file at a time: each drives a whole browser on a small machine.
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          ...integration,
          globalSetup: [...integration.globalSetup, 'tests/support/browser-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
        },
      },
      ...(process.env.ACUERDOS_RECORD_HISTORIES === '1' ? [{ test: { name: 'record', include: ['tests/record/**/*.test.ts'], ...integration } }] : []),
    ],
  },
});
