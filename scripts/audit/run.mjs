// `npm run audit`: builds the site, serves dist/ on 127.0.0.1 (gzip, like a static host) and runs
// Lighthouse on the home page and the newest post, mobile (Lighthouse's defaults: simulated slow
// 4G, 4x CPU slowdown, phone screen) and desktop. Prints one table, writes the JSON reports to
// test-results/lighthouse/ and exits 1 when a budget in budgets.json is missed.
//   AUDIT_RUNS=3        runs per page and form factor (figures are medians)
//   AUDIT_SKIP_BUILD=1  audit the existing dist/
//   AUDIT_PAGES=/,/blog/x/  audit these paths instead
//   AUDIT_DIST=/some/dist   audit another built site (implies no build)
//   AUDIT_REFERENCE_DIST=/other/dist  also audit a reference site's post (AUDIT_REFERENCE_POST,
//                       default /blog/first-post/) in the same runs, served the same way, and print
//                       our newest post's LCP as a ratio to it (budget: referencePostLcpRatio)
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import { CHROMIUM_ARGS, ensureChromium } from '../browser.mjs';
import { pageWeight } from '../page-weight.mjs';
import { ROOT } from '../project-copy.mjs';
import { sitePages } from '../site-pages.mjs';
import { serveSite } from '../serve.mjs';
import { checkBudgets, median, referenceComparison, referenceLines, table } from './report.mjs';

const RUNS = Number(process.env.AUDIT_RUNS ?? 3);
const DIST = process.env.AUDIT_DIST ?? join(ROOT, 'dist');
const REPORTS = join(ROOT, 'test-results/lighthouse');
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const REFERENCE_DIST = process.env.AUDIT_REFERENCE_DIST;
const REFERENCE_POST = process.env.AUDIT_REFERENCE_POST ?? '/blog/first-post/';

const started = performance.now();
const budgets = JSON.parse(await readFile(join(ROOT, 'budgets.json'), 'utf8'));

if (process.env.AUDIT_SKIP_BUILD !== '1' && !process.env.AUDIT_DIST) {
  const build = spawnSync(join(ROOT, 'node_modules/.bin/astro'), ['build'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (build.status !== 0) throw new Error('astro build failed; run `npm run build` to see why');
}

// Named pages keep the type sitePages() knows them by, so the newest post is still compared with a reference.
const known = new Map(sitePages(DIST).map((page) => [page.path, page.type]));
const pages = process.env.AUDIT_PAGES
  ? process.env.AUDIT_PAGES.split(',').map((path) => ({ type: known.get(path) ?? path, path }))
  : sitePages(DIST).filter((page) => page.type === 'home' || page.type === 'post');
if (!pages.length) throw new Error(`no pages to audit in ${DIST}`);

const server = await serveSite(DIST);
const origin = new URL(server.url).origin;
/** @type {Array<{ type: string, path: string, server: string }>} */
const audited = pages.map((page) => ({ ...page, server: server.url }));
const reference = REFERENCE_DIST ? await serveSite(REFERENCE_DIST) : undefined;
if (reference) audited.push({ type: 'reference', path: REFERENCE_POST, server: reference.url });
await rm(REPORTS, { recursive: true, force: true });
await mkdir(REPORTS, { recursive: true });

const chrome = await chromeLauncher.launch({
  chromePath: ensureChromium(),
  chromeFlags: [
    ...CHROMIUM_ARGS,
    '--headless=new',
    // Nothing may leave the machine: every host but 127.0.0.1 fails to resolve.
    '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
  ],
  logLevel: 'silent',
});

/**
 * One Lighthouse run. Its trace recording occasionally fails on a loaded machine (NO_NAVSTART);
 * such a run is repeated, up to twice, rather than reported.
 * @param {string} url
 * @param {'mobile' | 'desktop'} formFactor
 */
async function auditOnce(url, formFactor, attempt = 1) {
  const result = await lighthouse(
    url,
    { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES },
    formFactor === 'desktop' ? desktopConfig : undefined,
  );
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const error = result.lhr.runtimeError;
  if (!error) return result;
  if (attempt < 3) return auditOnce(url, formFactor, attempt + 1);
  throw new Error(`Lighthouse failed on ${url} ${attempt} times: ${error.message}`);
}

/** @type {import('./report.mjs').Row[]} */
const rows = [];
try {
  for (const formFactor of /** @type {const} */ (['mobile', 'desktop'])) {
    const weights = await Promise.all(audited.map((page) => pageWeight(page.server, page.path)));
    /** @type {import('lighthouse').Result[][]} */
    const runs = audited.map(() => []);
    // Pages take turns within each round, so a reference is measured under the same load as ours.
    for (let run = 1; run <= RUNS; run++) {
      for (const [index, page] of audited.entries()) {
        const result = await auditOnce(new URL(page.path, page.server).href, formFactor);
        const slug = `${page.type === 'reference' ? 'reference-' : ''}${page.path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home'}`;
        await writeFile(
          join(REPORTS, `${formFactor}-${slug}-${run}.json`),
          /** @type {string} */ (result.report),
        );
        runs[index]?.push(result.lhr);
      }
    }
    for (const [index, page] of audited.entries()) {
      const ownOrigin = new URL(page.server).origin;
      rows.push(
        summarise(
          page,
          formFactor,
          runs[index] ?? [],
          /** @type {import('../page-weight.mjs').PageWeight} */ (weights[index]),
          ownOrigin,
        ),
      );
    }
  }
} finally {
  chrome.kill();
  await server.close();
  await reference?.close();
}

/**
 * @param {{ type: string, path: string }} page
 * @param {'mobile' | 'desktop'} formFactor
 * @param {import('lighthouse').Result[]} runs
 * @param {import('../page-weight.mjs').PageWeight} weight
 * @param {string} ownOrigin the origin that serves this page
 * @returns {import('./report.mjs').Row}
 */
function summarise(page, formFactor, runs, weight, ownOrigin) {
  const numeric = (/** @type {string} */ id) =>
    median(runs.map((lhr) => lhr.audits[id]?.numericValue ?? NaN));
  const score = (/** @type {string} */ id) =>
    median(runs.map((lhr) => Math.round((lhr.categories[id]?.score ?? 0) * 100)));
  // Bytes and requests from the median-LCP run's network log.
  const lcps = runs.map((lhr) => lhr.audits['largest-contentful-paint']?.numericValue ?? NaN);
  const middle = runs[lcps.indexOf(median(lcps))] ?? runs[0];
  const requests = /** @type {{ url: string, resourceType?: string, transferSize?: number }[]} */ (
    /** @type {any} */ (middle?.audits['network-requests']?.details)?.items ?? []
  );
  /** @type {Record<string, number>} */
  const bytesByType = {};
  for (const request of requests) {
    const type = request.resourceType ?? 'Other';
    bytesByType[type] = (bytesByType[type] ?? 0) + (request.transferSize ?? 0);
  }
  const origins = [
    ...new Set(requests.map((r) => new URL(r.url).origin).filter((o) => o.startsWith('http'))),
  ];
  /** @type {Record<string, string[]>} */
  const failing = {};
  for (const id of CATEGORIES) {
    failing[id] = (middle?.categories[id]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && (middle?.audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => ref.id);
  }
  return {
    page: page.type === 'reference' ? `reference ${page.path}` : page.path,
    type: page.type,
    formFactor,
    scores: Object.fromEntries(CATEGORIES.map((id) => [id, score(id)])),
    lcpMs: numeric('largest-contentful-paint'),
    cls: numeric('cumulative-layout-shift'),
    tbtMs: numeric('total-blocking-time'),
    pageBytes: requests.reduce((sum, r) => sum + (r.transferSize ?? 0), 0),
    bytesByType,
    requests: requests.length,
    origins,
    foreignOrigins: [
      ...origins.filter((o) => o !== ownOrigin),
      ...weight.foreign.map((u) => new URL(u).origin),
    ].filter((o, i, all) => all.indexOf(o) === i),
    criticalBytes: weight.criticalGzip,
    scriptBytes: weight.scriptGzip,
    blockingScripts: weight.blockingScripts,
    failingAudits: failing,
  };
}

console.log(table(rows, origin));
const comparison = referenceComparison(rows);
if (comparison.length)
  console.log(
    `\nPost LCP against the reference (${REFERENCE_DIST}), same run:\n${referenceLines(comparison)
      .map((line) => `  ${line}`)
      .join('\n')}`,
  );
else if (reference)
  console.log(
    `\nNo post of this site was audited beside the reference (AUDIT_PAGES?): no LCP ratio.`,
  );
await writeFile(join(REPORTS, 'summary.json'), `${JSON.stringify(rows, null, 2)}\n`);
// Lighthouse scales the main-thread work it observes, so a busy machine inflates TBT and mobile LCP.
console.log(
  `Load average ${loadavg()
    .map((n) => n.toFixed(1))
    .join(
      ' ',
    )} on ${cpus().length} CPU(s) at the end; figures from a busy machine are pessimistic.`,
);
const misses = checkBudgets(rows, budgets);
const seconds = ((performance.now() - started) / 1000).toFixed(0);
console.log(
  `\nJSON reports: ${REPORTS} (${rows.length * RUNS} runs, median of ${RUNS}); audit took ${seconds} s`,
);
if (misses.length) {
  console.log(`\n${misses.length} budget(s) missed (budgets.json):`);
  for (const miss of misses) console.log(`  ✗ ${miss}`);
  process.exitCode = 1;
} else {
  console.log('\nAll budgets met (budgets.json).');
}
