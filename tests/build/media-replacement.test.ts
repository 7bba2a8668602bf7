import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { load } from 'cheerio';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { astroBuild, copyProject, type BuildResult, type ProjectCopy } from '../../scripts/project-copy.mjs';

const POST = 'dist/blog/2022-4-12-milvus-10k-stars/index.html';

let project: ProjectCopy;
let first: BuildResult;
let second: BuildResult;

/** A small animated GIF unlike the stand-in, as "the real original" dropped into place. */
async function otherAnimation(): Promise<Buffer> {
  const colours = ['#c00', '#0c0', '#00c'];
  const frames = await Promise.all(
    colours.map((background) => sharp({ create: { width: 320, height: 180, channels: 4, background } }).png().toBuffer()),
  );
  return sharp(frames, { join: { animated: true } }).gif({ delay: [200, 200, 200], loop: 0 }).toBuffer();
}

// Builds the site, swaps two stand-ins for other files under the same manifest entries, and
// builds again in the same folder (so Astro's cache of rendered posts is in play).
beforeAll(async () => {
  project = await copyProject();
  first = await astroBuild(project.dir);
  const media = join(project.dir, 'src/assets/media');
  await writeFile(join(media, 'milvus-10k-stars-timeline.gif'), await otherAnimation());
  await sharp({ create: { width: 4000, height: 2400, channels: 3, background: '#345' } })
    .png()
    .toFile(join(media, 'milvus-10k-wallpaper.png'));
  second = await astroBuild(project.dir);
});
afterAll(() => project?.dispose());

describe('replacing a stand-in with another file under the same manifest entry', () => {
  test('both builds succeed', () => {
    expect(first.code, first.output).toBe(0);
    expect(second.code, second.output).toBe(0);
  });

  test('the post refers to no remote media the manifest knows', async () => {
    const $ = load(await readFile(join(project.dir, POST), 'utf8'));
    expect($('img[src*="zilliz"], source[srcset*="zilliz"], a[href*="assets.zilliz.com"]').length).toBe(0);
  });

  test('the animation takes the new file: its size, and every candidate animated', async () => {
    const $ = load(await readFile(join(project.dir, POST), 'utf8'));
    const img = $('.media-animation img').last();
    expect([img.attr('width'), img.attr('height')]).toEqual(['320', '180']);
    const picture = img.closest('picture');
    const candidates = [...picture.find('source:not([media])').map((_, s) => $(s).attr('srcset')).get(), img.attr('src')!];
    for (const url of candidates) {
      const meta = await sharp(join(project.dir, 'dist', url), { animated: true }).metadata();
      expect(meta.pages, url).toBe(3);
      expect(meta.width, url).toBe(320);
    }
  });

  test('the wallpaper sizes are made from the new master, at exactly the stated sizes', async () => {
    const $ = load(await readFile(join(project.dir, POST), 'utf8'));
    const links = $('.wallpaper-card a[download]');
    expect(links.length).toBe(4);
    for (const link of links.toArray()) {
      const file = join(project.dir, 'dist', $(link).attr('href')!);
      const meta = await sharp(file).stats();
      const { width, height } = await sharp(file).metadata();
      expect([width, height]).toEqual([Number($(link).attr('data-width')), Number($(link).attr('data-height'))]);
      expect((await stat(file)).size).toBe(Number($(link).attr('data-bytes')));
      // The flat #345 master: every channel's mean near (0x33, 0x44, 0x55), no stars left from the stand-in.
      expect(meta.channels.map((c) => Math.round(c.mean / 4))).toEqual([51, 68, 85].map((v) => Math.round(v / 4)));
    }
  });
});
