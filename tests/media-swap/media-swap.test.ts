import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { load } from 'cheerio';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { fileFor } from '../support/dist-links';
import { builtSite } from '../support/sites';
import { WALLPAPER_SIZES } from '../../src/features/wallpaper/sizes';

const POST = 'blog/2022-4-12-milvus-10k-stars/index.html';

// The seed built, then built again in the same folder (Astro's caches in play) after two stand-ins
// were replaced by other files under the same manifest entries (tests/setup/sites.ts).
const site = await builtSite('media-swap');
/** The file in dist/ a site path (under the build's base, /milestones/) is served from. */
const served = (url: string) => fileFor(site.dist, url, '/milestones/') ?? `missing: ${url}`;

describe('replacing a stand-in with another file under the same manifest entry', () => {
  test('the second build succeeds', () => {
    expect(site.code, site.output).toBe(0);
  });

  test('the post refers to no remote media the manifest knows', async () => {
    const $ = load(await readFile(join(site.dist, POST), 'utf8'));
    expect(
      $('img[src*="zilliz"], source[srcset*="zilliz"], a[href*="assets.zilliz.com"]').length,
    ).toBe(0);
  });

  test('the animation takes the new file: its size, every candidate animated, and its last frame as the still', async () => {
    const $ = load(await readFile(join(site.dist, POST), 'utf8'));
    const img = $('.media-animation img').last();
    expect([img.attr('width'), img.attr('height')]).toEqual(['320', '180']);
    const picture = img.closest('picture');
    const candidates = [
      ...picture
        .find('source:not([media])')
        .map((_, s) => $(s).attr('srcset'))
        .get(),
      img.attr('src')!,
    ];
    for (const url of candidates) {
      const meta = await sharp(served(url), { animated: true }).metadata();
      expect(meta.pages, url).toBe(3);
      expect(meta.width, url).toBe(320);
    }
    // The swapped GIF runs red, green, blue: the still is the blue frame.
    const still = await sharp(
      served(picture.find('source[media="print"]').attr('srcset')!),
    ).stats();
    expect(still.channels.slice(0, 3).map((c) => Math.round(c.mean))).toEqual([0, 0, 204]);
  });

  test('the landscape wallpaper sizes are made from the new master, at exactly the stated sizes and bytes', async () => {
    const $ = load(await readFile(join(site.dist, POST), 'utf8'));
    const links = $('.wallpaper-card a[download]');
    expect(links.length).toBe(WALLPAPER_SIZES.length);
    // Desktop sizes are cut from the landscape master (tablets from the square one).
    const landscape = $('.wallpaper-group[data-device="desktop"] a[download]').toArray();
    expect(landscape.length).toBe(WALLPAPER_SIZES.filter((s) => s.device === 'desktop').length);
    for (const link of links.toArray()) {
      const file = served($(link).attr('href')!);
      const { width, height } = await sharp(file).metadata();
      expect([width, height]).toEqual([
        Number($(link).attr('data-width')),
        Number($(link).attr('data-height')),
      ]);
      expect((await stat(file)).size).toBe(Number($(link).attr('data-bytes')));
    }
    for (const link of landscape) {
      const stats = await sharp(served($(link).attr('href')!)).stats();
      // The flat #345 master: every channel's mean near (0x33, 0x44, 0x55), no stars left from the stand-in.
      expect(stats.channels.map((c) => Math.round(c.mean / 4))).toEqual(
        [51, 68, 85].map((v) => Math.round(v / 4)),
      );
    }
  });

  test('the landscape preview (astro:assets) is made from the new master too', async () => {
    const $ = load(await readFile(join(site.dist, POST), 'utf8'));
    const stats = await sharp(served($('.wallpaper-preview-landscape').attr('src')!)).stats();
    expect(stats.channels.slice(0, 3).map((c) => Math.round(c.mean / 4))).toEqual(
      [51, 68, 85].map((v) => Math.round(v / 4)),
    );
  });
});
