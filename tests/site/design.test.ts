import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readySite, urlOf } from '../support/sites';
import { connectBrowser, openPage, revisit, type TrackedPage } from '../support/browser';
import { ROOT } from '../../scripts/project-copy.mjs';
import { site as siteConfig } from '../../src/config/site';
import {
  horizontalOverflow,
  leftEdges,
  loadLazyImages,
  paintedTheme,
  REVIEW_WIDTHS,
  THEMES,
  viewport,
} from '../support/reading';

// The page design: one column that the header, the hero, the text and the footer all
// start at, on every page type and at every width; a footer at the bottom of short pages; the
// site's mark, the repository and the feed in the header and footer; the home's featured card as
// one link; thumbnails in post lists; a theme toggle that shows the theme. Screenshots of every
// page type at every width in both themes go to test-results/screenshots/ for review.

const site = await readySite('site');

const POST = '/blog/2022-4-12-milvus-10k-stars/';
const TITLE = 'A Small Step for Milvus - 10,000 Stars';
const SCREENSHOTS = join(ROOT, 'test-results/screenshots');

/** Each page type, and the element whose left edge is its first text: a paragraph or a list. */
const PAGES = {
  post: { path: POST, text: '.prose > p' },
  home: { path: '/', text: '.featured-post .lede' },
  blog: { path: '/blog/', text: 'main .post-list' },
  tag: { path: '/tags/vector-management/', text: 'main h1 ~ p, main .post-list' },
  // Reached as a reader reaches it: an address that does not exist.
  '404': { path: '/no-such-page/', text: 'main h1 ~ p' },
} as const;

let browser: Browser;
/** One tab for every page, width and theme below, as a reader resizing the window and switching theme. */
let tab: TrackedPage;

beforeAll(async () => {
  browser = await connectBrowser();
  tab = await openPage(browser, 'about:blank');
  await mkdir(SCREENSHOTS, { recursive: true });
});
afterAll(() => browser?.close());

describe.each(Object.entries(PAGES))('the %s page', (name, { path, text }) => {
  describe.each(REVIEW_WIDTHS)('at %i px', (width) => {
    describe.each(THEMES)('in the %s theme', (theme) => {
      let reader: TrackedPage;
      beforeAll(async () => {
        reader = await revisit(tab, urlOf(site, path), {
          viewport: viewport(width),
          colorScheme: theme,
        });
      });

      test('is painted in that theme, never scrolls sideways and logs no error', async () => {
        expect(await paintedTheme(reader.page)).toBe(theme);
        expect(await horizontalOverflow(reader.page)).toBe(0);
        // The 404 page is reached at an unknown address, which the browser logs as a failed load.
        expect(
          reader.errors.filter((error) => !(name === '404' && /status of 404/.test(error))),
        ).toEqual([]);
      });

      test('the header’s mark, the title, the cover, the first text and the footer share one left edge', async () => {
        const edges = await leftEdges(reader.page, {
          mark: '.site-header .brand',
          title: 'main h1',
          cover: 'main .post-cover img',
          text,
          footer: '.site-footer .brand',
        });
        const column = edges.mark;
        expect(column).not.toBeNull();
        // The column is centred: as much room to its left as to its right, or the page gutter on a phone.
        expect(column).toBeGreaterThanOrEqual(16);
        for (const [part, left] of Object.entries(edges)) {
          if (part === 'cover' && left === null && (name === 'post' || name === 'home'))
            throw new Error(`no cover on the ${name} page`);
          if (left === null && part === 'cover') continue;
          expect(left, `${part} at ${width} px`).toBe(column);
        }
      });

      test('writes a full-page screenshot for review', async () => {
        await loadLazyImages(reader.page);
        const image = await reader.page.screenshot({
          path: join(SCREENSHOTS, `${name}-${width}-${theme}.png`),
          fullPage: true,
        });
        const { height } = await sharp(image).metadata();
        expect(height).toBe(
          await reader.page.evaluate(() => document.documentElement.scrollHeight),
        );
      });
    });
  });
});

describe('the frame', () => {
  test.each(REVIEW_WIDTHS)(
    'the footer sits at the bottom of a short page (404) at %i px',
    async (width) => {
      const { page } = await openPage(browser, urlOf(site, '/no-such-page/'), {
        viewport: viewport(width),
      });
      const { bottom, height, scrollHeight } = await page.evaluate(() => ({
        bottom: document.querySelector('.site-footer')!.getBoundingClientRect().bottom,
        height: window.innerHeight,
        scrollHeight: document.documentElement.scrollHeight,
      }));
      expect(scrollHeight).toBe(height);
      expect(Math.round(bottom)).toBe(height);
      await page.context().close();
    },
  );

  test('the header and the footer carry the mark, the repository call to action and the feed', async () => {
    const { page } = await openPage(browser, urlOf(site, POST), { viewport: viewport(1440) });
    for (const region of [page.locator('.site-header'), page.locator('.site-footer')]) {
      const home = region.getByRole('link', { name: siteConfig.name, exact: true });
      expect(new URL((await home.getAttribute('href'))!, page.url()).pathname).toBe('/');
      expect(await home.locator('svg').count()).toBe(1);
      const repository = region.getByRole('link', { name: siteConfig.repository.label });
      expect(await repository.getAttribute('href')).toBe(siteConfig.repository.url);
      expect(await repository.isVisible()).toBe(true);
      expect(await region.getByRole('link', { name: 'RSS feed' }).getAttribute('href')).toBe(
        '/rss.xml',
      );
    }
    await page.context().close();
  });
});

describe('the home page', () => {
  test('features the newest post as one card: cover and title are one link, named by the title', async () => {
    const { page } = await openPage(browser, site.url, { viewport: viewport(375) });
    const card = page.locator('.featured-post');
    const toPost = card.locator(`a[href="${POST}"]`);
    expect(await toPost.count()).toBe(1);
    expect(await card.getByRole('link', { name: TITLE, exact: true }).count()).toBe(1);
    expect(await toPost.locator('h1').innerText()).toBe(TITLE);
    expect(await toPost.locator('.post-cover img').count()).toBe(1);
    // The title is not a bare underlined link.
    expect(await toPost.evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe('none');
    await toPost.locator('.post-cover img').click();
    await page.waitForURL((url) => url.pathname === POST);
    await page.context().close();
  });
});

describe('lists of posts', () => {
  test.each(['/blog/', '/tags/vector-management/'])(
    '%s shows each post’s local cover as a small lazy thumbnail',
    async (path) => {
      const { page, offsiteRequests } = await openPage(browser, urlOf(site, path), {
        viewport: viewport(1440),
      });
      const card = page.locator('.post-list .post-card', { hasText: TITLE });
      const thumb = card.locator('img');
      expect(await thumb.getAttribute('loading')).toBe('lazy');
      expect(await thumb.getAttribute('alt')).toBe('');
      await loadLazyImages(page);
      const { src, natural, shown } = await thumb.evaluate((img: HTMLImageElement) => ({
        src: new URL(img.currentSrc).hostname,
        natural: img.naturalWidth,
        shown: img.getBoundingClientRect().width,
      }));
      expect(src).toBe('127.0.0.1');
      expect(shown).toBeLessThanOrEqual(240);
      expect(natural).toBeLessThanOrEqual(640);
      // One link per card, and the whole card (thumbnail included) follows it.
      expect(await card.locator('a').count()).toBe(1);
      expect(offsiteRequests).toEqual([]);
      const box = (await thumb.boundingBox())!;
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await page.waitForURL((url) => url.pathname === POST);
      await page.context().close();
    },
  );
});

/** sRGB relative luminance of a computed `rgb(…)` colour. */
function luminance(colour: string): number {
  const [r = 0, g = 0, b = 0] = (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
  const lin = (c: number) =>
    c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4;
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

async function toggleLook(page: Page) {
  return page.locator('.theme-toggle').evaluate((button) => {
    const visible = (selector: string) => {
      const icon = button.querySelector(selector);
      return !!icon && icon.getClientRects().length > 0;
    };
    const style = getComputedStyle(button);
    return {
      pressed: button.getAttribute('aria-pressed'),
      sun: visible('.icon-sun'),
      moon: visible('.icon-moon'),
      background: style.backgroundColor,
      border: style.borderTopColor,
      colour: style.color,
      page: getComputedStyle(document.body).backgroundColor,
    };
  });
}

describe('the theme toggle shows the theme in use', () => {
  test.each(THEMES)('in the %s theme', async (theme) => {
    const { page } = await openPage(browser, urlOf(site, POST), {
      viewport: viewport(375),
      colorScheme: theme,
    });
    const look = await toggleLook(page);
    const dark = theme === 'dark';
    expect(look.pressed).toBe(String(dark));
    expect({ sun: look.sun, moon: look.moon }).toEqual({ sun: !dark, moon: dark });
    // The icon reads against the button (WCAG 1.4.11: 3:1 for a control's parts).
    const fill = look.background === 'rgba(0, 0, 0, 0)' ? look.page : look.background;
    expect(contrast(look.colour, fill)).toBeGreaterThanOrEqual(3);
    if (dark) {
      // Pressed: a tinted fill and an accent edge, never a bright square on a dark page.
      expect(look.background).not.toBe('rgba(0, 0, 0, 0)');
      expect(luminance(look.background)).toBeLessThan(0.1);
      expect(contrast(look.border, look.page)).toBeGreaterThanOrEqual(3);
    }
    // Focus: a solid ring in the accent colour, distinct from the page.
    await page.locator('.theme-toggle').focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const ring = await page.locator('.theme-toggle').evaluate((el) => {
      const style = getComputedStyle(el);
      return {
        style: style.outlineStyle,
        width: parseFloat(style.outlineWidth),
        colour: style.outlineColor,
      };
    });
    expect(ring.style).toBe('solid');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    expect(contrast(ring.colour, look.page)).toBeGreaterThanOrEqual(3);

    // Switching flips the icon and the pressed look at once.
    await page.locator('.theme-toggle').click();
    const after = await toggleLook(page);
    expect({ pressed: after.pressed, sun: after.sun, moon: after.moon }).toEqual({
      pressed: String(!dark),
      sun: dark,
      moon: !dark,
    });
    expect(after.background).not.toBe(look.background);
    await page.context().close();
  });
});

describe('keyboard', () => {
  test.each([375, 1440])(
    'every tab stop on the post at %i px is a visible control that does something',
    async (width) => {
      const { page } = await openPage(browser, urlOf(site, POST), { viewport: viewport(width) });
      const stops: string[] = [];
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        const stop = await page.evaluate(() => {
          const el = document.activeElement!;
          const box = el.getBoundingClientRect();
          const kind = el.matches(
            'a[href], button:not([disabled]), summary, input, textarea, select',
          )
            ? el.tagName
            : `dead ${el.tagName}.${el.className}`;
          return { kind, visible: box.width > 0 && box.height > 0, body: el === document.body };
        });
        if (stop.body) break;
        stops.push(stop.visible ? stop.kind : `invisible ${stop.kind}`);
      }
      expect(stops.length).toBeGreaterThan(10);
      expect(
        stops.filter((kind) => !/^(A|BUTTON|SUMMARY|INPUT|TEXTAREA|SELECT)$/.test(kind)),
      ).toEqual([]);
      // The seed post has one section: no contents, so no summary to stop on.
      expect(stops).not.toContain('SUMMARY');
      await page.context().close();
    },
  );
});
