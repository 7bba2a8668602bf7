import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { site as siteConfig } from '../../src/config/site';
import { xLength } from '../../src/features/sharing/links';
import { connectBrowser, openPage } from '../support/browser';
import { THEMES, viewport, WIDTHS } from '../support/reading';
import { readySite, urlOf } from '../support/sites';

// The hero of a milestone post (issue 23): the milestone set big, the cover and the page's three
// jobs (share on X, get the wallpaper, star the project) in view before any scrolling, at a
// phone's width and a laptop's, in both themes; each fact once.

const site = await readySite('site');
const POST = '/blog/2022-4-12-milvus-10k-stars/';
const URL_OF_POST = 'https://milestones.milvus.io/blog/2022-4-12-milvus-10k-stars/';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(() => browser?.close());

describe.each(WIDTHS)('above the fold at %i px', (width) => {
  test.each(THEMES)(
    'in the %s theme: the milestone, the cover and the three labelled actions',
    async (theme) => {
      const { page, errors } = await openPage(browser, urlOf(site, POST), {
        viewport: viewport(width),
        colorScheme: theme,
      });
      const fold = viewport(width).height;
      const hero = page.locator('.post-header');
      const inView = async (selector: ReturnType<typeof hero.locator>) => {
        const box = await selector.boundingBox();
        return !!box && box.height > 0 && box.y >= 0 && box.y + box.height <= fold;
      };
      const number = hero.locator('.hero-number');
      expect((await number.evaluate((el) => el.firstChild?.textContent))?.trim()).toBe('10,000');
      expect(await number.locator('svg').count()).toBe(1);
      expect(await inView(number), 'milestone').toBe(true);
      expect(await inView(hero.locator('.post-cover img')), 'cover').toBe(true);
      for (const name of ['Share on X', 'Get the wallpaper', 'Star on GitHub']) {
        const action = hero.getByRole('link', { name, exact: true });
        expect(await inView(action), name).toBe(true);
      }
      // The title reads as written, with its dash set as an en dash; the number is a sign on screen.
      expect(
        (await page.locator('h1').evaluate((h1) => h1.textContent))?.replace(/\s+/g, ' ').trim(),
      ).toBe('A Small Step for Milvus – 10,000 Stars');
      // The cover shows the date: the byline keeps it for screen readers only.
      const time = hero.locator('time');
      expect(await time.getAttribute('datetime')).toBe('2022-04-12');
      const box = await time.boundingBox();
      expect(box!.width * box!.height).toBeLessThanOrEqual(1);
      expect(errors).toEqual([]);
      await page.context().close();
    },
  );
});

describe('the actions', () => {
  test('Share on X carries the title and a line within 280 as X counts; Star leads to the repository; Get the wallpaper to the card', async () => {
    const { page } = await openPage(browser, urlOf(site, POST), { viewport: viewport(1440) });
    const hero = page.locator('.post-header');
    const x = new URL((await hero.getByRole('link', { name: 'Share on X' }).getAttribute('href'))!);
    const text = x.searchParams.get('text')!;
    expect(text.startsWith('A Small Step for Milvus – 10,000 Stars\n\nWe recently hit')).toBe(true);
    expect(x.searchParams.get('url')).toBe(URL_OF_POST);
    expect(
      xLength(`${text} ${x.searchParams.get('url')} via @${x.searchParams.get('via')}`),
    ).toBeLessThanOrEqual(280);
    expect(await hero.getByRole('link', { name: 'Star on GitHub' }).getAttribute('href')).toBe(
      siteConfig.repository.url,
    );
    await hero.getByRole('link', { name: 'Get the wallpaper' }).click();
    await page.waitForURL(/#wallpaper-downloads$/);
    const card = await page.locator('#wallpaper-downloads').boundingBox();
    expect(card!.y).toBeGreaterThanOrEqual(0);
    expect(card!.y).toBeLessThan(200);
    await page.context().close();
  });

  test('“spread the word” in the text leads to the share block; in print it gives the page’s address', async () => {
    const { page } = await openPage(browser, urlOf(site, POST), { viewport: viewport(375) });
    const spread = page.locator('.prose').getByRole('link', { name: 'spread the word' });
    expect(await spread.getAttribute('href')).toBe('#share');
    await spread.click();
    await page.waitForURL(/#share$/);
    expect(await page.locator('#share').getAttribute('aria-labelledby')).toBe('share-heading');
    await page.emulateMedia({ media: 'print' });
    const printed = await page
      .locator('.prose a[href="#wallpaper-downloads"]')
      .evaluate((a) => getComputedStyle(a, '::after').content);
    expect(printed).toBe(`" (${URL_OF_POST}#wallpaper-downloads)"`);
    await page.context().close();
  });
});
