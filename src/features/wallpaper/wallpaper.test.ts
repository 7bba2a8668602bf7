import { join } from 'node:path';
import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import sharp from 'sharp';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { MEDIA_DIR, mediaIndex } from '../media/media-files';
import { renderVariant } from '../media/variants';
import { scaleSafeArea, wallpaperDownloads, wallpaperMasters } from './downloads';
import { containsBox } from './masters';
import { rehypeWallpaper, WALLPAPER_CARD_ID } from './rehype-wallpaper';
import { readerScreen } from './screen';
import { bestWallpaperSize, masterKindsFor, WALLPAPER_SIZES } from './sizes';

const wallpaper = [...mediaIndex().entries.values()].find((e) => e.role === 'wallpaper')!;
const POST = join(process.cwd(), 'src/content/blog/post.md');

async function run(tree: Root, file = new VFile({ path: POST })) {
  const out = (await unified()
    .use(rehypeWallpaper, { postsDir: 'src/content/blog' })
    .run(tree, file)) as Root;
  return { html: toHtml(out), file };
}

// Encoding every size (4K included) takes seconds on a busy machine; the cache makes later runs quick.
describe('wallpaper downloads', { timeout: 60_000 }, () => {
  test('every size of sizes.ts, cut from the master of its kind, keeping its safe area, as a JPEG of exactly that size', async () => {
    const downloads = await wallpaperDownloads(wallpaper);
    expect(downloads.map((d) => `${d.width}x${d.height}`)).toEqual(
      WALLPAPER_SIZES.map((s) => `${s.width}x${s.height}`),
    );
    for (const download of downloads) {
      expect(download.master.orientation).toBe(masterKindsFor(download)[0]);
      expect(containsBox(download.box!, download.master.safeArea!)).toBe(true);
      expect(download.downloadName).toBe(
        `milvus-10k-stars-wallpaper-${download.width}x${download.height}.jpg`,
      );
      const meta = await sharp(await renderVariant(download.variant)).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual([
        'jpeg',
        download.width,
        download.height,
      ]);
    }
  });

  test('the masters’ safe areas are the data file’s, scaled to the file should its size differ', async () => {
    const [landscape, portrait] = await wallpaperMasters(wallpaper);
    expect(landscape!.safeArea).toEqual({ left: 1060, top: 250, width: 3000, height: 1660 });
    expect(portrait!.safeArea).toEqual({ left: 96, top: 860, width: 1098, height: 1560 });
    expect(
      scaleSafeArea(
        { left: 100, top: 10, width: 200, height: 20, measuredOn: { width: 1000, height: 100 } },
        500,
        50,
      ),
    ).toEqual({ left: 50, top: 5, width: 100, height: 10 });
  });

  test('a wallpaper with no safe area on record is cut by attention, at exactly each size; a portrait file alone is the portrait master', async () => {
    const bare = {
      ...wallpaper,
      slug: 'bare',
      portrait: undefined,
      square: undefined,
      settings: {},
    };
    const downloads = await wallpaperDownloads(bare);
    // Desktop sizes, and the landscape tablet sizes the master holds without upscaling.
    expect(downloads.map((d) => `${d.device} ${d.orientation}`)).toEqual(
      WALLPAPER_SIZES.filter(
        (s) =>
          s.device === 'desktop' ||
          (s.device === 'tablet' && s.orientation === 'landscape' && s.height <= 2160),
      ).map((s) => `${s.device} ${s.orientation}`),
    );
    expect(downloads.every((d) => d.box === undefined)).toBe(true);
    const meta = await sharp(await renderVariant(downloads[3]!.variant)).metadata();
    expect([meta.width, meta.height]).toEqual([downloads[3]!.width, downloads[3]!.height]);
    const tall = { ...bare, slug: 'tall', file: wallpaper.portrait! };
    expect((await wallpaperMasters(tall)).map((m) => m.orientation)).toEqual(['portrait']);
  });
});

describe('rehypeWallpaper', { timeout: 60_000 }, () => {
  const link = () =>
    h('a', { href: 'https://assets.zilliz.com/10_K_stars_2b2e0e0b36.png' }, 'the wallpaper');

  test('the link leads to a card right after its paragraph, with every size, grouped by device, and what each suits', async () => {
    const { html } = await run(h(null, [h('p', ['Get ', link(), '!']), h('p', 'After.')]));
    expect(html).toMatch(
      new RegExp(
        `^<p>Get <a href="#${WALLPAPER_CARD_ID}" data-print-href="https://milestones\\.milvus\\.io/blog/post/#${WALLPAPER_CARD_ID}">the wallpaper</a>!</p><section class="wallpaper-card" id="${WALLPAPER_CARD_ID}"`,
      ),
    );
    expect(html.indexOf('</section>')).toBeLessThan(html.indexOf('After.'));
    expect(html.match(/download="milvus-10k-stars-wallpaper-\d+x\d+\.jpg"/g)).toHaveLength(
      WALLPAPER_SIZES.length,
    );
    expect(html.match(/<p class="wallpaper-group-title">[^<]+/g)).toEqual([
      '<p class="wallpaper-group-title">Desktop and laptop',
      '<p class="wallpaper-group-title">Tablet',
      '<p class="wallpaper-group-title">Phone',
    ]);
    expect(html).toMatch(
      /<a href="\/media\/milvus-10k-stars-wallpaper-1179x2556\.\w+\.jpg" download="milvus-10k-stars-wallpaper-1179x2556\.jpg" data-width="1179" data-height="2556" data-bytes="\d+"><span class="wallpaper-dimensions">1179 × 2556<\/span> <span class="wallpaper-label">iPhone<\/span> <span class="wallpaper-suits">e\.g\. iPhone 15, 15 Pro and 16<\/span> <span class="wallpaper-details">JPEG, \d+ kB<\/span><\/a>/,
    );
    expect(html).toMatch(
      /<div class="wallpaper-group" data-device="phone"><p class="wallpaper-group-title">Phone<\/p><ul class="wallpaper-sizes"><li><a href="\/media\/milvus-10k-stars-wallpaper-1179x2556\./,
    );
  });

  test('a landscape and a portrait preview go to astro:assets as the post’s local images, relative to the post', async () => {
    const { html, file } = await run(h(null, [h('p', [link()])]));
    const paths = (file.data as { astro?: { localImagePaths?: string[] } }).astro?.localImagePaths;
    expect(paths).toEqual([
      '../../assets/media/milvus-10k-wallpaper.png',
      '../../assets/media/milvus-10k-wallpaper-portrait.png',
    ]);
    expect(join(POST, '..', paths![0]!)).toBe(join(MEDIA_DIR, 'milvus-10k-wallpaper.png'));
    expect(html).toMatch(
      /<img src="\.\.\/\.\.\/assets\/media\/milvus-10k-wallpaper\.png" alt="Preview of the desktop wallpaper" class="wallpaper-preview wallpaper-preview-landscape" width="832"/,
    );
    expect(html).toContain('alt="Preview of the phone wallpaper"');
  });

  test('one card however often the post links the wallpaper; no path, no previews', async () => {
    const { html } = await run(
      h(null, [h('p', [link()]), h('ul', [h('li', [link()])])]),
      new VFile(),
    );
    expect(html.match(/<section/g)).toHaveLength(1);
    expect(html.match(new RegExp(`href="#${WALLPAPER_CARD_ID}"`, 'g'))).toHaveLength(2);
    expect(html).not.toContain('wallpaper-preview');
  });
});

describe('readerScreen and the best size', () => {
  test('a phone held sideways still gets a portrait wallpaper', () => {
    expect(bestWallpaperSize(readerScreen({ width: 852, height: 393 }, 3, true))).toMatchObject({
      width: 1179,
      height: 2556,
    });
    expect(bestWallpaperSize(readerScreen({ width: 393, height: 852 }, 3, true))).toMatchObject({
      width: 1179,
      height: 2556,
    });
  });

  test('tablets and desktops keep the orientation they report', () => {
    expect(readerScreen({ width: 1024, height: 768 }, 2, true)).toEqual({
      width: 1024,
      height: 768,
      devicePixelRatio: 2,
      device: 'tablet',
    });
    expect(bestWallpaperSize(readerScreen({ width: 1920, height: 1080 }, 2, false))).toMatchObject({
      width: 3840,
      height: 2160,
    });
    expect(readerScreen({ width: 800, height: 500 }, 1, false)).toEqual({
      width: 800,
      height: 500,
      devicePixelRatio: 1,
      device: 'desktop',
    });
  });
});
