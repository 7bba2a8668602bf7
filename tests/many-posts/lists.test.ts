import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import budgets from '../../budgets.json';
import { POSTS_PER_PAGE } from '../../src/features/content/pagination';
import { axeViolations } from '../support/axe-check';
import { connectBrowser, openPage } from '../support/browser';
import { MANY_POSTS, PAGINATED_TAG } from '../support/many-posts';
import { PUBLISHED_SEARCH_POSTS } from '../support/search-posts';
import { page, readySite, urlOf } from '../support/sites';

// The seed plus MANY_POSTS generated posts (tests/support/many-posts.ts), all tagged PAGINATED_TAG,
// and the search posts (tests/support/search-posts.ts): the blog index and that tag's page each run
// to three pages.
const site = await readySite('many-posts');
const ORIGIN = 'https://milestones.milvus.io';
const TOTAL = MANY_POSTS + 1 + PUBLISHED_SEARCH_POSTS;
const LAST = Math.ceil(TOTAL / POSTS_PER_PAGE);
const blogPage = (n: number) => (n === 1 ? 'blog/' : `blog/${n}/`);
const tagPage = (n: number) => `tags/${PAGINATED_TAG.slug}/${n === 1 ? '' : `${n}/`}`;

describe.each([
  { list: 'the blog index', path: blogPage, posts: TOTAL },
  { list: `the "${PAGINATED_TAG.label}" tag`, path: tagPage, posts: MANY_POSTS },
])('$list, paginated', ({ path, posts }) => {
  const last = Math.ceil(posts / POSTS_PER_PAGE);

  test(`shows every post once, newest first, at most ${POSTS_PER_PAGE} a page`, async () => {
    const seen: string[] = [];
    const dates: string[] = [];
    for (let n = 1; n <= last; n++) {
      const $ = await page(site, path(n));
      const cards = $('main .post-list .post-card');
      expect(cards.length, path(n)).toBe(
        n < last ? POSTS_PER_PAGE : posts - POSTS_PER_PAGE * (last - 1),
      );
      seen.push(
        ...cards
          .find('.post-card-title a')
          .map((_, a) => $(a).attr('href'))
          .get(),
      );
      dates.push(
        ...cards
          .find('time')
          .map((_, t) => $(t).attr('datetime'))
          .get(),
      );
    }
    expect(seen).toHaveLength(posts);
    expect(new Set(seen).size).toBe(posts);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  test('each page has its own canonical URL and title; page 1 keeps the list URL', async () => {
    const titles = new Set<string>();
    for (let n = 1; n <= last; n++) {
      const $ = await page(site, path(n));
      expect($('link[rel=canonical]').attr('href')).toBe(`${ORIGIN}/${path(n)}`);
      expect($('meta[property="og:url"]').attr('content')).toBe(`${ORIGIN}/${path(n)}`);
      titles.add($('title').text());
    }
    expect(titles.size).toBe(last);
  });

  test('an accessible page navigation: named, numbers, the current page marked, previous and next', async () => {
    for (let n = 1; n <= last; n++) {
      const $ = await page(site, path(n));
      const nav = $('nav.pagination');
      expect(nav.attr('aria-label'), path(n)).toMatch(/^Pages of /);
      const numbers = nav.find('a:not([rel])');
      expect(numbers.map((_, a) => $(a).text().replace(/\s+/g, ' ').trim()).get()).toEqual(
        Array.from({ length: last }, (_, k) => `Page ${k + 1}`),
      );
      expect(numbers.map((_, a) => $(a).attr('href')).get()).toEqual(
        Array.from({ length: last }, (_, k) => `/${path(k + 1)}`),
      );
      expect(nav.find('[aria-current="page"]').attr('href')).toBe(`/${path(n)}`);
      expect(nav.find('a[rel=prev]').attr('href')).toBe(n > 1 ? `/${path(n - 1)}` : undefined);
      expect(nav.find('a[rel=next]').attr('href')).toBe(n < last ? `/${path(n + 1)}` : undefined);
    }
  });
});

test('a list that fits one page has no page navigation', async () => {
  expect((await page(site, 'tags/release/'))('nav.pagination').length).toBe(0);
  expect((await page(site, 'tags/release/'))('.post-card').length).toBeGreaterThan(0);
});

test('the sitemap lists every page of every list', async () => {
  const sitemap = await readFile(join(site.dist, 'sitemap-0.xml'), 'utf8');
  for (let n = 1; n <= LAST; n++) expect(sitemap).toContain(`<loc>${ORIGIN}/${blogPage(n)}</loc>`);
  for (let n = 1; n <= Math.ceil(MANY_POSTS / POSTS_PER_PAGE); n++)
    expect(sitemap).toContain(`<loc>${ORIGIN}/${tagPage(n)}</loc>`);
});

test(`the first page of the blog index fits the first-paint budget (HTML with its inline CSS + render-blocking CSS ≤ ${budgets.criticalBytes} B gzip)`, async () => {
  const html = await readFile(join(site.dist, 'blog/index.html'), 'utf8');
  const gz = (bytes: string | Buffer) => gzipSync(bytes, { level: 9 }).byteLength;
  expect(html.slice(0, html.indexOf('</head>'))).toMatch(/<style>[^<]+<\/style>/);
  const stylesheets = [...html.matchAll(/<link rel="stylesheet" href="\/([^"]+)"/g)].map(
    (m) => m[1]!,
  );
  let critical = gz(html);
  for (const file of stylesheets) critical += gz(await readFile(join(site.dist, file)));
  console.log(`/blog/ with ${TOTAL} posts: ${POSTS_PER_PAGE} cards, HTML + CSS ${critical} B gzip`);
  expect(critical).toBeLessThanOrEqual(budgets.criticalBytes);
});

describe('in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await connectBrowser();
  });
  afterAll(() => browser?.close());

  test.each(['light', 'dark'] as const)(
    'a middle page passes axe in the %s scheme, with no console errors',
    async (colorScheme) => {
      const {
        page: tab,
        errors,
        offsiteRequests,
      } = await openPage(browser, urlOf(site, blogPage(2)), { colorScheme });
      try {
        const violations = await axeViolations(tab, [
          'wcag2a',
          'wcag2aa',
          'wcag21aa',
          'wcag22aa',
          'best-practice',
        ]);
        expect(violations, violations.join('\n')).toEqual([]);
        expect(errors).toEqual([]);
        expect(offsiteRequests).toEqual([]);
        await tab
          .getByRole('navigation', { name: 'Pages of all posts' })
          .getByRole('link', { name: /Older posts/ })
          .click();
        expect(new URL(tab.url()).pathname).toBe(`/${blogPage(3)}`);
      } finally {
        await tab.context().close();
      }
    },
  );
});
