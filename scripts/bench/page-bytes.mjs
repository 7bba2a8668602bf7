// Bench section: bytes served per page type by the site (built in a temporary copy, served gzipped
// on 127.0.0.1), against a bare Astro project rendering the seed post's markdown with a minimal layout.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pageWeight } from '../page-weight.mjs';
import { astroBuild, copyProject, ROOT } from '../project-copy.mjs';
import { sitePages } from '../site-pages.mjs';
import { serveSite } from '../serve.mjs';
import { bareAstroProject } from './bare-astro.mjs';
import { printTable, ratio } from './format.mjs';

const kb = (/** @type {number} */ bytes) => (bytes / 1024).toFixed(1);

export const title = 'Served bytes per page type (KB; gz = gzip -9 as served; img = <img src> files on this origin)';

export async function run() {
  const seedText = await readFile(join(ROOT, 'src/content/blog/2022-4-12-milvus-10k-stars.md'), 'utf8');
  const [, frontmatter = '', body = ''] = /^(---\n[\s\S]*?\n---)\n([\s\S]*)$/.exec(seedText) ?? [];
  const ours = await copyProject('milestones-bench-');
  const bare = await bareAstroProject([{ id: 'seed', frontmatter, body }]);
  try {
    for (const [dir, what] of [[ours.dir, 'the site'], [bare.dir, 'bare Astro']]) {
      const build = await astroBuild(/** @type {string} */ (dir));
      if (build.code !== 0) throw new Error(`${what}: astro build failed\n${build.output.slice(-3000)}`);
    }
    const site = await serveSite(join(ours.dir, 'dist'));
    const baseline = await serveSite(join(bare.dir, 'dist'));
    try {
      const bareHome = await pageWeight(baseline.url, '/');
      const barePost = await pageWeight(baseline.url, '/posts/seed/');
      const rows = [];
      for (const page of sitePages(join(ours.dir, 'dist'))) {
        const w = await pageWeight(site.url, page.path);
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
      printTable(['page type', 'HTML', 'HTML gz', 'CSS gz', 'JS gz', 'img', '1st paint gz', 'bare Astro', 'site / bare', 'off-site refs'], rows);
      console.log('1st paint = HTML + render-blocking CSS/JS. Bare Astro: the seed post\'s markdown (for "post") or one index page, minimal layout, no CSS.');
    } finally {
      await site.close();
      await baseline.close();
    }
  } finally {
    await ours.dispose();
    await bare.dispose();
  }
}
