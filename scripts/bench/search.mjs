// Bench section: search on a many-post site against the 1-post site of this run. For each:
//   bytes     what the search page loads from opening to its first results (gzip -9 as served;
//             Pagefind's index files are compressed already), all of it and the search part alone
//             (its script, Pagefind, the index chunks and result fragments, the typo words);
//   time      first results (Pagefind and the index loading), then keystroke to results for
//             further queries: median and worst, on desktop and with the CPU slowed 4× (CDP);
//   index     dist/pagefind as a share of dist/, and the indexing time per post (Pagefind run
//             again on the built pages, into a temporary folder).
// The large site is the build section's when it ran first (BENCH_SECTIONS=build,search), else a
// BENCH_SEARCH_POSTS-post one (default 300) built here from generate-posts.mjs.
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import * as pagefind from 'pagefind';
import { CHROMIUM_ARGS, ensureHeadlessShell } from '../browser.mjs';
import { copyProject } from '../project-copy.mjs';
import { serveSite } from '../serve.mjs';
import { benchBuild } from './_build.mjs';
import { printTable, ratio } from './format.mjs';
import { writeBenchPosts } from './generate-posts.mjs';

/** The budgets on the large site. */
const BUDGET = { searchKb: 150, desktopMs: 100, slowMs: 300 };
/** Queries typed after the first: words of the generated posts' titles, tags and text (and one typo). */
const QUERIES = ['compaction', 'kubernetes', 'recall rate', 'diskann', 'qurey node', 'segment'];
const kb = (/** @type {number} */ bytes) => (bytes / 1024).toFixed(1);
const median = (/** @type {number[]} */ xs) =>
  /** @type {number} */ ([...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]);

export const title =
  'Search: bytes to first results, keystroke-to-results time, index size and indexing cost, against the 1-post site';

async function dirBytes(/** @type {string} */ dir) {
  let bytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) bytes += (await stat(join(entry.parentPath, entry.name))).size;
  return bytes;
}

/** Seconds Pagefind takes to index the built pages again (into a temporary folder). */
async function indexSeconds(/** @type {string} */ dist) {
  const out = await mkdtemp(join(tmpdir(), 'bench-pagefind-'));
  try {
    const started = performance.now();
    const { index } = await pagefind.createIndex({});
    if (!index) throw new Error('pagefind did not start');
    const added = await index.addDirectory({ path: dist });
    await index.writeFiles({ outputPath: out });
    return { seconds: (performance.now() - started) / 1000, pages: added.page_count };
  } finally {
    await pagefind.close();
    await rm(out, { recursive: true, force: true });
  }
}

/**
 * Opens the search page with `?q=` and records what it loads until the first result is shown;
 * then times each further query from the input event to the status line the page sets last.
 * @param {import('playwright-core').Browser} browser
 */
async function measure(browser, /** @type {string} */ url, /** @type {number} */ slowdown) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (slowdown > 1)
    await (
      await context.newCDPSession(page)
    ).send('Emulation.setCPUThrottlingRate', {
      rate: slowdown,
    });
  /** @type {Promise<{ url: string, bytes: number }>[]} */
  const loads = [];
  page.on('response', (response) =>
    loads.push(
      response
        .body()
        .then((body) => ({
          url: response.url(),
          bytes: Math.min(body.length, gzipSync(body, { level: 9 }).length),
        }))
        .catch(() => ({ url: response.url(), bytes: 0 })),
    ),
  );
  const started = performance.now();
  await page.goto(new URL('search/?q=milvus', url).href);
  await page.locator('[data-search-results] li').first().waitFor({ timeout: 60_000 });
  const firstMs = performance.now() - started;
  const loaded = await Promise.all(loads);
  const searchPart = loaded.filter(({ url: file }) =>
    /\/pagefind\/|\/search-words\.json|\/_astro\/.*search/i.test(file),
  );
  const sum = (/** @type {{ bytes: number }[]} */ list) => list.reduce((n, f) => n + f.bytes, 0);
  const times = [];
  for (const query of QUERIES) {
    times.push(
      await page.evaluate(
        (text) =>
          new Promise((resolve) => {
            const input = /** @type {HTMLInputElement} */ (
              document.querySelector('[data-search-input]')
            );
            const status = /** @type {HTMLElement} */ (
              document.querySelector('[data-search-status]')
            );
            input.value = '';
            input.dispatchEvent(new Event('input'));
            const observer = new MutationObserver(() => {
              if (!status.textContent) return;
              observer.disconnect();
              resolve(performance.now() - begun);
            });
            observer.observe(status, { childList: true, characterData: true, subtree: true });
            const begun = performance.now();
            input.value = text;
            input.dispatchEvent(new Event('input'));
          }),
        query,
      ),
    );
  }
  await context.close();
  return {
    allBytes: sum(loaded),
    searchBytes: sum(searchPart),
    firstMs,
    medianMs: median(/** @type {number[]} */ (times)),
    worstMs: Math.max(.../** @type {number[]} */ (times)),
  };
}

/** @param {{ context: import('./run.mjs').BenchContext }} options */
export async function run({ context }) {
  const baseline = { posts: 1, dist: (await context.build()).dist };
  let large = context.keptSite;
  if (!large) {
    const posts = Number(process.env.BENCH_SEARCH_POSTS ?? 300);
    const copy = await copyProject('milestones-bench-search-');
    context.onDispose(() => copy.dispose());
    await writeBenchPosts(copy.contentDir, posts - 1);
    await benchBuild(copy.dir, `the ${posts}-post site`);
    large = { posts, dist: join(copy.dir, 'dist') };
  }
  const browser = await chromium.launch({
    executablePath: ensureHeadlessShell(),
    args: CHROMIUM_ARGS,
    headless: true,
  });
  const rows = [];
  /** @type {Record<string, number>[]} */
  const figures = [];
  try {
    for (const site of [baseline, large]) {
      const server = await serveSite(site.dist);
      try {
        const desktop = await measure(browser, server.url, 1);
        const slow = await measure(browser, server.url, 4);
        const index = await dirBytes(join(site.dist, 'pagefind'));
        const all = await dirBytes(site.dist);
        const { seconds, pages } = await indexSeconds(site.dist);
        figures.push({ search: desktop.searchBytes, desktop: desktop.medianMs });
        rows.push([
          `${site.posts} post${site.posts === 1 ? '' : 's'}`,
          kb(desktop.searchBytes),
          kb(desktop.allBytes),
          `${desktop.firstMs.toFixed(0)} / ${slow.firstMs.toFixed(0)}`,
          `${desktop.medianMs.toFixed(0)} / ${desktop.worstMs.toFixed(0)}`,
          `${slow.medianMs.toFixed(0)} / ${slow.worstMs.toFixed(0)}`,
          `${((index / all) * 100).toFixed(1)}% (${(index / 1e6).toFixed(1)} MB)`,
          `${((seconds * 1000) / site.posts).toFixed(1)} (${seconds.toFixed(1)} s, ${pages} pages read)`,
        ]);
      } finally {
        await server.close();
      }
    }
  } finally {
    await browser.close();
  }
  printTable(
    [
      'site',
      'search KB gz',
      'page total KB gz',
      'first results ms (desktop / 4× slower)',
      'keystroke→results ms desktop (median / worst)',
      'keystroke→results ms 4× slower (median / worst)',
      'index share of dist/',
      'indexing ms per post',
    ],
    rows,
  );
  const [one, many] = figures;
  if (one && many)
    console.log(
      `${large.posts} posts against 1: search bytes ${ratio(many.search ?? 0, one.search ?? 0)}, keystroke time ${ratio(many.desktop ?? 0, one.desktop ?? 0)}. ` +
        `Budgets at 300 posts: search ≤ ${BUDGET.searchKb} KB gz, keystroke ≤ ${BUDGET.desktopMs} ms desktop and ≤ ${BUDGET.slowMs} ms at 4×. ` +
        'Search KB = the search script, Pagefind (script, worker, WebAssembly), index chunks, the shown results’ fragments and the typo words; page total adds the page, its styles and fonts.',
    );
}
