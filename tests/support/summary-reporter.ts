import { DefaultReporter } from 'vitest/node';
import type { TestModule } from 'vitest/node';

/** Vitest's own report, closed by one plain `N passed, N failed` line that CI reads. */
export default class SummaryReporter extends DefaultReporter {
  override onTestRunEnd(...args: Parameters<DefaultReporter['onTestRunEnd']>): void {
    super.onTestRunEnd(...args);
    const [modules, unhandledErrors] = args;
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of modules as readonly TestModule[]) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') counts.failed++;
        else counts.skipped++;
      }
      if (module.state() === 'failed' && ![...module.children.allTests()].length) counts.failed++;
    }
    counts.failed += unhandledErrors.length;
    process.stdout.write(
      `\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`,
    );
  }
}
