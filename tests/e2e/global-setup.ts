import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureChromium } from '../../scripts/browser.mjs';
import { ROOT } from '../support/project-copy';
import { serveSite } from '../../scripts/serve.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    chromiumPath: string;
  }
}

/**
 * Builds the real site (unless E2E_SKIP_BUILD=1), finds a browser and serves `dist/` on 127.0.0.1
 * with the production headers from `dist/_headers`.
 */
export default async function setup(project: TestProject) {
  if (process.env.E2E_SKIP_BUILD !== '1') {
    const build = spawnSync(join(ROOT, 'node_modules/.bin/astro'), ['build'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    if (build.status !== 0) throw new Error('astro build failed; see its output above');
  }
  project.provide('chromiumPath', ensureChromium());
  const server = await serveSite(join(ROOT, 'dist'));
  project.provide('baseUrl', server.url);
  return () => server.close();
}
