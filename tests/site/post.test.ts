import type { Browser } from 'playwright-core';
import { WALLPAPER_SIZES } from '../../src/features/wallpaper/sizes';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readySite, urlOf } from '../support/sites';
import { connectBrowser, openPage, type TrackedPage } from '../support/browser';

const site = await readySite('site');

const POST = '/blog/2022-4-12-milvus-10k-stars/';

let browser: Browser;
let reader: TrackedPage;

beforeAll(async () => {
  browser = await connectBrowser();
  reader = await openPage(browser, urlOf(site, POST));
});
afterAll(() => browser?.close());

describe('the 10,000-stars post, as a reader sees it', () => {
  test('shows the title once, as the only h1 (its dash set as an en dash), and in the document title as written', async () => {
    const { page } = reader;
    expect(await page.locator('h1').count()).toBe(1);
    expect(
      (await page.locator('h1').evaluate((h1) => h1.textContent))?.replace(/\s+/g, ' ').trim(),
    ).toBe('A Small Step for Milvus – 10,000 Stars');
    expect(await page.title()).toContain('A Small Step for Milvus - 10,000 Stars');
    expect(
      await page.getByText('A Small Step for Milvus - 10,000 Stars', { exact: true }).count(),
    ).toBe(0);
  });

  test('shows the author, the date as written and a reading time', async () => {
    const { page } = reader;
    const time = page.locator('.post-header time');
    expect(await time.getAttribute('datetime')).toBe('2022-04-12');
    expect(await time.innerText()).toBe('April 12, 2022');
    expect(await page.locator('.post-header').innerText()).toMatch('The Milvus Community');
    expect(await page.locator('.post-header').innerText()).toMatch(/\d+ min read/);
  });

  test('shows the cover once, above the body, and both animations in the body', async () => {
    const { page } = reader;
    const cover = page.locator('.post-cover img');
    expect(await cover.count()).toBe(1);
    expect(await cover.getAttribute('alt')).toBe('Milvus reached 10K stars on GitHub.');
    expect(
      await page
        .locator('.prose img[src*="1_c1b02d6ab8"], .prose source[srcset*="1_c1b02d6ab8"]')
        .count(),
    ).toBe(0);
    const bodyImages = page.locator('.prose figure img');
    expect(await bodyImages.count()).toBe(2);
  });

  test('keeps the centred video line with its spaces and the YouTube link', async () => {
    const { page } = reader;
    const line = page.locator('.prose div', {
      hasText: 'to watch the full video of Milvus repository development visualization.',
    });
    expect(await line.count()).toBe(1);
    // What a sighted reader sees: the link's hidden destination ("(youtube.com)") left out.
    const visible = await line.evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
      return copy.textContent;
    });
    expect(visible).toBe(
      'Click here to watch the full video of Milvus repository development visualization.',
    );
    expect(await line.evaluate((el) => getComputedStyle(el).textAlign)).toBe('center');
    const link = line.getByRole('link', { name: 'here' });
    const href = new URL((await link.getAttribute('href')) ?? '');
    expect(href.hostname).toBe('www.youtube.com');
    expect(href.searchParams.get('v')).toBe('zIAX_oPI2Jk');
  });

  test('has the "Special event" section with the wallpaper link', async () => {
    const { page } = reader;
    const heading = page.getByRole('heading', { level: 2, name: 'Special event' });
    expect(await heading.isVisible()).toBe(true);
    const wallpaper = page.getByRole('link', { name: 'a downloadable desktop wallpaper' });
    expect(await wallpaper.isVisible()).toBe(true);
    // The author's remote link leads to the site's own card of sizes (no surprise 4K file on a phone).
    expect(await wallpaper.getAttribute('href')).toBe('#wallpaper-downloads');
    expect(await page.locator('#wallpaper-downloads a[download]').count()).toBe(
      WALLPAPER_SIZES.length,
    );
  });

  test('renders the milestone list and tags as links to tag pages', async () => {
    const { page } = reader;
    expect(await page.locator('.prose > ul > li').count()).toBe(5);
    const tag = page.locator('.post-header .tag-list a', { hasText: 'Artificial Intelligence' });
    expect(await tag.getAttribute('href')).toBe('/tags/artificial-intelligence/');
  });

  test('logs no errors', () => {
    expect(reader.errors).toEqual([]);
  });
});

describe('site pages', () => {
  test('the home page features the newest post with a clear link to it', async () => {
    const { page } = await openPage(browser, site.url);
    expect((await page.locator('.featured-post h1').innerText()).trim()).toBe(
      'A Small Step for Milvus – 10,000 Stars',
    );
    expect(await page.locator('.featured-post').innerText()).toMatch('The Milvus Community');
    expect(await page.locator('.featured-post time').getAttribute('datetime')).toBe('2022-04-12');
    await page
      .getByRole('link', { name: 'A Small Step for Milvus – 10,000 Stars', exact: true })
      .click();
    expect(new URL(page.url()).pathname).toBe(POST);
  });

  test('/blog/ lists the post and a tag page lists it too', async () => {
    const { page } = await openPage(browser, urlOf(site, 'blog/'));
    expect(
      await page.locator('.post-list a', { hasText: '10,000 Stars' }).getAttribute('href'),
    ).toBe(POST);
    await page.goto(new URL('/tags/vector-management/', page.url()).href);
    expect(await page.locator('h1').innerText()).toMatch('Vector Management');
    expect(await page.locator('.post-list a', { hasText: '10,000 Stars' }).count()).toBe(1);
  });

  test('an unknown address gets the real 404 page with status 404', async () => {
    const { page } = await openPage(browser, site.url);
    const response = await page.goto(new URL('/no-such-page/', page.url()).href);
    expect(response?.status()).toBe(404);
    expect((await page.locator('h1').innerText()).trim()).toBe('Page not found');
  });
});
