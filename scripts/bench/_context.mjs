// Shared services for bench sections: the project root, one build of the real site per run,
// TypeScript modules of the project loaded through Vite, and a static server for dist/.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runnerImport } from 'vite';
import { serveSite } from '../serve.mjs';

export function createContext() {
  const root = resolve(import.meta.dirname, '../..');
  let built;
  const cleanups = [];
  return {
    root,
    dist: join(root, 'dist'),
    /** Builds the site once per bench run (BENCH_SKIP_BUILD=1 reuses an existing dist/). */
    async build() {
      if (built) return built;
      if (process.env.BENCH_SKIP_BUILD === '1' && existsSync(join(root, 'dist/index.html'))) return (built = { ms: undefined });
      const started = performance.now();
      const result = spawnSync(join(root, 'node_modules/.bin/astro'), ['build'], {
        cwd: root,
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      });
      if (result.status !== 0) throw new Error('astro build failed');
      return (built = { ms: performance.now() - started });
    },
    /** A project module written in TypeScript (path relative to the root). */
    async load(path) {
      const { module } = await runnerImport(join(root, path), { configFile: false, root, logLevel: 'error' });
      return module;
    },
    /** Serves dist/ on 127.0.0.1 until the run ends. */
    async serve() {
      const server = await serveSite(join(root, 'dist'));
      cleanups.push(() => server.close());
      return server.url;
    },
    onDispose(cleanup) {
      cleanups.push(cleanup);
    },
    async dispose() {
      for (const cleanup of cleanups.reverse()) await cleanup();
    },
  };
}
