import { spawnSync } from 'node:child_process';
import { expect, test } from 'vitest';
import { ROOT } from '../../scripts/project-copy.mjs';

// `npm run lint` (Prettier, then ESLint with the feature boundaries) as part of the test command,
// beside the builds. The limit is generous: on a busy machine the lint shares the cores with them.
test('npm run lint finds nothing to format or fix', () => {
  const run = spawnSync('npm', ['run', '--silent', 'lint'], { cwd: ROOT, encoding: 'utf8' });
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
}, 300_000);
