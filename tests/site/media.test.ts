import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import sharp, { type SharpOptions } from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../../scripts/project-copy.mjs';
import { formatBytes } from '../../src/features/media/format';
import { WALLPAPER_SIZES } from '../../src/features/wallpaper/sizes';
import { fileFor } from '../support/dist-links';
import { THEMES, viewport, WIDTHS } from '../support/reading';
import { readySite, urlOf } from '../support/sites';
import { connectBrowser, openPage, revisit, type TrackedPage } from '../support/browser';

const site = await readySite('site');

const POST = '/blog/2022-4-12-milvus-10k-stars/';
const SCREENSHOTS = join(ROOT, 'test-results/screenshots');
const MEDIA = join(ROOT, 'src/assets/media');
const PHONE: BrowserContextOptions = {
  viewport: { width: 375, height: 812 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

let browser: Browser;
let reader: TrackedPage;

/** Scrolls to the end so lazy images load, then waits until every image has settled. */
async function loadEverything(page: Page) {
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += innerHeight / 2) {
      scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 50));
    }
    await Promise.all([...document.images].map((img) => img.decode().catch(() => undefined)));
    scrollTo(0, 0);
  });
}

/** Frame count of an image as the browser's own decoder sees it. */
function frameCount(page: Page, url: string): Promise<number> {
  return page.evaluate(async (address) => {
    const response = await fetch(address);
    const type = response.headers.get('content-type') ?? '';
    const decoder = new ImageDecoder({ data: response.body!, type });
    await decoder.tracks.ready;
    await decoder.completed;
    return decoder.tracks.selectedTrack!.frameCount;
  }, url);
}

const currentSrc = (img: Locator) => img.evaluate((el: HTMLImageElement) => el.currentSrc);

/** Waits until the image shows a still (`-still.` file) or a moving one, and has decoded it. */
async function settle(img: Locator, still: boolean) {
  await img.evaluate(async (el: HTMLImageElement, wantStill) => {
    while (el.currentSrc.includes('-still.') !== wantStill || !el.complete)
      await new Promise((r) => setTimeout(r, 20));
    await el.decode();
  }, still);
}

/** Layout shifts the page has recorded so far (buffered), summed as CLS counts them. */
function layoutShift(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((done) => {
        new PerformanceObserver((list) => {
          done(
            list
              .getEntries()
              .reduce(
                (sum, e) =>
                  sum +
                  ((e as PerformanceEntry & { hadRecentInput: boolean; value: number })
                    .hadRecentInput
                    ? 0
                    : (e as PerformanceEntry & { value: number }).value),
                0,
              ),
          );
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => done(0), 300);
      }),
  );
}

/**
 * The page's largest contentful paint: is it in the cover, and which file. Entries arrive some
 * time after the paint, so this waits up to 5 s for one in the cover (then 0.5 s more) and takes the latest.
 */
function largestContentfulPaint(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ inCover: boolean; url: string }>((done) => {
        let latest = { inCover: false, url: '' };
        const timer = setTimeout(() => done(latest), 5000);
        new PerformanceObserver((list) => {
          const entry = list.getEntries().at(-1) as PerformanceEntry & {
            element: Element | null;
            url: string;
          };
          latest = { inCover: Boolean(entry.element?.closest('.post-cover')), url: entry.url };
          if (latest.inCover) {
            // Give a later, larger element the chance to take over before answering.
            clearTimeout(timer);
            setTimeout(() => done(latest), 500);
          }
        }).observe({ type: 'largest-contentful-paint', buffered: true });
      }),
  );
}

/** What the browser would load for one animation: its picked file, and every candidate it could pick on a wide screen without reduced motion. */
function animationCandidates(page: Page) {
  return page.$$eval('.prose .media-animation', (frames) =>
    frames.map((frame) => {
      const img = frame.querySelector('img')!;
      const sources = [...frame.querySelectorAll('source')].filter((s) => !s.media);
      return {
        current: img.currentSrc,
        candidates: [...sources.map((s) => new URL(s.srcset, location.href).href), img.src],
        width: img.getAttribute('width'),
        height: img.getAttribute('height'),
        loading: img.loading,
      };
    }),
  );
}

/** The file in the built site a URL on the test server is served from. */
function served(url: string): string {
  const file = fileFor(site.dist, new URL(url).pathname, '/');
  if (!file) throw new Error(`not in dist/: ${url}`);
  return file;
}

/** Decoded RGBA pixels. */
const pixels = (input: Buffer | string, options: SharpOptions = {}) =>
  sharp(input, options).ensureAlpha().raw().toBuffer();

beforeAll(async () => {
  browser = await connectBrowser();
  reader = await openPage(browser, urlOf(site, POST), { viewport: { width: 1440, height: 900 } });
  await loadEverything(reader.page);
});
afterAll(() => browser?.close());

describe('post media', () => {
  test('no request leaves 127.0.0.1 while the post loads, even with every lazy image loaded', () => {
    expect(reader.offsiteRequests).toEqual([]);
    expect(reader.errors).toEqual([]);
  });

  test('the cover is the largest contentful paint, loaded eagerly with high priority, as AVIF at a width from its srcset', async () => {
    const { page } = await openPage(browser, urlOf(site, POST));
    const lcp = await largestContentfulPaint(page);
    expect(lcp.inCover).toBe(true);
    expect(lcp.url).toMatch(/\/_astro\/.+\.avif$/);
    const cover = page.locator('.post-cover img');
    expect(await cover.getAttribute('loading')).toBe('eager');
    expect(await cover.getAttribute('fetchpriority')).toBe('high');
    expect(Number(await cover.getAttribute('width'))).toBeGreaterThan(0);
    expect(Number(await cover.getAttribute('height'))).toBeGreaterThan(0);
    expect(
      await page.locator('.post-cover source[type="image/avif"]').getAttribute('sizes'),
    ).toBeTruthy();
    await page.context().close();

    const phone = await openPage(browser, urlOf(site, POST), {
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 3,
      isMobile: true,
    });
    expect((await largestContentfulPaint(phone.page)).inCover).toBe(true);
    await phone.page.context().close();
  });

  test('titled images are figures captioned by their title; a meaningless alt is replaced by it', async () => {
    const { page } = reader;
    const figures = await page.$$eval('.prose figure', (els) =>
      els.map((f) => ({
        alt: f.querySelector('img')?.alt,
        caption: f.querySelector('figcaption')?.textContent,
      })),
    );
    expect(figures).toEqual([
      {
        alt: 'Milvus repository development visualization - road to 10,000 stargazers.',
        caption: 'Milvus repository development visualization - road to 10,000 stargazers.',
      },
      { alt: 'Milvus 10000 star timeline.', caption: 'Milvus 10000 star timeline.' },
    ]);
  });

  test('the home page shows the same local cover as its largest paint, eagerly, and nothing leaves 127.0.0.1', async () => {
    const home = await openPage(browser, site.url);
    expect((await largestContentfulPaint(home.page)).inCover).toBe(true);
    const cover = home.page.locator('.featured-post .post-cover img');
    expect(await cover.getAttribute('loading')).toBe('eager');
    expect(await cover.evaluate((el: HTMLImageElement) => new URL(el.currentSrc).hostname)).toBe(
      '127.0.0.1',
    );
    expect(home.offsiteRequests).toEqual([]);
    await home.page.context().close();
  });
});

describe('animations', () => {
  test('on a wide screen every candidate the browser can pick has more than one frame, and the picked one is smaller than the GIF', async () => {
    const { page } = reader;
    const animations = await animationCandidates(page);
    expect(animations).toHaveLength(2);
    for (const animation of animations) {
      expect(animation.loading).toBe('lazy');
      expect(Number(animation.width)).toBeGreaterThan(0);
      expect(Number(animation.height)).toBeGreaterThan(0);
      expect(animation.candidates).toContain(animation.current);
      expect(animation.current).toMatch(/\/media\/[\w-]+(?<!-phone)\.\w+\.webp$/);
      for (const url of animation.candidates)
        expect(await frameCount(page, url), url).toBeGreaterThan(1);
      const gif = animation.candidates.find((u) => u.endsWith('.gif'))!;
      const sizes = await page.evaluate(
        async ([picked, original]) =>
          Promise.all(
            [picked, original].map(async (u) => (await (await fetch(u!)).arrayBuffer()).byteLength),
          ),
        [animation.current, gif],
      );
      expect(sizes[0]).toBeLessThan(sizes[1]!);
    }
  });

  test('every still (wide and phone) has exactly the pixels of the last frame of its source, the one with the message', async () => {
    const stills = await reader.page.$$eval('.prose .media-animation [data-still]', (els) => [
      ...new Set(els.map((el) => (el as HTMLElement).dataset.still!)),
    ]);
    expect(stills).toHaveLength(4);
    for (const still of stills) {
      // /media/milvus-10k-stars-timeline-phone-still.<hash>.webp comes from milvus-10k-stars-timeline-phone.gif.
      const source = join(MEDIA, `${/\/media\/([\w-]+)-still\./.exec(still)![1]}.gif`);
      const { pages } = await sharp(source).metadata();
      const file = served(new URL(still, site.url).href);
      expect((await sharp(file, { animated: true }).metadata()).pages ?? 1, still).toBe(1);
      expect((await pixels(file)).equals(await pixels(source, { page: pages! - 1 })), still).toBe(
        true,
      );
    }
  });

  test('at 375 px a phone is served the phone compositions (animated WebP), at their own proportions, with no layout shift', async () => {
    const { page, errors } = await openPage(browser, urlOf(site, POST), PHONE);
    await loadEverything(page);
    for (const img of await page.locator('.prose .media-animation img').all()) {
      const src = await currentSrc(img);
      expect(src).toMatch(/-phone\.\w+\.webp$/);
      expect(await frameCount(page, src)).toBeGreaterThan(1);
      const box = (await img.boundingBox())!;
      const natural = await img.evaluate(
        (el: HTMLImageElement) => el.naturalHeight / el.naturalWidth,
      );
      expect(box.height / box.width).toBeCloseTo(natural, 2);
      expect(natural).toBeGreaterThan(1);
      expect(box.width).toBeLessThanOrEqual(375);
    }
    expect(await layoutShift(page)).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('the pause control sits over the image’s corner, inside the figure, above the caption', async () => {
    for (const options of [{ viewport: { width: 1440, height: 900 } }, PHONE]) {
      const { page } = await openPage(browser, urlOf(site, POST), options);
      for (const figure of await page.locator('.prose figure:has(.media-animation)').all()) {
        const image = (await figure.locator('img').boundingBox())!;
        const caption = (await figure.locator('figcaption').boundingBox())!;
        for (const control of [
          figure.getByRole('button', { name: 'Pause' }),
          figure.getByRole('link', { name: 'Full size' }),
        ]) {
          const box = (await control.boundingBox())!;
          expect(box.x).toBeGreaterThanOrEqual(image.x);
          expect(box.x + box.width).toBeLessThanOrEqual(image.x + image.width + 0.5);
          expect(box.y).toBeGreaterThanOrEqual(image.y);
          expect(box.y + box.height).toBeLessThanOrEqual(image.y + image.height);
          expect(box.y + box.height).toBeLessThan(caption.y);
          // Only a corner: right half, top quarter.
          expect(box.x).toBeGreaterThan(image.x + image.width / 2);
          expect(box.y + box.height).toBeLessThan(image.y + image.height / 4);
        }
        // The caption follows the image directly.
        expect(caption.y - (image.y + image.height)).toBeLessThan(16);
      }
      await page.context().close();
    }
  });

  test('pause shows the still (the message frame) and play starts the animation again', async () => {
    const { page } = reader;
    const frame = page.locator('.prose .media-animation').first();
    const button = frame.getByRole('button');
    const img = frame.locator('img');
    expect(await button.isVisible()).toBe(true);
    expect(await button.innerText()).toBe('Pause');
    expect(
      await button.evaluate((el) =>
        document.getElementById(el.getAttribute('aria-describedby')!)?.getAttribute('alt'),
      ),
    ).toBe('Milvus repository development visualization - road to 10,000 stargazers.');
    const moving = await currentSrc(img);
    await button.click();
    await settle(img, true);
    const still = await currentSrc(img);
    expect(still).not.toBe(moving);
    expect(await frameCount(page, still)).toBe(1);
    expect(await button.innerText()).toBe('Play');
    await button.click();
    await settle(img, false);
    expect(await currentSrc(img)).toBe(moving);
    expect(await frameCount(page, moving)).toBeGreaterThan(1);
  });

  test('with reduced motion the animations start as their stills, on wide screens and phones, and play on request', async () => {
    for (const options of [{}, PHONE]) {
      const { page, errors } = await openPage(browser, urlOf(site, POST), {
        ...options,
        reducedMotion: 'reduce',
      });
      await loadEverything(page);
      for (const frame of await page.locator('.prose .media-animation').all()) {
        const img = frame.locator('img');
        const button = frame.getByRole('button');
        expect(await button.innerText()).toBe('Play');
        expect(await currentSrc(img)).toMatch(/-still\.\w+\.webp$/);
        expect(await frameCount(page, await currentSrc(img))).toBe(1);
        await button.click();
        await settle(img, false);
        expect(await frameCount(page, await currentSrc(img))).toBeGreaterThan(1);
        expect(await button.innerText()).toBe('Pause');
      }
      expect(errors).toEqual([]);
      await page.context().close();
    }
  });

  test('once an animation has loaded, its print still is fetched, so that printing (which does not wait for images) shows the message frame', async () => {
    for (const options of [{ viewport: { width: 1440, height: 900 } }, PHONE]) {
      const { page } = await openPage(browser, urlOf(site, POST), options);
      const stills = await page.$$eval('.prose .media-animation source[media="print"]', (sources) =>
        (sources as HTMLSourceElement[]).map((s) => new URL(s.srcset, location.href).href),
      );
      expect(stills).toHaveLength(2);
      await loadEverything(page);
      // Nothing else on a wide screen without reduced motion, nor on a phone, loads the wide stills.
      await page.waitForFunction(
        (urls) => urls.every((url) => performance.getEntriesByName(url).length > 0),
        stills,
      );
      await page.context().close();
    }
  });

  test('in print the animations show their message frame and no control or wallpaper card is printed', async () => {
    for (const options of [{ viewport: { width: 1440, height: 900 } }, PHONE]) {
      const { page } = await openPage(browser, urlOf(site, POST), options);
      await loadEverything(page);
      await page.emulateMedia({ media: 'print' });
      for (const img of await page.locator('.prose .media-animation img').all()) {
        await settle(img, true);
        // The wide composition's still: the page is printed at paper width.
        expect(await currentSrc(img)).toMatch(/\/media\/[\w-]+(?<!-phone)-still\.\w+\.webp$/);
      }
      for (const selector of [
        '.media-controls',
        '.media-toggle',
        '.media-expand',
        '.wallpaper-card',
      ]) {
        for (const element of await page.locator(selector).all())
          expect(await element.isVisible(), selector).toBe(false);
      }
      await page.context().close();
    }
  });
});

describe('full-size view', () => {
  test('with JavaScript: a dialog with the full-size file; Esc closes it and focus returns to the link; nothing shifts', async () => {
    const { page, errors } = await openPage(browser, urlOf(site, POST), {
      viewport: { width: 1440, height: 900 },
    });
    const links = page.getByRole('link', { name: 'Full size' });
    expect(await links.count()).toBe(2);
    for (const link of await links.all()) {
      const describedAlt = await link.evaluate(
        (el) =>
          (document.getElementById(el.getAttribute('aria-describedby')!) as HTMLImageElement).alt,
      );
      await link.scrollIntoViewIfNeeded();
      const before = await page.evaluate(() => [
        scrollY,
        document.querySelector('.prose')!.getBoundingClientRect().top,
      ]);
      await link.focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      expect(await dialog.getAttribute('aria-label')).toBe(describedAlt);
      const image = dialog.locator('img');
      await image.evaluate((el: HTMLImageElement) => el.decode());
      expect(await image.evaluate((el: HTMLImageElement) => el.currentSrc)).toBe(
        await link.evaluate((el: HTMLAnchorElement) => el.href),
      );
      expect(await image.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(
        Number(await link.getAttribute('data-width')),
      );
      // Shown larger than in the column (at its own size, as the viewport allows).
      expect((await image.boundingBox())!.width).toBeGreaterThan(640);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      expect(await link.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(
        await page.evaluate(() => [
          scrollY,
          document.querySelector('.prose')!.getBoundingClientRect().top,
        ]),
      ).toEqual(before);
    }
    // The close button and a click on the backdrop close it too.
    await links.first().click();
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await links.first().click();
    await page.mouse.click(5, 5);
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    expect(await layoutShift(page)).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('a paused animation opens as its still', async () => {
    const { page } = await openPage(browser, urlOf(site, POST), { reducedMotion: 'reduce' });
    await page.getByRole('link', { name: 'Full size' }).first().click();
    expect(await page.getByRole('dialog').locator('img').getAttribute('src')).toMatch(
      /-still\.\w+\.webp$/,
    );
    await page.context().close();
  });

  test('on a phone the dialog shows the phone composition the page shows, not the smaller landscape file', async () => {
    const { page } = await openPage(browser, urlOf(site, POST), {
      viewport: { width: 375, height: 812 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    const link = page.getByRole('link', { name: 'Full size' }).first();
    await link.scrollIntoViewIfNeeded();
    const shown = await link.evaluate((el) => {
      const img = document.getElementById(el.getAttribute('aria-describedby')!) as HTMLImageElement;
      return img.currentSrc;
    });
    expect(shown).toMatch(/phone/);
    await link.click();
    const dialogImage = page.getByRole('dialog').locator('img');
    expect(await dialogImage.getAttribute('src')).toBe(shown);
    expect(Number(await dialogImage.getAttribute('height'))).toBeGreaterThan(
      Number(await dialogImage.getAttribute('width')) * 0.6,
    );
    await page.context().close();
  });

  test('without JavaScript the link opens the file itself', async () => {
    const { page } = await openPage(browser, urlOf(site, POST), { javaScriptEnabled: false });
    const link = page.getByRole('link', { name: 'Full size' }).first();
    const href = await link.evaluate((el: HTMLAnchorElement) => el.href);
    const [response] = await Promise.all([page.waitForResponse(href), link.click()]);
    await page.waitForURL(href);
    expect(page.url()).toBe(href);
    expect(response?.headers()['content-type']).toBe('image/webp');
    await page.context().close();
  });
});

describe('the wallpaper card', () => {
  test('the link in the text leads to the card, which offers every size in three groups beside a landscape and a portrait preview', async () => {
    const { page } = reader;
    const inline = page.getByRole('link', { name: 'a downloadable desktop wallpaper' });
    expect(await inline.getAttribute('href')).toBe('#wallpaper-downloads');
    // In print the card is hidden: the link gives the page's address with the card's fragment.
    expect(await inline.getAttribute('data-print-href')).toBe(
      'https://milestones.milvus.io/blog/2022-4-12-milvus-10k-stars/#wallpaper-downloads',
    );
    const card = page.getByRole('region', { name: 'Get the wallpaper' });
    expect(await card.getAttribute('id')).toBe('wallpaper-downloads');
    expect(await card.locator('a[download]').count()).toBe(WALLPAPER_SIZES.length);
    // The reader's screen (a desktop here) leads; tablets and phones follow.
    expect(
      await card
        .locator('.wallpaper-group')
        .evaluateAll((groups) =>
          groups.map(
            (g) =>
              `${(g as HTMLElement).dataset.device} ${g.querySelectorAll('a[download]').length}`,
          ),
        ),
    ).toEqual(
      (['desktop', 'tablet', 'phone'] as const).map(
        (device) => `${device} ${WALLPAPER_SIZES.filter((s) => s.device === device).length}`,
      ),
    );
    const previews = await card.locator('img').evaluateAll((imgs) =>
      (imgs as HTMLImageElement[]).map((img) => ({
        alt: img.alt,
        src: new URL(img.currentSrc).pathname,
        tall: img.naturalHeight > img.naturalWidth,
        loaded: img.naturalWidth > 0,
        lazy: img.loading,
      })),
    );
    expect(previews).toEqual([
      {
        alt: 'Preview of the desktop wallpaper',
        src: expect.stringMatching(/^\/_astro\/milvus-10k-wallpaper\.[\w-]+\.webp$/),
        tall: false,
        loaded: true,
        lazy: 'lazy',
      },
      {
        alt: 'Preview of the phone wallpaper',
        src: expect.stringMatching(/^\/_astro\/milvus-10k-wallpaper-portrait\.[\w-]+\.webp$/),
        tall: true,
        loaded: true,
        lazy: 'lazy',
      },
    ]);
  });

  test('every download gives a JPEG of the stated dimensions and bytes, saved under a name that says its size', async () => {
    const { page } = reader;
    // The other screens' sizes are folded away under one disclosure; open it.
    await page.locator('.wallpaper-more > summary').click();
    const dir = await mkdtemp(join(tmpdir(), 'wallpapers-'));
    try {
      const seen: string[] = [];
      for (const link of await page.locator('.wallpaper-card a[download]').all()) {
        const label = (await link.innerText()).replace(/\s+/g, ' ');
        const [, width, height, size] =
          /^(?:Wallpaper for this screen )?(\d+) × (\d+) .*JPEG, ([\d.]+ [kM]?B)$/.exec(label) ??
          [];
        expect(width, label).toBeDefined();
        expect([
          await link.getAttribute('data-width'),
          await link.getAttribute('data-height'),
        ]).toEqual([width, height]);
        const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
        const file = join(dir, download.suggestedFilename());
        await download.saveAs(file);
        const meta = await sharp(file).metadata();
        const bytes = (await readFile(file)).byteLength;
        expect([meta.format, meta.width, meta.height], label).toEqual([
          'jpeg',
          Number(width),
          Number(height),
        ]);
        expect(formatBytes(bytes), label).toBe(size);
        expect(bytes).toBe(Number(await link.getAttribute('data-bytes')));
        expect(download.suggestedFilename()).toBe(
          `milvus-10k-stars-wallpaper-${width}x${height}.jpg`,
        );
        seen.push(`${width}x${height}`);
      }
      expect(seen.sort()).toEqual(WALLPAPER_SIZES.map((s) => `${s.width}x${s.height}`).sort());
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  /**
   * The size marked for a screen, the first size the reader sees, and whether the card's links
   * come in the same order on screen (top to bottom) as in the DOM, which is the tab order.
   */
  async function bestFor(options: BrowserContextOptions) {
    const { page, errors } = await openPage(browser, urlOf(site, POST), options);
    const card = page.locator('.wallpaper-card');
    await card.scrollIntoViewIfNeeded();
    // This screen's group comes first; the others are folded under one disclosure, closed.
    const more = card.locator('details.wallpaper-more');
    expect(await more.count()).toBe(1);
    expect(await more.evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);
    await more.locator('summary').click();
    const best = card.getByRole('link', { name: /^Wallpaper for this screen/ });
    const marked = {
      count: await best.count(),
      size: `${await best.getAttribute('data-width')}x${await best.getAttribute('data-height')}`,
    };
    const links = await card.locator('a[download]').evaluateAll((links) =>
      links.map((a) => ({
        size: `${(a as HTMLElement).dataset.width}x${(a as HTMLElement).dataset.height}`,
        y: a.getBoundingClientRect().top,
      })),
    );
    const visual = [...links].sort((a, b) => a.y - b.y).map((a) => a.size);
    const dom = links.map((a) => a.size);
    await page.context().close();
    expect(errors).toEqual([]);
    expect(visual, 'tab order = visual order').toEqual(dom);
    return { ...marked, first: dom[0] };
  }

  const touch = (width: number, height: number, deviceScaleFactor: number) => ({
    viewport: { width, height },
    screen: { width, height },
    deviceScaleFactor,
    isMobile: true,
    hasTouch: true,
  });
  const desk = (width: number, height: number, deviceScaleFactor: number) => ({
    viewport: { width, height },
    screen: { width, height },
    deviceScaleFactor,
  });

  test('on a phone (393 × 852 @3) 1179 × 2556 is marked "Wallpaper for this screen" and first, also held sideways', async () => {
    const expected = { count: 1, size: '1179x2556', first: '1179x2556' };
    expect(await bestFor(touch(393, 852, 3))).toEqual(expected);
    expect(await bestFor(touch(852, 393, 3))).toEqual(expected);
  });

  test('a tablet (iPad Air, 820 × 1180 @2) gets its tablet size in both orientations, never a phone’s', async () => {
    expect(await bestFor(touch(820, 1180, 2))).toEqual({
      count: 1,
      size: '1640x2360',
      first: '1640x2360',
    });
    expect(await bestFor(touch(1180, 820, 2))).toEqual({
      count: 1,
      size: '2360x1640',
      first: '2360x1640',
    });
  });

  test('on a 4K desktop (1920 × 1080 @2) 3840 × 2160 is marked and first; on a 1440 × 900 @2 laptop, 2560 × 1600', async () => {
    expect(await bestFor(desk(1920, 1080, 2))).toEqual({
      count: 1,
      size: '3840x2160',
      first: '3840x2160',
    });
    expect(await bestFor(desk(1440, 900, 2))).toMatchObject({
      size: '2560x1600',
      first: '2560x1600',
    });
  });

  test('without JavaScript every size is listed, none marked', async () => {
    const { page } = await openPage(browser, urlOf(site, POST), { javaScriptEnabled: false });
    expect(await page.locator('.wallpaper-card a[download]').count()).toBe(WALLPAPER_SIZES.length);
    expect(await page.getByRole('link', { name: /Wallpaper for this screen/ }).count()).toBe(0);
    await page.context().close();
  });
});

describe('screenshots for review', () => {
  let tab: TrackedPage;
  beforeAll(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    tab = await openPage(browser, 'about:blank');
  });
  afterAll(() => tab?.page.context().close());

  test.each(WIDTHS.flatMap((width) => THEMES.map((theme) => [width, theme] as const)))(
    'media-%i-%s.png: the two animations and the wallpaper card, one above the other',
    async (width, theme) => {
      const { page } = await revisit(tab, urlOf(site, POST), {
        viewport: viewport(width),
        colorScheme: theme,
        reducedMotion: 'reduce',
      });
      await loadEverything(page);
      const parts = await Promise.all(
        [
          page.locator('.prose figure').nth(0),
          page.locator('.prose figure').nth(1),
          page.locator('.wallpaper-card'),
        ].map((part) => part.screenshot()),
      );
      const sizes = await Promise.all(parts.map((part) => sharp(part).metadata()));
      const gap = 24;
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const canvasWidth = Math.max(...sizes.map((s) => s.width)) + 2 * gap;
      let top = gap;
      const layers = parts.map((input, i) => {
        const layer = { input, top, left: gap };
        top += sizes[i]!.height + gap;
        return layer;
      });
      const path = join(SCREENSHOTS, `media-${width}-${theme}.png`);
      await sharp({ create: { width: canvasWidth, height: top, channels: 4, background } })
        .composite(layers)
        .png()
        .toFile(path);
      expect((await sharp(path).metadata()).width).toBe(canvasWidth);
    },
  );
});
