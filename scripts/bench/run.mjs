// `npm run bench`: figures, not pass/fail. Each section builds what it measures in temporary
// directories (never in src/content) and compares it with a baseline measured in the same run.
//   BENCH_SIZES=1,100,1000   post counts for the build-time section
//   BENCH_SECTIONS=build,bytes,images  run only these sections
// A section is a module in this folder exporting `title` and `run({ sizes, context })`, which prints
// its own table (see format.mjs) with a same-run baseline and ratio; add it to SECTIONS below.
import { createContext } from './_context.mjs';
import * as buildTime from './build-time.mjs';
import * as images from './images.mjs';
import * as pageBytes from './page-bytes.mjs';

/**
 * @typedef {ReturnType<typeof createContext>} BenchContext
 * @type {Record<string, { title: string, run(options: { sizes: number[], context: BenchContext }): Promise<void> }>}
 */
const SECTIONS = { build: buildTime, bytes: pageBytes, images };

const sizes = (process.env.BENCH_SIZES ?? '1,100,1000').split(',').map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`BENCH_SIZES must be positive integers, got "${process.env.BENCH_SIZES}"`);
const wanted = (process.env.BENCH_SECTIONS ?? Object.keys(SECTIONS).join(',')).split(',');
for (const name of wanted) if (!SECTIONS[name]) throw new Error(`unknown bench section "${name}" (known: ${Object.keys(SECTIONS).join(', ')})`);

const started = performance.now();
const context = createContext();
try {
  for (const name of wanted) {
    const section = /** @type {typeof SECTIONS[string]} */ (SECTIONS[name]);
    console.log(`\n## ${section.title}\n`);
    await section.run({ sizes, context });
  }
} finally {
  await context.dispose();
}
console.log(`\nbench took ${((performance.now() - started) / 1000).toFixed(0)} s on ${(await import('node:os')).cpus().length} CPU(s)`);
