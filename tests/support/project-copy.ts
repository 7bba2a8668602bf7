import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, rm, symlink, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
const COPIED = ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'public'];
/** Caches that concurrent builds must not share. */
const PRIVATE = new Set(['.astro', '.vite', '.cache']);

export interface ProjectCopy {
  dir: string;
  contentDir: string;
  dispose(): Promise<void>;
}

/**
 * A throw-away copy of the project for builds with other content. `node_modules` holds links to
 * the real packages, so nothing is installed and caches stay private to the copy.
 */
export async function copyProject(): Promise<ProjectCopy> {
  const dir = await mkdtemp(join(tmpdir(), 'milestones-'));
  for (const entry of COPIED) await cp(join(ROOT, entry), join(dir, entry), { recursive: true });
  await mkdir(join(dir, 'node_modules'));
  for (const entry of await readdir(join(ROOT, 'node_modules'))) {
    if (!PRIVATE.has(entry)) await symlink(join(ROOT, 'node_modules', entry), join(dir, 'node_modules', entry));
  }
  return { dir, contentDir: join(dir, 'src/content/blog'), dispose: () => rm(dir, { recursive: true, force: true }) };
}

export interface BuildResult {
  code: number | null;
  output: string;
}

/**
 * Variables Vitest sets for its own Vite environment. A child build must not inherit them: Vite
 * reads `BASE_URL`, `MODE`, `DEV`, `PROD` and `SSR` from the environment as `import.meta.env`,
 * so `BASE_URL=/` would silently undo a build's `base`.
 */
const VITEST_ENV = /^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*)$/;

function buildEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !VITEST_ENV.test(key)));
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1', ...extra };
}

/** Runs `astro build` in `dir` and collects everything it prints. */
export function astroBuild(dir: string, env: Record<string, string> = {}): Promise<BuildResult> {
  return new Promise((done) => {
    const child = spawn(join(ROOT, 'node_modules/.bin/astro'), ['build'], {
      cwd: dir,
      env: buildEnv(env),
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => done({ code, output }));
  });
}
