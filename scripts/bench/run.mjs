// `npm run bench`: figures, not pass/fail. Each section builds what it measures in temporary
// project copies (never in src/content, never with the real project's caches) and compares it with
// a baseline measured in the same run. Sections:
//   build   a realistic blog (generated Milvus-style posts) built cold and warm at each size, as
//           ratios to the 1-post site; dist/ size and page count (build-time.mjs)
//   bytes   bytes served per page type, against bare Astro; plus /blog/ of the build section's
//           largest site when that section ran first (page-bytes.mjs)
//   images  image bytes served against their sources, in a browser (images.mjs)
//   cards   share cards drawn cold and from the cache, ms per card and JPEG sizes (cards.mjs)
//   media   300 posts with generated pictures: remote vs pulled (cold, per picture) and warm (media.mjs)
// Environment:
//   BENCH_SIZES=1,100,300   post counts for the build section (the 1-post baseline is always built)
//   BENCH_SECTIONS=build,bytes,images,cards   run only these sections, in this order
//   BENCH_CARDS=24          cards per pass of the cards section
//   BENCH_MEDIA_POSTS=300   generated posts of the media section
//   BENCH_REPEAT=n          cold+warm build pairs per size (default 3 below 300 posts, 1 from 300 up)
//   BENCH_BARE=1            also time a bare Astro project with the same markdown at each size
//   BENCH_SKIP_BUILD=1      bytes/images: reuse the project's existing dist/ instead of building
// A section is a module in this folder exporting `title` and `run({ sizes, context })`, which prints
// its own table (see format.mjs) with a same-run baseline and ratio; add it to SECTIONS below.
import { createContext } from './_context.mjs';
import * as buildTime from './build-time.mjs';
import * as cards from './cards.mjs';
import * as images from './images.mjs';
import * as media from './media.mjs';
import * as pageBytes from './page-bytes.mjs';

/**
 * @typedef {ReturnType<typeof createContext>} BenchContext
 * @type {Record<string, { title: string, run(options: { sizes: number[], context: BenchContext }): Promise<void> }>}
 */
const SECTIONS = { build: buildTime, bytes: pageBytes, images, cards, media };

const sizes = (process.env.BENCH_SIZES ?? '1,100,300').split(',').map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 1))
  throw new Error(`BENCH_SIZES must be positive integers, got "${process.env.BENCH_SIZES}"`);
if (
  process.env.BENCH_REPEAT !== undefined &&
  !(Number.isInteger(Number(process.env.BENCH_REPEAT)) && Number(process.env.BENCH_REPEAT) >= 1)
) {
  throw new Error(`BENCH_REPEAT must be a positive integer, got "${process.env.BENCH_REPEAT}"`);
}
const wanted = (process.env.BENCH_SECTIONS ?? Object.keys(SECTIONS).join(',')).split(',');
for (const name of wanted)
  if (!SECTIONS[name])
    throw new Error(`unknown bench section "${name}" (known: ${Object.keys(SECTIONS).join(', ')})`);

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
console.log(
  `\nbench took ${((performance.now() - started) / 1000).toFixed(0)} s on ${(await import('node:os')).cpus().length} CPU(s)`,
);
