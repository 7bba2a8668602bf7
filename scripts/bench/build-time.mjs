// Bench section: build time of a realistic blog at 1, 100 and 300 posts (BENCH_SIZES), cold and
// warm, each as a ratio to the 1-post site (the seed post alone, always built) in the same run.
// One temporary project copy per size holds the seed post plus generated Milvus-style posts
// (generate-posts.mjs); in it each repeat is a pair of builds:
//   cold: every cache removed first (_build.mjs CACHES: dist/, .astro/, node_modules/.astro, .vite
//         and .cache, the last holding the site's own caches), then `astro build`;
//   warm: one paragraph appended to the seed post, then `astro build` on the caches the cold build
//         left, checked to have put the new paragraph in the page.
// Pairs run round-robin across sizes; figures are medians of BENCH_REPEAT pairs (default 3 below
// 300 posts, 1 from 300 up, which keeps 1,100,300 near 10 minutes on 2 cores). Each build runs
// offline and reports its CPU time (build-preload.mjs), printed next to wall clock because CPU time
// is far steadier on a shared machine. Also reported: per-post slope, dist/ size (all, and the share
// cards in dist/og) and HTML page count. BENCH_BARE=1 adds a cold build of a bare Astro project with
// the same markdown per size. The largest site is kept until the run ends, for the bytes section.
import { appendFile, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { availableParallelism, loadavg } from 'node:os';
import { copyProject, ROOT } from '../project-copy.mjs';
import { benchBuild, clearCaches } from './_build.mjs';
import { bareAstroProject } from './bare-astro.mjs';
import { describePosts, SEED_ID, writeBenchPosts } from './generate-posts.mjs';
import { printTable, ratio } from './format.mjs';

/** The issue's targets for the largest size, on a 2-core machine: ratios to the 1-post cold build. */
const TARGET = { posts: 300, cold: 2.5, warm: 1.3 };

/** Cold+warm pairs per size: BENCH_REPEAT, else 3, or 1 from 300 posts up (a cold build takes minutes). */
const repeats = (/** @type {number} */ size) =>
  Number(process.env.BENCH_REPEAT ?? (size >= 300 ? 1 : 3));
const median = (/** @type {number[]} */ xs) =>
  /** @type {number} */ ([...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]);
const mb = (/** @type {number} */ bytes) => (bytes / 1e6).toFixed(1);

/** Total bytes and file count under `dir`, and how many files end in `.html`. */
async function tree(/** @type {string} */ dir) {
  let bytes = 0;
  let html = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
    if (entry.name.endsWith('.html')) html++;
  }
  return { bytes, html };
}

/** Appends a paragraph to the seed post (the same post at every size); returns text to look for. */
async function editSeed(/** @type {string} */ contentDir, /** @type {string} */ tag) {
  const marker = `warm-edit-${tag}`;
  await appendFile(
    join(contentDir, `${SEED_ID}.md`),
    `\nA late correction (${marker}): the query node now caches the segment metadata before the next flush, so a warm rebuild has one changed paragraph to render.\n`,
  );
  return marker;
}

export const title =
  'Build time: cold (no caches) and warm (one post edited), as ratios to the 1-post cold build of this run';

/**
 * @typedef {{ size: number, n: number, dir: string, dispose(): Promise<void>, generated: ReturnType<typeof import('./generate-posts.mjs').benchPost>[],
 *   cold: number[], warm: number[], coldCpu: number[], warmCpu: number[] }} Plan
 */

/** One cold build then one warm build of a plan's site; `k` names the edit. */
async function pair(/** @type {Plan} */ plan, /** @type {number} */ k) {
  const what = `the site with ${plan.size} post${plan.size === 1 ? '' : 's'}`;
  await clearCaches(plan.dir);
  const cold = await benchBuild(plan.dir, `${what}, cold`);
  const marker = await editSeed(join(plan.dir, 'src/content/blog'), `${plan.size}-${k}`);
  const warm = await benchBuild(plan.dir, `${what}, warm`);
  const page = await readFile(join(plan.dir, 'dist/blog', SEED_ID, 'index.html'), 'utf8');
  if (!page.includes(marker))
    throw new Error(
      `${what}: the warm build did not put the edited paragraph in /blog/${SEED_ID}/`,
    );
  plan.cold.push(cold.seconds);
  plan.coldCpu.push(cold.cpu);
  plan.warm.push(warm.seconds);
  plan.warmCpu.push(warm.cpu);
  process.stderr.write(
    `[bench] ${plan.size} post(s), pair ${k + 1}/${plan.n}: cold ${cold.seconds.toFixed(2)} s (CPU ${cold.cpu.toFixed(1)} s), warm ${warm.seconds.toFixed(2)} s (CPU ${warm.cpu.toFixed(1)} s), load ${loadavg()[0]?.toFixed(1)}\n`,
  );
}

/**
 * @param {{ sizes: number[], context: import('./run.mjs').BenchContext }} options
 */
export async function run({ sizes, context }) {
  const all = [...new Set([1, ...sizes])].sort((a, b) => a - b);
  const largest = /** @type {number} */ (all.at(-1));
  const bare = process.env.BENCH_BARE === '1';
  const loadBefore = loadavg()[0] ?? 0;
  /** @type {Plan[]} */
  const plans = [];
  let keptLargest = false;
  try {
    for (const size of all) {
      const copy = await copyProject('milestones-bench-');
      const generated = await writeBenchPosts(copy.contentDir, size - 1);
      plans.push({
        size,
        n: repeats(size),
        dir: copy.dir,
        dispose: copy.dispose,
        generated,
        cold: [],
        warm: [],
        coldCpu: [],
        warmCpu: [],
      });
    }
    // Round-robin over sizes (1, 100, 300, 1, 100, …), so that when other work on the machine comes
    // and goes, the baseline and the large sites see the same conditions.
    const rounds = Math.max(...plans.map((p) => p.n));
    for (let k = 0; k < rounds; k++) for (const plan of plans) if (k < plan.n) await pair(plan, k);

    /** @type {{ posts: number, n: number, cold: number, warm: number, coldCpu: number, warmCpu: number, bare?: number, pages: number, dist: number, og: number }[]} */
    const results = [];
    for (const plan of plans) {
      // dist/blog/2/, 3/, … are pages of the list of posts, not posts.
      const posts = (await readdir(join(plan.dir, 'dist/blog'), { withFileTypes: true })).filter(
        (e) => e.isDirectory() && !/^\d+$/.test(e.name),
      ).length;
      if (posts !== plan.size)
        throw new Error(`the site with ${plan.size} posts built ${posts} post pages`);
      const dist = await tree(join(plan.dir, 'dist'));
      const og = await tree(join(plan.dir, 'dist/og')).catch(() => ({ bytes: 0, html: 0 }));
      /** @type {number | undefined} */
      let bareSeconds;
      if (bare) {
        const seed =
          /^(---\n[\s\S]*?\n---)\n([\s\S]*)$/.exec(
            await readFile(join(ROOT, 'src/content/blog', `${SEED_ID}.md`), 'utf8'),
          ) ?? [];
        const project = await bareAstroProject([
          { id: 'seed', frontmatter: seed[1] ?? '', body: seed[2] ?? '' },
          ...plan.generated,
        ]);
        try {
          bareSeconds = (
            await benchBuild(project.dir, `bare Astro with ${plan.size} markdown pages`)
          ).seconds;
        } finally {
          await project.dispose();
        }
      }
      results.push({
        posts: plan.size,
        n: plan.n,
        bare: bareSeconds,
        pages: dist.html,
        dist: dist.bytes,
        og: og.bytes,
        cold: median(plan.cold),
        warm: median(plan.warm),
        coldCpu: median(plan.coldCpu),
        warmCpu: median(plan.warmCpu),
      });
    }
    // Keep the largest site for the bytes section (its blog index); the rest go now.
    const last = /** @type {Plan} */ (plans.at(-1));
    if (largest > 1) {
      context.keepSite({ posts: largest, dist: join(last.dir, 'dist') });
      context.onDispose(() => last.dispose());
      keptLargest = true;
    }

    const base = /** @type {typeof results[0]} */ (results[0]);
    const sec = (/** @type {number} */ x) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');
    const head = [
      'posts',
      'pairs',
      'cold s',
      'cold ×',
      'warm s',
      'warm ×',
      'cold CPU s',
      'cold CPU ×',
      'warm CPU s',
      'warm CPU ×',
    ];
    printTable(
      bare ? [...head, 'bare Astro cold s'] : head,
      results.map((r) => {
        const row = [
          String(r.posts),
          String(r.n),
          sec(r.cold),
          ratio(r.cold, base.cold),
          sec(r.warm),
          ratio(r.warm, base.cold),
          sec(r.coldCpu),
          ratio(r.coldCpu, base.coldCpu),
          sec(r.warmCpu),
          ratio(r.warmCpu, base.coldCpu),
        ];
        return bare ? [...row, r.bare === undefined ? '' : sec(r.bare)] : row;
      }),
    );
    console.log(`
× = ratio to the 1-post site (the seed post alone) built cold in this run: ${sec(base.cold)} s wall clock, ${sec(base.coldCpu)} s CPU.
cold = every cache removed first; warm = one paragraph appended to the seed post, rebuilt on the cold build's caches.
pairs = cold+warm build pairs per size (run round-robin across sizes); figures are their medians.
CPU s = user+system time of the build and the processes it waited for; it moves far less than wall clock when
other work shares the machine (load average ${loadBefore.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end, on ${availableParallelism()} CPU(s)).
`);
    printTable(
      ['posts', 'HTML pages', 'dist MB', 'dist/og MB'],
      results.map((r) => [String(r.posts), String(r.pages), mb(r.dist), mb(r.og)]),
    );
    console.log('');
    // Marginal cost per post between consecutive sizes: the slope, free of the fixed start-up cost.
    for (let k = 1; k < results.length; k++) {
      const a = /** @type {typeof results[0]} */ (results[k - 1]);
      const b = /** @type {typeof results[0]} */ (results[k]);
      const slope = (/** @type {number} */ x, /** @type {number} */ y) =>
        (((y - x) * 1000) / (b.posts - a.posts)).toFixed(0);
      console.log(
        `Per post, ${a.posts} → ${b.posts} posts: cold ${slope(a.cold, b.cold)} ms (CPU ${slope(a.coldCpu, b.coldCpu)} ms), warm ${slope(a.warm, b.warm)} ms (CPU ${slope(a.warmCpu, b.warmCpu)} ms)${bare && a.bare !== undefined && b.bare !== undefined ? `, bare Astro cold ${slope(a.bare, b.bare)} ms` : ''}.`,
      );
    }
    const target = results.find((r) => r.posts === TARGET.posts);
    if (target) {
      const verdict = (/** @type {number} */ x, /** @type {number} */ limit) =>
        `${ratio(x, base.cold)} (target ≤ ${limit.toFixed(2)}×: ${x / base.cold <= limit ? 'met' : 'missed'})`;
      console.log(
        `Targets at ${TARGET.posts} posts (set for 2 cores; wall clock): cold ${verdict(target.cold, TARGET.cold)}, warm ${verdict(target.warm, TARGET.warm)}.`,
      );
    }
    const d = describePosts(largest - 1);
    if (d.count) {
      console.log(
        `Generated posts (${d.count}): prose words median ${d.median} (${d.min}–${d.max}); per post on average ${d.headings.toFixed(1)} headings, ${d.codeBlocks.toFixed(1)} code blocks, ${d.tables.toFixed(1)} tables, ${d.images.toFixed(1)} remote images.`,
      );
    }
  } finally {
    for (const plan of plans) if (!(keptLargest && plan === plans.at(-1))) await plan.dispose();
  }
}
