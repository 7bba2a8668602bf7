// Bench section: build time of the site with 1, 100, 1,000 posts (the seed plus generated posts in
// the Milvus format, in a temporary copy), against a bare Astro project with the same markdown.
import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { astroBuild, copyProject, ROOT } from '../project-copy.mjs';
import { bareAstroProject } from './bare-astro.mjs';
import { benchPost, writeBenchPosts } from './generate-posts.mjs';
import { printTable, ratio } from './format.mjs';

const SEED = join(ROOT, 'src/content/blog/2022-4-12-milvus-10k-stars.md');

/** Builds per figure: BENCH_REPEAT, else 3 (1 from 1,000 posts up, where one build takes a minute). */
const repeats = (/** @type {number} */ size) => Number(process.env.BENCH_REPEAT ?? (size >= 1000 ? 1 : 3));

/**
 * Median wall-clock seconds of `astro build` in `dir`, each build from clean caches (dist/, .astro/,
 * node_modules/.astro and .vite), so repeats do not get faster by reusing the previous one's work.
 * Throws with the build's output when a build fails.
 */
async function timedBuild(/** @type {string} */ dir, /** @type {string} */ what, count = 1) {
  const times = [];
  for (let k = 0; k < count; k++) {
    for (const cache of ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite']) await rm(join(dir, cache), { recursive: true, force: true });
    const started = performance.now();
    const build = await astroBuild(dir);
    times.push((performance.now() - started) / 1000);
    if (build.code !== 0) throw new Error(`${what}: astro build failed\n${build.output.slice(-3000)}`);
  }
  return /** @type {number} */ (times.sort((a, b) => a - b)[Math.floor((times.length - 1) / 2)]);
}

async function countPages(/** @type {string} */ dir) {
  return (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).length;
}

export const title = 'Build time (astro build, wall clock, clean caches; median of 3 builds, 1 from 1,000 posts up)';

/** @param {{ sizes: number[] }} options */
export async function run({ sizes }) {
  const seedText = await readFile(SEED, 'utf8');
  const [, seedFrontmatter = '', seedBody = ''] = /^(---\n[\s\S]*?\n---)\n([\s\S]*)$/.exec(seedText) ?? [];
  const empty = await bareAstroProject();
  const bareOnePage = await timedBuild(empty.dir, 'bare Astro, one page', repeats(1)).finally(() => empty.dispose());

  /** @type {{ posts: number, ours: number, bare: number }[]} */
  const results = [];
  for (const size of sizes) {
    const ours = await copyProject('milestones-bench-');
    const generated = Array.from({ length: size - 1 }, (_, k) => benchPost(k + 1));
    const bare = await bareAstroProject([{ id: 'seed', frontmatter: seedFrontmatter, body: seedBody }, ...generated]);
    try {
      await writeBenchPosts(ours.contentDir, size - 1);
      const oursSeconds = await timedBuild(ours.dir, `the site with ${size} posts`, repeats(size));
      const built = await countPages(join(ours.dir, 'dist/blog'));
      if (built !== size) throw new Error(`the site with ${size} posts built ${built} post pages`);
      const bareSeconds = await timedBuild(bare.dir, `bare Astro with ${size} markdown pages`, repeats(size));
      results.push({ posts: size, ours: oursSeconds, bare: bareSeconds });
    } finally {
      await ours.dispose();
      await bare.dispose();
    }
    process.stderr.write(`[bench] built ${size} post(s): site ${results.at(-1)?.ours.toFixed(2)} s, bare ${results.at(-1)?.bare.toFixed(2)} s\n`);
  }

  printTable(
    ['posts', 'site s', 'site ms/post', 'bare Astro s', 'bare ms/post', 'site / bare'],
    results.map((r) => [
      String(r.posts),
      r.ours.toFixed(2),
      ((r.ours * 1000) / r.posts).toFixed(1),
      r.bare.toFixed(2),
      ((r.bare * 1000) / r.posts).toFixed(1),
      ratio(r.ours, r.bare),
    ]),
  );
  console.log(`Bare Astro, one .astro page and nothing else: ${bareOnePage.toFixed(2)} s (fixed cost of starting Astro).`);
  // Marginal cost per post between consecutive sizes: the slope, free of the fixed start-up cost.
  for (let k = 1; k < results.length; k++) {
    const a = /** @type {typeof results[0]} */ (results[k - 1]);
    const b = /** @type {typeof results[0]} */ (results[k]);
    const site = ((b.ours - a.ours) * 1000) / (b.posts - a.posts);
    const bare = ((b.bare - a.bare) * 1000) / (b.posts - a.posts);
    console.log(`Per-post cost ${a.posts} → ${b.posts} posts: site ${site.toFixed(1)} ms, bare Astro ${bare.toFixed(1)} ms (${ratio(site, bare)}).`);
  }
}
