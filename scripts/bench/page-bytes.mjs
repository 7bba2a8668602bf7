// Bench section: bytes served per page type by the site (the run's build of the project as it is,
// served gzipped on 127.0.0.1), against a bare Astro project rendering the seed post's markdown with
// a minimal layout. When the build section ran first, one more row weighs the blog index of its
// largest site (e.g. 300 posts), reusing that build.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pageWeight } from '../page-weight.mjs';
import { ROOT } from '../project-copy.mjs';
import { sitePages } from '../site-pages.mjs';
import { serveSite } from '../serve.mjs';
import { benchBuild } from './_build.mjs';
import { bareAstroProject } from './bare-astro.mjs';
import { printTable, ratio } from './format.mjs';

const kb = (/** @type {number} */ bytes) => (bytes / 1024).toFixed(1);

export const title =
  'Served bytes per page type (KB; gz = gzip -9 as served; img = <img src> files on this origin)';

/** @param {{ context: import('./run.mjs').BenchContext }} options */
export async function run({ context }) {
  const seedText = await readFile(
    join(ROOT, 'src/content/blog/2022-4-12-milvus-10k-stars.md'),
    'utf8',
  );
  const [, frontmatter = '', body = ''] = /^(---\n[\s\S]*?\n---)\n([\s\S]*)$/.exec(seedText) ?? [];
  const { dist } = await context.build();
  const bare = await bareAstroProject([{ id: 'seed', frontmatter, body }]);
  try {
    await benchBuild(bare.dir, 'bare Astro');
    const large = context.keptSite;
    const site = await serveSite(dist);
    const baseline = await serveSite(join(bare.dir, 'dist'));
    const big = large ? await serveSite(large.dist) : undefined;
    try {
      const bareHome = await pageWeight(baseline.url, '/');
      const barePost = await pageWeight(baseline.url, '/posts/seed/');
      /** @type {{ type: string, url: string, path: string }[]} */
      const pages = sitePages(dist).map((page) => ({ ...page, url: site.url }));
      if (large && big)
        pages.push({ type: `blog index, ${large.posts} posts`, url: big.url, path: '/blog/' });
      const rows = [];
      for (const page of pages) {
        const w = await pageWeight(page.url, page.path);
        const base = page.type === 'post' ? barePost : bareHome;
        rows.push([
          page.type,
          kb(w.htmlBytes),
          kb(w.htmlGzip),
          kb(w.cssGzip),
          kb(w.scriptGzip),
          kb(w.imageBytes),
          kb(w.criticalGzip),
          kb(base.criticalGzip),
          ratio(w.criticalGzip, base.criticalGzip),
          String(w.foreign.length),
        ]);
      }
      printTable(
        [
          'page type',
          'HTML',
          'HTML gz',
          'CSS gz',
          'JS gz',
          'img',
          '1st paint gz',
          'bare Astro',
          'site / bare',
          'off-site refs',
        ],
        rows,
      );
      console.log(
        '1st paint = HTML + render-blocking CSS/JS. Bare Astro: the seed post\'s markdown (for "post") or one index page, minimal layout, no CSS.',
      );
      if (!large)
        console.log(
          '(Run the build section first, e.g. BENCH_SECTIONS=build,bytes, to add the blog index of its largest site.)',
        );
    } finally {
      await site.close();
      await baseline.close();
      await big?.close();
    }
  } finally {
    await bare.dispose();
  }
}
