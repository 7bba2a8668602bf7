// How the bench builds a site: `astro build` in a project copy, offline and with its CPU time
// reported (build-preload.mjs), timed, failing loudly with the build's output. Also the cache reset
// a cold build starts from.
import { lstat, realpath, rm } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { astroBuild } from '../project-copy.mjs';

/** Printed by build-preload.mjs: whenever a build asks for a remote URL, and its CPU time on exit. */
const OFFLINE_MARK = '[bench-offline]';
const CPU_MARK = /^\[bench-cpu\] ([\d.]+)$/m;
const PRELOAD = pathToFileURL(join(import.meta.dirname, 'build-preload.mjs')).href;

/**
 * Everything a build leaves for the next one: the output, Astro's generated types and content
 * store, Vite's caches, and node_modules/.cache, where the site keeps its own (media variants, …).
 */
export const CACHES = [
  'dist',
  '.astro',
  'node_modules/.astro',
  'node_modules/.vite',
  'node_modules/.cache',
];

/**
 * Removes every cache of the project copy in `dir`. Refuses any path that resolves outside `dir`
 * (a link into the real node_modules), so a cold build can never wipe the real project's caches.
 */
export async function clearCaches(/** @type {string} */ dir) {
  const home = await realpath(dir);
  for (const cache of CACHES) {
    const path = join(dir, cache);
    if (!(await lstat(path).catch(() => undefined))) continue;
    const real = await realpath(path);
    if (!real.startsWith(home + sep))
      throw new Error(
        `${path} resolves to ${real}, outside the project copy: refusing to delete a shared cache`,
      );
    await rm(path, { recursive: true, force: true });
  }
}

/**
 * Runs `astro build` in `dir` without network access; returns its wall-clock and CPU seconds.
 * Throws with the end of the build's output when it fails or tries to download anything.
 */
export async function benchBuild(/** @type {string} */ dir, /** @type {string} */ what) {
  const nodeOptions = [process.env.NODE_OPTIONS, `--import=${PRELOAD}`].filter(Boolean).join(' ');
  const started = performance.now();
  const build = await astroBuild(dir, { NODE_OPTIONS: nodeOptions });
  const seconds = (performance.now() - started) / 1000;
  const fetched = build.output.split('\n').filter((line) => line.includes(OFFLINE_MARK));
  if (fetched.length)
    throw new Error(
      `${what}: the build tried to download remote files:\n${[...new Set(fetched)].slice(0, 10).join('\n')}`,
    );
  if (build.code !== 0)
    throw new Error(`${what}: astro build failed\n${build.output.slice(-3000)}`);
  const cpu = Number(CPU_MARK.exec(build.output)?.[1] ?? NaN);
  return { seconds, cpu, output: build.output };
}
