import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { load } from 'cheerio';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { fileFor } from '../support/dist-links';
import { builtSite } from '../support/sites';

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
    expect($('img[src*="zilliz"], source[srcset*="zilliz"], a[href*="assets.zilliz.com"]').length).toBe(0);
  });

  test('the animation takes the new file: its size, and every candidate animated', async () => {
    const $ = load(await readFile(join(site.dist, POST), 'utf8'));
    const img = $('.media-animation img').last();
    expect([img.attr('width'), img.attr('height')]).toEqual(['320', '180']);
    const picture = img.closest('picture');
    const candidates = [...picture.find('source:not([media])').map((_, s) => $(s).attr('srcset')).get(), img.attr('src')!];
    for (const url of candidates) {
      const meta = await sharp(served(url), { animated: true }).metadata();
      expect(meta.pages, url).toBe(3);
      expect(meta.width, url).toBe(320);
    }
  });

  test('the wallpaper sizes are made from the new master, at exactly the stated sizes', async () => {
    const $ = load(await readFile(join(site.dist, POST), 'utf8'));
    const links = $('.wallpaper-card a[download]');
    expect(links.length).toBe(4);
    for (const link of links.toArray()) {
      const file = served($(link).attr('href')!);
      const meta = await sharp(file).stats();
      const { width, height } = await sharp(file).metadata();
      expect([width, height]).toEqual([Number($(link).attr('data-width')), Number($(link).attr('data-height'))]);
      expect((await stat(file)).size).toBe(Number($(link).attr('data-bytes')));
      // The flat #345 master: every channel's mean near (0x33, 0x44, 0x55), no stars left from the stand-in.
      expect(meta.channels.map((c) => Math.round(c.mean / 4))).toEqual([51, 68, 85].map((v) => Math.round(v / 4)));
    }
  });
});
