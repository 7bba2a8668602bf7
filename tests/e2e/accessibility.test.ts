import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sitePages } from '../../scripts/site-pages.mjs';
import { launchBrowser, openPage } from '../support/browser';
import { ROOT } from '../../scripts/project-copy.mjs';

// One page of each type, found in dist/ so new pages are covered as they appear; the 404 page is
// reached the way a reader reaches it, at an unknown address.
const pages = sitePages(join(ROOT, 'dist')).map((page) => (page.type === '404' ? { ...page, path: '/no-such-page/' } : page));
const REQUIRED = ['home', 'blog index', 'post', 'tag', 'tags index', '404'];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

test('every page type is in the build', () => {
  expect(pages.map((page) => page.type)).toEqual(REQUIRED);
});

describe.each(['light', 'dark'] as const)('axe-core, %s colour scheme: no violations', (colorScheme) => {
  test.each(pages)('$type ($path)', async ({ path }) => {
    const { page } = await openPage(browser, path, { colorScheme });
    try {
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
        .analyze();
      const violations = results.violations.map(
        (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
      );
      expect(violations, violations.join('\n')).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});
