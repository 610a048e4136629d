import { defineConfig } from 'vitest/config';

const integration = {
  pool: 'forks' as const,
  globalSetup: ['tests/support/global-setup.ts'],
  testTimeout: 60_000,
  hookTimeout: 180_000,
};

// Two projects: pure rules (domain, configuration) run alone and fast; everything else shares one
// real PostgreSQL and one real Temporal dev server started by the global setup.
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
          exclude: ['tests/domain/**', 'tests/config/**', 'tests/record/**'],
          ...integration,
        },
      },
      ...(process.env.ACUERDOS_RECORD_HISTORIES === '1' ? [{ test: { name: 'record', include: ['tests/record/**/*.test.ts'], ...integration } }] : []),
    ],
  },
});
