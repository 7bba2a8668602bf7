import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatBytes } from '../../src/features/media/format';
import { readySite, urlOf } from '../support/sites';
import { connectBrowser, openPage, type TrackedPage } from '../support/browser';

const site = await readySite('site');

const POST = '/blog/2022-4-12-milvus-10k-stars/';

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

/** Waits until the image shows a still (`-still.` file) or a moving one, and has decoded it. */
async function settle(img: Locator, still: boolean) {
  await img.evaluate(async (el: HTMLImageElement, wantStill) => {
    while (el.currentSrc.includes('-still.') !== wantStill) await new Promise((r) => setTimeout(r, 20));
    await el.decode();
  }, still);
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
          const entry = list.getEntries().at(-1) as PerformanceEntry & { element: Element | null; url: string };
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

/** What the browser would load for one animation: its picked source, and every candidate it could pick without reduced motion. */
function animationCandidates(page: Page) {
  return page.$$eval('.prose .media-animation', (wrappers) =>
    wrappers.map((wrapper) => {
      const img = wrapper.querySelector('img')!;
      const sources = [...wrapper.querySelectorAll('source')].filter((s) => !s.media);
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

beforeAll(async () => {
  browser = await connectBrowser();
  reader = await openPage(browser, urlOf(site, POST));
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
    expect(await page.locator('.post-cover source[type="image/avif"]').getAttribute('sizes')).toBeTruthy();
    await page.context().close();

    const phone = await openPage(browser, urlOf(site, POST), { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true });
    expect((await largestContentfulPaint(phone.page)).inCover).toBe(true);
    await phone.page.context().close();
  });

  test('titled images are figures captioned by their title; a meaningless alt is replaced by it', async () => {
    const { page } = reader;
    const figures = await page.$$eval('.prose figure', (els) =>
      els.map((f) => ({ alt: f.querySelector('img')?.alt, caption: f.querySelector('figcaption')?.textContent })),
    );
    expect(figures).toEqual([
      {
        alt: 'Milvus repository development visualization - road to 10,000 stargazers.',
        caption: 'Milvus repository development visualization - road to 10,000 stargazers.',
      },
      { alt: 'Milvus 10000 star timeline.', caption: 'Milvus 10000 star timeline.' },
    ]);
  });

  test('every animation candidate the browser can pick has more than one frame, and the picked one is smaller than the GIF', async () => {
    const { page } = reader;
    const animations = await animationCandidates(page);
    expect(animations).toHaveLength(2);
    for (const animation of animations) {
      expect(animation.loading).toBe('lazy');
      expect(Number(animation.width)).toBeGreaterThan(0);
      expect(Number(animation.height)).toBeGreaterThan(0);
      expect(animation.candidates).toContain(animation.current);
      expect(new URL(animation.current).hostname).toBe('127.0.0.1');
      for (const url of animation.candidates) expect(await frameCount(page, url), url).toBeGreaterThan(1);
      const gif = animation.candidates.find((u) => u.endsWith('.gif'))!;
      const sizes = await page.evaluate(
        async ([picked, original]) => Promise.all([picked, original].map(async (u) => (await (await fetch(u!)).arrayBuffer()).byteLength)),
        [animation.current, gif],
      );
      expect(sizes[0]).toBeLessThan(sizes[1]!);
    }
  });

  test('the pause control stops the animation (still first frame) and play starts it again', async () => {
    const { page } = reader;
    const wrapper = page.locator('.prose .media-animation').first();
    const button = wrapper.getByRole('button');
    const img = wrapper.locator('img');
    expect(await button.isVisible()).toBe(true);
    expect(await button.innerText()).toBe('Pause animation');
    expect(await button.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby')!)?.getAttribute('alt'))).toBe(
      'Milvus repository development visualization - road to 10,000 stargazers.',
    );
    const moving = await img.evaluate((el: HTMLImageElement) => el.currentSrc);
    await button.click();
    await settle(img, true);
    const still = await img.evaluate((el: HTMLImageElement) => el.currentSrc);
    expect(still).not.toBe(moving);
    expect(await frameCount(page, still)).toBe(1);
    expect(await button.innerText()).toBe('Play animation');
    await button.click();
    await settle(img, false);
    expect(await img.evaluate((el: HTMLImageElement) => el.currentSrc)).toBe(moving);
    expect(await frameCount(page, moving)).toBeGreaterThan(1);
  });

  test('with reduced motion the animations start paused and play on request', async () => {
    const { page, errors } = await openPage(browser, urlOf(site, POST), { reducedMotion: 'reduce' });
    await loadEverything(page);
    for (const wrapper of await page.locator('.prose .media-animation').all()) {
      const img = wrapper.locator('img');
      const button = wrapper.getByRole('button');
      expect(await button.innerText()).toBe('Play animation');
      expect(await frameCount(page, await img.evaluate((el: HTMLImageElement) => el.currentSrc))).toBe(1);
      await button.click();
      await settle(img, false);
      expect(await frameCount(page, await img.evaluate((el: HTMLImageElement) => el.currentSrc))).toBeGreaterThan(1);
      expect(await button.innerText()).toBe('Pause animation');
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('every wallpaper link downloads a file of the stated dimensions and size', async () => {
    const { page } = reader;
    const dir = await mkdtemp(join(tmpdir(), 'wallpapers-'));
    try {
      const card = page.locator('.prose .wallpaper-card');
      expect(await card.locator('img').getAttribute('loading')).toBe('lazy');
      const links = await card.locator('a[download]').all();
      const seen: string[] = [];
      for (const link of links) {
        const label = (await link.innerText()).replace(/\s+/g, ' ');
        const [, width, height, size] = /^(\d+) × (\d+) .*, ([\d.]+ [kM]?B)$/.exec(label) ?? [];
        expect(width, label).toBeDefined();
        const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
        const file = join(dir, download.suggestedFilename());
        await download.saveAs(file);
        const meta = await sharp(file).metadata();
        expect([meta.width, meta.height], label).toEqual([Number(width), Number(height)]);
        expect(formatBytes((await readFile(file)).byteLength), label).toBe(size);
        expect(download.suggestedFilename()).toBe(`milvus-10k-stars-wallpaper-${width}x${height}.jpg`);
        seen.push(`${width}x${height}`);
      }
      expect(seen).toEqual(expect.arrayContaining(['3840x2160', '2560x1440', '1920x1080']));
      expect(seen.some((s) => Number(s.split('x')[1]) > Number(s.split('x')[0]))).toBe(true);

      const inline = page.getByRole('link', { name: 'a downloadable desktop wallpaper' });
      const [download] = await Promise.all([page.waitForEvent('download'), inline.click()]);
      const file = join(dir, 'inline.jpg');
      await download.saveAs(file);
      expect(download.suggestedFilename()).toBe('milvus-10k-stars-wallpaper-3840x2160.jpg');
      const meta = await sharp(file).metadata();
      expect([meta.width, meta.height]).toEqual([3840, 2160]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('the home page shows the same local cover as its largest paint, eagerly, and nothing leaves 127.0.0.1', async () => {
    const home = await openPage(browser, site.url);
    expect((await largestContentfulPaint(home.page)).inCover).toBe(true);
    const cover = home.page.locator('.featured-post .post-cover img');
    expect(await cover.getAttribute('loading')).toBe('eager');
    expect(await cover.evaluate((el: HTMLImageElement) => new URL(el.currentSrc).hostname)).toBe('127.0.0.1');
    expect(home.offsiteRequests).toEqual([]);
    await home.page.context().close();
  });
});
