import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sitePages } from '../../scripts/site-pages.mjs';
import { axeViolations, WCAG_TAGS } from '../support/axe-check';
import { readySite, urlOf } from '../support/sites';
import { connectBrowser, openPage, revisit, type TrackedPage } from '../support/browser';

const site = await readySite('site');

// One page of each type, found in dist/ so new pages are covered as they appear; the 404 page is
// reached the way a reader reaches it, at an unknown address.
const pages = sitePages(site.dist).map((page) =>
  page.type === '404' ? { ...page, path: '/no-such-page/' } : page,
);
const REQUIRED = ['home', 'blog index', 'post', 'tag', 'tags index', 'archive', 'search', '404'];

let browser: Browser;
/** One tab for every page in both schemes. */
let tab: TrackedPage;
beforeAll(async () => {
  browser = await connectBrowser();
  tab = await openPage(browser, 'about:blank');
});
afterAll(() => browser?.close());

test('every page type is in the build', () => {
  expect(pages.map((page) => page.type)).toEqual(REQUIRED);
});

describe.each(['light', 'dark'] as const)(
  'axe-core, %s colour scheme: no violations',
  (colorScheme) => {
    test.each(pages)('$type ($path)', async ({ path }) => {
      const { page } = await revisit(tab, urlOf(site, path), { colorScheme });
      const violations = await axeViolations(page, [...WCAG_TAGS, 'best-practice']);
      expect(violations, violations.join('\n')).toEqual([]);
    });
  },
);
