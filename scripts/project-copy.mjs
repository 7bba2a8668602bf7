// Throw-away copies of the project, shared by the build tests and the benchmarks.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, rm, symlink, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
const COPIED = ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'public'];
/** Caches that concurrent builds must not share. */
const PRIVATE = new Set(['.astro', '.vite', '.vite-temp', '.cache']);

/**
 * @typedef {{ dir: string, contentDir: string, dispose(): Promise<void> }} ProjectCopy
 * @typedef {{ code: number | null, output: string }} BuildResult
 */

/** Links every package of the real `node_modules` into `dir/node_modules`, so nothing is installed. */
export async function linkNodeModules(dir) {
  await mkdir(join(dir, 'node_modules'), { recursive: true });
  for (const entry of await readdir(join(ROOT, 'node_modules'))) {
    if (!PRIVATE.has(entry))
      await symlink(join(ROOT, 'node_modules', entry), join(dir, 'node_modules', entry));
  }
}

/**
 * A throw-away copy of the project for builds with other content. `node_modules` holds links to
 * the real packages, so nothing is installed and caches stay private to the copy; `cachesFrom`
 * (another copy's folder) starts them as a copy of that copy's caches.
 * @param {string} [prefix]
 * @param {{ cachesFrom?: string }} [options]
 * @returns {Promise<ProjectCopy>}
 */
export async function copyProject(prefix = 'milestones-', { cachesFrom } = {}) {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  for (const entry of COPIED) await cp(join(ROOT, entry), join(dir, entry), { recursive: true });
  await linkNodeModules(dir);
  if (cachesFrom) {
    for (const cache of PRIVATE) {
      const from = join(cachesFrom, 'node_modules', cache);
      if (existsSync(from)) await cp(from, join(dir, 'node_modules', cache), { recursive: true });
    }
  }
  return {
    dir,
    contentDir: join(dir, 'src/content/blog'),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

/**
 * Variables Vitest sets for its own Vite environment. A child build must not inherit them: Vite
 * reads `BASE_URL`, `MODE`, `DEV`, `PROD` and `SSR` from the environment as `import.meta.env`,
 * so `BASE_URL=/` would silently undo a build's `base`.
 */
const VITEST_ENV = /^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*)$/;

/** @param {Record<string, string>} extra */
function buildEnv(extra) {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !VITEST_ENV.test(key)),
  );
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1', ...extra };
}

/**
 * Runs `astro build` in `dir` and collects everything it prints.
 * @param {string} dir
 * @param {Record<string, string>} [env]
 * @returns {Promise<BuildResult>}
 */
export function astroBuild(dir, env = {}) {
  return astro(dir, ['build'], env);
}

/**
 * Runs an `astro` command (`build`, `sync`, `check`) in `dir` and collects everything it prints.
 * @param {string} dir
 * @param {string[]} args
 * @param {Record<string, string>} [env]
 * @returns {Promise<BuildResult>}
 */
export function astro(dir, args, env = {}) {
  return new Promise((done) => {
    const child = spawnAstro(dir, args, env);
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => done({ code, output }));
  });
}

/**
 * Starts an `astro` command in `dir` (e.g. `dev`, which runs until it is killed) with the same
 * environment as the builds.
 * @param {string} dir
 * @param {string[]} args
 * @param {Record<string, string>} [env]
 */
export function spawnAstro(dir, args, env = {}) {
  return spawn(join(ROOT, 'node_modules/.bin/astro'), args, { cwd: dir, env: buildEnv(env) });
}
