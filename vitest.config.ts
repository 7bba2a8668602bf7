import { defineConfig } from 'vitest/config';

// Two projects in one run: pure unit tests, and suites that read built sites in `tests/<config>/`.
// The sites are built once per run by tests/setup/sites.ts, two at a time, and each suite waits
// only for the site it reads.
export default defineConfig({
  test: {
    reporters: ['./tests/support/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'tests/*.test.ts'],
          // Projects with different maxWorkers need their own group (Vitest 4): unit tests run first.
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'sites',
          include: ['tests/*/**/*.test.ts'],
          exclude: ['tests/fixtures/**'],
          globalSetup: ['tests/setup/sites.ts'],
          // Suites mostly wait (on a build, or on the shared browser), so more of them run at once than there are cores.
          maxWorkers: 4,
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
