// `npm run media:pull [-- --from DIR] [--concurrency N] [--timeout SECONDS] [--retries N] [--max-mb N]`:
// brings every remote picture the posts refer to into src/assets/media/pulled/ and records it in
// src/content/media.lock.json (docs/media.md). The logic is in src/features/media-pull/.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runnerImport } from 'vite';

// The project to pull for: npm runs scripts from the project's root.
const root = process.cwd();
const { values } = parseArgs({
  options: {
    from: { type: 'string' },
    concurrency: { type: 'string' },
    timeout: { type: 'string' },
    retries: { type: 'string' },
    'max-mb': { type: 'string' },
  },
});
const number = (name, value) => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number, got "${value}"`);
  return n;
};

const { module } = await runnerImport(resolve(root, 'src/features/media-pull/run-pull.ts'), {
  configFile: false,
  root,
  logLevel: 'error',
});

const tty = process.stderr.isTTY;
const bar = (done, total) => {
  const width = 24;
  const filled = Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total}`;
};
const started = performance.now();
const { results, lockChanged } = await module.runPull(root, {
  from: values.from && resolve(values.from),
  concurrency: number('concurrency', values.concurrency),
  timeoutMs: values.timeout && number('timeout', values.timeout) * 1000,
  retries: number('retries', values.retries),
  maxBytes: values['max-mb'] && number('max-mb', values['max-mb']) * 1024 * 1024,
  onProgress: (done, total, result) => {
    if (tty) process.stderr.write(`\r\x1b[K${bar(done, total)} ${result.url.slice(0, 60)}`);
    if (done === total && tty) process.stderr.write('\n');
  },
});

const count = (status) => results.filter((r) => r.status === status).length;
const failed = results.filter((r) => r.status === 'failed');
const bytes = results.reduce((sum, r) => sum + (r.status === 'pulled' ? r.entry.bytes : 0), 0);
console.log(
  `media:pull: ${results.length} file(s): ${count('pulled')} pulled (${(bytes / 1e6).toFixed(1)} MB), ${count('unchanged')} already in the store, ${failed.length} failed in ${((performance.now() - started) / 1000).toFixed(1)} s; lock ${lockChanged ? 'updated' : 'unchanged'} (src/content/media.lock.json)`,
);
if (failed.length) {
  console.error(`media:pull: ${failed.length} URL(s) failed (the others are kept):`);
  for (const result of failed) console.error(`  ${result.error}`);
  process.exitCode = 1;
}
