import { defineConfig } from 'vitest/config';
import SiteOrderSequencer from './tests/setup/sequencer';

// Two projects in one run: pure unit tests, and suites that read built sites in `tests/<config>/`.
// The sites are built once per run by tests/setup/sites.ts, two at a time, and each suite waits
// only for the site it reads.
export default defineConfig({
  test: {
    reporters: ['./tests/support/summary-reporter.ts'],
    // Site suites mostly wait (on a build, or on the shared browser), so more files run at once
    // than there are cores. One value for both projects, so they share one group and run together.
    maxWorkers: 4,
    sequence: { sequencer: SiteOrderSequencer },
    projects: [
      {
        test: {
          name: 'unit',
          // Pure modules and small inputs: one module graph per worker halves the project's CPU time.
          isolate: false,
          // Shiki's and sharp's first calls take seconds on a busy 2-core machine; a hang still fails.
          testTimeout: 20_000,
          include: ['src/**/*.test.ts', 'tests/*.test.ts'],
        },
      },
      {
        test: {
          name: 'sites',
          include: ['tests/*/**/*.test.ts'],
          exclude: ['tests/fixtures/**'],
          globalSetup: ['tests/setup/sites.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
