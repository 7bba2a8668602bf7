// Builds the site and writes its headers into vercel.json (which Vercel reads before it builds):
// run it, and commit vercel.json, when a build warns that the file's headers are stale.
import { spawnSync } from 'node:child_process';
import { ROOT } from './project-copy.mjs';

const run = spawnSync('npx', ['astro', 'build'], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, WRITE_VERCEL_JSON: '1' },
});
process.exit(run.status ?? 1);
