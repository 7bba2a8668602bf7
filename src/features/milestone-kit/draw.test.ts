// Draws a fictional project (tests/fixtures/milestone/kestrel.yaml) twice, and a CJK one, and
// saves the art beside the test screenshots (test-results/milestone/) with the seed's for a
// side-by-side look.
import { copyFile, mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import { mediaSettingsSchema } from '../media/media-data';
import { contrast } from './contrast.ts';
import { drawCover } from './cover.ts';
import { loadMilestone, milestoneFrom, type Milestone } from './data.ts';
import { drawMilestone, MAX_ANIMATION_BYTES, type Drawn } from './draw.ts';
import { fontsFor } from './fonts.ts';
import { render, words } from './text.ts';
import { drawWallpaper } from './wallpaper.ts';
import { allText } from './words.ts';

const ART = resolve('test-results/milestone');
const MEDIA = resolve('src/assets/media');
let m: Milestone;
let first: Drawn;
let second: Drawn;
let dirs: string[];

const file = (drawn: Drawn, name: string) => drawn.files.find((f) => basename(f.path) === name)!;
const slug = 'kestrel-streamworks-observability-platform-1m-stars';

/** An animation's frame as PNG. */
const frame = (path: string, page: number) => sharp(path, { page }).png().toBuffer();
const pixels = (path: string, page: number) => sharp(path, { page }).raw().toBuffer();

beforeAll(async () => {
  m = await loadMilestone(resolve('tests/fixtures/milestone/kestrel.yaml'));
  dirs = [await mkdtemp(join(tmpdir(), 'kit-a-')), await mkdtemp(join(tmpdir(), 'kit-b-'))];
  // Entries name files relative to a media folder: here the temporary folder's parent.
  first = await drawMilestone(m, dirs[0]!, tmpdir());
  second = await drawMilestone(m, dirs[1]!, tmpdir());
}, 600_000);

describe('drawing a milestone', { timeout: 60_000 }, () => {
  test('cover, animations (wide and phone, WebP and GIF) and the three wallpaper masters, at their sizes', async () => {
    const expected: [string, number, number, number?][] = [
      [`${slug}-cover.png`, 1600, 900],
      [`${slug}-growth.webp`, 960, 540, 34],
      [`${slug}-growth.gif`, 960, 540, 34],
      [`${slug}-growth-phone.webp`, 720, 1080, 34],
      [`${slug}-growth-phone.gif`, 720, 1080, 34],
      [`${slug}-timeline.webp`, 960, 540, 7],
      [`${slug}-timeline.gif`, 960, 540, 7],
      [`${slug}-timeline-phone.webp`, 720, 1280, 7],
      [`${slug}-timeline-phone.gif`, 720, 1280, 7],
      [`${slug}-wallpaper.png`, 5120, 2160],
      [`${slug}-wallpaper-portrait.png`, 1290, 2796],
      [`${slug}-wallpaper-square.png`, 2732, 2732],
    ];
    expect(first.files.map((f) => basename(f.path))).toEqual(expected.map(([name]) => name));
    for (const [name, width, height, frames] of expected) {
      const path = join(dirs[0]!, name);
      const meta = await sharp(path, { animated: true }).metadata();
      expect([meta.width, meta.pageHeight ?? meta.height, meta.pages ?? 1], name).toEqual([
        width,
        height,
        frames ?? 1,
      ]);
      expect((await readFile(path)).byteLength, name).toBe(file(first, name).bytes);
      if (frames) {
        // The message frame is held 4 s; WebP and GIF share the timing.
        expect(meta.delay?.at(-1), name).toBe(4000);
        expect(meta.loop, name).toBe(0);
      }
    }
  });

  test('the animated WebP stays within 1.5 MB (wide) and 800 kB (phone)', () => {
    for (const f of first.files.filter((f) => f.path.endsWith('.webp')))
      expect(f.bytes, f.path).toBeLessThanOrEqual(
        MAX_ANIMATION_BYTES[f.path.includes('-phone') ? 'phone' : 'wide'],
      );
  });

  test('the last frame (the message) differs from the first, and from the one before it', async () => {
    for (const f of first.files.filter((f) => f.frames)) {
      const last = f.frames! - 1;
      expect((await pixels(f.path, 0)).equals(await pixels(f.path, last)), f.path).toBe(false);
      expect((await pixels(f.path, last - 1)).equals(await pixels(f.path, last)), f.path).toBe(
        false,
      );
    }
  });

  test('the GIF shows the same pictures as the WebP, within the palette', async () => {
    const gif = join(dirs[0]!, `${slug}-growth.gif`);
    const webp = join(dirs[0]!, `${slug}-growth.webp`);
    for (const page of [0, 16, 33]) {
      const [a, b] = [await pixels(gif, page), await pixels(webp, page)];
      let sum = 0;
      for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
      expect(sum / a.length, `frame ${page}`).toBeLessThan(3);
    }
  });

  test('drawing twice gives the same bytes', async () => {
    for (const [i, f] of first.files.entries()) {
      const again = second.files[i]!;
      expect(basename(again.path)).toBe(basename(f.path));
      expect((await readFile(again.path)).equals(await readFile(f.path)), f.path).toBe(true);
    }
    expect(second.markdown).toBe(first.markdown);
  });

  test('media data entries in the media data schema; the markdown has the cover, two figures and the wallpaper link', () => {
    const urls = Object.keys(first.entries);
    expect(urls).toHaveLength(4);
    for (const entry of Object.values(first.entries)) {
      expect(mediaSettingsSchema.safeParse(entry).error).toBeUndefined();
      for (const key of ['file', 'phone', 'portrait'] as const)
        if (entry[key]) expect(resolve(tmpdir(), String(entry[key]))).toMatch(dirs[0]!);
    }
    expect(Object.values(first.entries).map((e) => e.role)).toEqual([
      'cover',
      'animation',
      'animation',
      'wallpaper',
    ]);
    const [cover, growth, timeline, wallpaper] = urls;
    expect(first.markdown).toContain(`\ncover: ${cover}\n`);
    expect(first.markdown).toContain(`![Cover image](${cover} `);
    expect(first.markdown).toContain(`![Road to 1,000,000 stars](${growth} `);
    expect(first.markdown).toContain(`](${timeline} `);
    expect(first.markdown).toMatch(new RegExp(`\\[a downloadable wallpaper\\]\\(${wallpaper}\\)`));
  });
});

describe('layouts that hold', () => {
  test('a CJK name, downloads and a dark brand: cover and portrait wallpaper draw with every text in AA', async () => {
    const cjk = await milestoneFrom(
      {
        project: { name: '星河向量数据库', repository: 'xinghe/vector-db' },
        metric: 'downloads',
        milestone: 1_000_000,
        date: '2030-01-01',
        title: '星河向量数据库下载量突破一百万',
        message: '一百万次下载，谢谢大家！',
        thanks: '感谢每一位贡献者！',
        history: [
          { date: '2028-01-01', count: 10 },
          { date: '2029-06-01', count: 400000 },
        ],
        brand: { background: '#1b1030', accent: '#ff9ecf', highlight: '#7ce0c3' },
      },
      'cjk.yaml',
    );
    for (const colour of [cjk.palette.text, cjk.palette.muted, cjk.palette.accent])
      expect(contrast(colour, cjk.palette.background)).toBeGreaterThanOrEqual(4.5);
    const fonts = await fontsFor(allText(cjk));
    expect(fonts.some((f) => f.name.startsWith('Noto Sans SC'))).toBe(true);
    // Real glyphs, not one missing-glyph box for every character.
    const glyph = async (c: string) =>
      /<path[^>]* d="([^"]+)"/.exec(await render(words(c, 40, 700, '#000'), fonts, 80, 60))![1];
    expect(new Set(await Promise.all([...'星河向量'].map(glyph))).size).toBe(4);
    await mkdir(ART, { recursive: true });
    await sharp(await drawCover(cjk, fonts))
      .png()
      .toFile(join(ART, 'cjk-cover.png'));
    await sharp(await drawWallpaper(cjk, fonts, 'portrait'))
      .resize(645)
      .png()
      .toFile(join(ART, 'cjk-wallpaper-portrait.png'));
  }, 120_000);

  test('saved for a look: the test project’s art beside the seed’s', async () => {
    await mkdir(ART, { recursive: true });
    const save = async (from: string, name: string, page?: number, width?: number) => {
      let image = sharp(from, page === undefined ? {} : { page });
      if (width) image = image.resize(width);
      await image.png().toFile(join(ART, name));
    };
    for (const [prefix, dir, base] of [
      ['kestrel', dirs[0]!, slug],
      ['seed', MEDIA, ''],
    ] as const) {
      const names = base
        ? {
            cover: `${base}-cover.png`,
            growth: `${base}-growth`,
            timeline: `${base}-timeline`,
            wallpaper: `${base}-wallpaper`,
          }
        : {
            cover: 'covers/milvus-10k-cover.png',
            growth: 'milvus-road-to-10k-stars',
            timeline: 'milvus-10k-stars-timeline',
            wallpaper: 'milvus-10k-wallpaper',
          };
      await copyFile(join(dir, names.cover), join(ART, `${prefix}-cover.png`));
      for (const kind of ['growth', 'timeline'] as const)
        for (const variant of ['', '-phone']) {
          const gif = join(dir, `${names[kind]}${variant}.gif`);
          const { pages = 1 } = await sharp(gif, { animated: true }).metadata();
          await save(gif, `${prefix}-${kind}${variant}-last.png`, pages - 1);
          await save(gif, `${prefix}-${kind}${variant}-middle.png`, Math.floor(pages / 2));
        }
      await save(join(dir, `${names.wallpaper}.png`), `${prefix}-wallpaper.png`, undefined, 1280);
      await save(
        join(dir, `${names.wallpaper}-portrait.png`),
        `${prefix}-wallpaper-portrait.png`,
        undefined,
        645,
      );
      await save(
        join(dir, `${names.wallpaper}-square.png`),
        `${prefix}-wallpaper-square.png`,
        undefined,
        1024,
      );
    }
    expect((await frame(join(ART, 'kestrel-cover.png'), 0)).byteLength).toBeGreaterThan(0);
  }, 120_000);
});
