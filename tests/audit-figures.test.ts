import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  checkBudgets,
  median,
  referenceComparison,
  referenceLines,
  type Budgets,
  type Row,
} from '../scripts/audit/report.mjs';
import { gz, pageWeight } from '../scripts/page-weight.mjs';
import { serveSite } from '../scripts/serve.mjs';

// A tiny site whose costs are known, served the way the audit serves dist/.
const CSS = 'body{color:#123}'.repeat(50);
const CHUNK = 'export const answer = 42;'.repeat(20);
const ENTRY = 'import { answer } from "./chunk.js"; console.log(answer);';
const PAGE = `<!doctype html><html lang="en"><head><title>t</title>
<link rel="stylesheet" href="/site.css"><link rel="stylesheet" href="/print.css" media="print">
<script type="module" src="/entry.js"></script></head>
<body><img src="/a.png" alt="a"><img src="https://cdn.example/b.png" alt="b"><script>window.x=1</script></body></html>`;

let dir: string;
let server: Awaited<ReturnType<typeof serveSite>>;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'page-weight-'));
  await mkdir(join(dir, 'page'));
  await writeFile(join(dir, 'page/index.html'), PAGE);
  await writeFile(join(dir, 'site.css'), CSS);
  await writeFile(join(dir, 'print.css'), 'a{}');
  await writeFile(join(dir, 'entry.js'), ENTRY);
  await writeFile(join(dir, 'chunk.js'), CHUNK);
  await writeFile(join(dir, 'a.png'), Buffer.alloc(1234));
  server = await serveSite(dir);
});
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('page weight, as the audit and the bench count it', () => {
  test('first paint = HTML + blocking stylesheets; print CSS and module scripts do not block', async () => {
    const w = await pageWeight(server.url, '/page/');
    expect(w.htmlBytes).toBe(Buffer.byteLength(PAGE));
    expect(w.criticalGzip).toBe(gz(PAGE) + gz(CSS));
    expect(w.blocking).toEqual([`${server.url}site.css`]);
    expect(w.blockingScripts).toBe(0);
  });

  test('JavaScript counts the module, what it imports and inline scripts', async () => {
    const w = await pageWeight(server.url, '/page/');
    expect(w.scriptGzip).toBe(gz(ENTRY) + gz(CHUNK) + gz('window.x=1'));
    expect(w.scripts).toEqual([`${server.url}entry.js`, `${server.url}chunk.js`, '(inline)']);
  });

  test('images on this origin are weighed; other origins are reported', async () => {
    const w = await pageWeight(server.url, '/page/');
    expect(w.imageBytes).toBe(1234);
    expect(w.foreign).toEqual(['https://cdn.example/b.png']);
  });

  test('the server gzips text and sends images as they are', async () => {
    const { request } = await import('node:http');
    const get = (path: string) =>
      new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
        request(new URL(path, server.url), { headers: { 'accept-encoding': 'gzip' } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }),
          );
        })
          .on('error', reject)
          .end();
      });
    const css = await get('/site.css');
    expect(css.encoding).toBe('gzip');
    expect(gunzipSync(css.body).toString()).toBe(CSS);
    const png = await get('/a.png');
    expect(png.encoding).toBeUndefined();
    expect(png.body.byteLength).toBe(1234);
  });
});

const budgets: Budgets = {
  scores: { performance: 100, accessibility: 100, 'best-practices': 100, seo: 100 },
  mobile: { lcpMs: 1200, cls: 0, tbtMs: 0, pageBytes: 400 * 1024 },
  desktop: { lcpMs: 1200, cls: 0, tbtMs: 0, pageBytes: 400 * 1024 },
  criticalBytes: 14 * 1024,
  scriptBytes: 3 * 1024,
  blockingScripts: 0,
  foreignOrigins: 0,
};
const good: Row = {
  page: '/',
  type: 'home',
  formFactor: 'mobile',
  scores: { performance: 100, accessibility: 100, 'best-practices': 100, seo: 100 },
  lcpMs: 900,
  cls: 0,
  tbtMs: 4,
  pageBytes: 100_000,
  bytesByType: { Document: 3000 },
  requests: 2,
  origins: ['http://127.0.0.1:1'],
  foreignOrigins: [],
  criticalBytes: 4000,
  scriptBytes: 0,
  blockingScripts: 0,
  failingAudits: {},
};

describe('budgets', () => {
  test('a page within every budget misses none (TBT under 5 ms shows as 0, as in Lighthouse)', () => {
    expect(checkBudgets([good], budgets)).toEqual([]);
  });

  test('each figure over its budget is named with the page and the limit', () => {
    const bad: Row = {
      ...good,
      scores: { ...good.scores, seo: 92 },
      failingAudits: { seo: ['link-text'] },
      lcpMs: 1300,
      cls: 0.01,
      tbtMs: 20,
      pageBytes: 500 * 1024,
      criticalBytes: 15 * 1024,
      scriptBytes: 4 * 1024,
      blockingScripts: 1,
      foreignOrigins: ['https://cdn.example'],
    };
    const misses = checkBudgets([bad], budgets);
    expect(misses).toEqual([
      '/ (mobile): seo 92 < 100; failing audits: link-text',
      '/ (mobile): LCP 1300 ms > 1200 ms',
      '/ (mobile): CLS 0.010 > 0',
      '/ (mobile): TBT 20 ms > 0 ms',
      '/ (mobile): page weight 500.0 KB > 400.0 KB',
      '/ (mobile): HTML + render-blocking resources 15.0 KB gzip > 14.0 KB',
      '/ (mobile): JavaScript 4.0 KB gzip > 3.0 KB',
      '/ (mobile): 1 render-blocking script(s) > 0',
      '/ (mobile): requests to other origins: https://cdn.example',
    ]);
  });

  test('against a reference post audited in the same run: the ratio per form factor, a budget only for it', () => {
    const post: Row = { ...good, page: '/blog/x/', type: 'post', lcpMs: 850 };
    const reference: Row = {
      ...good,
      page: 'reference /blog/first-post/',
      type: 'reference',
      lcpMs: 1000,
      scores: { ...good.scores, seo: 80 },
      origins: ['http://127.0.0.1:2'],
    };
    const desktop = (row: Row, lcpMs: number): Row => ({ ...row, formFactor: 'desktop', lcpMs });
    const rows = [good, post, reference, desktop(post, 500), desktop(reference, 500)];
    expect(referenceComparison(rows)).toEqual([
      {
        formFactor: 'mobile',
        page: '/blog/x/',
        reference: 'reference /blog/first-post/',
        oursMs: 850,
        referenceMs: 1000,
        ratio: 0.85,
      },
      {
        formFactor: 'desktop',
        page: '/blog/x/',
        reference: 'reference /blog/first-post/',
        oursMs: 500,
        referenceMs: 500,
        ratio: 1,
      },
    ]);
    expect(referenceLines(referenceComparison(rows))[0]).toBe(
      'mobile: LCP of /blog/x/ 850 ms, of reference /blog/first-post/ 1000 ms: 0.85×',
    );
    // The reference's own figures (its SEO score here) are not this site's budgets.
    expect(checkBudgets(rows, { ...budgets, referencePostLcpRatio: 0.9 })).toEqual([
      "/blog/x/ (desktop): LCP 1.00× the reference post's (500 / 500 ms) > 0.9×",
    ]);
    expect(checkBudgets(rows, budgets)).toEqual([]);
    expect(referenceComparison([good, post])).toEqual([]);
  });

  test('median of runs', () => {
    expect(median([1300, 900, 1000])).toBe(1000);
    expect(median([3, 1])).toBe(1);
  });
});
