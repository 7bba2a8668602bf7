import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { fileFor } from '../support/dist-links';
import { connectBrowser, openPage } from '../support/browser';
import { ORIGINALS_HOST } from '../support/media-originals';
import { page, readySite } from '../support/sites';
import { WALLPAPER_SIZES } from '../../src/features/wallpaper/sizes';

// The seed beside a new milestone post whose media live on a CDN, pulled with
// `media:pull --from` (twice) and built offline (tests/setup/sites.ts).
const site = await readySite('media-pull');
const POST = 'blog/2026-6-3-milvus-35k-stars/';
const served = (url: string) => fileFor(site.dist, url, '/') ?? `missing: ${url}`;
const MISSING = `https://${ORIGINALS_HOST}/35k/missing-chart.png`;

describe('media:pull --from a folder of originals', () => {
  const [first, second] = site.output.split(/=== pull 2|=== build/);

  test('pulls every picture the new post uses, fails naming the one the folder lacks, keeps the rest', () => {
    expect(first).toMatch(/=== pull 1: exit 1 ===/);
    expect(first).toMatch(/5 pulled .*, 0 already in the store, 1 failed/);
    expect(first).toContain(`${MISSING}: no file`);
  });

  test('a second pull fetches nothing and leaves the lock as it was', () => {
    expect(second).toMatch(/0 pulled .*, 5 already in the store, 1 failed.*lock unchanged/);
  });

  test('the lock records each file: path in the store, hash, bytes, type, size, frames', async () => {
    const lock = JSON.parse(
      await readFile(join(site.dir, 'src/content/media.lock.json'), 'utf8'),
    ) as { files: Record<string, Record<string, unknown>> };
    expect(Object.keys(lock.files).sort()).toEqual(
      ['cover.png', 'star-growth.gif', 'team.jpg', 'wallpaper-4k.png', 'wallpaper-phone.png'].map(
        (name) => `https://${ORIGINALS_HOST}/35k/${name}`,
      ),
    );
    expect(lock.files[`https://${ORIGINALS_HOST}/35k/star-growth.gif`]).toMatchObject({
      file: `pulled/${ORIGINALS_HOST}/35k/star-growth.gif`,
      type: 'image/gif',
      width: 480,
      height: 270,
      frames: 4,
    });
  });

  test('the build succeeds and says, in one line, what is still remote and how to fetch it', () => {
    expect(site.code, site.output).toBe(0);
    const notes = site.output.match(/.*no local copy.*/g) ?? [];
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/1 remote media file .* `npm run media:pull`/);
  });
});

describe('the new milestone post gets the seed’s treatment', () => {
  test('no pulled file is referred to remotely; only the file with no local copy stays remote', async () => {
    const $ = await page(site, POST);
    const remote = $('[src*="//"], [srcset*="//"], [href*="//"], [imagesrcset*="//"]')
      .toArray()
      .flatMap((el) => ['src', 'srcset', 'href', 'imagesrcset'].map((a) => $(el).attr(a) ?? ''))
      .filter((value) => value.includes(ORIGINALS_HOST));
    expect(remote).toEqual([MISSING]);
  });

  test('the cover is local, preloaded as AVIF and eager', async () => {
    const $ = await page(site, POST);
    const preload = $('link[rel="preload"][as="image"]');
    expect(preload.attr('type')).toBe('image/avif');
    const picture = $('.post-cover picture');
    expect(picture.find('source[type="image/avif"]').attr('srcset')).toMatch(/\/_astro\/cover\./);
    const img = picture.find('img');
    expect([img.attr('loading'), img.attr('fetchpriority')]).toEqual(['eager', 'high']);
    // The body's first image repeats the cover (as `//host/…`): it is not shown twice.
    expect(
      $('.post-body img[src*="cover"]').length + $('article img[alt="Cover image"]').length,
    ).toBe(0);
  });

  test('every picture in the post has its size; pulled stills are WebP at several widths, lazy', async () => {
    const $ = await page(site, POST);
    const images = $('main img').toArray();
    expect(images.length).toBeGreaterThan(4);
    for (const img of images) {
      const at = $(img).attr('src');
      if (at === MISSING) continue;
      expect([$(img).attr('width'), $(img).attr('height')], at).not.toContain(undefined);
    }
    const team = $('img[alt="The community at the 35K meetup"]');
    expect(team.attr('src')).toMatch(/^\/_astro\/team\..*\.webp$/);
    expect(team.attr('srcset')!.split(',').length).toBeGreaterThan(1);
    expect([team.attr('width'), team.attr('height'), team.attr('loading')]).toEqual([
      '1200',
      '800',
      'lazy',
    ]);
  });

  test('the GIF is a controlled animation: animated WebP, the last frame as still, pause, print', async () => {
    const $ = await page(site, POST);
    const frame = $('.media-animation');
    expect(frame.attr('data-media-animation')).toBe('controlled');
    expect(frame.find('button[data-media-toggle]').length).toBe(1);
    expect(frame.find('a[data-full-size]').attr('href')).toMatch(/^\/media\/star-growth\./);
    const print = frame.find('source[media="print"]').attr('srcset')!;
    const still = await sharp(served(print)).stats();
    // The fourth frame is #fc3.
    expect(still.channels.slice(0, 3).map((c) => Math.round(c.mean))).toEqual([255, 204, 51]);
    const moving = frame.find('source:not([media])').attr('srcset')!;
    expect((await sharp(served(moving), { animated: true }).metadata()).pages).toBe(4);
  });

  test('the captioned figure has an id from its caption, which the post’s link lands on', async () => {
    const $ = await page(site, POST);
    expect($('#star-growth-since-2019').find('figcaption').text()).toBe('Star growth since 2019');
    expect($('a[href="#star-growth-since-2019"]').length).toBe(1);
  });

  test('both wallpaper links lead to one card with landscape and portrait sizes at exactly their size', async () => {
    const $ = await page(site, POST);
    expect($('.wallpaper-card').length).toBe(1);
    expect($('.prose a[href="#wallpaper-downloads"]').length).toBe(2);
    const links = $('.wallpaper-card a[download]').toArray();
    // Every desktop and phone size (no square master: tablets only where no upscaling is needed).
    const offered = links.map(
      (link) => `${$(link).attr('data-width')}x${$(link).attr('data-height')}`,
    );
    for (const size of WALLPAPER_SIZES.filter((s) => s.device !== 'tablet')) {
      expect(offered).toContain(`${size.width}x${size.height}`);
    }
    for (const link of links) {
      const meta = await sharp(served($(link).attr('href')!)).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual([
        'jpeg',
        Number($(link).attr('data-width')),
        Number($(link).attr('data-height')),
      ]);
    }
  });

  test('the share card is local, drawn from the cover, and at most 100 kB', async () => {
    const $ = await page(site, POST);
    const card = $('meta[property="og:image"]').attr('content')!;
    expect(card).not.toContain(ORIGINALS_HOST);
    const bytes = await readFile(served(new URL(card).pathname));
    expect(bytes.byteLength).toBeLessThanOrEqual(100_000);
  });
});

describe('in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await connectBrowser();
  });
  afterAll(() => browser?.close());

  test('the page loads no pulled file from another host', async () => {
    const tracked = await openPage(browser, new URL(POST, site.url).href);
    await tracked.page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += innerHeight / 2) {
        scrollTo(0, y);
        await new Promise((r) => setTimeout(r, 50));
      }
    });
    expect(tracked.offsiteRequests.filter((url) => url !== MISSING)).toEqual([]);
    await tracked.page.context().close();
  });
});
