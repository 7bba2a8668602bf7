import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations } from '../support/axe-check';
import { connectBrowser, openPage, type TrackedPage } from '../support/browser';
import { DRAFT_POSTS, SEARCH_POSTS } from '../support/search-posts';
import { readySite, urlOf } from '../support/sites';

// Search on the many-posts site, served with its production headers (dist/_headers, so the one
// Content-Security-Policy applies), in a real browser.
const site = await readySite('many-posts');
const searchUrl = (query: string) => urlOf(site, `search/?q=${encodeURIComponent(query)}`);
const postPath = (id: string) => `/blog/${id}/`;

/** The result links once the page has answered (its status line says how many posts match). */
async function resultLinks(tab: Page): Promise<string[]> {
  await tab.locator('[data-search-status]').filter({ hasText: /match/ }).waitFor();
  return tab
    .locator('[data-search-results] li a')
    .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? ''));
}

let browser: Browser;
let tracked: TrackedPage;
beforeAll(async () => {
  browser = await connectBrowser();
  tracked = await openPage(browser, urlOf(site, ''));
});
afterAll(async () => {
  await tracked?.page.context().close();
  await browser?.close();
});

describe('?q= opens the search page with the query run', () => {
  test('a word found only in a post’s body finds it, linked to the section it is in', async () => {
    const { body } = SEARCH_POSTS;
    await tracked.page.goto(searchUrl(body.word));
    const links = await resultLinks(tracked.page);
    expect(links[0]).toBe(`${postPath(body.id)}#${body.section}`);
    const first = tracked.page.locator('[data-search-results] li').first();
    await expect.poll(() => first.locator('mark').first().textContent()).toMatch(/quasiperiodic/i);
    expect(await tracked.page.inputValue('input[type=search]')).toBe(body.word);
  });

  test('a title word with a typo finds the post, the title weighing above the text', async () => {
    const { title } = SEARCH_POSTS;
    await tracked.page.goto(searchUrl(title.typo));
    const links = await resultLinks(tracked.page);
    expect(links[0]).toBe(postPath(title.id));
    expect(await tracked.page.textContent('[data-search-status]')).toContain(
      title.word.toLowerCase(),
    );
  });

  test('a tag finds the posts that carry it', async () => {
    const links = await resultLinks(
      await tracked.page.goto(searchUrl(SEARCH_POSTS.tag.word)).then(() => tracked.page),
    );
    expect(links).toEqual([postPath(SEARCH_POSTS.tag.id)]);
  });

  test('every result is a link to a post of this site, with its title and date', async () => {
    await tracked.page.goto(searchUrl('query node'));
    const links = await resultLinks(tracked.page);
    expect(links.length).toBeGreaterThan(1);
    for (const href of links) expect(href).toMatch(/^\/blog\/[^/]+\/(#.+)?$/);
    const first = tracked.page.locator('[data-search-results] li').first();
    expect(await first.locator('a').textContent()).toMatch(/\w/);
    expect(await first.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  test('drafts are not found', async () => {
    for (const draft of DRAFT_POSTS) {
      await tracked.page.goto(searchUrl(draft.word));
      await tracked.page
        .locator('[data-search-status]')
        .filter({ hasText: /No post/ })
        .waitFor();
      expect(await resultLinks(tracked.page).catch(() => [])).toEqual([]);
    }
  });
});

test('the keyboard: / from any page, results as you type, arrows, Enter, Esc', async () => {
  const { page: tab } = tracked;
  tracked.errors.length = 0;
  const requests: string[] = [];
  tab.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await tab.goto(urlOf(site, 'tags/'));
  expect(requests.filter((path) => path.startsWith('/pagefind/'))).toEqual([]);

  await tab.keyboard.press('/');
  await tab.waitForURL(/\/search\/$/);
  await expect.poll(() => tab.evaluate(() => document.activeElement?.id)).toBe('search-input');
  await tab.keyboard.type(SEARCH_POSTS.title.word, { delay: 20 });
  const links = await resultLinks(tab);
  expect(links[0]).toBe(postPath(SEARCH_POSTS.title.id));
  expect(new URL(tab.url()).searchParams.get('q')).toBe(SEARCH_POSTS.title.word);

  await tab.keyboard.press('ArrowDown');
  const focusedHref = () => tab.evaluate(() => document.activeElement?.getAttribute('href'));
  expect(await focusedHref()).toBe(links[0]);
  if (links.length > 1) {
    await tab.keyboard.press('ArrowDown');
    expect(await focusedHref()).toBe(links[1]);
    await tab.keyboard.press('ArrowUp');
  }
  await tab.keyboard.press('ArrowUp');
  await expect.poll(() => tab.evaluate(() => document.activeElement?.id)).toBe('search-input');
  await tab.keyboard.press('ArrowDown');
  await tab.keyboard.press('Enter');
  await tab.waitForURL(new RegExp(`${postPath(SEARCH_POSTS.title.id)}$`));

  await tab.goBack();
  await tab.locator('#search-input').focus();
  await tab.keyboard.press('Escape');
  expect(await tab.inputValue('#search-input')).toBe('');
  await expect.poll(() => tab.locator('[data-search-results] li').count()).toBe(0);
  expect(requests.some((path) => path.startsWith('/pagefind/'))).toBe(true);
  expect(tracked.errors).toEqual([]);
  expect(tracked.offsiteRequests).toEqual([]);
});

test.each(['light', 'dark'] as const)(
  'the search page with results passes axe in the %s scheme, with no CSP violation',
  async (colorScheme) => {
    const { page: tab, errors } = await openPage(browser, searchUrl('milvus'), { colorScheme });
    try {
      const violations: string[] = [];
      await tab.exposeFunction('reportViolation', (text: string) => violations.push(text));
      await tab.evaluate(() =>
        document.addEventListener('securitypolicyviolation', (event) =>
          (window as unknown as { reportViolation(text: string): void }).reportViolation(
            `${event.violatedDirective} ${event.blockedURI}`,
          ),
        ),
      );
      await tab.fill('#search-input', 'milvus index');
      await resultLinks(tab);
      const axe = await axeViolations(tab, ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice']);
      expect(axe, axe.join('\n')).toEqual([]);
      expect(violations).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await tab.context().close();
    }
  },
  120_000,
);

test('without JavaScript the page says search needs it and links the archive and tags', async () => {
  const { page: tab } = await openPage(browser, searchUrl('milvus'), { javaScriptEnabled: false });
  try {
    const note = tab.locator('.search-no-js');
    await note.waitFor();
    expect(await note.textContent()).toMatch(/needs JavaScript/);
    const hrefs = await note
      .locator('a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(['/archive/', '/tags/']);
  } finally {
    await tab.context().close();
  }
});
