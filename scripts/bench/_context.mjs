// Shared services for bench sections: the project root, one build of the site as it is (in a
// temporary copy with private caches, so the real project's caches are never touched), TypeScript
// modules of the project loaded through Vite, a static server for that build, and a larger site
// the build-time section may leave for later sections.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runnerImport } from 'vite';
import { copyProject, ROOT } from '../project-copy.mjs';
import { serveSite } from '../serve.mjs';
import { benchBuild } from './_build.mjs';

/** @typedef {{ posts: number, dist: string }} KeptSite */

export function createContext() {
  const root = ROOT;
  /** @type {{ seconds: number | undefined, dist: string } | undefined} */
  let built;
  /** @type {KeptSite | undefined} */
  let kept;
  /** @type {(() => unknown)[]} */
  const cleanups = [];
  return {
    root,
    /** The built site's dist/ (after `build()`). */
    get dist() {
      return built?.dist ?? join(root, 'dist');
    },
    /** Builds the site once per bench run in a copy (BENCH_SKIP_BUILD=1 reuses an existing dist/ of the project). */
    async build() {
      if (built) return built;
      if (process.env.BENCH_SKIP_BUILD === '1' && existsSync(join(root, 'dist/index.html')))
        return (built = { seconds: undefined, dist: join(root, 'dist') });
      const copy = await copyProject('milestones-bench-site-');
      cleanups.push(() => copy.dispose());
      const { seconds } = await benchBuild(copy.dir, 'the site');
      return (built = { seconds, dist: join(copy.dir, 'dist') });
    },
    /** A project module written in TypeScript (path relative to the root). */
    async load(/** @type {string} */ path) {
      const { module } = await runnerImport(join(root, path), {
        configFile: false,
        root,
        logLevel: 'error',
      });
      return module;
    },
    /** Serves the built dist/ on 127.0.0.1 until the run ends. */
    async serve() {
      const server = await serveSite((await this.build()).dist);
      cleanups.push(() => server.close());
      return server.url;
    },
    /** A site with more posts, built by an earlier section and kept (the caller disposes it via onDispose). */
    keepSite(/** @type {KeptSite} */ site) {
      kept = site;
    },
    /** @returns {KeptSite | undefined} */
    get keptSite() {
      return kept;
    },
    onDispose(/** @type {() => unknown} */ cleanup) {
      cleanups.push(cleanup);
    },
    async dispose() {
      for (const cleanup of cleanups.reverse()) await cleanup();
    },
  };
}
